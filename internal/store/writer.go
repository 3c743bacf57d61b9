package store

import (
	"context"
	"sync"

	"github.com/marsad-project/marsad/internal/model"
)

// Writer stores batches in the order they are written, each in one
// transaction, on a goroutine of its own, so that the caller goes on
// (reading and analysing the next articles) while a batch commits. Where
// the store is a Preparer, Write prepares the batch on the caller's
// goroutine, beside the commit of the one before it: at 16x arabic-news a
// SQLite Put spent a quarter of its time analysing its batch while the
// database waited, and the database's part runs on one core.
//
// One batch is stored while the next waits and the caller prepares a
// third: Write blocks while a batch waits. done is called on the Writer's goroutine
// with each batch and its results once it is committed, in order: what it
// reports stored is stored. After a Put fails, no batch is stored again:
// Write and Close return that error (Close waits for the batches written
// before to be stored).
type Writer struct {
	s    Store
	p    Preparer // s, when it is one
	ctx  context.Context
	done func(batch []model.Analysis, res []PutResult)

	queue chan writeItem
	wg    sync.WaitGroup

	mu  sync.Mutex
	err error
}

type writeItem struct {
	batch []model.Analysis
	pb    PreparedBatch
}

// NewWriter starts a Writer storing into s; done may be nil.
func NewWriter(ctx context.Context, s Store, done func(batch []model.Analysis, res []PutResult)) *Writer {
	w := &Writer{s: s, ctx: ctx, done: done, queue: make(chan writeItem, 1)}
	w.p, _ = s.(Preparer)
	w.wg.Add(1)
	go w.run()
	return w
}

func (w *Writer) run() {
	defer w.wg.Done()
	for it := range w.queue {
		if w.Err() != nil {
			continue // drain: nothing is stored after a failure
		}
		var res []PutResult
		var err error
		if it.pb != nil {
			res, err = w.p.PutPrepared(w.ctx, it.pb)
		} else {
			res, err = w.s.Put(w.ctx, it.batch)
		}
		if err != nil {
			w.mu.Lock()
			w.err = err
			w.mu.Unlock()
			continue
		}
		if w.done != nil {
			w.done(it.batch, res)
		}
	}
}

// Err is the error of the Put that failed, if one did.
func (w *Writer) Err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// Write hands batch over to be stored (the Writer keeps it: the caller
// must not change it), and returns the error of an earlier batch's Put,
// if one failed (batch is then not stored).
func (w *Writer) Write(batch []model.Analysis) error {
	if err := w.Err(); err != nil {
		return err
	}
	it := writeItem{batch: batch}
	if w.p != nil {
		it.pb = w.p.Prepare(batch)
	}
	select {
	case w.queue <- it:
	case <-w.ctx.Done():
		return w.ctx.Err()
	}
	return w.Err()
}

// Close waits until every batch written is stored (or the first failure)
// and returns the error of the Put that failed, if one did. The Writer is
// not used again.
func (w *Writer) Close() error {
	close(w.queue)
	w.wg.Wait()
	return w.Err()
}
