package web

import (
	"net/http"
	"net/url"
	"sort"
	"time"

	"github.com/marsad-project/marsad/internal/api"
	"github.com/marsad-project/marsad/internal/store"
)

type searchData struct {
	base
	Params  api.SearchParams
	From    string
	To      string
	Ran     bool
	Error   string
	Total   int
	Hits    []searchHit
	Sources []facetLink
	Months  []facetLink
	Ents    []facetLink
	Pager   pager
}

type searchHit struct {
	store.Hit
	Parts []markPart
	// Reposts: the hits of this page that near-duplicate it (the same text
	// published again), shown under it instead of as hits of their own.
	Reposts []store.Hit
	// RepostOf: the original of a repost whose original is not on this
	// page ("" otherwise).
	RepostOf string
}

type facetLink struct {
	Label    string
	Count    int
	Href     string
	Selected bool
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	d := searchData{base: s.base("البحث", "search")}
	q := r.URL.Query()
	if q.Get("q") == "" && len(q) <= 1 {
		// The empty search page: just the form.
		s.render(w, r, http.StatusOK, "search", d)
		return
	}
	sp, err := api.ParseSearch(r, s.opt.API)
	d.Params, d.Query = sp, sp.Q
	d.From, d.To = dayString(sp.From), dayString(sp.To)
	if err != nil {
		d.Error = api.Message(err)
		s.render(w, r, http.StatusBadRequest, "search", d)
		return
	}
	d.Title = sp.Q + " · البحث"
	sq := sp.StoreQuery()
	sq.Facets = true
	sq.IDsOnly = false // the page shows titles and snippets
	res, err := s.store.Search(r.Context(), sq)
	if err != nil {
		if api.IsBadRequest(err) {
			d.Error = api.Message(err)
			s.render(w, r, http.StatusBadRequest, "search", d)
			return
		}
		s.fail(w, r, err)
		return
	}
	d.Ran, d.Total = true, res.Total
	d.Hits = groupReposts(res.Hits)
	if f := res.Facets; f != nil {
		d.Sources = sourceFacets(q, f.Sources, sp.Sources)
		d.Months = monthFacets(q, f.Days)
		for _, c := range f.Entities {
			// Refining by an entity adds its name, as a phrase, to the query.
			qq := copyValues(q)
			qq.Set("q", sp.Q+` "`+c.Label+`"`)
			qq.Del("page")
			d.Ents = append(d.Ents, facetLink{Label: c.Label, Count: c.N, Href: "/search?" + qq.Encode()})
		}
	}
	d.Pager = newPager("/search", q, sp.Page, sp.PerPage, res.Total)
	s.render(w, r, http.StatusOK, "search", d)
}

// groupReposts makes the page's hits, a near-duplicate group shown once:
// at its best-ranked hit, the group's other hits listed under it as
// reposts. A repost alone on the page links to its original.
func groupReposts(hits []store.Hit) []searchHit {
	var out []searchHit
	at := map[string]int{} // group (its earliest article's id) → index in out
	for _, h := range hits {
		group := h.ID
		if h.DuplicateOf != "" {
			group = h.DuplicateOf
		}
		if i, ok := at[group]; ok {
			out[i].Reposts = append(out[i].Reposts, h)
			continue
		}
		at[group] = len(out)
		hs := make([]span, len(h.Snippet.Highlights))
		for i, x := range h.Snippet.Highlights {
			hs[i] = span{x.Start, x.End}
		}
		out = append(out, searchHit{Hit: h, Parts: markParts(h.Snippet.Text, hs)})
	}
	for i := range out {
		if h := &out[i]; h.DuplicateOf != "" {
			// the original itself is on the page only as one of the group
			shown := false
			for _, r := range h.Reposts {
				shown = shown || r.ID == h.DuplicateOf
			}
			if !shown {
				h.RepostOf = h.DuplicateOf
			}
		}
	}
	return out
}

func dayString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func copyValues(q url.Values) url.Values {
	out := url.Values{}
	for k, v := range q {
		out[k] = append([]string(nil), v...)
	}
	return out
}

// sourceFacets links each source: a click on an unselected one filters by
// it, on a selected one removes the filter.
func sourceFacets(q url.Values, counts []store.Count, selected []string) []facetLink {
	sel := map[string]bool{}
	for _, s := range selected {
		sel[s] = true
	}
	var out []facetLink
	for _, c := range counts {
		qq := copyValues(q)
		qq.Del("page")
		qq.Del("source")
		if sel[c.Key] {
			for _, s := range selected {
				if s != c.Key {
					qq.Add("source", s)
				}
			}
		} else {
			qq.Set("source", c.Key)
		}
		label := c.Label
		if label == "" {
			label = c.Key
		}
		if label == "" {
			continue
		}
		out = append(out, facetLink{Label: label, Count: c.N, Href: "/search?" + qq.Encode(), Selected: sel[c.Key]})
	}
	return out
}

// monthFacets groups the day counts by month (a day list of a large corpus
// is too long to read); each links to that month's date range.
func monthFacets(q url.Values, days []store.Count) []facetLink {
	counts := map[string]int{}
	for _, c := range days {
		if t, err := time.Parse(time.DateOnly, c.Key); err == nil {
			counts[t.Format("2006-01")] += c.N
		}
	}
	months := make([]string, 0, len(counts))
	for m := range counts {
		months = append(months, m)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(months)))
	var out []facetLink
	for _, m := range months {
		t, _ := time.Parse("2006-01", m)
		qq := copyValues(q)
		qq.Del("page")
		qq.Set("from", t.Format(time.DateOnly))
		qq.Set("to", t.AddDate(0, 1, -1).Format(time.DateOnly))
		out = append(out, facetLink{Label: arabicMonth(t), Count: counts[m], Href: "/search?" + qq.Encode(),
			Selected: q.Get("from") == qq.Get("from") && q.Get("to") == qq.Get("to")})
	}
	return out
}
