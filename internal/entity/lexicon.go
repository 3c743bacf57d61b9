package entity

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/marsad-project/marsad/internal/arabic"
)

//go:embed data/lexicon.tsv
var lexiconTSV string

// Lexicon classes (see data/lexicon.tsv).
const (
	classRank      = "rank"
	classRole      = "role"
	classPlace     = "place"
	classFacility  = "facility"
	classOrgHead   = "orghead"
	classMembers   = "members"
	classLeader    = "leader"
	classRoleLink  = "rolelink"
	classFunction  = "function"
	classSpokesman = "spokesman"
	classUnit      = "unit"
	classBody      = "body"
	classScope     = "scope"
	classSacred    = "sacred"
	classFormula   = "formula"
)

// lexicon holds multi-word phrases per class as normalised token slices,
// longest first so that matching is greedy.
type lexicon struct {
	phrases map[string][][]string
	byFirst map[string]map[string][][]string // class → first word without ال → phrases, longest first
}

var loadLexicon = sync.OnceValues(func() (*lexicon, error) { return parseLexicon(lexiconTSV) })

func parseLexicon(src string) (*lexicon, error) {
	lx := &lexicon{phrases: map[string][][]string{}}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		class, phrase, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("entity: lexicon line %d: want class<TAB>phrase", n+1)
		}
		toks := normWords(phrase)
		if len(toks) == 0 {
			return nil, fmt.Errorf("entity: lexicon line %d: empty phrase", n+1)
		}
		lx.phrases[class] = append(lx.phrases[class], toks)
	}
	lx.byFirst = map[string]map[string][][]string{}
	for class, ps := range lx.phrases {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i]) > len(ps[j]) })
		m := map[string][][]string{}
		for _, p := range ps {
			k := stripAl(p[0])
			m[k] = append(m[k], p)
		}
		lx.byFirst[class] = m
	}
	return lx, nil
}

// normWords returns the normalised word tokens of s (punctuation other than
// a final abbreviation point dropped).
func normWords(s string) []string {
	var out []string
	for _, t := range arabic.Tokenize(s) {
		if t.IsWord() {
			out = append(out, t.Norm)
		}
	}
	return out
}

// match returns the length in tokens of the longest phrase of class that
// starts words, or 0. A phrase word matches with or without the article ال
// and with a leading conjunction و (ووزير الخارجية).
func (lx *lexicon) match(class string, words []string) int {
	if len(words) == 0 {
		return 0
	}
	m := lx.byFirst[class]
	cands := m[stripAl(words[0])]
	if c := strings.TrimPrefix(words[0], "و"); c != words[0] {
		cands = append(cands[:len(cands):len(cands)], m[stripAl(c)]...)
	}
	for _, p := range cands {
		if len(p) > len(words) {
			continue
		}
		ok := true
		for i, w := range p {
			x := words[i]
			if i == 0 {
				x = strings.TrimPrefix(x, "و")
				if x != w && words[i] != w && stripAl(x) != stripAl(w) {
					ok = false
					break
				}
				continue
			}
			if x != w && stripAl(x) != stripAl(w) {
				ok = false
				break
			}
		}
		if ok {
			return len(p)
		}
	}
	return 0
}

// exact reports whether the single word w is a one-word phrase of class as
// written, the article included (مشير, not سلطان for السلطان).
func (lx *lexicon) exact(class, w string) bool {
	for _, p := range lx.byFirst[class][stripAl(w)] {
		if len(p) == 1 && p[0] == w {
			return true
		}
	}
	return false
}

// has reports whether the single word w is a one-word phrase of class.
func (lx *lexicon) has(class, w string) bool {
	return lx.match(class, []string{w}) == 1
}
