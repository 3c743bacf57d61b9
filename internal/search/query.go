package search

import (
	"fmt"
	"github.com/marsad-project/marsad/internal/arabic"
	"strings"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/store"
)

// Query syntax (what users type; anything else is taken as words):
//
//	فايز السراج            every word must match (in any order)
//	"فايز السراج"          phrase: the words in this order («…» and “…” too)
//	سرت OR بنغازي           either word (OR in capitals)
//	-حفتر  NOT حفتر         must not match
//	AND, NEAR, * ^ : ( )   ignored (FTS operators are never passed through)
//
// Punctuation is dropped, so a query of only punctuation is empty.

// proclitics a query word may carry or lack: conjunctions و ف, prepositions
// ب ل ك, and their usual pairs (Buckwalter's segmentation of the ATB lists
// these as the one- and two-letter proclitics before a noun; ال is handled
// by the arabic analyzer).
var proclitics = []string{"و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل"}

// ParseQuery parses a user query into clauses of analysed terms.
func (a *Analyzer) ParseQuery(text string) (store.Query, error) {
	var q store.Query
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, " ")
	}
	segs := splitQuery(text)
	negNext, orNext := false, false
	words := 0
	for _, s := range segs {
		if !s.quoted {
			switch s.text {
			case "OR", "|":
				orNext = len(q.Must) > 0 && !negNext
				continue
			case "AND", "NEAR", "&":
				continue
			case "NOT":
				negNext = true
				continue
			}
		}
		ts := a.Terms(s.text)
		terms := termStrings(ts)
		if len(terms) == 0 {
			continue
		}
		surface := make([]string, len(ts)) // the words as typed, normalised
		for i, t := range ts {
			if t.Start >= 0 && t.End <= len(s.text) && t.Start < t.End {
				surface[i] = arabic.Normalize(s.text[t.Start:t.End])
			}
		}
		neg := s.neg || negNext
		negNext = false
		var clauses []store.Clause
		if s.quoted {
			clauses = []store.Clause{a.phraseClause(terms, surface[0])}
			words += len(terms)
		} else {
			for i, t := range terms {
				clauses = append(clauses, a.wordClause(t, surface[i]))
				words++
			}
		}
		if words > MaxQueryClauses {
			return store.Query{}, fmt.Errorf("%w: more than %d words; use the most telling few", ErrQueryTooLong, MaxQueryClauses)
		}
		if neg {
			q.Not = append(q.Not, clauses...)
			orNext = false
			continue
		}
		if orNext && len(q.Must) > 0 {
			last := &q.Must[len(q.Must)-1]
			last.Alts = appendAlts(last.Alts, clauses[0].Alts)
			clauses = clauses[1:]
		}
		orNext = false
		q.Must = append(q.Must, clauses...)
	}
	if len(q.Must) == 0 {
		if len(q.Not) > 0 {
			return store.Query{}, fmt.Errorf("%w: only exclusions given", ErrEmptyQuery)
		}
		return store.Query{}, ErrEmptyQuery
	}
	return q, nil
}

// wordClause is one word (term t of the typed word surface) with its
// clitic alternatives.
func (a *Analyzer) wordClause(t, surface string) store.Clause {
	c := store.Clause{}
	for _, f := range a.forms(t, surface) {
		c.Alts = appendAlts(c.Alts, [][]string{{f}})
	}
	return c
}

// phraseClause is a phrase; its first word may carry or lack a proclitic
// (بفايز السراج), the others are taken as written (expanding every word
// would multiply the alternatives).
func (a *Analyzer) phraseClause(terms []string, surface string) store.Clause {
	c := store.Clause{}
	for _, f := range a.forms(terms[0], surface) {
		alt := append([]string{f}, terms[1:]...)
		c.Alts = appendAlts(c.Alts, [][]string{alt})
	}
	return c
}

// forms returns t and, for an Arabic word the analyzer left whole that
// starts with a proclitic (ب ل ك و ف or a pair), the word without it: the
// segmenter in internal/arabic splits clitics only off words its lexicon
// knows, so بسرت in a query also looks for سرت. (Adding proclitics to
// query words instead would cost ten alternatives a word for little: the
// documents' words went through the same segmenter.) Not when the word as
// typed is a word of its own at least as frequent in the news as the word
// without the letter: وزارة is "ministry", not و + زارة, and must not find
// زار "visited" (surface is the typed word, normalised; "" skips the check).
func (a *Analyzer) forms(t, surface string) []string {
	out := []string{t}
	if !a.opt.CliticAlternatives || !isArabicTerm(t) {
		return out
	}
	for i := len(proclitics) - 1; i >= 0; i-- { // two-letter ones first
		if rest, ok := strings.CutPrefix(t, proclitics[i]); ok && utf8.RuneCountInString(rest) >= 3 {
			if w := withoutArticle(surface); w != "" {
				if bare, ok := strings.CutPrefix(w, proclitics[i]); ok && arabic.WordFreq(w) > 0 && arabic.WordFreq(w) >= arabic.WordFreq(bare) {
					return out
				}
			}
			return appendUnique(out, a.variants.term(rest))
		}
	}
	return out
}

// withoutArticle returns the typed word without a leading article and the
// conjunction or preposition before it (الوزارة, والوزارة → وزارة), the
// form whose first letter forms weighs.
func withoutArticle(w string) string {
	for _, p := range [...]string{"وال", "فال", "بال", "كال", "لل", "ال"} {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 3 {
			return rest
		}
	}
	return w
}

func isArabicTerm(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return r >= 0x0600 && r <= 0x06FF
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func appendAlts(dst, src [][]string) [][]string {
	for _, alt := range src {
		dup := false
		for _, d := range dst {
			if strings.Join(d, " ") == strings.Join(alt, " ") {
				dup = true
				break
			}
		}
		if !dup {
			dst = append(dst, alt)
		}
	}
	return dst
}

type segment struct {
	text   string
	quoted bool
	neg    bool
}

// closing quote for each opening quote users type.
var quotePairs = map[rune]rune{'"': '"', '«': '»', '“': '”', '„': '“'}

// splitQuery splits text into quoted phrases and bare words; a "-" right
// before a word or phrase negates it.
func splitQuery(text string) []segment {
	var out []segment
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00A0' {
			i += size
			continue
		}
		neg := false
		if r == '-' && i+size < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[i+size:])
			if r2 != ' ' && r2 != '-' {
				neg = true
				i += size
				r, size = r2, s2
			}
		}
		if closeQ, ok := quotePairs[r]; ok {
			j := strings.IndexRune(text[i+size:], closeQ)
			if j < 0 {
				// Unclosed quote: the rest is the phrase.
				out = append(out, segment{text: text[i+size:], quoted: true, neg: neg})
				break
			}
			out = append(out, segment{text: text[i+size : i+size+j], quoted: true, neg: neg})
			i += size + j + utf8.RuneLen(closeQ)
			continue
		}
		j := i
		for j < len(text) {
			r, s := utf8.DecodeRuneInString(text[j:])
			if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00A0' {
				break
			}
			if _, ok := quotePairs[r]; ok {
				break
			}
			j += s
		}
		out = append(out, segment{text: text[i:j], neg: neg})
		i = j
	}
	return out
}
