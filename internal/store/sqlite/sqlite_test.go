package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/sqlite"
	"github.com/marsad-project/marsad/internal/store/storetest"
)

func open(t *testing.T) store.Store {
	t.Helper()
	opt := sqlite.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(t)
	opt.Synchronous = "NORMAL" // tests need not survive power cuts
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "marsad.db"), opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) { storetest.Run(t, open) }
