// Package web serves marsad's right-to-left Arabic pages (search, article,
// entity, events, ingest) and mounts the JSON API (internal/api). Pages are
// server-rendered html/template with embedded templates and assets; they
// run no script, so the Content-Security-Policy forbids inline code and
// untrusted article text can only ever show as text.
package web

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/marsad-project/marsad/internal/api"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options controls the web server.
type Options struct {
	// IngestToken enables the ingest form for whoever gives it; empty turns
	// the form off (its URL answers 404).
	IngestToken string
	// MaxBodyBytes caps request bodies except ingest uploads.
	MaxBodyBytes int64
	// MaxUploadBytes caps one ingest request (all files and text).
	MaxUploadBytes int64
	// FigureEvents is how many events the map and timeline of a page draw.
	FigureEvents int
	API          api.Options
}

// DefaultOptions returns the options `marsad serve` uses.
func DefaultOptions() Options {
	return Options{MaxBodyBytes: 1 << 20, MaxUploadBytes: 32 << 20, FigureEvents: 3000, API: api.DefaultOptions()}
}

// IngestFunc analyses and stores documents, reporting what happened to each
// (in order). `marsad serve` passes one built on its pipeline and store.
type IngestFunc func(ctx context.Context, docs []model.Document) ([]store.PutResult, error)

// Server holds the pages' dependencies. It is safe for concurrent use.
type Server struct {
	store   store.Store
	ingest  IngestFunc
	log     *slog.Logger
	opt     Options
	api     *api.API
	pages   map[string]*template.Template
	version string // asset version, for cache busting
}

// New returns a Server over st. ingest may be nil (no ingest form).
func New(st store.Store, ingest IngestFunc, log *slog.Logger, opt Options) (*Server, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{store: st, ingest: ingest, log: log, opt: opt, api: api.New(st, log, opt.API)}
	if err := s.loadTemplates(); err != nil {
		return nil, err
	}
	css, err := staticFS.ReadFile("static/style.css")
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	sum := sha256.Sum256(css)
	s.version = hex.EncodeToString(sum[:4])
	return s, nil
}

// listOptions are the API options for the entity and event tables, which
// show more rows per page than search results.
func (s *Server) listOptions() api.Options {
	o := s.opt.API
	o.DefaultPerPage = min(50, o.MaxPerPage)
	return o
}

func (s *Server) ingestOn() bool { return s.opt.IngestToken != "" && s.ingest != nil }

// Handler returns the whole site: pages, static files and the API, behind
// security headers, body limits and request logging.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	s.api.Register(mux)
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", cacheStatic(http.FileServerFS(static))))
	mux.HandleFunc("GET /{$}", s.handleHome)
	mux.HandleFunc("GET /search", s.handleSearch)
	mux.HandleFunc("GET /articles/{id}", s.handleArticle)
	mux.HandleFunc("GET /entities", s.handleEntities)
	mux.HandleFunc("GET /entities/{id}", s.handleEntity)
	mux.HandleFunc("GET /events", s.handleEvents)
	mux.HandleFunc("GET /ingest", s.handleIngestForm)
	cop := http.NewCrossOriginProtection()
	mux.Handle("POST /ingest", cop.Handler(http.HandlerFunc(s.handleIngestPost)))
	mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "User-agent: *\nDisallow: /api/\n")
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, r, http.StatusNotFound, "الصفحة غير موجودة", "لا توجد صفحة بهذا العنوان.")
	})
	var h http.Handler = mux
	h = s.limitBodies(h)
	h = securityHeaders(h)
	h = logRequests(s.log, h)
	return h
}

// limitBodies applies the upload limit to ingest posts and the small limit
// to everything else.
func (s *Server) limitBodies(next http.Handler) http.Handler {
	small := limitBody(s.opt.MaxBodyBytes, next)
	large := limitBody(s.opt.MaxUploadBytes, next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.URL.Path == "/ingest" {
			large.ServeHTTP(w, r)
			return
		}
		small.ServeHTTP(w, r)
	})
}

func cacheStatic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Fonts and styles are versioned by ?v= (the stylesheet) or never
		// change (fonts).
		w.Header().Set("Cache-Control", "public, max-age=86400")
		next.ServeHTTP(w, r)
	})
}

// NewHTTPServer returns an http.Server with the timeouts a public server
// needs: slow clients cannot hold connections open (slowloris), and a slow
// export still has time to finish.
func NewHTTPServer(addr string, h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       60 * time.Second, // uploads of up to MaxUploadBytes
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// Serve runs srv on ln until ctx is done, then shuts down gracefully,
// giving requests in flight up to grace to finish.
func Serve(ctx context.Context, srv *http.Server, ln net.Listener, grace time.Duration) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("web: serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("web: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("web: serve: %w", err)
	}
	return nil
}

// base is what every page's layout needs.
type base struct {
	Title        string
	Nav          string
	Query        string
	IngestOn     bool
	AssetVersion string
}

func (s *Server) base(title, nav string) base {
	return base{Title: title, Nav: nav, IngestOn: s.ingestOn(), AssetVersion: s.version}
}

// Template helpers.

