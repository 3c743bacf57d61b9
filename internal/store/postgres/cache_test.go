package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/postgres"
	"github.com/marsad-project/marsad/internal/store/sqlstore"
	"github.com/marsad-project/marsad/internal/store/storetest"
)

// schemaConn returns a connection to the test server and a fresh schema
// name (dropped after the test); it skips the test when no server is
// reachable, as open does.
func schemaConn(t *testing.T) (*pgx.Conn, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, testURL())
	if err != nil {
		if os.Getenv("MARSAD_PG_REQUIRE") != "" {
			t.Fatalf("no PostgreSQL server at %s (%v), and MARSAD_PG_REQUIRE is set (CI)", testURL(), err)
		}
		t.Skipf("no PostgreSQL server at %s (%v): skipping the PostgreSQL store tests", testURL(), err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "marsad_test_" + hex.EncodeToString(b)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		conn.Exec(ctx, "DROP SCHEMA IF EXISTS "+schema+" CASCADE")
		conn.Close(ctx)
	})
	return conn, schema
}

// openSchema opens a store on schema, closed after the test.
func openSchema(t *testing.T, schema string, mod func(*postgres.Options)) *sqlstore.DB {
	t.Helper()
	opt := postgres.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(t)
	opt.Schema = schema
	if mod != nil {
		mod(&opt)
	}
	s, err := postgres.Open(context.Background(), testURL(), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// listenerPIDs returns the server pids of the listening connections on schema.
func listenerPIDs(t *testing.T, conn *pgx.Conn, schema string) []int {
	t.Helper()
	rows, err := conn.Query(context.Background(), `SELECT pid FROM pg_stat_activity WHERE application_name = $1 ORDER BY pid`,
		"marsad-listen:"+schema)
	if err != nil {
		t.Fatal(err)
	}
	pids, err := pgx.CollectRows(rows, pgx.RowTo[int])
	if err != nil {
		t.Fatal(err)
	}
	return pids
}

// waitFor polls cond until it holds, failing the test after a few seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("after 5 s: %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func total(t *testing.T, s store.Store, q string) int {
	t.Helper()
	r, err := s.Search(context.Background(), store.SearchQuery{Text: q, NoSnippets: true})
	if err != nil {
		t.Fatal(err)
	}
	return r.Total
}

// TestSearchCacheTwoStores: two stores on one schema, A searching from its
// cache. A's own Put is seen by its next search at once; B's Put, once
// the notification reaches A (polled); a term A had found nowhere (a
// cached absence) too; and A's results, ids only and with snippets (their
// positions from the cache too), equal a store's without a cache on every
// ranking query, before and after writes.
func TestSearchCacheTwoStores(t *testing.T) {
	conn, schema := schemaConn(t)
	// A checks its silent listening connection every 30 ms (a SELECT 1
	// after a timed-out wait): notifications still arrive, and the
	// connection is kept.
	a := openSchema(t, schema, func(o *postgres.Options) { o.ListenHeartbeat = 30 * time.Millisecond })
	apids := listenerPIDs(t, conn, schema)
	b := openSchema(t, schema, nil)
	plain := openSchema(t, schema, func(o *postgres.Options) { o.SearchCacheBytes = -1 })
	if !a.SearchCacheStats().Live || plain.SearchCacheStats().Live {
		t.Fatalf("live: A %v, without a cache %v", a.SearchCacheStats().Live, plain.SearchCacheStats().Live)
	}
	storetest.Put(t, a, storetest.SentenceDocs(t)...)
	n0 := total(t, a, "ليبيا")
	if n0 == 0 {
		t.Fatal("ليبيا: no hits")
	}
	if st := a.SearchCacheStats(); total(t, a, "ليبيا") != n0 || !servedFromCache(st, a.SearchCacheStats()) {
		t.Fatalf("second search: not served from the cache (%+v → %+v)", st, a.SearchCacheStats())
	}
	// With snippets: the positions come from the cache too (a list
	// cached without them is read again, once).
	snip := func() *store.SearchResult {
		r, err := a.Search(context.Background(), store.SearchQuery{Text: "ليبيا"})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	r1 := snip()
	if st := a.SearchCacheStats(); !reflect.DeepEqual(snip(), r1) || !servedFromCache(st, a.SearchCacheStats()) {
		t.Fatalf("second search with snippets: not the same, or not served from the cache (%+v → %+v)", st, a.SearchCacheStats())
	}
	if len(r1.Hits[0].Snippet.Highlights) == 0 {
		t.Fatal("no highlight in the snippet")
	}
	same := func(t *testing.T) {
		t.Helper()
		ctx := context.Background()
		for _, q := range storetest.RankingQueries {
			for round := 0; round < 4; round++ { // ids only, then with snippets; the second of each from the cache
				sq := store.SearchQuery{Text: q, Limit: 20, NoSnippets: round < 2}
				got, err1 := a.Search(ctx, sq)
				want, err2 := plain.Search(ctx, sq)
				if (err1 == nil) != (err2 == nil) {
					t.Fatalf("%q: %v, without the cache %v", q, err1, err2)
				}
				if err1 != nil {
					continue
				}
				if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
					t.Fatalf("%q: %d hits of %d, without the cache %d of %d", q, len(got.Hits), got.Total, len(want.Hits), want.Total)
				}
				for i := range want.Hits {
					g, w := got.Hits[i], want.Hits[i]
					if g.ID != w.ID || math.Abs(g.Score-w.Score) > 1e-9*math.Abs(w.Score) {
						t.Fatalf("%q hit %d: %s %g, without the cache %s %g", q, i, g.ID, g.Score, w.ID, w.Score)
					}
					if !reflect.DeepEqual(g.Snippet, w.Snippet) || g.Title != w.Title || g.Source != w.Source || !g.Published.Equal(w.Published) {
						t.Fatalf("%q hit %d: %+v, without the cache %+v", q, i, g, w)
					}
				}
			}
		}
	}
	same(t)

	// Own write: seen at once.
	storetest.Put(t, a, storetest.Article("own-1", "ليبيا"))
	if n := total(t, a, "ليبيا"); n != n0+1 {
		t.Fatalf("after A's own Put: %d hits, want %d", n, n0+1)
	}
	// Another store's write: seen after the notification.
	storetest.Put(t, b, storetest.Article("other-1", "ليبيا"))
	waitFor(t, "A never saw B's article", func() bool { return total(t, a, "ليبيا") == n0+2 })
	// A cached absence.
	const rare = "زنجبيلستان"
	if n := total(t, a, rare); n != 0 {
		t.Fatalf("%s: %d hits before any article has it", rare, n)
	}
	total(t, a, rare)
	storetest.Put(t, b, storetest.Article("other-2", rare))
	waitFor(t, "A never saw B's article with a new word", func() bool { return total(t, a, rare) == 1 })
	time.Sleep(100 * time.Millisecond) // a few heartbeats with nothing to notify
	same(t)
	if st := a.SearchCacheStats(); st.Hits == 0 || st.Misses == 0 || st.Bypassed != 0 || !st.Live {
		t.Errorf("A's cache: %+v", st)
	}
	if len(apids) != 1 || !slices.Contains(listenerPIDs(t, conn, schema), apids[0]) {
		t.Errorf("A's listening connection %v not kept through its heartbeats (now %v)", apids, listenerPIDs(t, conn, schema))
	}
}

// TestSearchCacheListenerLost: while A's listening connection is down (its
// backend terminated, no retry during the test), A's searches bypass the
// cache and see B's writes at once; with a retry, A listens again and
// serves from its cache, seeing B's later writes after the notification.
func TestSearchCacheListenerLost(t *testing.T) {
	conn, schema := schemaConn(t)
	ctx := context.Background()
	a := openSchema(t, schema, func(o *postgres.Options) { o.ListenRetry = time.Hour })
	pids := listenerPIDs(t, conn, schema)
	if len(pids) != 1 {
		t.Fatalf("listening connections on %s: %v, want one", schema, pids)
	}
	b := openSchema(t, schema, nil)
	storetest.Put(t, b, storetest.SentenceDocs(t)...)
	n0 := total(t, a, "ليبيا")
	total(t, a, "ليبيا") // cached
	if _, err := conn.Exec(ctx, `SELECT pg_terminate_backend($1)`, pids[0]); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "A's cache still live after its listener was terminated", func() bool { return !a.SearchCacheStats().Live })
	by := a.SearchCacheStats().Bypassed
	for i := 1; i <= 3; i++ {
		storetest.Put(t, b, storetest.Article(fmt.Sprintf("down-%d", i), "ليبيا"))
		if n := total(t, a, "ليبيا"); n != n0+i { // no polling: nothing tells A, nothing may be cached
			t.Fatalf("listener down, after B's Put %d: A finds %d, want %d", i, n, n0+i)
		}
	}
	if st := a.SearchCacheStats(); st.Bypassed < by+3 || st.Terms != 0 {
		t.Errorf("listener down: %+v, want 3 more bypassed searches and nothing cached", st)
	}

	// With a retry: back, and live again.
	c := openSchema(t, schema, func(o *postgres.Options) { o.ListenRetry = 50 * time.Millisecond })
	var cpid int
	for _, p := range listenerPIDs(t, conn, schema) {
		if p != pids[0] {
			cpid = p
		}
	}
	n1 := total(t, c, "ليبيا")
	if _, err := conn.Exec(ctx, `SELECT pg_terminate_backend($1)`, cpid); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "C's listener never came back", func() bool {
		ps := listenerPIDs(t, conn, schema)
		return len(ps) == 2 && ps[0] != cpid && ps[1] != cpid && c.SearchCacheStats().Live
	})
	total(t, c, "ليبيا")
	if st := c.SearchCacheStats(); total(t, c, "ليبيا") != n1 || !servedFromCache(st, c.SearchCacheStats()) {
		t.Fatalf("C back: not served from its cache (%+v)", c.SearchCacheStats())
	}
	storetest.Put(t, b, storetest.Article("up-1", "ليبيا"))
	waitFor(t, "C never saw B's article after reconnecting", func() bool { return total(t, c, "ليبيا") == n1+1 })
}

