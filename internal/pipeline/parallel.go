package pipeline

import (
	"context"
	"runtime"
	"sync"

	"github.com/marsad-project/marsad/internal/model"
)

// Result is the outcome of analysing one document.
type Result struct {
	Analysis model.Analysis
	Err      error // analysis error for this document only; others go on
}

// Ordered analyses documents on `workers` goroutines (GOMAXPROCS when
// workers <= 0) and hands results to sink in the order the documents were
// submitted, so output is deterministic. Submit blocks when the workers are
// busy, bounding memory.
type Ordered struct {
	p       *Pipeline
	sink    func(Result) error
	jobs    chan job
	results chan chan Result
	wg      sync.WaitGroup
	done    chan struct{}
	sinkErr error
	cancel  context.CancelCauseFunc
	ctx     context.Context
}

type job struct {
	doc model.Document
	out chan Result
}

// NewOrdered starts the workers. Call Close to wait for the last results.
func (p *Pipeline) NewOrdered(ctx context.Context, workers int, sink func(Result) error) *Ordered {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	o := &Ordered{
		p: p, sink: sink, ctx: ctx, cancel: cancel,
		jobs:    make(chan job, workers),
		results: make(chan chan Result, 2*workers),
		done:    make(chan struct{}),
	}
	for i := 0; i < workers; i++ {
		o.wg.Add(1)
		go func() {
			defer o.wg.Done()
			for j := range o.jobs {
				a, err := p.Analyze(ctx, j.doc)
				j.out <- Result{Analysis: a, Err: err}
			}
		}()
	}
	go func() {
		defer close(o.done)
		for ch := range o.results {
			r := <-ch
			if o.sinkErr != nil {
				continue
			}
			if err := o.sink(r); err != nil {
				o.sinkErr = err
				cancel(err)
			}
		}
	}()
	return o
}

// Submit queues doc. Once the sink has failed it returns the sink's error;
// once ctx is done, ctx's error.
func (o *Ordered) Submit(doc model.Document) error {
	ch := make(chan Result, 1)
	select {
	case o.results <- ch:
	case <-o.ctx.Done():
		return context.Cause(o.ctx)
	}
	select {
	case o.jobs <- job{doc: doc, out: ch}:
		return nil
	case <-o.ctx.Done():
		err := context.Cause(o.ctx)
		ch <- Result{Err: err}
		return err
	}
}

// Close waits for every submitted document to reach the sink and returns
// the sink's first error.
func (o *Ordered) Close() error {
	close(o.jobs)
	o.wg.Wait()
	close(o.results)
	<-o.done
	o.cancel(nil)
	return o.sinkErr
}
