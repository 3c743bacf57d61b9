package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/marsad-project/marsad/internal/search"
	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/postgres"
	"github.com/marsad-project/marsad/internal/store/sqlite"
)

// storeFlags are the flags of every command that opens the store (ingest,
// search, stats, serve).
type storeFlags struct {
	db       string
	pg       string
	variants string
	// replica: a long-running process (serve) keeps the index lists in
	// memory (postgres.Options.ReplicaBytes, sqlite.Options.ReplicaBytes);
	// the one-shot commands do not (loading the index to answer one query
	// costs more than it saves).
	replica bool
}

// addStoreFlags registers --db, --pg and --variants on fs.
func addStoreFlags(fs *flag.FlagSet) *storeFlags {
	f := &storeFlags{}
	fs.StringVar(&f.db, "db", "marsad.db", "SQLite store file")
	fs.StringVar(&f.pg, "pg", "", "PostgreSQL URL (postgres://user@host:5432/db); overrides --db; default $"+postgres.EnvURL)
	fs.StringVar(&f.variants, "variants", "", "extra spelling-variants table (format of internal/search/variants.txt); use the same file to ingest and to search")
	return f
}

// analyzer builds the search analyzer with the shipped variants and the
// user's --variants file.
func (f *storeFlags) analyzer() (*search.Analyzer, error) {
	opt := search.DefaultOptions()
	if f.variants != "" {
		b, err := os.ReadFile(f.variants)
		if err != nil {
			return nil, usageError("--variants: %v", err)
		}
		opt.ExtraVariants = string(b)
	}
	return search.NewAnalyzer(opt)
}

// openMode says whether a command writes to the store.
type openMode int

const (
	openRead  openMode = iota // the store must exist
	openWrite                 // created if missing; refuses a store indexed with another analyzer
)

// open opens the store the flags name. Reading a store indexed with
// another analyzer works with a warning on stderr (results may miss).
func (f *storeFlags) open(ctx context.Context, mode openMode, stderr io.Writer) (store.Store, error) {
	an, err := f.analyzer()
	if err != nil {
		return nil, err
	}
	url := f.pg
	if url == "" {
		url = os.Getenv(postgres.EnvURL)
	}
	var s store.Store
	if url != "" {
		opt := postgres.DefaultOptions()
		opt.Analyzer = an
		if f.replica {
			opt.ReplicaBytes = postgres.DefaultReplicaBytes
		}
		st, e := postgres.Open(ctx, url, opt)
		if st != nil {
			s = st
		}
		err = e
	} else {
		if mode == openRead {
			if _, err := os.Stat(f.db); err != nil {
				return nil, fmt.Errorf("no store at %s (run `marsad ingest` first, or give --db or --pg)", f.db)
			}
		}
		opt := sqlite.DefaultOptions()
		opt.Analyzer = an
		if f.replica {
			opt.ReplicaBytes = sqlite.DefaultReplicaBytes
		}
		st, e := sqlite.Open(ctx, f.db, opt)
		if st != nil {
			s = st
		}
		err = e
	}
	if errors.Is(err, store.ErrAnalyzerChanged) {
		if mode == openWrite {
			s.Close()
			return nil, fmt.Errorf("%w\n(the variants table or the Arabic analyzer changed since this store was built: ingest into a new store, or use the same --variants)", err)
		}
		fmt.Fprintln(stderr, "marsad: warning:", err)
		err = nil
	}
	if err != nil {
		if s != nil {
			s.Close()
		}
		return nil, err
	}
	return s, nil
}

// isTerminal reports whether w is a terminal (progress bars, colour).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