var entityTypeNames = map[string]string{model.PER: "شخص", model.ORG: "منظمة", model.LOC: "مكان", model.MISC: "أخرى"}

// eventTypeNames are Arabic labels for the PLOVER types, after the glosses
// of the PLOVER manual.
var eventTypeNames = map[string]string{
	"AGREE": "اتفاق", "CONSULT": "تشاور", "SUPPORT": "دعم", "CONCEDE": "تنازل", "COOPERATE": "تعاون",
	"AID": "مساعدة", "RETREAT": "تراجع", "REQUEST": "طلب", "ACCUSE": "اتهام", "REJECT": "رفض",
	"THREATEN": "تهديد", "PROTEST": "احتجاج", "SANCTION": "عقوبات", "MOBILIZE": "تعبئة",
	"COERCE": "إكراه", "ASSAULT": "اعتداء",
}

var modalityNames = map[string]string{
	model.Asserted: "وقع", model.Planned: "مُزمع", model.Negated: "منفي", model.Reported: "منسوب إلى مصدر",
}

var quantityNames = map[string]string{
	"dead": "قتلى", "injured": "جرحى", "arrested": "معتقلون", "prisoners": "أسرى",
	"strikes": "غارات", "fighters": "مقاتلون", "vehicles": "آليات",
}

func lookup(m map[string]string) func(string) string {
	return func(k string) string {
		if v, ok := m[k]; ok {
			return v
		}
		return k
	}
}

func (s *Server) funcs() template.FuncMap {
	return template.FuncMap{
		"date": arabicDate,
		"isodate": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format(time.DateOnly)
		},
		"dayLabel": func(d string) string {
			if t, err := time.Parse(time.DateOnly, d); err == nil {
				return arabicDate(t)
			}
			if t, err := time.Parse("2006-01", d); err == nil {
				return arabicMonth(t)
			}
			return d
		},
		"typeName":     lookup(entityTypeNames),
		"eventName":    lookup(eventTypeNames),
		"modalityName": lookup(modalityNames),
		"qtyName":      lookup(quantityNames),
		"num":          formatInt,
		"entityHref":   func(id string) string { return "/entities/" + url.PathEscape(id) },
		"articleHref":  func(id string) string { return "/articles/" + url.PathEscape(id) },
		"truncate":     truncate,
		"dir":          textDir,
		"join":         strings.Join,
	}
}

// formatInt writes n with thousands separators: 5,150.
func formatInt(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func (s *Server) loadTemplates() error {
	s.pages = map[string]*template.Template{}
	entries, err := fs.ReadDir(templateFS, "templates")
	if err != nil {
		return fmt.Errorf("web: templates: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		if name == "layout.html" {
			continue
		}
		t, err := template.New(name).Funcs(s.funcs()).ParseFS(templateFS, "templates/layout.html", "templates/"+name)
		if err != nil {
			return fmt.Errorf("web: template %s: %w", name, err)
		}
		s.pages[strings.TrimSuffix(name, ".html")] = t
	}
	return nil
}

// render writes a page. Templates render into a buffer first, so an error
// half-way gives a clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, data any) {
	t, ok := s.pages[page]
	if !ok {
		s.log.Error("web: no such template", "page", page)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var buf strings.Builder
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		s.log.Error("web: render", "page", page, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	fmt.Fprint(w, buf.String())
}

type errorData struct {
	base
	Status  int
	Heading string
	Message string
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, heading, msg string) {
	s.render(w, r, status, "error", errorData{base: s.base(heading, ""), Status: status, Heading: heading, Message: msg})
}

// fail maps an error from the store or the parameters to an error page.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var mbe *http.MaxBytesError
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.errorPage(w, r, http.StatusNotFound, "غير موجود", "لا يوجد شيء بهذا المعرّف في قاعدة البيانات.")
	case api.IsBadRequest(err):
		s.errorPage(w, r, http.StatusBadRequest, "طلب غير صالح", api.Message(err))
	case errors.As(err, &mbe):
		s.errorPage(w, r, http.StatusRequestEntityTooLarge, "الطلب أكبر من المسموح", fmt.Sprintf("الحد الأقصى %s بايت.", formatInt(int(mbe.Limit))))
	case errors.Is(err, context.Canceled):
	default:
		s.log.Error("web", "method", r.Method, "path", r.URL.Path, "err", err)
		s.errorPage(w, r, http.StatusInternalServerError, "خطأ داخلي", "حدث خطأ في الخادم؛ سُجّل لمراجعته.")
	}
}

// pager builds previous/next links that keep the other parameters.
type pager struct {
	Page, Pages int
	Prev, Next  string
}

func newPager(path string, q url.Values, page, perPage, total int) pager {
	p := pager{Page: page, Pages: (total + perPage - 1) / perPage}
	link := func(n int) string {
		qq := url.Values{}
		for k, v := range q {
			qq[k] = v
		}
		if n <= 1 {
			qq.Del("page")
		} else {
			qq.Set("page", strconv.Itoa(n))
		}
		if len(qq) == 0 {
			return path
		}
		return path + "?" + qq.Encode()
	}
	if page > 1 {
		p.Prev = link(page - 1)
	}
	if page < p.Pages {
		p.Next = link(page + 1)
	}
	return p
}
