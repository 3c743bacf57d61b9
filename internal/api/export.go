package api

import (
	"context"
	"strconv"

	"github.com/marsad-project/marsad/internal/export"
	"github.com/marsad-project/marsad/internal/store"
)

// ExportRows turns stored events into the rows of the export formats, with
// the coordinates the store knows for each event's place.
func ExportRows(ctx context.Context, st store.Store, evs []store.EventRecord) []export.EventRow {
	return exportRows(ctx, NewPlaces(st), evs)
}

func exportRows(ctx context.Context, places *Places, evs []store.EventRecord) []export.EventRow {
	rows := make([]export.EventRow, 0, len(evs))
	for _, e := range evs {
		r := export.EventRow{
			ID: strconv.FormatInt(e.ID, 10), DocID: e.ArticleID, Source: e.Source,
			Event: e.Event, Geo: places.Geo(ctx, e.Location),
		}
		if !e.Published.IsZero() {
			r.Published = e.Published.Format("2006-01-02")
		}
		rows = append(rows, r)
	}
	return rows
}
