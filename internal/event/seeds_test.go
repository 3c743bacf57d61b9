package event_test

import (
	"bufio"
	"context"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/marsad-project/marsad/internal/entity"
	"github.com/marsad-project/marsad/internal/event"
	"github.com/marsad-project/marsad/internal/export"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/ner"
	"github.com/marsad-project/marsad/internal/pipeline"
)

var seedsOut = flag.String("seeds.out", "", "write the extract contract of the seeds to this file (for ../shared/eval/score.py)")

// sharedDir finds ../shared/<sub> by walking up from the package directory;
// it skips the test when the folder is absent.
func sharedDir(t testing.TB, sub string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", sub)
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skipf("shared/%s not found above the package directory", sub)
		}
		dir = parent
	}
}

func fullPipeline(t testing.TB) *pipeline.Pipeline {
	t.Helper()
	tg, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	f, err := entity.NewPlaceFinder(entity.DefaultFinderOptions())
	if err != nil {
		t.Fatal(err)
	}
	r, err := entity.NewResolver(entity.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	x, err := event.New(event.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return pipeline.New(ner.NewStage(tg), f, r, x)
}

// TestSeeds runs the whole analysis (NER, places, entities, events) on the
// seed articles and checks every event against the contract: a PLOVER type,
// a modality, actor / recipients / location among the document's entity
// names, the sentence span. With -seeds.out it writes the extract contract
// for score.py.
func TestSeeds(t *testing.T) {
	dir := sharedDir(t, "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed articles")
	}
	sort.Strings(files)
	p := fullPipeline(t)
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
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		a, err := p.Analyze(context.Background(), model.Document{ID: filepath.Base(path), Text: string(data)})
		if err != nil {
			t.Fatal(err)
		}
		checkEvents(t, &a)
		if w != nil {
			if err := w.Write(&a); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func checkEvents(t *testing.T, a *model.Analysis) {
	t.Helper()
	names := map[string]bool{}
	for _, e := range a.Entities {
		names[e.Name] = true
	}
	for _, ev := range a.Events {
		if !event.IsType(ev.Type) {
			t.Errorf("%s: bad type %q", a.Doc.ID, ev.Type)
		}
		switch ev.Modality {
		case model.Asserted, model.Planned, model.Negated, model.Reported:
		default:
			t.Errorf("%s: bad modality %q", a.Doc.ID, ev.Modality)
		}
		for _, n := range append([]string{ev.Actor, ev.Location}, ev.Recipients...) {
			if n != "" && !names[n] {
				t.Errorf("%s: %s argument %q is not an entity name", a.Doc.ID, ev.Type, n)
			}
		}
		if ev.Start < 0 || ev.End > len(a.Doc.Text) || ev.Start >= ev.End || a.Doc.Text[ev.Start:ev.End] != ev.Sentence {
			t.Errorf("%s: bad sentence span %d..%d", a.Doc.ID, ev.Start, ev.End)
		}
	}
}
