package export

import (
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
)

// EventFilter selects events for `marsad events`. Empty fields match
// everything. Names match after arabic.Normalize, as a substring of the
// canonical name (so "حفتر" finds "خليفة حفتر").
type EventFilter struct {
	Types    []string // PLOVER types (any of)
	Actor    string   // matches the actor
	Party    string   // matches the actor or a recipient
	Place    string   // matches the location
	From, To string   // ISO dates, inclusive; an event without a date never matches a range
	Modality string   // asserted, planned, negated, reported
}

// Match reports whether r passes the filter.
func (f EventFilter) Match(r EventRow) bool {
	ev := r.Event
	if len(f.Types) > 0 {
		ok := false
		for _, t := range f.Types {
			ok = ok || strings.EqualFold(t, ev.Type)
		}
		if !ok {
			return false
		}
	}
	if f.Modality != "" && f.Modality != ev.Modality {
		return false
	}
	if f.Actor != "" && !nameHas(ev.Actor, f.Actor) {
		return false
	}
	if f.Party != "" {
		ok := nameHas(ev.Actor, f.Party)
		for _, rc := range ev.Recipients {
			ok = ok || nameHas(rc, f.Party)
		}
		if !ok {
			return false
		}
	}
	if f.Place != "" && !nameHas(ev.Location, f.Place) {
		return false
	}
	if f.From != "" || f.To != "" {
		if ev.Date == "" {
			return false
		}
		// compare on the shared prefix: "2018-10" is within 2018-10-01..2018-10-31
		if f.From != "" && ev.Date < f.From[:min(len(f.From), len(ev.Date))] {
			return false
		}
		if f.To != "" && ev.Date[:min(len(f.To), len(ev.Date))] > f.To {
			return false
		}
	}
	return true
}

func nameHas(name, q string) bool {
	if name == "" {
		return false
	}
	return strings.Contains(arabic.Normalize(name), arabic.Normalize(q))
}

// FilterEvents returns the rows that pass f.
func FilterEvents(rows []EventRow, f EventFilter) []EventRow {
	var out []EventRow
	for _, r := range rows {
		if f.Match(r) {
			out = append(out, r)
		}
	}
	return out
}
