package entity

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/corpus"
	"github.com/marsad-project/marsad/internal/export"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/ner"
	"github.com/marsad-project/marsad/internal/pipeline"
	"github.com/marsad-project/marsad/internal/shareddata"
)

var (
	seedsOut    = flag.String("seeds.out", "", "write the extract contract of the seeds to this file (for score.py)")
	seedsTagger = flag.Bool("seeds.tagger", true, "run the NER tagger before the resolver")
	seedsFinder = flag.Bool("seeds.finder", true, "run the gazetteer place finder before the resolver")
	seedsOrgs   = flag.Bool("seeds.orgs", true, "run the organisation finder (curated list, head-noun cues) before the cue finder")
	seedsCues   = flag.Bool("seeds.cues", true, "run the cue finder (titles, group heads, facilities) before the resolver")
	seedsDisc   = flag.Bool("seeds.discourse", true, "run discourse propagation before the resolver")
)

// TestSeeds runs sentences → NER tagger → place finder → resolver on the
// seed articles: every mention must be a valid span and every entity must
// have a name. With -seeds.out the extract contract is written for
// ../shared/eval/score.py; -seeds.tagger=false / -seeds.finder=false drop a
// stage to measure what it brings.
func TestSeeds(t *testing.T) {
	files, err := corpus.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(seedMinimums) {
		t.Fatalf("%d embedded seed articles, want %d", len(files), len(seedMinimums))
	}
	// The minimums hold only for the default chain; a flag that drops a
	// stage is a measurement run.
	full := *seedsTagger && *seedsFinder && *seedsOrgs && *seedsCues && *seedsDisc
	var stages []pipeline.Stage
	if *seedsTagger {
		tg, err := ner.Load()
		if err != nil {
			t.Fatal(err)
		}
		stages = append(stages, ner.NewStage(tg))
	}
	if *seedsFinder {
		f, err := NewPlaceFinder(DefaultFinderOptions())
		if err != nil {
			t.Fatal(err)
		}
		stages = append(stages, f)
	}
	if *seedsOrgs {
		of, err := NewOrgFinder(DefaultOrgOptions())
		if err != nil {
			t.Fatal(err)
		}
		stages = append(stages, of)
	}
	if *seedsCues {
		cf, err := NewCueFinder(DefaultCueOptions())
		if err != nil {
			t.Fatal(err)
		}
		stages = append(stages, cf)
	}
	if *seedsDisc {
		d, err := NewDiscourse(DefaultDiscourseOptions())
		if err != nil {
			t.Fatal(err)
		}
		stages = append(stages, d)
	}
	r, err := NewResolver(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(append(stages, r)...)
	var w *export.JSONLWriter
	if *seedsOut != "" {
		out, err := os.Create(*seedsOut)
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		bw := bufio.NewWriter(out)
		defer bw.Flush()
		w = export.NewJSONLWriter(bw)
	}
	for _, f := range files {
		a, err := p.Analyze(context.Background(), model.Document{ID: f.Name, Text: string(f.Data)})
		if err != nil {
			t.Fatal(err)
		}
		checkEntities(t, a.Doc.Text, a.Entities)
		if full {
			checkSeedMinimums(t, &a)
		}
		if w != nil {
			if err := w.Write(&a); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// seedMinimums are floors for the default chain on each embedded seed
// article, keyed by file name: the entity count measured on 2026-11-23
// (22, 35, 10, 27, 25) minus about a quarter, so a broken stage fails while
// small model changes do not. Every article names Haftar and at least one
// place.
var seedMinimums = map[string]struct {
	entities, per, loc, org int
}{
	"000_0796cbe4e9476291.txt": {16, 1, 10, 3},
	"001_62e59a4f9c6de75d.txt": {26, 7, 11, 7},
	"002_642d4779de111c4a.txt": {7, 2, 2, 2},
	"003_6180295ae112573a.txt": {20, 5, 9, 2},
	"004_3c7b16306e099204.txt": {18, 3, 8, 5},
}

func checkSeedMinimums(t *testing.T, a *model.Analysis) {
	t.Helper()
	want, ok := seedMinimums[a.Doc.ID]
	if !ok {
		t.Errorf("%s: no minimums for this seed article", a.Doc.ID)
		return
	}
	count := map[string]int{}
	haftar := false
	for _, e := range a.Entities {
		count[e.Type]++
		if e.Type == "PER" && strings.Contains(e.Name, "حفتر") {
			haftar = true
		}
	}
	if len(a.Entities) < want.entities {
		t.Errorf("%s: %d entities, want at least %d", a.Doc.ID, len(a.Entities), want.entities)
	}
	for _, c := range []struct {
		typ string
		min int
	}{{"PER", want.per}, {"LOC", want.loc}, {"ORG", want.org}} {
		if count[c.typ] < c.min {
			t.Errorf("%s: %d %s entities, want at least %d", a.Doc.ID, count[c.typ], c.typ, c.min)
		}
	}
	if !haftar {
		t.Errorf("%s: Haftar (حفتر) not found as a PER entity", a.Doc.ID)
	}
}

func checkEntities(t *testing.T, text string, ents []model.Entity) {
	t.Helper()
	for _, e := range ents {
		if strings.TrimSpace(e.Name) == "" || !isTypeOK(e.Type) || len(e.Mentions) == 0 {
			t.Errorf("bad entity %+v", e)
		}
		for _, m := range e.Mentions {
			if !validSpan(text, m.Start, m.End) || text[m.Start:m.End] != m.Text {
				t.Errorf("entity %q: bad mention %+v", e.Name, m)
			}
		}
	}
}

var corpusOut = flag.String("corpus.out", "", "write the entities of the Libya news sample to this file (JSON Lines)")

// TestLibyaCorpus runs the whole chain on the 150 Libya articles of
// ../shared/data/arabic-news (CC BY-NC-SA: read in place, never copied):
// every mention must be a valid span. With -corpus.out the contract is
// written for reading by eye.
func TestLibyaCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	path := filepath.Join(shareddata.SharedDir(t, "data"), "arabic-news", "libya_articles.jsonl")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip(err)
	}
	tg, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	f, err := NewPlaceFinder(DefaultFinderOptions())
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewResolver(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(ner.NewStage(tg), f, r)
	var w *export.JSONLWriter
	if *corpusOut != "" {
		out, err := os.Create(*corpusOut)
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		bw := bufio.NewWriter(out)
		defer bw.Flush()
		w = export.NewJSONLWriter(bw)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var art struct{ ID, Text string }
		if err := json.Unmarshal([]byte(line), &art); err != nil {
			t.Fatal(err)
		}
		a, err := p.Analyze(context.Background(), model.Document{ID: art.ID, Text: art.Text})
		if err != nil {
			t.Fatal(err)
		}
		checkEntities(t, a.Doc.Text, a.Entities)
		if w != nil {
			if err := w.Write(&a); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestSeedsRegistry registers the entities of the five seed articles (whole
// chain) and checks that people named in several of them get one id.
func TestSeedsRegistry(t *testing.T) {
	files, err := corpus.Seeds()
	if err != nil || len(files) == 0 {
		t.Fatalf("embedded seeds: %d files, %v", len(files), err)
	}
	tg, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := NewPlaceFinder(DefaultFinderOptions())
	r, _ := NewResolver(DefaultOptions())
	p := pipeline.New(ner.NewStage(tg), f, r)
	reg := NewRegistry()
	ids := map[string]map[string]bool{} // registry id → docs
	for _, sf := range files {
		a, err := p.Analyze(context.Background(), model.Document{ID: sf.Name, Text: string(sf.Data)})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range a.Entities {
			id := reg.Resolve(e)
			if ids[id] == nil {
				ids[id] = map[string]bool{}
			}
			ids[id][a.Doc.ID] = true
		}
	}
	for _, name := range []string{"فائز السراج", "ليبيا", "طرابلس"} {
		found := false
		for _, typ := range []string{"PER", "LOC"} {
			if id, ok := reg.Lookup(typ, name); ok {
				found = true
				if len(ids[id]) < 2 {
					t.Errorf("%s: id %s seen in %d article(s), want several", name, id, len(ids[id]))
				}
			}
		}
		if !found {
			t.Errorf("%s not registered", name)
		}
	}
}
