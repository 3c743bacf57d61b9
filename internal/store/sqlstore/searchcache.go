package sqlstore

import (
	"context"
	"database/sql"
	"sync"
	"sync/atomic"
)

// SearchCache keeps the decoded postings of recently searched terms in
// the client, so that a search whose terms are all cached reaches the
// database not at all (with the cached article lengths and the hit cache,
// an ids-only search without filters runs in the process). It is for a
// database other processes may write to (PostgreSQL; SQLite opened with a
// replica): its owner keeps it current and tells it, through SetLive,
// whether it can (PostgreSQL: notifications, postgres/listen.go; SQLite:
// a look at PRAGMA data_version before every search, sqlite/watch.go,
// then Advance).
//
// Searches without a phrase use it: their terms' postings, with the
// undecoded positions when they want snippets (an entry read without them
// serves ids-only searches only). A phrase's positions are read from the
// database, and that read counts as seen too (observe).
//
// # What a search may answer from
//
// A state of the store is named by its version, the highest article
// rowid committed (max(rowid) of documents). The store is append-only
// (documents and their postings are never updated or deleted; Optimize
// rewrites the postings' segments, not what they say) and its writers
// commit in rowid order (Dialect.LockWrites, held until the commit is
// visible), so a snapshot's version tells exactly which commits it holds:
// versions order states. Every statement that reads postings reads the
// version in the same statement (same snapshot); Put and the
// notifications of other processes' commits carry the version committed.
//
// The guarantee: a search never answers from a state older than one this
// process has already read (monotonic reads: once a search has returned
// an article, every later search of this process finds it), and it
// answers from one state, never a mix of two.
//
// The cache keeps ver, the newest version any read of this process has
// seen (a search's statement: observe; a notification or this store's own
// Put: Invalidate), and every entry it holds is of exactly that version:
//
//  1. A read of version v > ver raises ver to v and drops every entry
//     (they are older than what a search may just have returned).
//  2. A read of version v < ver is not stored: it may be answered (it
//     was taken before the newer state was seen, and is newer than
//     anything returned before it started), never cached. This is what
//     the first version of this cache missed (TestSearchCacheClose failed
//     once, "total went from 20 to 19"): search Y noted generation g,
//     the late notification of commit 9 started g+1, search X noted g+1
//     and read before commit 10, search Y read after it and answered 20
//     but could not store (g had passed), then X stored its older read
//     under g+1 and Y's next search was answered 19 from it. Now Y's
//     read raises ver, and X's is refused (or dropped, if stored first).
//  3. A search whose terms are partly cached reads the others; when that
//     read's version differs from the cached entries' (a commit came in
//     between), it reads every term again in one statement, so its
//     answer is one state (termPostings).
//
// So a search answers from entries of the version ver had at its start,
// which is at least every version read before, or from a read taken
// after it started, which holds every commit any earlier read held: no
// answer is older than one already returned. (The article lengths bm25
// uses, refreshLens, may be of a newer state than the postings, as they
// always could: they never drop an article.)
//
// Writes by other processes: a notification (Invalidate) drops every
// entry, starts a new generation, and raises ver to the version it
// carries. A search stores only under the generation it noted before its
// read, so what was read before the notification is never stored after
// it, even where the version does not tell (a notification without one);
// and since the version is carried, no read older than the notified commit
// is stored, even if the notification were delivered before its commit is
// visible to other sessions (PostgreSQL delivers it only after). What the
// cache cannot know is a commit whose notification has not reached it
// yet: until then a search may answer from the state before it (normally
// well under a millisecond on one machine; see listen.go for the bound
// when the listening connection dies silently).
//
// While the owner cannot learn of other processes' writes (SetLive(false):
// its listening connection is lost), the cache is bypassed: every search
// goes to the database, and nothing is stored (its reads still raise
// ver). SetLive(true) (listening again) starts a new generation, empty, so
// nothing cached or read before the loss is stored or served.
type SearchCache struct {
	mu       sync.Mutex
	gen      uint64
	ver      int64 // the newest version read or notified; every entry is of it
	live     bool
	terms    map[string]cachedTerm
	bytes    int
	maxBytes int

	hits, misses, bypassed, stale atomic.Uint64

	changed func() // OnChange
}

