package sqlite

import (
	"context"
	"database/sql"
	"sync"
	"sync/atomic"

	"github.com/marsad-project/marsad/internal/store/sqlstore"
)

// The search cache and the replica on SQLite (Options.ReplicaBytes, for
// `marsad serve`): sqlstore keeps a search's postings and a replica of the
// index's article lists in memory (sqlstore/searchcache.go, replica.go),
// so that a query's first ids-only search reads no page of the file. It
// must learn of every commit another connection or process makes. SQLite
// has no notifications; what it has is PRAGMA data_version, which on one
// connection changes when any other connection has committed since its
// last read. So the store keeps one connection of its own (watcher), and
// every search that would use the cache first reads data_version there
// (watcher.sync, sqlstore.Options.SyncCache); when it changed, it reads the
// store's version (the highest article rowid) and gives it to the cache
// (SearchCache.Advance): a version the cache had not seen drops what it
// holds and sends the replica to catch up in the background, while the
// searches read the file. A commit that added no article (an Optimize, a
// Put of duplicates) leaves the cache and replica as they are: they hold
// the same postings (an Optimize merging Puts the replica had not read yet
// is found by its catch-up, which then loads it again whole).
//
// How fresh: a search sees every commit made before it began, as a plain
// SQLite read does (the check is part of the search, not a poll). What it
// costs: one statement on the watcher's connection per search, under a
// lock (data_version reads no page, but begins a read transaction: two
// fcntl calls on the -shm file, about 7 µs of a warm search's 13 at 1×,
// storebench -cpuprofile); searches waiting for the lock while another
// looks share that look when it began after they did.
type watcher struct {
	db    *sql.DB
	cache *sqlstore.SearchCache

	mu      sync.Mutex
	conn    *sql.Conn // nil until the first sync, and after an error
	dv, ver *sql.Stmt // on conn
	last    int64     // data_version last read on conn; -1: none yet
	closed  bool

	// Concurrent searches share a look: seq numbers every sync begun,
	// done is the number of the last that succeeded; a search finding
	// that one begun after it did (its own start) need not look again.
	seq, done atomic.Uint64
}

// sync brings the cache up to the commits made so far (see above); an
// error says it could not tell.
func (w *watcher) sync(ctx context.Context) error {
	since := w.seq.Load()
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return sql.ErrConnDone
	}
	if w.done.Load() > since {
		return nil // a look begun after this search began, and succeeded
	}
	n := w.seq.Add(1)
	if w.conn == nil {
		if err := w.connect(ctx); err != nil {
			return err
		}
	}
	var dv int64
	if err := w.dv.QueryRowContext(ctx).Scan(&dv); err != nil {
		w.drop(ctx)
		return err
	}
	if dv == w.last {
		w.done.Store(n)
		return nil
	}
	// Read after data_version: a commit after that read changes it again,
	// so the next sync reads the version again.
	var v int64
	if err := w.ver.QueryRowContext(ctx).Scan(&v); err != nil {
		w.drop(ctx)
		return err
	}
	w.last = dv
	w.cache.Advance(v)
	w.done.Store(n)
	return nil
}

// connect pins the watcher's connection and prepares its two statements;
// data_version is then unknown (a new connection's values do not compare
// with the old one's), so the next read of it is followed by the version.
func (w *watcher) connect(ctx context.Context) error {
	conn, err := w.db.Conn(ctx)
	if err != nil {
		return err
	}
	w.conn, w.last = conn, -1
	if w.dv, err = conn.PrepareContext(ctx, `PRAGMA data_version`); err == nil {
		w.ver, err = conn.PrepareContext(ctx, `SELECT coalesce(max(rowid), 0) FROM documents`)
	}
	if err != nil {
		w.drop(ctx)
	}
	return err
}

// drop closes the connection after an error (a new one at the next sync),
// unless the error was the search's context ending (the statement was
// interrupted; the connection is sound).
func (w *watcher) drop(ctx context.Context) {
	if ctx.Err() != nil && w.dv != nil && w.ver != nil {
		return
	}
	w.closeLocked()
}

func (w *watcher) closeLocked() {
	for _, st := range []*sql.Stmt{w.dv, w.ver} {
		if st != nil {
			st.Close()
		}
	}
	if w.conn != nil {
		w.conn.Close()
	}
	w.conn, w.dv, w.ver = nil, nil, nil
}

// close releases the connection (Close, before the database is closed).
func (w *watcher) close() {
	w.mu.Lock()
	w.closed = true
	w.closeLocked()
	w.mu.Unlock()
}
