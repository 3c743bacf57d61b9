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
// database other processes may write to (PostgreSQL): its owner keeps it
// current and tells it, through SetLive, whether it can.
//
// Freshness: every entry belongs to a generation; Invalidate (another
// process committed a write: a notification; or this store's own Put,
// synchronously, after its commit) starts a new one and drops every
// entry. A search notes the generation before it reads from the database
// and stores what it read only if no invalidation came meanwhile, so an
// entry never predates the last invalidation. While the owner cannot
// learn of other processes' writes (SetLive(false): its listening
// connection is lost), the cache is bypassed: every search goes to the
// database, and nothing is stored. SetLive(true) (listening again) starts
// a new generation, so nothing cached before the loss is served.
//
// Only searches that need no positions use it (no phrase, no snippets):
// the others read the positions from the database anyway.
type SearchCache struct {
	mu       sync.Mutex
	gen      uint64
	live     bool
	terms    map[string]cachedTerm
	bytes    int
	maxBytes int

	hits, misses, bypassed atomic.Uint64
}

// cachedTerm is a term's postings (never modified once stored; empty for
// a term with none) and the highest article rowid when they were read.
type cachedTerm struct {
	ps       []posting
	maxRowid int64
}

func (e cachedTerm) size(term string) int { return 16*cap(e.ps) + len(term) + 80 }

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
// searches running now read is not stored.
func (c *SearchCache) Invalidate() {
	c.mu.Lock()
	c.gen++
	clear(c.terms)
	c.bytes = 0
	c.mu.Unlock()
}

// SetLive says whether the owner learns of every write by another process
// from now on (true), or may miss some (false: the cache is bypassed).
// Either way it starts a new generation, empty.
func (c *SearchCache) SetLive(live bool) {
	c.mu.Lock()
	c.gen++
	clear(c.terms)
	c.bytes = 0
	c.live = live
	c.mu.Unlock()
}

// Live reports whether the cache is in use (SetLive).
func (c *SearchCache) Live() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.live
}

// CacheStats counts how searches used a SearchCache: terms found in it,
// terms read from the database, and searches that bypassed it because it
// was not live.
type CacheStats struct {
	Live                   bool
	Hits, Misses, Bypassed uint64
	Terms, Bytes           int
}

// Stats returns the counts so far.
func (c *SearchCache) Stats() CacheStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return CacheStats{Live: c.live, Hits: c.hits.Load(), Misses: c.misses.Load(), Bypassed: c.bypassed.Load(),
		Terms: len(c.terms), Bytes: c.bytes}
}

// lookup sets out[t] for every term of terms the cache holds and returns
// the others, the highest maxRowid of those found, and the generation to
// store the others under; ok is false when the cache is not live (nothing
// found, nothing to store).
func (c *SearchCache) lookup(terms []string, out map[string]*plist) (missing []string, maxRowid int64, gen uint64, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.live {
		c.bypassed.Add(1)
		return terms, 0, 0, false
	}
	for _, t := range terms {
		e, found := c.terms[t]
		if !found {
			missing = append(missing, t)
			continue
		}
		if len(e.ps) > 0 {
			out[t] = &plist{ps: e.ps}
		}
		maxRowid = max(maxRowid, e.maxRowid)
	}
	c.hits.Add(uint64(len(terms) - len(missing)))
	c.misses.Add(uint64(len(missing)))
	return missing, maxRowid, c.gen, true
}

// store keeps term's postings ps (which the cache then owns) read under
// generation gen, unless the cache was invalidated since (or is not live).
// A list larger than an eighth of the cache is not kept; when full, about
// half the entries (any: a map's order) are dropped.
func (c *SearchCache) store(gen uint64, term string, ps []posting, maxRowid int64) {
	e := cachedTerm{ps: ps, maxRowid: maxRowid}
	sz := e.size(term)
	if sz > c.maxBytes/8 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.live || c.gen != gen {
		return
	}
	if old, ok := c.terms[term]; ok {
		// Two searches of one generation read the term from different
		// snapshots (a commit whose notification is still on its way in
		// between): keep the later (rowids grow in commit order), so a
		// search never answers from an older state than one already
		// cached.
		if old.maxRowid >= maxRowid {
			return
		}
		c.bytes -= old.size(term)
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
	c.terms[term] = e
	c.bytes += sz
}

// WriteNotifier is a Dialect that tells other processes of a writing
// transaction when it commits (PostgreSQL: NOTIFY, which is delivered at
// commit and dropped at rollback). Put and Optimize call it inside their
// transaction, after LockWrites.
type WriteNotifier interface {
	NotifyWrite(ctx context.Context, tx *sql.Tx) error
}

// notifyWrite calls the dialect's WriteNotifier, if it has one.
func (s *DB) notifyWrite(ctx context.Context, tx *sql.Tx) error {
	if n, ok := s.d.(WriteNotifier); ok {
		return n.NotifyWrite(ctx, tx)
	}
	return nil
}

// invalidate drops the search cache after a write of this store (called
// when Put or Optimize returns, committed or not): the next search of this
// process reads the database.
func (s *DB) invalidate() {
	if s.cache != nil {
		s.cache.Invalidate()
	}
}

// SearchCacheStats returns the search cache's counts (zero without one).
func (s *DB) SearchCacheStats() CacheStats {
	if s.cache == nil {
		return CacheStats{}
	}
	return s.cache.Stats()
}
