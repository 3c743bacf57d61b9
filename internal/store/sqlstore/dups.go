package sqlstore

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"strings"

	"github.com/marsad-project/marsad/internal/store"
)

// Near-duplicates: the MinHash of `marsad extract` (story.MinHash with
// story.DefaultOptions, DB.mh), kept per article so that every Put, whatever
// process or batch it runs in, finds the near-duplicates among the stored
// articles. Put computes the signatures outside the transaction; inside it
// (under Dialect.LockWrites), each new article looks up the articles
// sharing one of its LSH band keys (doc_bands), confirms them by the
// estimated Jaccard of the signatures (documents.minhash), and records in
// dup_of the group's earliest stored article; then its own band keys go
// in, so a later article of the same batch sees it.

// minhashVersion names the signature's parameters in meta 'minhash'.
const minhashVersion = "story.DefaultOptions/128x32/low32"

// encodeSig keeps the low 32 bits of each value: 512 bytes for 128 hashes.
// Two unequal values agree in their low 32 bits with probability 2⁻³²: the
// estimate is extract's but for a pair in some ten million.
func encodeSig(sig []uint64) []byte {
	if sig == nil {
		return nil
	}
	b := make([]byte, 4*len(sig))
	for i, v := range sig {
		binary.LittleEndian.PutUint32(b[4*i:], uint32(v))
	}
	return b
}

// sigSimilarity is the share of equal values of two encoded signatures.
func sigSimilarity(a, b []byte) float64 {
	if len(a) != len(b) || len(a) == 0 {
		return 0
	}
	eq := 0
	for i := 0; i+4 <= len(a); i += 4 {
		if a[i] == b[i] && a[i+1] == b[i+1] && a[i+2] == b[i+2] && a[i+3] == b[i+3] {
			eq++
		}
	}
	return float64(eq) / float64(len(a)/4)
}

// bandKeys are sig's LSH band keys as stored (signed 32 bits: 4 bytes in
// SQLite's record format, PostgreSQL's integer), distinct.
func (s *DB) bandKeys(sig []uint64) []any {
	if sig == nil {
		return nil
	}
	var out []any
	seen := map[int32]bool{}
	for _, k := range s.mh.BandKeys(sig) {
		v := int32(uint32(k))
		if !seen[v] {
			seen[v] = true
			out = append(out, int64(v))
		}
	}
	return out
}

// nearDuplicate finds the stored article the article with signature sig
// near-duplicates: the most similar at story's threshold (ties: the
// earliest stored), as extract does, and returns the rowid of its group's
// earliest article (its dup_of, else itself) and that article's id, or 0.
func (s *DB) nearDuplicate(ctx context.Context, tx *sql.Tx, sig []byte, keys []any) (int64, string, error) {
	if len(keys) == 0 || !s.dups {
		return 0, "", nil
	}
	rows, err := tx.QueryContext(ctx, s.d.Bind(`SELECT d.rowid, d.minhash, COALESCE(d.dup_of, d.rowid), COALESCE(o.id, d.id)
		FROM documents d LEFT JOIN documents o ON o.rowid = d.dup_of
		WHERE d.rowid IN (SELECT doc FROM doc_bands WHERE key IN (`+placeholders(len(keys))+`))`), keys...)
	if err != nil {
		return 0, "", err
	}
	defer rows.Close()
	var best, bestRoot int64
	var bestID string
	bestSim := 0.0
	for rows.Next() {
		var row, root int64
		var mh []byte
		var id string
		if err := rows.Scan(&row, &mh, &root, &id); err != nil {
			return 0, "", err
		}
		sim := sigSimilarity(sig, mh)
		if sim < s.mh.Threshold() || sim < bestSim || (sim == bestSim && best != 0 && row > best) {
			continue
		}
		best, bestSim, bestRoot, bestID = row, sim, root, id
	}
	return bestRoot, bestID, rows.Err()
}

// putBands records rowid's band keys.
func (s *DB) putBands(ctx context.Context, tx *sql.Tx, rowid int64, keys []any) error {
	if len(keys) == 0 {
		return nil
	}
	args := make([]any, 0, 2*len(keys))
	for _, k := range keys {
		args = append(args, k, rowid)
	}
	_, err := tx.ExecContext(ctx, s.d.Bind(`INSERT INTO doc_bands(key, doc) VALUES `+
		strings.TrimSuffix(strings.Repeat("(?, ?), ", len(keys)), ", ")+` ON CONFLICT DO NOTHING`), args...)
	return err
}

// backfillMinHash gives the articles stored before migration 0005 (SQLite)
// / 0006 (PostgreSQL) their signatures, band keys and dup_of, in rowid
// order (the order they were stored in: the result is the one a fresh
// ingest of them would give), once, under the writers' lock.
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
		for _, q := range []string{`UPDATE documents SET minhash = NULL, dup_of = NULL`, `DELETE FROM doc_bands`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT rowid, body FROM documents WHERE minhash IS NULL ORDER BY rowid`)
	if err != nil {
		return err
	}
	type doc struct {
		row  int64
		body []byte
	}
	var docs []doc
	for rows.Next() {
		var d doc
		if err := rows.Scan(&d.row, &d.body); err != nil {
			rows.Close()
			return err
		}
		docs = append(docs, d)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, d := range docs {
		text, err := s.d.DecodeBody(d.body)
		if err != nil {
			return err
		}
		sig := s.mh.Signature(text)
		enc, keys := encodeSig(sig), s.bandKeys(sig)
		if enc == nil {
			enc = []byte{} // no words: done, nobody's near-duplicate
		}
		root, _, err := s.nearDuplicate(ctx, tx, enc, keys)
		if err != nil {
			return err
		}
		var dup any
		if root != 0 {
			dup = root
		}
		if _, err := tx.ExecContext(ctx, s.d.Bind(`UPDATE documents SET minhash = ?, dup_of = ? WHERE rowid = ?`), enc, dup, d.row); err != nil {
			return err
		}
		if err := s.putBands(ctx, tx, d.row, keys); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, s.d.Bind(`INSERT INTO meta(key, value) VALUES ('minhash', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`), minhashVersion); err != nil {
		return err
	}
	return tx.Commit()
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
