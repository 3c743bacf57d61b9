package api

import (
	"net/http"
	"strings"

	"github.com/marsad-project/marsad/internal/export"
)

// ArticleResponse is the answer of GET /api/articles/{id}: the same record
// `marsad extract` writes (offsets in code points), with store-wide entity
// ids and the time it was stored.
type ArticleResponse struct {
	export.Record
	StoredAt string `json:"stored_at,omitempty"`
	// Duplicates: the other articles of its near-duplicate group (the
	// same text reposted or lightly edited; Record.Duplicate names the
	// group's earliest stored article when that is another one).
	Duplicates []DuplicateRef `json:"duplicates,omitempty"`
}

// DuplicateRef is another publication of an article's text.
type DuplicateRef struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"`
}

// MaxIDBytes bounds path ids; no stored id is longer.
const MaxIDBytes = 512

func pathID(r *http.Request) (string, error) {
	id := r.PathValue("id")
	if strings.TrimSpace(id) == "" || len(id) > MaxIDBytes {
		return "", &paramError{"id", "missing or longer than 512 bytes"}
	}
	return id, nil
}

func (a *API) handleArticle(w http.ResponseWriter, r *http.Request) {
	if err := newParams(r).err; err != nil {
		a.fail(w, r, err)
		return
	}
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	art, err := a.store.Article(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := ArticleResponse{Record: export.NewRecord(&art.Analysis), StoredAt: isoTime(art.StoredAt)}
	out.Duplicate = art.DuplicateOf
	for _, d := range art.Duplicates {
		out.Duplicates = append(out.Duplicates, DuplicateRef{ID: d.ID, Title: d.Title, Source: d.Source, Published: isoTime(d.Published)})
	}
	writeJSON(w, out)
}
