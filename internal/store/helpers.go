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
// offsets of the words they come from.
func MakeSnippet(a Analyzer, text string, q Query) Snippet {
	want := map[string]bool{}
	for _, t := range q.Terms() {
		want[t] = true
	}
	// Analyse sentence by sentence and stop once every clause of the query
	// has a hit and a snippet's length of text after it is analysed: analysis is the costly
	// part (a whole article took ~2 ms), and hits cluster near the top.
	var hits []arabic.Term
	if len(want) > 0 {
		found := map[string]bool{}
		stopAt := -1
		for start := 0; start < len(text); {
			if stopAt >= 0 && start > stopAt {
				break
			}
			end := chunkEnd(text, start)
			for _, t := range a.Terms(text[start:end]) {
				if want[t.Term] {
					t.Start += start
					t.End += start
					hits = append(hits, t)
					found[t.Term] = true
				}
			}
			if stopAt < 0 && everyClause(q, found) {
				stopAt = end + SnippetRunes*2
			}
			start = end
		}
	}
	budget := SnippetRunes * 2 // bytes: Arabic letters take two
	// Best window: the one starting at a hit that covers the most distinct
	// terms within budget bytes.
	bestStart, bestScore := 0, -1
	for i := range hits {
		seen := map[string]bool{}
		for j := i; j < len(hits) && hits[j].End-hits[i].Start <= budget; j++ {
			seen[hits[j].Term] = true
		}
		if len(seen) > bestScore {
			bestScore, bestStart = len(seen), i
		}
	}
	start, end := 0, len(text)
	if len(hits) > 0 {
		h := hits[bestStart]
		// Put a little context before the first hit.
		start = backRunes(text, h.Start, SnippetRunes/5)
	}
	if end-start > budget {
		end = start + budget
	}
	start, end = wordBounds(text, start, end)
	s := Snippet{Start: start, End: end, Text: text[start:end], ElidedBefore: start > 0, ElidedAfter: end < len(text)}
	for _, h := range hits {
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

// chunkMin is the least a snippet's analysis chunk holds, in bytes.
const chunkMin = 512

// chunkEnd returns the end of the chunk of text from start that MakeSnippet
// analyses at once: past at least chunkMin bytes, at the first end of a
// sentence (. ! ? ؟ followed by a space) or line after that, else the end of
// the text. Finding it is a byte scan; a full sentence split of the article
// cost 12 % of a search with snippets, most of it past the passage needed.
func chunkEnd(text string, start int) int {
	for i := start + chunkMin; i < len(text); {
		j := strings.IndexAny(text[i:], ".!?؟\n")
		if j < 0 {
			break
		}
		i += j
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if text[i-1] == '\n' || i == len(text) || text[i] == ' ' || text[i] == '\n' {
			return i
		}
	}
	return len(text)
}

// everyClause reports whether each positive clause of q has a term in found.
func everyClause(q Query, found map[string]bool) bool {
	for _, c := range q.Must {
		ok := false
		for _, alt := range c.Alts {
			for _, t := range alt {
				if found[t] {
					ok = true
				}
			}
		}
		if !ok {
			return false
		}
	}
	return true
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
