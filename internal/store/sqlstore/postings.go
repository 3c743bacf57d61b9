package sqlstore

import (
	"container/heap"
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/store"
)

// Postings: a compact inverted index (table postings: one row per term
// and segment, a segment being the articles of one Put, merged into one
// row per term by Optimize; on SQLite a Put's rows go to a tail table
// first, merged into postings as it grows: tiers.go). A row's data is the
// term's articles in rowid order as varint pairs (rowid delta, term
// frequency); where the dialect keeps positions (PostgreSQL; SQLite since
// migration 0003), a pos column holds them.
//
// Why: FTS5's bm25() is evaluated for EVERY matching article before the
// sort, and in the pure-Go SQLite each call costs a %_docsize lookup
// (profile of the storebench: 80 % of bm25's time), so a query on a
// frequent word (الرياض: 1,400 of 5,149 articles) took 1.4 ms against
// bleve's 0.15. From the postings and the article lengths (cached in
// memory) the store computes FTS5's own bm25 in Go, for every match, and
// keeps the page: same matches, same scores, same order (tested against
// the FTS5 path: sqlite TestPostingsRankLikeFTS5, postgres
// TestRanksLikeSQLite), at native speed. Filters and facets run over the
// ranked ids (Dialect.IDsIn).
//
// Where the postings have no positions (a SQLite store holding articles
// from before migration 0003), a query with a phrase (an alternative of
// several terms) goes to FTS5; elsewhere the postings answer every query
// (on PostgreSQL they replace the tsvector), and their positions also
// place the snippets (snippets.go).

// bm25 parameters: FTS5's defaults (fts5_aux.c), which the FTS5 path uses.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// posting is one article of a term's list.
type posting struct {
	doc int64
	tf  int32
	pos int32 // with positions: the offset of its tf positions in plist.pos
}

// plist is a term's (or a phrase's) postings; pos holds the positions
// (0-based term indexes, ascending per article) when the store keeps them.
type plist struct {
	ps  []posting
	pos []int32
	raw []rawRange // the positions of each row, undecoded (snippets.go), when read for snippets
}

// encodePostings encodes l: data holds varint rowid delta and varint tf
// per article; pos (with positions, else nil) the tf varint position
// deltas of each article in turn. Positions live apart so that a search
// without a phrase does not read them (on PostgreSQL they were most of
// the bytes fetched per term: search p50 2.5 ms at 16x).
func encodePostings(l plist, positions bool) (data, pos []byte) {
	var last int64
	if positions {
		pos = []byte{}
	}
	for _, p := range l.ps {
		data = binary.AppendUvarint(data, uint64(p.doc-last))
		data = binary.AppendUvarint(data, uint64(p.tf))
		last = p.doc
		if positions {
			prev := int32(0)
			for _, x := range l.pos[p.pos : p.pos+p.tf] {
				pos = binary.AppendUvarint(pos, uint64(x-prev))
				prev = x
			}
		}
	}
	return data, pos
}

var errCorrupt = fmt.Errorf("postings: corrupt data")

// decodePostings appends the postings of data (rowid deltas restart at 0
// in every segment) to l, with their positions from pos unless pos is nil.
func decodePostings(l plist, data, pos []byte) (plist, error) {
	var last int64
	withPos := pos != nil
	if !withPos {
		return decodeDocs(l, data)
	}
	for len(data) > 0 {
		d, n := binary.Uvarint(data)
		if n <= 0 {
			return l, errCorrupt
		}
		data = data[n:]
		tf, m := binary.Uvarint(data)
		if m <= 0 || tf > math.MaxInt32 {
			return l, errCorrupt
		}
		data = data[m:]
		last += int64(d)
		p := posting{doc: last, tf: int32(tf), pos: int32(len(l.pos))}
		if withPos {
			prev := int32(0)
			for range tf {
				x, k := binary.Uvarint(pos)
				if k <= 0 {
					return l, errCorrupt
				}
				pos = pos[k:]
				prev += int32(x)
				l.pos = append(l.pos, prev)
			}
		}
		l.ps = append(l.ps, p)
	}
	return l, nil
}

// decodeDocs is decodePostings without positions, the path of every
// phrase-free search: one-byte varints (most rowid deltas of a frequent
// term, nearly every tf) are read inline, and the list grows once
// (decode was 7 % of the search profile at 1x, more for frequent terms).
func decodeDocs(l plist, data []byte) (plist, error) {
	l.ps = slices.Grow(l.ps, len(data)/2)
	var last int64
	for i := 0; i < len(data); {
		var d, tf uint64
		if b := data[i]; b < 0x80 {
			d = uint64(b)
			i++
		} else {
			v, n := binary.Uvarint(data[i:])
			if n <= 0 {
				return l, errCorrupt
			}
			d, i = v, i+n
		}
		if i == len(data) {
			return l, errCorrupt
		}
		if b := data[i]; b < 0x80 {
			tf = uint64(b)
			i++
		} else {
			v, n := binary.Uvarint(data[i:])
			if n <= 0 || v > math.MaxInt32 {
				return l, errCorrupt
			}
			tf, i = v, i+n
		}
		last += int64(d)
		l.ps = append(l.ps, posting{doc: last, tf: int32(tf)})
	}
	return l, nil
}

// batchPostings collects the postings of one Put, and its articles'
// lengths (table doc_lengths: one row a segment, as the postings).
type batchPostings struct {
	positions bool
	lengths   bool  // the schema has doc_lengths
	seg       int64 // the first rowid stored by the batch
	terms     map[string]*plist
	lens      plist // (rowid, length in terms) of each article
}

