package sqlite_test

import (
	"context"
	"encoding/gob"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/marsad-project/marsad/internal/analysis"
	"github.com/marsad-project/marsad/internal/event"
	"github.com/marsad-project/marsad/internal/ingest"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/pipeline"
	"github.com/marsad-project/marsad/internal/shareddata"
	"github.com/marsad-project/marsad/internal/store/sqlite"
	"github.com/marsad-project/marsad/internal/store/storetest"
)

// TestPutArabicNews times Put alone (the analysis done beforehand) on the
// 5,150 arabic-news articles, in batches of 200 as `marsad ingest`, and
// prints the time of each fifth of the articles: a store whose entity
// resolution grew with the store would slow down fifth by fifth. Opt-in:
//
//	MARSAD_PUTBENCH=/tmp/analyses.gob go test ./internal/store/sqlite -run PutArabicNews -v
//
// The analyses are cached in that file (made on the first run).
func TestPutArabicNews(t *testing.T) {
	cache := os.Getenv("MARSAD_PUTBENCH")
	if cache == "" {
		t.Skip("set MARSAD_PUTBENCH=FILE to run")
	}
	var as []model.Analysis
	if f, err := os.Open(cache); err == nil {
		err = gob.NewDecoder(f).Decode(&as)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
	} else {
		dir := shareddata.Dir(t, "arabic-news")
		stages, err := analysis.Stages()
		if err != nil {
			t.Fatal(err)
		}
		ev, err := event.New(event.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		p := pipeline.New(append(stages, ev)...)
		r := ingest.NewReader(ingest.DefaultOptions())
		err = r.Read(context.Background(), []string{dir}, nil, func(d model.Document) error {
			a, err := p.Analyze(context.Background(), d)
			if err != nil {
				return err
			}
			as = append(as, a)
			return nil
		}, func(error) {})
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Create(cache)
		if err != nil {
			t.Fatal(err)
		}
		if err := gob.NewEncoder(f).Encode(as); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	opt := sqlite.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(t)
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "m.db"), opt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var total, part time.Duration
	fifth := len(as)/5 + 1
	for i := 0; i < len(as); i += 200 {
		b := as[i:min(i+200, len(as))]
		start := time.Now()
		if _, err := s.Put(context.Background(), b); err != nil {
			t.Fatal(err)
		}
		d := time.Since(start)
		total += d
		part += d
		if (i+len(b))/fifth != i/fifth || i+len(b) == len(as) {
			t.Logf("articles %5d: %v this part, %v in all", i+len(b), part.Round(time.Millisecond), total.Round(time.Millisecond))
			part = 0
		}
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d articles, %d entities, Put %v", st.Articles, st.Entities, total.Round(time.Millisecond))
}
