package cli

import (
	"bufio"
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/marsad-project/marsad/internal/analysis"
	"github.com/marsad-project/marsad/internal/corpus"
	"github.com/marsad-project/marsad/internal/event"
	"github.com/marsad-project/marsad/internal/export"
	"github.com/marsad-project/marsad/internal/ingest"
	"github.com/marsad-project/marsad/internal/pipeline"
	"github.com/marsad-project/marsad/internal/story"
)

func runExtract(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "extract", "[flags] FILE|DIR|- ...")
	rf := addReadFlags(fs)
	demo := fs.Bool("demo", false, "run on the embedded demo corpus (the five seed articles)")
	workers := fs.Int("workers", 0, "analysis goroutines (0: one per CPU)")
	stories := fs.Bool("stories", true, "mark near-duplicates (duplicate_of) and group articles into stories (story), in input order")
	learn := fs.Bool("learn-boilerplate", false, "read the inputs twice: first learn the lines each source repeats in many articles, then drop them")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	opt, err := rf.options("extract")
	if err != nil {
		return err
	}
	paths := fs.Args()
	if len(paths) == 0 && !*demo {
		fs.Usage()
		return usageError("extract: no input given (name files, directories or -, or use --demo)")
	}
	if *learn {
		if slices.Contains(paths, "-") {
			return usageError("extract: --learn-boilerplate reads the inputs twice and cannot take standard input")
		}
		b, err := ingest.LearnBoilerplate(ctx, opt, ingest.DefaultLearnOptions(), paths)
		if err != nil {
			return fmt.Errorf("extract: %w", err)
		}
		opt.Boilerplate = b
	}
	p, err := newPipeline()
	if err != nil {
		return err
	}
	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	w := export.NewJSONLWriter(out)
	// reject is called by the reader and by the output goroutine.
	var mu sync.Mutex
	rejected := 0
	reject := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		rejected++
		fmt.Fprintln(env.Stderr, "marsad: extract:", err)
	}
	var clusters *story.Clusterer
	if *stories {
		clusters = story.New(story.DefaultOptions())
	}
	ordered := p.NewOrdered(ctx, *workers, func(res pipeline.Result) error {
		if res.Err != nil {
			reject(res.Err)
			return nil
		}
		rec := export.NewRecord(&res.Analysis)
		if clusters != nil {
			rec.Story, rec.Duplicate = clusters.Add(res.Analysis.Doc)
		}
		return w.WriteRecord(&rec)
	})
	emit := ordered.Submit
	r := ingest.NewReader(opt)
	if *demo {
		files, err := corpus.Seeds()
		if err != nil {
			ordered.Close()
			return fmt.Errorf("extract: demo corpus: %w", err)
		}
		for _, f := range files {
			if err := r.ReadBytes(ctx, f.Name, f.Data, emit, reject); err != nil {
				ordered.Close()
				return fmt.Errorf("extract: %w", err)
			}
		}
	}
	readErr := r.Read(ctx, paths, env.Stdin, emit, reject)
	if err := ordered.Close(); err != nil {
		return fmt.Errorf("extract: writing output: %w", err)
	}
	if readErr != nil {
		return fmt.Errorf("extract: %w", readErr)
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("extract: writing output: %w", err)
	}
	if rejected > 0 {
		return &ExitError{Code: ExitRejected, Err: fmt.Errorf("extract: %d input(s) rejected", rejected)}
	}
	return nil
}

// newPipeline builds the analysis pipeline with every stage marsad has: the
// analysis chain of internal/analysis (sentences → name tagger → places →
// organisations → cue-word names → discourse → entity resolution), then
// PLOVER events. The models and gazetteers load once per process and are
// shared read-only.
func newPipeline() (*pipeline.Pipeline, error) {
	stages, err := analysis.Stages()
	if err != nil {
		return nil, err
	}
	events, err := event.New(event.DefaultOptions())
	if err != nil {
		return nil, err
	}
	return pipeline.New(append(stages, events)...), nil
}
