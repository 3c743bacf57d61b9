package api_test

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/api"
	"github.com/marsad-project/marsad/internal/api/apitest"
)

type openAPIDoc struct {
	OpenAPI string                                `json:"openapi"`
	Paths   map[string]map[string]json.RawMessage `json:"paths"`
	Comps   struct {
		Schemas map[string]any `json:"schemas"`
	} `json:"components"`
}

func loadOpenAPI(t *testing.T) openAPIDoc {
	t.Helper()
	var doc openAPIDoc
	if err := json.Unmarshal(api.OpenAPI(), &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi version %q", doc.OpenAPI)
	}
	return doc
}

// Every route is documented, and every documented operation is a route.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	doc := loadOpenAPI(t)
	a := api.New(apitest.Store(t), nil, api.DefaultOptions())
	routes := map[string]bool{}
	for _, r := range a.Routes() {
		routes[strings.ToLower(r.Method)+" "+r.Path] = true
	}
	documented := map[string]bool{}
	for p, ops := range doc.Paths {
		for m := range ops {
			documented[m+" "+p] = true
		}
	}
	for r := range routes {
		if !documented[r] {
			t.Errorf("route %s is not in openapi.json", r)
		}
	}
	for d := range documented {
		if !routes[d] {
			t.Errorf("openapi.json documents %s, which is not served", d)
		}
	}
}

// Answers of sample calls match their documented schemas: every field
// returned is documented (additionalProperties is false), every required
// field is there, and types and enums agree.
func TestOpenAPIResponses(t *testing.T) {
	doc := loadOpenAPI(t)
	srv := newServer(t)
	_, body := get(t, srv, "/api/entities?type=PER&q="+url.QueryEscape("حفتر"))
	entityID := decode[api.EntitiesResponse](t, body).Entities[0].ID
	for _, tc := range []struct {
		path, schema string
		status       int
	}{
		{"/api/search?facets=true&q=" + url.QueryEscape("فايز السراج"), "SearchResponse", 200},
		{"/api/articles/a1", "Article", 200},
		{"/api/articles/x3", "Article", 200},
		{"/api/entities", "EntitiesResponse", 200},
		{"/api/entities/" + url.PathEscape(entityID), "EntityResponse", 200},
		{"/api/events", "EventsResponse", 200},
		{"/api/stats", "StatsResponse", 200},
		{"/api/articles/nope", "Error", 404},
		{"/api/search?q=", "Error", 400},
	} {
		resp, body := get(t, srv, tc.path)
		if resp.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d", tc.path, resp.StatusCode, tc.status)
			continue
		}
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		for _, e := range validate(doc, map[string]any{"$ref": "#/components/schemas/" + tc.schema}, v, "$") {
			t.Errorf("%s: %s", tc.path, e)
		}
	}
	// The exports' schemas live inline in the events operation.
	resp, body := get(t, srv, "/api/events?format=geojson")
	var ops map[string]any
	json.Unmarshal(doc.Paths["/api/events"]["get"], &ops)
	content := ops["responses"].(map[string]any)["200"].(map[string]any)["content"].(map[string]any)
	var v any
	json.Unmarshal(body, &v)
	if resp.StatusCode != 200 {
		t.Fatalf("geojson status %d", resp.StatusCode)
	}
	for _, e := range validate(doc, content["application/geo+json"].(map[string]any)["schema"], v, "$") {
		t.Errorf("geojson: %s", e)
	}
	_, body = get(t, srv, "/api/events?format=plover")
	json.Unmarshal(body, &v)
	for _, e := range validate(doc, content["application/json"].(map[string]any)["schema"], v, "$") {
		t.Errorf("plover: %s", e)
	}
}

// validate checks v against the subset of OpenAPI schema marsad's document
// uses: $ref, type, properties, required, additionalProperties, items,
// enum, nullable, oneOf.
func validate(doc openAPIDoc, schema any, v any, at string) []string {
	s, ok := schema.(map[string]any)
	if !ok {
		return []string{at + ": schema is not an object"}
	}
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/components/schemas/")
		target, ok := doc.Comps.Schemas[name]
		if !ok {
			return []string{at + ": unknown $ref " + ref}
		}
		return validate(doc, target, v, at)
	}
	if one, ok := s["oneOf"].([]any); ok {
		var all []string
		for _, alt := range one {
			errs := validate(doc, alt, v, at)
			if len(errs) == 0 {
				return nil
			}
			all = append(all, errs...)
		}
		return append([]string{at + ": matches no oneOf alternative"}, all...)
	}
	if v == nil {
		if s["nullable"] == true {
			return nil
		}
		return []string{at + ": null where the schema does not allow it"}
	}
	var errs []string
	if enum, ok := s["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			if e == v {
				found = true
			}
		}
		if !found {
			errs = append(errs, fmt.Sprintf("%s: %v not in enum %v", at, v, enum))
		}
	}
	switch s["type"] {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			return append(errs, fmt.Sprintf("%s: want object, got %T", at, v))
		}
		props, _ := s["properties"].(map[string]any)
		for _, r := range asStrings(s["required"]) {
			if _, ok := obj[r]; !ok {
				errs = append(errs, at+": required field "+r+" missing")
			}
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if ps, ok := props[k]; ok {
				errs = append(errs, validate(doc, ps, obj[k], at+"."+k)...)
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case bool:
				if !ap {
					errs = append(errs, at+": undocumented field "+k)
				}
			case map[string]any:
				errs = append(errs, validate(doc, ap, obj[k], at+"."+k)...)
			}
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			return append(errs, fmt.Sprintf("%s: want array, got %T", at, v))
		}
		for i, item := range arr {
			errs = append(errs, validate(doc, s["items"], item, fmt.Sprintf("%s[%d]", at, i))...)
		}
	case "string":
		if _, ok := v.(string); !ok {
			errs = append(errs, fmt.Sprintf("%s: want string, got %T", at, v))
		}
	case "integer":
		if f, ok := v.(float64); !ok || f != math.Trunc(f) {
			errs = append(errs, fmt.Sprintf("%s: want integer, got %v", at, v))
		}
	case "number":
		if _, ok := v.(float64); !ok {
			errs = append(errs, fmt.Sprintf("%s: want number, got %T", at, v))
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			errs = append(errs, fmt.Sprintf("%s: want boolean, got %T", at, v))
		}
	}
	return errs
}

func asStrings(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// The document is served.
func TestOpenAPIServed(t *testing.T) {
	srv := newServer(t)
	resp, body := get(t, srv, "/api/openapi.json")
	if resp.StatusCode != http.StatusOK || string(body) != string(api.OpenAPI()) {
		t.Errorf("GET /api/openapi.json: %d", resp.StatusCode)
	}
}
