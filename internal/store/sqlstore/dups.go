package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/story"
)

// Near-duplicates: the MinHash of `marsad extract` (story.MinHash with
// story.DefaultOptions, DB.mh), so that every Put, whatever process or
// batch it runs in, finds the near-duplicates among the stored articles.
//
// Put signs the articles outside the transaction, only as far as their LSH
// keys need (story.MinHash.KeySignature: 36 of the 128 values; the words
// come from the analysis of the terms, search.Analyzer.TermsWords). Inside
// it (under Dialect.LockWrites) one statement lists the stored articles
// sharing one of the batch's keys (12 an article: doc_bands on SQLite, the
// GIN-indexed array documents.bands on PostgreSQL), with their groups.
// An article whose candidates are all of one group, one of them having
// all its 12 keys, joins that group without more (find says what that
// costs in precision: next to nothing). Any other article with candidates
// is signed in full (its key signature completed, before the loop, on
// every CPU: presign) and confirmed against them by the estimated
// Jaccard, a stored candidate being signed again from its stored text
// (no signature is stored); it records in dup_of the group's earliest
// stored article. When every candidate is of one group, the first one
// confirmed decides (the most similar would give the same group); else
// all are compared, the most similar winning (ties: the earliest stored),
// as extract does. The full signatures computed are kept in memory for a
// while (sigCache): reposts come close together.
//
// What it costs is in docs/BENCHMARKS.md. The first version kept the
// signature (512 bytes) and 32 keys per article and looked up every
// article on its own: SQLite 1.37× → 1.70× the raw text, PostgreSQL 1.23×
// → 2.20×, SQLite ingest CPU 0.67 → 1.25 ms an article.

// minhashVersion names the keys' parameters in meta 'minhash'.
const minhashVersion = "story.DefaultOptions/keys12x3"

// wordsAnalyzer is an analyzer that also returns the words it tokenised
// (search.Analyzer.TermsWords): signing then costs no second tokenisation
// (two thirds of a signature's time before).
type wordsAnalyzer interface {
	TermsWords(text string) ([]arabic.Term, []string)
	Words(text string) []string // the same words alone (a candidate signed again)
}

// words are the words text is signed over: the analyzer's, else
// story.Words (the same for marsad's analyzer: search
// TestTermsWordsAreStoryWords).
func (s *DB) words(text string) []string {
	if wa, ok := s.an.(wordsAnalyzer); ok {
		return wa.Words(text)
	}
	return story.Words(text)
}

// keys returns the LSH keys of words as stored (signed 32 bits: 4 bytes in
// SQLite's record format, PostgreSQL's integer), distinct, and the key
// signature they come from (completed, not computed again, when the
// article has candidates: story.MinHash.CompleteSignature).
func (s *DB) keys(words []string) ([]int32, []uint64) {
	var keys []int32
	ksig := s.mh.KeySignature(words)
	for _, k := range s.mh.Keys(ksig) {
		if v := int32(uint32(k)); !slices.Contains(keys, v) {
			keys = append(keys, v)
		}
	}
	return keys, ksig
}

// sigCache keeps the full signatures last computed (by rowid; an article
// never changes), so that a repost of a recent article is confirmed
// without reading and signing the original again. 16,384 signatures of
// 1 KiB at most.
type sigCache struct {
	mu   sync.Mutex
	m    map[int64][]uint64
	ring []int64 // insertion order, for eviction
	next int
}

const sigCacheSize = 16384

func (c *sigCache) get(rowid int64) []uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[rowid]
}

func (c *sigCache) put(rowid int64, sig []uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[int64][]uint64{}
		c.ring = make([]int64, 0, sigCacheSize)
	}
	if _, ok := c.m[rowid]; ok {
		return
	}
	if len(c.ring) < sigCacheSize {
		c.ring = append(c.ring, rowid)
	} else {
		delete(c.m, c.ring[c.next])
		c.ring[c.next] = rowid
		c.next = (c.next + 1) % sigCacheSize
	}
	c.m[rowid] = sig
}

// dupCand is a candidate: a stored article sharing a key with the batch,
// or an article of the batch.
type dupCand struct {
	root   int64  // its group's earliest article
	rootID string // that article's id
	words  []string
	sig    []uint64 // full signature, once computed
}

// dupFinder holds the candidates of one batch.
type dupFinder struct {
	s     *DB
	ctx   context.Context
	tx    *sql.Tx
	byKey map[int32][]int64 // key → rowids
	cands map[int64]*dupCand
	// signatures of the batch's articles, cached once it is committed (a
	// rolled back rowid may be given again)
	pending map[int64][]uint64
}

