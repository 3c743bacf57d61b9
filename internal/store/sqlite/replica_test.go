package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/sqlite"
	"github.com/marsad-project/marsad/internal/store/sqlstore"
	"github.com/marsad-project/marsad/internal/store/storetest"
)

// openAt opens the store in file path, with a replica when replica is
// set (as `marsad serve` opens it); each handle has connections of its
// own, as another process would.
func openAt(t *testing.T, path string, replica bool) *sqlstore.DB {
	t.Helper()
	opt := sqlite.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(t)
	opt.Synchronous = "NORMAL"
	if replica {
		opt.ReplicaBytes = sqlite.DefaultReplicaBytes
	}
	s, err := sqlite.Open(context.Background(), path, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestReplicaOtherConnection: a store A with a replica, opened on a store
// filled by B (another handle: other connections, as another process),
// loads it at Open and answers a query's first ids-only search from
// memory; B's Puts are seen by A's next search (PRAGMA data_version), the
// replica catching up with them (not loaded again), and so is A's own Put;
// A ranks as B does throughout.
func TestReplicaOtherConnection(t *testing.T) {
	path := filepath.Join(t.TempDir(), "marsad.db")
	b := openAt(t, path, false)
	docs := storetest.SentenceDocs(t)
	storetest.Put(t, b, docs[:len(docs)/2]...)
	a := openAt(t, path, true)
	n0 := storetest.LoadedAtOpen(t, a, b, len(docs)/2)

	// B's Puts: seen by A's next search, without waiting.
	storetest.Put(t, b, docs[len(docs)/2:]...)
	storetest.Put(t, b, storetest.Article("other-1", "ليبيا"))
	n1 := storetest.IDsTotal(t, a, "ليبيا")
	if want := storetest.IDsTotal(t, b, "ليبيا"); n1 != want || n1 <= n0 {
		t.Fatalf("after B's Puts: A finds %d, B %d (before: %d)", n1, want, n0)
	}
	storetest.CaughtUp(t, a)
	if st := a.ReplicaStats(); st.Loads != 1 || st.CatchUps == 0 || st.Articles != len(docs)+1 {
		t.Fatalf("after B's Puts: %+v, want caught up (not loaded again) with %d articles", st, len(docs)+1)
	}
	storetest.FromReplica(t, "after B's Puts", a, b)

	// A commit that adds no article (B's Optimize with nothing new to
	// merge, then a Put of a duplicate) changes nothing A holds.
	if err := b.Optimize(context.Background()); err != nil {
		t.Fatal(err)
	}
	storetest.Put(t, b, storetest.Article("other-1", "ليبيا"))
	c2 := storetest.StatsOf(a)
	storetest.IDsTotal(t, a, "ليبيا")
	if c3 := storetest.StatsOf(a); c3.C.Hits == c2.C.Hits || c3.R.Loads != c2.R.Loads {
		t.Fatalf("after B's commits without an article: the cache was dropped or the replica loaded (%+v → %+v)", c2, c3)
	}

	// Its own Put: at once.
	storetest.Put(t, a, storetest.Article("own-1", "ليبيا"))
	if n := storetest.IDsTotal(t, a, "ليبيا"); n != n1+1 {
		t.Fatalf("after A's own Put: %d hits, want %d", n, n1+1)
	}
	storetest.FromReplica(t, "after A's own Put", a, b)
}

// TestReplicaReloadAfterOptimize: B's Optimize merged a Put A's replica
// had not read into older segments: A's next search sees the Put, and its
// replica, finding the newer lengths no longer apart, loads again whole
// and ranks as B does.
func TestReplicaReloadAfterOptimize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "marsad.db")
	b := openAt(t, path, false)
	docs := storetest.SentenceDocs(t)
	storetest.Put(t, b, docs[:len(docs)/2]...)
	storetest.Put(t, b, docs[len(docs)/2:]...)
	a := openAt(t, path, true)
	n0 := storetest.IDsTotal(t, a, "ليبيا")
	storetest.CaughtUp(t, a)
	// A does not search between the two: it learns of both at once.
	storetest.Put(t, b, storetest.Article("gap-1", "ليبيا"))
	if err := b.Optimize(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := storetest.IDsTotal(t, a, "ليبيا"); n != n0+1 {
		t.Fatalf("after B's Put and Optimize: A finds %d, want %d", n, n0+1)
	}
	storetest.CaughtUp(t, a)
	if st := a.ReplicaStats(); st.Loads != 2 || st.Articles != len(docs)+1 {
		t.Fatalf("after B's Optimize of a Put A had not read: %+v, want loaded again with %d articles", st, len(docs)+1)
	}
	storetest.FromReplica(t, "loaded again after B's Optimize", a, b)
}

// TestReplicaConcurrentIngest: while B stores batch after batch, searches
// of A (ids only, from its cache and replica when current) never find
// fewer articles than an earlier search did (monotonic reads), and once B
// is done A finds every article and ranks as B does.
func TestReplicaConcurrentIngest(t *testing.T) {
	path := filepath.Join(t.TempDir(), "marsad.db")
	b := openAt(t, path, false)
	storetest.Put(t, b, storetest.SentenceDocs(t)...)
	a := openAt(t, path, true)
	n0 := storetest.IDsTotal(t, a, "ليبيا")
	const batches, size = 20, 5
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	stop := make(chan struct{})
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := 0
			for {
				select {
				case <-stop:
					return
				default:
				}
				r, err := a.Search(ctx, store.SearchQuery{Text: "ليبيا", IDsOnly: true})
				if err != nil {
					errs <- err
					return
				}
				if r.Total < last {
					errs <- fmt.Errorf("ليبيا: %d hits after %d", r.Total, last)
					return
				}
				last = r.Total
			}
		}()
	}
	for i := 0; i < batches; i++ {
		var batch []model.Analysis
		for j := 0; j < size; j++ {
			batch = append(batch, storetest.Article(fmt.Sprintf("c%d-%d", i, j), "ليبيا"))
		}
		storetest.Put(t, b, batch...)
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := storetest.IDsTotal(t, a, "ليبيا"); n != n0+batches*size {
		t.Fatalf("after B's ingest: A finds %d, want %d", n, n0+batches*size)
	}
	storetest.FromReplica(t, "after B's ingest", a, b)
}