// TestSearchCacheClose: Close stops the listener (its goroutine ends, its
// connection leaves the server), and searches racing writes from another
// store stay consistent: monotonic reads, in each goroutine and across
// them (run with -race, and many times: it failed 3 times in 300 runs
// under load before the cache kept versions, searchcache.go).
func TestSearchCacheClose(t *testing.T) {
	conn, schema := schemaConn(t)
	ctx := context.Background()
	base := listenerGoroutines() // stores other tests left open
	opt := postgres.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(t)
	opt.Schema = schema
	a, err := postgres.Open(ctx, testURL(), opt)
	if err != nil {
		t.Fatal(err)
	}
	b := openSchema(t, schema, nil)
	storetest.Put(t, b, storetest.SentenceDocs(t)...)
	n0 := total(t, a, "ليبيا")
	var wg sync.WaitGroup
	stop := make(chan struct{})
	errs := make(chan error, 4)
	var answered atomic.Int64 // the highest total any search returned
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
				// Monotonic reads: no search answers less than one that
				// returned before it started, in any goroutine.
				floor := int(answered.Load())
				r, err := a.Search(ctx, store.SearchQuery{Text: "ليبيا", NoSnippets: w != 0}) // one with snippets
				if err != nil {
					errs <- err
					return
				}
				if r.Total < last || r.Total < n0 {
					errs <- fmt.Errorf("total went from %d to %d", last, r.Total)
					return
				}
				if r.Total < floor {
					errs <- fmt.Errorf("total %d after another search had returned %d", r.Total, floor)
					return
				}
				for {
					old := answered.Load()
					if int64(r.Total) <= old || answered.CompareAndSwap(old, int64(r.Total)) {
						break
					}
				}
				last = r.Total
			}
		}()
	}
	for i := 0; i < 10; i++ {
		storetest.Put(t, b, storetest.Article(fmt.Sprintf("race-%d", i), "ليبيا"))
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	waitFor(t, "A never saw B's 10 articles", func() bool { return total(t, a, "ليبيا") == n0+10 })
	if len(listenerPIDs(t, conn, schema)) != 2 {
		t.Fatalf("listening connections: %v, want A's and B's", listenerPIDs(t, conn, schema))
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	// Close waits for the goroutine's last act (closing its done
	// channel); its return follows at once.
	waitFor(t, "a listener goroutine left after A's Close (want B's only)", func() bool { return listenerGoroutines() == base+1 })
	waitFor(t, "A's listening connection still on the server after Close", func() bool { return len(listenerPIDs(t, conn, schema)) == 1 })
	b.Close()
	waitFor(t, "a listener goroutine left after B's Close", func() bool { return listenerGoroutines() == base })
}

// servedFromCache says whether the searches between stats before and
// after found all their terms in the cache.
func servedFromCache(before, after sqlstore.CacheStats) bool {
	return after.Hits > before.Hits && after.Misses == before.Misses && after.Bypassed == before.Bypassed
}

// listenerGoroutines counts the goroutines running a listener.
func listenerGoroutines() int {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return strings.Count(string(buf[:n]), "postgres.(*listener).run(")
		}
		buf = make([]byte, 2*len(buf))
	}
}
