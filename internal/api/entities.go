package api

import (
	"net/http"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

// EntityTypes returns the entity types filters accept, a fresh slice on
// each call.
func EntityTypes() []string {
	return []string{model.PER, model.ORG, model.LOC, model.MISC}
}

// EntitySummary is one store-wide entity in a list.
type EntitySummary struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Articles int    `json:"article_count"`
	Mentions int    `json:"mention_count"`
}

// EntitiesResponse is the answer of GET /api/entities.
type EntitiesResponse struct {
	Page
	Entities []EntitySummary `json:"entities"`
}

// EntityResponse is the answer of GET /api/entities/{id}.
type EntityResponse struct {
	EntitySummary
	Aliases     []string       `json:"aliases"`
	Lat         *float64       `json:"lat,omitempty"`
	Lon         *float64       `json:"lon,omitempty"`
	Country     string         `json:"country,omitempty"`
	Articles    []ArticleRef   `json:"articles"`
	Cooccurring []Cooccurrence `json:"cooccurring"`
	Events      []Event        `json:"events"`
}

// ArticleRef is a short reference to an article.
type ArticleRef struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
	Mentions  int    `json:"mentions"`
}

// Cooccurrence is an entity named in the same articles.
type Cooccurrence struct {
	EntitySummary
	Shared int `json:"shared_articles"`
}

// EntityParams is a parsed entity-list request, shared with the pages.
type EntityParams struct {
	Type, Q       string
	Page, PerPage int
}

// ParseEntities reads the parameters of an entity list request.
func ParseEntities(r *http.Request, opt Options) (EntityParams, error) {
	p := newParams(r, "type", "q", "page", "per_page")
	ep := EntityParams{Type: p.oneOf("type", "", EntityTypes()...), Q: p.str("q", 200)}
	ep.Page, ep.PerPage = p.page(opt)
	return ep, p.err
}

// StoreFilter turns the parameters into a store filter.
func (ep EntityParams) StoreFilter() store.EntityFilter {
	return store.EntityFilter{Type: ep.Type, Name: ep.Q, Limit: ep.PerPage, Offset: (ep.Page - 1) * ep.PerPage}
}

func (a *API) handleEntities(w http.ResponseWriter, r *http.Request) {
	ep, err := ParseEntities(r, a.opt)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	res, err := a.store.Entities(r.Context(), ep.StoreFilter())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := EntitiesResponse{Page: newPage(res.Total, ep.Page, ep.PerPage), Entities: []EntitySummary{}}
	for _, e := range res.Entities {
		out.Entities = append(out.Entities, entitySummary(e))
	}
	writeJSON(w, out)
}

func entitySummary(e store.EntitySummary) EntitySummary {
	return EntitySummary{ID: e.ID, Name: e.Name, Type: e.Type, Articles: e.Articles, Mentions: e.Mentions}
}

func (a *API) handleEntity(w http.ResponseWriter, r *http.Request) {
	if err := newParams(r).err; err != nil {
		a.fail(w, r, err)
		return
	}
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	e, err := a.store.Entity(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := EntityResponse{
		EntitySummary: entitySummary(e.EntitySummary),
		Aliases:       append([]string{}, e.Aliases...),
		Articles:      []ArticleRef{}, Cooccurring: []Cooccurrence{}, Events: []Event{},
	}
	if e.Geo != nil {
		lat, lon := e.Geo.Lat, e.Geo.Lon
		out.Lat, out.Lon, out.Country = &lat, &lon, e.Geo.Country
	}
	for _, ar := range e.ArticleRefs {
		out.Articles = append(out.Articles, ArticleRef{ID: ar.ID, Title: ar.Title, Source: ar.Source, Published: isoTime(ar.Published), Mentions: ar.Mentions})
	}
	for _, c := range e.Cooccurring {
		out.Cooccurring = append(out.Cooccurring, Cooccurrence{EntitySummary: entitySummary(c.EntitySummary), Shared: c.Shared})
	}
	for _, ev := range e.Events {
		out.Events = append(out.Events, eventJSON(ev))
	}
	writeJSON(w, out)
}
