// Package sqlite is marsad's embedded store: one SQLite file (pure Go
// driver modernc.org/sqlite, so the binary stays cgo-free), WAL journal so
// searches run while an ingest writes, FTS5 over the analysed terms with
// BM25 ranking.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/sqlstore"

	_ "modernc.org/sqlite" // database/sql driver "sqlite"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Options for Open.
type Options struct {
	Analyzer store.Analyzer // required: search.Analyzer in marsad
	// Synchronous is SQLite's synchronous pragma: "FULL" (default) makes
	// every committed batch survive a power cut, "NORMAL" only a crash of
	// the process.
	Synchronous string
	// MaxConns bounds open connections (readers); 0 means 8.
	MaxConns int
	// FTSRanking ranks every query with FTS5's bm25() instead of the
	// postings (tests and benchmarks compare the two). A store created
	// since migration 0005 has no FTS5 index unless it was first opened
	// with FTSRanking while empty (a handle opened before that goes on
	// without writing it); Open fails on one that has articles.
	FTSRanking bool
	// HitCacheBytes bounds the rows of recent hits kept in memory
	// (sqlstore.Options.HitCacheBytes): 0 the default, < 0 none.
	HitCacheBytes int
	// ReplicaBytes, when > 0, keeps the postings' article lists and the
	// articles' ids in memory (sqlstore/replica.go), loaded at Open, with
	// a search cache, both kept current across every connection's and
	// process's commits (watch.go), so that a search without a phrase or
	// snippets reads no page of the file; a replica above the bound is
	// dropped (the search cache stays). For a long-running process
	// (`marsad serve`): it takes one connection more than MaxConns.
	ReplicaBytes int
	// TailFloor is the bytes of postings the tail always holds before it
	// is merged into postings (sqlstore.Options.TailFloor): 0 the default;
	// tests set 1 to merge at nearly every Put.
	TailFloor int
}

// DefaultReplicaBytes bounds the replica `marsad serve` keeps
// (Options.ReplicaBytes): sqlstore.DefaultReplicaBytes.
const DefaultReplicaBytes = sqlstore.DefaultReplicaBytes

// DefaultOptions returns the options `marsad` uses (Analyzer still to set).
func DefaultOptions() Options { return Options{Synchronous: "FULL", MaxConns: 8} }

// Open opens (creating if needed) the store in the file at path.
func Open(ctx context.Context, path string, opt Options) (*sqlstore.DB, error) {
	if opt.Synchronous == "" {
		opt.Synchronous = "FULL"
	}
	if opt.MaxConns <= 0 {
		opt.MaxConns = 8
	}
	v := url.Values{}
	for _, p := range []string{
		"journal_mode(WAL)",
		"busy_timeout(30000)",
		"synchronous(" + opt.Synchronous + ")",
		"foreign_keys(ON)",
		"cache_size(-32000)",
		// Read the file through a memory map: a posting list longer than
		// a page lives in overflow pages, which SQLite reads past its page
		// cache with a pread per page and per query (storebench -cpuprofile
		// at 4x: 7-11 % of the search phase in syscalls). Only pages read
		// are resident; writes still go through the WAL.
		"mmap_size(1073741824)",
		// Pages freed by merging the index go back to the file system at
		// Optimize (takes effect when the file is created).
		"auto_vacuum(INCREMENTAL)",
		// Checkpoint the WAL into the file every 20,000 pages (80 MB), not
		// SQLite's 1,000: a commit that writes more pages than that (a
		// batch's postings rows, before they went to a tail of their own:
		// sqlstore/tiers.go; a merge of the tail) was copied into the file
		// again at every commit (and fsynced); spaced out, a page rewritten
		// by several batches is copied once (storebench 16x, before the
		// tail: commit phase 23-26 s -> 17-23 s: docs/BENCHMARKS.md
		// "SQLite ingest at 16x"). Durability is the WAL's, fsynced at
		// every commit: unchanged.
		"wal_autocheckpoint(20000)",
	} {
		v.Add("_pragma", p)
	}
	v.Set("_txlock", "immediate") // writers take the lock at BEGIN: no upgrade deadlocks
	dsn := "file:" + path + "?" + v.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: open %s: %w", path, err)
	}
	conns := opt.MaxConns
	if opt.ReplicaBytes > 0 {
		conns++ // the watcher's (watch.go)
	}
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: sqlite: open %s: %w", path, err)
	}
	d := dialect{path: path, fts: new(bool)}
	*d.fts = true // until the migrations are read: the older stores' way
	sopt := sqlstore.Options{Analyzer: opt.Analyzer, FTSRanking: opt.FTSRanking, HitCacheBytes: opt.HitCacheBytes, TailFloor: opt.TailFloor}
	var w *watcher
	if opt.ReplicaBytes > 0 {
		// Live before the replica is read: a commit after the read is
		// seen by the watcher's first look (Open's, below), which reads
		// data_version before the version.
		sopt.SearchCache = sqlstore.NewSearchCache(0)
		sopt.SearchCache.SetLive(true)
		w = &watcher{db: db, cache: sopt.SearchCache}
		sopt.SyncCache, sopt.OnClose = w.sync, w.close
		sopt.ReplicaBytes = opt.ReplicaBytes
	}
	s, err := sqlstore.Open(ctx, db, d, sopt)
	if err != nil && s == nil {
		if w != nil {
			w.close()
		}
		db.Close()
		return s, err
	}
	if ferr := d.readFTS(ctx, db, opt.FTSRanking); ferr != nil {
		s.Close()
		return nil, fmt.Errorf("store: sqlite: open %s: %w", path, ferr)
	}
	if w != nil {
		// The watcher's connection and first data_version, now rather
		// than in the first search.
		if werr := w.sync(ctx); werr != nil {
			s.Close()
			return nil, fmt.Errorf("store: sqlite: open %s: %w", path, werr)
		}
	}
	return s, err
}

