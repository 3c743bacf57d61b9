package api

import (
	"net/http"
	"time"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

// MaxQueryBytes bounds the q parameter; the search layer has its own,
// smaller limit on words (search.ErrQueryTooLong).
const MaxQueryBytes = 4096

// SearchResponse is the answer of GET /api/search.
type SearchResponse struct {
	Query string `json:"query"`
	Page
	Hits   []SearchHit `json:"hits"`
	Facets *Facets     `json:"facets,omitempty"`
}

// SearchHit is one matching article.
type SearchHit struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Source    string  `json:"source,omitempty"`
	URL       string  `json:"url,omitempty"`
	Published string  `json:"published,omitempty"`
	Score     float64 `json:"score"`
	Snippet   Snippet `json:"snippet"`
	// DuplicateOf: the earliest stored article this one near-duplicates
	// (a repost), "" for an original.
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// Snippet is a passage of the article's original text; highlights are
// code-point ranges into Text.
type Snippet struct {
	Text         string  `json:"text"`
	Highlights   []Range `json:"highlights"`
	ElidedBefore bool    `json:"elided_before"`
	ElidedAfter  bool    `json:"elided_after"`
}

// Range is a code-point range [start, end).
type Range struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Facets count all matching articles by source, day and entity.
type Facets struct {
	Sources  []FacetCount `json:"sources"`
	Days     []FacetCount `json:"days"`
	Entities []FacetCount `json:"entities"`
}

// FacetCount is one facet value.
type FacetCount struct {
	Key   string `json:"key"`
	Label string `json:"label,omitempty"`
	Count int    `json:"count"`
}

// SearchParams is a parsed search request, shared with the search page.
type SearchParams struct {
	Q        string
	Sources  []string
	From, To time.Time // To is inclusive (a day)
	Page     int
	PerPage  int
	Facets   bool
	// IDsOnly: each hit's id and score only (store.SearchQuery.IDsOnly):
	// on PostgreSQL, `marsad serve` answers it from memory.
	IDsOnly bool
}

// ParseSearch reads the parameters of a search request; it returns a 400
// error (see Fail) for bad ones.
func ParseSearch(r *http.Request, opt Options) (SearchParams, error) {
	p := newParams(r, "q", "source", "from", "to", "page", "per_page", "facets", "ids_only")
	sp := SearchParams{
		Q:       p.str("q", MaxQueryBytes),
		Sources: p.list("source", 200),
		From:    p.date("from"),
		To:      p.date("to"),
		Facets:  p.boolean("facets", false),
		IDsOnly: p.boolean("ids_only", false),
	}
	sp.Page, sp.PerPage = p.page(opt)
	if p.err == nil && sp.Q == "" {
		p.fail("q", "missing: give the words to search for")
	}
	if p.err == nil && !sp.From.IsZero() && !sp.To.IsZero() && sp.To.Before(sp.From) {
		p.fail("to", "before from")
	}
	return sp, p.err
}

// StoreQuery turns the parameters into a store query.
func (sp SearchParams) StoreQuery() store.SearchQuery {
	q := store.SearchQuery{
		Text: sp.Q, Sources: sp.Sources, From: sp.From,
		Limit: sp.PerPage, Offset: (sp.Page - 1) * sp.PerPage, Facets: sp.Facets, IDsOnly: sp.IDsOnly,
	}
	if !sp.To.IsZero() {
		q.To = sp.To.AddDate(0, 0, 1) // the store's To is exclusive
	}
	return q
}

func (a *API) handleSearch(w http.ResponseWriter, r *http.Request) {
	sp, err := ParseSearch(r, a.opt)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	res, err := a.store.Search(r.Context(), sp.StoreQuery())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := SearchResponse{Query: sp.Q, Page: newPage(res.Total, sp.Page, sp.PerPage), Hits: []SearchHit{}}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, SearchHit{
			ID: h.ID, Title: h.Title, Source: h.Source, URL: h.URL, Published: isoTime(h.Published),
			Score: h.Score, Snippet: snippetJSON(h.Snippet), DuplicateOf: h.DuplicateOf,
		})
	}
	if res.Facets != nil {
		out.Facets = &Facets{Sources: facetJSON(res.Facets.Sources), Days: facetJSON(res.Facets.Days), Entities: facetJSON(res.Facets.Entities)}
	}
	writeJSON(w, out)
}

func snippetJSON(s store.Snippet) Snippet {
	idx := model.NewRuneIndex(s.Text)
	out := Snippet{Text: s.Text, Highlights: []Range{}, ElidedBefore: s.ElidedBefore, ElidedAfter: s.ElidedAfter}
	for _, h := range s.Highlights {
		if h.Start < 0 || h.End > len(s.Text) || h.Start >= h.End {
			continue
		}
		out.Highlights = append(out.Highlights, Range{idx.Rune(h.Start), idx.Rune(h.End)})
	}
	return out
}

func facetJSON(cs []store.Count) []FacetCount {
	out := make([]FacetCount, 0, len(cs))
	for _, c := range cs {
		out = append(out, FacetCount{Key: c.Key, Label: c.Label, Count: c.N})
	}
	return out
}
