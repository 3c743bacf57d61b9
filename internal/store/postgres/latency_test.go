package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/postgres"
	"github.com/marsad-project/marsad/internal/store/sqlstore"
	"github.com/marsad-project/marsad/internal/store/storetest"
)

// TestSearchLatencyFloor measures where an ids-only search's time goes
// on a store left by `marsad-storebench -systems postgres -keep` (schema
// $MARSAD_PG_LATENCY_SCHEMA, the name it prints, e.g. marsad_bench_1234_1): the p50 of one round
// trip through the same pool (SELECT 1), of the postings statement a
// one-word search runs, and of the search itself; and the statement's
// plan. Skipped unless the variable is set.
//
//	MARSAD_PG_LATENCY_SCHEMA=marsad_bench_1234_1 go test -run SearchLatencyFloor -v ./internal/store/postgres
func TestSearchLatencyFloor(t *testing.T) {
	schema := os.Getenv("MARSAD_PG_LATENCY_SCHEMA")
	if schema == "" {
		t.Skip("MARSAD_PG_LATENCY_SCHEMA not set")
	}
	runtime.LockOSThread()
	ctx := context.Background()
	opt := postgres.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(t)
	opt.Schema = schema
	s, err := postgres.Open(ctx, testURL(), opt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	db := s.SQL()
	const n = 2000
	p50 := func(name string, f func() error) {
		var ds []time.Duration
		for i := range n + 100 {
			t0 := time.Now()
			if err := f(); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if i >= 100 {
				ds = append(ds, time.Since(t0))
			}
		}
		slices.Sort(ds)
		t.Logf("%-58s p50 %6.1f µs  p90 %6.1f µs", name, float64(ds[n/2].Nanoseconds())/1e3, float64(ds[n*9/10].Nanoseconds())/1e3)
	}
	var one int
	p50("SELECT 1 (database/sql, pgx stdlib)", func() error { return db.QueryRowContext(ctx, `SELECT 1`).Scan(&one) })
	st, err := db.PrepareContext(ctx, `SELECT 1`)
	if err != nil {
		t.Fatal(err)
	}
	p50("SELECT 1 (prepared)", func() error { return st.QueryRowContext(ctx).Scan(&one) })
	cfg, _ := pgx.ParseConfig(testURL())
	cfg.RuntimeParams["search_path"] = schema
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	p50("SELECT 1 (pgx conn, cached statement)", func() error { return conn.QueryRow(ctx, `SELECT 1`).Scan(&one) })
	p50("SELECT 1 (pgx conn, simple protocol)", func() error {
		return conn.QueryRow(ctx, `SELECT 1`, pgx.QueryExecModeSimpleProtocol).Scan(&one)
	})
	q := `SELECT term, data, NULL, (SELECT max(rowid) FROM documents) FROM postings WHERE term IN ($1) ORDER BY term, seg`
	var term string
	if err := db.QueryRowContext(ctx, `SELECT term FROM postings ORDER BY length(data) DESC OFFSET 200 LIMIT 1`).Scan(&term); err != nil {
		t.Fatal(err)
	}
	var size int
	db.QueryRowContext(ctx, `SELECT length(data) FROM postings WHERE term = $1`, term).Scan(&size)
	pst, err := db.PrepareContext(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	p50(fmt.Sprintf("postings of one term (%d bytes), prepared", size), func() error {
		rows, err := pst.QueryContext(ctx, term)
		if err != nil {
			return err
		}
		for rows.Next() {
			var a string
			var b, c []byte
			var m int64
			if err := rows.Scan(&a, &b, &c, &m); err != nil {
				return err
			}
		}
		return rows.Close()
	})
	q2 := `SELECT term, data FROM postings WHERE term IN ($1) ORDER BY term, seg`
	p50("the same without the max(rowid) init plan, pgx conn", func() error {
		rows, err := conn.Query(ctx, q2, term)
		if err != nil {
			return err
		}
		rows.Close()
		return rows.Err()
	})
	p50("postings of one term, pgx conn (cached statement)", func() error {
		rows, err := conn.Query(ctx, q, term)
		if err != nil {
			return err
		}
		rows.Close()
		return rows.Err()
	})
	// A search cache miss reads its terms with a statement that returns
	// the version even when no term has postings (sqlstore.readPostings,
	// own): a LEFT JOIN and a sort, against the plain statement above.
	own := `SELECT p.term, p.data, NULL, m.v FROM (SELECT coalesce(max(rowid), 0) AS v FROM documents) m
			LEFT JOIN postings p ON p.term IN ($1) ORDER BY p.term, p.seg`
	ost, err := db.PrepareContext(ctx, own)
	if err != nil {
		t.Fatal(err)
	}
	readAll := func(st *sql.Stmt, args ...any) error {
		rows, err := st.QueryContext(ctx, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var a sql.NullString
			var b, c []byte
			var m int64
			if err := rows.Scan(&a, &b, &c, &m); err != nil {
				return err
			}
		}
		return rows.Close()
	}
	p50("postings of one term, the cache miss's statement, prepared", func() error { return readAll(ost, term) })
	// A page of hits: rowids IN (one placeholder each, a statement per
	// page size) or one array.
	var ids []any
	var idl []int64
	rows0, err := db.QueryContext(ctx, `SELECT rowid FROM documents ORDER BY rowid DESC LIMIT 10`)
	if err != nil {
		t.Fatal(err)
	}
	for rows0.Next() {
		var id int64
		rows0.Scan(&id)
		ids, idl = append(ids, id), append(idl, id)
	}
	rows0.Close()
	hitsIn, err := db.PrepareContext(ctx, `SELECT rowid, id, title, source, url, published, NULL, NULL, NULL FROM documents WHERE rowid IN ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`)
	if err != nil {
		t.Fatal(err)
	}
	hitsAny, err := db.PrepareContext(ctx, `SELECT rowid, id, title, source, url, published, NULL, NULL, NULL FROM documents WHERE rowid = ANY(CAST($1 AS BIGINT[]))`)
	if err != nil {
		t.Fatal(err)
	}
	readHits := func(st *sql.Stmt, args ...any) error {
		rows, err := st.QueryContext(ctx, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var rowid int64
			var id, title, source, url string
			var pub sql.NullInt64
			var b, o []byte
			var dup sql.NullString
			if err := rows.Scan(&rowid, &id, &title, &source, &url, &pub, &b, &o, &dup); err != nil {
				return err
			}
		}
		return rows.Close()
	}
	p50("10 hit rows, rowid IN (10 placeholders), prepared", func() error { return readHits(hitsIn, ids...) })
	p50("10 hit rows, rowid = ANY(array), prepared", func() error { return readHits(hitsAny, sqlstore.IDList('{', '}', idl)) })
	p50("10 hit rows, rowid = ANY(array), unprepared (pgx statement cache)", func() error {
		rows, err := db.QueryContext(ctx, `SELECT rowid, id, title, source, url, published, NULL, NULL, NULL FROM documents WHERE rowid = ANY(CAST($1 AS BIGINT[]))`, sqlstore.IDList('{', '}', idl))
		if err != nil {
			return err
		}
		return rows.Close()
	})
	p50("10 hit rows, rowid = ANY(array), exec mode (no statement)", func() error {
		rows, err := db.QueryContext(ctx, `SELECT rowid, id, title, source, url, published, NULL, NULL, NULL FROM documents WHERE rowid = ANY(CAST($1 AS BIGINT[]))`, pgx.QueryExecModeExec, sqlstore.IDList('{', '}', idl))
		if err != nil {
			return err
		}
		return rows.Close()
	})
	p50("prepare and close a statement (a new shape's cost)", func() error {
		st, err := db.PrepareContext(ctx, `SELECT rowid, id, title FROM documents WHERE rowid IN ($1, $2, $3)`)
		if err != nil {
			return err
		}
		return st.Close()
	})
	p50("store Search, one word, ids only", func() error {
		_, err := s.Search(ctx, store.SearchQuery{Text: "ليبيا", Limit: 10, NoSnippets: true})
		return err
	})
	p50("store Search, one word, full hits", func() error {
		_, err := s.Search(ctx, store.SearchQuery{Text: "ليبيا", Limit: 10})
		return err
	})
	rows, err := conn.Query(ctx, `EXPLAIN (ANALYZE, BUFFERS) `+q, term)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var line string
		rows.Scan(&line)
		t.Log(line)
	}
	rows.Close()
}
