package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/marsad-project/marsad/internal/corpus"
	"github.com/marsad-project/marsad/internal/ingest"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/pipeline"
	"github.com/marsad-project/marsad/internal/store"
)

func runIngest(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "ingest", "[flags] FILE|DIR|- ...")
	sf := addStoreFlags(fs)
	rf := addReadFlags(fs)
	demo := fs.Bool("demo", false, "ingest the embedded demo corpus (the five seed articles)")
	batch := fs.Int("batch", 200, "articles per transaction")
	workers := fs.Int("workers", 0, "analysis workers (0: one per CPU)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	verbose := fs.Bool("v", false, "list every duplicate")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	opt, err := rf.options("ingest")
	if err != nil {
		return err
	}
	paths := fs.Args()
	if len(paths) == 0 && !*demo {
		fs.Usage()
		return usageError("ingest: no input given (name files, directories or -, or use --demo)")
	}
	if *batch < 1 {
		return usageError("ingest: --batch must be at least 1")
	}
	p, err := newPipeline()
	if err != nil {
		return err
	}
	s, err := sf.open(ctx, openWrite, env.Stderr)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	defer s.Close()
	in := &ingester{
		store: s, stderr: env.Stderr, batchSize: *batch, verbose: *verbose, start: time.Now(),
		reasons: map[string]int{},
	}
	if isTerminal(env.Stderr) && !*quiet {
		in.progress = newProgress(ctx, env.Stderr, paths)
		defer in.progress.stop()
	}
	err = in.run(ctx, p, *workers, func(emit func(model.Document) error, reject func(error)) error {
		r := ingest.NewReader(opt)
		if *demo {
			files, err := corpus.Seeds()
			if err != nil {
				return err
			}
			for _, f := range files {
				if err := r.ReadBytes(ctx, f.Name, f.Data, emit, reject); err != nil {
					return err
				}
			}
		}
		return r.Read(ctx, paths, env.Stdin, emit, reject)
	})
	if o, ok := s.(store.Optimizer); ok && err == nil && in.stored > 0 {
		if oerr := o.Optimize(ctx); oerr != nil {
			fmt.Fprintln(env.Stderr, "marsad: ingest: warning:", oerr)
		}
	}
	in.summary(env.Stdout)
	if err != nil {
		return fmt.Errorf("ingest: %w (the %d articles reported stored are stored)", err, in.stored)
	}
	if in.rejected > 0 {
		return &ExitError{Code: ExitRejected, Err: fmt.Errorf("ingest: %d input(s) rejected", in.rejected)}
	}
	return nil
}

// ingester analyses documents on a worker pool and stores them in input
// order, one transaction per batch. Counters change only after a batch is
// committed, so what is reported stored is stored.
type ingester struct {
	store     store.Store
	stderr    io.Writer
	batchSize int
	verbose   bool
	start     time.Time
	progress  *progress

	mu         sync.Mutex // guards the counters below (the reader rejects from its goroutine)
	stored     int
	nearDups   int // stored articles that near-duplicate a stored one
	duplicates int
	rejected   int
	reasons    map[string]int // rejection reason → count
	dupShown   int

	pending []model.Analysis
	writer  *store.Writer // stores the batches (run)
}

func (in *ingester) reject(err error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.rejectLocked(err)
}

// rejectLocked counts and reports a rejected input; in.mu is held.
func (in *ingester) rejectLocked(err error) {
	in.rejected++
	reason := err.Error()
	var ie *ingest.InputError
	if errors.As(err, &ie) {
		reason = ie.Err.Error()
	}
	in.reasons[reason]++
	in.clearProgress()
	fmt.Fprintln(in.stderr, "marsad: ingest: rejected:", err)
}

func (in *ingester) clearProgress() {
	if in.progress != nil {
		in.progress.clear()
	}
}