// readFTS sets whether articles are written to FTS5: not in a store
// created since migration 0005 (meta 'fts' = 'none'), unless it is empty
// and opened to rank with FTS5 (the tests comparing rankings), which then
// keeps the index for good.
func (d dialect) readFTS(ctx context.Context, db *sql.DB, ftsRanking bool) error {
	var v string
	err := db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'fts'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		*d.fts = true
		return nil
	}
	if err != nil {
		return err
	}
	*d.fts = false
	if !ftsRanking {
		return nil
	}
	// only an empty store can start the index
	r, err := db.ExecContext(ctx, `DELETE FROM meta WHERE key = 'fts' AND NOT EXISTS (SELECT 1 FROM documents)`)
	if err != nil {
		return err
	}
	if n, _ := r.RowsAffected(); n == 0 {
		return errors.New("FTS5 ranking asked of a store without the FTS5 index (created since migration 0005)")
	}
	*d.fts = true
	return nil
}

type dialect struct {
	path string
	fts  *bool // articles are written to documents_fts (a store from before migration 0005, or made for FTSRanking); nil: yes
}

func (d dialect) writeFTS() bool { return d.fts == nil || *d.fts }

func (dialect) Name() string         { return "sqlite" }
func (dialect) Bind(q string) string { return q }
func (d dialect) Location() string   { return d.path }
func (dialect) Migrations() fs.FS {
	sub, _ := fs.Sub(migrations, "migrations")
	return sub
}

// LockWrites: SQLite has one writer, and its write lock is taken at BEGIN
// (_txlock=immediate).
func (dialect) LockWrites(context.Context, *sql.Tx) error { return nil }

func (d dialect) InsertDoc(ctx context.Context, tx *sql.Tx, cols []string, vals []any, terms []arabic.Term) (int64, error) {
	q := `INSERT INTO documents(` + strings.Join(cols, ", ") + `) VALUES (` +
		strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + `)`
	r, err := tx.ExecContext(ctx, q, vals...)
	if err != nil {
		return 0, err
	}
	rowid, err := r.LastInsertId()
	if err != nil {
		return 0, err
	}
	if !d.writeFTS() {
		return rowid, nil
	}
	joined, _ := store.JoinTerms(terms)
	if _, err := tx.ExecContext(ctx, `INSERT INTO documents_fts(rowid, terms) VALUES (?, ?)`, rowid, joined); err != nil {
		return 0, fmt.Errorf("index: %w", err)
	}
	return rowid, nil
}

