package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store/sqlite"
	"github.com/marsad-project/marsad/internal/store/storetest"
)

// TestOptimizeShrinks: merging the index after many small batches gives
// the freed pages back (auto_vacuum=INCREMENTAL).
func TestOptimizeShrinks(t *testing.T) {
	opt := sqlite.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(t)
	opt.Synchronous = "OFF"
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := sqlite.Open(context.Background(), path, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	seeds := storetest.Seeds(t)
	n := 0
	for b := 0; b < 40; b++ {
		batch := append([]model.Analysis(nil), seeds...)
		for i := range batch {
			n++
			batch[i].Doc.ID = fmt.Sprint("b", n)
			batch[i].Doc.Hash = fmt.Sprint("h", n)
		}
		if _, err := s.Put(context.Background(), batch); err != nil {
			t.Fatal(err)
		}
	}
	size := func() int64 {
		s.SQL().Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
		st, _ := os.Stat(path)
		return st.Size()
	}
	before := size()
	if err := s.Optimize(context.Background()); err != nil {
		t.Fatal(err)
	}
	after := size()
	var free int
	s.SQL().QueryRow(`PRAGMA freelist_count`).Scan(&free)
	if after > before || free > 10 {
		t.Errorf("optimize: %d → %d bytes, %d free pages", before, after, free)
	}
	t.Logf("optimize: %d → %d bytes", before, after)
}

// TestWALCheckpointSpacing: every connection checkpoints the WAL every
// 20,000 pages, not SQLite's 1,000 (a large store's batch commits more
// than 1,000 pages: each commit was checkpointed whole, sqlite.Open).
func TestWALCheckpointSpacing(t *testing.T) {
	opt := sqlite.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(t)
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "m.db"), opt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for i := 0; i < 2; i++ { // two connections held at once
		c, err := s.SQL().Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		var n int
		if err := c.QueryRowContext(ctx, `PRAGMA wal_autocheckpoint`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 20000 {
			t.Errorf("connection %d: wal_autocheckpoint %d, want 20000", i, n)
		}
	}
}
