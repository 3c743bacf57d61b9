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
	writeJSON(w, ArticleResponse{Record: export.NewRecord(&art.Analysis), StoredAt: isoTime(art.StoredAt)})
}
