package sqlite_test

import (
	"context"
	"math"
	"path/filepath"
	"testing"

	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/sqlite"
	"github.com/marsad-project/marsad/internal/store/sqlstore"
	"github.com/marsad-project/marsad/internal/store/storetest"
)

// TestPostingsRankLikeFTS5: a search ranked from the postings (Go) gives
// the same matches, order, total and scores as FTS5's bm25(), before and
// after Optimize merges the segments (phrases too: a store created with
// migration 0003 matches them from its postings' positions), and the same
// snippets. The articles are the seeds' sentences, stored in many batches.
func TestPostingsRankLikeFTS5(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	open := func(fts bool) store.Store {
		opt := sqlite.DefaultOptions()
		opt.Analyzer = storetest.Analyzer(t)
		opt.Synchronous = "OFF"
		opt.FTSRanking = fts
		s, err := sqlite.Open(ctx, path, opt)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	ftsRank := open(true) // first: the store keeps FTS5 only if made for it (migration 0005)
	goRank := open(false)
	docs := storetest.SentenceDocs(t)
	for i := 0; i < len(docs); i += 7 {
		if _, err := goRank.Put(ctx, docs[i:min(i+7, len(docs))]); err != nil {
			t.Fatal(err)
		}
	}
	queries := storetest.RankingQueries
	compare := func(t *testing.T) {
		for _, q := range queries {
			for _, page := range []store.SearchQuery{{Text: q, Limit: 1000, NoSnippets: true}, {Text: q, Limit: 3, Offset: 2}} {
				want, err := ftsRank.Search(ctx, page)
				if err != nil {
					t.Fatalf("%q: %v", q, err)
				}
				got, err := goRank.Search(ctx, page)
				if err != nil {
					t.Fatalf("%q: %v", q, err)
				}
				if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
					t.Errorf("%q offset %d: %d hits of %d, FTS5 %d of %d", q, page.Offset, len(got.Hits), got.Total, len(want.Hits), want.Total)
					continue
				}
				for i := range want.Hits {
					g, w := got.Hits[i], want.Hits[i]
					if g.ID != w.ID || math.Abs(g.Score-w.Score) > 1e-9*math.Abs(w.Score) || g.Snippet.Text != w.Snippet.Text {
						t.Errorf("%q offset %d hit %d: %s %.12g, FTS5 %s %.12g", q, page.Offset, i, g.ID, g.Score, w.ID, w.Score)
					}
				}
			}
		}
	}
	t.Run("segments", compare)
	if err := goRank.(store.Optimizer).Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	t.Run("merged", compare)
	extra := docs[:5]
	for i := range extra {
		extra[i].Doc.ID += "-again"
		extra[i].Doc.Hash += "-again"
	}
	if _, err := goRank.Put(ctx, extra); err != nil {
		t.Fatal(err)
	}
	t.Run("merged and a new segment", compare)
}

// TestPostingsTail: a Put writes its postings to postings_tail, not to the
// term-ordered postings table (where a batch's rows fell all over the
// table: sqlstore/tiers.go); Optimize merges the tail into postings, one
// row a term, and empties it. With a floor of one byte, a Put merges the
// tail itself once it holds a quarter of what postings holds, and the
// searches rank as on a store that never merged (TestConformanceTail runs
// every conformance test on such a store).
func TestPostingsTail(t *testing.T) {
	ctx := context.Background()
	count := func(s store.Store, q string) int {
		t.Helper()
		var n int
		if err := s.(*sqlstore.DB).SQL().QueryRowContext(ctx, q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	rows := func(s store.Store) (main, tail int) {
		return count(s, `SELECT count(*) FROM postings`), count(s, `SELECT count(*) FROM postings_tail`)
	}
	openWith := func(floor int) store.Store {
		opt := sqlite.DefaultOptions()
		opt.Analyzer = storetest.Analyzer(t)
		opt.Synchronous = "OFF"
		opt.TailFloor = floor
		s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "m.db"), opt)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	docs := storetest.SentenceDocs(t)
	plain := openWith(0)
	for i := 0; i < len(docs); i += 7 {
		storetest.Put(t, plain, docs[i:min(i+7, len(docs))]...)
	}
	if m, tl := rows(plain); m != 0 || tl == 0 {
		t.Fatalf("after the Puts: %d rows in postings, %d in the tail; want none and some", m, tl)
	}
	if n := count(plain, `SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'tail_bytes'`); n == 0 {
		t.Fatal("meta tail_bytes: 0 after the Puts")
	}
	if err := plain.(store.Optimizer).Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	if m, tl := rows(plain); m == 0 || tl != 0 || count(plain, `SELECT count(DISTINCT term) FROM postings`) != m {
		t.Fatalf("after Optimize: %d rows in postings, %d in the tail; want one a term and none", m, tl)
	}

	merging := openWith(1)
	epoch := func() int {
		return count(merging, `SELECT coalesce(max(CAST(value AS INTEGER)), 0) FROM meta WHERE key = 'postings_epoch'`)
	}
	merges := 0
	for i := 0; i < len(docs); i += 7 {
		before := epoch()
		storetest.Put(t, merging, docs[i:min(i+7, len(docs))]...)
		if epoch() > before {
			merges++
			if _, tl := rows(merging); tl != 0 {
				t.Fatalf("Put %d merged the tail but left %d rows in it", i/7, tl)
			}
		}
	}
	if puts := (len(docs) + 6) / 7; merges < 2 || merges == puts {
		t.Fatalf("%d of %d Puts merged the tail: want some, not all (the bound grows with postings)", merges, puts)
	}
	storetest.SameAsPlain(t, "merged by the Puts", merging, plain)
}
