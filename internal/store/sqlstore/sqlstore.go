// Package sqlstore is the SQL core shared by the sqlite and postgres
// stores: the same tables, the same statements (written with ? and rebound
// per dialect), and a Dialect for what differs — the full-text index, the
// day of a timestamp, the database size.
package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/story"
)

// Dialect is what differs between SQL backends.
type Dialect interface {
	Name() string
	// Bind rewrites ? placeholders for the driver.
	Bind(query string) string
	// Migrations holds the dialect's ordered NNNN_name.sql files.
	Migrations() fs.FS
	// LockWrites serialises writing transactions (migrations, Put,
	// Optimize) between connections and processes; called first inside tx,
	// it holds until tx ends. Articles then get their rowids in commit
	// order (the cached lengths in postings.go rely on it), the duplicate
	// check of one Put sees every article committed before it, and
	// Optimize's swap of the postings table loses no concurrent write.
	LockWrites(ctx context.Context, tx *sql.Tx) error
	// InsertDoc inserts a documents row (cols/vals) and its terms into the
	// full-text index, inside tx, and returns the row's rowid.
	InsertDoc(ctx context.Context, tx *sql.Tx, cols []string, vals []any, terms []arabic.Term) (int64, error)
	// Match returns how to restrict documents to the matches of q. With
	// joinDocs, From must name the documents table "d" (filters, facets);
	// without, it may leave it out (Key is then the rowid to use).
	Match(q store.Query, joinDocs bool) Match
	// EncodeBody and DecodeBody store the article text (SQLite compresses
	// it; PostgreSQL's TOAST already does).
	EncodeBody(text string) any
	DecodeBody(b []byte) (string, error)
	// DayExpr is the SQL for the UTC day (YYYY-MM-DD) of unix seconds col.
	DayExpr(col string) string
	// Optimize reorganises the index after a bulk load.
	Optimize(ctx context.Context, db *sql.DB) error
	// Postings says whether the schema has the postings table (see
	// postings.go), which the store then fills and ranks with, and
	// whether they hold positions (then phrases are matched from them).
	Postings() (keep, positions bool)
	// PostingsDDL creates an empty postings table named table, and swaps
	// it in for postings (Optimize fills it with the merged segments).
	PostingsDDL(table string) (create, swap []string)
	// PostingsTail names the table of postings' layout that Put writes to
	// and merges into postings (tiers.go), or is empty: Put writes to
	// postings.
	PostingsTail() string
	// IDsIn is the SQL condition "col is one of ids", with its one argument.
	IDsIn(col string, ids []int64) (string, any)
	// Near-duplicate keys (dups.go). KeysColumn: they are the column
	// documents.bands (PostgreSQL: an integer array under a GIN index; its
	// value KeysArg(keys), bound as KeysPlaceholder, InsertDoc binding a
	// "bands" column so), else rows of doc_bands (key, doc) (SQLite).
	// KeyRows calls fn with (doc, key) for the stored articles having one
	// of the keys of an article of the batch (keys: each article's, in
	// all the distinct ones; on PostgreSQL with every key of such an
	// article, each article once).
	KeysColumn() bool
	KeysPlaceholder() string
	KeysArg(keys []int64) any
	KeyRows(ctx context.Context, tx *sql.Tx, keys [][]int64, all []int64, fn func(doc int64, key int32)) error
	// Size is the on-disk size of the store.
	Size(ctx context.Context, db *sql.DB) (int64, error)
	// Location names the store for messages.
	Location() string
}

// Match is a dialect's SQL for one query. The final statement is
// SELECT … Score … FROM From WHERE Where …, so ScoreArgs bind before
// WhereArgs.
type Match struct {
	From      string // names the documents table "d" when asked to join it
	Key       string // the documents' rowid in From
	Where     string
	Score     string // higher is better
	ScoreArgs []any
	WhereArgs []any
}

// Options for Open.
type Options struct {
	Analyzer store.Analyzer
	// Now returns the time recorded as StoredAt (tests fix it).
	Now func() time.Time
	// FTSRanking ranks every query with the dialect's full-text ranking
	// even where the postings could (tests compare the two).
	FTSRanking bool
	// HitCacheBytes bounds the rows of recent hits kept in memory
	// (postings.go, hitCache), and half what is kept of their bodies for
	// the snippets: 0 means DefaultHitCacheBytes, < 0 none.
	HitCacheBytes int
	// SearchCache, when set, keeps searched terms' postings in memory
	// (searchcache.go); its owner keeps it current. Put and Optimize
	// invalidate it when they return.
	SearchCache *SearchCache
	// ReplicaBytes, when > 0 and with a SearchCache, keeps a replica of
	// the postings' article lists and the articles' ids in memory, loaded
	// at Open and kept current from the SearchCache's versions
	// (replica.go), of at most that many bytes (a larger one is dropped).
	ReplicaBytes int
	// SyncCache, when set, is called by every search that would look in
	// the SearchCache, first: its owner brings the cache up to the
	// store's current state there (SQLite: a look at PRAGMA data_version
	// on a connection of its own, sqlite/watch.go). An error means it
	// could not tell: that search reads the database, not the cache.
	SyncCache func(ctx context.Context) error
	// TailFloor is the bytes of data and positions the postings' tail
	// always holds before a Put merges it into postings (tiers.go): 0
	// means tailFloor (8 MB); tests set 1.
	TailFloor int
	// OnClose is called first by Close (the owner of SearchCache stops
	// what keeps it current).
	OnClose func()
}

// DB is a store.Store on a database/sql handle.
type DB struct {
	db  *sql.DB
	d   Dialect
	an  store.Analyzer
	now func() time.Time

	mu    sync.Mutex
	stmts map[string]*sql.Stmt // prepared search statements by SQL text

	// postings: the dialect keeps them (Dialect.Postings); rank: they
	// cover every stored article (a store created before them does not
	// have them for its old articles) and Options.FTSRanking is off.
	// positions: the postings hold positions for every article they hold
	// (Dialect.Postings and meta 'positions'), and articles are stored
	// with their terms' offsets (snippets.go).
	postings, positions, rank bool
	tail                      string         // Dialect.PostingsTail
	tailFloor                 int64          // Options.TailFloor
	dups                      bool           // the schema has the near-duplicates (dups.go)
	lengths                   bool           // the schema has doc_lengths, complete (postings.go)
	mh                        *story.MinHash // their signatures
	sigs                      sigCache       // recent full signatures (dups.go)
	lens                      docLens
	hits                      hitCache
	bodies                    hitCache  // hit rows with their body and offsets, for snippets
	scratch                   sync.Pool // of *scratch (postings.go)
	cache                     *SearchCache
	syncCache                 func(context.Context) error // Options.SyncCache
	repl                      *replica                    // replica.go, nil without
	onClose                   func()
	closeOnce                 sync.Once
	phases                    phaseClock // Put's, when putPhases (phases.go)
}

