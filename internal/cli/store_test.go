package cli

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/marsad-project/marsad/internal/store/sqlstore"
)

// TestOpenReplica: `marsad serve` opens the SQLite store with a replica of
// the index (storeFlags.replica); the one-shot commands open it without.
func TestOpenReplica(t *testing.T) {
	ctx := context.Background()
	f := &storeFlags{db: filepath.Join(t.TempDir(), "m.db")}
	s, err := f.open(ctx, openWrite, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, replica := range []bool{false, true} {
		g := *f
		g.replica = replica
		s, err := g.open(ctx, openRead, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if on := s.(*sqlstore.DB).ReplicaStats().On; on != replica {
			t.Errorf("opened with replica %v: replica on %v", replica, on)
		}
		s.Close()
	}
}
