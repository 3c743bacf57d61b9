package api

import "net/http"

// StatsResponse is the answer of GET /api/stats.
type StatsResponse struct {
	Backend        string       `json:"backend"`
	Articles       int          `json:"articles"`
	Entities       int          `json:"entities"`
	Mentions       int          `json:"mentions"`
	Events         int          `json:"events"`
	Sources        []FacetCount `json:"sources"`
	EntityTypes    []FacetCount `json:"entity_types"`
	EventTypes     []FacetCount `json:"event_types"`
	FirstPublished string       `json:"first_published,omitempty"`
	LastPublished  string       `json:"last_published,omitempty"`
	SizeBytes      int64        `json:"size_bytes"`
	Analyzer       string       `json:"analyzer"`
}

func (a *API) handleStats(w http.ResponseWriter, r *http.Request) {
	if err := newParams(r).err; err != nil {
		a.fail(w, r, err)
		return
	}
	s, err := a.store.Stats(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	// The store's location (a file path or server) is not shown: it tells
	// a visitor nothing useful and an attacker something.
	writeJSON(w, StatsResponse{
		Backend: s.Backend, Articles: s.Articles, Entities: s.Entities, Mentions: s.Mentions, Events: s.Events,
		Sources: facetJSON(s.Sources), EntityTypes: facetJSON(s.EntityTypes), EventTypes: facetJSON(s.EventTypes),
		FirstPublished: isoTime(s.FirstPublished), LastPublished: isoTime(s.LastPublished),
		SizeBytes: s.SizeBytes, Analyzer: s.Analyzer,
	})
}