// OnChange sets f to be called after every invalidation and whenever the
// cache becomes live, outside the cache's lock (the replica catches up then: a
// search answered from the cache would never consult it). Set it before
// the cache is shared.
func (c *SearchCache) OnChange(f func()) { c.changed = f }

// cachedTerm is a term's postings (never modified once stored; empty
// for a term with none), with their undecoded positions when raw (read
// for snippets).
type cachedTerm struct {
	l   plist
	raw bool
}

func (e cachedTerm) size(term string) int {
	n := 16*cap(e.l.ps) + len(term) + 80
	for _, r := range e.l.raw {
		n += cap(r.b) + 32
	}
	return n
}

// DefaultSearchCacheBytes bounds the postings a SearchCache keeps.
const DefaultSearchCacheBytes = 64 << 20

// NewSearchCache returns a cache of at most maxBytes of postings (0:
// DefaultSearchCacheBytes), not live: it serves nothing until SetLive(true).
func NewSearchCache(maxBytes int) *SearchCache {
	if maxBytes <= 0 {
		maxBytes = DefaultSearchCacheBytes
	}
	return &SearchCache{maxBytes: maxBytes, terms: map[string]cachedTerm{}}
}

// Invalidate drops every entry and starts a new generation: what the
// searches running now read is not stored. version is the store's
// version after the write (0 when unknown): no read older than it is
// stored from now on.
func (c *SearchCache) Invalidate(version int64) {
	c.mu.Lock()
	c.gen++
	c.ver = max(c.ver, version)
	c.dropLocked()
	c.mu.Unlock()
	if c.changed != nil {
		c.changed()
	}
}

// Advance tells the cache that the store's version is now version, read
// by its owner after it learned of a commit (SQLite: PRAGMA data_version
// changed): as Invalidate(version), unless the cache has seen that
// version already (this process's own Put, or a search's read, told it
// first; or the commit added no article, as an Optimize): then what it
// holds is of that state still, and stays.
func (c *SearchCache) Advance(version int64) {
	c.mu.Lock()
	if version <= c.ver {
		c.mu.Unlock()
		return
	}
	c.gen++
	c.ver = version
	c.dropLocked()
	c.mu.Unlock()
	if c.changed != nil {
		c.changed()
	}
}

// SetLive says whether the owner learns of every write by another process
// from now on (true), or may miss some (false: the cache is bypassed).
// Either way it starts a new generation, empty.
func (c *SearchCache) SetLive(live bool) {
	c.mu.Lock()
	c.gen++
	c.dropLocked()
	c.live = live
	c.mu.Unlock()
	if live && c.changed != nil { // not live, nothing is served from what it keeps
		c.changed()
	}
}

// current returns the newest version read or notified, the generation
// (a new one at every invalidation and every change of live), and whether
// the cache is live: a replica serves a search only when it holds that
// version and was confirmed in that generation (replica.go).
func (c *SearchCache) current() (ver int64, gen uint64, live bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ver, c.gen, c.live
}

func (c *SearchCache) dropLocked() {
	clear(c.terms)
	c.bytes = 0
}

// Live reports whether the cache is in use (SetLive).
func (c *SearchCache) Live() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.live
}

// CacheStats counts how searches used a SearchCache: terms found in it,
// terms read from the database, searches that bypassed it because it was
// not live, and reads not stored because a newer version had been seen.
type CacheStats struct {
	Live                          bool
	Hits, Misses, Bypassed, Stale uint64
	Terms, Bytes                  int
	Version                       int64
}

// Stats returns the counts so far.
func (c *SearchCache) Stats() CacheStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return CacheStats{Live: c.live, Hits: c.hits.Load(), Misses: c.misses.Load(), Bypassed: c.bypassed.Load(),
		Stale: c.stale.Load(), Terms: len(c.terms), Bytes: c.bytes, Version: c.ver}
}

