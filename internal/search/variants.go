package search

import (
	"bufio"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
)

// variants maps spelling variants to canonical terms. Built once, read-only.
//
// A canonical term is the normalised first spelling of its line (words
// joined by "·"), not its analysed form: it stays the same when the
// stemmer changes, and a name is not cut by it.
type variants struct {
	// seqs maps the first normalised word of a multi-word spelling to its
	// spellings, longest first.
	seqs   map[string][]seqVariant
	words  map[string]string // normalised word (with or without ال) → canonical
	terms  map[string]string // analysed term → canonical, where analysis kept the word whole
	prefix map[string]string // term start → canonical start
	suffix map[string]string // term end → canonical end
	maxPre int               // longest prefix key, in bytes
	maxSuf int
}

type seqVariant struct {
	words     []string
	canonical string
}

// wordProclitics may stand before a variant spelling in text: conjunctions,
// prepositions, the article and their usual combinations.
var wordProclitics = []string{"وال", "بال", "فال", "كال", "لل", "ال", "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك"}

// parseVariants reads a table (see variants.txt).
func parseVariants(a *Analyzer, table string) (*variants, error) {
	v := &variants{seqs: map[string][]seqVariant{}, words: map[string]string{}, terms: map[string]string{},
		prefix: map[string]string{}, suffix: map[string]string{}}
	sc := bufio.NewScanner(strings.NewReader(table))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		parts := strings.Split(s, "|")
		if len(parts) < 2 {
			return nil, fmt.Errorf("search: variants line %d: want two or more spellings separated by |: %q", line, s)
		}
		affix := strings.Contains(parts[0], "*")
		var canon string
		for i, p := range parts {
			p = strings.TrimSpace(p)
			if strings.Contains(p, "*") != affix {
				return nil, fmt.Errorf("search: variants line %d: mix of X* and whole words", line)
			}
			if affix {
				isPre := strings.HasSuffix(p, "*")
				if isPre == strings.HasPrefix(p, "*") {
					return nil, fmt.Errorf("search: variants line %d: %q: put * at the start or the end", line, p)
				}
				w := a.normWords(strings.Trim(p, "*"))
				if len(w) != 1 {
					return nil, fmt.Errorf("search: variants line %d: %q: one word part, please", line, p)
				}
				if i == 0 {
					canon = w[0]
				} else if isPre {
					v.prefix[w[0]] = canon
					v.maxPre = max(v.maxPre, len(w[0]))
				} else {
					v.suffix[w[0]] = canon
					v.maxSuf = max(v.maxSuf, len(w[0]))
				}
				continue
			}
			words := a.normWords(p)
			if len(words) == 0 {
				return nil, fmt.Errorf("search: variants line %d: %q has no words", line, p)
			}
			if i == 0 {
				canon = safeTerm(strings.TrimPrefix(strings.Join(words, "·"), "ال"))
			}
			if len(words) > 1 {
				v.addSeq(words, canon)
				continue
			}
			w := words[0]
			v.words[w] = canon
			if rest, ok := strings.CutPrefix(w, "ال"); ok && utf8.RuneCountInString(rest) >= 2 {
				v.words[rest] = canon
			}
			// Where the analyzer keeps the word whole (bar the article), its
			// term may stand for it too: الفاجنر → فاجنر → فاغنر.
			if t := safeTerm(a.base.TermOf(w, arabic.KindArabic)); t != "" && (t == w || "ال"+t == w) {
				v.terms[t] = canon
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("search: variants: %w", err)
	}
	return v, nil
}

// normWords returns the normalised words of s (no clitics stripped).
func (a *Analyzer) normWords(s string) []string {
	var out []string
	for _, t := range a.tok.AppendTokens(nil, s) {
		if t.IsWord() {
			n := t.Norm
			if a.opt.FoldForeignLetters {
				n = foldForeign(n)
			}
			out = append(out, n)
		}
	}
	return out
}

func (v *variants) addSeq(words []string, canon string) {
	list := append(v.seqs[words[0]], seqVariant{words: words, canonical: canon})
	for i := len(list) - 1; i > 0 && len(list[i].words) > len(list[i-1].words); i-- {
		list[i], list[i-1] = list[i-1], list[i]
	}
	v.seqs[words[0]] = list
}

// tokens matches a spelling at the start of toks (their Norm, the first
// possibly with a proclitic): it returns the canonical term and the number
// of tokens used, or 0.
func (v *variants) tokens(toks []arabic.Token) (string, int) {
	first := toks[0].Norm
	try := func(w string) (string, int) {
		for _, c := range v.seqs[w] {
			if len(c.words) > len(toks) {
				continue
			}
			ok := true
			for k := 1; k < len(c.words); k++ {
				if toks[k].Norm != c.words[k] {
					ok = false
					break
				}
			}
			if ok {
				return c.canonical, len(c.words)
			}
		}
		if c, ok := v.words[w]; ok {
			return c, 1
		}
		return "", 0
	}
	if c, n := try(first); n > 0 {
		return c, n
	}
	for _, p := range wordProclitics {
		if rest, ok := strings.CutPrefix(first, p); ok && utf8.RuneCountInString(rest) >= 3 {
			if c, n := try(rest); n > 0 {
				return c, n
			}
		}
	}
	return "", 0
}

// term maps one analysed term.
func (v *variants) term(w string) string {
	if c, ok := v.terms[w]; ok {
		return c
	}
	// Longest matching start (أميرك* covers أميركا itself), then longest
	// matching end, which must leave a stem (*بورغ does not rewrite بورغ).
	for n := min(v.maxPre, len(w)); n > 0; n-- {
		if n < len(w) && !utf8.RuneStart(w[n]) {
			continue
		}
		if c, ok := v.prefix[w[:n]]; ok {
			w = c + w[n:]
			break
		}
	}
	for n := min(v.maxSuf, len(w)-1); n > 0; n-- {
		k := len(w) - n
		if !utf8.RuneStart(w[k]) {
			continue
		}
		if c, ok := v.suffix[w[k:]]; ok {
			w = w[:k] + c
			break
		}
	}
	return w
}
