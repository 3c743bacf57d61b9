package web

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/marsad-project/marsad/internal/ingest"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
)

// The ingest form is off unless the operator sets a token. Whoever gives
// the token may add articles; the token is then kept in a cookie (HttpOnly,
// SameSite=Strict) so it need not be typed again. Cross-site posts are
// refused by http.CrossOriginProtection (Sec-Fetch-Site / Origin), and the
// SameSite cookie is never sent with them, so a forged form cannot use it.

const ingestCookie = "marsad_ingest"

// maxIngestFiles caps the files of one upload.
const maxIngestFiles = 50

type ingestData struct {
	base
	HaveCookie bool
	Error      string
	Results    []ingestResult
	Rejected   []string
	Form       ingestForm
}

type ingestForm struct {
	Title, Source, Published, Text string
}

type ingestResult struct {
	ID, Title   string
	Status      store.Status
	DuplicateOf string
}

func (s *Server) handleIngestForm(w http.ResponseWriter, r *http.Request) {
	if !s.ingestOn() {
		s.errorPage(w, r, http.StatusNotFound, "الصفحة غير موجودة", "إضافة المقالات من المتصفح غير مفعّلة على هذا الخادم (شغّله مع \u200e--ingest-token).")
		return
	}
	d := ingestData{base: s.base("إضافة مقالات", "ingest"), HaveCookie: s.cookieOK(r)}
	s.render(w, r, http.StatusOK, "ingest", d)
}

// cookieOK reports whether the request carries a valid token cookie.
func (s *Server) cookieOK(r *http.Request) bool {
	c, err := r.Cookie(ingestCookie)
	return err == nil && s.tokenOK(c.Value, true)
}

// tokenOK compares a token (or, from the cookie, its hash) in constant time.
func (s *Server) tokenOK(given string, hashed bool) bool {
	want := s.opt.IngestToken
	if hashed {
		want = tokenHash(want)
	}
	return given != "" && subtle.ConstantTimeCompare([]byte(given), []byte(want)) == 1
}

// tokenHash is what the cookie holds: not the token itself, so a leaked
// cookie does not give away the operator's secret (it still grants ingest
// until the token changes).
func tokenHash(token string) string {
	sum := sha256.Sum256([]byte("marsad-ingest\x00" + token))
	return hex.EncodeToString(sum[:])
}

func (s *Server) handleIngestPost(w http.ResponseWriter, r *http.Request) {
	if !s.ingestOn() {
		s.errorPage(w, r, http.StatusNotFound, "الصفحة غير موجودة", "إضافة المقالات من المتصفح غير مفعّلة على هذا الخادم.")
		return
	}
	d := ingestData{base: s.base("إضافة مقالات", "ingest")}
	if err := r.ParseMultipartForm(4 << 20); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			s.fail(w, r, err)
			return
		}
		if !errors.Is(err, http.ErrNotMultipart) {
			d.Error = "تعذّرت قراءة النموذج."
			s.render(w, r, http.StatusBadRequest, "ingest", d)
			return
		}
		if err := r.ParseForm(); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	d.Form = ingestForm{
		Title: r.PostFormValue("title"), Source: r.PostFormValue("source"),
		Published: r.PostFormValue("published"), Text: r.PostFormValue("text"),
	}
	token := r.PostFormValue("token")
	switch {
	case token != "" && s.tokenOK(token, false):
		http.SetCookie(w, &http.Cookie{
			Name: ingestCookie, Value: tokenHash(token), Path: "/ingest", HttpOnly: true,
			SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil, MaxAge: 12 * 3600,
		})
	case token == "" && s.cookieOK(r):
	default:
		// Slow down guessing a little; the token should be long anyway.
		time.Sleep(300 * time.Millisecond)
		d.Error = "رمز الإدخال غير صحيح."
		s.render(w, r, http.StatusForbidden, "ingest", d)
		return
	}
	d.HaveCookie = true

	var docs []model.Document
	opt := ingest.DefaultOptions()
	if d.Form.Published != "" {
		t, err := time.Parse(time.DateOnly, d.Form.Published)
		if err != nil {
			d.Error = "تاريخ النشر يجب أن يكون بصيغة YYYY-MM-DD."
			s.render(w, r, http.StatusBadRequest, "ingest", d)
			return
		}
		opt.Published = t
	}
	rd := ingest.NewReader(opt)
	reject := func(err error) { d.Rejected = append(d.Rejected, err.Error()) }
	ctx := r.Context()
	if text := strings.TrimSpace(d.Form.Text); text != "" {
		sum := sha256.Sum256([]byte(text))
		name := "web-" + hex.EncodeToString(sum[:6])
		err := rd.ReadBytes(ctx, name, []byte(text), func(doc model.Document) error {
			doc.Title = strings.TrimSpace(d.Form.Title)
			doc.Source = strings.TrimSpace(d.Form.Source)
			doc.Origin = "ingest form"
			docs = append(docs, doc)
			return nil
		}, reject)
		if err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if r.MultipartForm != nil {
		files := r.MultipartForm.File["files"]
		if len(files) > maxIngestFiles {
			d.Error = fmt.Sprintf("الحد الأقصى %d ملفًا في المرة.", maxIngestFiles)
			s.render(w, r, http.StatusBadRequest, "ingest", d)
			return
		}
		for _, fh := range files {
			f, err := fh.Open()
			if err != nil {
				reject(fmt.Errorf("%s: %w", fh.Filename, err))
				continue
			}
			data, err := io.ReadAll(f)
			f.Close()
			if err != nil {
				reject(fmt.Errorf("%s: %w", fh.Filename, err))
				continue
			}
			err = rd.ReadBytes(ctx, fh.Filename, data, func(doc model.Document) error {
				if doc.Source == "" {
					doc.Source = strings.TrimSpace(d.Form.Source)
				}
				docs = append(docs, doc)
				return nil
			}, reject)
			if err != nil {
				s.fail(w, r, err)
				return
			}
		}
	}
	if len(docs) == 0 && len(d.Rejected) == 0 {
		d.Error = "لا شيء لإضافته: الصق نصًّا أو اختر ملفات."
		s.render(w, r, http.StatusBadRequest, "ingest", d)
		return
	}
	if len(docs) > 0 {
		results, err := s.ingest(ctx, docs)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for i, res := range results {
			title := ""
			if i < len(docs) {
				title = docs[i].Title
			}
			d.Results = append(d.Results, ingestResult{ID: res.ID, Title: title, Status: res.Status, DuplicateOf: res.DuplicateOf})
		}
		d.Form = ingestForm{} // stored: start the next one clean
	}
	s.log.Info("web: ingest", "documents", len(docs), "rejected", len(d.Rejected))
	s.render(w, r, http.StatusOK, "ingest", d)
}
