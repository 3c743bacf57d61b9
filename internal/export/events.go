package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/marsad-project/marsad/internal/model"
)

// EventRow is one event with the document it came from, the unit of the
// event exports (JSON Lines, CSV, PLOVER JSON, GeoJSON).
type EventRow struct {
	ID        string // stable id: "<doc>#<n>" (n counts from 1 in document order)
	DocID     string
	Source    string // site or feed name
	URL       string
	Published string // publication date, YYYY-MM-DD, when known
	Event     model.Event
	Geo       *model.Geo // coordinates of Event.Location, when known
}

// EventRows lists the events of an analysis with ids and the coordinates of
// their locations (from the document's entities).
func EventRows(a *model.Analysis) []EventRow {
	geo := map[string]*model.Geo{}
	for _, e := range a.Entities {
		if e.Geo != nil && e.Type == model.LOC {
			if _, ok := geo[e.Name]; !ok {
				geo[e.Name] = e.Geo
			}
		}
	}
	pub := ""
	if a.Doc.HasDate() {
		pub = a.Doc.Published.Format("2006-01-02")
	}
	rows := make([]EventRow, 0, len(a.Events))
	for i, ev := range a.Events {
		rows = append(rows, EventRow{
			ID: fmt.Sprintf("%s#%d", a.Doc.ID, i+1), DocID: a.Doc.ID, Source: a.Doc.Source, URL: a.Doc.URL,
			Published: pub, Event: ev, Geo: geo[ev.Location],
		})
	}
	return rows
}

// EventJSON is one event in the JSON Lines event export: the contract's
// event fields plus its id, document and coordinates.
type EventJSON struct {
	ID         string         `json:"id"`
	Doc        string         `json:"doc"`
	Source     string         `json:"source,omitempty"`
	URL        string         `json:"url,omitempty"`
	Published  string         `json:"published,omitempty"`
	Type       string         `json:"type"`
	Mode       string         `json:"mode,omitempty"`
	Actor      string         `json:"actor,omitempty"`
	Recipients []string       `json:"recipients"`
	Location   string         `json:"location,omitempty"`
	Lat        *float64       `json:"lat,omitempty"`
	Lon        *float64       `json:"lon,omitempty"`
	Date       string         `json:"date,omitempty"`
	DateText   string         `json:"date_text,omitempty"`
	Modality   string         `json:"modality"`
	Quantities map[string]int `json:"quantities"`
	Trigger    string         `json:"trigger,omitempty"`
	Sentence   string         `json:"sentence"`
}

func eventJSON(r EventRow) EventJSON {
	ev := r.Event
	j := EventJSON{
		ID: r.ID, Doc: r.DocID, Source: r.Source, URL: r.URL, Published: r.Published,
		Type: ev.Type, Mode: ev.Mode, Actor: ev.Actor, Recipients: ev.Recipients, Location: ev.Location,
		Date: ev.Date, DateText: ev.DateText, Modality: ev.Modality, Quantities: ev.Quantities,
		Trigger: ev.Trigger, Sentence: ev.Sentence,
	}
	if j.Recipients == nil {
		j.Recipients = []string{}
	}
	if j.Quantities == nil {
		j.Quantities = map[string]int{}
	}
	if r.Geo != nil {
		lat, lon := r.Geo.Lat, r.Geo.Lon
		j.Lat, j.Lon = &lat, &lon
	}
	return j
}

// WriteEventsJSONL writes one JSON object per event.
func WriteEventsJSONL(w io.Writer, rows []EventRow) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range rows {
		if err := enc.Encode(eventJSON(r)); err != nil {
			return fmt.Errorf("export: events jsonl: %w", err)
		}
	}
	return nil
}

// CSVHeader is the header of the CSV event export. The columns follow
// ACLED's export (event_id_cnty, event_date, event_type, sub_event_type,
// actor1, actor2, location, latitude, longitude, fatalities, source, notes),
// with PLOVER's type and mode in place of ACLED's types, the recipients
// joined by " | " in actor2, and marsad's modality, counts and provenance.
// Each call returns a fresh slice.
func CSVHeader() []string {
	return []string{
		"event_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location",
		"latitude", "longitude", "fatalities", "injured", "arrested", "modality", "date_text",
		"source", "url", "doc", "published", "notes",
	}
}