func (bp *batchPostings) add(rowid int64, terms []arabic.Term) {
	if bp.terms == nil {
		bp.terms = map[string]*plist{}
		bp.seg = rowid
	}
	bp.lens.ps = append(bp.lens.ps, posting{doc: rowid, tf: int32(len(terms))})
	byTerm := map[string][]int32{}
	for i, t := range terms {
		byTerm[t.Term] = append(byTerm[t.Term], int32(i))
	}
	for t, pos := range byTerm {
		l := bp.terms[t]
		if l == nil {
			l = &plist{}
			bp.terms[t] = l
		}
		p := posting{doc: rowid, tf: int32(len(pos))}
		if bp.positions {
			p.pos = int32(len(l.pos))
			l.pos = append(l.pos, pos...)
		}
		l.ps = append(l.ps, p)
	}
}

// RowCopier is a Dialect that bulk-loads rows into a table (PostgreSQL's
// COPY) on conn, the connection of an open transaction: a batch's
// postings in one COPY rather than INSERTs of 500 rows.
type RowCopier interface {
	CopyRows(ctx context.Context, conn *sql.Conn, table string, cols []string, rows [][]any) error
}

// write inserts the batch's segment rows in term order into table
// (postings or its tail: tiers.go; conn: tx's connection, for a
// RowCopier), and returns the bytes of data and positions written.
func (bp *batchPostings) write(ctx context.Context, conn *sql.Conn, tx *sql.Tx, d Dialect, table string) (int64, error) {
	if bp.lengths && len(bp.lens.ps) > 0 {
		data, _ := encodePostings(bp.lens, false)
		if _, err := tx.ExecContext(ctx, d.Bind(`INSERT INTO doc_lengths(seg, data) VALUES (?, ?)`), bp.seg, data); err != nil {
			return 0, fmt.Errorf("lengths: %w", err)
		}
	}
	if len(bp.terms) == 0 {
		return 0, nil
	}
	var written int64
	keys := make([]string, 0, len(bp.terms))
	for k := range bp.terms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if rc, ok := d.(RowCopier); ok && conn != nil {
		cols := []string{"term", "seg", "data"}
		if bp.positions {
			cols = append(cols, "pos")
		}
		rows := make([][]any, len(keys))
		for i, k := range keys {
			data, pos := encodePostings(*bp.terms[k], bp.positions)
			written += int64(len(data) + len(pos))
			rows[i] = []any{k, bp.seg, data}
			if bp.positions {
				rows[i] = append(rows[i], pos)
			}
		}
		if err := rc.CopyRows(ctx, conn, table, cols, rows); err != nil {
			return 0, fmt.Errorf("postings: %w", err)
		}
		return written, nil
	}
	w := rowWriter{ctx: ctx, tx: tx, d: d, table: table, positions: bp.positions}
	defer w.close()
	for _, k := range keys {
		data, pos := encodePostings(*bp.terms[k], bp.positions)
		written += int64(len(data) + len(pos))
		if err := w.add(k, bp.seg, data, pos); err != nil {
			return 0, fmt.Errorf("postings: %w", err)
		}
	}
	if err := w.flush(); err != nil {
		return 0, fmt.Errorf("postings: %w", err)
	}
	return written, nil
}

// rowWriter inserts postings rows many to a statement: one statement per
// row cost PostgreSQL a round trip each (ingest 2.75 -> 4.14 ms of CPU an
// article, half the articles per second).
type rowWriter struct {
	ctx       context.Context
	tx        *sql.Tx
	d         Dialect
	table     string
	positions bool // the table has the pos column
	args      []any
	full      *sql.Stmt // the statement for a full batch, prepared once
}

const rowsPerInsert = 500

func (w *rowWriter) cols() int {
	if w.positions {
		return 4
	}
	return 3
}

func (w *rowWriter) add(term string, seg int64, data, pos []byte) error {
	w.args = append(w.args, term, seg, data)
	if w.positions {
		w.args = append(w.args, pos)
	}
	if len(w.args) == w.cols()*rowsPerInsert {
		return w.flush()
	}
	return nil
}

func (w *rowWriter) flush() error {
	n := len(w.args) / w.cols()
	if n == 0 {
		return nil
	}
	args := w.args
	w.args = w.args[:0]
	cols, row := `(term, seg, data)`, `(?, ?, ?), `
	if w.positions {
		cols, row = `(term, seg, data, pos)`, `(?, ?, ?, ?), `
	}
	q := w.d.Bind(`INSERT INTO ` + w.table + cols + ` VALUES ` + strings.TrimSuffix(strings.Repeat(row, n), ", "))
	if n < rowsPerInsert {
		_, err := w.tx.ExecContext(w.ctx, q, args...)
		return err
	}
	if w.full == nil {
		st, err := w.tx.PrepareContext(w.ctx, q)
		if err != nil {
			return err
		}
		w.full = st
	}
	_, err := w.full.ExecContext(w.ctx, args...)
	return err
}

func (w *rowWriter) close() {
	if w.full != nil {
		w.full.Close()
	}
}

