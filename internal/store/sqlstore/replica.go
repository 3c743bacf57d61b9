package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// DefaultReplicaBytes bounds the replica `marsad serve` keeps
// (Options.ReplicaBytes): about fourteen times what 82,384 articles need
// (37 MB).
const DefaultReplicaBytes = 512 << 20

// replica is an in-process copy of the postings' article lists (without
// positions) and of every article's id, for a long-running process on a
// database other processes may write to (PostgreSQL, SQLite;
// Options.ReplicaBytes: `marsad serve`). On SQLite, it is the same: a
// search there read the postings and then the page's rows from pages its
// connection had not cached yet (storebench at 1x: 0.07-0.09 ms, against
// 0.03 once warm; see sqlite/watch.go). A search without a phrase or snippets looks in the
// search cache first (decoded lists); the terms it misses come from the
// replica instead of the server (and are cached), and a search for ids
// only (store.SearchQuery.IDsOnly) takes its page's ids from it too: a
// query's first search runs no statement at all, where it took two round
// trips to the server (its terms' postings, then its page's rows; 110-220
// µs each at load 6, against bleve's whole search at 0.04-0.27 ms).
//
// It is loaded at Open (the warm-up: one read of the postings' data and
// the documents' ids, counted in Open's time), and kept current across
// commits without being reloaded: the store is append-only (Optimize only
// merges segments), so a later state is the replica plus the segments of
// the newer Puts (postings rows with seg above its version) and their
// ids. It is one state of the store, named by its version as the search
// cache's entries are (searchcache.go), and it serves a search only while
// its version is the cache's, the newest this process has read or been
// notified of, and it was confirmed in the cache's current generation
// (every invalidation, and every loss or recovery of the listening
// connection, starts one): so, as with the cache, no search answers from
// a state older than one already returned, and every answer is of one
// state. When a commit (this store's Put, another process's once
// notified, a newer state read by a phrase search) or a lost listening
// connection leaves it behind, the next search starts catching it up in
// the background (catchUp: one read-only transaction reading only what
// is newer) and, like every search until it is done, reads the terms the
// cache misses from the server.
//
// After a merge of the postings' rows (Optimize, or a Put's merge of the
// tail: tiers.go) of articles the replica had not read, the newer Puts'
// rows no longer have their own seg: meta 'postings_epoch' has moved (and,
// after Optimize, the lengths' segments (doc_lengths) above its version do
// not reach the new version), and the replica is loaded again whole. A
// replica larger than its bound is dropped and not used again by this
// process (the search cache serves as before).
type replica struct {
	max int // bound on bytes

	mu    sync.RWMutex
	ver   int64  // the state held (the highest article rowid); -1 before the first load
	epoch int64  // meta 'postings_epoch' when read: the postings' merges (tiers.go)
	gen   uint64 // the cache's generation ver was confirmed in (SearchCache.current)
	terms map[string][][]byte
	ids   []string // by rowid; "" where no article
	bytes int
	off   bool // over its bound: not used

	catch  sync.Mutex  // one catch-up at a time
	again  atomic.Bool // a change since the running catch-up began
	wg     sync.WaitGroup
	ctx    context.Context // the background catch-ups', cancelled by Close
	cancel context.CancelFunc

	loads, catchUps, served atomic.Uint64
}

// size is the memory the replica holds, about (under mu).
func (r *replica) size() int { return r.bytes + 16*cap(r.ids) }

func newReplica(maxBytes int) *replica {
	r := &replica{max: maxBytes, ver: -1}
	r.ctx, r.cancel = context.WithCancel(context.Background())
	return r
}

// ReplicaStats tells what a store's replica holds (zero without one).
type ReplicaStats struct {
	On              bool // loaded and within its bound
	Current         bool // serving: at the search cache's version and generation, the cache live
	Version         int64
	Terms, Articles int
	Bytes           int
	Loads, CatchUps uint64
	Served          uint64 // terms a search took from it (not in the search cache)
}

// ReplicaStats returns the replica's figures.
func (s *DB) ReplicaStats() ReplicaStats {
	r := s.repl
	if r == nil {
		return ReplicaStats{}
	}
	loads, ups, served := r.loads.Load(), r.catchUps.Load(), r.served.Load()
	ver, gen, live := s.cache.current()
	r.mu.RLock()
	defer r.mu.RUnlock()
	n := 0
	for _, id := range r.ids {
		if id != "" {
			n++
		}
	}
	return ReplicaStats{On: !r.off && r.ver >= 0, Current: live && !r.off && r.ver == ver && r.gen == gen, Version: r.ver, Terms: len(r.terms), Articles: n, Bytes: r.size(),
		Loads: loads, CatchUps: ups, Served: served}
}

