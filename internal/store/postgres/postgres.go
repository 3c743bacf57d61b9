// Package postgres is marsad's store for scale: PostgreSQL through pgx,
// with the analyser's terms and positions kept as postings (the same terms
// SQLite's FTS5 table indexes), matched and ranked in Go with FTS5's bm25
// (sqlstore/postings.go), so both backends match and rank the same way. A
// store created before the postings (migration 0003) keeps its tsvector
// column and GIN index and ranks with ts_rank_cd.
package postgres

import (
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// EnvURL is the environment variable `marsad` reads the server URL from
// when --pg is not given.
const EnvURL = "MARSAD_PG"

// Options for Open.
type Options struct {
	Analyzer store.Analyzer // required: search.Analyzer in marsad
	// Schema holds marsad's tables; created if missing. "" uses the
	// connection's search_path (normally public).
	Schema string
	// MaxConns bounds open connections; 0 means 8.
	MaxConns int
	// HitCacheBytes bounds the rows of recent hits kept in memory
	// (sqlstore.Options.HitCacheBytes): 0 the default, < 0 none.
	HitCacheBytes int
	// SearchCacheBytes bounds the postings of searched terms kept in
	// memory (sqlstore.SearchCache, kept current by LISTEN/NOTIFY: see
	// listen.go): 0 means sqlstore.DefaultSearchCacheBytes, < 0 no cache
	// (every search goes to the server, and no listening connection). The
	// listening connection is one more server connection than MaxConns.
	SearchCacheBytes int
	// ReplicaBytes, when > 0, keeps the postings' article lists and the
	// articles' ids in memory, loaded at Open (a read of the whole index
	// without positions: 0.26-0.85 s and 37 MB at 82,384 articles, storebench
	// at load 4-8) and kept
	// current across every process's commits (sqlstore/replica.go), so that
	// a search without a phrase or snippets reaches the server not at all;
	// a replica above the bound is dropped. For a long-running process
	// (`marsad serve`); it needs the search cache's listening connection.
	ReplicaBytes int
	// ListenRetry is the wait before reconnecting a lost listening
	// connection (the cache is bypassed meanwhile); 0 means 1 s.
	ListenRetry time.Duration
	// ListenHeartbeat is how long the listening connection may stay
	// silent before it is checked with a SELECT 1 (which must answer
	// within 5 s); 0 means 5 s.
	ListenHeartbeat time.Duration
}

// DefaultReplicaBytes bounds the replica `marsad serve` keeps
// (Options.ReplicaBytes): sqlstore.DefaultReplicaBytes.
const DefaultReplicaBytes = sqlstore.DefaultReplicaBytes

// DefaultOptions returns the options `marsad` uses (Analyzer still to set).
func DefaultOptions() Options { return Options{MaxConns: 8} }

var schemaName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// Open connects to the server at url (postgres://user@host:port/db …) and
// migrates the schema.
func Open(ctx context.Context, url string, opt Options) (*sqlstore.DB, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("store: postgres: %w", err)
	}
	if opt.MaxConns <= 0 {
		opt.MaxConns = 8
	}
	if opt.Schema != "" {
		if !schemaName.MatchString(opt.Schema) {
			return nil, fmt.Errorf("store: postgres: schema %q: want lower-case letters, digits and _", opt.Schema)
		}
		conn, err := pgx.ConnectConfig(ctx, cfg)
		if err != nil {
			return nil, fmt.Errorf("store: postgres: connect: %w", err)
		}
		_, err = conn.Exec(ctx, `CREATE SCHEMA IF NOT EXISTS `+opt.Schema)
		conn.Close(ctx)
		if err != nil {
			return nil, fmt.Errorf("store: postgres: create schema: %w", err)
		}
		cfg.RuntimeParams["search_path"] = opt.Schema
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(opt.MaxConns)
	db.SetMaxIdleConns(opt.MaxConns)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: postgres: connect: %w", err)
	}
	loc := cfg.Host + ":" + strconv.Itoa(int(cfg.Port)) + "/" + cfg.Database
	if opt.Schema != "" {
		loc += " schema " + opt.Schema
	}
	id := make([]byte, 8)
	rand.Read(id)
	d := dialect{loc: loc, tsv: new(bool), keys: &keyFilter{}, id: hex.EncodeToString(id)}
	sopt := sqlstore.Options{Analyzer: opt.Analyzer, HitCacheBytes: opt.HitCacheBytes, ReplicaBytes: opt.ReplicaBytes}
	var l *listener
	if opt.SearchCacheBytes >= 0 {
		sopt.SearchCache = sqlstore.NewSearchCache(opt.SearchCacheBytes)
		retry, beat := opt.ListenRetry, opt.ListenHeartbeat
		if retry <= 0 {
			retry = time.Second
		}
		if beat <= 0 {
			beat = 5 * time.Second
		}
		// Listening before the store reads anything: no write is missed.
		l = startListener(ctx, d.id, cfg, sopt.SearchCache, retry, beat)
		sopt.OnClose = l.stop
	}
	s, err := sqlstore.Open(ctx, db, d, sopt)
	if err != nil && s == nil {
		if l != nil {
			l.stop()
		}
		db.Close()
		return s, err
	}
	// A store created before the postings keeps its tsvector column, and
	// new articles go on filling it (see migration 0003).
	if qerr := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = 'documents' AND column_name = 'tsv')`).Scan(d.tsv); qerr != nil {
		s.Close()
		return nil, fmt.Errorf("store: postgres: %w", qerr)
	}
	return s, err
}

type dialect struct {
	id   string // this store's, in its notifications (listen.go)
	loc  string
	tsv  *bool      // documents has the tsv column (a store from before the postings)
	keys *keyFilter // the near-duplicate keys stored (KeyRows)
}

// ArrayHits: a page of hits read with one statement (sqlstore.ArrayHits).
func (dialect) ArrayHits() {}

func (dialect) Name() string       { return "postgres" }
func (d dialect) Location() string { return d.loc }
func (dialect) Migrations() fs.FS {
	sub, _ := fs.Sub(migrations, "migrations")
	return sub
}

// Bind rewrites ? as $1, $2 … (marsad's statements have no ? in literals).
func (dialect) Bind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// LockWrites takes a transaction-level advisory lock per schema: without
// it two writers' rowids (from a sequence) could commit out of order.
func (dialect) LockWrites(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext('marsad:' || current_schema()))`)
	return err
}