// mergePostings rewrites the postings table with one row per term (the
// segments of every Put concatenated, rowJoin), from tables (postings, and
// the tail where there is one: tiers.go), inside tx: a new table filled in
// key order, then swapped in (Dialect.PostingsDDL), the tail emptied. It
// does nothing where every term already has one row and the tail is empty.
func mergePostings(ctx context.Context, tx *sql.Tx, d Dialect, positions bool, tables []string) error {
	var pending int
	if len(tables) > 1 {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM `+tables[1]+` LIMIT 1) t`).Scan(&pending); err != nil {
			return err
		}
	}
	if pending == 0 {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT term FROM postings GROUP BY term HAVING count(*) > 1) t`).Scan(&pending); err != nil {
			return err
		}
	}
	if pending == 0 {
		return nil
	}
	create, swap := d.PostingsDDL("postings_merged")
	for _, q := range create {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	w := rowWriter{ctx: ctx, tx: tx, d: d, table: "postings_merged", positions: positions}
	defer w.close()
	var (
		cur     string
		first   int64
		j       rowJoin
		written int64 // bytes of data and positions
	)
	if positions {
		j.pos = []byte{}
	}
	flush := func() error {
		if j.rows == 0 {
			return nil
		}
		written += int64(len(j.data) + len(j.pos))
		return w.add(cur, first, j.data, j.pos)
	}
	// Read in pages by key (a PostgreSQL connection cannot insert while a
	// result is open), merging as the rows come in key order.
	type row struct {
		term      string
		seg       int64
		data, pos []byte
	}
	// A row value, so that both databases seek the primary key (with
	// "term > ? OR (term = ? AND …)" SQLite scanned the table for every
	// page: 1.1 s of a 1x ingest's 8 s).
	var rs []row
	lastTerm, lastSeg := "", int64(-1<<62)
	for {
		q, args := selectPostings(tables, `term, seg, data, `+posColumn(positions), `(term, seg) > (?, ?)`, ` LIMIT 2000`, []any{lastTerm, lastSeg})
		rows, err := tx.QueryContext(ctx, d.Bind(q), args...)
		if err != nil {
			return err
		}
		rs = rs[:0]
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.term, &r.seg, &r.data, &r.pos); err != nil {
				rows.Close()
				return err
			}
			rs = append(rs, r)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if len(rs) == 0 {
			break
		}
		for _, r := range rs {
			if j.rows == 0 || r.term != cur {
				if err := flush(); err != nil {
					return err
				}
				// The writer keeps the bytes it was given until its
				// statement runs: a new row starts in new buffers.
				cur, first = r.term, r.seg
				j = rowJoin{}
				if positions {
					j.pos = []byte{}
				}
			}
			if err := j.add(r.data, r.pos); err != nil {
				return fmt.Errorf("term %q: %w", r.term, err)
			}
		}
		lastTerm, lastSeg = rs[len(rs)-1].term, rs[len(rs)-1].seg
	}
	if err := flush(); err != nil {
		return err
	}
	if err := w.flush(); err != nil {
		return err
	}
	for _, q := range swap {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if len(tables) > 1 {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+tables[1]); err != nil {
			return err
		}
		if err := setMeta(ctx, tx, d, "tail_bytes", "0"); err != nil {
			return err
		}
		if err := setMeta(ctx, tx, d, "main_bytes", strconv.FormatInt(written, 10)); err != nil {
			return err
		}
	}
	epoch, err := metaInt(ctx, tx, d, "postings_epoch")
	if err != nil {
		return err
	}
	return setMeta(ctx, tx, d, "postings_epoch", strconv.FormatInt(epoch+1, 10))
}

// docLens caches every article's length in terms (documents.nterms, what
// FTS5 counts as the row's size), indexed by rowid, with their count and
// sum: bm25's document length, row count and average length.
type docLens struct {
	mu    sync.Mutex
	lens  []int32 // by rowid; -1 where there is no article
	max   int64   // highest rowid loaded
	n     int64   // articles
	total int64   // sum of their lengths
}

// set records rowid's length (rowids come in ascending order).
func (c *docLens) set(id int64, nt int32) {
	if int64(len(c.lens)) <= id {
		c.lens = slices.Grow(c.lens, int(id+1)-len(c.lens))
		for int64(len(c.lens)) <= id {
			c.lens = append(c.lens, -1)
		}
	}
	c.lens[id] = nt
	c.max = id
	c.n++
	c.total += int64(nt)
}

// refreshLens loads the articles stored since the last call, unless the
// cache already holds rowid upto: from the packed segments of doc_lengths
// newer than the cache (one row a Put, one in all after Optimize), then,
// if they do not reach upto (Optimize merged segments the cache had not
// read; a store without the table), from documents row by row. Reading
// every article's row was a process's first search's largest cost
// (storebench at 16x, 82,384 articles: 59 ms on SQLite, 64 on
// PostgreSQL); the packed lengths are 3 bytes an article, one row.
func (s *DB) refreshLens(ctx context.Context, upto int64) (lens []int32, n, total int64, err error) {
	c := &s.lens
	c.mu.Lock()
	defer c.mu.Unlock()
	if upto <= c.max {
		return c.lens, c.n, c.total, nil
	}
	if s.lengths {
		rows, err := s.query(ctx, `SELECT data FROM doc_lengths WHERE seg > ? ORDER BY seg`, c.max)
		if err != nil {
			return nil, 0, 0, err
		}
		var l plist
		for rows.Next() {
			var data sql.RawBytes
			if err := rows.Scan(&data); err != nil {
				rows.Close()
				return nil, 0, 0, err
			}
			if l, err = decodeDocs(plist{ps: l.ps[:0]}, data); err != nil {
				rows.Close()
				return nil, 0, 0, fmt.Errorf("lengths: %w", err)
			}
			for _, p := range l.ps {
				if p.doc > c.max { // segments ascend and do not overlap
					c.set(p.doc, p.tf)
				}
			}
		}
		if err := rows.Close(); err != nil {
			return nil, 0, 0, err
		}
		if upto <= c.max {
			return c.lens, c.n, c.total, nil
		}
	}
	rows, err := s.query(ctx, `SELECT rowid, nterms FROM documents WHERE rowid > ? ORDER BY rowid`, c.max)
	if err != nil {
		return nil, 0, 0, err
	}
	for rows.Next() {
		var id, nt int64
		if err := rows.Scan(&id, &nt); err != nil {
			rows.Close()
			return nil, 0, 0, err
		}
		c.set(id, int32(nt))
	}
	if err := rows.Close(); err != nil {
		return nil, 0, 0, err
	}
	return c.lens, c.n, c.total, nil
}

