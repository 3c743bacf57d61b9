package store

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// EntityKey is the store-wide identity of an entity: its type and its
// normalised name. Every backend calls this one function, so swapping in
// the cross-document registry's ids (internal/entity) is a one-line change.
func EntityKey(e model.Entity) string {
	return e.Type + ":" + arabic.Normalize(strings.TrimSpace(e.Name))
}

// NameKey is the normalised form used to match entity and event-argument
// names given by users (filters) against stored names.
func NameKey(name string) string {
	return arabic.Normalize(strings.Join(strings.Fields(name), " "))
}

// Limit clamps a page size: 0 means def, at most 1000.
func Limit(n, def int) int {
	if n <= 0 {
		return def
	}
	if n > 1000 {
		return 1000
	}
	return n
}

// Offset clamps a page offset.
func Offset(n int) int {
	if n < 0 {
		return 0
	}
	return n
}

// JoinTerms returns the terms of text as one space-separated string (what
// SQLite's FTS5 indexes) and their number.
func JoinTerms(terms []arabic.Term) (string, int) {
	n := 0
	for _, t := range terms {
		n += len(t.Term) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range terms {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Term)
	}
	return b.String(), len(terms)
}

// SnippetRunes is the target length of a snippet in code points.
const SnippetRunes = 220

// MakeSnippet picks the passage of text (about SnippetRunes code points)
// holding the most distinct query terms, and marks the words whose terms
// match. It works on the ORIGINAL text: the analyzer's terms carry byte
// offsets of the words they come from. It analyses the whole text (what a
// store does at ingest): a store that keeps its articles' term offsets and
// positions cuts the same snippet without analysis (SnippetOf), and uses
// MakeSnippet only for articles stored without them.
func MakeSnippet(a Analyzer, text string, q Query) Snippet {
	want := q.Terms()
	var hits []arabic.Term
	if len(want) > 0 {
		for _, t := range a.Terms(text) {
			if slicesContains(want, t.Term) {
				hits = append(hits, t)
			}
		}
	}
	spans := make([]TermSpan, len(hits))
	for i, h := range hits {
		spans[i] = TermSpan{Term: h.Term, Start: h.Start, End: h.End}
	}
	return SnippetOf(text, true, spans)
}

// TermSpan is a matched word of a text: the query term it gives, and its
// byte offsets.
type TermSpan struct {
	Term       string
	Start, End int
}

// snippetBudget is a snippet's length in bytes (Arabic letters take two).
const snippetBudget = SnippetRunes * 2

// bestSpan is the index of the span that starts the best window: the one
// covering the most distinct terms within snippetBudget bytes (the first
// such), or -1 when there are none.
func bestSpan(spans []TermSpan) int {
	best, bestScore := -1, -1
	var seen []string // a query has a few terms: no map
	for i := range spans {
		seen = seen[:0]
		for j := i; j < len(spans) && spans[j].End-spans[i].Start <= snippetBudget; j++ {
			if !slicesContains(seen, spans[j].Term) {
				seen = append(seen, spans[j].Term)
			}
		}
		if len(seen) > bestScore {
			bestScore, best = len(seen), i
		}
	}
	return best
}

func slicesContains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// SnippetNeed is how many bytes from the start of a text SnippetOf needs
// for spans (ascending): a snippet lies before it.
func SnippetNeed(spans []TermSpan) int {
	if i := bestSpan(spans); i >= 0 {
		return spans[i].Start + snippetBudget + 1
	}
	return snippetBudget + 1
}

// SnippetOf is MakeSnippet's passage for the matched words spans (in
// ascending order, not overlapping, inside the text): text is the
// article's text when complete, else a prefix of it at least
// SnippetNeed(spans) bytes long (the rest is not needed to cut the
// passage), so a store that keeps the words' offsets needs neither the
// analyzer nor the whole text.
func SnippetOf(text string, complete bool, spans []TermSpan) Snippet {
	total := len(text) // the article's length, or more than the prefix
	if !complete {
		total++
	}
	start, end := 0, total
	if i := bestSpan(spans); i >= 0 {
		// Put a little context before the first hit.
		start = backRunes(text, spans[i].Start, SnippetRunes/5)
	}
	if end-start > snippetBudget {
		end = start + snippetBudget
	}
	if end > len(text) { // a prefix too short: never with SnippetNeed
		end = len(text)
	}
	start, end = wordBounds(text, start, end)
	s := Snippet{Start: start, End: end, Text: text[start:end], ElidedBefore: start > 0, ElidedAfter: end < total}
	for _, h := range spans {
		if h.Start >= start && h.End <= end {
			s.Highlights = append(s.Highlights, Span{h.Start - start, h.End - start})
		}
	}
	sort.Slice(s.Highlights, func(i, j int) bool { return s.Highlights[i].Start < s.Highlights[j].Start })
	// Drop overlaps (a multi-word variant and one of its words).
	out := s.Highlights[:0]
	last := -1
	for _, h := range s.Highlights {
		if h.Start >= last {
			out = append(out, h)
			last = h.End
		}
	}
	s.Highlights = out
	return s
}

// backRunes moves n code points back from byte offset i.
func backRunes(s string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i
}

// wordBounds widens start back to the start of its word (unless that is
// far) and narrows end back to the end of the previous whole word, and
// trims spaces, keeping valid UTF-8 boundaries.
func wordBounds(s string, start, end int) (int, int) {
	for start > 0 && !utf8.RuneStart(s[start]) {
		start--
	}
	for end < len(s) && !utf8.RuneStart(s[end]) {
		end--
	}
	if start > 0 {
		i := start
		for k := 0; i > 0 && k < 30; k++ {
			r, size := utf8.DecodeLastRuneInString(s[:i])
			if isBreak(r) {
				break
			}
			i -= size
		}
		start = i
	}
	if end < len(s) {
		j := end
		for j > start {
			r, size := utf8.DecodeLastRuneInString(s[:j])
			if isBreak(r) {
				break
			}
			j -= size
		}
		if j > start {
			end = j
		}
	}
	for start < end {
		r, size := utf8.DecodeRuneInString(s[start:])
		if !isBreak(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !isBreak(r) {
			break
		}
		end -= size
	}
	return start, end
}

func isBreak(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\u00A0'
}
