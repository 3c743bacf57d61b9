package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/sqlite"
	"github.com/marsad-project/marsad/internal/store/storetest"
)

func open(t *testing.T) store.Store {
	t.Helper()
	opt := sqlite.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(t)
	opt.Synchronous = "NORMAL" // tests need not survive power cuts
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "marsad.db"), opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) { storetest.Run(t, open) }

// BenchmarkSearch: one query on the seeds, snippets included.
func BenchmarkSearch(b *testing.B) {
	opt := sqlite.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(b)
	opt.Synchronous = "NORMAL"
	s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "m.db"), opt)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Put(context.Background(), storetest.Seeds(b)); err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{"فايز السراج", `"خليفة حفتر"`} {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Search(context.Background(), store.SearchQuery{Text: q}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPut stores the seeds again and again under new ids.
func BenchmarkPut(b *testing.B) {
	opt := sqlite.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(b)
	s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "m.db"), opt)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	seeds := storetest.Seeds(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		batch := append([]model.Analysis(nil), seeds...)
		for i := range batch {
			n++
			batch[i].Doc.ID = fmt.Sprint("b", n)
			batch[i].Doc.Hash = fmt.Sprint("h", n)
		}
		if _, err := s.Put(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
}
