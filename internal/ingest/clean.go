package ingest

import (
	"html"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
	"golang.org/x/text/unicode/norm"
)

// CleanOptions controls the Cleaner.
type CleanOptions struct {
	// Patterns applies the curated list of page-junk patterns (share and
	// print widgets, "related articles" runs, copyright and contact lines…).
	Patterns bool
	// UnescapeEntities turns HTML entities left in text (&quot; &amp; …,
	// common in scraped corpora such as SaudiNewsNet) into characters.
	UnescapeEntities bool
	// Boilerplate holds lines learned as boilerplate per source from a batch
	// (see BoilerplateLearner); nil: none.
	Boilerplate *Boilerplate
}

// DefaultCleanOptions returns the options every reader uses.
func DefaultCleanOptions() CleanOptions {
	return CleanOptions{Patterns: true, UnescapeEntities: true}
}

// Removal is one piece of junk the Cleaner took out.
type Removal struct {
	Text string // the text removed (one line or the glued end or start of one)
	Rule string // why: the name of the pattern, or "boilerplate" for learned lines
}

// Cleaned is the Cleaner's result.
type Cleaned struct {
	Text    string    // the article text without junk, lines trimmed, runs of blank lines collapsed
	Removed []Removal // what was taken out, in text order
}

// Cleaner removes page junk from article text: whole lines that are junk,
// and junk glued to the start or end of a line (single-paragraph pages glue
// widgets and "related articles" runs onto the last sentence). It never cuts
// inside a sentence: a line is only split at sentence ends and at runs of
// two or more spaces, and only pieces at its start or end are removed.
// A Cleaner is safe for concurrent use.
type Cleaner struct {
	opt CleanOptions
}

// NewCleaner returns a Cleaner with opt.
func NewCleaner(opt CleanOptions) *Cleaner { return &Cleaner{opt: opt} }

// maxHeadlineRun is how many related headlines after a "read also" header
// are dropped at most; sites show 3–6 (seed 004: 2, typical WordPress
// "related posts" widgets: 3–5).
const maxHeadlineRun = 8

// Clean cleans text from source (the site or feed name, for learned
// boilerplate; may be "").
func (c *Cleaner) Clean(source, text string) Cleaned {
	text = sanitize(text)
	if c.opt.UnescapeEntities && strings.IndexByte(text, '&') >= 0 {
		text = html.UnescapeString(text)
		text = sanitize(text) // &#0; and friends
	}
	var out Cleaned
	lines := strings.Split(text, "\n")
	kept := make([]string, 0, len(lines))
	inRun := 0 // >0: inside a run of related headlines after a header line
	for _, ln := range lines {
		ln = trimSpace(ln)
		if ln == "" {
			kept = append(kept, "")
			inRun = 0 // a paragraph break ends a run of related headlines
			continue
		}
		if inRun > 0 {
			if isHeadlineLike(ln) {
				out.Removed = append(out.Removed, Removal{Text: ln, Rule: "related headlines"})
				inRun--
				continue
			}
			inRun = 0
		}
		if c.opt.Boilerplate != nil && c.opt.Boilerplate.Has(source, ln) {
			out.Removed = append(out.Removed, Removal{Text: ln, Rule: "boilerplate"})
			continue
		}
		if !c.opt.Patterns {
			kept = append(kept, ln)
			continue
		}
		if rule, header := junkSegment(ln); rule != "" {
			out.Removed = append(out.Removed, Removal{Text: ln, Rule: rule})
			if header {
				inRun = maxHeadlineRun
			}
			continue
		}
		ln, removed, header := peel(ln)
		out.Removed = append(out.Removed, removed...)
		if header {
			inRun = maxHeadlineRun
		}
		if ln != "" {
			kept = append(kept, ln)
		}
	}
	// collapse blank lines: at most one between paragraphs, none at the ends
	var b strings.Builder
	blank := false
	for _, ln := range kept {
		if ln == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			if blank {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(ln)
	}
	out.Text = b.String()
	return out
}

// peel removes junk glued to the start or the end of a line: the line is
// cut into segments at sentence ends and runs of spaces, and junk segments
// are taken off both ends. A "read also" header anywhere in the line takes
// everything after it when that is only headlines (no sentence follows).
func peel(ln string) (string, []Removal, bool) {
	segs := segments(ln)
	if len(segs) < 2 {
		return ln, nil, false
	}
	var removed []Removal
	header := false
	// a related-articles header followed only by headlines: cut from it
	for i, s := range segs {
		if i == 0 {
			continue
		}
		if hdr := relatedHeaderAt(ln[s.start:]); hdr != "" {
			rest := ln[s.start:]
			if onlyHeadlines(rest[len(hdr):]) {
				removed = append(removed, Removal{Text: trimSpace(rest), Rule: "related headlines"})
				segs = segs[:i]
				header = true
				break
			}
		}
	}
	lo, hi := 0, len(segs)
	var head []Removal
	for lo < hi {
		s := segs[lo]
		rule, _ := junkSegment(ln[s.start:s.end])
		if rule == "" {
			break
		}
		head = append(head, Removal{Text: ln[s.start:s.end], Rule: rule})
		lo++
	}
	var tail []Removal
	for hi > lo {
		s := segs[hi-1]
		rule, _ := junkSegment(ln[s.start:s.end])
		if rule == "" {
			break
		}
		tail = append([]Removal{{Text: ln[s.start:s.end], Rule: rule}}, tail...)
		hi--
	}
	if lo == 0 && hi == len(segs) && len(removed) == 0 {
		return ln, nil, false
	}
	removed = append(append(head, tail...), removed...)
	if lo >= hi {
		return "", removed, header
	}
	return trimSpace(ln[segs[lo].start:segs[hi-1].end]), removed, header
}

type seg struct{ start, end int }

// segments cuts a line after sentence-final punctuation followed by a space
// and at runs of two or more spaces (how flattened pages separate blocks,
// e.g. seed 004's "   قد يهمك ايضا :   …").
func segments(ln string) []seg {
	var out []seg
	start := 0
	add := func(end int) {
		s, e := start, end
		for s < e {
			r, sz := utf8.DecodeRuneInString(ln[s:])
			if !isSpaceRune(r) {
				break
			}
			s += sz
		}
		for e > s {
			r, sz := utf8.DecodeLastRuneInString(ln[:e])
			if !isSpaceRune(r) {
				break
			}
			e -= sz
		}
		if e > s {
			out = append(out, seg{s, e})
		}
	}
	for i := 0; i < len(ln); {
		r, sz := utf8.DecodeRuneInString(ln[i:])
		if isSpaceRune(r) {
			j := i + sz
			n := 1
			for j < len(ln) {
				r2, sz2 := utf8.DecodeRuneInString(ln[j:])
				if !isSpaceRune(r2) {
					break
				}
				j += sz2
				n++
			}
			prev, _ := utf8.DecodeLastRuneInString(ln[:i])
			if n >= 2 || isSentenceEnd(prev) {
				add(i)
				start = j
			}
			i = j
			continue
		}
		i += sz
	}
	add(len(ln))
	return out
}

func isSentenceEnd(r rune) bool {
	switch r {
	case '.', '!', '?', '؟', '…', '۔':
		return true
	}
	return false
}

// isSpaceRune: Unicode white space, and the directional marks that pages
// put around RTL text. Arabic and other letters below U+1680 are answered
// without a table look-up (cleaning is on every document's path).
func isSpaceRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r == ' ' || (r >= '\t' && r <= '\r')
	case r < 0x1680:
		return r == 0x85 || r == 0xA0
	}
	return unicode.IsSpace(r) || r == '\u200f' || r == '\u200e'
}

