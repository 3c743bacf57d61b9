package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"

	"github.com/marsad-project/marsad/internal/store"
)

func runStats(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "stats", "[flags]")
	sf := addStoreFlags(fs)
	asJSON := fs.Bool("json", false, "write the counts as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	s, err := sf.open(ctx, openRead, env.Stderr)
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	if *asJSON {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(st); err != nil {
			return err
		}
		return out.Flush()
	}
	fmt.Fprintf(out, "store      %s %s (%s)\n", st.Backend, st.Location, humanBytes(st.SizeBytes))
	fmt.Fprintf(out, "articles   %d", st.Articles)
	if !st.FirstPublished.IsZero() {
		fmt.Fprintf(out, ", published %s … %s", st.FirstPublished.Format("2006-01-02"), st.LastPublished.Format("2006-01-02"))
	}
	fmt.Fprintf(out, "\nterms      %d indexed\n", st.Terms)
	fmt.Fprintf(out, "entities   %d (%d mentions)%s\n", st.Entities, st.Mentions, countList(st.EntityTypes, 10))
	fmt.Fprintf(out, "events     %d%s\n", st.Events, countList(st.EventTypes, 10))
	fmt.Fprintf(out, "sources    %d%s\n", len(st.Sources), countList(st.Sources, 10))
	fmt.Fprintf(out, "analyzer   %s\n", st.Analyzer)
	return out.Flush()
}

func countList(cs []store.Count, n int) string {
	if len(cs) == 0 {
		return ""
	}
	s := ":"
	for i, c := range cs {
		if i == n {
			s += fmt.Sprintf(" … (%d more)", len(cs)-n)
			break
		}
		k := c.Key
		if k == "" {
			k = "(none)"
		}
		s += fmt.Sprintf(" %s %d", k, c.N)
	}
	return s
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