// maxStmts bounds the statement cache (the SQL of a search varies only
// with the number of sources filtered on).
const maxStmts = 64

// query runs a read statement, prepared once and cached: parsing the
// search statement costs more than running it for a rare word.
func (s *DB) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	q := s.d.Bind(query)
	s.mu.Lock()
	st, ok := s.stmts[q]
	s.mu.Unlock()
	if !ok {
		var err error
		st, err = s.db.PrepareContext(ctx, q)
		if err != nil {
			return nil, err
		}
		s.mu.Lock()
		if old, ok := s.stmts[q]; ok {
			st.Close()
			st = old
		} else if len(s.stmts) < maxStmts {
			s.stmts[q] = st
		} else {
			defer st.Close()
		}
		s.mu.Unlock()
	}
	return st.QueryContext(ctx, args...)
}

var _ store.Store = (*DB)(nil)

// Open migrates db and returns the store. It reports
// store.ErrAnalyzerChanged (wrapped) when the index was built with another
// analyzer version; the store is still returned, usable for reading.
func Open(ctx context.Context, db *sql.DB, d Dialect, opt Options) (*DB, error) {
	if opt.Analyzer == nil {
		return nil, errors.New("store: open: no analyzer given")
	}
	s := &DB{db: db, d: d, an: opt.Analyzer, now: opt.Now, stmts: map[string]*sql.Stmt{}, mh: story.NewMinHash(story.DefaultOptions()),
		cache: opt.SearchCache, syncCache: opt.SyncCache, onClose: opt.OnClose}
	s.postings, s.positions = d.Postings()
	s.tail, s.tailFloor = d.PostingsTail(), int64(opt.TailFloor)
	if s.tailFloor <= 0 {
		s.tailFloor = tailFloor
	}
	s.hits.maxBytes = opt.HitCacheBytes
	if s.hits.maxBytes == 0 {
		s.hits.maxBytes = DefaultHitCacheBytes
	}
	s.bodies.maxBytes = 2 * s.hits.maxBytes
	if s.now == nil {
		s.now = time.Now
	}
	if err := migrate(ctx, db, d); err != nil {
		return nil, fmt.Errorf("store: %s: migrate: %w", d.Name(), err)
	}
	if err := s.backfillKeys(ctx); err != nil {
		return nil, fmt.Errorf("store: %s: entity keys: %w", d.Name(), err)
	}
	// a schema before the near-duplicates' migration (tests of older
	// stores) has no signatures
	var probe int
	s.dups = db.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE dup_of IS NULL AND rowid < 0`).Scan(&probe) == nil
	if err := s.backfillMinHash(ctx); err != nil {
		return nil, fmt.Errorf("store: %s: near-duplicates: %w", d.Name(), err)
	}
	// a schema before doc_lengths (tests of older stores) reads the
	// lengths from documents
	s.lengths = db.QueryRowContext(ctx, `SELECT count(*) FROM doc_lengths WHERE seg < 0`).Scan(&probe) == nil
	if s.lengths {
		err := s.backfillOnce(ctx, "doc_lengths", "complete", func(tx *sql.Tx, _ string) error { return s.fillLengths(ctx, tx) })
		if err != nil {
			return nil, fmt.Errorf("store: %s: lengths: %w", d.Name(), err)
		}
	}
	if s.postings {
		var complete string
		err := db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'postings'`).Scan(&complete)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("store: %s: %w", d.Name(), err)
		}
		s.rank = complete == "complete" && !opt.FTSRanking
		if s.positions {
			// SQLite's postings have positions since migration 0003, for
			// the articles of a store that was empty then (see there).
			var p string
			err := db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'positions'`).Scan(&p)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return nil, fmt.Errorf("store: %s: %w", d.Name(), err)
			}
			s.positions = p == "complete"
		}
	}
	if opt.ReplicaBytes > 0 && s.cache != nil && s.rank && s.lengths {
		// The warm-up (replica.go): the postings' lists, the ids and the
		// lengths, read now rather than by the first searches.
		s.repl = newReplica(opt.ReplicaBytes)
		s.repl.catch.Lock()
		err := s.catchUp(ctx)
		s.repl.catch.Unlock()
		if err != nil {
			s.repl.stop()
			return nil, fmt.Errorf("store: %s: replica: %w", d.Name(), err)
		}
		if _, _, _, err := s.refreshLens(ctx, s.repl.ver); err != nil {
			return nil, fmt.Errorf("store: %s: lengths: %w", d.Name(), err)
		}
		s.cache.OnChange(s.startCatchUp)
	}
	v := opt.Analyzer.Version()
	var have string
	err := db.QueryRowContext(ctx, d.Bind(`SELECT value FROM meta WHERE key = 'analyzer'`)).Scan(&have)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if _, err := db.ExecContext(ctx, d.Bind(`INSERT INTO meta(key, value) VALUES ('analyzer', ?) ON CONFLICT (key) DO NOTHING`), v); err != nil {
			return nil, fmt.Errorf("store: %s: %w", d.Name(), err)
		}
	case err != nil:
		return nil, fmt.Errorf("store: %s: %w", d.Name(), err)
	case have != v:
		return s, fmt.Errorf("store: %s: %w (index %s, now %s): re-ingest into a new store", d.Name(), store.ErrAnalyzerChanged, have, v)
	}
	return s, nil
}

// Optimize implements store.Optimizer.
func (s *DB) Optimize(ctx context.Context) error {
	var version int64 // committed: no read older than it is cached
	defer func() { s.invalidate(version) }()
	if s.postings {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return s.wrap("optimize", err)
		}
		defer tx.Rollback()
		if err := s.d.LockWrites(ctx, tx); err != nil {
			return s.wrap("optimize: lock", err)
		}
		if err := mergePostings(ctx, tx, s.d, s.positions, s.postingsTables()); err != nil {
			return s.wrap("optimize: postings", err)
		}
		if s.lengths {
			if err := mergeLengths(ctx, tx, s.d); err != nil {
				return s.wrap("optimize: lengths", err)
			}
		}
		v, err := s.notifyWrite(ctx, tx)
		if err != nil {
			return s.wrap("optimize: notify", err)
		}
		if err := tx.Commit(); err != nil {
			return s.wrap("optimize", err)
		}
		version = v
	}
	if err := s.d.Optimize(ctx, s.db); err != nil {
		return s.wrap("optimize", err)
	}
	return nil
}

// SQL returns the underlying handle (tests, benchmarks).
func (s *DB) SQL() *sql.DB { return s.db }

// Close closes the database (first calling Options.OnClose, once).
func (s *DB) Close() error {
	s.closeOnce.Do(func() {
		if s.onClose != nil {
			s.onClose()
		}
		if s.repl != nil {
			s.repl.stop()
		}
		if putPhases {
			fmt.Fprintf(os.Stderr, "put phases (%s):%s\n", s.d.Name(), &s.phases)
		}
	})
	s.mu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = map[string]*sql.Stmt{}
	s.mu.Unlock()
	return s.db.Close()
}

func (s *DB) wrap(op string, err error) error {
	return fmt.Errorf("store: %s: %s: %w", s.d.Name(), op, err)
}

// ---- Put ----

// Put implements store.Store.
func (s *DB) Put(ctx context.Context, batch []model.Analysis) ([]store.PutResult, error) {
	return s.PutPrepared(ctx, s.Prepare(batch))
}

// prepared is a batch with the part of its Put that needs no database
// done (Prepare).
type prepared struct {
	batch   []model.Analysis
	terms   [][]arabic.Term
	bodies  []any
	offsets [][]byte
	words   [][]string // signed for near-duplicates (dups.go)
	keys    [][]int32
	keySigs [][]uint64
}

func (p *prepared) Len() int { return len(p.batch) }

// Prepare implements store.Preparer: it analyses and compresses the
// batch's articles, on every CPU (the slow part of a Put, and outside its
// transaction).
func (s *DB) Prepare(batch []model.Analysis) store.PreparedBatch {
	var t time.Time // Put's phases (phases.go)
	if putPhases {
		t = time.Now()
	}
	n := len(batch)
	p := &prepared{batch: batch, terms: make([][]arabic.Term, n), bodies: make([]any, n), offsets: make([][]byte, n),
		words: make([][]string, n), keys: make([][]int32, n), keySigs: make([][]uint64, n)}
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), n)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				text := batch[i].Doc.Text
				if wa, ok := s.an.(wordsAnalyzer); ok && s.dups {
					p.terms[i], p.words[i] = wa.TermsWords(text)
				} else {
					p.terms[i] = s.an.Terms(text)
					if s.dups {
						p.words[i] = story.Words(text)
					}
				}
				if s.dups {
					p.keys[i], p.keySigs[i] = s.keys(p.words[i])
				}
				p.bodies[i] = s.d.EncodeBody(text)
				if s.positions {
					p.offsets[i] = encodeOffsets(p.terms[i])
				}
			}
		}()
	}
	wg.Wait()
	s.phases.lap("analysis", &t)
	return p
}

// PutPrepared implements store.Preparer: it stores a batch Prepare
// readied (of this store), in one transaction.
func (s *DB) PutPrepared(ctx context.Context, pb store.PreparedBatch) ([]store.PutResult, error) {
	p, ok := pb.(*prepared)
	if !ok {
		return nil, s.wrap("put", fmt.Errorf("a batch prepared by another store (%T)", pb))
	}
	batch, terms, bodies, offsets, words, keys, keySigs := p.batch, p.terms, p.bodies, p.offsets, p.words, p.keys, p.keySigs
	res := make([]store.PutResult, len(batch))
	if len(batch) == 0 {
		return res, nil
	}
	t := time.Now() // Put's phases (phases.go)
	bw, _ := s.d.(BatchWriter)
	// the transaction's connection, for a RowCopier (postings.go)
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, s.wrap("put: connect", err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.wrap("put: begin", err)
	}
	// After the commit (or rollback) below: deferred first, runs last;
	// with the version committed, no read older than it is cached.
	var version int64
	defer func() { s.invalidate(version) }()
	defer tx.Rollback()
	if err := s.d.LockWrites(ctx, tx); err != nil {
		return nil, s.wrap("put: lock", err)
	}
	s.phases.lap("begin, lock", &t)
	// Which ids and hashes of the batch are stored already: one query.
	storedID := map[string]string{} // id → its stored text hash
	storedHash := map[string]string{}
	{
		var ids, hashes []any
		for i := range batch {
			ids = append(ids, batch[i].Doc.ID)
			if batch[i].Doc.Hash != "" {
				hashes = append(hashes, batch[i].Doc.Hash)
			}
		}
		q := `SELECT id, hash FROM documents WHERE id IN (` + placeholders(len(ids)) + `)`
		if len(hashes) > 0 {
			q += ` OR hash IN (` + placeholders(len(hashes)) + `)`
		}
		args := append(ids, hashes...)
		if bw != nil {
			// two arrays bound, not a thousand values
			var idv, hashv []string
			for _, v := range ids {
				idv = append(idv, v.(string))
			}
			for _, v := range hashes {
				hashv = append(hashv, v.(string))
			}
			in, arg := bw.TextsIn("id", idv)
			q, args = `SELECT id, hash FROM documents WHERE `+in, []any{arg}
			if len(hashv) > 0 {
				in, arg := bw.TextsIn("hash", hashv)
				q, args = q+` OR `+in, append(args, arg)
			}
		}
		rows, err := tx.QueryContext(ctx, s.d.Bind(q), args...)
		if err != nil {
			return nil, s.wrap("put: look up", err)
		}
		for rows.Next() {
			var id, hash string
			if err := rows.Scan(&id, &hash); err != nil {
				rows.Close()
				return nil, s.wrap("put: look up", err)
			}
			storedID[id] = hash
			if hash != "" {
				storedHash[hash] = id
			}
		}
		if err := rows.Close(); err != nil {
			return nil, s.wrap("put: look up", err)
		}
	}
	s.phases.lap("id/hash check", &t)
	des := make([][]store.DocEntity, len(batch))
	for i := range batch {
		des[i] = store.DocEntities(&batch[i])
	}
	rv, err := s.newResolver(ctx, tx, des)
	if err != nil {
		return nil, s.wrap("put", err)
	}
	var bp *batchPostings
	if s.postings {
		bp = &batchPostings{positions: s.positions, lengths: s.lengths}
	}
	s.phases.lap("entity resolver", &t)
	dups, err := s.newDupFinder(ctx, tx, keys)
	if err != nil {
		return nil, s.wrap("put: near-duplicates", err)
	}
	s.phases.lap("near-duplicate look-up", &t)
	// the full signatures of the articles having stored candidates, on
	// every CPU (not those stored already: looked up above)
	sigs := dups.presign(words, keySigs, keys, func(i int) bool {
		_, id := storedID[batch[i].Doc.ID]
		_, hash := storedHash[batch[i].Doc.Hash]
		return id || (hash && batch[i].Doc.Hash != "")
	})
	s.phases.lap("presign", &t)
	var kr keyRows
	seenID := map[string]string{}
	seenIDHash := map[string]string{}
	seenHash := map[string]string{}
	var toStore []int // the articles of the batch to store, in order
	for i := range batch {
		doc := &batch[i].Doc
		if doc.ID == "" {
			return nil, s.wrap("put", fmt.Errorf("article %d of the batch has no id", i))
		}
		res[i] = store.PutResult{ID: doc.ID, Status: store.Stored}
		if h, ok := storedID[doc.ID]; ok {
			status := store.Duplicate
			if h != "" && doc.Hash != "" && h != doc.Hash {
				status = store.Conflict
			}
			res[i] = store.PutResult{ID: doc.ID, Status: status, DuplicateOf: doc.ID}
			continue
		}
		if prev, ok := storedHash[doc.Hash]; ok && doc.Hash != "" {
			res[i] = store.PutResult{ID: doc.ID, Status: store.Duplicate, DuplicateOf: prev}
			continue
		}
		if prev, ok := seenID[doc.ID]; ok {
			status := store.Duplicate
			if h := seenIDHash[doc.ID]; h != "" && doc.Hash != "" && h != doc.Hash {
				status = store.Conflict
			}
			res[i] = store.PutResult{ID: doc.ID, Status: status, DuplicateOf: prev}
			continue
		}
		if prev, ok := seenHash[doc.Hash]; ok && doc.Hash != "" {
			res[i] = store.PutResult{ID: doc.ID, Status: store.Duplicate, DuplicateOf: prev}
			continue
		}
		seenID[doc.ID] = doc.ID
		seenIDHash[doc.ID] = doc.Hash
		if doc.Hash != "" {
			seenHash[doc.Hash] = doc.ID
		}
		toStore = append(toStore, i)
	}
	// Where the dialect can, the rows get their rowids first and go in
	// many to a statement (BatchWriter).
	var pend *pendingDocs
	var rowids []int64
	if bw != nil && len(toStore) > 0 {
		var ok bool
		if rowids, ok, err = bw.NextRowids(ctx, tx, len(toStore)); err != nil {
			return nil, s.wrap("put: rowids", err)
		}
		if ok {
			pend = &pendingDocs{bw: bw, conn: conn}
		}
	}
	now := s.now().Unix()
	for j, i := range toStore {
		a := &batch[i]
		doc := &a.Doc
		var sig []uint64
		if sigs != nil {
			sig = sigs[i]
		}
		t1 := time.Now()
		root, rootID, sig, err := dups.find(words[i], keySigs[i], keys[i], sig)
		if err != nil {
			return nil, s.wrap("put "+doc.ID+": near-duplicates", err)
		}
		s.phases.lap("find", &t1)
		res[i].NearDuplicateOf = rootID
		var rowid int64
		if pend != nil {
			rowid = rowids[j]
		}
		rowid, err = s.putOne(ctx, tx, a, des[i], rv, terms[i], bodies[i], offsets[i], keys[i], root, now, bp, rowid, pend)
		if err != nil {
			return nil, s.wrap("put "+doc.ID, err)
		}
		if s.dups {
			kr.add(s.d, rowid, keys[i])
			dups.add(rowid, doc.ID, words[i], keys[i], sig, root, rootID)
		}
		s.phases.lap("article rows", &t1)
	}
	t = time.Now()
	if err := pend.flush(ctx, tx); err != nil {
		return nil, s.wrap("put", err)
	}
	s.phases.lap("article rows", &t)
	if bp != nil {
		table := "postings"
		if s.tail != "" {
			table = s.tail
		}
		added, err := bp.write(ctx, conn, tx, s.d, table)
		if err != nil {
			return nil, s.wrap("put", err)
		}
		s.phases.lap("postings", &t)
		if err := s.grewTail(ctx, tx, added); err != nil {
			return nil, s.wrap("put: postings", err)
		}
		s.phases.lap("postings merge", &t)
	}
	if err := kr.write(ctx, tx, s.d); err != nil {
		return nil, s.wrap("put: near-duplicate keys", err)
	}
	v, err := s.notifyWrite(ctx, tx) // after the last write: the version it commits
	if err != nil {
		return nil, s.wrap("put: notify", err)
	}
	s.phases.lap("keys, notify", &t)
	if err := tx.Commit(); err != nil {
		return nil, s.wrap("put: commit", err)
	}
	s.phases.lap("commit", &t)
	dups.committed()
	version = v
	return res, nil
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func jsonString(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}

func unixOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}

func (s *DB) putOne(ctx context.Context, tx *sql.Tx, a *model.Analysis, des []store.DocEntity, rv *resolver, terms []arabic.Term, body any, offsets []byte,
	keys []int32, dupOf int64, now int64, bp *batchPostings, rowid int64, pend *pendingDocs) (int64, error) {
	doc := &a.Doc
	sentences := make([][2]int, len(a.Sentences))
	for i, sn := range a.Sentences {
		sentences[i] = [2]int{sn.Start, sn.End}
	}
	mentions := a.Mentions
	if mentions == nil {
		mentions = []model.Mention{}
	}
	cols := []string{"id", "hash", "source", "url", "title", "published", "origin", "body", "sentences", "mentions", "nterms", "stored_at"}
	vals := []any{doc.ID, doc.Hash, doc.Source, doc.URL, doc.Title, unixOrNil(doc.Published), doc.Origin, body,
		jsonString(sentences), jsonString(mentions), len(terms), now}
	if offsets != nil {
		cols, vals = append(cols, "offsets"), append(vals, offsets)
	}
	if s.dups {
		if s.d.KeysColumn() && len(keys) > 0 {
			cols, vals = append(cols, "bands"), append(vals, keysOrNil(s.d, keys))
		}
	}
	if dupOf != 0 {
		cols, vals = append(cols, "dup_of"), append(vals, dupOf)
	}
	if pend != nil {
		// the rows of a batch with the same columns (NULL for none), so
		// that they go in together
		cols = append([]string{"rowid"}, cols...)
		vals = append([]any{rowid}, vals...)
		if offsets == nil && s.positions {
			cols, vals = append(cols, "offsets"), append(vals, nil)
		}
		if s.dups && s.d.KeysColumn() && len(keys) == 0 {
			cols, vals = append(cols, "bands"), append(vals, nil)
		}
		if s.dups && dupOf == 0 {
			cols, vals = append(cols, "dup_of"), append(vals, nil)
		}
		if err := pend.add(ctx, tx, cols, vals); err != nil {
			return 0, err
		}
	} else {
		var err error
		if rowid, err = s.d.InsertDoc(ctx, tx, cols, vals, terms); err != nil {
			return 0, err
		}
	}
	if bp != nil {
		bp.add(rowid, terms)
	}
	groups, err := rv.article(ctx, des)
	if err != nil {
		return 0, err
	}
	if len(groups) > 0 || len(a.Events) > 0 {
		// their rows refer to the article's
		if err := pend.flush(ctx, tx); err != nil {
			return 0, err
		}
	}
	for _, g := range groups {
		e := &g.de.Entity
		var lat, lon any
		country := ""
		if e.Geo != nil {
			lat, lon, country = e.Geo.Lat, e.Geo.Lon, e.Geo.Country
		}
		// the article's name counts one more article (fullerName)
		if _, err := tx.ExecContext(ctx, s.d.Bind(`INSERT INTO entity_aliases(entity, alias, norm, n) VALUES (?, ?, ?, 1)
			ON CONFLICT (entity, alias) DO UPDATE SET n = entity_aliases.n + 1`), g.erow, e.Name, store.NameKey(e.Name)); err != nil {
			return 0, fmt.Errorf("name %q: %w", e.Name, err)
		}
		for _, al := range e.Aliases {
			if _, err := tx.ExecContext(ctx, s.d.Bind(`INSERT INTO entity_aliases(entity, alias, norm) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`),
				g.erow, al, store.NameKey(al)); err != nil {
				return 0, fmt.Errorf("alias %q: %w", al, err)
			}
		}
		q := `UPDATE entities SET articles = articles + 1, mentions = mentions + ?, lat = COALESCE(lat, ?), lon = COALESCE(lon, ?),
			country = CASE WHEN country = '' THEN ? ELSE country END`
		args := []any{len(e.Mentions), lat, lon, country}
		if !g.isNew {
			name, err := rv.betterName(ctx, g.erow, e.Type, e.Name)
			if err != nil {
				return 0, fmt.Errorf("entity %q: name: %w", e.Name, err)
			}
			if name != "" {
				q += `, name = ?, norm = ?`
				args = append(args, name, store.NameKey(name))
			}
		}
		if _, err := tx.ExecContext(ctx, s.d.Bind(q+` WHERE rowid = ?`), append(args, g.erow)...); err != nil {
			return 0, fmt.Errorf("entity %q: %w", e.Name, err)
		}
		ms := e.Mentions
		if ms == nil {
			ms = []model.Mention{}
		}
		al := e.Aliases
		if al == nil {
			al = []string{}
		}
		if _, err := tx.ExecContext(ctx, s.d.Bind(`INSERT INTO doc_entities(doc, entity, ord, name, aliases, mentions, n) VALUES (?, ?, ?, ?, ?, ?, ?)`),
			rowid, g.erow, g.de.Ord, e.Name, jsonString(al), jsonString(ms), len(ms)); err != nil {
			return 0, fmt.Errorf("entity %q of article: %w", e.Name, err)
		}
	}
	if err := rv.runMerges(ctx); err != nil {
		return 0, err
	}
	for i, ev := range a.Events {
		rec := ev.Recipients
		if rec == nil {
			rec = []string{}
		}
		q := ev.Quantities
		if q == nil {
			q = map[string]int{}
		}
		var evrow int64
		err := tx.QueryRowContext(ctx, s.d.Bind(`INSERT INTO events(doc, ord, type, mode, actor, recipients, location, date, day, date_text,
				modality, quantities, trigger, sentence, sent_start, sent_end, source)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rowid`),
			rowid, i, ev.Type, ev.Mode, ev.Actor, jsonString(rec), ev.Location, ev.Date, store.EventDay(ev, doc.Published), ev.DateText,
			ev.Modality, jsonString(q), ev.Trigger, ev.Sentence, ev.Start, ev.End, doc.Source).Scan(&evrow)
		if err != nil {
			return 0, fmt.Errorf("event %d: %w", i, err)
		}
		for _, arg := range store.EventArgs(ev) {
			if _, err := tx.ExecContext(ctx, s.d.Bind(`INSERT INTO event_args(event, role, norm) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`),
				evrow, arg.Role, arg.Norm); err != nil {
				return 0, fmt.Errorf("event %d argument: %w", i, err)
			}
		}
	}
	return rowid, nil
}

// ---- Article ----

type docRow struct {
	rowid     int64
	doc       model.Document
	sentences string
	mentions  string
	storedAt  int64
}

func timeOf(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.Unix(v.Int64, 0).UTC()
}

// Article implements store.Store.
func (s *DB) Article(ctx context.Context, id string) (*store.Article, error) {
	var r docRow
	var pub sql.NullInt64
	var body []byte
	var dupOf sql.NullInt64
	var dupID sql.NullString
	err := s.db.QueryRowContext(ctx, s.d.Bind(`SELECT d.rowid, d.id, d.hash, d.source, d.url, d.title, d.published, d.origin, d.body, d.sentences,
		d.mentions, d.stored_at, `+s.dupRow("d")+`, `+s.dupID("d")+` FROM documents d WHERE d.id = ?`), id).
		Scan(&r.rowid, &r.doc.ID, &r.doc.Hash, &r.doc.Source, &r.doc.URL, &r.doc.Title, &pub,
			&r.doc.Origin, &body, &r.sentences, &r.mentions, &r.storedAt, &dupOf, &dupID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: article %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, s.wrap("article", err)
	}
	r.doc.Published = timeOf(pub)
	if r.doc.Text, err = s.d.DecodeBody(body); err != nil {
		return nil, s.wrap("article "+id, err)
	}
	art := &store.Article{StoredAt: time.Unix(r.storedAt, 0).UTC(), DuplicateOf: dupID.String}
	art.Doc = r.doc
	if art.Duplicates, err = s.duplicates(ctx, r.rowid, dupOf); err != nil {
		return nil, s.wrap("article: near-duplicates", err)
	}
	var sents [][2]int
	if err := json.Unmarshal([]byte(r.sentences), &sents); err != nil {
		return nil, s.wrap("article: sentences", err)
	}
	for _, sn := range sents {
		art.Sentences = append(art.Sentences, model.Sentence{Start: sn[0], End: sn[1]})
	}
	if err := json.Unmarshal([]byte(r.mentions), &art.Mentions); err != nil {
		return nil, s.wrap("article: mentions", err)
	}
	rows, err := s.db.QueryContext(ctx, s.d.Bind(`SELECT e.key, de.name, e.type, de.aliases, de.mentions, e.lat, e.lon, e.country
		FROM doc_entities de JOIN entities e ON e.rowid = de.entity WHERE de.doc = ? ORDER BY de.ord`), r.rowid)
	if err != nil {
		return nil, s.wrap("article: entities", err)
	}
	for rows.Next() {
		var e model.Entity
		var aliases, mentions string
		var lat, lon sql.NullFloat64
		var country string
		if err := rows.Scan(&e.ID, &e.Name, &e.Type, &aliases, &mentions, &lat, &lon, &country); err != nil {
			rows.Close()
			return nil, s.wrap("article: entities", err)
		}
		_ = json.Unmarshal([]byte(aliases), &e.Aliases)
		_ = json.Unmarshal([]byte(mentions), &e.Mentions)
		if lat.Valid && lon.Valid {
			e.Geo = &model.Geo{Lat: lat.Float64, Lon: lon.Float64, Country: country}
		}
		art.Entities = append(art.Entities, e)
	}
	if err := rows.Close(); err != nil {
		return nil, s.wrap("article: entities", err)
	}
	evs, err := s.queryEvents(ctx, `WHERE ev.doc = ? ORDER BY ev.ord`, r.rowid)
	if err != nil {
		return nil, err
	}
	for _, ev := range evs {
		art.Events = append(art.Events, ev.Event)
	}
	return art, nil
}

// ---- Search ----

// MaxLimit caps page sizes.
const MaxLimit = 1000

// Search implements store.Store.
func (s *DB) Search(ctx context.Context, sq store.SearchQuery) (*store.SearchResult, error) {
	q, err := s.an.ParseQuery(sq.Text)
	if err != nil {
		return nil, err
	}
	if sq.IDsOnly {
		sq.NoSnippets = true
	}
	filtered := len(sq.Sources) > 0 || !sq.From.IsZero() || !sq.To.IsZero()
	var filter string
	var filterArgs []any
	if len(sq.Sources) > 0 {
		filter += " AND d.source IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(sq.Sources)), ", ") + ")"
		for _, src := range sq.Sources {
			filterArgs = append(filterArgs, src)
		}
	}
	if !sq.From.IsZero() {
		filter += " AND d.published >= ?"
		filterArgs = append(filterArgs, sq.From.Unix())
	}
	if !sq.To.IsZero() {
		filter += " AND d.published < ?"
		filterArgs = append(filterArgs, sq.To.Unix())
	}
	limit, offset := store.Limit(sq.Limit, 10), store.Offset(sq.Offset)
	res := &store.SearchResult{Query: q}
	var bodies [][]byte
	if s.canRank(q) {
		// The postings rank it (postings.go): the same matches and scores
		// as FTS5's bm25(), without a bm25() call per match.
		return s.searchPostings(ctx, sq, res, filter, filterArgs, limit, offset)
	}
	m := s.d.Match(q, filtered || sq.Facets)
	where := m.Where + filter
	args := append(append([]any{}, m.WhereArgs...), filterArgs...)
	body := "d.body"
	if sq.NoSnippets {
		body = "NULL"
	}
	// One statement: rank every match, count them (the window function runs
	// outside the innermost query: FTS5's bm25() may not be evaluated in a
	// window context), keep one page, fetch its rows.
	query := `SELECT p.r, p.score, p.total, d.id, d.title, d.source, d.url, d.published, ` + body + `,
		` + s.dupID("d") + ` FROM (SELECT r, score, count(*) OVER () AS total FROM (SELECT ` + m.Key + ` AS r, ` + m.Score + ` AS score FROM ` + m.From + ` WHERE ` + where +
		`) m ORDER BY score DESC, r LIMIT ? OFFSET ?) p JOIN documents d ON d.rowid = p.r ORDER BY p.score DESC, p.r`
	all := append(append(append([]any{}, m.ScoreArgs...), args...), limit, offset)
	rows, err := s.query(ctx, query, all...)
	if err != nil {
		return nil, s.wrap("search", err)
	}
	for rows.Next() {
		var h store.Hit
		var rowid int64
		var pub sql.NullInt64
		var b []byte
		var dup sql.NullString
		if err := rows.Scan(&rowid, &h.Score, &res.Total, &h.ID, &h.Title, &h.Source, &h.URL, &pub, &b, &dup); err != nil {
			rows.Close()
			return nil, s.wrap("search", err)
		}
		h.Published = timeOf(pub)
		h.DuplicateOf = dup.String
		res.Hits = append(res.Hits, h)
		bodies = append(bodies, b)
	}
	if err := rows.Close(); err != nil {
		return nil, s.wrap("search", err)
	}
	if len(res.Hits) == 0 && offset > 0 {
		// Past the last page: still tell the total.
		if err := s.db.QueryRowContext(ctx, s.d.Bind(`SELECT count(*) FROM `+m.From+` WHERE `+where), args...).Scan(&res.Total); err != nil {
			return nil, s.wrap("search: count", err)
		}
	}
	return s.finish(ctx, sq, res, bodies, nil, nil, m, where, args)
}

// finish adds the snippets and facets to a page of hits. A hit with its
// matched words' positions (spans[i], from the postings) and offsets gets
// its snippet cut from the text without analysis (snippets.go); the others
// (the FTS5 path, articles stored before the offsets) by analysing their
// text.
func (s *DB) finish(ctx context.Context, sq store.SearchQuery, res *store.SearchResult, bodies, offsets [][]byte, spans [][]posTerm,
	m Match, where string, args []any) (*store.SearchResult, error) {
	q := res.Query
	if sq.IDsOnly {
		for i, h := range res.Hits {
			res.Hits[i] = store.Hit{ID: h.ID, Score: h.Score}
		}
	}
	if !sq.NoSnippets {
		var buf []byte
		var ts []store.TermSpan
		for i := range res.Hits {
			if i < len(spans) && spans[i] != nil {
				var ok bool
				if ts, ok = spansAt(offsets[i], spans[i], ts[:0]); ok {
					var complete bool
					var err error
					buf, complete, err = InflateBodyPrefix(buf[:0], bodies[i], store.SnippetNeed(ts))
					if err != nil {
						return nil, s.wrap("search: "+res.Hits[i].ID, err)
					}
					if !complete || len(ts) == 0 || ts[len(ts)-1].End <= len(buf) {
						res.Hits[i].Snippet = store.SnippetOf(string(buf), complete, ts)
						continue
					}
				}
			}
			text, err := s.d.DecodeBody(bodies[i])
			if err != nil {
				return nil, s.wrap("search: "+res.Hits[i].ID, err)
			}
			res.Hits[i].Snippet = store.MakeSnippet(s.an, text, q)
		}
	}
	if sq.Facets {
		f, err := s.facets(ctx, m, where, args)
		if err != nil {
			return nil, err
		}
		res.Facets = f
	}
	return res, nil
}

func (s *DB) facets(ctx context.Context, m Match, where string, args []any) (*store.Facets, error) {
	f := &store.Facets{}
	var err error
	f.Sources, err = s.counts(ctx, `SELECT d.source, '', count(*) FROM `+m.From+` WHERE `+where+` GROUP BY d.source ORDER BY 3 DESC, 1 LIMIT 50`, args...)
	if err != nil {
		return nil, err
	}
	day := s.d.DayExpr("d.published")
	f.Days, err = s.counts(ctx, `SELECT `+day+`, '', count(*) FROM `+m.From+` WHERE `+where+` AND d.published IS NOT NULL GROUP BY 1 ORDER BY 1`, args...)
	if err != nil {
		return nil, err
	}
	f.Entities, err = s.counts(ctx, `SELECT e.key, e.name, count(*) FROM `+m.From+` JOIN doc_entities de ON de.doc = d.rowid JOIN entities e ON e.rowid = de.entity WHERE `+
		where+` GROUP BY e.key, e.name ORDER BY 3 DESC, 1 LIMIT 20`, args...)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func (s *DB) counts(ctx context.Context, query string, args ...any) ([]store.Count, error) {
	rows, err := s.db.QueryContext(ctx, s.d.Bind(query), args...)
	if err != nil {
		return nil, s.wrap("count", err)
	}
	defer rows.Close()
	var out []store.Count
	for rows.Next() {
		var c store.Count
		var key sql.NullString
		if err := rows.Scan(&key, &c.Label, &c.N); err != nil {
			return nil, s.wrap("count", err)
		}
		c.Key = key.String
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap("count", err)
	}
	return out, nil
}

// ---- Entities ----

// nameFilter is the SQL condition "entity e is named (or aliased) like
// name", with its args.
func nameFilter(name string) (string, []any) {
	pat := "%" + store.EscapeLike(store.NameKey(name)) + "%"
	return `(e.norm LIKE ? ESCAPE '\' OR e.rowid IN (SELECT entity FROM entity_aliases WHERE norm LIKE ? ESCAPE '\'))`, []any{pat, pat}
}

// Entities implements store.Store.
func (s *DB) Entities(ctx context.Context, f store.EntityFilter) (*store.EntityPage, error) {
	where := "1 = 1"
	var args []any
	if f.Type != "" {
		where += " AND e.type = ?"
		args = append(args, f.Type)
	}
	if strings.TrimSpace(f.Name) != "" {
		cond, a := nameFilter(f.Name)
		where += " AND " + cond
		args = append(args, a...)
	}
	page := &store.EntityPage{}
	if err := s.db.QueryRowContext(ctx, s.d.Bind(`SELECT count(*) FROM entities e WHERE `+where), args...).Scan(&page.Total); err != nil {
		return nil, s.wrap("entities", err)
	}
	rows, err := s.db.QueryContext(ctx, s.d.Bind(`SELECT e.key, e.name, e.type, e.articles, e.mentions FROM entities e WHERE `+where+
		` ORDER BY e.mentions DESC, e.articles DESC, e.key LIMIT ? OFFSET ?`), append(args, store.Limit(f.Limit, 50), store.Offset(f.Offset))...)
	if err != nil {
		return nil, s.wrap("entities", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e store.EntitySummary
		if err := rows.Scan(&e.ID, &e.Name, &e.Type, &e.Articles, &e.Mentions); err != nil {
			return nil, s.wrap("entities", err)
		}
		page.Entities = append(page.Entities, e)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap("entities", err)
	}
	return page, nil
}

// Entity implements store.Store.
func (s *DB) Entity(ctx context.Context, id string) (*store.EntityDetail, error) {
	var d store.EntityDetail
	var erow int64
	var norm string
	var lat, lon sql.NullFloat64
	var country string
	err := s.db.QueryRowContext(ctx, s.d.Bind(`SELECT rowid, key, name, norm, type, articles, mentions, lat, lon, country FROM entities WHERE key = ?`), id).
		Scan(&erow, &d.ID, &d.Name, &norm, &d.Type, &d.Articles, &d.Mentions, &lat, &lon, &country)
	if errors.Is(err, sql.ErrNoRows) {
		// an entity merged into another: its id leads there
		err = s.db.QueryRowContext(ctx, s.d.Bind(`SELECT e.rowid, e.key, e.name, e.norm, e.type, e.articles, e.mentions, e.lat, e.lon, e.country
			FROM entity_keys k JOIN entities e ON e.rowid = k.entity WHERE k.key = ?`), redirectKey(id)).
			Scan(&erow, &d.ID, &d.Name, &norm, &d.Type, &d.Articles, &d.Mentions, &lat, &lon, &country)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: entity %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, s.wrap("entity", err)
	}
	if lat.Valid && lon.Valid {
		d.Geo = &model.Geo{Lat: lat.Float64, Lon: lon.Float64, Country: country}
	}
	rows, err := s.db.QueryContext(ctx, s.d.Bind(`SELECT alias FROM entity_aliases WHERE entity = ? ORDER BY alias`), erow)
	if err != nil {
		return nil, s.wrap("entity: aliases", err)
	}
	var norms []any
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			rows.Close()
			return nil, s.wrap("entity: aliases", err)
		}
		if a != d.Name {
			d.Aliases = append(d.Aliases, a)
		}
		norms = append(norms, store.NameKey(a))
	}
	if err := rows.Close(); err != nil {
		return nil, s.wrap("entity: aliases", err)
	}
	rows, err = s.db.QueryContext(ctx, s.d.Bind(`SELECT d.id, d.title, d.source, d.published, de.n FROM doc_entities de JOIN documents d ON d.rowid = de.doc
		WHERE de.entity = ? ORDER BY d.published DESC, d.rowid DESC LIMIT 100`), erow)
	if err != nil {
		return nil, s.wrap("entity: articles", err)
	}
	for rows.Next() {
		var a store.ArticleRef
		var pub sql.NullInt64
		if err := rows.Scan(&a.ID, &a.Title, &a.Source, &pub, &a.Mentions); err != nil {
			rows.Close()
			return nil, s.wrap("entity: articles", err)
		}
		a.Published = timeOf(pub)
		d.ArticleRefs = append(d.ArticleRefs, a)
	}
	if err := rows.Close(); err != nil {
		return nil, s.wrap("entity: articles", err)
	}
	rows, err = s.db.QueryContext(ctx, s.d.Bind(`SELECT e.key, e.name, e.type, e.articles, e.mentions, count(*) AS shared
		FROM doc_entities a JOIN doc_entities b ON b.doc = a.doc AND b.entity <> a.entity JOIN entities e ON e.rowid = b.entity
		WHERE a.entity = ? GROUP BY e.key, e.name, e.type, e.articles, e.mentions ORDER BY shared DESC, e.mentions DESC, e.key LIMIT 30`), erow)
	if err != nil {
		return nil, s.wrap("entity: co-occurring", err)
	}
	for rows.Next() {
		var c store.Cooccurrence
		if err := rows.Scan(&c.ID, &c.Name, &c.Type, &c.Articles, &c.Mentions, &c.Shared); err != nil {
			rows.Close()
			return nil, s.wrap("entity: co-occurring", err)
		}
		d.Cooccurring = append(d.Cooccurring, c)
	}
	if err := rows.Close(); err != nil {
		return nil, s.wrap("entity: co-occurring", err)
	}
	if len(norms) > 0 {
		evs, err := s.queryEvents(ctx, `WHERE ev.rowid IN (SELECT event FROM event_args WHERE norm IN (`+
			strings.TrimSuffix(strings.Repeat("?, ", len(norms)), ", ")+`)) ORDER BY ev.day DESC, ev.rowid DESC LIMIT 100`, norms...)
		if err != nil {
			return nil, err
		}
		d.Events = evs
	}
	return &d, nil
}