func trimSpace(s string) string { return strings.TrimFunc(s, isSpaceRune) }

// sanitize makes text safe and uniform: CRLF and CR become LF, U+2028/2029
// become LF, control characters other than tab and LF are dropped, and
// invalid UTF-8 is replaced.
func sanitize(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	clean, forms := true, false
	for _, r := range s {
		if r == '\r' || r == '\u2028' || r == '\u2029' || (r != '\n' && r != '\t' && unicode.IsControl(r)) || r == '\uFEFF' {
			clean = false
		}
		forms = forms || presentationForm(r)
	}
	if forms {
		s = foldPresentationForms(s)
	}
	if clean {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r', r == '\u2028', r == '\u2029':
			return '\n'
		case r == '\n', r == '\t':
			return r
		case r == '\uFEFF', unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

// presentationForm reports an Arabic presentation form (U+FB50–U+FDFF,
// U+FE70–U+FEFC): the contextual glyphs some sites and PDF exports write
// instead of letters (ﻃﻴﺮﺍﻥ for طيران).
func presentationForm(r rune) bool {
	return r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFC
}

// foldPresentationForms writes the letters of every Arabic presentation
// form (its compatibility decomposition: ﻃ → ط, ﻻ → لا, ﷲ → الله), so that
// the text is read like any other: 31 arabic-news articles were written so,
// and their names and event words were not found.
func foldPresentationForms(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if presentationForm(r) {
			b.WriteString(norm.NFKC.String(string(r)))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isHeadlineLike: a short line that does not end a sentence, as the related
// headlines after "قد يهمك ايضا" are.
func isHeadlineLike(ln string) bool {
	if n := wordCount(ln); n == 0 || n > 20 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(ln)
	return !isSentenceEnd(last) && last != ':' && last != '،' && last != ','
}

// onlyHeadlines: what follows a related-articles header holds no sentence
// end before its last few characters and is not long (seed 004: two
// headlines separated by runs of spaces).
func onlyHeadlines(s string) bool {
	s = trimSpace(s)
	if s == "" {
		return true
	}
	if wordCount(s) > 80 {
		return false
	}
	body := strings.TrimRightFunc(s, func(r rune) bool { return isSentenceEnd(r) || isSpaceRune(r) })
	return strings.IndexFunc(body, isSentenceEnd) < 0
}

func wordCount(s string) int { return countWords(s, len(s)) }

// countWords counts space-separated words in s, stopping once it passes
// limit (callers only ask "more than limit?"). It does not allocate.
func countWords(s string, limit int) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		c := s[i]
		size := 1
		var sp bool
		if c < utf8.RuneSelf {
			sp = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			sp = isSpaceRune(r)
		}
		switch {
		case sp:
			in = false
		case !in:
			in = true
			n++
			if n > limit {
				return n
			}
		}
		i += size
	}
	return n
}

// junkSegment reports whether a whole line (or segment of one) is junk, with
// the rule's name; header is true for "related articles" headers, after
// which a run of headlines follows.
func junkSegment(s string) (rule string, header bool) {
	s = trimSpace(s)
	if s == "" {
		return "", false
	}
	if isWidgetOnly(s) {
		return "share/print widget", false
	}
	if hdr := relatedHeaderAt(s); hdr != "" {
		rest := trimSpace(s[len(hdr):])
		if rest == "" {
			return "related headlines", true
		}
		if countWords(rest, 25) <= 25 && onlyHeadlines(rest) {
			// a list header with its first headline glued on: more follow
			return "related headlines", !patterns().single.MatchString(hdr)
		}
	}
	p := patterns()
	n := countWords(s, maxPatternWords)
	for _, jp := range p.line {
		if n <= jp.maxWords && containsAny(s, jp.hints) && jp.re.MatchString(s) {
			return jp.name, false
		}
	}
	return "", false
}

// maxWidgetWords: the longest widget line seen (a row of share buttons
// with labels) has 8 words.
const maxWidgetWords = 12

// maxPatternWords is the largest maxWords in linePatterns.
const maxPatternWords = 150

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// relatedHeaderAt returns the "read also" header at the start of s, or "".
func relatedHeaderAt(s string) string {
	loc := patterns().related.FindStringIndex(s)
	if loc == nil {
		return ""
	}
	return s[:loc[1]]
}

// isWidgetOnly: the line is made of share/print/comment widget words,
// counters and punctuation only ("0 تعليق ارسل لصديق نسخة للطباعة",
// "شاركنا ..", "إعجاب تحميل..."). No sentence is made of these words alone.
func isWidgetOnly(s string) bool {
	if countWords(s, maxWidgetWords) > maxWidgetWords {
		return false
	}
	norm := arabic.Normalize(strings.ToLower(s))
	words := strings.FieldsFunc(norm, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsMark(r))
	})
	if len(words) == 0 {
		// punctuation only: "* * *", "..."; a number alone ("7.") may
		// open a list item and is kept
		return !strings.ContainsFunc(s, unicode.IsDigit)
	}
	vocab := patterns().widget
	for i := 0; i < len(words); {
		if i+1 < len(words) && vocab[words[i]+" "+words[i+1]] {
			i += 2
			continue
		}
		if !vocab[words[i]] {
			return false
		}
		i++
	}
	return true
}

