package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"github.com/marsad-project/marsad/internal/store/sqlstore"
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

// TestConformanceTail runs the conformance suite on stores whose Puts
// merge the postings' tail into postings as soon as it holds a quarter of
// what they hold (sqlstore/tiers.go; the default waits for 8 MB), with
// and without a replica.
func TestConformanceTail(t *testing.T) {
	for _, replica := range []int{0, sqlite.DefaultReplicaBytes} {
		t.Run(fmt.Sprintf("replica %d", replica), func(t *testing.T) {
			storetest.Run(t, func(t *testing.T) store.Store {
				opt := sqlite.DefaultOptions()
				opt.Analyzer = storetest.Analyzer(t)
				opt.Synchronous = "NORMAL"
				opt.ReplicaBytes = replica
				opt.TailFloor = 1
				s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "marsad.db"), opt)
				if err != nil {
					t.Fatal(err)
				}
				return s
			})
		})
	}
}

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

// BenchmarkNoHitQuery: a query matching nothing, on 750 articles stored in
// 150 batches (one FTS5 segment each), before and after Optimize merges
// them: the fixed cost of a query grows with the segments.
func BenchmarkNoHitQuery(b *testing.B) {
	opt := sqlite.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(b)
	opt.Synchronous = "OFF"
	s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "m.db"), opt)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	seeds := storetest.Seeds(b)
	n := 0
	for k := 0; k < 150; k++ {
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
	run := func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := s.Search(context.Background(), store.SearchQuery{Text: "مطار غزة الدولي", NoSnippets: true}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("150 segments", run)
	if err := s.Optimize(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.Run("optimized", run)
}

// TestEntityKeysBackfill: a store whose entities have no keys (built before
// migration 0004) gets them from its entities and aliases when opened, and
// new articles join its old entities.
func TestEntityKeysBackfill(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	opt := sqlite.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(t)
	s, err := sqlite.Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	e := model.Entity{Name: "خليفة حفتر", Type: model.PER, Aliases: []string{"المشير خليفة بلقاسم حفتر", "حفتر"}}
	a := model.Analysis{Doc: model.Document{ID: "old", Text: "قال المشير خليفة حفتر", Hash: "h1"}, Entities: []model.Entity{e}}
	if _, err := s.Put(ctx, []model.Analysis{a}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DELETE FROM entity_keys`, `DELETE FROM entity_words`, `DELETE FROM meta WHERE key = 'entity_keys'`} {
		if _, err := s.SQL().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if s, err = sqlite.Open(ctx, path, opt); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := model.Analysis{Doc: model.Document{ID: "new", Text: "وصل حفتر", Hash: "h2"}, Entities: []model.Entity{{Name: "حفتر", Type: model.PER}}}
	c := model.Analysis{Doc: model.Document{ID: "new2", Text: "وصل خليفه حفتر", Hash: "h3"}, Entities: []model.Entity{{Name: "خليفه حفتر", Type: model.PER}}}
	if _, err := s.Put(ctx, []model.Analysis{b, c}); err != nil {
		t.Fatal(err)
	}
	p, err := s.Entities(ctx, store.EntityFilter{Type: model.PER})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 1 || p.Entities[0].Articles != 3 {
		t.Errorf("after back-fill: %+v, want one entity in 3 articles", p)
	}
}

// TestStoredLengths: bm25's article lengths come from doc_lengths.
func TestStoredLengths(t *testing.T) {
	path := filepath.Join(t.TempDir(), "marsad.db")
	storetest.StoredLengths(t, func(t *testing.T) store.Store {
		opt := sqlite.DefaultOptions()
		opt.Analyzer = storetest.Analyzer(t)
		opt.Synchronous = "NORMAL"
		s, err := sqlite.Open(context.Background(), path, opt)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}, func(s store.Store) *sql.DB { return s.(*sqlstore.DB).SQL() })
}

// TestConformanceReplica runs the conformance suite on stores keeping a
// search cache and a replica (watch.go), as `marsad serve` opens them.
func TestConformanceReplica(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		opt := sqlite.DefaultOptions()
		opt.Analyzer = storetest.Analyzer(t)
		opt.Synchronous = "NORMAL"
		opt.ReplicaBytes = sqlite.DefaultReplicaBytes
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "marsad.db"), opt)
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}
