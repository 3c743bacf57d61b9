package storetest

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/sqlstore"
)

// Checks of a store keeping a replica of the index (sqlstore/replica.go),
// for the backends' tests (PostgreSQL, SQLite).

// SameAsPlain checks that a's ids-only searches give the hits, scores and
// totals of plain (a store without cache or replica on the same database)
// on every ranking query.
func SameAsPlain(t *testing.T, stage string, a, plain store.Store) {
	t.Helper()
	ctx := context.Background()
	for _, q := range RankingQueries {
		got, err1 := a.Search(ctx, store.SearchQuery{Text: q, Limit: 20, IDsOnly: true})
		want, err2 := plain.Search(ctx, store.SearchQuery{Text: q, Limit: 20, NoSnippets: true})
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("%s, %q: %v, without a replica %v", stage, q, err1, err2)
		}
		if err1 != nil {
			continue
		}
		if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
			t.Fatalf("%s, %q: %d hits of %d, without a replica %d of %d", stage, q, len(got.Hits), got.Total, len(want.Hits), want.Total)
		}
		for i, w := range want.Hits {
			if g := got.Hits[i]; g.ID != w.ID || math.Abs(g.Score-w.Score) > 1e-9*math.Abs(w.Score) {
				t.Fatalf("%s, %q hit %d: %s %g, without a replica %s %g", stage, q, i, g.ID, g.Score, w.ID, w.Score)
			}
		}
	}
}

// IDsTotal is the total of an ids-only search.
func IDsTotal(t *testing.T, s store.Store, q string) int {
	t.Helper()
	r, err := s.Search(context.Background(), store.SearchQuery{Text: q, IDsOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	return r.Total
}

// CaughtUp searches on a until its replica serves again (a search that
// finds it behind starts its catch-up in the background and is answered
// without it), failing the test after a few seconds.
func CaughtUp(t *testing.T, a *sqlstore.DB) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		IDsTotal(t, a, "ليبيا")
		if a.ReplicaStats().Current {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 5 s: the replica never caught up: replica %+v cache %+v", a.ReplicaStats(), a.SearchCacheStats())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// ReplicaStats is a store's search cache and replica figures.
type ReplicaStats struct {
	C sqlstore.CacheStats
	R sqlstore.ReplicaStats
}

// StatsOf returns s's figures.
func StatsOf(s *sqlstore.DB) ReplicaStats {
	return ReplicaStats{s.SearchCacheStats(), s.ReplicaStats()}
}

// NoServer says whether the searches between two stats were answered
// without the database: every term the search cache did not hold was
// taken from the replica.
func NoServer(before, after ReplicaStats) bool {
	return after.C.Misses-before.C.Misses == after.R.Served-before.R.Served && after.C.Bypassed == before.C.Bypassed
}

// FromReplica waits for a's replica to catch up, then checks that a
// query's first search is answered from it without the database, and that
// a ranks as the plain store does.
func FromReplica(t *testing.T, what string, a, plain *sqlstore.DB) {
	t.Helper()
	CaughtUp(t, a)
	c1 := StatsOf(a)
	IDsTotal(t, a, "المتحدة")
	if c2 := StatsOf(a); !NoServer(c1, c2) || c2.R.Served == c1.R.Served {
		t.Fatalf("%s: not from the replica (%+v → %+v)", what, c1, c2)
	}
	SameAsPlain(t, what, a, plain)
}

// LoadedAtOpen checks a store just opened with a replica on a database
// holding n articles: the replica loaded them once, a query's first
// ids-only search comes from it without the database, and a ranks as the
// plain store does. It returns the total of that search (ليبيا).
func LoadedAtOpen(t *testing.T, a, plain *sqlstore.DB, n int) int {
	t.Helper()
	if st := a.ReplicaStats(); !st.On || st.Loads != 1 || st.Terms == 0 || st.Articles != n {
		t.Fatalf("after Open: %+v, want it loaded with %d articles", st, n)
	}
	c0 := StatsOf(a)
	total := IDsTotal(t, a, "ليبيا")
	if total == 0 {
		t.Fatal("ليبيا: no hits")
	}
	if c1 := StatsOf(a); !NoServer(c0, c1) || c1.R.Served == c0.R.Served {
		t.Fatalf("first search: not from the replica (%+v → %+v)", c0, c1)
	}
	SameAsPlain(t, "loaded at Open", a, plain)
	return total
}

// Article is a new article of source src-c holding words.
func Article(id, words string) model.Analysis {
	text := "مقال " + id + ": " + words + "."
	return model.Analysis{Doc: model.Document{ID: id, Source: "src-c", Title: id, Text: text, Hash: "h-" + id,
		Published: time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)}}
}

// Put stores as in s, failing the test on an error.
func Put(t *testing.T, s store.Store, as ...model.Analysis) {
	t.Helper()
	if _, err := s.Put(context.Background(), as); err != nil {
		t.Fatal(err)
	}
}