// Match builds an FTS5 query: each alternative a quoted phrase of terms
// (the analyzer guarantees terms hold no quotes or ASCII punctuation, so
// nothing the user typed reaches FTS5 as syntax), alternatives ORed,
// clauses ANDed, exclusions after NOT.
func (dialect) Match(q store.Query, joinDocs bool) sqlstore.Match {
	expr := func(cs []store.Clause, op string) string {
		parts := make([]string, len(cs))
		for i, c := range cs {
			alts := make([]string, len(c.Alts))
			for j, alt := range c.Alts {
				alts[j] = `"` + strings.ReplaceAll(strings.Join(alt, " "), `"`, `""`) + `"`
			}
			parts[i] = "(" + strings.Join(alts, " OR ") + ")"
		}
		return strings.Join(parts, op)
	}
	m := expr(q.Must, " AND ")
	if len(q.Not) > 0 {
		m = "(" + m + ") NOT (" + expr(q.Not, " OR ") + ")"
	}
	from, key := `documents_fts`, `documents_fts.rowid`
	if joinDocs {
		from, key = `documents_fts JOIN documents d ON d.rowid = documents_fts.rowid`, `d.rowid`
	}
	return sqlstore.Match{
		From:      from,
		Key:       key,
		Where:     `documents_fts MATCH ?`,
		WhereArgs: []any{m},
		// bm25() is lower-is-better; k1=1.2, b=0.75 (FTS5's defaults).
		Score: `-bm25(documents_fts)`,
	}
}

// EncodeBody compresses the article text (sqlstore.DeflateBody): SQLite
// does not compress.
func (dialect) EncodeBody(text string) any { return sqlstore.DeflateBody(text) }

// DecodeBody reverses EncodeBody.
func (dialect) DecodeBody(b []byte) (string, error) { return sqlstore.InflateBody(b) }

// Optimize merges the FTS5 index into one segment: every batch leaves a
// segment, and a query probes each one for each term (BenchmarkNoHitQuery:
// a query with no hits on 750 articles stored in 150 batches, 94 µs before
// merging, 46 µs after), returns the freed pages and updates the planner's
// statistics.
func (d dialect) Optimize(ctx context.Context, db *sql.DB) error {
	if d.writeFTS() {
		if _, err := db.ExecContext(ctx, `INSERT INTO documents_fts(documents_fts) VALUES ('optimize')`); err != nil {
			return err
		}
	}
	if _, err := db.ExecContext(ctx, `PRAGMA incremental_vacuum`); err != nil {
		return err
	}
	_, err := db.ExecContext(ctx, `PRAGMA optimize`)
	return err
}

func (dialect) DayExpr(col string) string { return `date(` + col + `, 'unixepoch')` }

func (d dialect) Size(ctx context.Context, db *sql.DB) (int64, error) {
	var n int64
	for _, f := range []string{d.path, d.path + "-wal"} {
		if st, err := os.Stat(f); err == nil {
			n += st.Size()
		}
	}
	return n, nil
}

// Postings: the schema keeps them (migration 0002), with positions since
// migration 0003 (in a store that was empty then; an older one has none,
// and its phrases go to FTS5): searches rank from them
// (sqlstore/postings.go).
func (dialect) Postings() (keep, positions bool) { return true, true }

func (dialect) PostingsDDL(table string) (create, swap []string) {
	return []string{`CREATE TABLE ` + table + ` (term TEXT NOT NULL, seg INTEGER NOT NULL, data BLOB NOT NULL, pos BLOB, PRIMARY KEY (term, seg)) WITHOUT ROWID`},
		[]string{`DROP TABLE postings`, `ALTER TABLE ` + table + ` RENAME TO postings`}
}

// Near-duplicate keys: rows of doc_bands (migration 0005), the keys
// passed as one JSON array.
func (dialect) KeysColumn() bool        { return false }
func (dialect) KeysPlaceholder() string { return "?" }
func (dialect) KeysArg(keys []int64) any {
	return sqlstore.IDList('[', ']', keys)
}
func (dialect) KeyRows(ctx context.Context, tx *sql.Tx, _ [][]int64, keys []int64, fn func(doc int64, key int32)) error {
	rows, err := tx.QueryContext(ctx, `SELECT doc, key FROM doc_bands WHERE key IN (SELECT value FROM json_each(?))`,
		sqlstore.IDList('[', ']', keys))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var doc int64
		var key int32
		if err := rows.Scan(&doc, &key); err != nil {
			return err
		}
		fn(doc, key)
	}
	return rows.Err()
}

// IDsIn passes the ids as one JSON array.
func (dialect) IDsIn(col string, ids []int64) (string, any) {
	return col + ` IN (SELECT value FROM json_each(?))`, sqlstore.IDList('[', ']', ids)
}

// PostingsTail: a Put's postings go to postings_tail (migration 0007),
// merged into postings as it grows (sqlstore/tiers.go).
func (dialect) PostingsTail() string { return "postings_tail" }