// mergeLengths rewrites doc_lengths as one row (Optimize), inside tx.
func mergeLengths(ctx context.Context, tx *sql.Tx, d Dialect) error {
	rows, err := tx.QueryContext(ctx, `SELECT seg, data FROM doc_lengths ORDER BY seg`)
	if err != nil {
		return err
	}
	var l plist
	first, segs := int64(0), 0
	for rows.Next() {
		var seg int64
		var data []byte
		if err := rows.Scan(&seg, &data); err != nil {
			rows.Close()
			return err
		}
		if segs == 0 {
			first = seg
		}
		segs++
		if l, err = decodeDocs(l, data); err != nil {
			rows.Close()
			return fmt.Errorf("lengths: %w", err)
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if segs < 2 {
		return nil
	}
	data, _ := encodePostings(l, false)
	if _, err := tx.ExecContext(ctx, `DELETE FROM doc_lengths`); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, d.Bind(`INSERT INTO doc_lengths(seg, data) VALUES (?, ?)`), first, data)
	return err
}

// fillLengths writes the lengths of every stored article as one row
// (backfillLengths: a store from before doc_lengths).
func (s *DB) fillLengths(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM doc_lengths`); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT rowid, nterms FROM documents ORDER BY rowid`)
	if err != nil {
		return err
	}
	var l plist
	for rows.Next() {
		var id, nt int64
		if err := rows.Scan(&id, &nt); err != nil {
			rows.Close()
			return err
		}
		l.ps = append(l.ps, posting{doc: id, tf: int32(nt)})
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if len(l.ps) == 0 {
		return nil
	}
	data, _ := encodePostings(l, false)
	_, err = tx.ExecContext(ctx, s.d.Bind(`INSERT INTO doc_lengths(seg, data) VALUES (?, ?)`), l.ps[0].doc, data)
	return err
}

// canRank says whether the postings answer q alone: a phrase (an
// alternative of several terms) needs positions.
func (s *DB) canRank(q store.Query) bool {
	if !s.rank || len(q.Must) == 0 {
		return false
	}
	if s.positions {
		return true
	}
	for _, cs := range [][]store.Clause{q.Must, q.Not} {
		for _, c := range cs {
			for _, alt := range c.Alts {
				if len(alt) != 1 {
					return false
				}
			}
		}
	}
	return true
}

// posColumn is the postings' pos column, or NULL where there is none.
func posColumn(positions bool) string {
	if positions {
		return "pos"
	}
	return "NULL"
}

// termPostings reads the postings of terms (all their segments, in
// order; with their positions decoded when withPos, else kept undecoded
// when rawPos, for the snippets) in one statement, and the version of the
// state they are of: the highest article rowid (0 when no term has
// postings and the store has no search cache), which tells whether the
// cached lengths are current.
//
// Without decoded positions (no phrase), the search cache
// (searchcache.go) answers for the terms it holds, and the terms read are
// stored in it: a search whose terms are all cached runs no statement.
// The answer is always of one state (rule 3 there).
func (s *DB) termPostings(ctx context.Context, terms []string, withPos, rawPos bool, sc *scratch) (map[string]*plist, int64, error) {
	if s.cache == nil {
		return s.readPostings(ctx, terms, withPos, rawPos, false, sc)
	}
	if withPos {
		out, v, err := s.readPostings(ctx, terms, withPos, rawPos, false, sc)
		if err == nil {
			s.cache.observe(v) // what a later search may not be older than
		}
		return out, v, err
	}
	live := true
	if s.syncCache != nil && s.syncCache(ctx) != nil {
		live = false // whether another process wrote is not known: read the database
		s.cache.bypassed.Add(1)
	}
	out := make(map[string]*plist, len(terms))
	var missing []string
	var cached int64
	var gen uint64
	if live {
		missing, cached, gen, live = s.cache.lookup(terms, rawPos, out)
	}
	if !live {
		out, v, err := s.readPostings(ctx, terms, false, rawPos, false, sc)
		if err == nil {
			s.cache.observe(v)
		}
		return out, v, err
	}
	if len(missing) == 0 {
		return out, cached, nil
	}
	if !rawPos {
		// The replica (replica.go), at the cached entries' state, instead
		// of the server: a query's first search runs no statement.
		if read, ok := s.replicaPostings(missing, cached, gen); ok {
			s.cache.store(gen, cached, missing, false, read)
			for t, l := range read {
				out[t] = l
			}
			return out, cached, nil
		}
	}
	read, v, err := s.readPostings(ctx, missing, false, rawPos, true, sc)
	if err != nil {
		return nil, 0, err
	}
	s.cache.store(gen, v, missing, rawPos, read)
	if len(missing) < len(terms) && v != cached {
		// A commit came between the cached state and this read: the
		// lists found and those read are of two states. Read them all
		// in one (a rare second statement: only after a write).
		if read, v, err = s.readPostings(ctx, terms, false, rawPos, true, sc); err != nil {
			return nil, 0, err
		}
		s.cache.store(gen, v, terms, rawPos, read)
		return read, v, nil
	}
	for t, l := range read {
		out[t] = l
	}
	return out, v, nil
}

// readPostings reads the postings of terms for termPostings, in sc's
// buffers, or in buffers of their own when own (for the search cache,
// which needs the version even when no term has postings, to cache their
// absence: the statement then returns a row without a term; it costs a
// sort of the rows read, so the other reads keep the plain statement,
// whose version is 0 without postings, which raises nothing).
func (s *DB) readPostings(ctx context.Context, terms []string, withPos, rawPos, own bool, sc *scratch) (map[string]*plist, int64, error) {
	termArgs := make([]any, len(terms))
	for i, t := range terms {
		termArgs[i] = t
	}
	pos := posColumn(withPos || rawPos)
	tables := s.postingsTables()
	in := `term IN (` + placeholders(len(terms)) + `)`
	const versionCol = `(SELECT coalesce(max(rowid), 0) FROM documents)`
	q, args := selectPostings(tables, `term, seg, data, `+pos+`, `+versionCol, in, "", termArgs)
	switch {
	case own && len(tables) == 1:
		if pos == "pos" {
			pos = "p.pos"
		}
		q = `SELECT p.term, p.seg, p.data, ` + pos + `, m.v FROM (SELECT coalesce(max(rowid), 0) AS v FROM documents) m
			LEFT JOIN postings p ON p.` + in + ` ORDER BY p.term, p.seg`
	case own:
		// The version also in a row of its own (no term): it comes even
		// when no term has postings.
		q = strings.Replace(q, " ORDER BY 1, 2", ` UNION ALL SELECT NULL, NULL, NULL, NULL, `+versionCol+` ORDER BY 1, 2`, 1)
	}
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var version int64
	out := make(map[string]*plist, len(terms))
	type rawRow struct {
		l          *plist
		start      int
		from, upto int // in sc.pos
	}
	var raws []rawRow
	var used []*plist // in sc's buffers
	posBuf := &sc.pos
	if own {
		posBuf = new([]byte) // kept by the cache with the lists
	}
	for rows.Next() {
		var term, data, pos sql.RawBytes // decoded at once: no copy
		var seg sql.NullInt64
		if err := rows.Scan(&term, &seg, &data, &pos, &version); err != nil {
			return nil, 0, err
		}
		if term == nil {
			continue // the version alone: no term has postings
		}
		if withPos && pos == nil {
			pos = sql.RawBytes{}
		}
		l := out[string(term)]
		if l == nil {
			if own {
				l = &plist{ps: make([]posting, 0, len(data)/2)} // kept by the cache: not sc's
			} else {
				l = &plist{ps: sc.take(len(data) / 2)} // at least 2 bytes a posting
				used = append(used, l)
			}
			out[string(term)] = l
		}
		if rawPos && !withPos {
			from := len(*posBuf)
			*posBuf = append(*posBuf, pos...)
			raws = append(raws, rawRow{l, len(l.ps), from, len(*posBuf)})
			pos = nil
		}
		if *l, err = decodePostings(*l, data, pos); err != nil {
			return nil, 0, fmt.Errorf("term %q: %w", term, err)
		}
	}
	for _, r := range raws { // the buffer is complete: slice it now
		b := (*posBuf)[r.from:r.upto:r.upto]
		r.l.raw = append(r.l.raw, rawRange{start: r.start, b: b})
	}
	for _, l := range used {
		sc.used = append(sc.used, l.ps) // as regrown by append
	}
	return out, version, rows.Err()
}

// scratch holds the posting buffers of one search, reused by the next
// (DB.scratch pools them): decoding allocated a fresh []posting per term
// and query, 16 bytes a posting, and the garbage collector's work that
// came with it (storebench -cpuprofile at 1x: makeslice 6 %, GC 12 % of
// the search phase).
type scratch struct {
	free [][]posting // buffers to hand out
	used [][]posting // handed out by this search
	pos  []byte      // undecoded positions read by this search (termPostings)
}

// take returns an empty buffer with room for n postings.
func (sc *scratch) take(n int) []posting {
	for i := len(sc.free) - 1; i >= 0; i-- {
		if b := sc.free[i]; cap(b) >= n {
			sc.free[i] = sc.free[len(sc.free)-1]
			sc.free = sc.free[:len(sc.free)-1]
			return b[:0]
		}
	}
	return make([]posting, 0, n)
}

// maxScratch bounds what a pooled scratch keeps (postings): a query on a
// very frequent word must not pin its buffers for ever.
const maxScratch = 1 << 20

// release makes every buffer handed out free again, dropping the
// largest beyond maxScratch.
func (sc *scratch) release() {
	n := 0
	for _, b := range sc.free {
		n += cap(b)
	}
	for _, b := range sc.used {
		if n+cap(b) <= maxScratch {
			sc.free = append(sc.free, b[:0])
			n += cap(b)
		}
	}
	clear(sc.used)
	sc.used = sc.used[:0]
	if cap(sc.pos) > 4*maxScratch {
		sc.pos = nil
	}
	sc.pos = sc.pos[:0]
}

// phraseList is the postings of a phrase: the articles holding the terms
// consecutively, tf the number of places where they start (FTS5 counts
// phrase instances the same way).
func phraseList(ls []*plist) plist {
	var out plist
	if len(ls) == 0 {
		return out
	}
	cur := make([]int, len(ls))
	for _, p := range ls[0].ps {
		ok := true
		ps := make([]posting, len(ls))
		ps[0] = p
		for k := 1; k < len(ls) && ok; k++ {
			l := ls[k].ps
			j := cur[k]
			for j < len(l) && l[j].doc < p.doc {
				j++
			}
			cur[k] = j
			if j == len(l) || l[j].doc != p.doc {
				ok = false
			} else {
				ps[k] = l[j]
			}
		}
		if !ok {
			continue
		}
		var tf int32
		for _, start := range ls[0].pos[p.pos : p.pos+p.tf] {
			all := true
			for k := 1; k < len(ls) && all; k++ {
				pk := ps[k]
				want := start + int32(k)
				_, all = slices.BinarySearch(ls[k].pos[pk.pos:pk.pos+pk.tf], want)
			}
			if all {
				tf++
			}
		}
		if tf > 0 {
			out.ps = append(out.ps, posting{doc: p.doc, tf: tf})
		}
	}
	return out
}

// scored is one match with its bm25 score (higher is better).
type scored struct {
	doc   int64
	score float64
}

// rankPostings matches q from the postings and returns the matches best
// first (ties by rowid, as the FTS5 statement): all of them when all is
// set, else the first k; and the number of matches. The score is FTS5's
// bm25() negated, computed as fts5_aux.c computes it: for each phrase of
// the query (here each alternative, in query order),
// idf = ln((N - n + 0.5) / (n + 0.5)) (1e-6 when not positive), summed
// over phrases as idf × tf × (k1 + 1) / (tf + k1 × (1 - b + b × D / avgdl)).
//
// The postings read (got) use sc's buffers: valid until sc is released.
// With rawPos (snippets wanted, the store keeps positions) the positions
// are read too, for hitSpans.
func (s *DB) rankPostings(ctx context.Context, q store.Query, k int, all, rawPos bool, sc *scratch) (ranked []scored, total int, got map[string]*plist, err error) {
	type phrase struct {
		l   plist
		idf float64
	}
	var terms []string
	for _, cs := range [][]store.Clause{q.Must, q.Not} {
		for _, c := range cs {
			for _, alt := range c.Alts {
				for _, t := range alt {
					if !slices.Contains(terms, t) { // a query has a few terms: no map
						terms = append(terms, t)
					}
				}
			}
		}
	}
	withPos := false // positions are read for phrases only
	for _, cs := range [][]store.Clause{q.Must, q.Not} {
		for _, c := range cs {
			for _, alt := range c.Alts {
				withPos = withPos || len(alt) > 1
			}
		}
	}
	got, maxRowid, err := s.termPostings(ctx, terms, withPos && s.positions, rawPos && s.positions, sc)
	if err != nil {
		return nil, 0, nil, err
	}
	// Each alternative is one FTS5 phrase, in query order.
	var phrases []*phrase
	var alts [][]string // the alternative of each distinct phrase, as byAlt's key
	var distinct []*phrase
	clauses := make([][]int, 0, len(q.Must)+len(q.Not)) // phrase indexes of each clause
	for _, cs := range [][]store.Clause{q.Must, q.Not} {
		for _, c := range cs {
			var idx []int
			for _, alt := range c.Alts {
				var p *phrase
				for i, a := range alts {
					if slices.Equal(a, alt) {
						p = distinct[i]
						break
					}
				}
				if p == nil {
					p = &phrase{}
					if len(alt) == 1 {
						if l := got[alt[0]]; l != nil {
							p.l = *l
						}
					} else {
						ls := make([]*plist, len(alt))
						for i, t := range alt {
							if ls[i] = got[t]; ls[i] == nil {
								ls = nil
								break
							}
						}
						p.l = phraseList(ls)
					}
					alts, distinct = append(alts, alt), append(distinct, p)
				}
				idx = append(idx, len(phrases))
				phrases = append(phrases, p)
			}
			clauses = append(clauses, idx)
		}
	}
	nMust := len(q.Must)
	for _, c := range clauses[:nMust] {
		found := false
		for _, i := range c {
			found = found || len(phrases[i].l.ps) > 0
		}
		if !found {
			return nil, 0, got, nil // a clause matches nothing
		}
	}
	// The lengths are read after the postings: they cover every article
	// the postings name (a Put commits both together).
	lens, nRow, nToken, err := s.refreshLens(ctx, maxRowid)
	if err != nil {
		return nil, 0, nil, err
	}
	if nRow == 0 {
		return nil, 0, got, nil
	}
	avgdl := float64(nToken) / float64(nRow)
	for _, p := range phrases {
		nHit := float64(len(p.l.ps))
		idf := math.Log((float64(nRow-int64(len(p.l.ps))) + 0.5) / (nHit + 0.5))
		if idf <= 0 {
			idf = 1e-6
		}
		p.idf = idf
	}
	if len(phrases) == 1 && !all && k > 0 {
		// One word, nothing excluded (most searches): every posting is a
		// match; rank them with the bound below.
		top, total := rankOne(phrases[0].l.ps, phrases[0].idf, lens, avgdl, k)
		return top, total, got, nil
	}
	// Candidates: the articles of the rarest Must clause (the union of its
	// alternatives), then kept if every other Must clause has them and no
	// Not clause does.
	union := func(c []int) []int64 {
		var ds []int64
		for _, i := range c {
			for _, p := range phrases[i].l.ps {
				ds = append(ds, p.doc)
			}
		}
		slices.Sort(ds)
		return slices.Compact(ds)
	}
	size := func(c []int) int {
		n := 0
		for _, i := range c {
			n += len(phrases[i].l.ps)
		}
		return n
	}
	best := 0
	for i := 1; i < nMust; i++ {
		if size(clauses[i]) < size(clauses[best]) {
			best = i
		}
	}
	var cand []int64
	var candPs []posting // the candidates when the clause has one alternative (no copy)
	if c := clauses[best]; len(c) == 1 {
		candPs = phrases[c[0]].l.ps
	} else {
		cand = union(c)
	}
	// tf[i] is phrase i's frequency in the candidate being scored; cursors
	// walk each phrase's postings forward (candidates ascend).
	cursor := make([]int, len(phrases))
	tfOf := func(i int, doc int64) int32 {
		ps := phrases[i].l.ps
		j := cursor[i]
		if j < len(ps) && ps[j].doc < doc {
			// Gallop: the next candidate is usually near (a list walked
			// by its own candidates moves one step), else binary search
			// the stretch it is in.
			step := 1
			for j+step < len(ps) && ps[j+step].doc < doc {
				j += step
				step *= 2
			}
			hi := min(j+step, len(ps))
			j += sort.Search(hi-j, func(k int) bool { return ps[j+k].doc >= doc })
		}
		cursor[i] = j
		if j < len(ps) && ps[j].doc == doc {
			return ps[j].tf
		}
		return 0
	}
	tf := make([]int32, len(phrases))
	// Keep the best k in a min-heap (worst on top): a page needs no full
	// sort of thousands of matches.
	var out []scored
	nCand := len(cand) + len(candPs)
	top := make(scoredHeap, 0, min(k, nCand))
	total = 0
	for x := range nCand {
		var doc int64
		if candPs != nil {
			doc = candPs[x].doc
		} else {
			doc = cand[x]
		}
		for i := range phrases {
			tf[i] = tfOf(i, doc)
		}
		ok := true
		for ci, c := range clauses {
			has := false
			for _, i := range c {
				if tf[i] > 0 {
					has = true
					break
				}
			}
			if has != (ci < nMust) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		D := docLen(lens, doc)
		score := 0.0
		for i, p := range phrases {
			score = float64(score + bm25Term(p.idf, tf[i], D, avgdl))
		}
		total++
		x := scored{doc, score}
		switch {
		case all:
			out = append(out, x)
		case len(top) < k:
			heap.Push(&top, x)
		case k > 0 && better(x, top[0]):
			top[0] = x
			heap.Fix(&top, 0)
		}
	}
	if all {
		slices.SortFunc(out, func(a, b scored) int {
			if better(a, b) {
				return -1
			}
			if better(b, a) {
				return 1
			}
			return 0
		})
		return out, total, got, nil
	}
	out = make([]scored, len(top))
	for i := len(top) - 1; i >= 0; i-- {
		out[i] = heap.Pop(&top).(scored)
	}
	return out, total, got, nil
}

// docLen is the length bm25 takes for doc (0 where none is known).
func docLen(lens []int32, doc int64) float64 {
	if doc < int64(len(lens)) && lens[doc] >= 0 {
		return float64(lens[doc])
	}
	return 0
}

// bm25Term is one phrase's share of bm25, written as fts5Bm25Function
// writes it, with explicit conversions so no multiply-add is fused; C
// evaluates b*D/avgdl as (b*D)/avgdl. For D >= 0 it is at most its value
// at D = 0: each step is monotonic in D, in floating point too.
func bm25Term(idf float64, tf int32, D, avgdl float64) float64 {
	f := float64(tf)
	num := float64(f * (bm25K1 + 1.0))
	den := float64(f + float64(bm25K1*float64(1-bm25B+float64(float64(bm25B*D)/avgdl))))
	return float64(idf * float64(num/den))
}

// rankOne ranks the postings of a query's one phrase: the best k and the
// number of matches (all of ps). A posting's score depends on its tf and
// article length only, and is at most its score at length 0, ub[tf]; once
// the page is full, a posting whose ub is no better than the worst kept
// score cannot enter it (ties go to the lower rowid, and postings
// ascend), so it is skipped without reading its length or scoring it.
// On a frequent word most postings are (tf 1 or 2 in a long list): the
// cost of a search stops growing with the scoring of every match.
func rankOne(ps []posting, idf float64, lens []int32, avgdl float64, k int) ([]scored, int) {
	var ub [64]float64
	for tf := range ub {
		ub[tf] = float64(0 + bm25Term(idf, int32(tf), 0, avgdl))
	}
	top := make(scoredHeap, 0, min(k, len(ps)))
	for _, p := range ps {
		if len(top) == k && int(p.tf) < len(ub) && ub[p.tf] <= top[0].score {
			continue
		}
		x := scored{p.doc, float64(0 + bm25Term(idf, p.tf, docLen(lens, p.doc), avgdl))}
		switch {
		case len(top) < k:
			heap.Push(&top, x)
		case better(x, top[0]):
			top[0] = x
			heap.Fix(&top, 0)
		}
	}
	out := make([]scored, len(top))
	for i := len(top) - 1; i >= 0; i-- {
		out[i] = heap.Pop(&top).(scored)
	}
	return out, len(ps)
}

// better orders matches best first: higher score, then lower rowid (the
// FTS5 statement's ORDER BY score DESC, r).
func better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.doc < b.doc
}

// scoredHeap is a min-heap by better: the worst kept match on top.
type scoredHeap []scored

func (h scoredHeap) Len() int           { return len(h) }
func (h scoredHeap) Less(i, j int) bool { return better(h[j], h[i]) }
func (h scoredHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *scoredHeap) Push(x any)        { *h = append(*h, x.(scored)) }
func (h *scoredHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// searchPostings answers sq from the postings (canRank): rank, restrict
// to the filters (one statement over the ranked ids), fetch the page,
// snippets and facets.
func (s *DB) searchPostings(ctx context.Context, sq store.SearchQuery, res *store.SearchResult, filter string, filterArgs []any,
	limit, offset int) (*store.SearchResult, error) {
	all := filter != "" || sq.Facets
	sc, _ := s.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	defer func() { sc.release(); s.scratch.Put(sc) }()
	snip := !sq.NoSnippets && s.positions
	ranked, total, got, err := s.rankPostings(ctx, res.Query, offset+limit, all, snip, sc)
	if err != nil {
		return nil, s.wrap("search", err)
	}
	res.Total = total
	// The matches as a Match, for the filters and the facets (nothing
	// else needs them as SQL).
	var (
		m     Match
		where string
		args  []any
	)
	if all {
		ids := make([]int64, len(ranked))
		for i, r := range ranked {
			ids[i] = r.doc
		}
		in, inArg := s.d.IDsIn("d.rowid", ids)
		m = Match{From: "documents d", Key: "d.rowid", Where: in, WhereArgs: []any{inArg}}
		where = m.Where + filter
		args = append([]any{inArg}, filterArgs...)
	}
	if filter != "" && len(ranked) > 0 {
		rows, err := s.query(ctx, `SELECT d.rowid FROM documents d WHERE `+where, args...)
		if err != nil {
			return nil, s.wrap("search: filter", err)
		}
		keep := map[int64]bool{}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, s.wrap("search: filter", err)
			}
			keep[id] = true
		}
		if err := rows.Close(); err != nil {
			return nil, s.wrap("search: filter", err)
		}
		kept := ranked[:0]
		for _, r := range ranked {
			if keep[r.doc] {
				kept = append(kept, r)
			}
		}
		ranked, res.Total = kept, len(kept)
	}
	var page []scored
	if offset < len(ranked) {
		page = ranked[offset:min(offset+limit, len(ranked))]
	}
	var bodies, offsets [][]byte
	if sq.IDsOnly {
		if ids, ok := s.replicaIDs(page); ok {
			res.Hits = make([]store.Hit, len(page))
			for i, p := range page {
				res.Hits[i] = store.Hit{ID: ids[i], Score: p.score}
			}
			return s.finish(ctx, sq, res, nil, nil, nil, m, where, args)
		}
	}
	if res.Hits, bodies, offsets, err = s.fetchHits(ctx, page, !sq.NoSnippets); err != nil {
		return nil, s.wrap("search", err)
	}
	var spans [][]posTerm
	if snip && len(page) > 0 {
		spans = hitSpans(got, res.Query.Terms(), page)
		for i := range spans {
			if offsets[i] == nil {
				spans[i] = nil // stored before the offsets: by analysis
			}
		}
	}
	return s.finish(ctx, sq, res, bodies, offsets, spans, m, where, args)
}

