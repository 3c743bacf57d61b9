package web

import (
	"net/http"

	"github.com/marsad-project/marsad/internal/api"
	"github.com/marsad-project/marsad/internal/store"
)

type homeData struct {
	base
	Stats    *store.Stats
	ByType   []entityGroup
	Events   []store.EventRecord
	Examples []string
}

type entityGroup struct {
	Type     string
	Entities []store.EntitySummary
}

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	st, err := s.store.Stats(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := homeData{base: s.base("", "home"), Stats: st}
	for _, t := range api.EntityTypes() {
		page, err := s.store.Entities(ctx, store.EntityFilter{Type: t, Limit: 8})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if len(page.Entities) > 0 {
			d.ByType = append(d.ByType, entityGroup{Type: t, Entities: page.Entities})
		}
	}
	evs, err := s.store.Events(ctx, store.EventFilter{Limit: 8})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Events = evs.Events
	// Queries that show the variant-aware matching (the README's examples).
	d.Examples = []string{"فايز السراج", "بسرت", "الأمريكية", "\"الجيش الوطني\"", "حفتر OR السراج"}
	s.render(w, r, http.StatusOK, "home", d)
}
