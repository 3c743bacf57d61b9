package web_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/api/apitest"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/pipeline"
	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/web"
)

const testToken = "page-test-token-123456"

func newSite(t *testing.T, token string) *httptest.Server {
	t.Helper()
	st := apitest.Store(t)
	p := pipeline.New()
	ingest := func(ctx context.Context, docs []model.Document) ([]store.PutResult, error) {
		var batch []model.Analysis
		for _, d := range docs {
			a, err := p.Analyze(ctx, d)
			if err != nil {
				return nil, err
			}
			batch = append(batch, a)
		}
		return st.Put(ctx, batch)
	}
	opt := web.DefaultOptions()
	opt.IngestToken = token
	opt.MaxUploadBytes = 256 << 10
	s, err := web.New(st, ingest, nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return srv
}

func fetch(t *testing.T, srv *httptest.Server, path string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestPages(t *testing.T) {
	srv := newSite(t, "")
	for _, tc := range []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{`<html lang="ar" dir="rtl">`, "فائز السراج", "اعتداء"}},
		{"/search", 200, []string{`id="q"`}},
		{"/search?q=" + url.QueryEscape("فايز السراج"), 200, []string{`<mark>فائز</mark>`, `href="/articles/a1"`, "وكالة الأنباء"}},
		{"/search?q=" + url.QueryEscape("!!!"), 400, []string{"تعذّر البحث"}},
		{"/articles/a1", 200, []string{`class="ent ent-PER"`, `class="ent ent-LOC"`, `class="event-card"`, "تشاور", "11 سبتمبر 2018"}},
		{"/articles/nope", 404, []string{"غير موجود"}},
		{"/entities", 200, []string{"خليفة حفتر", `class="entity-link"`}},
		{"/entities?type=LOC", 200, []string{"باريس", "سرت"}},
		{"/entities?type=BAD", 400, []string{"type"}},
		{"/events", 200, []string{`id="events-table"`, `id="export-csv"`, `class="figure timeline"`, `class="figure map"`, `class="land"`, `class="pt"`}},
		{"/events?type=CONSULT", 200, []string{`data-type="CONSULT"`, "format=csv"}},
		{"/events?from=nonsense", 400, []string{"from"}},
		{"/ingest", 404, []string{"غير مفعّلة"}},
		{"/static/style.css", 200, []string{"Noto Naskh Arabic"}},
		{"/no/such/page", 404, []string{"الصفحة غير موجودة"}},
	} {
		resp, body := fetch(t, srv, tc.path)
		if resp.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d", tc.path, resp.StatusCode, tc.status)
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: page lacks %q", tc.path, w)
			}
		}
		if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			if !strings.Contains(body, `<html lang="ar" dir="rtl">`) {
				t.Errorf("%s: not an Arabic RTL page", tc.path)
			}
			if strings.Contains(body, "<script") || strings.Contains(body, " style=") {
				t.Errorf("%s: inline script or style would break the CSP", tc.path)
			}
		}
	}
	// The entity page, reached from the article's link.
	_, body := fetch(t, srv, "/articles/a1")
	m := regexp.MustCompile(`<a class="ent ent-PER" href="(/entities/[^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no entity link in the article")
	}
	resp, body := fetch(t, srv, m[1])
	if resp.StatusCode != 200 || !strings.Contains(body, `id="entity-articles"`) || !strings.Contains(body, "يظهر مع") {
		t.Errorf("entity page %s: %d", m[1], resp.StatusCode)
	}
}

// Article text, titles and event fields are untrusted: they show as text.
func TestUntrustedTextEscaped(t *testing.T) {
	srv := newSite(t, "")
	for _, path := range []string{
		"/articles/x3",
		"/search?q=" + url.QueryEscape("هجوم المدينة"),
		"/events",
		"/",
	} {
		_, body := fetch(t, srv, path)
		for _, bad := range []string{"<script>window.__xss", `<img src=x onerror`, "<b>x</b>"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: untrusted markup %q reached the page", path, bad)
			}
		}
	}
	_, body := fetch(t, srv, "/articles/x3")
	if !strings.Contains(body, "&lt;script&gt;window.__xss=1&lt;/script&gt;") {
		t.Errorf("article markup should show escaped as text")
	}
}

func TestSecurityHeaders(t *testing.T) {
	srv := newSite(t, "")
	for _, path := range []string{"/", "/api/stats", "/static/style.css", "/nope"} {
		resp, _ := fetch(t, srv, path)
		h := resp.Header
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin"} {
			if h.Get(k) != v {
				t.Errorf("%s: %s = %q, want %q", path, k, h.Get(k), v)
			}
		}
	}
	s := web.NewHTTPServer("127.0.0.1:0", http.NotFoundHandler(), slogDiscard())
	if s.ReadHeaderTimeout == 0 || s.ReadTimeout == 0 || s.WriteTimeout == 0 || s.IdleTimeout == 0 || s.MaxHeaderBytes == 0 {
		t.Errorf("server without timeouts: %+v", s)
	}
}

func TestBodyLimits(t *testing.T) {
	srv := newSite(t, testToken)
	big := bytes.Repeat([]byte("x"), 2<<20)
	resp, err := http.Post(srv.URL+"/api/search?q=x", "text/plain", bytes.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("2 MiB body to the API: status %d, want 413", resp.StatusCode)
	}
	// The ingest form has its own, larger limit (256 KiB in this test).
	body, ctype := ingestForm(t, map[string]string{"token": testToken, "text": strings.Repeat("كلمة ", 60000)})
	resp = postIngest(t, srv, body, ctype, nil)
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized ingest: status %d, want 413", resp.StatusCode)
	}
}

func TestIngest(t *testing.T) {
	srv := newSite(t, testToken)
	resp, body := fetch(t, srv, "/ingest")
	if resp.StatusCode != 200 || !strings.Contains(body, `id="token"`) {
		t.Fatalf("ingest form: %d", resp.StatusCode)
	}
	text := "قالت مصادر إن <script>alert(1)</script> وفدا ليبيا زار تونس."
	// Wrong token.
	b, ct := ingestForm(t, map[string]string{"token": "wrong-token-xxxxxxxx", "title": "خبر", "text": text})
	if resp := postIngest(t, srv, b, ct, nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("wrong token: status %d, want 403", resp.StatusCode)
	}
	// A cross-site form post is refused even with the token.
	b, ct = ingestForm(t, map[string]string{"token": testToken, "title": "خبر", "text": text})
	if resp := postIngest(t, srv, b, ct, http.Header{"Sec-Fetch-Site": {"cross-site"}, "Origin": {"https://evil.example"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site post: status %d, want 403", resp.StatusCode)
	}
	// The right token stores the article and links to it.
	b, ct = ingestForm(t, map[string]string{"token": testToken, "title": "خبر <i>عاجل</i>", "source": "اختبار", "published": "2020-01-02", "text": text})
	resp = postIngest(t, srv, b, ct, http.Header{"Sec-Fetch-Site": {"same-origin"}})
	page, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("ingest: status %d\n%s", resp.StatusCode, page)
	}
	m := regexp.MustCompile(`href="(/articles/web-[0-9a-f]+)"`).FindSubmatch(page)
	if m == nil {
		t.Fatalf("no link to the stored article:\n%s", page)
	}
	var cookie *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "marsad_ingest" {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode || strings.Contains(cookie.Value, testToken) {
		t.Errorf("token cookie: %+v", cookie)
	}
	_, art := fetch(t, srv, string(m[1]))
	if !strings.Contains(art, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(art, "خبر &lt;i&gt;عاجل&lt;/i&gt;") || !strings.Contains(art, "2 يناير 2020") {
		t.Errorf("stored article page:\n%s", art)
	}
	// The same text again is a duplicate; the cookie stands in for the token.
	b, ct = ingestForm(t, map[string]string{"text": text})
	resp = postIngest(t, srv, b, ct, http.Header{"Cookie": {cookie.Name + "=" + cookie.Value}})
	page, _ = io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(page), "مكرر") {
		t.Errorf("duplicate with cookie: %d\n%s", resp.StatusCode, page)
	}
	// A file upload.
	b, ct = ingestForm(t, map[string]string{"token": testToken}, "one.txt", "وصل وزير الخارجية إلى القاهرة.", "two.txt", "  ")
	resp = postIngest(t, srv, b, ct, nil)
	page, _ = io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(page), `href="/articles/one.txt"`) || !strings.Contains(string(page), "two.txt") {
		t.Errorf("file upload: %d\n%s", resp.StatusCode, page)
	}
	// Nothing to add.
	b, ct = ingestForm(t, map[string]string{"token": testToken})
	if resp := postIngest(t, srv, b, ct, nil); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("empty ingest: status %d, want 400", resp.StatusCode)
	}
}

func TestIngestOff(t *testing.T) {
	srv := newSite(t, "")
	b, ct := ingestForm(t, map[string]string{"token": "anything-at-all", "text": "نص"})
	if resp := postIngest(t, srv, b, ct, nil); resp.StatusCode != http.StatusNotFound {
		t.Errorf("ingest off: POST status %d, want 404", resp.StatusCode)
	}
	_, body := fetch(t, srv, "/")
	if strings.Contains(body, `href="/ingest"`) {
		t.Errorf("navigation links to the disabled ingest form")
	}
}

// ingestForm builds a multipart body; files come as name, content pairs.
func ingestForm(t *testing.T, fields map[string]string, files ...string) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for i := 0; i+1 < len(files); i += 2 {
		fw, err := mw.CreateFormFile("files", files[i])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(fw, files[i+1])
	}
	mw.Close()
	return &buf, mw.FormDataContentType()
}

func postIngest(t *testing.T, srv *httptest.Server, body io.Reader, ctype string, h http.Header) *http.Response {
	t.Helper()
	req, _ := http.NewRequest("POST", srv.URL+"/ingest", body)
	req.Header.Set("Content-Type", ctype)
	for k, v := range h {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func slogDiscard() *slog.Logger { return slog.New(slog.DiscardHandler) }

// TestEntityPageAcrossSpellings: the entity page lists the articles of
// every name the store resolved to the entity.
func TestEntityPageAcrossSpellings(t *testing.T) {
	st := apitest.Store(t)
	ids := apitest.AddSpellings(t, st)
	s, err := web.New(st, nil, nil, web.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	_, body := fetch(t, srv, "/articles/c5")
	m := regexp.MustCompile(`<a class="ent ent-PER" href="(/entities/[^"]+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no entity link in c5")
	}
	_, body = fetch(t, srv, m[1])
	for _, id := range append([]string{"a1", "x3"}, ids...) {
		if !strings.Contains(body, `href="/articles/`+id+`"`) {
			t.Errorf("entity page %s: no link to article %s", m[1], id)
		}
	}
}