// hitRow is what a hit shows of its documents row. Rows are never updated
// or deleted once committed (the store is append-only), so a cached one
// stays right for ever and needs no invalidation, whatever another
// connection or process writes meanwhile.
type hitRow struct {
	id, title, source, url string
	published              sql.NullInt64
	dupOf                  sql.NullString // the id of dup_of's article
	body, offsets          []byte         // in DB.bodies only: what the snippets need
}

func (r *hitRow) size() int {
	return len(r.id) + len(r.title) + len(r.source) + len(r.url) + len(r.dupOf.String) + len(r.body) + len(r.offsets) + 112 // strings, key, map slot
}

// hitCache keeps the hitRows of recently returned hits, so that a page of
// hits costs no statement when its rows were shown before (the statement
// fetching the 10 rows of a page was a third of a search's CPU at 1x:
// storebench -cpuprofile, -rounds 1000). Bounded by maxBytes: when full,
// about half the rows (any: a map's order) are dropped.
type hitCache struct {
	mu       sync.Mutex
	rows     map[int64]hitRow
	bytes    int
	maxBytes int // 0: the cache is off
}

// DefaultHitCacheBytes bounds the hit rows a store keeps in memory.
const DefaultHitCacheBytes = 8 << 20

func (c *hitCache) get(rowid int64) (hitRow, bool) {
	if c.maxBytes <= 0 {
		return hitRow{}, false
	}
	c.mu.Lock()
	r, ok := c.rows[rowid]
	c.mu.Unlock()
	return r, ok
}

