package sqlstore

import (
	"math/rand"
	"testing"
)

// cacheState is one state of a term's postings: version v holds the
// articles 1..v (every article has the term).
func cacheState(v int64) map[string]*plist {
	l := &plist{}
	for d := int64(1); d <= v; d++ {
		l.ps = append(l.ps, posting{doc: d, tf: 1})
	}
	return map[string]*plist{"t": l}
}

// cachedCount is what a search of "t" answers from the cache (-1: a miss).
func cachedCount(c *SearchCache) int {
	out := map[string]*plist{}
	missing, _, _, ok := c.lookup([]string{"t"}, false, out)
	if !ok || len(missing) > 0 {
		return -1
	}
	if l := out["t"]; l != nil {
		return len(l.ps)
	}
	return 0
}

// TestSearchCacheLateStore is the interleaving that made
// TestSearchCacheClose (postgres) fail once: search Y notes generation g;
// the late notification of commit 9 starts g+1; search X notes g+1 and
// reads before commit 10; Y reads after it and answers 10 but cannot
// store (g has passed); X stores its read. The next search must not
// answer 9. The first version of the cache served X's entry.
func TestSearchCacheLateStore(t *testing.T) {
	for _, order := range []string{"Y stores first", "X stores first"} {
		c := NewSearchCache(0)
		c.SetLive(true)
		c.store(0, 8, []string{"t"}, false, cacheState(8)) // an older generation: refused
		_, _, genY, _ := c.lookup([]string{"t"}, false, map[string]*plist{})
		c.Invalidate(0) // commit 9's notification, without a version
		_, _, genX, _ := c.lookup([]string{"t"}, false, map[string]*plist{})
		if order == "Y stores first" {
			c.store(genY, 10, []string{"t"}, false, cacheState(10))
			c.store(genX, 9, []string{"t"}, false, cacheState(9))
		} else {
			c.store(genX, 9, []string{"t"}, false, cacheState(9))
			c.store(genY, 10, []string{"t"}, false, cacheState(10))
		}
		if n := cachedCount(c); n != -1 && n < 10 {
			t.Errorf("%s: the cache answers %d after a search answered 10", order, n)
		}
		// A search of the current generation reads version 10 and stores it.
		_, _, gen, _ := c.lookup([]string{"t"}, false, map[string]*plist{})
		c.store(gen, 10, []string{"t"}, false, cacheState(10))
		if n := cachedCount(c); n != 10 {
			t.Errorf("%s: after a read of the current state, the cache answers %d, want 10", order, n)
		}
	}
}

// TestSearchCacheNotifiedVersion: a notification carrying the version it
// committed refuses any read older than it, even one that noted the
// generation after the notification (were it delivered before the
// commit is visible to other sessions).
func TestSearchCacheNotifiedVersion(t *testing.T) {
	c := NewSearchCache(0)
	c.SetLive(true)
	c.Invalidate(12)
	_, _, gen, _ := c.lookup([]string{"t"}, false, map[string]*plist{})
	c.store(gen, 11, []string{"t"}, false, cacheState(11))
	if n := cachedCount(c); n != -1 {
		t.Fatalf("a read of version 11 cached after the notification of 12: answers %d", n)
	}
	if st := c.Stats(); st.Stale != 1 || st.Version != 12 {
		t.Fatalf("stats %+v: want one stale read, version 12", st)
	}
	c.store(gen, 12, []string{"t"}, false, cacheState(12))
	if n := cachedCount(c); n != 12 {
		t.Fatalf("after a read of 12: answers %d", n)
	}
}

// TestSearchCacheNotLive: reads while the cache is bypassed still count
// as seen, and nothing read before SetLive(true) is stored after it.
func TestSearchCacheNotLive(t *testing.T) {
	c := NewSearchCache(0)
	c.SetLive(true)
	_, _, gen, _ := c.lookup([]string{"t"}, false, map[string]*plist{})
	c.SetLive(false)
	if _, _, _, ok := c.lookup([]string{"t"}, false, map[string]*plist{}); ok {
		t.Fatal("not live, but lookup is in use")
	}
	c.observe(10) // a bypassed search answered 10
	c.SetLive(true)
	c.store(gen, 10, []string{"t"}, false, cacheState(10)) // noted before the loss: refused
	if n := cachedCount(c); n != -1 {
		t.Fatalf("a read of a generation before the loss is served: %d", n)
	}
	_, _, gen, _ = c.lookup([]string{"t"}, false, map[string]*plist{})
	c.store(gen, 9, []string{"t"}, false, cacheState(9)) // read before the bypassed search's
	if n := cachedCount(c); n != -1 {
		t.Fatalf("a read older than a bypassed search's answer is served: %d", n)
	}
}

// TestSearchCacheMonotonic runs random interleavings of searches (lookup,
// read, store), commits, notifications (some late, some without a
// version), own Puts and listener losses, sequentially: a search that
// starts after another returned never answers less, and the cache never
// answers a state that was never committed.
func TestSearchCacheMonotonic(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for trial := 0; trial < 2000; trial++ {
		c := NewSearchCache(0)
		c.SetLive(true)
		committed := int64(5) // the database's state: versions 1..committed visible
		var notify []int64    // commits whose notification is on its way
		type search struct {
			gen      uint64
			cached   int64 // the version of the entries found, when found
			hit      bool
			live     bool
			read     int64 // the state it read; 0 before it read
			returned bool
		}
		var running []*search
		answered := int64(0) // the newest state any finished search answered
		floor := map[*search]int64{}
		for step := 0; step < 60; step++ {
			switch r.Intn(6) {
			case 0: // another process commits
				committed++
				notify = append(notify, committed)
			case 1: // a notification arrives (the oldest first), maybe without its version
				if len(notify) > 0 {
					v := notify[0]
					notify = notify[1:]
					if r.Intn(3) == 0 {
						v = 0
					}
					c.Invalidate(v)
				}
			case 2: // a search starts
				s := &search{}
				out := map[string]*plist{}
				missing, v, gen, ok := c.lookup([]string{"t"}, false, out)
				s.gen, s.live = gen, ok
				if ok && len(missing) == 0 {
					s.hit, s.cached = true, v
					if l := out["t"]; l != nil && int64(len(l.ps)) != v {
						t.Fatalf("trial %d: entry of version %d holds %d articles", trial, v, len(l.ps))
					}
				}
				floor[s] = answered
				running = append(running, s)
			case 3, 4: // a running search reads, or stores and returns
				if len(running) == 0 {
					continue
				}
				i := r.Intn(len(running))
				s := running[i]
				if !s.hit && s.read == 0 {
					s.read = committed
					continue
				}
				got := s.cached
				if !s.hit {
					got = s.read
					if s.live {
						c.store(s.gen, s.read, []string{"t"}, false, cacheState(s.read))
					} else {
						c.observe(s.read)
					}
				}
				if got < floor[s] {
					t.Fatalf("trial %d step %d: a search answered %d after one had answered %d before it started", trial, step, got, floor[s])
				}
				answered = max(answered, got)
				running = append(running[:i], running[i+1:]...)
			case 5: // this process's own Put, or a listener lost and back
				if r.Intn(2) == 0 {
					committed++
					c.Invalidate(committed)
				} else {
					c.SetLive(false)
					c.SetLive(true)
				}
			}
		}
	}
}
