package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/marsad-project/marsad/internal/corpus"
	"github.com/marsad-project/marsad/internal/ingest"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/pipeline"
	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/sqlite"
	"github.com/marsad-project/marsad/internal/web"
)

// serveGrace is how long a shutdown waits for requests in flight.
const serveGrace = 10 * time.Second

func runServe(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "serve", "[flags]")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	sf := addStoreFlags(fs)
	demo := fs.Bool("demo", false, "serve the embedded demo corpus from a temporary database (ignores --db and --pg)")
	token := fs.String("ingest-token", "", "enable the ingest form for whoever gives this token (default $MARSAD_INGEST_TOKEN; off when empty)")
	logLevel := fs.String("log", "info", "log level: debug, info, warn, error")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("serve: unexpected arguments %q", fs.Args())
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return usageError("serve: --log %q: want debug, info, warn or error", *logLevel)
	}
	log := slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: level}))
	if *token == "" {
		*token = os.Getenv("MARSAD_INGEST_TOKEN")
	}
	if *token != "" && len(*token) < 12 {
		return usageError("serve: the ingest token must be at least 12 characters")
	}

	// Bind first: a busy or bad address fails at once, before the demo
	// corpus is analysed; requests that arrive while it loads wait.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer ln.Close()
	var st store.Store
	if *demo {
		// A fresh SQLite file that disappears with the server, whatever
		// --db, --pg or the environment say.
		dir, err := os.MkdirTemp("", "marsad-demo-")
		if err != nil {
			return fmt.Errorf("serve: %w", err)
		}
		defer os.RemoveAll(dir)
		an, err := sf.analyzer()
		if err != nil {
			return err
		}
		opt := sqlite.DefaultOptions()
		opt.Analyzer = an
		opt.Synchronous = "OFF" // a throw-away database: durability buys nothing
		if st, err = sqlite.Open(ctx, filepath.Join(dir, "demo.db"), opt); err != nil {
			return fmt.Errorf("serve: %w", err)
		}
	} else {
		mode := openRead
		if *token != "" {
			mode = openWrite // the ingest form writes
		}
		sf.replica = true // the index lists in memory (a long-running process)
		if st, err = sf.open(ctx, mode, env.Stderr); err != nil {
			return fmt.Errorf("serve: %w", err)
		}
	}
	defer st.Close()

	p, err := newPipeline()
	if err != nil {
		return err
	}
	ingestFn := func(ctx context.Context, docs []model.Document) ([]store.PutResult, error) {
		return analyzeAndPut(ctx, p, st, docs)
	}
	if *demo {
		n, err := loadDemo(ctx, ingestFn)
		if err != nil {
			return fmt.Errorf("serve: demo corpus: %w", err)
		}
		log.Info("demo corpus stored", "articles", n)
	}

	opt := web.DefaultOptions()
	opt.IngestToken = *token
	srv, err := web.New(st, ingestFn, log, opt)
	if err != nil {
		return err
	}
	url := "http://" + displayAddr(ln.Addr())
	fmt.Fprintf(env.Stdout, "marsad: serving on %s\n", url)
	if *token != "" {
		fmt.Fprintf(env.Stdout, "marsad: ingest form at %s/ingest\n", url)
	}
	log.Info("serving", "url", url, "ingest", *token != "")
	hs := web.NewHTTPServer(ln.Addr().String(), srv.Handler(), log)
	if err := web.Serve(ctx, hs, ln, serveGrace); err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	log.Info("stopped")
	return nil
}

// displayAddr turns a listener address into one a browser can open: an
// unspecified host (0.0.0.0, ::) becomes localhost.
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

// loadDemo stores the embedded seed articles.
func loadDemo(ctx context.Context, ingestFn web.IngestFunc) (int, error) {
	files, err := corpus.Seeds()
	if err != nil {
		return 0, err
	}
	var docs []model.Document
	var bad []string
	r := ingest.NewReader(ingest.DefaultOptions())
	for _, f := range files {
		err := r.ReadBytes(ctx, f.Name, f.Data, func(d model.Document) error {
			docs = append(docs, d)
			return nil
		}, func(err error) { bad = append(bad, err.Error()) })
		if err != nil {
			return 0, err
		}
	}
	if len(bad) > 0 {
		return 0, errors.New(strings.Join(bad, "; "))
	}
	res, err := ingestFn(ctx, docs)
	return len(res), err
}

// analyzeAndPut analyses docs on every core and stores them as one batch.
func analyzeAndPut(ctx context.Context, p *pipeline.Pipeline, st store.Store, docs []model.Document) ([]store.PutResult, error) {
	batch := make([]model.Analysis, 0, len(docs))
	o := p.NewOrdered(ctx, 0, func(r pipeline.Result) error {
		if r.Err != nil {
			return r.Err
		}
		batch = append(batch, r.Analysis)
		return nil
	})
	for _, d := range docs {
		if err := o.Submit(d); err != nil {
			o.Close()
			return nil, err
		}
	}
	if err := o.Close(); err != nil {
		return nil, err
	}
	return st.Put(ctx, batch)
}
