// Package api serves marsad's JSON API under /api/: search, articles,
// entities, events (JSON, CSV, GeoJSON, PLOVER), stats and the OpenAPI
// document that describes them (openapi.json, checked by a test against the
// routes registered here).
//
// Offsets in responses are Unicode code points, as in the JSON contract of
// `marsad extract`; inside marsad they are bytes.
package api

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/marsad-project/marsad/internal/search"
	"github.com/marsad-project/marsad/internal/store"
)

// Options controls the API.
type Options struct {
	DefaultPerPage int // page size when per_page is not given
	MaxPerPage     int // largest per_page accepted; more is a 400
	MaxExport      int // most events one CSV/GeoJSON/PLOVER export returns
}

// DefaultOptions returns the options `marsad serve` uses.
func DefaultOptions() Options {
	return Options{DefaultPerPage: 10, MaxPerPage: 200, MaxExport: 10000}
}

// API holds the handlers' dependencies. It is safe for concurrent use.
type API struct {
	store  store.Store
	log    *slog.Logger
	opt    Options
	places *Places
}

// New returns an API reading from st.
func New(st store.Store, log *slog.Logger, opt Options) *API {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &API{store: st, log: log, opt: opt, places: NewPlaces(st)}
}

// Places returns the API's cached place lookup, for pages that draw maps.
func (a *API) Places() *Places { return a.places }

// Route is one documented endpoint.
type Route struct {
	Method  string
	Path    string // ServeMux pattern path, e.g. /api/articles/{id}
	Handler http.HandlerFunc
}

// Routes lists every endpoint; Register mounts them and the OpenAPI test
// checks them against openapi.json.
func (a *API) Routes() []Route {
	return []Route{
		{"GET", "/api/search", a.handleSearch},
		{"GET", "/api/articles/{id}", a.handleArticle},
		{"GET", "/api/entities", a.handleEntities},
		{"GET", "/api/entities/{id}", a.handleEntity},
		{"GET", "/api/events", a.handleEvents},
		{"GET", "/api/stats", a.handleStats},
		{"GET", "/api/openapi.json", a.handleOpenAPI},
	}
}

// Register mounts the API on mux, with JSON answers for unknown paths and
// wrong methods under /api/.
func (a *API) Register(mux *http.ServeMux) {
	paths := map[string][]string{}
	for _, r := range a.Routes() {
		mux.HandleFunc(r.Method+" "+r.Path, r.Handler)
		paths[r.Path] = append(paths[r.Path], r.Method)
	}
	// Any other method on a known path: 405 in JSON (ServeMux's own 405 is
	// plain text). HEAD is served by the GET patterns.
	for p, methods := range paths {
		allow := strings.Join(append(methods, "HEAD"), ", ")
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", allow)
			WriteError(w, http.StatusMethodNotAllowed, "method_not_allowed", fmt.Sprintf("%s is not allowed here; use %s", r.Method, allow))
		})
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		WriteError(w, http.StatusNotFound, "not_found", "no such endpoint: "+r.URL.Path+" (see /api/openapi.json)")
	})
}

//go:embed openapi.json
var openAPIDoc []byte

// OpenAPI returns the OpenAPI 3 document of the API.
func OpenAPI() []byte { return openAPIDoc }

func (a *API) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(openAPIDoc)
}

// ErrorBody is the JSON of every error answer.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail says what went wrong: a stable code for programs and a
// message for people.
type ErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// WriteError writes an error answer.
func WriteError(w http.ResponseWriter, status int, code, msg string) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Del("Content-Disposition")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(ErrorBody{Error: ErrorDetail{Code: code, Message: msg}})
}

// paramError is a bad query parameter: a 400.
type paramError struct {
	name, msg string
}

func (e *paramError) Error() string { return e.name + ": " + e.msg }

// BadParam returns a 400 error about parameter name.
func BadParam(name, msg string) error { return &paramError{name, msg} }

// IsBadRequest reports whether err is the user's fault: a bad parameter or
// a query the search layer cannot run.
func IsBadRequest(err error) bool {
	var pe *paramError
	return errors.As(err, &pe) || errors.Is(err, search.ErrEmptyQuery) || errors.Is(err, search.ErrQueryTooLong)
}

// Message returns the part of a bad-request error to show the user.
func Message(err error) string {
	var pe *paramError
	if errors.As(err, &pe) {
		return pe.Error()
	}
	return strings.TrimPrefix(err.Error(), "search: ")
}

