package api

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/marsad-project/marsad/internal/export"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

// Event is one stored event with the article it came from.
type Event struct {
	ID         int64          `json:"id"`
	ArticleID  string         `json:"article_id"`
	Title      string         `json:"title"`
	Source     string         `json:"source,omitempty"`
	Published  string         `json:"published,omitempty"`
	Day        string         `json:"day,omitempty"` // event date, or the article's day when unresolved
	Type       string         `json:"type"`
	Mode       string         `json:"mode,omitempty"`
	Actor      string         `json:"actor,omitempty"`
	Recipients []string       `json:"recipients"`
	Location   string         `json:"location,omitempty"`
	Date       string         `json:"date,omitempty"`
	DateText   string         `json:"date_text,omitempty"`
	Modality   string         `json:"modality"`
	Quantities map[string]int `json:"quantities"`
	Trigger    string         `json:"trigger,omitempty"`
	Sentence   string         `json:"sentence"`
}

// EventsResponse is the JSON answer of GET /api/events.
type EventsResponse struct {
	Page
	Events []Event `json:"events"`
}

func eventJSON(e store.EventRecord) Event {
	out := Event{
		ID: e.ID, ArticleID: e.ArticleID, Title: e.Title, Source: e.Source, Published: isoTime(e.Published), Day: e.Day,
		Type: e.Type, Mode: e.Mode, Actor: e.Actor, Recipients: append([]string{}, e.Recipients...), Location: e.Location,
		Date: e.Date, DateText: e.DateText, Modality: e.Modality, Quantities: map[string]int{}, Trigger: e.Trigger,
		Sentence: e.Sentence,
	}
	for k, v := range e.Quantities {
		out.Quantities[k] = v
	}
	return out
}

// EventParams is a parsed event request, shared with the events page.
type EventParams struct {
	Type, Actor, Place, Source string
	From, To                   string // YYYY, YYYY-MM or YYYY-MM-DD
	Page, PerPage              int
	Format                     string // json, csv, geojson, plover
}

// EventFormats lists the export formats of GET /api/events (json is the
// paged answer; the others are whole downloads).
func EventFormats() []string { return []string{"json", "csv", "geojson", "plover"} }

// partialDate is a date the event filters accept: a year, a month or a day.
var partialDate = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

// CheckPartialDate accepts the dates the event filters take: a year, a
// month or a real day (YYYY, YYYY-MM, YYYY-MM-DD).
func CheckPartialDate(v string) error {
	if !partialDate.MatchString(v) {
		return fmt.Errorf("want YYYY, YYYY-MM or YYYY-MM-DD, got %q", v)
	}
	if len(v) == 10 {
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return fmt.Errorf("no such day: %s", v)
		}
	}
	return nil
}

// ParseEvents reads the parameters of an event request.
func ParseEvents(r *http.Request, opt Options) (EventParams, error) {
	p := newParams(r, "type", "actor", "place", "source", "from", "to", "page", "per_page", "format")
	ep := EventParams{
		Type: p.oneOf("type", "", model.PLOVERTypes()...), Actor: p.str("actor", 200), Place: p.str("place", 200),
		Source: p.str("source", 200), From: p.str("from", 10), To: p.str("to", 10),
		Format: p.oneOf("format", "json", EventFormats()...),
	}
	for _, d := range []struct{ name, v string }{{"from", ep.From}, {"to", ep.To}} {
		if d.v == "" {
			continue
		}
		if err := CheckPartialDate(d.v); err != nil {
			p.fail(d.name, err.Error())
		}
	}
	if p.err == nil && ep.From != "" && ep.To != "" && ep.To < ep.From[:min(len(ep.From), len(ep.To))] {
		p.fail("to", "before from")
	}
	ep.Page, ep.PerPage = p.page(opt)
	return ep, p.err
}

// StoreFilter turns the parameters into a store filter for one page.
func (ep EventParams) StoreFilter() store.EventFilter {
	return store.EventFilter{
		Type: ep.Type, Actor: ep.Actor, Place: ep.Place, Source: ep.Source, From: ep.From, To: ep.To,
		Limit: ep.PerPage, Offset: (ep.Page - 1) * ep.PerPage,
	}
}

// AllEvents reads every event matching f, up to limit, page by page.
func AllEvents(ctx context.Context, st store.Store, f store.EventFilter, limit int) ([]store.EventRecord, int, error) {
	var out []store.EventRecord
	total := 0
	f.Offset = 0
	for len(out) < limit {
		f.Limit = min(1000, limit-len(out))
		page, err := st.Events(ctx, f)
		if err != nil {
			return nil, 0, err
		}
		total = page.Total
		out = append(out, page.Events...)
		if len(page.Events) < f.Limit {
			break
		}
		f.Offset += len(page.Events)
	}
	return out, total, nil
}

