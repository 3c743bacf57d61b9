package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/postgres"
	"github.com/marsad-project/marsad/internal/store/storetest"
)

// testURL is the server the tests use: $MARSAD_PG_TEST, else the CI server.
func testURL() string {
	if u := os.Getenv("MARSAD_PG_TEST"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/test"
}

// Open returns a store in a fresh schema, dropped after the test; it skips
// the test when no server is reachable.
func open(t *testing.T) store.Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	url := testURL()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		if os.Getenv("MARSAD_PG_REQUIRE") != "" {
			t.Fatalf("no PostgreSQL server at %s (%v), and MARSAD_PG_REQUIRE is set (CI)", url, err)
		}
		t.Skipf("no PostgreSQL server at %s (%v): skipping the PostgreSQL store tests", url, err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "marsad_test_" + hex.EncodeToString(b)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		conn.Exec(ctx, "DROP SCHEMA IF EXISTS "+schema+" CASCADE")
		conn.Close(ctx)
	})
	opt := postgres.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(t)
	opt.Schema = schema
	s, err := postgres.Open(context.Background(), url, opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) { storetest.Run(t, open) }