// lookup sets out[t] for every term of terms the cache holds (with their
// positions when raw) and returns the others, the version of those found
// (every entry's), and the generation to store the others under; ok is
// false when the cache is not live (nothing found, nothing to store).
func (c *SearchCache) lookup(terms []string, raw bool, out map[string]*plist) (missing []string, version int64, gen uint64, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.live {
		c.bypassed.Add(1)
		return terms, 0, 0, false
	}
	for _, t := range terms {
		e, found := c.terms[t]
		if !found || raw && !e.raw {
			missing = append(missing, t)
			continue
		}
		if len(e.l.ps) > 0 {
			l := e.l
			out[t] = &l
		}
	}
	c.hits.Add(uint64(len(terms) - len(missing)))
	c.misses.Add(uint64(len(missing)))
	return missing, c.ver, c.gen, true
}

// observe notes that a search read version v of the store (rule 1 above:
// a newer version drops every entry).
func (c *SearchCache) observe(v int64) {
	c.mu.Lock()
	c.observeLocked(v)
	c.mu.Unlock()
}

func (c *SearchCache) observeLocked(v int64) {
	if v > c.ver {
		c.ver = v
		c.dropLocked()
	}
}

// store notes version v as seen and keeps the postings of terms read in
// one statement of that version (read[t], which the cache then owns; a
// term without a list has no postings; with their positions when raw)
// under generation gen, unless the
// cache was invalidated since, is not live, or has seen a newer version
// (rule 2). A list larger than an eighth of the cache is not kept; when
// full, about half the entries (any: a map's order) are dropped.
func (c *SearchCache) store(gen uint64, v int64, terms []string, raw bool, read map[string]*plist) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.observeLocked(v)
	if !c.live || c.gen != gen {
		return
	}
	if v < c.ver {
		c.stale.Add(1)
		return
	}
	for _, t := range terms {
		e := cachedTerm{raw: raw}
		if l := read[t]; l != nil {
			e.l = plist{ps: l.ps, raw: l.raw}
		}
		sz := e.size(t)
		if sz > c.maxBytes/8 {
			continue
		}
		if old, ok := c.terms[t]; ok {
			if old.raw && !raw {
				continue // the same version: the same postings, and positions
			}
			c.bytes -= old.size(t)
		}
		if c.bytes+sz > c.maxBytes {
			for k, v := range c.terms {
				delete(c.terms, k)
				c.bytes -= v.size(k)
				if c.bytes <= c.maxBytes/2 {
					break
				}
			}
		}
		c.terms[t] = e
		c.bytes += sz
	}
}

// WriteNotifier is a Dialect that tells other processes of a writing
// transaction when it commits (PostgreSQL: NOTIFY, which is delivered at
// commit and dropped at rollback). Put and Optimize call it inside their
// transaction, after their last write, with the version the transaction
// commits (the highest article rowid, SearchCache).
type WriteNotifier interface {
	NotifyWrite(ctx context.Context, tx *sql.Tx, version int64) error
}

// notifyWrite calls the dialect's WriteNotifier, if it has one, with the
// version tx commits, which it returns (0 without a notifier).
func (s *DB) notifyWrite(ctx context.Context, tx *sql.Tx) (int64, error) {
	n, ok := s.d.(WriteNotifier)
	if !ok {
		return 0, nil
	}
	var v int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(rowid), 0) FROM documents`).Scan(&v); err != nil {
		return 0, err
	}
	return v, n.NotifyWrite(ctx, tx, v)
}

// invalidate drops the search cache after a write of this store (called
// when Put or Optimize returns, committed or not, with the version
// committed or 0): the next search of this process reads the database.
func (s *DB) invalidate(version int64) {
	if s.cache != nil {
		s.cache.Invalidate(version)
	}
}

// SearchCacheStats returns the search cache's counts (zero without one).
func (s *DB) SearchCacheStats() CacheStats {
	if s.cache == nil {
		return CacheStats{}
	}
	return s.cache.Stats()
}
