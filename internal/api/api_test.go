package api_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/api"
	"github.com/marsad-project/marsad/internal/api/apitest"
	"github.com/marsad-project/marsad/internal/export"
)

func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	a := api.New(apitest.Store(t), nil, api.DefaultOptions())
	mux := http.NewServeMux()
	a.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, srv *httptest.Server, path string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func q(s string) string { return url.QueryEscape(s) }

func decode[T any](t *testing.T, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, body)
	}
	return v
}

func TestSearch(t *testing.T) {
	srv := newServer(t)
	// "فايز" (ي) finds "فائز" (hamza on yeh): the variant-aware matching.
	resp, body := get(t, srv, "/api/search?facets=true&q="+q("فايز السراج"))
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("status %d %s: %s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	r := decode[api.SearchResponse](t, body)
	ids := map[string]bool{}
	for _, h := range r.Hits {
		ids[h.ID] = true
		runes := []rune(h.Snippet.Text)
		for _, hl := range h.Snippet.Highlights {
			if hl.Start < 0 || hl.End > len(runes) || hl.Start >= hl.End {
				t.Fatalf("highlight %v outside snippet of %d runes", hl, len(runes))
			}
			if w := string(runes[hl.Start:hl.End]); w != "فائز" && w != "السراج" {
				t.Errorf("highlight %q is not a query word", w)
			}
		}
	}
	if !ids["a1"] || !ids["x3"] || ids["b2"] || r.Total != 2 {
		t.Errorf("hits %v total %d, want a1 and x3", ids, r.Total)
	}
	if r.Facets == nil || len(r.Facets.Sources) != 2 {
		t.Errorf("facets: %+v", r.Facets)
	}
	// Filters: source and date range.
	_, body = get(t, srv, "/api/search?q="+q("السراج")+"&source="+q("وكالة الأنباء"))
	if r := decode[api.SearchResponse](t, body); r.Total != 1 || r.Hits[0].ID != "a1" {
		t.Errorf("source filter: %+v", r)
	}
	_, body = get(t, srv, "/api/search?q="+q("السراج")+"&from=2018-09-13&to=2018-09-13")
	if r := decode[api.SearchResponse](t, body); r.Total != 1 || r.Hits[0].ID != "x3" {
		t.Errorf("date filter (to is inclusive): %+v", r)
	}
	// Paging.
	_, body = get(t, srv, "/api/search?q="+q("السراج")+"&per_page=1&page=2")
	if r := decode[api.SearchResponse](t, body); r.Total != 2 || len(r.Hits) != 1 || r.Pages != 2 || r.Page.Page != 2 {
		t.Errorf("paging: %+v", r)
	}
	// Ids only: the same hits and scores, nothing else.
	_, body = get(t, srv, "/api/search?q="+q("السراج"))
	full := decode[api.SearchResponse](t, body)
	_, body = get(t, srv, "/api/search?ids_only=true&q="+q("السراج"))
	only := decode[api.SearchResponse](t, body)
	if only.Total != full.Total || len(only.Hits) != len(full.Hits) || len(only.Hits) == 0 {
		t.Fatalf("ids only: %+v, all fields %+v", only, full)
	}
	for i, h := range only.Hits {
		want := api.SearchHit{ID: full.Hits[i].ID, Score: full.Hits[i].Score, Snippet: api.Snippet{Highlights: []api.Range{}}}
		if !reflect.DeepEqual(h, want) {
			t.Errorf("ids only, hit %d: %+v, want %+v", i, h, want)
		}
	}
}

func TestArticle(t *testing.T) {
	srv := newServer(t)
	resp, body := get(t, srv, "/api/articles/a1")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	a := decode[api.ArticleResponse](t, body)
	if a.Doc != "a1" || a.Title != "السراج يلتقي حفتر في باريس" || len(a.Entities) != 3 || len(a.Events) != 1 || a.StoredAt == "" {
		t.Fatalf("article: %+v", a)
	}
	runes := []rune(a.Text)
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if string(runes[m.Start:m.End]) != m.Text {
				t.Errorf("mention %q at %d:%d is %q (offsets must be code points)", m.Text, m.Start, m.End, string(runes[m.Start:m.End]))
			}
		}
	}
	// The entity ids lead to the entity endpoint.
	resp, _ = get(t, srv, "/api/entities/"+url.PathEscape(a.Entities[0].ID))
	if resp.StatusCode != 200 {
		t.Errorf("entity %s of the article: status %d", a.Entities[0].ID, resp.StatusCode)
	}
	// Untrusted text comes back as data, with HTML-significant characters escaped in the JSON.
	_, body = get(t, srv, "/api/articles/x3")
	if bytes.Contains(body, []byte("<script>")) || !bytes.Contains(body, []byte(`\u003cscript\u003e`)) {
		t.Errorf("JSON should escape < and >: %s", body)
	}
	if a := decode[api.ArticleResponse](t, body); a.Text != apitest.Malicious {
		t.Errorf("text changed: %q", a.Text)
	}
}