// committed caches the signatures of the batch's articles.
func (f *dupFinder) committed() {
	for row, sig := range f.pending {
		f.s.sigs.put(row, sig)
	}
}

// KeyGroupRows is a Dialect whose key look-up (Dialect.KeyRows) also
// returns each stored article's group: its dup_of, else itself (root),
// and that article's id, in the same statement.
type KeyGroupRows interface {
	KeyGroupRows(ctx context.Context, tx *sql.Tx, keys [][]int64, all []int64, fn func(doc int64, key int32, root int64, rootID string)) error
}

// newDupFinder lists the stored articles having one of keys (one
// statement), with their groups (another, or the same: KeyGroupRows).
func (s *DB) newDupFinder(ctx context.Context, tx *sql.Tx, keys [][]int32) (*dupFinder, error) {
	f := &dupFinder{s: s, ctx: ctx, tx: tx, byKey: map[int32][]int64{}, cands: map[int64]*dupCand{}, pending: map[int64][]uint64{}}
	if !s.dups {
		return f, nil
	}
	want := map[int32]bool{}
	var all []int64
	byArticle := make([][]int64, len(keys))
	for i, ks := range keys {
		for _, k := range ks {
			byArticle[i] = append(byArticle[i], int64(k))
			if !want[k] {
				want[k] = true
				all = append(all, int64(k))
			}
		}
	}
	if len(all) == 0 {
		return f, nil
	}
	if kg, ok := s.d.(KeyGroupRows); ok {
		// one statement: the candidates with their groups
		t := time.Now()
		err := kg.KeyGroupRows(ctx, tx, byArticle, all, func(doc int64, key int32, root int64, rootID string) {
			if !want[key] {
				return
			}
			if _, ok := f.cands[doc]; !ok {
				f.cands[doc] = &dupCand{root: root, rootID: rootID, sig: s.sigs.get(doc)}
			}
			f.byKey[key] = append(f.byKey[key], doc)
		})
		if err != nil {
			return nil, err
		}
		s.phases.lap("dup: key rows", &t)
		err = f.prefetch(keys)
		s.phases.lap("dup: prefetch", &t)
		return f, err
	}
	var docs []int64
	err := s.d.KeyRows(ctx, tx, byArticle, all, func(doc int64, key int32) {
		if !want[key] { // PostgreSQL lists all the keys of an article having one
			return
		}
		if _, ok := f.cands[doc]; !ok {
			f.cands[doc] = &dupCand{}
			docs = append(docs, doc)
		}
		f.byKey[key] = append(f.byKey[key], doc)
	})
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return f, nil
	}
	in, arg := s.d.IDsIn("d.rowid", docs)
	rows, err := tx.QueryContext(ctx, s.d.Bind(`SELECT d.rowid, COALESCE(d.dup_of, d.rowid), COALESCE(o.id, d.id)
		FROM documents d LEFT JOIN documents o ON o.rowid = d.dup_of WHERE `+in), arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var doc int64
		c := &dupCand{}
		if err := rows.Scan(&doc, &c.root, &c.rootID); err != nil {
			rows.Close()
			return nil, err
		}
		c.sig = s.sigs.get(doc)
		f.cands[doc] = c
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	return f, f.prefetch(keys)
}

// candidates lists the candidates of an article with keys (distinct),
// in the order found, and tells whether they are all of one group and
// whether one of them has every key of the article: KeyBands keys, so
// the same first KeyBands×KeyRows signature values.
func (f *dupFinder) candidates(keys []int32, rows []int64) (_ []int64, oneGroup, allKeys bool) {
	rows = rows[:0]
	var shared []int // by rows' index
	var root int64
	oneGroup = true
	for _, k := range keys {
		for _, row := range f.byKey[k] {
			i := slices.Index(rows, row)
			if i < 0 {
				i = len(rows)
				rows = append(rows, row)
				shared = append(shared, 0)
				if r := f.cands[row].root; len(rows) == 1 {
					root = r
				} else if r != root {
					oneGroup = false
				}
			}
			shared[i]++
		}
	}
	if len(keys) == story.KeyBands {
		allKeys = slices.Contains(shared, len(keys))
	}
	return rows, oneGroup, allKeys
}

