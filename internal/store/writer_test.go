package store_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

// fakeStore is a store.Preparer whose PutPrepared waits for release (when
// set) and fails on the batch whose first id is failOn.
type fakeStore struct {
	store.Store // not called
	release     chan struct{}
	failOn      string

	mu       sync.Mutex
	prepared []string // first id of each batch prepared, in order
	stored   []string
}

type fakeBatch struct{ batch []model.Analysis }

func (b fakeBatch) Len() int { return len(b.batch) }

func (f *fakeStore) Prepare(batch []model.Analysis) store.PreparedBatch {
	f.mu.Lock()
	f.prepared = append(f.prepared, batch[0].Doc.ID)
	f.mu.Unlock()
	return fakeBatch{batch}
}

func (f *fakeStore) PutPrepared(ctx context.Context, pb store.PreparedBatch) ([]store.PutResult, error) {
	b := pb.(fakeBatch).batch
	if f.release != nil {
		<-f.release
	}
	if b[0].Doc.ID == f.failOn {
		return nil, errors.New("disk full")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.stored = append(f.stored, b[0].Doc.ID)
	res := make([]store.PutResult, len(b))
	for i := range b {
		res[i] = store.PutResult{ID: b[i].Doc.ID, Status: store.Stored}
	}
	return res, nil
}

func batchOf(id string) []model.Analysis { return []model.Analysis{{Doc: model.Document{ID: id}}} }

// TestWriterPreparesWhileStoring: the Writer prepares the next batch on
// the caller's goroutine while the one before it is being stored (Write
// returns with the first Put still blocked), stores them in order and
// reports each once committed.
func TestWriterPreparesWhileStoring(t *testing.T) {
	f := &fakeStore{release: make(chan struct{})}
	var done []string
	w := store.NewWriter(context.Background(), f, func(b []model.Analysis, res []store.PutResult) {
		done = append(done, res[0].ID)
	})
	for _, id := range []string{"a", "b"} {
		ret := make(chan error, 1)
		go func() { ret <- w.Write(batchOf(id)) }()
		select {
		case err := <-ret:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("Write(%s) blocked while the batch before it was being stored", id)
		}
	}
	f.mu.Lock()
	if !slices.Equal(f.prepared, []string{"a", "b"}) || len(f.stored) != 0 {
		t.Fatalf("with the first Put blocked: prepared %v, stored %v; want a and b prepared, none stored", f.prepared, f.stored)
	}
	f.mu.Unlock()
	close(f.release)
	if err := w.Write(batchOf("c")); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(f.stored, []string{"a", "b", "c"}) || !slices.Equal(done, f.stored) {
		t.Fatalf("stored %v, reported %v; want a, b, c in order", f.stored, done)
	}
}

// TestWriterStopsAtFailure: after a Put fails, no later batch is stored
// or reported, and Write and Close return the failure.
func TestWriterStopsAtFailure(t *testing.T) {
	f := &fakeStore{failOn: "b"}
	var done []string
	w := store.NewWriter(context.Background(), f, func(b []model.Analysis, res []store.PutResult) {
		done = append(done, res[0].ID)
	})
	var werr error
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		if werr = w.Write(batchOf(id)); werr != nil {
			break
		}
	}
	err := w.Close()
	if err == nil || err.Error() != "disk full" {
		t.Fatalf("Close: %v, want the failure", err)
	}
	if werr != nil && werr.Error() != "disk full" {
		t.Fatalf("Write: %v, want the failure or nil", werr)
	}
	if !slices.Equal(f.stored, []string{"a"}) || !slices.Equal(done, []string{"a"}) {
		t.Fatalf("stored %v, reported %v; want only a", f.stored, done)
	}
}