// csvCell guards a text cell against spreadsheet formula injection (OWASP
// "CSV Injection": a cell starting with = + - @ tab or CR is prefixed with a
// quote). Article text is untrusted, and a CSV is opened in spreadsheets.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteEventsCSV writes the events as CSV with CSVHeader. Text cells are
// defused against formula injection (csvCell).
func WriteEventsCSV(w io.Writer, rows []EventRow) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader()); err != nil {
		return fmt.Errorf("export: events csv: %w", err)
	}
	count := func(q map[string]int, k string) string {
		if v, ok := q[k]; ok {
			return strconv.Itoa(v)
		}
		return ""
	}
	for _, r := range rows {
		ev := r.Event
		lat, lon := "", ""
		if r.Geo != nil {
			lat, lon = strconv.FormatFloat(r.Geo.Lat, 'f', 5, 64), strconv.FormatFloat(r.Geo.Lon, 'f', 5, 64)
		}
		fat := count(ev.Quantities, "dead")
		if fat == "" && ev.Type == "ASSAULT" {
			fat = "0" // ACLED codes an attack without reported deaths as 0
		}
		rec := []string{
			r.ID, ev.Date, ev.Type, csvCell(ev.Mode), csvCell(ev.Actor), csvCell(strings.Join(ev.Recipients, " | ")),
			csvCell(ev.Location), lat, lon, fat, count(ev.Quantities, "injured"), count(ev.Quantities, "arrested"),
			ev.Modality, csvCell(ev.DateText), csvCell(r.Source), csvCell(r.URL), csvCell(r.DocID), r.Published,
			csvCell(ev.Sentence),
		}

		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("export: events csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export: events csv: %w", err)
	}
	return nil
}

// PloverEvent is one record in the PLOVER JSON format (the PLOVER manual's
// fields: id, date, actor, recipient, event, mode, context, event_loc, size,
// event_text, cite_info), with marsad's modality added.
type PloverEvent struct {
	ID        string           `json:"id"`
	Date      string           `json:"date"`
	Actor     string           `json:"actor"`
	Recipient string           `json:"recipient"`
	Event     string           `json:"event"`
	Mode      string           `json:"mode"`
	Context   string           `json:"context"`
	EventLoc  PloverLocation   `json:"event_loc"`
	Size      *int             `json:"size"`
	EventText string           `json:"event_text"`
	CiteInfo  PloverCiteInfo   `json:"cite_info"`
	Modality  string           `json:"modality"`
	Counts    map[string]int   `json:"counts,omitempty"`
	Extra     *PloverRecipient `json:"recipients,omitempty"`
}

// PloverRecipient lists every recipient when there are several (PLOVER's
// recipient field holds one).
type PloverRecipient struct {
	All []string `json:"all"`
}

// PloverLocation is PLOVER's event_loc.
type PloverLocation struct {
	Name string   `json:"name"`
	Lat  *float64 `json:"lat"`
	Lon  *float64 `json:"lon"`
}

// PloverCiteInfo is PLOVER's cite_info: where the event was read.
type PloverCiteInfo struct {
	Source    string `json:"source"`
	URL       string `json:"url"`
	Doc       string `json:"doc"`
	Published string `json:"published"`
	DateText  string `json:"date_text"`
	Trigger   string `json:"trigger"`
}

// sizeKey is the PLOVER size of each type: casualties for an attack,
// people arrested for coercion, prisoners for a release, fighters mobilised.
var sizeKey = map[string][]string{
	"ASSAULT": {"dead", "injured"}, "COERCE": {"arrested"}, "RETREAT": {"prisoners", "fighters"},
	"MOBILIZE": {"fighters", "vehicles"}, "PROTEST": {"arrested", "dead", "injured"},
}