func (c *hitCache) put(rowid int64, r hitRow) {
	if c.maxBytes <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rows == nil {
		c.rows = map[int64]hitRow{}
	}
	if _, ok := c.rows[rowid]; ok {
		return
	}
	if c.bytes+r.size() > c.maxBytes {
		for k, v := range c.rows {
			delete(c.rows, k)
			c.bytes -= v.size()
			if c.bytes <= c.maxBytes/2 {
				break
			}
		}
	}
	c.rows[rowid] = r
	c.bytes += r.size()
}

// ArrayHits is a Dialect that reads a page of hits with its rowids as one
// array argument (IDsIn): one statement for every page size. PostgreSQL
// prepares each statement on each connection, a round trip the first
// time: with one placeholder per uncached hit, a page of 1 to 10 was up to
// ten statements, prepared in the first searches of a process (16 of the
// 30 prepares of storebench's 160 first searches at 1x). SQLite prepares
// in-process and keeps IN (?, …).
type ArrayHits interface {
	ArrayHits()
}

// fetchHits reads the rows of the ranked page: from the hit cache where
// it has them (with their stored body and offsets, from DB.bodies, when
// the snippets need them), else in one statement. With the body come the
// terms' offsets (nil where not kept). A row, its body and offsets never
// change once committed, so neither cache needs invalidating.
func (s *DB) fetchHits(ctx context.Context, page []scored, withBody bool) ([]store.Hit, [][]byte, [][]byte, error) {
	if len(page) == 0 {
		return nil, nil, nil, nil
	}
	hits := make([]store.Hit, len(page))
	bodies := make([][]byte, len(page))
	offsets := make([][]byte, len(page))
	set := func(i int, r hitRow) {
		hits[i] = store.Hit{ID: r.id, Title: r.title, Source: r.source, URL: r.url, Published: timeOf(r.published), Score: page[i].score,
			DuplicateOf: r.dupOf.String}
	}
	cache := &s.hits
	if withBody {
		cache = &s.bodies
	}
	var args []any // the rowids to read
	for i, p := range page {
		if r, ok := cache.get(p.doc); ok {
			set(i, r)
			bodies[i], offsets[i] = r.body, r.offsets
			continue
		}
		args = append(args, p.doc)
	}
	if len(args) == 0 {
		return hits, bodies, offsets, nil
	}
	body, offs := "NULL", "NULL"
	if withBody {
		body, offs = "body", "offsets"
	}
	in := `rowid IN (` + placeholders(len(args)) + `)`
	if _, ok := s.d.(ArrayHits); ok {
		ids := make([]int64, len(args))
		for i, a := range args {
			ids[i] = a.(int64)
		}
		var arg any
		in, arg = s.d.IDsIn("rowid", ids)
		args = []any{arg}
	}
	rows, err := s.query(ctx, `SELECT rowid, id, title, source, url, published, `+body+`, `+offs+`,
		`+s.dupID("documents")+` FROM documents WHERE `+in, args...)
	if err != nil {
		return nil, nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var rowid int64
		var r hitRow
		var b, o []byte
		if err := rows.Scan(&rowid, &r.id, &r.title, &r.source, &r.url, &r.published, &b, &o, &r.dupOf); err != nil {
			return nil, nil, nil, err
		}
		i := slices.IndexFunc(page, func(p scored) bool { return p.doc == rowid }) // a page is short
		if i < 0 {
			continue
		}
		set(i, r)
		bodies[i], offsets[i] = b, o
		s.hits.put(rowid, r)
		if withBody {
			r.body, r.offsets = b, o
			s.bodies.put(rowid, r)
		}
	}
	return hits, bodies, offsets, rows.Err()
}
