package web

import (
	"net/http"
	"net/url"

	"github.com/marsad-project/marsad/internal/api"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

type entitiesData struct {
	base
	Params   api.EntityParams
	Types    []string
	Total    int
	Entities []store.EntitySummary
	Error    string
	Pager    pager
}

func (s *Server) handleEntities(w http.ResponseWriter, r *http.Request) {
	d := entitiesData{base: s.base("الكيانات", "entities"), Types: api.EntityTypes()}
	ep, err := api.ParseEntities(r, s.listOptions())
	d.Params = ep
	if err != nil {
		d.Error = api.Message(err)
		s.render(w, r, http.StatusBadRequest, "entities", d)
		return
	}
	res, err := s.store.Entities(r.Context(), ep.StoreFilter())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Total, d.Entities = res.Total, res.Entities
	d.Pager = newPager("/entities", r.URL.Query(), ep.Page, ep.PerPage, res.Total)
	s.render(w, r, http.StatusOK, "entities", d)
}

type entityData struct {
	base
	Entity   *store.EntityDetail
	Timeline *timelineView
	Map      *mapView
	Events   []store.EventRecord
}

func (s *Server) handleEntity(w http.ResponseWriter, r *http.Request) {
	e, err := s.store.Entity(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := entityData{base: s.base(e.Name, "entities"), Entity: e}
	dates := make([]string, 0, len(e.Events))
	for _, ev := range e.Events {
		dates = append(dates, ev.Day)
	}
	// Timeline bars link to the events page filtered on this entity's role.
	q := url.Values{}
	if e.Type == model.LOC {
		q.Set("place", e.Name)
	} else {
		q.Set("actor", e.Name)
	}
	d.Timeline = buildTimeline(dates, "/events", q)
	if e.Geo != nil {
		m, err := buildMap([]MapPoint{{Name: e.Name, Lat: e.Geo.Lat, Lon: e.Geo.Lon, Count: len(e.Events),
			Href: "/events?" + url.Values{"place": {e.Name}}.Encode()}})
		if err != nil {
			s.log.Warn("web: map", "err", err)
		}
		if m != nil {
			m.Caption = "موقع المكان بإحداثيات المعجم الجغرافي؛ الضغط عليه يعرض الأحداث فيه."
		}
		d.Map = m
	}
	d.Events = e.Events
	if len(d.Events) > 20 {
		d.Events = d.Events[:20]
	}
	s.render(w, r, http.StatusOK, "entity", d)
}
