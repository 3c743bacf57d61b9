// Package cli implements marsad's command line: one file per command, each
// a function of (ctx, env, args) that returns an error. cmd/marsad only
// calls Run.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// Env is what a command may touch of the outside world.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// Exit statuses.
const (
	ExitOK       = 0
	ExitFailure  = 1 // the command failed
	ExitUsage    = 2 // bad flags or arguments
	ExitRejected = 3 // the command ran, but some inputs were rejected
)

// ExitError carries an exit status other than 1.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string { return e.Err.Error() }
func (e *ExitError) Unwrap() error { return e.Err }

func usageError(format string, a ...any) error {
	return &ExitError{Code: ExitUsage, Err: fmt.Errorf(format, a...)}
}

// ExitCode maps err to an exit status and prints it to stderr.
func ExitCode(err error, stderr io.Writer) int {
	if err == nil {
		return ExitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	var ee *ExitError
	code := ExitFailure
	if errors.As(err, &ee) {
		code = ee.Code
	}
	if msg := err.Error(); msg != "" {
		fmt.Fprintln(stderr, "marsad:", msg)
	}
	return code
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env Env, args []string) error
}

// commands lists every subcommand, in the order `marsad help` shows them.
func commands() []command {
	return []command{
		{"extract", "clean and analyse articles; write JSON Lines (entities, events)", runExtract},
		{"ner", "tag names (PER, ORG, LOC, MISC) in CoNLL input or raw text", runNER},
		{"train", "train a model: train ner --data FILE --out FILE", runTrain},
		{"serve", "serve the web interface and JSON API (--demo: the embedded corpus)", runServe},
		{"ingest", "analyse articles and store them (SQLite file or PostgreSQL)", runIngest},
		{"search", "search the stored articles (Arabic-aware: clitics, spellings, digits)", runSearch},
		{"events", "list stored events (filters; table, JSON Lines, CSV, PLOVER JSON, GeoJSON)", runEvents},
		{"stats", "count what the store holds", runStats},
		{"version", "print the version", runVersion},
	}
}

// Run executes the command line args (without the program name).
func Run(ctx context.Context, args []string, env Env) error {
	if len(args) == 0 {
		usage(env.Stderr)
		return &ExitError{Code: ExitUsage, Err: errors.New("no command given")}
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			return Run(ctx, []string{args[1], "-h"}, env)
		}
		usage(env.Stdout)
		return nil
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, env, args[1:])
		}
	}
	usage(env.Stderr)
	return usageError("unknown command %q", name)
}

func usage(w io.Writer) {
	var b strings.Builder
	b.WriteString("marsad turns Arabic news into searchable, structured knowledge.\n\nUsage: marsad COMMAND [flags] [args]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.summary)
	}
	b.WriteString("\nRun 'marsad help COMMAND' or 'marsad COMMAND -h' for a command's flags.\n")
	io.WriteString(w, b.String())
}

// newFlagSet returns a FlagSet that prints its usage to env.Stderr and
// returns errors instead of exiting.
func newFlagSet(env Env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet("marsad "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: marsad %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, mapping errors to a usage exit status.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &ExitError{Code: ExitUsage, Err: errors.New("")}
	}
	return nil
}

// Version is set at build time with -ldflags "-X .../cli.Version=…".
var Version = "dev"

func runVersion(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "version", "")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "marsad", Version)
	return nil
}