// prefetch signs again, before the batch's articles are looked at one by
// one, the stored candidates find will want: for an article whose stored
// candidates are of one group, none having all its keys and none signed
// yet, the earliest; for one whose candidates span groups, every one not
// signed. Their texts are read in one statement (not one round trip each)
// and signed on every CPU. (find signs any other it needs as it goes.)
func (f *dupFinder) prefetch(keys [][]int32) error {
	need := map[int64]bool{}
	var rows []int64
	for _, ks := range keys {
		var oneGroup, allKeys bool
		rows, oneGroup, allKeys = f.candidates(ks, rows)
		signed := false
		for _, row := range rows {
			signed = signed || f.cands[row].sig != nil
		}
		switch {
		case len(rows) == 0 || (oneGroup && (signed || allKeys)):
		case oneGroup:
			need[slices.Min(rows)] = true
		default:
			for _, row := range rows {
				if f.cands[row].sig == nil {
					need[row] = true
				}
			}
		}
	}
	if len(need) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(need))
	for row := range need {
		ids = append(ids, row)
	}
	in, arg := f.s.d.IDsIn("rowid", ids)
	q, err := f.tx.QueryContext(f.ctx, f.s.d.Bind(`SELECT rowid, body FROM documents WHERE `+in), arg)
	if err != nil {
		return err
	}
	type text struct {
		row  int64
		body []byte
	}
	var texts []text
	for q.Next() {
		var t text
		if err := q.Scan(&t.row, &t.body); err != nil {
			q.Close()
			return err
		}
		texts = append(texts, t)
	}
	if err := q.Close(); err != nil {
		return err
	}
	sigs := make([][]uint64, len(texts))
	errs := make([]error, len(texts))
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(texts))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(texts); i += workers {
				t, err := f.s.d.DecodeBody(texts[i].body)
				if err != nil {
					errs[i] = err
					continue
				}
				if sigs[i] = f.s.mh.Signature(f.s.words(t)); sigs[i] == nil {
					sigs[i] = []uint64{}
				}
			}
		}()
	}
	wg.Wait()
	for i, t := range texts {
		if errs[i] != nil {
			return errs[i]
		}
		f.cands[t.row].sig = sigs[i]
		f.s.sigs.put(t.row, sigs[i]) // a committed article's
	}
	return nil
}

// signature is candidate row's full signature: computed from its words (an
// article of the batch) or its stored text, once.
func (f *dupFinder) signature(row int64) ([]uint64, error) {
	c := f.cands[row]
	if c.sig != nil {
		return c.sig, nil
	}
	words := c.words
	if words == nil {
		var body []byte
		if err := f.tx.QueryRowContext(f.ctx, f.s.d.Bind(`SELECT body FROM documents WHERE rowid = ?`), row).Scan(&body); err != nil {
			return nil, err
		}
		text, err := f.s.d.DecodeBody(body)
		if err != nil {
			return nil, err
		}
		words = f.s.words(text)
	}
	c.sig = f.s.mh.Signature(words)
	if c.sig == nil {
		c.sig = []uint64{} // no words: like no signature, nobody's near-duplicate
	}
	if c.words != nil {
		f.pending[row] = c.sig
	} else {
		f.s.sigs.put(row, c.sig) // a committed article's
	}
	return c.sig, nil
}

// presign computes on every CPU, before the batch's articles are looked
// at one by one, the full signatures find will want of the articles
// having stored candidates (not those skip, and not those whose
// candidates are one group, one having all their keys); nil for the
// others.
func (f *dupFinder) presign(words [][]string, keySigs [][]uint64, keys [][]int32, skip func(int) bool) [][]uint64 {
	var todo []int
	var rows []int64
	for i, ks := range keys {
		if len(f.cands) == 0 {
			break
		}
		var oneGroup, allKeys bool
		if rows, oneGroup, allKeys = f.candidates(ks, rows); len(rows) == 0 || (oneGroup && allKeys) || skip(i) {
			continue
		}
		todo = append(todo, i)
	}
	if len(todo) == 0 {
		return nil
	}
	sigs := make([][]uint64, len(keys))
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(todo))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := w; j < len(todo); j += workers {
				i := todo[j]
				sigs[i] = f.s.mh.CompleteSignature(words[i], keySigs[i])
			}
		}()
	}
	wg.Wait()
	return sigs
}

