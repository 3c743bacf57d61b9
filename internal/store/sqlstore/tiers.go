package sqlstore

import (
	"context"
	"database/sql"
	"encoding/binary"
	"strconv"
	"strings"
)

// Tiers. The postings table is ordered by (term, seg), so a Put's segment
// rows (one a term of the batch, tens of thousands) land next to the rows
// every earlier Put wrote for the same terms: all over the table. On
// SQLite that made each batch read, dirty, spill and checkpoint pages
// across the whole file, so the bytes written a batch grew with the store
// (storebench at 16x arabic-news: 343 KB written an article against 40 KB
// at 1x, and the ingest rate fell to 0.55x bleve's; docs/BENCHMARKS.md
// "SQLite ingest at 16x").
//
// Where the dialect keeps a tail (Dialect.PostingsTail: SQLite, migration
// 0007), a Put writes its rows there instead: a table of the same layout
// that holds only the Puts since the last merge, small enough to stay in
// the page cache. When the tail's data passes its bound, max(tailFloor,
// the postings' data / tailShare), the Put that passes it merges the tail
// into postings (mergePostings: each term's rows joined into one, the
// table rewritten in key order and swapped in) and empties it. The bound
// grows with the store, so the merges are geometric: in all they write
// about tailShare+1 times the final postings, in key order, where every
// batch rewrote pages across the whole table. Optimize (the end of an
// ingest) merges whatever the tail holds. At 16x arabic-news (storebench,
// sqlite): postings and commit phases 35-45 s -> 14-15 s, merges 3.7 s,
// 1,000 -> 1,400 articles/s (docs/BENCHMARKS.md "Tiered postings").
//
// Searches, the replica and Optimize read both tables (selectPostings).
// Every row of the tail is newer than every row of postings, and both are
// append-only between merges. A merge rewrites rows, not what they say;
// it counts meta 'postings_epoch' up, by which a replica that read the
// rows before it knows to load them again (replica.go). PostgreSQL keeps
// no tail: its postings rows go to a heap in insertion order, and only
// their (term, seg) index, a few bytes a row, is ordered by term.
const (
	tailFloor = 8 << 20 // bytes of data and positions the tail may always hold
	tailShare = 4       // or this share of what postings holds
)

// postingsTables are the tables holding the postings: postings and, where
// the dialect keeps one, its tail.
func (s *DB) postingsTables() []string {
	if s.tail == "" {
		return []string{"postings"}
	}
	return []string{"postings", s.tail}
}

// selectPostings returns the statement reading cols (term and seg first)
// of the rows of every table in tables that meet where (none when empty),
// in (term, seg) order, then tail (such as a LIMIT), and its arguments:
// args once for each table. Two tables are one compound statement ordered
// by its first two columns, which SQLite runs as a merge of the two
// primary keys (a view of their union was read into a temporary B-tree
// and sorted there, blobs and all).
func selectPostings(tables []string, cols, where, tail string, args []any) (string, []any) {
	var b strings.Builder
	all := make([]any, 0, len(args)*len(tables))
	for i, t := range tables {
		if i > 0 {
			b.WriteString(" UNION ALL ")
		}
		b.WriteString("SELECT " + cols + " FROM " + t)
		if where != "" {
			b.WriteString(" WHERE " + where)
		}
		all = append(all, args...)
	}
	b.WriteString(" ORDER BY 1, 2")
	b.WriteString(tail)
	return b.String(), all
}

// grewTail adds a Put's bytes written to the tail to meta 'tail_bytes' and
// merges the tail into postings when it has passed its bound (inside the
// Put's transaction, under the write lock).
func (s *DB) grewTail(ctx context.Context, tx *sql.Tx, added int64) error {
	if s.tail == "" || added == 0 {
		return nil
	}
	tailBytes, err := metaInt(ctx, tx, s.d, "tail_bytes")
	if err != nil {
		return err
	}
	mainBytes, err := metaInt(ctx, tx, s.d, "main_bytes")
	if err != nil {
		return err
	}
	tailBytes += added
	if tailBytes < max(s.tailFloor, mainBytes/tailShare) {
		return setMeta(ctx, tx, s.d, "tail_bytes", strconv.FormatInt(tailBytes, 10))
	}
	return mergePostings(ctx, tx, s.d, s.positions, s.postingsTables())
}

// rowJoin joins a term's segment rows, in seg order, into one: each row's
// data is appended with its first rowid (a delta from 0) made a delta from
// the previous row's last, and the rest of its data and its positions
// (which restart at every article) as they are. A merge so copies bytes,
// where it decoded and encoded every posting (2.8 s of the 16x ingest's
// Optimize).
type rowJoin struct {
	data, pos []byte
	last      int64 // the last rowid in data
	rows      int
}

func (j *rowJoin) add(data, pos []byte) error {
	if len(data) == 0 {
		return nil
	}
	first, k := binary.Uvarint(data)
	if k <= 0 {
		return errCorrupt
	}
	last, n := int64(first), 1 // varints read: rowid delta, tf, rowid delta, …
	for i := k; i < len(data); n++ {
		v, m := binary.Uvarint(data[i:])
		if m <= 0 {
			return errCorrupt
		}
		i += m
		if n%2 == 0 {
			last += int64(v)
		}
	}
	if n%2 != 0 {
		return errCorrupt // a rowid without its tf
	}
	if j.rows > 0 && int64(first) <= j.last {
		return errCorrupt // segments out of rowid order
	}
	j.data = binary.AppendUvarint(j.data, uint64(int64(first)-j.last))
	j.data = append(j.data, data[k:]...)
	j.pos = append(j.pos, pos...)
	j.last = last
	j.rows++
	return nil
}
