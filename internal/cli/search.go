package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/search"
	"github.com/marsad-project/marsad/internal/store"
)

func runSearch(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "search", `[flags] QUERY...

Query syntax: words must all match (any order, any clitic or spelling
variant); "a phrase" in quotes; a OR b; -word or NOT word excludes.`)
	sf := addStoreFlags(fs)
	asJSON := fs.Bool("json", false, "write the results as JSON")
	var sources stringList
	fs.Var(&sources, "source", "only articles from this source (repeat or comma-separate for several)")
	from := fs.String("from", "", "only articles published on or after this day (YYYY-MM-DD)")
	to := fs.String("to", "", "only articles published on or before this day (YYYY-MM-DD)")
	limit := fs.Int("limit", 10, "number of results")
	offset := fs.Int("offset", 0, "results to skip (paging)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	text := strings.Join(fs.Args(), " ")
	q := store.SearchQuery{Text: text, Sources: sources, Limit: *limit, Offset: *offset}
	if *from != "" {
		t, err := time.Parse("2006-01-02", *from)
		if err != nil {
			return usageError("search: --from %q: want YYYY-MM-DD", *from)
		}
		q.From = t
	}
	if *to != "" {
		t, err := time.Parse("2006-01-02", *to)
		if err != nil {
			return usageError("search: --to %q: want YYYY-MM-DD", *to)
		}
		q.To = t.AddDate(0, 0, 1) // the whole day
	}
	if *limit < 1 || *limit > 1000 {
		return usageError("search: --limit must be 1…1000")
	}
	s, err := sf.open(ctx, openRead, env.Stderr)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	defer s.Close()
	res, err := s.Search(ctx, q)
	if errors.Is(err, search.ErrEmptyQuery) || errors.Is(err, search.ErrQueryTooLong) {
		return usageError("%v", err)
	}
	if err != nil {
		return err
	}
	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	if *asJSON {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(searchJSON(text, res, *offset)); err != nil {
			return err
		}
		return out.Flush()
	}
	open, closeMark := "[", "]"
	if isTerminal(env.Stdout) {
		open, closeMark = "\x1b[1;33m", "\x1b[0m"
	}
	if res.Total == 0 {
		fmt.Fprintf(out, "no articles match %q\n", text)
		return out.Flush()
	}
	for i, h := range res.Hits {
		title := h.Title
		if title == "" {
			title = h.ID
		}
		meta := []string{}
		if h.Source != "" {
			meta = append(meta, h.Source)
		}
		if !h.Published.IsZero() {
			meta = append(meta, h.Published.Format("2006-01-02"))
		}
		meta = append(meta, fmt.Sprintf("score %.2f", h.Score))
		fmt.Fprintf(out, "%d. %s\n   %s · %s\n   %s\n\n", *offset+i+1, title, h.ID, strings.Join(meta, " · "),
			strings.ReplaceAll(h.Snippet.Marked(open, closeMark), "\n", " "))
	}
	fmt.Fprintf(out, "%d–%d of %d articles\n", *offset+1, *offset+len(res.Hits), res.Total)
	return out.Flush()
}

// stringList is a repeatable, comma-separable flag.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

// SearchHitJSON is one hit of `marsad search --json`. Offsets are Unicode
// code points into Snippet (the output contract speaks code points).
type SearchHitJSON struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Source     string   `json:"source"`
	URL        string   `json:"url,omitempty"`
	Date       string   `json:"date,omitempty"` // publication day, YYYY-MM-DD
	Score      float64  `json:"score"`
	Snippet    string   `json:"snippet"`
	Highlights [][2]int `json:"highlights"` // [start, end) code points into snippet
}

// SearchJSON is the output of `marsad search --json`.
type SearchJSON struct {
	Query  string          `json:"query"`
	Total  int             `json:"total"`
	Offset int             `json:"offset"`
	Hits   []SearchHitJSON `json:"hits"`
}

func searchJSON(text string, res *store.SearchResult, offset int) SearchJSON {
	out := SearchJSON{Query: text, Total: res.Total, Offset: offset, Hits: []SearchHitJSON{}}
	for _, h := range res.Hits {
		idx := model.NewRuneIndex(h.Snippet.Text)
		hj := SearchHitJSON{ID: h.ID, Title: h.Title, Source: h.Source, URL: h.URL, Score: h.Score,
			Snippet: h.Snippet.Text, Highlights: [][2]int{}}
		if !h.Published.IsZero() {
			hj.Date = h.Published.UTC().Format("2006-01-02")
		}
		for _, hl := range h.Snippet.Highlights {
			hj.Highlights = append(hj.Highlights, [2]int{idx.Rune(hl.Start), idx.Rune(hl.End)})
		}
		out.Hits = append(out.Hits, hj)
	}
	return out
}
