package web

import (
	"net/http"
	"net/url"
	"sort"

	"github.com/marsad-project/marsad/internal/api"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

type eventsData struct {
	base
	Params   api.EventParams
	Types    []string
	Total    int
	Events   []store.EventRecord
	Error    string
	Pager    pager
	Exports  []exportLink
	Timeline *timelineView
	Map      *mapView
	Figured  int  // events the figures were drawn from
	Partial  bool // more events matched than the figures drew
}

type exportLink struct {
	ID, Label, Href string
}

// mapMaxPlaces caps the places looked up and drawn (each costs two store
// reads; more than this many markers cannot be read anyway).
const mapMaxPlaces = 80

func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	d := eventsData{base: s.base("الأحداث", "events"), Types: model.PLOVERTypes()}
	ep, err := api.ParseEvents(r, s.listOptions())
	d.Params = ep
	if err == nil && ep.Format != "json" {
		err = api.BadParam("format", "the page shows events; use /api/events for exports")
	}
	if err != nil {
		d.Error = api.Message(err)
		s.render(w, r, http.StatusBadRequest, "events", d)
		return
	}
	ctx := r.Context()
	res, err := s.store.Events(ctx, ep.StoreFilter())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Total, d.Events = res.Total, res.Events
	q := r.URL.Query()
	d.Pager = newPager("/events", q, ep.Page, ep.PerPage, res.Total)
	filters := copyValues(q)
	filters.Del("page")
	filters.Del("per_page")
	for _, f := range []struct{ id, format, label string }{
		{"export-csv", "csv", "CSV"}, {"export-json", "json", "JSON"}, {"export-geojson", "geojson", "GeoJSON"}, {"export-plover", "plover", "PLOVER"},
	} {
		qq := copyValues(filters)
		href := "/api/events"
		if f.format == "json" {
			qq.Set("per_page", "200")
		} else {
			qq.Set("format", f.format)
		}
		if len(qq) > 0 {
			href += "?" + qq.Encode()
		}
		d.Exports = append(d.Exports, exportLink{ID: f.id, Label: f.label, Href: href})
	}
	// Figures: drawn from up to FigureEvents matching events, not one page.
	all, total, err := api.AllEvents(ctx, s.store, ep.StoreFilter(), s.opt.FigureEvents)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Figured, d.Partial = len(all), total > len(all)
	dates := make([]string, len(all))
	for i, e := range all {
		dates[i] = e.Day
	}
	d.Timeline = buildTimeline(dates, "/events", filters)
	d.Map, err = s.eventsMap(r, all, filters)
	if err != nil {
		s.log.Warn("web: map", "err", err)
	}
	s.render(w, r, http.StatusOK, "events", d)
}

// eventsMap plots the events' places that have coordinates.
func (s *Server) eventsMap(r *http.Request, evs []store.EventRecord, filters url.Values) (*mapView, error) {
	counts := map[string]int{}
	for _, e := range evs {
		if e.Location != "" {
			counts[e.Location]++
		}
	}
	names := make([]string, 0, len(counts))
	for n := range counts {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if counts[names[i]] != counts[names[j]] {
			return counts[names[i]] > counts[names[j]]
		}
		return names[i] < names[j]
	})
	if len(names) > mapMaxPlaces {
		names = names[:mapMaxPlaces]
	}
	places := s.api.Places()
	var pts []MapPoint
	for _, n := range names {
		g := places.Geo(r.Context(), n)
		if g == nil {
			continue
		}
		qq := copyValues(filters)
		qq.Set("place", n)
		pts = append(pts, MapPoint{Name: n, Lat: g.Lat, Lon: g.Lon, Count: counts[n], Href: "/events?" + qq.Encode()})
	}
	return buildMap(pts)
}
