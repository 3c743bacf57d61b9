package postgres_test

import (
	"context"
	"database/sql"
	"github.com/marsad-project/marsad/internal/store/sqlstore"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/postgres"
	"github.com/marsad-project/marsad/internal/store/sqlite"
	"github.com/marsad-project/marsad/internal/store/storetest"
)

// testURL is the server the tests use: $MARSAD_PG_TEST, else the CI server.
func testURL() string {
	if u := os.Getenv("MARSAD_PG_TEST"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/test"
}

// Open returns a store in a fresh schema, dropped after the test; it skips
// the test when no server is reachable.
func open(t *testing.T) store.Store {
	t.Helper()
	_, schema := schemaConn(t)
	opt := postgres.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(t)
	opt.Schema = schema
	s, err := postgres.Open(context.Background(), testURL(), opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) { storetest.Run(t, open) }

// TestRanksLikeSQLite: PostgreSQL (matched and ranked in Go from its
// postings, phrases from their positions) gives the same hits, order,
// totals, scores and facets as SQLite ranking every query with FTS5's
// bm25(), with and without a source filter, before and after Optimize.
func TestRanksLikeSQLite(t *testing.T) {
	ctx := context.Background()
	pg := open(t)
	defer pg.Close()
	opt := sqlite.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(t)
	opt.Synchronous = "OFF"
	opt.FTSRanking = true
	lite, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "m.db"), opt)
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	docs := storetest.SentenceDocs(t)
	for i := 0; i < len(docs); i += 7 {
		for _, s := range []store.Store{pg, lite} {
			if _, err := s.Put(ctx, docs[i:min(i+7, len(docs))]); err != nil {
				t.Fatal(err)
			}
		}
	}
	compare := func(t *testing.T) {
		for _, q := range storetest.RankingQueries {
			for _, sq := range []store.SearchQuery{{Text: q, Limit: 1000, NoSnippets: true, Facets: true},
				{Text: q, Limit: 3, Offset: 2}, {Text: q, Limit: 5, Sources: []string{"src-a"}}} {
				want, err := lite.Search(ctx, sq)
				if err != nil {
					t.Fatalf("%q: %v", q, err)
				}
				got, err := pg.Search(ctx, sq)
				if err != nil {
					t.Fatalf("%q: %v", q, err)
				}
				if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
					t.Errorf("%q %+v: %d hits of %d, SQLite %d of %d", q, sq.Sources, len(got.Hits), got.Total, len(want.Hits), want.Total)
					continue
				}
				for i := range want.Hits {
					g, w := got.Hits[i], want.Hits[i]
					if g.ID != w.ID || math.Abs(g.Score-w.Score) > 1e-9*math.Abs(w.Score) || g.Snippet.Text != w.Snippet.Text {
						t.Errorf("%q %v hit %d: %s %.12g, SQLite %s %.12g", q, sq.Sources, i, g.ID, g.Score, w.ID, w.Score)
					}
				}
				if sq.Facets && !reflect.DeepEqual(got.Facets.Sources, want.Facets.Sources) {
					t.Errorf("%q: source facets %v, SQLite %v", q, got.Facets.Sources, want.Facets.Sources)
				}
			}
		}
	}
	t.Run("segments", compare)
	if err := pg.(store.Optimizer).Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	t.Run("merged", compare)
}

// TestStoredLengths: bm25's article lengths come from doc_lengths (the
// stores without the search cache: another store's writes are then seen at
// once, not when their notification arrives).
func TestStoredLengths(t *testing.T) {
	_, schema := schemaConn(t)
	storetest.StoredLengths(t, func(t *testing.T) store.Store {
		return openSchema(t, schema, func(o *postgres.Options) { o.SearchCacheBytes = -1 })
	}, func(s store.Store) *sql.DB { return s.(*sqlstore.DB).SQL() })
}

// TestHitsOneStatement: a page of hits is read with one statement whatever
// its size (sqlstore.ArrayHits), so the server prepares it once per
// connection, not once per page size.
func TestHitsOneStatement(t *testing.T) {
	ctx := context.Background()
	_, schema := schemaConn(t)
	s := openSchema(t, schema, func(o *postgres.Options) { o.MaxConns = 1; o.HitCacheBytes = -1 })
	if _, err := s.Put(ctx, storetest.SentenceDocs(t)); err != nil {
		t.Fatal(err)
	}
	for limit := 1; limit <= 10; limit++ {
		for _, snip := range []bool{false, true} {
			r, err := s.Search(ctx, store.SearchQuery{Text: "ليبيا", Limit: limit, NoSnippets: !snip})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Hits) != limit {
				t.Fatalf("limit %d: %d hits", limit, len(r.Hits))
			}
		}
	}
	var n int
	// the pool's one connection
	if err := s.SQL().QueryRowContext(ctx, `SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'SELECT rowid, id, title, source, url, published,%'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n > 2 {
		t.Errorf("%d statements prepared for pages of hits, want one with bodies and one without", n)
	}
}