// ---- Events ----

const eventCols = `ev.rowid, d.id, d.title, d.source, d.published, ev.day, ev.type, ev.mode, ev.actor, ev.recipients, ev.location, ev.date,
	ev.date_text, ev.modality, ev.quantities, ev.trigger, ev.sentence, ev.sent_start, ev.sent_end`

func (s *DB) queryEvents(ctx context.Context, tail string, args ...any) ([]store.EventRecord, error) {
	rows, err := s.db.QueryContext(ctx, s.d.Bind(`SELECT `+eventCols+` FROM events ev JOIN documents d ON d.rowid = ev.doc `+tail), args...)
	if err != nil {
		return nil, s.wrap("events", err)
	}
	defer rows.Close()
	var out []store.EventRecord
	for rows.Next() {
		var r store.EventRecord
		var pub sql.NullInt64
		var rec, q string
		if err := rows.Scan(&r.ID, &r.ArticleID, &r.Title, &r.Source, &pub, &r.Day, &r.Type, &r.Mode, &r.Actor, &rec, &r.Location, &r.Date,
			&r.DateText, &r.Modality, &q, &r.Trigger, &r.Sentence, &r.Start, &r.End); err != nil {
			return nil, s.wrap("events", err)
		}
		r.Published = timeOf(pub)
		_ = json.Unmarshal([]byte(rec), &r.Recipients)
		_ = json.Unmarshal([]byte(q), &r.Quantities)
		if len(r.Recipients) == 0 {
			r.Recipients = nil
		}
		if len(r.Quantities) == 0 {
			r.Quantities = nil
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap("events", err)
	}
	return out, nil
}

// argNames is the SQL condition "event ev has a name in roles matching
// name (or one of the aliases of the entities so named)".
func argNames(name string, roles ...string) (string, []any) {
	n := store.NameKey(name)
	cond := `ev.rowid IN (SELECT event FROM event_args WHERE role IN (` + strings.TrimSuffix(strings.Repeat("?, ", len(roles)), ", ") + `) AND norm IN (
		SELECT ? UNION SELECT e.norm FROM entity_aliases a JOIN entities e ON e.rowid = a.entity WHERE a.norm = ?
		UNION SELECT a2.norm FROM entity_aliases a JOIN entity_aliases a2 ON a2.entity = a.entity WHERE a.norm = ?))`
	var args []any
	for _, r := range roles {
		args = append(args, r)
	}
	return cond, append(args, n, n, n)
}

// Events implements store.Store.
func (s *DB) Events(ctx context.Context, f store.EventFilter) (*store.EventPage, error) {
	where := "WHERE 1 = 1"
	var args []any
	if f.Type != "" {
		where += " AND ev.type = ?"
		args = append(args, strings.ToUpper(f.Type))
	}
	if strings.TrimSpace(f.Actor) != "" {
		c, a := argNames(f.Actor, "actor", "recipient")
		where += " AND " + c
		args = append(args, a...)
	}
	if strings.TrimSpace(f.Place) != "" {
		c, a := argNames(f.Place, "location")
		where += " AND " + c
		args = append(args, a...)
	}
	if f.Source != "" {
		where += " AND ev.source = ?"
		args = append(args, f.Source)
	}
	lo, hi := store.DayRange(f.From, f.To)
	if lo != "" {
		where += " AND ev.day >= ?"
		args = append(args, lo)
	}
	if hi != "" {
		where += " AND ev.day < ? AND ev.day <> ''"
		args = append(args, hi)
	}
	page := &store.EventPage{}
	if err := s.db.QueryRowContext(ctx, s.d.Bind(`SELECT count(*) FROM events ev `+where), args...).Scan(&page.Total); err != nil {
		return nil, s.wrap("events", err)
	}
	evs, err := s.queryEvents(ctx, where+` ORDER BY ev.day DESC, ev.rowid DESC LIMIT ? OFFSET ?`,
		append(args, store.Limit(f.Limit, 50), store.Offset(f.Offset))...)
	if err != nil {
		return nil, err
	}
	page.Events = evs
	return page, nil
}

// ---- Stats ----

// Stats implements store.Store.
func (s *DB) Stats(ctx context.Context) (*store.Stats, error) {
	st := &store.Stats{Backend: s.d.Name(), Location: s.d.Location()}
	var first, last sql.NullInt64
	var terms sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT count(*), min(published), max(published), sum(nterms) FROM documents`).Scan(&st.Articles, &first, &last, &terms)
	if err != nil {
		return nil, s.wrap("stats", err)
	}
	st.FirstPublished, st.LastPublished, st.Terms = timeOf(first), timeOf(last), int(terms.Int64)
	var mentions sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT count(*), sum(mentions) FROM entities`).Scan(&st.Entities, &mentions); err != nil {
		return nil, s.wrap("stats", err)
	}
	st.Mentions = int(mentions.Int64)
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM events`).Scan(&st.Events); err != nil {
		return nil, s.wrap("stats", err)
	}
	if st.Sources, err = s.counts(ctx, `SELECT source, '', count(*) FROM documents GROUP BY source ORDER BY 3 DESC, 1`); err != nil {
		return nil, err
	}
	if st.EntityTypes, err = s.counts(ctx, `SELECT type, '', count(*) FROM entities GROUP BY type ORDER BY 3 DESC, 1`); err != nil {
		return nil, err
	}
	if st.EventTypes, err = s.counts(ctx, `SELECT type, '', count(*) FROM events GROUP BY type ORDER BY 3 DESC, 1`); err != nil {
		return nil, err
	}
	if st.SizeBytes, err = s.d.Size(ctx, s.db); err != nil {
		return nil, s.wrap("stats: size", err)
	}
	_ = s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'analyzer'`).Scan(&st.Analyzer)
	return st, nil
}

