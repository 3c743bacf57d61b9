package sqlstore

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"slices"
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/story"
)

// Near-duplicates: the MinHash of `marsad extract` (story.MinHash with
// story.DefaultOptions, DB.mh), kept per article so that every Put, whatever
// process or batch it runs in, finds the near-duplicates among the stored
// articles. Put signs the articles outside the transaction (the words come
// from the analysis of the terms: TermsWords); inside it (under
// Dialect.LockWrites) one statement lists the stored articles sharing one
// of the batch's LSH keys (story.MinHash.Keys: 12 per article, in
// doc_bands on SQLite, in the GIN-indexed array documents.bands on
// PostgreSQL) with their signatures (documents.minhash); each new article
// is confirmed against them and the batch's earlier articles by the
// estimated Jaccard, and records in dup_of the group's earliest stored
// article.
//
// What it costs (storebench, arabic-news ×1, docs/BENCHMARKS.md): the
// signature kept as 16 bits per value (256 bytes), 12 keys, one lookup
// per batch. The first version kept 32 bits per value and 32 keys per
// article and looked up every article on its own: SQLite 1.37× → 1.70× the
// raw text, PostgreSQL 1.23× → 2.20×, SQLite ingest CPU 0.67 → 1.25 ms per
// article.

// minhashVersion names the signature's parameters in meta 'minhash'.
const minhashVersion = "story.DefaultOptions/128x16/keys12x3"

// encodeSig keeps the low 16 bits of each value: 256 bytes for 128
// hashes. Two unequal values agree in their low 16 bits with probability
// 2⁻¹⁶: a pair's estimate is extract's unless one of its ~26 unequal
// values (at the 0.8 threshold) collides, 1 pair in 2,500 at the
// threshold's very edge (102 of 128 equal) and none elsewhere.
func encodeSig(sig []uint64) []byte {
	if sig == nil {
		return []byte{} // no words: signed, nobody's near-duplicate
	}
	b := make([]byte, 2*len(sig))
	for i, v := range sig {
		binary.LittleEndian.PutUint16(b[2*i:], uint16(v))
	}
	return b
}

// sigSimilarity is the share of equal values of two encoded signatures.
func sigSimilarity(a, b []byte) float64 {
	if len(a) != len(b) || len(a) == 0 {
		return 0
	}
	eq := 0
	for i := 0; i+2 <= len(a); i += 2 {
		if a[i] == b[i] && a[i+1] == b[i+1] {
			eq++
		}
	}
	return float64(eq) / float64(len(a)/2)
}

// wordsAnalyzer is an analyzer that also returns the words it tokenised
// (search.Analyzer.TermsWords): the signature then costs no second
// tokenisation (a third of Put's analysis time before).
type wordsAnalyzer interface {
	TermsWords(text string) ([]arabic.Term, []string)
}

// words are the words text is signed over: the analyzer's, else
// story.Words (the same for marsad's analyzer: search
// TestTermsWordsAreStoryWords).
func (s *DB) words(text string) []string {
	if wa, ok := s.an.(wordsAnalyzer); ok {
		_, w := wa.TermsWords(text)
		return w
	}
	return story.Words(text)
}

// sign returns the stored signature of words and its LSH keys as stored
// (signed 32 bits: 4 bytes in SQLite's record format, PostgreSQL's
// integer), distinct.
func (s *DB) sign(words []string) ([]byte, []int32) {
	sig := s.mh.Signature(words)
	var keys []int32
	for _, k := range s.mh.Keys(sig) {
		if v := int32(uint32(k)); !slices.Contains(keys, v) {
			keys = append(keys, v)
		}
	}
	return encodeSig(sig), keys
}

// dupInfo is what a candidate is confirmed with.
type dupInfo struct {
	sig    []byte
	root   int64  // its group's earliest article
	rootID string // that article's id
}

// dupFinder holds the candidates of one batch: the stored articles
// sharing a key with one of its articles, and its articles as they are
// stored.
type dupFinder struct {
	s     *DB
	byKey map[int32][]int64 // key → rowids
	info  map[int64]dupInfo
}

// newDupFinder lists the stored articles having one of keys (one
// statement), with their signatures and groups (another).
func (s *DB) newDupFinder(ctx context.Context, tx *sql.Tx, keys [][]int32) (*dupFinder, error) {
	f := &dupFinder{s: s, byKey: map[int32][]int64{}, info: map[int64]dupInfo{}}
	if !s.dups {
		return f, nil
	}
	want := map[int32]bool{}
	var all []int64
	for _, ks := range keys {
		for _, k := range ks {
			if !want[k] {
				want[k] = true
				all = append(all, int64(k))
			}
		}
	}
	if len(all) == 0 {
		return f, nil
	}
	rows, err := tx.QueryContext(ctx, s.d.Bind(s.d.KeyRows()), s.d.KeysArg(all))
	if err != nil {
		return nil, err
	}
	var docs []int64
	for rows.Next() {
		var doc int64
		var key int32
		if err := rows.Scan(&doc, &key); err != nil {
			rows.Close()
			return nil, err
		}
		if !want[key] { // PostgreSQL lists all the keys of an article having one
			continue
		}
		if _, ok := f.info[doc]; !ok {
			f.info[doc] = dupInfo{}
			docs = append(docs, doc)
		}
		f.byKey[key] = append(f.byKey[key], doc)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return f, nil
	}
	in, arg := s.d.IDsIn("d.rowid", docs)
	rows, err = tx.QueryContext(ctx, s.d.Bind(`SELECT d.rowid, d.minhash, COALESCE(d.dup_of, d.rowid), COALESCE(o.id, d.id)
		FROM documents d LEFT JOIN documents o ON o.rowid = d.dup_of WHERE `+in), arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var doc int64
		var in dupInfo
		if err := rows.Scan(&doc, &in.sig, &in.root, &in.rootID); err != nil {
			return nil, err
		}
		f.info[doc] = in
	}
	return f, rows.Err()
}

