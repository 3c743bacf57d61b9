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
	"strings"
	"sync"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/store"
)

// Postings: a compact document-level inverted index kept beside the
// full-text index (table postings: one row per term and segment, a segment
// being the articles of one Put, merged into one row per term by
// Optimize). A row's data is the term's articles in rowid order as
// varint pairs (rowid delta, term frequency).
//
// Why: FTS5's bm25() is evaluated for EVERY matching article before the
// sort, and in the pure-Go SQLite each call costs a %_docsize lookup
// (profile of the storebench: 80 % of bm25's time), so a query on a
// frequent word (الرياض: 1,400 of 5,149 articles) took 1.4 ms against
// bleve's 0.15. From the postings and the article lengths (cached in
// memory) the store computes FTS5's own bm25 in Go, for every match, and
// keeps the page: same matches, same scores, same order (tested against
// the FTS5 path), at native speed.
//
// Queries the postings cannot answer alone go to the FTS5 path: a phrase
// (an alternative of several terms needs positions), filters by source or
// date.

// bm25 parameters: FTS5's defaults (fts5_aux.c), which the FTS5 path uses.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// posting is one article of a term's list.
type posting struct {
	doc int64
	tf  int32
}

func appendPostings(b []byte, ps []posting) []byte {
	var last int64
	for _, p := range ps {
		b = binary.AppendUvarint(b, uint64(p.doc-last))
		b = binary.AppendUvarint(b, uint64(p.tf))
		last = p.doc
	}
	return b
}

// decodePostings appends the postings of data (rowid deltas restart at 0
// in every segment) to ps.
func decodePostings(ps []posting, data []byte) ([]posting, error) {
	var last int64
	for len(data) > 0 {
		d, n := binary.Uvarint(data)
		if n <= 0 {
			return ps, fmt.Errorf("postings: corrupt data")
		}
		data = data[n:]
		tf, m := binary.Uvarint(data)
		if m <= 0 {
			return ps, fmt.Errorf("postings: corrupt data")
		}
		data = data[m:]
		last += int64(d)
		ps = append(ps, posting{last, int32(tf)})
	}
	return ps, nil
}

// batchPostings collects the postings of one Put.
type batchPostings struct {
	seg   int64 // the first rowid stored by the batch
	terms map[string][]posting
}

func (bp *batchPostings) add(rowid int64, terms []arabic.Term) {
	if bp.terms == nil {
		bp.terms = map[string][]posting{}
		bp.seg = rowid
	}
	tf := map[string]int32{}
	for _, t := range terms {
		tf[t.Term]++
	}
	for t, n := range tf {
		bp.terms[t] = append(bp.terms[t], posting{rowid, n})
	}
}

// write inserts the batch's segment rows in term order.
func (bp *batchPostings) write(ctx context.Context, tx *sql.Tx, d Dialect) error {
	if len(bp.terms) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, d.Bind(`INSERT INTO postings(term, seg, data) VALUES (?, ?, ?)`))
	if err != nil {
		return fmt.Errorf("postings: %w", err)
	}
	defer st.Close()
	keys := make([]string, 0, len(bp.terms))
	for k := range bp.terms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf []byte
	for _, k := range keys {
		buf = appendPostings(buf[:0], bp.terms[k])
		if _, err := st.ExecContext(ctx, k, bp.seg, buf); err != nil {
			return fmt.Errorf("postings %q: %w", k, err)
		}
	}
	return nil
}

