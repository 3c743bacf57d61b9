package entity

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/export"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/shareddata"
)

var goldMentionsOut = flag.String("seeds.goldmentions.out", "", "resolve gold-form mentions of the seeds and write the contract here")

// TestSeedsGoldMentions measures the resolver alone: its mentions are every
// token-aligned occurrence of a gold form in the seed articles (longest
// first, a proclitic on the first word allowed, as a tagger would mark it),
// with the gold type; score the output with ../shared/eval/score.py. It only
// runs with -seeds.goldmentions.out.
func TestSeedsGoldMentions(t *testing.T) {
	if *goldMentionsOut == "" {
		t.Skip("needs -seeds.goldmentions.out")
	}
	dir := shareddata.SharedDir(t, "seeds")
	b, err := os.ReadFile(filepath.Join(dir, "..", "eval", "seeds.gold.json"))
	if err != nil {
		t.Skip(err)
	}
	var gold struct {
		Documents []struct {
			Doc      string
			Entities []struct {
				Name, Type string
				Aliases    []string
			}
		}
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	r, err := NewResolver(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(*goldMentionsOut)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	bw := bufio.NewWriter(out)
	defer bw.Flush()
	w := export.NewJSONLWriter(bw)
	for _, gd := range gold.Documents {
		data, err := os.ReadFile(filepath.Join(dir, gd.Doc))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		type form struct {
			words []string
			typ   string
		}
		var forms []form
		for _, e := range gd.Entities {
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				forms = append(forms, form{normWords(n), e.Type})
			}
		}
		sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].words) > len(forms[j].words) })
		toks := arabic.Tokenize(text)
		taken := make([]bool, len(toks))
		var ms []model.Mention
		for _, fm := range forms {
			n := len(fm.words)
			for i := 0; i+n <= len(toks); i++ {
				ok := true
				for k := 0; k < n && ok; k++ {
					tk := toks[i+k].Norm
					switch {
					case taken[i+k]:
						ok = false
					case k > 0:
						ok = tk == fm.words[k]
					default: // the first word may carry proclitics (up to two letters, or لل for ال)
						ok = tk == fm.words[0] || (strings.HasSuffix(tk, fm.words[0]) && len(tk)-len(fm.words[0]) <= 4) ||
							(strings.HasPrefix(fm.words[0], "ال") && strings.HasPrefix(tk, "لل") && tk[len("لل"):] == fm.words[0][len("ال"):])
					}
				}
				if ok {
					for k := 0; k < n; k++ {
						taken[i+k] = true
					}
					s, e := toks[i].Start, toks[i+n-1].End
					ms = append(ms, model.Mention{Text: text[s:e], Start: s, End: e, Type: fm.typ})
				}
			}
		}
		a := model.Analysis{Doc: model.Document{ID: gd.Doc, Text: text}, Mentions: ms}
		if err := r.Process(context.Background(), &a); err != nil {
			t.Fatal(err)
		}
		checkEntities(t, text, a.Entities)
		if err := w.Write(&a); err != nil {
			t.Fatal(err)
		}
	}
}