// TestNearDuplicatePages: the article page lists the other publications of
// its text with their sources; the search page shows a repost under its
// original, not as a hit of its own.
func TestNearDuplicatePages(t *testing.T) {
	st := apitest.Store(t)
	rid := apitest.AddRepost(t, st)
	s, err := web.New(st, nil, nil, web.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	_, body := fetch(t, srv, "/articles/a1")
	if !strings.Contains(body, "نُشر أيضًا في") || !strings.Contains(body, `href="/articles/`+rid+`"`) || !strings.Contains(body, "<bdi>موقع ينقل</bdi>") {
		t.Errorf("a1's page does not list its repost %s with its source", rid)
	}
	_, body = fetch(t, srv, "/articles/"+rid)
	if !strings.Contains(body, `href="/articles/a1"`) || !strings.Contains(body, "<bdi>وكالة الأنباء</bdi>") || !strings.Contains(body, "(الأقدم)") {
		t.Errorf("%s's page does not list its original a1", rid)
	}
	if _, body = fetch(t, srv, "/articles/b2"); strings.Contains(body, "نُشر أيضًا في") {
		t.Error("b2's page lists publications it has none of")
	}
	_, body = fetch(t, srv, "/search?q="+url.QueryEscape("حفتر باريس"))
	if n := strings.Count(body, `<li class="hit">`); n != 1 {
		t.Errorf("search: %d hits shown, want 1 (the repost under its original)", n)
	}
	if !regexp.MustCompile(`نُشر أيضًا في: <a href="/articles/` + rid + `"><bdi>موقع ينقل</bdi></a>`).MatchString(body) {
		t.Error("search: the repost is not listed under its original")
	}
	// the repost alone (its source only): shown, linked to its original
	_, body = fetch(t, srv, "/search?source="+url.QueryEscape("موقع ينقل")+"&q="+url.QueryEscape("حفتر باريس"))
	if strings.Count(body, `<li class="hit">`) != 1 || !strings.Contains(body, `إعادة نشر لـ<a href="/articles/a1">`) {
		t.Error("search within the repost's source: no link to its original")
	}
}