// find returns the group (its earliest article's rowid and id) of the
// candidate the article (words, keys, its key signature keySig; sig its
// full signature if computed already) near-duplicates, 0 for none, and
// its full signature when it was computed.
//
// A candidate of the only group having all the article's keys (the same
// first 36 signature values) decides without the full signatures: a pair
// of shingle Jaccard J has them all equal with probability J^36 (3×10⁻⁴
// at 0.8, 3×10⁻⁶ at 0.7), and the chance that it does while the 128 values
// would refuse it (fewer than 103 equal: fewer than 67 of the other 92,
// Binomial(92, J)) is J^36 × P(Bin(92, J) ≤ 66), at most 1.3×10⁻⁵ (at
// J = 0.79). The 128 values alone link a pair of J 0.75 with probability
// 0.09, of 0.7 with 0.005: the shortcut's error is far below the
// estimate's own.
func (f *dupFinder) find(words []string, keySig []uint64, keys []int32, sig []uint64) (int64, string, []uint64, error) {
	rows, oneGroup, allKeys := f.candidates(keys, nil)
	if len(rows) == 0 {
		return 0, "", nil, nil
	}
	if oneGroup && allKeys {
		return f.cands[rows[0]].root, f.cands[rows[0]].rootID, nil, nil
	}
	if sig == nil {
		sig = f.s.mh.CompleteSignature(words, keySig)
	}
	if oneGroup {
		// one group: the first confirmed decides; those signed already first
		slices.SortStableFunc(rows, func(a, b int64) int {
			return cmp.Compare(len(f.cands[b].sig), len(f.cands[a].sig))
		})
		for _, row := range rows {
			cs, err := f.signature(row)
			if err != nil {
				return 0, "", nil, err
			}
			if f.s.mh.Similarity(sig, cs) >= f.s.mh.Threshold() {
				return f.cands[row].root, f.cands[row].rootID, sig, nil
			}
		}
		return 0, "", sig, nil
	}
	var best int64
	bestSim := 0.0
	for _, row := range rows {
		cs, err := f.signature(row)
		if err != nil {
			return 0, "", nil, err
		}
		sim := f.s.mh.Similarity(sig, cs)
		if sim < f.s.mh.Threshold() || sim < bestSim || (sim == bestSim && best != 0 && row > best) {
			continue
		}
		best, bestSim = row, sim
	}
	if best == 0 {
		return 0, "", sig, nil
	}
	return f.cands[best].root, f.cands[best].rootID, sig, nil
}

// add makes the article stored as rowid (its words, keys, group, and full
// signature if computed) a candidate for the next ones.
func (f *dupFinder) add(rowid int64, id string, words []string, keys []int32, sig []uint64, root int64, rootID string) {
	if root == 0 {
		root, rootID = rowid, id
	}
	f.cands[rowid] = &dupCand{root: root, rootID: rootID, words: words, sig: sig}
	if sig != nil {
		f.pending[rowid] = sig
	}
	for _, k := range keys {
		f.byKey[k] = append(f.byKey[k], rowid)
	}
}

// keyRows are the doc_bands rows of a batch, written at its end in a few
// statements sorted by key (SQLite; one statement per article cost as much
// as the article's own row: storebench -cpuprofile).
type keyRows struct{ rows [][2]int64 }

// add records rowid's keys where the dialect keeps them in doc_bands (on
// PostgreSQL they go in with the row: documents.bands).
func (k *keyRows) add(d Dialect, rowid int64, keys []int32) {
	if d.KeysColumn() {
		return
	}
	for _, key := range keys {
		k.rows = append(k.rows, [2]int64{int64(key), rowid})
	}
}

func (k *keyRows) write(ctx context.Context, tx *sql.Tx, d Dialect) error {
	slices.SortFunc(k.rows, func(a, b [2]int64) int {
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		return cmp.Compare(a[1], b[1])
	})
	const per = 400 // rows a statement (two variables each)
	var args []any
	for len(k.rows) > 0 {
		n := min(per, len(k.rows))
		args = args[:0]
		for _, r := range k.rows[:n] {
			args = append(args, r[0], r[1])
		}
		if _, err := tx.ExecContext(ctx, d.Bind(`INSERT INTO doc_bands(key, doc) VALUES `+
			strings.TrimSuffix(strings.Repeat("(?, ?), ", n), ", ")), args...); err != nil {
			return err
		}
		k.rows = k.rows[n:]
	}
	return nil
}

// backfillMinHash gives the articles stored before migration 0005
// (SQLite) / 0006 (PostgreSQL) their keys and dup_of, in rowid order (the
// order they were stored in: the result is the one a fresh ingest of them
// would give), once, under the writers' lock, in one transaction.
func (s *DB) backfillMinHash(ctx context.Context) error {
	if !s.dups {
		return nil
	}
	return s.backfillOnce(ctx, "minhash", minhashVersion, func(tx *sql.Tx, done string) error { return s.fillMinHash(ctx, tx, done) })
}