// mergePostings rewrites the postings table with one row per term (the
// segments of every Put concatenated), inside tx.
func mergePostings(ctx context.Context, tx *sql.Tx, d Dialect) error {
	var multi int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT term FROM postings GROUP BY term HAVING count(*) > 1) t`).Scan(&multi); err != nil {
		return err
	}
	if multi == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE postings_merged (term TEXT NOT NULL, seg INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (term, seg)) WITHOUT ROWID`); err != nil {
		return err
	}
	ins, err := tx.PrepareContext(ctx, d.Bind(`INSERT INTO postings_merged(term, seg, data) VALUES (?, ?, ?)`))
	if err != nil {
		return err
	}
	defer ins.Close()
	rows, err := tx.QueryContext(ctx, `SELECT term, seg, data FROM postings ORDER BY term, seg`)
	if err != nil {
		return err
	}
	var (
		cur   string
		first int64
		ps    []posting
		buf   []byte
		have  bool
	)
	flush := func() error {
		if !have {
			return nil
		}
		buf = appendPostings(buf[:0], ps)
		_, err := ins.ExecContext(ctx, cur, first, buf)
		return err
	}
	for rows.Next() {
		var term string
		var seg int64
		var data []byte
		if err := rows.Scan(&term, &seg, &data); err != nil {
			rows.Close()
			return err
		}
		if !have || term != cur {
			if err := flush(); err != nil {
				rows.Close()
				return err
			}
			cur, first, ps, have = term, seg, ps[:0], true
		}
		if ps, err = decodePostings(ps, data); err != nil {
			rows.Close()
			return fmt.Errorf("term %q: %w", term, err)
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	for _, q := range []string{`DROP TABLE postings`, `ALTER TABLE postings_merged RENAME TO postings`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
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

// refreshLens loads the articles stored since the last call, unless the
// cache already holds rowid upto.
func (s *DB) refreshLens(ctx context.Context, upto int64) (lens []int32, n, total int64, err error) {
	c := &s.lens
	c.mu.Lock()
	defer c.mu.Unlock()
	if upto <= c.max {
		return c.lens, c.n, c.total, nil
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
		for int64(len(c.lens)) <= id {
			c.lens = append(c.lens, -1)
		}
		c.lens[id] = int32(nt)
		c.max = id
		c.n++
		c.total += nt
	}
	if err := rows.Close(); err != nil {
		return nil, 0, 0, err
	}
	return c.lens, c.n, c.total, nil
}

// termsOnly says whether every alternative of q is one term (no phrase),
// which the postings answer alone.
func termsOnly(q store.Query) bool {
	for _, cs := range [][]store.Clause{q.Must, q.Not} {
		for _, c := range cs {
			for _, alt := range c.Alts {
				if len(alt) != 1 {
					return false
				}
			}
		}
	}
	return len(q.Must) > 0
}

// termPostings reads the postings of terms (all their segments, in
// order) in one statement, and the highest article rowid (0 when no term
// has postings), which tells whether the cached lengths are current.
func (s *DB) termPostings(ctx context.Context, terms []string) (map[string][]posting, int64, error) {
	args := make([]any, len(terms))
	for i, t := range terms {
		args[i] = t
	}
	rows, err := s.query(ctx, `SELECT term, data, (SELECT max(rowid) FROM documents) FROM postings WHERE term IN (`+
		placeholders(len(terms))+`) ORDER BY term, seg`, args...)
	if err != nil {
		return nil, 0, err
	}
	var maxRowid int64
	defer rows.Close()
	out := make(map[string][]posting, len(terms))
	for rows.Next() {
		var term string
		var data sql.RawBytes
		if err := rows.Scan(&term, &data, &maxRowid); err != nil {
			return nil, 0, err
		}
		ps := out[term]
		if ps == nil {
			ps = make([]posting, 0, len(data)/2) // at least 2 bytes a posting
		}
		if ps, err = decodePostings(ps, data); err != nil {
			return nil, 0, fmt.Errorf("term %q: %w", term, err)
		}
		out[term] = ps
	}
	return out, maxRowid, rows.Err()
}

// scored is one match with its bm25 score (higher is better).
type scored struct {
	doc   int64
	score float64
}

// rankPostings matches a phrase-free query from the postings and returns
// the page [offset, offset+limit) of the matches, best first (ties by
// rowid, as the FTS5 path), and the number of matches. The score is
// FTS5's bm25() negated, computed as fts5_aux.c computes it: for each
// phrase of the query (here each alternative, in query order),
// idf = ln((N - n + 0.5) / (n + 0.5)) (1e-6 when not positive), summed
// over phrases as idf × tf × (k1 + 1) / (tf + k1 × (1 - b + b × D / avgdl)).
func (s *DB) rankPostings(ctx context.Context, q store.Query, limit, offset int) ([]scored, int, error) {
	// Each alternative is one FTS5 phrase; read each distinct term once.
	type phrase struct {
		ps  []posting
		idf float64
	}
	var phrases []*phrase
	byTerm := map[string]*phrase{}
	var terms []string
	for _, cs := range [][]store.Clause{q.Must, q.Not} {
		for _, c := range cs {
			for _, alt := range c.Alts {
				if byTerm[alt[0]] == nil {
					byTerm[alt[0]] = &phrase{}
					terms = append(terms, alt[0])
				}
			}
		}
	}
	got, maxRowid, err := s.termPostings(ctx, terms)
	if err != nil {
		return nil, 0, err
	}
	for t, p := range byTerm {
		p.ps = got[t]
	}
	for _, c := range q.Must {
		found := false
		for _, alt := range c.Alts {
			found = found || len(got[alt[0]]) > 0
		}
		if !found {
			return nil, 0, nil // a clause matches nothing
		}
	}
	clauses := make([][]int, 0, len(q.Must)+len(q.Not)) // phrase indexes of each clause
	for _, cs := range [][]store.Clause{q.Must, q.Not} {
		for _, c := range cs {
			var idx []int
			for _, alt := range c.Alts {
				p := byTerm[alt[0]]
				idx = append(idx, len(phrases))
				phrases = append(phrases, p)
			}
			clauses = append(clauses, idx)
		}
	}
	// The lengths are read after the postings: they cover every article
	// the postings name (a Put commits both together).
	lens, nRow, nToken, err := s.refreshLens(ctx, maxRowid)
	if err != nil {
		return nil, 0, err
	}
	if nRow == 0 {
		return nil, 0, nil
	}
	avgdl := float64(nToken) / float64(nRow)
	for _, p := range phrases {
		nHit := float64(len(p.ps))
		idf := math.Log((float64(nRow-int64(len(p.ps))) + 0.5) / (nHit + 0.5))
		if idf <= 0 {
			idf = 1e-6
		}
		p.idf = idf
	}
	// Candidates: the articles of the rarest Must clause (the union of its
	// alternatives), then kept if every other Must clause has them and no
	// Not clause does.
	nMust := len(q.Must)
	union := func(c []int) []int64 {
		if len(c) == 1 {
			ds := make([]int64, len(phrases[c[0]].ps))
			for i, p := range phrases[c[0]].ps {
				ds[i] = p.doc
			}
			return ds
		}
		var ds []int64
		for _, i := range c {
			for _, p := range phrases[i].ps {
				ds = append(ds, p.doc)
			}
		}
		slices.Sort(ds)
		return slices.Compact(ds)
	}
	size := func(c []int) int {
		n := 0
		for _, i := range c {
			n += len(phrases[i].ps)
		}
		return n
	}
	best := 0
	for i := 1; i < nMust; i++ {
		if size(clauses[i]) < size(clauses[best]) {
			best = i
		}
	}
	cand := union(clauses[best])
	// tf[i] is phrase i's frequency in the candidate being scored; cursors
	// walk each phrase's postings forward (candidates ascend).
	cursor := make([]int, len(phrases))
	tfOf := func(i int, doc int64) int32 {
		ps := phrases[i].ps
		j := cursor[i]
		if j < len(ps) && ps[j].doc < doc {
			// Gallop then binary search: long lists against few candidates.
			j += sort.Search(len(ps)-j, func(k int) bool { return ps[j+k].doc >= doc })
		}
		cursor[i] = j
		if j < len(ps) && ps[j].doc == doc {
			return ps[j].tf
		}
		return 0
	}
	tf := make([]int32, len(phrases))
	// Keep the best offset+limit in a min-heap (worst on top): the page
	// needs no full sort of thousands of matches.
	k := offset + limit
	top := make(scoredHeap, 0, min(k, len(cand)))
	total := 0
	for _, doc := range cand {
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
		var D float64
		if doc < int64(len(lens)) && lens[doc] >= 0 {
			D = float64(lens[doc])
		}
		score := 0.0
		for i, p := range phrases {
			f := float64(tf[i])
			// Written as fts5Bm25Function writes it, with explicit
			// conversions so no multiply-add is fused: the same doubles.
			// C evaluates b*D/avgdl as (b*D)/avgdl.
			num := float64(f * (bm25K1 + 1.0))
			den := float64(f + float64(bm25K1*float64(1-bm25B+float64(float64(bm25B*D)/avgdl))))
			score = float64(score + float64(p.idf*float64(num/den)))
		}
		total++
		x := scored{doc, score}
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
	if offset >= len(out) {
		return nil, total, nil
	}
	return out[offset:], total, nil
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

// fetchHits reads the rows of the ranked page.
func (s *DB) fetchHits(ctx context.Context, page []scored, withBody bool) ([]store.Hit, [][]byte, error) {
	if len(page) == 0 {
		return nil, nil, nil
	}
	body := "NULL"
	if withBody {
		body = "body"
	}
	args := make([]any, len(page))
	at := make(map[int64]int, len(page))
	for i, p := range page {
		args[i] = p.doc
		at[p.doc] = i
	}
	rows, err := s.query(ctx, `SELECT rowid, id, title, source, url, published, `+body+` FROM documents WHERE rowid IN (`+
		strings.TrimSuffix(strings.Repeat("?, ", len(page)), ", ")+`)`, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	hits := make([]store.Hit, len(page))
	bodies := make([][]byte, len(page))
	for rows.Next() {
		var rowid int64
		var h store.Hit
		var pub sql.NullInt64
		var b []byte
		if err := rows.Scan(&rowid, &h.ID, &h.Title, &h.Source, &h.URL, &pub, &b); err != nil {
			return nil, nil, err
		}
		i, ok := at[rowid]
		if !ok {
			continue
		}
		h.Published = timeOf(pub)
		h.Score = page[i].score
		hits[i], bodies[i] = h, b
	}
	return hits, bodies, rows.Err()
}