type linePattern struct {
	name     string
	re       *regexp.Regexp
	maxWords int      // longer lines never match: a junk line is short
	hints    []string // a match contains one of these
}

type patternSet struct {
	line    []linePattern
	related *regexp.Regexp
	single  *regexp.Regexp
	widget  map[string]bool
}

// patterns are compiled once and shared read-only.
var patterns = sync.OnceValue(func() *patternSet {
	p := &patternSet{widget: map[string]bool{}}
	for _, w := range widgetWords {
		p.widget[arabic.Normalize(strings.ToLower(w))] = true
	}
	p.related = regexp.MustCompile(`(?i)^` + arPattern(relatedHeader))
	p.single = regexp.MustCompile(`^` + arPattern(singleLinkHeader))
	for _, lp := range linePatterns {
		p.line = append(p.line, linePattern{name: lp.name, re: regexp.MustCompile(`(?i)^(?:` + arPattern(lp.re) + `)$`), maxWords: lp.maxWords, hints: lp.hints})
	}
	return p
})

// arPattern makes a pattern written in normalised Arabic (ا ي ه و) match
// the spellings found in text: hamza forms of alef, alef maksura, teh
// marbuta, and diacritics or tatweel after any letter. A space matches any
// run of spaces. ASCII characters are regexp syntax.
func arPattern(p string) string {
	var b strings.Builder
	const marks = `[\x{064B}-\x{065F}\x{0670}\x{0640}]*`
	rs := []rune(p)
	for i, r := range rs {
		switch {
		case r == ' ' && i+1 < len(rs) && rs[i+1] == '?':
			b.WriteString(`[\s\x{00A0}]*`)
			rs[i+1] = 0 // consumed
		case r == 0:
		case r == ' ':
			b.WriteString(`[\s\x{00A0}]+`)
		case r == 'ا':
			b.WriteString(`[اأإآٱ]` + marks)
		case r == 'ي':
			b.WriteString(`[يىئ]` + marks)
		case r == 'ه':
			b.WriteString(`[هة]` + marks)
		case r == 'و':
			b.WriteString(`[وؤ]` + marks)
		case arabic.IsArabicLetter(r):
			b.WriteRune(r)
			b.WriteString(marks)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