// NewPloverEvent converts one row to a PLOVER record.
func NewPloverEvent(r EventRow) PloverEvent {
	ev := r.Event
	p := PloverEvent{
		ID: r.ID, Date: ev.Date, Actor: ev.Actor, Event: ev.Type, Mode: ev.Mode,
		EventLoc:  PloverLocation{Name: ev.Location},
		EventText: ev.Sentence, Modality: ev.Modality,
		CiteInfo: PloverCiteInfo{Source: r.Source, URL: r.URL, Doc: r.DocID, Published: r.Published, DateText: ev.DateText, Trigger: ev.Trigger},
	}
	if len(ev.Recipients) > 0 {
		p.Recipient = ev.Recipients[0]
		if len(ev.Recipients) > 1 {
			p.Extra = &PloverRecipient{All: ev.Recipients}
		}
	}
	if r.Geo != nil {
		lat, lon := r.Geo.Lat, r.Geo.Lon
		p.EventLoc.Lat, p.EventLoc.Lon = &lat, &lon
	}
	for _, k := range sizeKey[ev.Type] {
		if v, ok := ev.Quantities[k]; ok {
			v := v
			p.Size = &v
			break
		}
	}
	if len(ev.Quantities) > 0 {
		p.Counts = ev.Quantities
	}
	return p
}

// WritePloverJSON writes the events as one JSON array of PLOVER records.
func WritePloverJSON(w io.Writer, rows []EventRow) error {
	recs := make([]PloverEvent, 0, len(rows))
	for _, r := range rows {
		recs = append(recs, NewPloverEvent(r))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(recs); err != nil {
		return fmt.Errorf("export: plover json: %w", err)
	}
	return nil
}

// GeoJSON types (RFC 7946).
type (
	// FeatureCollection is a GeoJSON FeatureCollection.
	FeatureCollection struct {
		Type     string    `json:"type"`
		Features []Feature `json:"features"`
	}
	// Feature is a GeoJSON Feature with a Point geometry.
	Feature struct {
		Type       string         `json:"type"`
		ID         string         `json:"id"`
		Geometry   Point          `json:"geometry"`
		Properties map[string]any `json:"properties"`
	}
	// Point is a GeoJSON Point: [longitude, latitude].
	Point struct {
		Type        string     `json:"type"`
		Coordinates [2]float64 `json:"coordinates"`
	}
)

// EventsGeoJSON returns the events whose location has coordinates as a
// FeatureCollection of points; events without a known place are left out.
func EventsGeoJSON(rows []EventRow) FeatureCollection {
	fc := FeatureCollection{Type: "FeatureCollection", Features: []Feature{}}
	for _, r := range rows {
		if r.Geo == nil {
			continue
		}
		ev := r.Event
		props := map[string]any{
			"doc": r.DocID, "type": ev.Type, "mode": ev.Mode, "actor": ev.Actor, "recipients": nonNil(ev.Recipients),
			"location": ev.Location, "date": ev.Date, "date_text": ev.DateText, "modality": ev.Modality,
			"quantities": ev.Quantities, "sentence": ev.Sentence, "source": r.Source, "url": r.URL,
		}
		fc.Features = append(fc.Features, Feature{
			Type: "Feature", ID: r.ID, Properties: props,
			Geometry: Point{Type: "Point", Coordinates: [2]float64{r.Geo.Lon, r.Geo.Lat}},
		})
	}
	return fc
}

// WriteEventsGeoJSON writes EventsGeoJSON(rows).
func WriteEventsGeoJSON(w io.Writer, rows []EventRow) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(EventsGeoJSON(rows)); err != nil {
		return fmt.Errorf("export: geojson: %w", err)
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// EventFormats lists the names WriteEvents accepts; each call returns a
// fresh slice.
func EventFormats() []string {
	return []string{"jsonl", "csv", "plover", "geojson"}
}

// WriteEvents writes rows in one of EventFormats.
func WriteEvents(w io.Writer, format string, rows []EventRow) error {
	switch format {
	case "jsonl":
		return WriteEventsJSONL(w, rows)
	case "csv":
		return WriteEventsCSV(w, rows)
	case "plover":
		return WritePloverJSON(w, rows)
	case "geojson":
		return WriteEventsGeoJSON(w, rows)
	}
	f := EventFormats()
	sort.Strings(f)
	return fmt.Errorf("export: unknown event format %q (want one of %s)", format, strings.Join(f, ", "))
}