// fillMinHash signs every stored article and links its near-duplicates
// (backfillMinHash); done is the parameters' version of the keys already
// stored, "" for none.
func (s *DB) fillMinHash(ctx context.Context, tx *sql.Tx, done string) error {
	if done != "" {
		// keys of other parameters: start again
		qs := []string{`UPDATE documents SET dup_of = NULL WHERE dup_of IS NOT NULL`, `DELETE FROM doc_bands`}
		if s.d.KeysColumn() {
			qs = []string{`UPDATE documents SET dup_of = NULL, bands = NULL`}
		}
		for _, q := range qs {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
	}
	set := `dup_of = ?`
	if s.d.KeysColumn() {
		set += `, bands = ` + s.d.KeysPlaceholder()
	}
	update := s.d.Bind(`UPDATE documents SET ` + set + ` WHERE rowid = ?`)
	const chunk = 500
	for last := int64(-1 << 62); ; {
		rows, err := tx.QueryContext(ctx, s.d.Bind(`SELECT rowid, id, body FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?`), last, chunk)
		if err != nil {
			return err
		}
		type doc struct {
			row   int64
			id    string
			body  []byte
			words []string
		}
		var docs []doc
		for rows.Next() {
			var d doc
			if err := rows.Scan(&d.row, &d.id, &d.body); err != nil {
				rows.Close()
				return err
			}
			docs = append(docs, d)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if len(docs) == 0 {
			break
		}
		keys := make([][]int32, len(docs))
		ksigs := make([][]uint64, len(docs))
		for i := range docs {
			text, err := s.d.DecodeBody(docs[i].body)
			if err != nil {
				return err
			}
			docs[i].words = s.words(text)
			keys[i], ksigs[i] = s.keys(docs[i].words)
		}
		f, err := s.newDupFinder(ctx, tx, keys)
		if err != nil {
			return err
		}
		var kr keyRows
		for i, d := range docs {
			root, rootID, sig, err := f.find(d.words, ksigs[i], keys[i], nil)
			if err != nil {
				return err
			}
			if root == 0 && !s.d.KeysColumn() {
				// nothing to update
			} else {
				var dup any
				if root != 0 {
					dup = root
				}
				args := []any{dup}
				if s.d.KeysColumn() {
					args = append(args, keysOrNil(s.d, keys[i]))
				}
				if _, err := tx.ExecContext(ctx, update, append(args, d.row)...); err != nil {
					return err
				}
			}
			kr.add(s.d, d.row, keys[i])
			f.add(d.row, d.id, d.words, keys[i], sig, root, rootID)
		}
		if err := kr.write(ctx, tx, s.d); err != nil {
			return err
		}
		last = docs[len(docs)-1].row
	}
	return nil // (the signatures computed are not cached: rare)
}

// keysOrNil is the stored value of keys in documents.bands.
func keysOrNil(d Dialect, keys []int32) any {
	if len(keys) == 0 {
		return nil
	}
	ks := make([]int64, len(keys))
	for i, k := range keys {
		ks[i] = int64(k)
	}
	return d.KeysArg(ks)
}

// duplicates lists the other articles of rowid's near-duplicate group
// (root: its dup_of, else itself), earliest stored first.
func (s *DB) duplicates(ctx context.Context, rowid int64, dupOf sql.NullInt64) ([]store.ArticleRef, error) {
	if !s.dups {
		return nil, nil
	}
	root := rowid
	if dupOf.Valid {
		root = dupOf.Int64
	}
	rows, err := s.db.QueryContext(ctx, s.d.Bind(`SELECT id, title, source, published FROM documents
		WHERE (rowid = ? OR dup_of = ?) AND rowid <> ? ORDER BY rowid LIMIT 100`), root, root, rowid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.ArticleRef
	for rows.Next() {
		var a store.ArticleRef
		var pub sql.NullInt64
		if err := rows.Scan(&a.ID, &a.Title, &a.Source, &pub); err != nil {
			return nil, err
		}
		a.Published = timeOf(pub)
		out = append(out, a)
	}
	return out, rows.Err()
}

// dupID is the SQL for the id of the article the documents row named
// table near-duplicates (NULL for none, or in a schema without them).
func (s *DB) dupID(table string) string {
	if !s.dups {
		return "NULL"
	}
	return "(SELECT o.id FROM documents o WHERE o.rowid = " + table + ".dup_of)"
}

// dupRow is the SQL for the rowid it near-duplicates (NULL for none).
func (s *DB) dupRow(table string) string {
	if !s.dups {
		return "NULL"
	}
	return table + ".dup_of"
}