func (a *API) handleEvents(w http.ResponseWriter, r *http.Request) {
	ep, err := ParseEvents(r, a.opt)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	ctx := r.Context()
	if ep.Format == "json" {
		res, err := a.store.Events(ctx, ep.StoreFilter())
		if err != nil {
			a.fail(w, r, err)
			return
		}
		out := EventsResponse{Page: newPage(res.Total, ep.Page, ep.PerPage), Events: []Event{}}
		for _, e := range res.Events {
			out.Events = append(out.Events, eventJSON(e))
		}
		writeJSON(w, out)
		return
	}
	// Exports hold every matching event (up to MaxExport), not one page.
	evs, total, err := AllEvents(ctx, a.store, ep.StoreFilter(), a.opt.MaxExport)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	rows := exportRows(ctx, a.places, evs)
	w.Header().Set("X-Total-Count", strconv.Itoa(total))
	name := "marsad-events"
	if ep.Type != "" {
		name += "-" + strings.ToLower(ep.Type)
	}
	switch ep.Format {
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
		// A byte-order mark, so spreadsheet programs read the Arabic as UTF-8.
		if _, err = io.WriteString(w, "\uFEFF"); err == nil {
			err = export.WriteEventsCSV(w, rows) // defuses formula cells itself
		}
	case "geojson":
		w.Header().Set("Content-Type", "application/geo+json")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.geojson"`)
		err = export.WriteEventsGeoJSON(w, rows)
	case "plover":
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.plover.json"`)
		err = export.WritePloverJSON(w, rows)
	}
	if err != nil {
		// Headers are gone; the truncated body is all we can do.
		a.log.Warn("api: events export", "format", ep.Format, "err", err)
	}
}

// Places finds coordinates for event place names through the store's
// place entities (their Geo comes from the gazetteer at analysis time).
// Answers are cached: a place's coordinates do not change once stored, and
// "no coordinates" is re-checked after placeMissTTL, since a later article
// may bring them. Safe for concurrent use.
type Places struct {
	st  store.Store
	mu  sync.Mutex
	m   map[string]placeEntry
	now func() time.Time
}

type placeEntry struct {
	geo *model.Geo
	at  time.Time
}

// Cache bounds: a few thousand places cover a large corpus; the cache is
// simply emptied when full.
const (
	placeCacheMax = 20000
	placeMissTTL  = 5 * time.Minute
)

// NewPlaces returns a lookup over st.
func NewPlaces(st store.Store) *Places {
	return &Places{st: st, m: map[string]placeEntry{}, now: time.Now}
}

// Geo returns the coordinates of the place called name, or nil.
func (p *Places) Geo(ctx context.Context, name string) *model.Geo {
	if name == "" {
		return nil
	}
	key := store.NameKey(name)
	p.mu.Lock()
	e, ok := p.m[key]
	p.mu.Unlock()
	if ok && (e.geo != nil || p.now().Sub(e.at) < placeMissTTL) {
		return e.geo
	}
	g, err := p.lookup(ctx, name, key)
	if err != nil {
		return nil // not cached: a cancelled request says nothing about the place
	}
	p.mu.Lock()
	if len(p.m) >= placeCacheMax {
		p.m = map[string]placeEntry{}
	}
	p.m[key] = placeEntry{geo: g, at: p.now()}
	p.mu.Unlock()
	return g
}

func (p *Places) lookup(ctx context.Context, name, key string) (*model.Geo, error) {
	// Fast path: a place's store id is its key (store.EntityKey), so an
	// event location that is a stored place's canonical name is one read.
	d, err := p.st.Entity(ctx, store.EntityKey(model.Entity{Type: model.LOC, Name: name}))
	if err == nil {
		return d.Geo, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	page, err := p.st.Entities(ctx, store.EntityFilter{Type: model.LOC, Name: name, Limit: 20})
	if err != nil {
		return nil, err
	}
	// The name itself first; else the filter matched an alias, which is
	// safe to follow only when it names one place.
	var pick string
	for _, e := range page.Entities {
		if store.NameKey(e.Name) == key {
			pick = e.ID
			break
		}
	}
	if pick == "" && len(page.Entities) == 1 {
		pick = page.Entities[0].ID
	}
	if pick == "" {
		return nil, nil
	}
	d, err = p.st.Entity(ctx, pick)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return d.Geo, nil
}
