// Package export writes analyses in marsad's output formats: the JSON Lines
// contract of `marsad extract` (../shared/eval/README.md), and later CSV,
// PLOVER JSON and GeoJSON.
package export

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/marsad-project/marsad/internal/model"
)

// Record is one line of `marsad extract` output. Offsets are Unicode
// code points into Text.
type Record struct {
	Doc       string           `json:"doc"`
	Title     string           `json:"title,omitempty"`
	Source    string           `json:"source,omitempty"`
	URL       string           `json:"url,omitempty"`
	Published string           `json:"published,omitempty"`
	Story     string           `json:"story,omitempty"`        // id of the story's first document (extract with stories on)
	Duplicate string           `json:"duplicate_of,omitempty"` // id of an earlier near-duplicate, when this is a repost
	Text      string           `json:"text"`
	Sentences []SentenceRecord `json:"sentences"`
	Entities  []EntityRecord   `json:"entities"`
	Events    []EventRecord    `json:"events"`
}

// SentenceRecord is one sentence with code-point offsets.
type SentenceRecord struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// MentionRecord is one mention with code-point offsets.
type MentionRecord struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// EntityRecord is one entity of the contract.
type EntityRecord struct {
	ID       string          `json:"id"`
	Name     string          `json:"name"`
	Type     string          `json:"type"`
	Aliases  []string        `json:"aliases,omitempty"`
	Lat      *float64        `json:"lat,omitempty"`
	Lon      *float64        `json:"lon,omitempty"`
	Mentions []MentionRecord `json:"mentions"`
}

// EventRecord is one event of the contract.
type EventRecord struct {
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
	Start      int            `json:"start"`
	End        int            `json:"end"`
}

// NewRecord converts an analysis to the contract, turning byte offsets into
// code-point offsets.
func NewRecord(a *model.Analysis) Record {
	text := a.Doc.Text
	idx := model.NewRuneIndex(text)
	r := Record{
		Doc: a.Doc.ID, Title: a.Doc.Title, Source: a.Doc.Source, URL: a.Doc.URL, Text: text,
		Sentences: []SentenceRecord{}, Entities: []EntityRecord{}, Events: []EventRecord{},
	}
	if a.Doc.HasDate() {
		r.Published = a.Doc.Published.Format("2006-01-02T15:04:05Z07:00")
	}
	for _, s := range a.Sentences {
		start, end, ok := span(text, s.Start, s.End)
		if !ok {
			continue // a stored row with offsets outside the text: skip it, never panic
		}
		r.Sentences = append(r.Sentences, SentenceRecord{Text: text[start:end], Start: idx.Rune(start), End: idx.Rune(end)})
	}
	for _, e := range a.Entities {
		er := EntityRecord{ID: e.ID, Name: e.Name, Type: e.Type, Aliases: e.Aliases, Mentions: []MentionRecord{}}
		if e.Geo != nil {
			lat, lon := e.Geo.Lat, e.Geo.Lon
			er.Lat, er.Lon = &lat, &lon
		}
		for _, m := range e.Mentions {
			er.Mentions = append(er.Mentions, MentionRecord{Text: m.Text, Start: idx.Rune(m.Start), End: idx.Rune(m.End)})
		}
		r.Entities = append(r.Entities, er)
	}
	for _, ev := range a.Events {
		q := ev.Quantities
		if q == nil {
			q = map[string]int{}
		}
		rec := ev.Recipients
		if rec == nil {
			rec = []string{}
		}
		r.Events = append(r.Events, EventRecord{
			Type: ev.Type, Mode: ev.Mode, Actor: ev.Actor, Recipients: rec, Location: ev.Location,
			Date: ev.Date, DateText: ev.DateText, Modality: ev.Modality, Quantities: q, Trigger: ev.Trigger,
			Sentence: ev.Sentence, Start: idx.Rune(ev.Start), End: idx.Rune(ev.End),
		})
	}
	return r
}

// span checks that [start, end) is a valid span of text.
func span(text string, start, end int) (int, int, bool) {
	if start < 0 || end > len(text) || start > end {
		return 0, 0, false
	}
	return start, end, true
}

// JSONLWriter writes one Record per line.
type JSONLWriter struct {
	enc *json.Encoder
}

// NewJSONLWriter returns a writer to w.
func NewJSONLWriter(w io.Writer) *JSONLWriter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &JSONLWriter{enc: enc}
}

// Write writes a's record.
func (w *JSONLWriter) Write(a *model.Analysis) error {
	r := NewRecord(a)
	return w.WriteRecord(&r)
}

// WriteRecord writes a record built by NewRecord (and completed by the
// caller, e.g. with its story).
func (w *JSONLWriter) WriteRecord(r *Record) error {
	if err := w.enc.Encode(r); err != nil {
		return fmt.Errorf("export: write record: %w", err)
	}
	return nil
}