func TestEntities(t *testing.T) {
	srv := newServer(t)
	_, body := get(t, srv, "/api/entities")
	all := decode[api.EntitiesResponse](t, body)
	if all.Total != 4 {
		t.Fatalf("entities: %+v", all)
	}
	if all.Entities[0].Name != "فائز السراج" || all.Entities[0].Articles != 2 {
		t.Errorf("most mentioned first: %+v", all.Entities[0])
	}
	_, body = get(t, srv, "/api/entities?type=LOC")
	if r := decode[api.EntitiesResponse](t, body); r.Total != 2 {
		t.Errorf("type=LOC: %+v", r)
	}
	_, body = get(t, srv, "/api/entities?q="+q("حفتر"))
	r := decode[api.EntitiesResponse](t, body)
	if r.Total != 1 || r.Entities[0].Name != "خليفة حفتر" {
		t.Fatalf("q=حفتر: %+v", r)
	}
	_, body = get(t, srv, "/api/entities/"+url.PathEscape(r.Entities[0].ID))
	e := decode[api.EntityResponse](t, body)
	if e.Name != "خليفة حفتر" || len(e.Articles) != 1 || e.Articles[0].ID != "a1" || len(e.Events) != 1 || len(e.Cooccurring) != 2 {
		t.Errorf("entity: %+v", e)
	}
	// A place has coordinates.
	_, body = get(t, srv, "/api/entities?type=LOC&q="+q("باريس"))
	id := decode[api.EntitiesResponse](t, body).Entities[0].ID
	_, body = get(t, srv, "/api/entities/"+url.PathEscape(id))
	if p := decode[api.EntityResponse](t, body); p.Lat == nil || *p.Lat != 48.8566 || p.Country != "FR" {
		t.Errorf("place: %+v", p)
	}
}

func TestEvents(t *testing.T) {
	srv := newServer(t)
	_, body := get(t, srv, "/api/events")
	all := decode[api.EventsResponse](t, body)
	if all.Total != 3 {
		t.Fatalf("events: %+v", all)
	}
	for _, tc := range []struct {
		query string
		want  int
	}{
		{"type=ASSAULT", 2},
		{"type=CONSULT", 1},
		{"type=PROTEST", 0},
		{"actor=" + q("فائز السراج"), 1},
		{"actor=" + q("خليفة حفتر"), 1}, // a recipient counts as an actor filter match
		{"place=" + q("سرت"), 2},
		{"source=" + q("صحيفة الوسط"), 1},
		{"from=2018-01-01", 2},
		{"from=2016-08&to=2016-08", 1},
		{"to=2016", 1},
	} {
		resp, body := get(t, srv, "/api/events?"+tc.query)
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d %s", tc.query, resp.StatusCode, body)
			continue
		}
		if r := decode[api.EventsResponse](t, body); r.Total != tc.want {
			t.Errorf("%s: %d events, want %d", tc.query, r.Total, tc.want)
		}
	}
}