// find returns the group (its earliest article's rowid and id) of the
// candidate the article signed sig near-duplicates: the most similar at
// story's threshold, ties to the earliest stored, as extract does; 0 for
// none.
func (f *dupFinder) find(sig []byte, keys []int32) (int64, string) {
	var best int64
	bestSim := 0.0
	for _, k := range keys {
		for _, row := range f.byKey[k] {
			sim := sigSimilarity(sig, f.info[row].sig)
			if sim < f.s.mh.Threshold() || sim < bestSim || (sim == bestSim && best != 0 && row > best) {
				continue
			}
			best, bestSim = row, sim
		}
	}
	if best == 0 {
		return 0, ""
	}
	return f.info[best].root, f.info[best].rootID
}

// add makes the article stored as rowid a candidate for the next ones.
func (f *dupFinder) add(rowid int64, id string, sig []byte, keys []int32, root int64, rootID string) {
	if root == 0 {
		root, rootID = rowid, id
	}
	f.info[rowid] = dupInfo{sig: sig, root: root, rootID: rootID}
	for _, k := range keys {
		f.byKey[k] = append(f.byKey[k], rowid)
	}
}

// putKeys stores rowid's keys where the dialect keeps them in doc_bands
// (on PostgreSQL they went in with the row: documents.bands).
func (s *DB) putKeys(ctx context.Context, tx *sql.Tx, rowid int64, keys []int32) error {
	if len(keys) == 0 || s.d.KeysColumn() {
		return nil
	}
	args := make([]any, 0, 2*len(keys))
	for _, k := range keys {
		args = append(args, k, rowid)
	}
	_, err := tx.ExecContext(ctx, s.d.Bind(`INSERT INTO doc_bands(key, doc) VALUES `+
		strings.TrimSuffix(strings.Repeat("(?, ?), ", len(keys)), ", ")), args...)
	return err
}

// backfillMinHash gives the articles stored before migration 0005 (SQLite)
// / 0006 (PostgreSQL) their signatures, keys and dup_of, in rowid order
// (the order they were stored in: the result is the one a fresh ingest of
// them would give), once, under the writers' lock.
func (s *DB) backfillMinHash(ctx context.Context) error {
	if !s.dups {
		return nil
	}
	var done string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'minhash'`).Scan(&done)
	if err == nil && done == minhashVersion {
		return nil
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := s.d.LockWrites(ctx, tx); err != nil {
		return err
	}
	done = ""
	if err := tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'minhash'`).Scan(&done); err == nil && done == minhashVersion {
		return nil // another process did it
	}
	if done != "" {
		// signatures of other parameters: start again
		qs := []string{`UPDATE documents SET minhash = NULL, dup_of = NULL`, `DELETE FROM doc_bands`}
		if s.d.KeysColumn() {
			qs = []string{`UPDATE documents SET minhash = NULL, dup_of = NULL, bands = NULL`}
		}
		for _, q := range qs {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
	}
	set := `minhash = ?, dup_of = ?`
	if s.d.KeysColumn() {
		set += `, bands = ` + s.d.KeysPlaceholder()
	}
	update := s.d.Bind(`UPDATE documents SET ` + set + ` WHERE rowid = ?`)
	const chunk = 500
	for last := int64(-1 << 62); ; {
		rows, err := tx.QueryContext(ctx, s.d.Bind(`SELECT rowid, id, body FROM documents WHERE minhash IS NULL AND rowid > ? ORDER BY rowid LIMIT ?`), last, chunk)
		if err != nil {
			return err
		}
		type doc struct {
			row  int64
			id   string
			body []byte
			sig  []byte
			keys []int32
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
		for i := range docs {
			text, err := s.d.DecodeBody(docs[i].body)
			if err != nil {
				return err
			}
			docs[i].sig, docs[i].keys = s.sign(s.words(text))
			keys[i] = docs[i].keys
		}
		f, err := s.newDupFinder(ctx, tx, keys)
		if err != nil {
			return err
		}
		for _, d := range docs {
			root, rootID := f.find(d.sig, d.keys)
			var dup any
			if root != 0 {
				dup = root
			}
			args := []any{d.sig, dup}
			if s.d.KeysColumn() {
				args = append(args, keysOrNil(s.d, d.keys))
			}
			if _, err := tx.ExecContext(ctx, update, append(args, d.row)...); err != nil {
				return err
			}
			if err := s.putKeys(ctx, tx, d.row, d.keys); err != nil {
				return err
			}
			f.add(d.row, d.id, d.sig, d.keys, root, rootID)
		}
		last = docs[len(docs)-1].row
	}
	if _, err := tx.ExecContext(ctx, s.d.Bind(`INSERT INTO meta(key, value) VALUES ('minhash', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`), minhashVersion); err != nil {
		return err
	}
	return tx.Commit()
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