// ---- migrations ----

// migrate applies the dialect's NNNN_*.sql files above the recorded
// schema_version, all in one transaction.
func migrate(ctx context.Context, db *sql.DB, d Dialect) error {
	names, err := fs.Glob(d.Migrations(), "*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := d.LockWrites(ctx, tx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`); err != nil {
		return err
	}
	var have sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT max(version) FROM schema_version`).Scan(&have); err != nil {
		return err
	}
	for _, name := range names {
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return fmt.Errorf("migration %s: name must start with a number and _", name)
		}
		if int64(v) <= have.Int64 {
			continue
		}
		body, err := fs.ReadFile(d.Migrations(), name)
		if err != nil {
			return err
		}
		for _, stmt := range splitSQL(string(body)) {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("migration %s: %w", name, err)
			}
		}
		if _, err := tx.ExecContext(ctx, d.Bind(`INSERT INTO schema_version(version, applied_at) VALUES (?, ?)`), v, time.Now().Unix()); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// splitSQL splits a migration file at semicolons that end a line (the
// files have no semicolons inside strings at line ends) and drops comments.
func splitSQL(body string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(body, "\n") {
		if i := strings.Index(line, "--"); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(strings.TrimSpace(line), ";") {
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}

// IDList writes ids as one literal between open and close, comma-separated
// ("[1,2,3]" for a JSON array, "{1,2,3}" for a PostgreSQL array): the
// argument of Dialect.IDsIn, so a page of ids is one bound parameter.
func IDList(open, close byte, ids []int64) string {
	b := make([]byte, 0, 8*len(ids)+2)
	b = append(b, open)
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, close))
}

// metaInt reads the integer value of meta's key (0 where there is none).
func metaInt(ctx context.Context, tx *sql.Tx, d Dialect, key string) (int64, error) {
	var v string
	err := tx.QueryRowContext(ctx, d.Bind(`SELECT value FROM meta WHERE key = ?`), key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(v, 10, 64)
}

// setMeta sets meta's key to value.
func setMeta(ctx context.Context, tx *sql.Tx, d Dialect, key, value string) error {
	_, err := tx.ExecContext(ctx, d.Bind(`INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`), key, value)
	return err
}