func TestEventExports(t *testing.T) {
	srv := newServer(t)
	resp, body := get(t, srv, "/api/events?format=csv&type=ASSAULT")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") ||
		!strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") || resp.Header.Get("X-Total-Count") != "2" {
		t.Fatalf("csv: %d %v", resp.StatusCode, resp.Header)
	}
	if !bytes.HasPrefix(body, []byte("\uFEFF")) {
		t.Errorf("csv: no byte-order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || strings.Join(rows[0], ",") != strings.Join(export.CSVHeader(), ",") {
		t.Fatalf("csv rows: %q", rows)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, r := range rows[1:] {
		if r[col["event_type"]] != "ASSAULT" || r[col["latitude"]] != "31.20590" {
			t.Errorf("csv row: %q", r)
		}
		// Formula injection is defused.
		if s := r[col["source"]]; strings.HasPrefix(s, "=") {
			t.Errorf("csv cell starts a formula: %q", s)
		}
	}
	if r := rows[2]; r[col["fatalities"]] != "5" && rows[1][col["fatalities"]] != "5" {
		t.Errorf("fatalities missing: %q", rows)
	}

	resp, body = get(t, srv, "/api/events?format=geojson")
	if resp.Header.Get("Content-Type") != "application/geo+json" {
		t.Errorf("geojson content type %q", resp.Header.Get("Content-Type"))
	}
	var fc struct {
		Type     string
		Features []struct {
			Geometry struct {
				Type        string
				Coordinates []float64
			}
			Properties api.Event
		}
	}
	if err := json.Unmarshal(body, &fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 3 {
		t.Fatalf("geojson: %s", body)
	}
	for _, f := range fc.Features {
		if f.Properties.Location == "باريس" && (f.Geometry.Coordinates[0] != 2.3522 || f.Geometry.Coordinates[1] != 48.8566) {
			t.Errorf("geojson coordinates are lon, lat: %v", f.Geometry.Coordinates)
		}
	}

	_, body = get(t, srv, "/api/events?format=plover&type=CONSULT")
	var pl []map[string]any
	if err := json.Unmarshal(body, &pl); err != nil || len(pl) != 1 {
		t.Fatalf("plover: %v %s", err, body)
	}
	for _, k := range []string{"id", "date", "actor", "recipient", "event", "mode", "event_loc", "size", "event_text", "cite_info"} {
		if _, ok := pl[0][k]; !ok {
			t.Errorf("plover record lacks %q", k)
		}
	}
	if pl[0]["event"] != "CONSULT" || pl[0]["date"] != "2018-09-11" {
		t.Errorf("plover: %v", pl[0])
	}
}

func TestStats(t *testing.T) {
	srv := newServer(t)
	_, body := get(t, srv, "/api/stats")
	s := decode[api.StatsResponse](t, body)
	if s.Backend != "sqlite" || s.Articles != 3 || s.Events != 3 || s.Entities != 4 || len(s.EventTypes) != 2 {
		t.Errorf("stats: %+v", s)
	}
	if bytes.Contains(body, []byte("test.db")) {
		t.Errorf("stats reveal the database path: %s", body)
	}
}

// Bad requests get a JSON error with a status that says what went wrong.
func TestErrors(t *testing.T) {
	srv := newServer(t)
	long := strings.Repeat("سرت ", 2000)
	for _, tc := range []struct {
		name, method, path string
		status             int
		code               string
	}{
		{"search without q", "GET", "/api/search", 400, "bad_parameter"},
		{"empty q", "GET", "/api/search?q=", 400, "bad_parameter"},
		{"only punctuation", "GET", "/api/search?q=" + q("!!! ؟؟"), 400, "bad_query"},
		{"q too long", "GET", "/api/search?q=" + q(long), 400, "bad_parameter"},
		{"too many words", "GET", "/api/search?q=" + q(strings.Repeat("سرت ", 300)), 400, "bad_query"},
		{"unknown parameter", "GET", "/api/search?q=x&sort=date", 400, "bad_parameter"},
		{"repeated parameter", "GET", "/api/search?q=a&q=b", 400, "bad_parameter"},
		{"page not a number", "GET", "/api/search?q=x&page=two", 400, "bad_parameter"},
		{"page zero", "GET", "/api/search?q=x&page=0", 400, "bad_parameter"},
		{"per_page too large", "GET", "/api/search?q=x&per_page=100000", 400, "bad_parameter"},
		{"bad date", "GET", "/api/search?q=x&from=2018-13-01", 400, "bad_parameter"},
		{"to before from", "GET", "/api/search?q=x&from=2018-02-01&to=2018-01-01", 400, "bad_parameter"},
		{"bad facets", "GET", "/api/search?q=x&facets=maybe", 400, "bad_parameter"},
		{"article not found", "GET", "/api/articles/nope", 404, "not_found"},
		{"entity not found", "GET", "/api/entities/nope", 404, "not_found"},
		{"article id too long", "GET", "/api/articles/" + strings.Repeat("x", 600), 400, "bad_parameter"},
		{"bad entity type", "GET", "/api/entities?type=PERSON", 400, "bad_parameter"},
		{"bad event type", "GET", "/api/events?type=BOMBING", 400, "bad_parameter"},
		{"bad event date", "GET", "/api/events?from=18-09-01", 400, "bad_parameter"},
		{"impossible event day", "GET", "/api/events?from=2018-02-30", 400, "bad_parameter"},
		{"bad format", "GET", "/api/events?format=xml", 400, "bad_parameter"},
		{"unknown endpoint", "GET", "/api/nope", 404, "not_found"},
		{"POST search", "POST", "/api/search?q=x", 405, "method_not_allowed"},
		{"DELETE article", "DELETE", "/api/articles/a1", 405, "method_not_allowed"},
		{"stats with parameter", "GET", "/api/stats?x=1", 400, "bad_parameter"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, srv.URL+tc.path, nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			if !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
				t.Errorf("content type %q", resp.Header.Get("Content-Type"))
			}
			e := decode[api.ErrorBody](t, body)
			if e.Error.Code != tc.code || e.Error.Message == "" {
				t.Errorf("error %+v, want code %s", e.Error, tc.code)
			}
			if tc.status == 405 && resp.Header.Get("Allow") == "" {
				t.Errorf("405 without Allow")
			}
		})
	}
}