// replicaPostings returns the lists of terms from the replica (new
// buffers: the search cache keeps them), when it holds version ver and
// was confirmed in generation gen, what the search cache's lookup returned
// (so the lists found there and these are of one state); ok is false when
// it cannot (no replica, dropped, behind: the caller reads the server). A
// replica behind starts catching up in the background: the search that
// finds it so does not wait for it (a catch-up is a transaction of six
// round trips and a scan of the postings' key, 1-20 ms on the server at
// 4× after Optimize; the search reads its terms from the server, one
// round trip).
func (s *DB) replicaPostings(terms []string, ver int64, gen uint64) (map[string]*plist, bool) {
	r := s.repl
	if r == nil {
		return nil, false
	}
	r.mu.RLock()
	if r.off {
		r.mu.RUnlock()
		return nil, false
	}
	if r.ver == ver && r.gen == gen {
		out := make(map[string]*plist, len(terms))
		for _, t := range terms {
			segs := r.terms[t]
			if len(segs) == 0 {
				continue
			}
			n := 0
			for _, b := range segs {
				n += len(b)
			}
			l := &plist{ps: make([]posting, 0, n/2)}
			var err error
			for _, b := range segs {
				if *l, err = decodeDocs(*l, b); err != nil {
					r.mu.RUnlock()
					return nil, false
				}
			}
			out[t] = l
		}
		r.mu.RUnlock()
		r.served.Add(uint64(len(terms)))
		return out, true
	}
	r.mu.RUnlock()
	s.startCatchUp()
	return nil, false
}

// startCatchUp starts a catch-up in the background unless one is under way
// or the store is closing: when a search finds the replica behind, and
// whenever the search cache is invalidated or changes live (OnChange), so
// that a replica left behind by a notification is confirmed again even
// when the searches after it are answered from the cache.
//
// A change noted while a catch-up runs is not lost: it sets again, and the
// running catch-up goes round once more before it lets go of the lock (and
// takes the lock back if a change came between its last look and letting
// go). An error ends the round: the next change or search starts another.
func (s *DB) startCatchUp() {
	r := s.repl
	if r == nil || r.ctx.Err() != nil {
		return
	}
	r.again.Store(true)
	if !r.catch.TryLock() {
		return // the one under way goes round again
	}
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		for {
			for r.again.Swap(false) {
				if s.catchUp(r.ctx) != nil {
					break
				}
			}
			r.catch.Unlock()
			if !r.again.Load() || r.ctx.Err() != nil || !r.catch.TryLock() {
				return
			}
		}
	}()
}

// stop cancels a catch-up under way and waits for it (Close); none starts
// after it (it keeps the catch-up lock).
func (r *replica) stop() {
	r.cancel()
	r.catch.Lock()
	r.wg.Wait()
}