// TestReplicaTailMerged: when another handle's Put merges the postings'
// tail into postings (sqlstore/tiers.go), the articles it added sit in
// rows whose seg is older than the replica's version: the replica sees
// meta 'postings_epoch' move and loads the postings again whole, and
// ranks as the writer does; a merge without a new article (Optimize of
// what it has read) leaves it as it is.
func TestReplicaTailMerged(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "marsad.db")
	opt := sqlite.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(t)
	opt.Synchronous = "NORMAL"
	opt.TailFloor = 1
	b, err := sqlite.Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	docs := storetest.SentenceDocs(t)
	storetest.Put(t, b, docs[:len(docs)/2]...)
	a := openAt(t, path, true)
	storetest.LoadedAtOpen(t, a, b, len(docs)/2)

	storetest.Put(t, b, docs[len(docs)/2:]...) // a quarter of what postings holds, and more: merged
	var tail int
	if err := b.SQL().QueryRowContext(ctx, `SELECT count(*) FROM postings_tail`).Scan(&tail); err != nil || tail != 0 {
		t.Fatalf("B's second Put left %d rows in the tail (%v): want it merged", tail, err)
	}
	storetest.FromReplica(t, "after B's merging Put", a, b)
	if st := a.ReplicaStats(); st.Loads != 2 || st.Articles != len(docs) {
		t.Fatalf("after B's merging Put: %+v, want loaded again with %d articles", st, len(docs))
	}

	storetest.Put(t, b, storetest.Article("other-1", "ليبيا")) // small: stays in the tail
	storetest.FromReplica(t, "after B's small Put", a, b)
	if err := b.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	storetest.CaughtUp(t, a)
	storetest.SameAsPlain(t, "after B's Optimize", a, b)
	if st := a.ReplicaStats(); st.Loads != 2 || st.CatchUps == 0 {
		t.Fatalf("after B's small Put and Optimize: %+v, want caught up, not loaded again", st)
	}
}
