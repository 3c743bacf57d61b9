package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/marsad-project/marsad/internal/model"
)

func eventAnalysis() *model.Analysis {
	text := "استقبل المشير خليفة حفتر في الرجمة، أمس، غسان سلامة. وقتل 17 مسلحا، في غارة قرب سرت."
	return &model.Analysis{
		Doc: model.Document{ID: "a.txt", Source: "وكالة", URL: "https://example.org/a", Text: text,
			Published: time.Date(2018, 10, 25, 0, 0, 0, 0, time.UTC)},
		Entities: []model.Entity{
			{ID: "e1", Name: "خليفة حفتر", Type: model.PER},
			{ID: "e2", Name: "الرجمة", Type: model.LOC, Geo: &model.Geo{Lat: 32.07, Lon: 20.08, Country: "LY"}},
			{ID: "e3", Name: "غسان سلامة", Type: model.PER},
			{ID: "e4", Name: "سرت", Type: model.LOC},
		},
		Events: []model.Event{
			{Type: "CONSULT", Mode: "meet", Actor: "خليفة حفتر", Recipients: []string{"غسان سلامة", "ستيفاني وليامز"}, Location: "الرجمة",
				Date: "2018-10-24", DateText: "أمس", Modality: model.Asserted, Quantities: map[string]int{}, Sentence: "استقبل, \"حفتر\"\nسطر"},
			{Type: "ASSAULT", Mode: "aerial", Location: "سرت", Modality: model.Reported, Quantities: map[string]int{"dead": 17}, Sentence: "وقتل 17 مسلحا"},
		},
	}
}

func TestEventsCSVParsesBack(t *testing.T) {
	rows := EventRows(eventAnalysis())
	var b bytes.Buffer
	if err := WriteEventsCSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse back: %v", err)
	}
	if len(recs) != 3 || len(recs[0]) != len(CSVHeader()) {
		t.Fatalf("got %d records of %d columns", len(recs), len(recs[0]))
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	r := recs[1]
	checks := map[string]string{
		"event_id": "a.txt#1", "event_date": "2018-10-24", "event_type": "CONSULT", "sub_event_type": "meet",
		"actor1": "خليفة حفتر", "actor2": "غسان سلامة | ستيفاني وليامز", "location": "الرجمة", "latitude": "32.07000",
		"modality": "asserted", "notes": "استقبل, \"حفتر\"\nسطر", "published": "2018-10-25",
	}
	for k, want := range checks {
		if got := r[col[k]]; got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if got := recs[2][col["fatalities"]]; got != "17" {
		t.Errorf("fatalities = %q, want 17", got)
	}
	if got := recs[2][col["latitude"]]; got != "" {
		t.Errorf("no coordinates known for سرت, got latitude %q", got)
	}
}

func TestEventsJSONL(t *testing.T) {
	var b bytes.Buffer
	if err := WriteEventsJSONL(&b, EventRows(eventAnalysis())); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 lines, got %d", len(lines))
	}
	for _, l := range lines {
		var e EventJSON
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("invalid JSON %q: %v", l, err)
		}
		if e.ID == "" || e.Doc != "a.txt" || e.Recipients == nil || e.Quantities == nil {
			t.Errorf("incomplete event %+v", e)
		}
	}
}

func TestPloverJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WritePloverJSON(&b, EventRows(eventAnalysis())); err != nil {
		t.Fatal(err)
	}
	var recs []map[string]any
	if err := json.Unmarshal(b.Bytes(), &recs); err != nil {
		t.Fatalf("invalid JSON: %v", err)
	}
	for _, f := range []string{"id", "date", "actor", "recipient", "event", "mode", "event_loc", "size", "event_text", "cite_info"} {
		if _, ok := recs[0][f]; !ok {
			t.Errorf("PLOVER record lacks %q", f)
		}
	}
	loc := recs[0]["event_loc"].(map[string]any)
	if loc["name"] != "الرجمة" || loc["lat"] == nil {
		t.Errorf("event_loc = %v", loc)
	}
	if recs[1]["size"] != float64(17) || recs[1]["event"] != "ASSAULT" {
		t.Errorf("ASSAULT record: size %v event %v", recs[1]["size"], recs[1]["event"])
	}
}

func TestEventsGeoJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteEventsGeoJSON(&b, EventRows(eventAnalysis())); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Type     string `json:"type"`
			Geometry struct {
				Type        string    `json:"type"`
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(b.Bytes(), &fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 1 {
		t.Fatalf("want a FeatureCollection with the one located event, got %s with %d", fc.Type, len(fc.Features))
	}
	f := fc.Features[0]
	if f.Type != "Feature" || f.Geometry.Type != "Point" || len(f.Geometry.Coordinates) != 2 ||
		f.Geometry.Coordinates[0] != 20.08 || f.Geometry.Coordinates[1] != 32.07 {
		t.Errorf("bad feature %+v (coordinates are [lon, lat])", f)
	}
	if f.Properties["type"] != "CONSULT" {
		t.Errorf("properties %v", f.Properties)
	}
}

func TestWriteEventsUnknownFormat(t *testing.T) {
	if err := WriteEvents(&bytes.Buffer{}, "xml", nil); err == nil {
		t.Error("want an error for an unknown format")
	}
	for _, f := range EventFormats() {
		if err := WriteEvents(&bytes.Buffer{}, f, EventRows(eventAnalysis())); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestEventFilter(t *testing.T) {
	rows := EventRows(eventAnalysis())
	tests := []struct {
		name string
		f    EventFilter
		want int
	}{
		{"no filter", EventFilter{}, 2},
		{"type", EventFilter{Types: []string{"assault"}}, 1},
		{"actor by part of the name, hamza folded", EventFilter{Actor: "حفتر"}, 1},
		{"party matches a recipient", EventFilter{Party: "سلامه"}, 1},
		{"place", EventFilter{Place: "سرت"}, 1},
		{"date range inside", EventFilter{From: "2018-10-01", To: "2018-10-31"}, 1},
		{"date range outside", EventFilter{From: "2019-01-01"}, 0},
		{"modality", EventFilter{Modality: "reported"}, 1},
	}
	for _, tc := range tests {
		if got := len(FilterEvents(rows, tc.f)); got != tc.want {
			t.Errorf("%s: %d events, want %d", tc.name, got, tc.want)
		}
	}
}

func TestEventsCSVDefusesFormulas(t *testing.T) {
	rows := []EventRow{{ID: "1", DocID: "=cmd|' /C calc'!A0", Event: model.Event{
		Type: "PROTEST", Actor: "+SUM(A1)", Recipients: []string{"@x", "سكان"}, Location: "-2+3",
		Sentence: "=HYPERLINK(\"http://x\")", Modality: "asserted",
	}}}
	var b strings.Builder
	if err := WriteEventsCSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, cell := range recs[1] {
		if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
			t.Errorf("cell %q would run as a spreadsheet formula", cell)
		}
	}
}