// replicaIDs returns the ids of docs from the replica, or false if it does
// not hold one of them (or is off).
func (s *DB) replicaIDs(docs []scored) ([]string, bool) {
	r := s.repl
	if r == nil {
		return nil, false
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.off {
		return nil, false
	}
	ids := make([]string, len(docs))
	for i, d := range docs {
		if d.doc < 0 || d.doc >= int64(len(r.ids)) || r.ids[d.doc] == "" {
			return nil, false
		}
		ids[i] = r.ids[d.doc]
	}
	return ids, true
}

// catchUp brings the replica to the store's current state (the first
// time, or after another process's Optimize, by loading it whole), in one
// read-only repeatable-read transaction, and tells the search cache the
// version read. The caller holds r.catch.
func (s *DB) catchUp(ctx context.Context) error {
	r := s.repl
	_, gen, _ := s.cache.current() // before reading: an invalidation during the read leaves it behind
	r.mu.RLock()
	from, off := r.ver, r.off
	r.mu.RUnlock()
	if off {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var v int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(rowid), 0) FROM documents`).Scan(&v); err != nil {
		return err
	}
	epoch, err := metaInt(ctx, tx, s.d, "postings_epoch")
	if err != nil {
		return err
	}
	r.mu.RLock()
	merged := epoch != r.epoch // rows read before are rewritten: the newer articles may be in older segments
	r.mu.RUnlock()
	whole := from < 0 || v < from || merged && v > from // (v < from: not the same store any more)
	if !whole && v > from {
		// The newer Puts' lengths segments must reach v, else another
		// process's Optimize merged the newer rows into older segments.
		reach, err := lengthsReach(ctx, tx, s.d, from)
		if err != nil {
			return err
		}
		whole = reach < v
	}
	if whole {
		from = -1
	}
	// The rows' bytes go into one buffer, sliced once complete (a slice
	// of one per row cost an allocation each: 54,557 terms at 4×, most of
	// Open's client CPU), and no larger than they need (a catch-up's
	// buffer stays as long as one of its segments is held).
	var buf []byte
	type seg struct {
		term       string
		from, upto int // in buf
		data       []byte
	}
	var segs []seg
	var idRows []int64
	var idText strings.Builder // every id, sliced below: one allocation
	var idEnds []int
	if v > from {
		q, args := selectPostings(s.postingsTables(), `term, seg, data`, `seg > ?`, "", []any{from})
		rows, err := tx.QueryContext(ctx, s.d.Bind(q), args...)
		if err != nil {
			return err
		}
		var last string
		for rows.Next() {
			var term, data sql.RawBytes
			var segNo int64
			if err := rows.Scan(&term, &segNo, &data); err != nil {
				rows.Close()
				return err
			}
			if string(term) != last {
				last = string(term)
			}
			segs = append(segs, seg{term: last, from: len(buf), upto: len(buf) + len(data)})
			buf = append(buf, data...)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if cap(buf) > len(buf)+len(buf)/8 {
			buf = append(make([]byte, 0, len(buf)), buf...)
		}
		for i := range segs {
			segs[i].data = buf[segs[i].from:segs[i].upto:segs[i].upto]
		}
		rows, err = tx.QueryContext(ctx, s.d.Bind(`SELECT rowid, id FROM documents WHERE rowid > ? ORDER BY rowid`), from)
		if err != nil {
			return err
		}
		for rows.Next() {
			var rowid int64
			var id sql.RawBytes
			if err := rows.Scan(&rowid, &id); err != nil {
				rows.Close()
				return err
			}
			idRows = append(idRows, rowid)
			idText.Write(id)
			idEnds = append(idEnds, idText.Len())
		}
		if err := rows.Close(); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	r.mu.Lock()
	if whole {
		r.terms, r.ids, r.bytes = make(map[string][][]byte, len(segs)), nil, 0
		r.loads.Add(1)
	} else {
		r.catchUps.Add(1)
	}
	for _, x := range segs {
		if _, ok := r.terms[x.term]; !ok {
			r.bytes += len(x.term) + 80 // key, map slot, slice header
		}
		r.terms[x.term] = append(r.terms[x.term], x.data)
		r.bytes += len(x.data) + 24
	}
	if n := len(idRows); n > 0 {
		all := idText.String()
		r.ids = slices.Grow(r.ids, max(0, int(idRows[n-1])+1-len(r.ids)))
		prev := 0
		for i, rowid := range idRows {
			for int64(len(r.ids)) <= rowid {
				r.ids = append(r.ids, "")
			}
			r.ids[rowid] = all[prev:idEnds[i]]
			prev = idEnds[i]
		}
		r.bytes += len(all)
	}
	if r.max > 0 && r.size() > r.max {
		r.terms, r.ids, r.off = nil, nil, true
	}
	r.ver, r.gen, r.epoch = v, gen, epoch
	r.mu.Unlock()
	s.cache.observe(v)
	return nil
}

// lengthsReach returns the highest rowid of the doc_lengths segments above
// from (from when there are none).
func lengthsReach(ctx context.Context, tx *sql.Tx, d Dialect, from int64) (int64, error) {
	rows, err := tx.QueryContext(ctx, d.Bind(`SELECT data FROM doc_lengths WHERE seg > ? ORDER BY seg`), from)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	reach := from
	var l plist
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return 0, err
		}
		if l, err = decodeDocs(plist{ps: l.ps[:0]}, data); err != nil {
			return 0, fmt.Errorf("lengths: %w", err)
		}
		if n := len(l.ps); n > 0 {
			reach = max(reach, l.ps[n-1].doc)
		}
	}
	return reach, rows.Err()
}