// run reads with read, analyses and stores: the batches are stored by a
// store.Writer, so that reading and analysis go on while a batch commits.
func (in *ingester) run(ctx context.Context, p *pipeline.Pipeline, workers int, read func(emit func(model.Document) error, reject func(error)) error) (err error) {
	stopTicker := in.tick()
	defer stopTicker()
	in.writer = store.NewWriter(ctx, in.store, in.committed)
	defer func() {
		// Every batch handed over is stored (or the first failure)
		// before run returns: its summary counts only what is stored.
		err = errors.Join(err, in.writer.Close())
	}()
	o := p.NewOrdered(ctx, workers, func(r pipeline.Result) error {
		if r.Err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			in.reject(r.Err)
			return nil
		}
		in.pending = append(in.pending, r.Analysis)
		if len(in.pending) >= in.batchSize {
			return in.flush(ctx)
		}
		return nil
	})
	readErr := read(func(d model.Document) error {
		if in.progress != nil {
			in.mu.Lock()
			in.progress.seen(d.Origin)
			in.mu.Unlock()
		}
		return o.Submit(d)
	}, in.reject)
	sinkErr := o.Close()
	if err := errors.Join(readErr, sinkErr); err != nil {
		return err // the pending batch is not stored, and not reported
	}
	return in.flush(ctx)
}

// flush hands the pending batch to the writer.
func (in *ingester) flush(ctx context.Context) error {
	if len(in.pending) == 0 {
		return nil
	}
	batch := in.pending
	in.pending = nil // the writer keeps batch
	return in.writer.Write(batch)
}

// committed counts a batch once it is committed (on the writer's goroutine).
func (in *ingester) committed(batch []model.Analysis, res []store.PutResult) {
	in.mu.Lock()
	defer in.mu.Unlock()
	for _, r := range res {
		switch r.Status {
		case store.Stored:
			in.stored++
			if r.NearDuplicateOf != "" {
				in.nearDups++
				if in.verbose {
					in.clearProgress()
					fmt.Fprintf(in.stderr, "marsad: ingest: near-duplicate: %s is stored as a repost of %s\n", r.ID, r.NearDuplicateOf)
				}
			}
		case store.Conflict:
			in.rejectLocked(&ingest.InputError{Input: r.ID, Err: errors.New("another article with this id and a different text is already stored (give the inputs distinct names)")})
		case store.Duplicate:
			in.duplicates++
			if in.verbose || in.dupShown < 5 {
				in.dupShown++
				in.clearProgress()
				if r.DuplicateOf == r.ID {
					fmt.Fprintf(in.stderr, "marsad: ingest: duplicate: %s is already stored\n", r.ID)
				} else {
					fmt.Fprintf(in.stderr, "marsad: ingest: duplicate: %s has the same text as %s\n", r.ID, r.DuplicateOf)
				}
			}
		}
	}
}

// tick redraws the progress bar until the returned stop is called.
func (in *ingester) tick() func() {
	if in.progress == nil {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				in.mu.Lock()
				in.progress.draw(in.stored, in.duplicates, in.rejected, time.Since(in.start))
				in.mu.Unlock()
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
		in.mu.Lock()
		in.clearProgress()
		in.mu.Unlock()
	}
}

func (in *ingester) summary(w io.Writer) {
	in.mu.Lock()
	defer in.mu.Unlock()
	el := time.Since(in.start)
	rate := float64(in.stored+in.duplicates) / max(el.Seconds(), 1e-9)
	fmt.Fprintf(w, "stored %d, duplicates %d, rejected %d (%.1fs, %.0f articles/s)\n", in.stored, in.duplicates, in.rejected, el.Seconds(), rate)
	if in.nearDups > 0 {
		fmt.Fprintf(w, "  %d of the stored near-duplicate an article stored before them (reposts, linked to it; -v lists them)\n", in.nearDups)
	}
	if in.duplicates > in.dupShown {
		fmt.Fprintf(w, "  (%d duplicates not listed; -v lists them)\n", in.duplicates-in.dupShown)
	}
	var rs []string
	for r := range in.reasons {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool {
		return in.reasons[rs[i]] > in.reasons[rs[j]] || in.reasons[rs[i]] == in.reasons[rs[j]] && rs[i] < rs[j]
	})
	for _, r := range rs {
		fmt.Fprintf(w, "  rejected %d: %s\n", in.reasons[r], r)
	}
}

