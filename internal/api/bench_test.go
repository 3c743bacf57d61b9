package api_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/marsad-project/marsad/internal/api"
	"github.com/marsad-project/marsad/internal/api/apitest"
)

// The handlers' own cost on the three-article fixture (the store's cost on
// a real corpus is measured by tools/loadgen; see docs/BENCHMARKS.md).
func BenchmarkHandlers(b *testing.B) {
	a := api.New(apitest.Store(b), nil, api.DefaultOptions())
	mux := http.NewServeMux()
	a.Register(mux)
	for _, bc := range []struct{ name, path string }{
		{"search", "/api/search?q=" + url.QueryEscape("فايز السراج")},
		{"article", "/api/articles/a1"},
		{"events-csv", "/api/events?format=csv"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				mux.ServeHTTP(rec, httptest.NewRequest("GET", bc.path, nil))
				if rec.Code != 200 {
					b.Fatal(rec.Code)
				}
			}
		})
	}
}