// TestEntityAcrossSpellings: the entity of فائز السراج lists the articles
// of every name the store resolved to it.
func TestEntityAcrossSpellings(t *testing.T) {
	st := apitest.Store(t)
	ids := apitest.AddSpellings(t, st)
	a := api.New(st, nil, api.DefaultOptions())
	mux := http.NewServeMux()
	a.Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	_, body := get(t, srv, "/api/entities?type=PER&q="+q("السراج"))
	r := decode[api.EntitiesResponse](t, body)
	if r.Total != 1 || r.Entities[0].Articles != 5 {
		t.Fatalf("q=السراج: %+v, want one entity in 5 articles", r)
	}
	_, body = get(t, srv, "/api/entities/"+url.PathEscape(r.Entities[0].ID))
	e := decode[api.EntityResponse](t, body)
	got := map[string]bool{}
	for _, a := range e.Articles {
		got[a.ID] = true
	}
	for _, id := range append([]string{"a1", "x3"}, ids...) {
		if !got[id] {
			t.Errorf("entity %s (%s): article %s missing from %+v", e.ID, e.Name, id, e.Articles)
		}
	}
}

// TestNearDuplicates: a repost's article names its original and lists the
// group with sources, the original lists the repost, search hits carry
// duplicate_of, and the answers match the OpenAPI schemas.
func TestNearDuplicates(t *testing.T) {
	st := apitest.Store(t)
	rid := apitest.AddRepost(t, st)
	a := api.New(st, nil, api.DefaultOptions())
	mux := http.NewServeMux()
	a.Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	doc := loadOpenAPI(t)
	check := func(path, schema string) []byte {
		t.Helper()
		resp, body := get(t, srv, path)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: status %d", path, resp.StatusCode)
		}
		var v any
		json.Unmarshal(body, &v)
		for _, e := range validate(doc, map[string]any{"$ref": "#/components/schemas/" + schema}, v, "$") {
			t.Errorf("%s: %s", path, e)
		}
		return body
	}
	r := decode[api.ArticleResponse](t, check("/api/articles/"+rid, "Article"))
	if r.Duplicate != "a1" || len(r.Duplicates) != 1 || r.Duplicates[0].ID != "a1" || r.Duplicates[0].Source != "وكالة الأنباء" {
		t.Errorf("repost: duplicate_of %q, duplicates %+v", r.Duplicate, r.Duplicates)
	}
	o := decode[api.ArticleResponse](t, check("/api/articles/a1", "Article"))
	if o.Duplicate != "" || len(o.Duplicates) != 1 || o.Duplicates[0].ID != rid || o.Duplicates[0].Source != "موقع ينقل" {
		t.Errorf("original: duplicate_of %q, duplicates %+v", o.Duplicate, o.Duplicates)
	}
	if b := decode[api.ArticleResponse](t, check("/api/articles/b2", "Article")); b.Duplicate != "" || b.Duplicates != nil {
		t.Errorf("b2: %q %+v", b.Duplicate, b.Duplicates)
	}
	s := decode[api.SearchResponse](t, check("/api/search?q="+q("حفتر باريس"), "SearchResponse"))
	got := map[string]string{}
	for _, h := range s.Hits {
		got[h.ID] = h.DuplicateOf
	}
	if len(got) != 2 || got["a1"] != "" || got[rid] != "a1" {
		t.Errorf("search hits' duplicate_of: %v", got)
	}
}
