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

// BenchmarkPutArabicNews times Put alone (the analysis done beforehand) on
// the 5,150 arabic-news articles, in batches of 200 as `marsad ingest`
// does, into a new store each iteration, and reports the time per kilobyte
// of text of the first and of the last fifth of the input (the two files
// differ in article length): a store whose entity resolution grew with
// the store would slow down fifth by fifth. Opt-in, as it needs the analyses:
//
//	MARSAD_PUTBENCH=/tmp/analyses.gob go test ./internal/store/sqlite -run '^$' -bench PutArabicNews -benchtime 1x
//
// The analyses are cached in that file (made on the first run).
func BenchmarkPutArabicNews(b *testing.B) {
	cache := os.Getenv("MARSAD_PUTBENCH")
	if cache == "" {
		b.Skip("set MARSAD_PUTBENCH=FILE to run")
	}
	as := analysedNews(b, cache)
	fifth := len(as)/5 + 1
	var first, last time.Duration
	var kbFirst, kbLast float64
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		b.StopTimer()
		opt := sqlite.DefaultOptions()
		opt.Analyzer = storetest.Analyzer(b)
		s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "m.db"), opt)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for i := 0; i < len(as); i += 200 {
			batch := as[i:min(i+200, len(as))]
			start := time.Now()
			if _, err := s.Put(context.Background(), batch); err != nil {
				b.Fatal(err)
			}
			d := time.Since(start)
			kb := 0.0
			for _, a := range batch {
				kb += float64(len(a.Doc.Text)) / 1024
			}
			switch {
			case i < fifth:
				first, kbFirst = first+d, kbFirst+kb
			case i >= len(as)-fifth:
				last, kbLast = last+d, kbLast+kb
			}
		}
		b.StopTimer()
		s.Close()
	}
	b.ReportMetric(float64(first.Microseconds())/max(kbFirst, 1), "µs/KB-first-fifth")
	b.ReportMetric(float64(last.Microseconds())/max(kbLast, 1), "µs/KB-last-fifth")
}

// analysedNews returns the analyses of arabic-news, read from cache or
// made and written there.
func analysedNews(b *testing.B, cache string) []model.Analysis {
	var as []model.Analysis
	if f, err := os.Open(cache); err == nil {
		err = gob.NewDecoder(f).Decode(&as)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		return as
	}
	dir := shareddata.Dir(b, "arabic-news")
	stages, err := analysis.Stages()
	if err != nil {
		b.Fatal(err)
	}
	ev, err := event.New(event.DefaultOptions())
	if err != nil {
		b.Fatal(err)
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
		b.Fatal(err)
	}
	f, err := os.Create(cache)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := gob.NewEncoder(f).Encode(as); err != nil {
		b.Fatal(err)
	}
	return as
}
