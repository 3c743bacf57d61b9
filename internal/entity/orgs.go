package entity

import (
	"context"
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

//go:embed data/orgs.tsv
var orgsTSV string

// knownNames indexes the curated names by the normalised first word
// (without the article), longest phrase first.
type knownNames struct {
	byFirst map[string][]knownName
}

type knownName struct {
	words []string
	typ   string
}

var loadKnownNames = sync.OnceValues(func() (*knownNames, error) {
	kn := &knownNames{byFirst: map[string][]knownName{}}
	for n, line := range strings.Split(orgsTSV, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		typ, name, ok := strings.Cut(line, "\t")
		if !ok || !isTypeOK(typ) {
			return nil, fmt.Errorf("entity: orgs line %d: want TYPE<TAB>name", n+1)
		}
		ws := normWords(name)
		if len(ws) == 0 {
			continue
		}
		k := stripAl(ws[0])
		kn.byFirst[k] = append(kn.byFirst[k], knownName{words: ws, typ: typ})
	}
	for _, ps := range kn.byFirst {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
	}
	return kn, nil
})

// OrgFinder is an optional pipeline stage that adds mentions of a short
// curated list of well-known organisations and armed groups (data/orgs.tsv)
// that the tagger missed. Like PlaceFinder it never changes or overlaps the
// mentions already there; run it before the Resolver. It is immutable and
// safe for concurrent use.
type OrgFinder struct {
	kn *knownNames
}

// NewOrgFinder returns an OrgFinder over the embedded list.
func NewOrgFinder() (*OrgFinder, error) {
	kn, err := loadKnownNames()
	if err != nil {
		return nil, err
	}
	return &OrgFinder{kn: kn}, nil
}

// Name implements pipeline.Stage.
func (f *OrgFinder) Name() string { return "orgs" }

// Process implements pipeline.Stage.
func (f *OrgFinder) Process(ctx context.Context, a *model.Analysis) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("entity: orgs: %w", err)
	}
	a.Mentions = f.Find(a.Doc.Text, a.Mentions)
	return nil
}

// Find returns have plus the known names found in text that overlap none
// of them, sorted by offset. A name may carry a proclitic on its first word
// (للأمم المتحدة, وداعش); the mention then starts after it, except after
// لل where the article's alef is elided and the word is kept whole.
func (f *OrgFinder) Find(text string, have []model.Mention) []model.Mention {
	toks := arabic.Tokenize(text)
	taken := markTaken(toks, text, have)
	out := append([]model.Mention(nil), have...)
	added := false
	for i := 0; i < len(toks); i++ {
		if taken[i] || toks[i].Kind != arabic.KindArabic {
			continue
		}
		first := []cliticSplit{{word: toks[i].Norm}}
		first = append(first, cliticSplits(toks[i].Norm)...)
	next:
		for _, sp := range first {
			for _, kn := range f.kn.byFirst[stripAl(sp.word)] {
				n := len(kn.words)
				if i+n > len(toks) || sp.word != kn.words[0] {
					continue
				}
				ok := true
				for k := 1; k < n; k++ {
					t := toks[i+k]
					if taken[i+k] || t.Kind != arabic.KindArabic || t.Start-toks[i+k-1].End > 1 || t.Norm != kn.words[k] {
						ok = false
						break
					}
				}
				if !ok {
					continue
				}
				out = appendSpan(out, taken, toks, text, i, n, sp.letters, kn.typ)
				added = true
				i += n - 1
				break next
			}
		}
	}
	if added {
		sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	}
	return out
}

// appendSpan appends the mention covering tokens i … i+n-1 (its first
// `letters` letters, a proclitic, skipped) and marks those tokens taken.
func appendSpan(out []model.Mention, taken []bool, toks []arabic.Token, text string, i, n, letters int, typ string) []model.Mention {
	start := toks[i].Start + skipLetters(toks[i].Text, letters)
	end := toks[i+n-1].End
	for k := i; k < i+n; k++ {
		taken[k] = true
	}
	return append(out, model.Mention{Text: text[start:end], Start: start, End: end, Type: typ})
}

// markTaken marks the tokens covered by existing mentions.
func markTaken(toks []arabic.Token, text string, have []model.Mention) []bool {
	taken := make([]bool, len(toks))
	for _, m := range have {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			continue
		}
		i := sort.Search(len(toks), func(i int) bool { return toks[i].End > m.Start })
		for ; i < len(toks) && toks[i].Start < m.End; i++ {
			taken[i] = true
		}
	}
	return taken
}
