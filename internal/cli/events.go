package cli

import (
	"bufio"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/marsad-project/marsad/internal/api"
	"github.com/marsad-project/marsad/internal/export"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

// runEvents lists stored events with filters and writes them in one of the
// export formats (JSON Lines, CSV, PLOVER JSON, GeoJSON) or as a table.
func runEvents(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "events", "[flags]")
	sf := addStoreFlags(fs)
	typ := fs.String("type", "", "PLOVER event type (CONSULT, ASSAULT …)")
	actor := fs.String("actor", "", "actor or recipient name (any spelling)")
	place := fs.String("place", "", "place name")
	source := fs.String("source", "", "article source")
	from := fs.String("from", "", "first day, YYYY[-MM[-DD]]")
	to := fs.String("to", "", "last day, YYYY[-MM[-DD]]")
	limit := fs.Int("limit", 1000, "most events to write")
	format := fs.String("format", "table", "output: table, "+strings.Join(export.EventFormats(), ", "))
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "table" && !slices.Contains(export.EventFormats(), *format) {
		return usageError("events: --format %q: want table or one of %s", *format, strings.Join(export.EventFormats(), ", "))
	}
	*typ = strings.ToUpper(*typ)
	if *typ != "" && !slices.Contains(model.PLOVERTypes(), *typ) {
		return usageError("events: --type %q: want one of %s", *typ, strings.Join(model.PLOVERTypes(), ", "))
	}
	if *limit <= 0 {
		return usageError("events: --limit must be positive")
	}
	for _, d := range []struct{ name, v string }{{"from", *from}, {"to", *to}} {
		if d.v == "" {
			continue
		}
		if err := api.CheckPartialDate(d.v); err != nil {
			return usageError("events: --%s: %v", d.name, err)
		}
	}
	s, err := sf.open(ctx, openRead, env.Stderr)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	defer s.Close()
	f := store.EventFilter{Type: *typ, Actor: *actor, Place: *place, Source: *source, From: *from, To: *to}
	evs, total, err := api.AllEvents(ctx, s, f, *limit)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	rows := api.ExportRows(ctx, s, evs)
	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	if *format == "table" {
		for _, r := range rows {
			ev := r.Event
			day := ev.Date
			switch {
			case day == "" && r.Published != "":
				day = "(" + r.Published + ")" // the article's day: the event's own date is unknown
			case day == "":
				day = "-"
			}
			fmt.Fprintf(out, "%s\t%s\t%s\t%s → %s\t%s\t%s\t%s\n", day, ev.Type, ev.Mode, ev.Actor,
				strings.Join(ev.Recipients, "، "), ev.Location, ev.Modality, r.DocID)
		}
		fmt.Fprintf(out, "%d of %d events\n", len(rows), total)
		return out.Flush()
	}
	if err := export.WriteEvents(out, *format, rows); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	return out.Flush()
}