// progress draws a one-line bar on a terminal: the share of input bytes
// read (files are sized up front; inside a JSON Lines file or a feed, by
// line or item number against the file's line count).
type progress struct {
	w     io.Writer
	total int64
	files map[string]*fileProgress
	done  int64 // bytes of files finished
	cur   *fileProgress
	drawn bool
	read  int // articles read so far (stored ones are counted at commit)

	ctx    context.Context // cancelled by stop: ends the line counters
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

type fileProgress struct {
	size     int64
	path     string
	counting bool         // a line counter was started
	lines    atomic.Int64 // lines in the file once counted; 0 until then
	frac     float64
}

func newProgress(ctx context.Context, w io.Writer, paths []string) *progress {
	p := &progress{w: w, files: map[string]*fileProgress{}}
	p.ctx, p.cancel = context.WithCancel(ctx)
	for _, root := range paths {
		if root == "-" {
			continue
		}
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				p.files[path] = &fileProgress{size: info.Size(), path: path}
				p.total += info.Size()
			}
			return nil
		})
	}
	return p
}

// stop ends the line counters still running and waits for them.
func (p *progress) stop() {
	p.cancel()
	p.wg.Wait()
}

// seen notes a document from origin ("path", "path:line", "path#item").
// It is called with the ingester's mutex held, so it never reads a file:
// a line-numbered file's lines are counted by a goroutine that streams it
// (a JSON Lines file may be far larger than memory; reading it whole here
// once held up every worker and could exhaust memory, review finding).
func (p *progress) seen(origin string) {
	p.read++
	path, line := origin, 0
	if _, ok := p.files[path]; !ok {
		if i := strings.LastIndexAny(origin, ":#"); i > 0 {
			path = origin[:i]
			line, _ = strconv.Atoi(strings.TrimPrefix(origin[i+1:], "item "))
		}
	}
	f, ok := p.files[path]
	if !ok {
		return
	}
	if p.cur != f {
		if p.cur != nil {
			p.done += p.cur.size
		}
		p.cur = f
	}
	if line > 0 {
		if !f.counting {
			f.counting = true
			p.wg.Add(1)
			go func() {
				defer p.wg.Done()
				if n, err := countLines(p.ctx, f.path); err == nil {
					f.lines.Store(n)
				}
			}()
		}
		if n := f.lines.Load(); n > 0 {
			f.frac = min(1, float64(line)/float64(n))
		}
	}
}

// countLines streams the file at path and returns its number of lines (a
// last line without a newline counts). Memory stays at one buffer.
func countLines(ctx context.Context, path string) (int64, error) {
	fh, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer fh.Close()
	buf := make([]byte, 64<<10)
	var n int64
	last := byte('\n')
	for {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		k, err := fh.Read(buf)
		if k > 0 {
			n += int64(bytes.Count(buf[:k], []byte{'\n'}))
			last = buf[k-1]
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, err
		}
	}
	if last != '\n' {
		n++
	}
	return n, nil
}

func (p *progress) draw(stored, dups, rejected int, el time.Duration) {
	pos := p.done
	if p.cur != nil {
		pos += int64(float64(p.cur.size) * p.cur.frac)
	}
	frac := 0.0
	if p.total > 0 {
		frac = min(1, float64(pos)/float64(p.total))
	}
	const width = 30
	n := int(frac * width)
	bar := strings.Repeat("█", n) + strings.Repeat("░", width-n)
	rate := float64(stored+dups) / max(el.Seconds(), 1e-9)
	fmt.Fprintf(p.w, "\r\x1b[K%s %3.0f%%  read %d  stored %d  duplicates %d  rejected %d  %.0f/s", bar, frac*100, p.read, stored, dups, rejected, rate)
	p.drawn = true
}

func (p *progress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}