// maxPos is the largest position a tsvector holds; later positions are
// stored as maxPos (PostgreSQL's limit), so phrases past the 16,383rd
// term of an article are not matched there.
const maxPos = 16383

// TSVector returns the tsvector literal of terms: each distinct term with
// its 1-based positions in the term sequence.
func TSVector(terms []arabic.Term) string {
	pos := map[string][]int{}
	for i, t := range terms {
		pos[t.Term] = append(pos[t.Term], min(i+1, maxPos))
	}
	keys := make([]string, 0, len(pos))
	for k := range pos {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(quote(k))
		b.WriteByte(':')
		last := -1
		first := true
		for _, p := range pos[k] {
			if p == last {
				continue
			}
			if !first {
				b.WriteByte(',')
			}
			first = false
			b.WriteString(strconv.Itoa(p))
			last = p
		}
	}
	return b.String()
}

// quote makes a tsvector/tsquery lexeme literal.
func quote(s string) string {
	return "'" + strings.NewReplacer(`'`, `''`, `\`, `\\`).Replace(s) + "'"
}

func (d dialect) InsertDoc(ctx context.Context, tx *sql.Tx, cols []string, vals []any, terms []arabic.Term) (int64, error) {
	phs := make([]string, len(cols))
	for i, c := range cols {
		phs[i] = "?"
		if c == "bands" {
			phs[i] = d.KeysPlaceholder()
		}
	}
	ph := strings.Join(phs, ", ")
	if *d.tsv {
		cols = append(cols[:len(cols):len(cols)], "tsv")
		vals = append(vals[:len(vals):len(vals)], TSVector(terms))
		ph += ", ?::tsvector"
	}
	q := d.Bind(`INSERT INTO documents(` + strings.Join(cols, ", ") + `) VALUES (` + ph + `) RETURNING rowid`)
	var rowid int64
	err := tx.QueryRowContext(ctx, q, vals...).Scan(&rowid)
	return rowid, err
}

// TSQuery is the tsquery of q: an alternative's terms joined with <-> (a
// phrase), alternatives with |, clauses with &, exclusions with & !.
func TSQuery(q store.Query) string {
	expr := func(cs []store.Clause, op string) string {
		parts := make([]string, len(cs))
		for i, c := range cs {
			alts := make([]string, len(c.Alts))
			for j, alt := range c.Alts {
				ws := make([]string, len(alt))
				for k, w := range alt {
					ws[k] = quote(w)
				}
				alts[j] = strings.Join(ws, " <-> ")
				if len(alt) > 1 {
					alts[j] = "(" + alts[j] + ")"
				}
			}
			parts[i] = "(" + strings.Join(alts, " | ") + ")"
		}
		return strings.Join(parts, op)
	}
	m := expr(q.Must, " & ")
	if len(q.Not) > 0 {
		m = "(" + m + ") & !(" + expr(q.Not, " | ") + ")"
	}
	return m
}

func (dialect) Match(q store.Query, _ bool) sqlstore.Match {
	tq := TSQuery(q)
	return sqlstore.Match{
		From:      `documents d`,
		Key:       `d.rowid`,
		Where:     `d.tsv @@ CAST(? AS tsquery)`,
		WhereArgs: []any{tq},
		// Cover density ranking, divided by 1 + log(length) (flag 1) like
		// BM25's length normalisation.
		Score:     `ts_rank_cd(d.tsv, CAST(? AS tsquery), 1)`,
		ScoreArgs: []any{tq},
	}
}

// EncodeBody compresses the text as SQLite does (sqlstore.DeflateBody):
// TOAST's pglz gains little on Arabic UTF-8 (see migration 0002).
func (dialect) EncodeBody(text string) any { return sqlstore.DeflateBody(text) }

// DecodeBody reverses EncodeBody.
func (dialect) DecodeBody(b []byte) (string, error) { return sqlstore.InflateBody(b) }

// Optimize flushes the GIN index's pending list into the index (a store
// from before the postings) and refreshes the planner's statistics.
func (dialect) Optimize(ctx context.Context, db *sql.DB) error {
	for _, q := range []string{`VACUUM ANALYZE documents`, `ANALYZE postings`} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

func (dialect) DayExpr(col string) string {
	return `to_char(to_timestamp(` + col + `) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`
}

func (dialect) Size(ctx context.Context, db *sql.DB) (int64, error) {
	var n sql.NullInt64
	err := db.QueryRowContext(ctx, `SELECT CAST(sum(pg_total_relation_size(c.oid)) AS BIGINT) FROM pg_class c
		JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE ns.nspname = current_schema() AND c.relkind = 'r'`).Scan(&n)
	return n.Int64, err
}

// Postings: kept with positions (migration 0003); every search is matched
// and ranked from them (sqlstore/postings.go), with FTS5's bm25 as on
// SQLite. A store from before them ranks with ts_rank_cd over its tsvector.
func (dialect) Postings() (keep, positions bool) { return true, true }

func (dialect) PostingsDDL(table string) (create, swap []string) {
	return []string{`CREATE TABLE ` + table + ` (term TEXT COLLATE "C" NOT NULL, seg BIGINT NOT NULL, data BYTEA NOT NULL, pos BYTEA NOT NULL, CONSTRAINT ` +
			table + `_pk PRIMARY KEY (term, seg))`,
			`ALTER TABLE ` + table + ` ALTER COLUMN data SET STORAGE EXTERNAL`,
			`ALTER TABLE ` + table + ` ALTER COLUMN pos SET STORAGE EXTERNAL`},
		[]string{`DROP TABLE postings`, `ALTER TABLE ` + table + ` RENAME TO postings`,
			`ALTER TABLE postings RENAME CONSTRAINT ` + table + `_pk TO postings_pk`}
}

// PostingsTail: none. A Put's postings rows go to the heap in the order
// they come; only the (term, seg) index is ordered by term
// (sqlstore/tiers.go).
func (dialect) PostingsTail() string { return "" }

// Near-duplicate keys: the column documents.bands, an integer array under
// a GIN index (migration 0006), bound as an array literal; KeyRows lists
// each stored article sharing a key with an article of the batch once,
// with all its keys (sqlstore keeps the asked).
func (dialect) KeysColumn() bool        { return true }
func (dialect) KeysPlaceholder() string { return `CAST(? AS INTEGER[])` }
func (dialect) KeysArg(keys []int64) any {
	return sqlstore.IDList('{', '}', keys)
}

// One GIN scan per article of the batch (bands && its keys, in a lateral
// join), each stored article returned once with its keys, not one scan
// of all the batch's keys: a GIN scan advances all its entries together
// and checks each item found against them all, so its cost grows with
// keys × matches. At 4× arabic-news (20,596 articles, a batch's ~5,900
// keys all stored: reposts) the one scan took 100-150 ms a batch, one
// scan per key returning (article, key) rows 39-60 ms, one per batch
// article 12-13 ms (psql, the last 500 articles' keys), and at 16× it
// returns one row per candidate, not one per candidate and key shared
// (~90,000 a batch).
//
// The look-up goes through the GIN index whatever the planner thinks: it
// takes a sequential scan of a small or unanalysed table to be cheaper
// (storebench, with the one scan of all keys: 0.15 to 0.65 s a batch of
// 500 from the second to the fifth, against 0.01 to 0.06 through the
// index).
func (d dialect) KeyRows(ctx context.Context, tx *sql.Tx, keys [][]int64, all []int64, fn func(doc int64, key int32)) error {
	return d.keyRows(ctx, tx, keys, all, false, func(doc int64, key int32, _ int64, _ string) { fn(doc, key) })
}

// KeyGroupRows is KeyRows returning each stored article's group too (its
// dup_of, else itself, and that article's id) in the same statement: the
// candidates' groups were a second statement a batch (2.2 s of an 84.5 s
// ingest at 16x arabic-news).
func (d dialect) KeyGroupRows(ctx context.Context, tx *sql.Tx, keys [][]int64, all []int64, fn func(doc int64, key int32, root int64, rootID string)) error {
	return d.keyRows(ctx, tx, keys, all, true, fn)
}

func (d dialect) keyRows(ctx context.Context, tx *sql.Tx, keys [][]int64, all []int64, groups bool, fn func(doc int64, key int32, root int64, rootID string)) error {
	if d.keys != nil {
		pass, err := d.keys.filter(ctx, tx, all)
		if err != nil {
			return err
		}
		may := make(map[int64]bool, len(pass))
		for _, k := range pass {
			may[k] = true
		}
		filtered := make([][]int64, 0, len(keys))
		for _, ks := range keys {
			var f []int64
			for _, k := range ks {
				if may[k] {
					f = append(f, k)
				}
			}
			if len(f) > 0 {
				filtered = append(filtered, f)
			}
		}
		keys = filtered
	}
	if len(keys) == 0 {
		return nil
	}
	// each article's keys as an array literal, in a text[] literal
	var b strings.Builder
	b.WriteByte('{')
	for i, ks := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		b.WriteString(sqlstore.IDList('{', '}', ks))
		b.WriteByte('"')
	}
	b.WriteByte('}')
	if _, err := tx.ExecContext(ctx, `SET LOCAL enable_seqscan = off`); err != nil {
		return err
	}
	q := `SELECT DISTINCT d.rowid, d.bands, 0, '' FROM unnest(CAST(? AS TEXT[])) AS a
		CROSS JOIN LATERAL (SELECT rowid, bands FROM documents WHERE bands && CAST(a AS INTEGER[])) AS d`
	if groups {
		q = `SELECT c.rowid, c.bands, COALESCE(c.dup_of, c.rowid), COALESCE(o.id, c.id) FROM (SELECT DISTINCT d.rowid, d.bands, d.dup_of, d.id
		FROM unnest(CAST(? AS TEXT[])) AS a CROSS JOIN LATERAL (SELECT rowid, bands, dup_of, id FROM documents WHERE bands && CAST(a AS INTEGER[])) AS d) AS c
		LEFT JOIN documents o ON o.rowid = c.dup_of`
	}
	rows, err := tx.QueryContext(ctx, d.Bind(q), b.String())
	if err != nil {
		return err
	}
	for rows.Next() {
		var doc, root int64
		var rootID string
		var bands []byte // the array's text form: {1,-2,3}
		if err := rows.Scan(&doc, &bands, &root, &rootID); err != nil {
			rows.Close()
			return err
		}
		for _, k := range parseInts(bands) {
			fn(doc, k, root, rootID)
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `SET LOCAL enable_seqscan TO DEFAULT`)
	return err
}

// IDsIn passes the ids as one bigint[] literal.
func (dialect) IDsIn(col string, ids []int64) (string, any) {
	return col + ` = ANY(CAST(? AS BIGINT[]))`, sqlstore.IDList('{', '}', ids)
}

// NextRowids draws n rowids from the documents' sequence (sqlstore.BatchWriter).
func (d dialect) NextRowids(ctx context.Context, tx *sql.Tx, n int) ([]int64, bool, error) {
	if *d.tsv {
		return nil, false, nil // InsertDoc fills the tsvector row by row
	}
	rows, err := tx.QueryContext(ctx, `SELECT nextval(pg_get_serial_sequence('documents', 'rowid')) FROM generate_series(1, $1)`, n)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	ids := make([]int64, 0, n)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, false, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	if len(ids) != n {
		return nil, false, fmt.Errorf("%d rowids drawn, %d asked", len(ids), n)
	}
	slices.Sort(ids)
	return ids, true, nil
}

// InsertDocs loads the rows with COPY (sqlstore.BatchWriter).
func (d dialect) InsertDocs(ctx context.Context, conn *sql.Conn, _ *sql.Tx, cols []string, rows [][]any) error {
	if b := slices.Index(cols, "bands"); b >= 0 {
		// COPY's binary format wants the array, not its literal
		for _, r := range rows {
			if lit, ok := r[b].(string); ok {
				r[b] = parseInts([]byte(lit))
			}
		}
	}
	return d.CopyRows(ctx, conn, "documents", cols, rows)
}

// TextsIn passes the values as one text[] (sqlstore.BatchWriter).
func (dialect) TextsIn(col string, vals []string) (string, any) {
	return col + ` = ANY(CAST(? AS TEXT[]))`, vals
}

// CopyRows loads the rows with COPY, in the transaction open on conn
// (sqlstore.RowCopier).
func (dialect) CopyRows(ctx context.Context, conn *sql.Conn, table string, cols []string, rows [][]any) error {
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("copy: a %T, not a pgx connection", dc)
		}
		_, err := c.Conn().CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
		return err
	})
}
