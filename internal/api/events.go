package api

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

// PLOVERTypes are the 16 PLOVER event types (PLOVER manual, 2021).
var PLOVERTypes = []string{
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}

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

// Event export formats.
var EventFormats = []string{"json", "csv", "geojson", "plover"}

// partialDate is a date the event filters accept: a year, a month or a day.
var partialDate = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

// ParseEvents reads the parameters of an event request.
func ParseEvents(r *http.Request, opt Options) (EventParams, error) {
	p := newParams(r, "type", "actor", "place", "source", "from", "to", "page", "per_page", "format")
	ep := EventParams{
		Type: p.oneOf("type", "", PLOVERTypes...), Actor: p.str("actor", 200), Place: p.str("place", 200),
		Source: p.str("source", 200), From: p.str("from", 10), To: p.str("to", 10),
		Format: p.oneOf("format", "json", EventFormats...),
	}
	for _, d := range []struct{ name, v string }{{"from", ep.From}, {"to", ep.To}} {
		if d.v == "" {
			continue
		}
		if !partialDate.MatchString(d.v) {
			p.fail(d.name, "want YYYY, YYYY-MM or YYYY-MM-DD, got "+strconv.Quote(d.v))
		} else if len(d.v) == 10 {
			if _, err := time.Parse(time.DateOnly, d.v); err != nil {
				p.fail(d.name, "no such day: "+d.v)
			}
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
	places := a.places
	w.Header().Set("X-Total-Count", strconv.Itoa(total))
	name := "marsad-events"
	if ep.Type != "" {
		name += "-" + strings.ToLower(ep.Type)
	}
	switch ep.Format {
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
		err = writeEventsCSV(ctx, w, evs, places)
	case "geojson":
		w.Header().Set("Content-Type", "application/geo+json")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.geojson"`)
		err = writeEventsGeoJSON(ctx, w, evs, places)
	case "plover":
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.plover.json"`)
		err = writeEventsPLOVER(ctx, w, evs, places)
	}
	if err != nil {
		// Headers are gone; the truncated body is all we can do.
		a.log.Warn("api: events export", "format", ep.Format, "err", err)
	}
}

// csvCell guards a text cell against spreadsheet formula injection (OWASP:
// cells starting with = + - @ tab or CR are prefixed with a quote).
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// EventCSVHeader lists the CSV columns, after ACLED's (event_date,
// event_type, sub_event_type, actor1, actor2, location, latitude, longitude,
// fatalities, notes) with marsad's provenance columns.
var EventCSVHeader = []string{
	"event_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "latitude", "longitude",
	"fatalities", "injured", "modality", "date_text", "trigger", "source", "article_id", "article_title", "published", "notes",
}

func writeEventsCSV(ctx context.Context, w http.ResponseWriter, evs []store.EventRecord, places *Places) error {
	// A byte-order mark, so spreadsheet programs read the Arabic as UTF-8.
	if _, err := w.Write([]byte("\uFEFF")); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(EventCSVHeader); err != nil {
		return err
	}
	for _, e := range evs {
		lat, lon := "", ""
		if g := places.Geo(ctx, e.Location); g != nil {
			lat, lon = strconv.FormatFloat(g.Lat, 'f', 5, 64), strconv.FormatFloat(g.Lon, 'f', 5, 64)
		}
		qty := func(k string) string {
			if v, ok := e.Quantities[k]; ok {
				return strconv.Itoa(v)
			}
			return ""
		}
		row := []string{
			strconv.FormatInt(e.ID, 10), e.Day, e.Type, csvCell(e.Mode), csvCell(e.Actor), csvCell(strings.Join(e.Recipients, "; ")),
			csvCell(e.Location), lat, lon, qty("dead"), qty("injured"), e.Modality, csvCell(e.DateText), csvCell(e.Trigger),
			csvCell(e.Source), csvCell(e.ArticleID), csvCell(e.Title), isoTime(e.Published), csvCell(e.Sentence),
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// GeoJSON (RFC 7946) of events: one Point feature per event whose place
// has coordinates.
type geoJSON struct {
	Type     string       `json:"type"`
	Features []geoFeature `json:"features"`
	// Unlocated counts events left out for want of coordinates (a foreign
	// member, allowed by RFC 7946 §6.1).
	Unlocated int `json:"unlocated"`
}

type geoFeature struct {
	Type       string      `json:"type"`
	ID         int64       `json:"id"`
	Geometry   geoGeometry `json:"geometry"`
	Properties Event       `json:"properties"`
}

type geoGeometry struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"` // lon, lat
}

func writeEventsGeoJSON(ctx context.Context, w http.ResponseWriter, evs []store.EventRecord, places *Places) error {
	out := geoJSON{Type: "FeatureCollection", Features: []geoFeature{}}
	for _, e := range evs {
		g := places.Geo(ctx, e.Location)
		if g == nil {
			out.Unlocated++
			continue
		}
		out.Features = append(out.Features, geoFeature{
			Type: "Feature", ID: e.ID, Geometry: geoGeometry{Type: "Point", Coordinates: [2]float64{g.Lon, g.Lat}},
			Properties: eventJSON(e),
		})
	}
	writeJSON(w, out)
	return nil
}

// ploverEvent follows the PLOVER manual's event record: id, date, actor,
// recipient, event, mode, context, event_loc, size, event_text, cite_info.
type ploverEvent struct {
	ID        string         `json:"id"`
	Date      string         `json:"date"`
	Actor     string         `json:"actor"`
	Recipient string         `json:"recipient"`
	Event     string         `json:"event"`
	Mode      string         `json:"mode"`
	Context   []string       `json:"context"`
	Modality  string         `json:"modality"`
	EventLoc  *ploverLoc     `json:"event_loc"`
	Size      map[string]int `json:"size"`
	EventText string         `json:"event_text"`
	CiteInfo  ploverCite     `json:"cite_info"`
}

type ploverLoc struct {
	Name    string   `json:"name"`
	Lat     *float64 `json:"lat"`
	Lon     *float64 `json:"lon"`
	Country string   `json:"country,omitempty"`
}

type ploverCite struct {
	ArticleID string `json:"article_id"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published,omitempty"`
	Trigger   string `json:"trigger,omitempty"`
	DateText  string `json:"date_text,omitempty"`
}

func writeEventsPLOVER(ctx context.Context, w http.ResponseWriter, evs []store.EventRecord, places *Places) error {
	out := make([]ploverEvent, 0, len(evs))
	for _, e := range evs {
		pe := ploverEvent{
			ID: fmt.Sprintf("marsad-%d", e.ID), Date: e.Day, Actor: e.Actor, Recipient: strings.Join(e.Recipients, "; "),
			Event: e.Type, Mode: e.Mode, Context: []string{}, Modality: e.Modality, Size: map[string]int{},
			EventText: e.Sentence,
			CiteInfo:  ploverCite{ArticleID: e.ArticleID, Title: e.Title, Source: e.Source, Published: isoTime(e.Published), Trigger: e.Trigger, DateText: e.DateText},
		}
		for k, v := range e.Quantities {
			pe.Size[k] = v
		}
		if e.Location != "" {
			pe.EventLoc = &ploverLoc{Name: e.Location}
			if g := places.Geo(ctx, e.Location); g != nil {
				lat, lon := g.Lat, g.Lon
				pe.EventLoc.Lat, pe.EventLoc.Lon, pe.EventLoc.Country = &lat, &lon, g.Country
			}
		}
		out = append(out, pe)
	}
	writeJSON(w, out)
	return nil
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
	d, err := p.st.Entity(ctx, pick)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return d.Geo, nil
}
