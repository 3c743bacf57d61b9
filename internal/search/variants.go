package search

import (
	"bufio"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
)

// variants maps spelling variants to canonical terms. Built once, read-only.
type variants struct {
	// seqs maps the first term of a multi-term spelling to its spellings,
	// longest first.
	seqs   map[string][]seqVariant
	single map[string]string // term → canonical term
	prefix map[string]string // word start → canonical word start
	suffix map[string]string // word end → canonical word end
	maxPre int               // longest prefix key, in bytes
	maxSuf int
}

type seqVariant struct {
	terms     []string
	canonical string
}

// parseVariants reads a table (see variants.txt), analysing each spelling
// with a's chain so the table matches what indexing produces.
func parseVariants(a *Analyzer, table string) (*variants, error) {
	v := &variants{seqs: map[string][]seqVariant{}, single: map[string]string{}, prefix: map[string]string{}, suffix: map[string]string{}}
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
		var canon string
		var canonAffix string
		for i, p := range parts {
			p = strings.TrimSpace(p)
			switch {
			case strings.HasSuffix(p, "*") || strings.HasPrefix(p, "*"):
				isPre := strings.HasSuffix(p, "*")
				w := a.affix(strings.Trim(p, "*"))
				if w == "" {
					return nil, fmt.Errorf("search: variants line %d: %q has no letters", line, p)
				}
				if i == 0 {
					canonAffix = w
					continue
				}
				if canonAffix == "" {
					return nil, fmt.Errorf("search: variants line %d: mix of X* and whole words", line)
				}
				if isPre {
					v.prefix[w] = canonAffix
					v.maxPre = max(v.maxPre, len(w))
				} else {
					v.suffix[w] = canonAffix
					v.maxSuf = max(v.maxSuf, len(w))
				}
			default:
				if canonAffix != "" {
					return nil, fmt.Errorf("search: variants line %d: mix of X* and whole words", line)
				}
				terms := termStrings(a.rawTerms(nil, p))
				if len(terms) == 0 {
					return nil, fmt.Errorf("search: variants line %d: %q has no words (only stopwords or punctuation?)", line, p)
				}
				if i == 0 {
					canon = safeTerm(strings.Join(terms, "·"))
					if len(terms) > 1 {
						v.addSeq(terms, canon)
					}
					continue
				}
				if len(terms) == 1 {
					if terms[0] != canon {
						v.single[terms[0]] = canon
					}
				} else {
					v.addSeq(terms, canon)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("search: variants: %w", err)
	}
	return v, nil
}

func (v *variants) addSeq(terms []string, canon string) {
	list := append(v.seqs[terms[0]], seqVariant{terms: terms, canonical: canon})
	// Longest first, so the longest spelling wins.
	for i := len(list) - 1; i > 0 && len(list[i].terms) > len(list[i-1].terms); i-- {
		list[i], list[i-1] = list[i-1], list[i]
	}
	v.seqs[terms[0]] = list
}

// affix normalises one word-part of a X* / *X spelling (no clitic
// stripping: it is a part of a word).
func (a *Analyzer) affix(s string) string {
	n := a.norm.Normalize(strings.TrimSpace(s))
	if a.opt.FoldForeignLetters {
		n = foldForeign(n)
	}
	return safeTerm(n)
}

func termStrings(ts []arabic.Term) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Term
	}
	return out
}

// apply rewrites terms in place: multi-term spellings first (longest
// first), then whole-term spellings, then word starts and ends.
func (v *variants) apply(ts []arabic.Term) []arabic.Term {
	out := ts[:0]
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if cands, ok := v.seqs[t.Term]; ok {
			matched := false
			for _, c := range cands {
				if i+len(c.terms) > len(ts) {
					continue
				}
				ok := true
				for k, w := range c.terms {
					if ts[i+k].Term != w {
						ok = false
						break
					}
				}
				if ok {
					end := ts[i+len(c.terms)-1].End
					out = append(out, arabic.Term{Term: c.canonical, Start: t.Start, End: end, Pos: t.Pos})
					i += len(c.terms) - 1
					matched = true
					break
				}
			}
			if matched {
				continue
			}
		}
		t.Term = v.word(t.Term)
		out = append(out, t)
	}
	return out
}

// word maps one term.
func (v *variants) word(w string) string {
	if c, ok := v.single[w]; ok {
		return c
	}
	// Longest matching start (أميرك* covers أميركا itself), then longest
	// matching end (which must leave a stem: *بورغ does not rewrite بورغ).
	for n := min(v.maxPre, len(w)); n > 0; n-- {
		if n < len(w) && !utf8.RuneStart(w[n]) {
			continue
		}
		if c, ok := v.prefix[w[:n]]; ok {
			w = c + w[n:]
			break
		}
	}
	for n := min(v.maxSuf, len(w)); n > 0; n-- {
		k := len(w) - n
		if !utf8.RuneStart(w[k]) {
			continue
		}
		if c, ok := v.suffix[w[k:]]; ok && k > 0 {
			w = w[:k] + c
			break
		}
	}
	return w
}