// fail maps err to a status and writes it. Store and search errors that
// users can cause are 4xx; anything else is logged and answered 500
// without details.
func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	var pe *paramError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &pe):
		WriteError(w, http.StatusBadRequest, "bad_parameter", pe.Error())
	case errors.Is(err, store.ErrNotFound):
		WriteError(w, http.StatusNotFound, "not_found", "not found")
	case errors.Is(err, search.ErrEmptyQuery), errors.Is(err, search.ErrQueryTooLong):
		WriteError(w, http.StatusBadRequest, "bad_query", strings.TrimPrefix(err.Error(), "search: "))
	case errors.As(err, &mbe):
		WriteError(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("request larger than %d bytes", mbe.Limit))
	case errors.Is(err, context.Canceled):
		// The client went away; nobody reads the answer.
	case errors.Is(err, context.DeadlineExceeded):
		WriteError(w, http.StatusServiceUnavailable, "timeout", "the request took too long")
	default:
		a.log.Error("api", "method", r.Method, "path", r.URL.Path, "err", err)
		WriteError(w, http.StatusInternalServerError, "internal", "internal error")
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// params reads query parameters, collecting the first error.
type params struct {
	q   url.Values
	err error
}

func newParams(r *http.Request, allowed ...string) *params {
	p := &params{q: r.URL.Query()}
	ok := map[string]bool{}
	for _, a := range allowed {
		ok[a] = true
	}
	for k := range p.q {
		if !ok[k] {
			p.fail(k, "unknown parameter (known: "+strings.Join(allowed, ", ")+")")
			break
		}
	}
	return p
}

func (p *params) fail(name, msg string) {
	if p.err == nil {
		p.err = &paramError{name, msg}
	}
}

// str returns a single-valued string parameter, at most maxLen bytes.
func (p *params) str(name string, maxLen int) string {
	vs := p.q[name]
	if len(vs) > 1 {
		p.fail(name, "given more than once")
		return ""
	}
	if len(vs) == 0 {
		return ""
	}
	v := strings.TrimSpace(vs[0])
	if len(v) > maxLen {
		p.fail(name, fmt.Sprintf("longer than %d bytes", maxLen))
		return ""
	}
	return v
}

// list returns a repeatable parameter; comma-separated values are split.
func (p *params) list(name string, maxLen int) []string {
	var out []string
	for _, v := range p.q[name] {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s == "" {
				continue
			}
			if len(s) > maxLen {
				p.fail(name, fmt.Sprintf("value longer than %d bytes", maxLen))
				return nil
			}
			out = append(out, s)
		}
	}
	return out
}

// intRange returns an integer parameter in [lo, hi], or def when absent.
func (p *params) intRange(name string, def, lo, hi int) int {
	s := p.str(name, 12)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		p.fail(name, "not an integer: "+strconv.Quote(s))
		return def
	}
	if n < lo || n > hi {
		p.fail(name, fmt.Sprintf("%d is out of range [%d, %d]", n, lo, hi))
		return def
	}
	return n
}

// date returns a YYYY-MM-DD parameter; zero when absent.
func (p *params) date(name string) time.Time {
	s := p.str(name, 32)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		p.fail(name, "want a date as YYYY-MM-DD, got "+strconv.Quote(s))
		return time.Time{}
	}
	return t
}

// oneOf returns a parameter that must be one of allowed (def when absent).
func (p *params) oneOf(name, def string, allowed ...string) string {
	s := p.str(name, 64)
	if s == "" {
		return def
	}
	for _, a := range allowed {
		if strings.EqualFold(s, a) {
			return a
		}
	}
	p.fail(name, fmt.Sprintf("%q is not one of %s", s, strings.Join(allowed, ", ")))
	return def
}

// boolean reads true/false/1/0 (def when absent).
func (p *params) boolean(name string, def bool) bool {
	switch s := p.oneOf(name, "", "true", "false", "1", "0"); s {
	case "true", "1":
		return true
	case "false", "0":
		return false
	}
	return def
}

// page reads page and per_page.
func (p *params) page(opt Options) (page, perPage int) {
	page = p.intRange("page", 1, 1, 1_000_000)
	perPage = p.intRange("per_page", opt.DefaultPerPage, 1, opt.MaxPerPage)
	return page, perPage
}

// Page is the paging part of list answers.
type Page struct {
	Total   int `json:"total"`
	Page    int `json:"page"`
	PerPage int `json:"per_page"`
	Pages   int `json:"pages"`
}

func newPage(total, page, perPage int) Page {
	pages := (total + perPage - 1) / perPage
	return Page{Total: total, Page: page, PerPage: perPage, Pages: pages}
}

func isoTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
