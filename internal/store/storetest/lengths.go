package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"testing"

	"github.com/marsad-project/marsad/internal/store"
)

// scores is every ranking query's hits and scores on s.
func scores(t *testing.T, s store.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, q := range RankingQueries {
		r, err := s.Search(context.Background(), store.SearchQuery{Text: q, Limit: 1000, NoSnippets: true})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		b := fmt.Sprintf("%d:", r.Total)
		for _, h := range r.Hits {
			b += fmt.Sprintf(" %s %.9g", h.ID, math.Round(h.Score*1e9)/1e9)
		}
		out[q] = b
	}
	return out
}

func sameScores(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for q, w := range want {
		if got[q] != w {
			t.Errorf("%s: %q: %s\nwant %s", what, q, got[q], w)
		}
	}
}

// StoredLengths checks that the article lengths bm25 ranks with come from
// the store's packed lengths (table doc_lengths), kept right across Puts,
// another store's Optimize and a reopen: reopen opens a store on the same
// database (first call: an empty one), db is its SQL handle. A store that
// read documents.nterms (set to 0 at the end) would rank otherwise.
func StoredLengths(t *testing.T, reopen func(t *testing.T) store.Store, db func(store.Store) *sql.DB) {
	ctx := context.Background()
	docs := SentenceDocs(t)
	half := len(docs) / 2
	a := reopen(t)
	defer a.Close()
	for i := 0; i < half; i += 7 { // several segments
		put(t, a, docs[i:min(i+7, half)]...)
	}
	first := scores(t, a) // a's lengths from the segments
	b := reopen(t)
	defer b.Close()
	if o, ok := b.(store.Optimizer); ok { // merged into one row
		if err := o.Optimize(ctx); err != nil {
			t.Fatal(err)
		}
	}
	sameScores(t, "after another store's Optimize", scores(t, b), first)
	for i := half; i < len(docs); i += 7 { // new segments after the merged row
		put(t, b, docs[i:min(i+7, len(docs))]...)
	}
	all := scores(t, b)
	sameScores(t, "the first store, after another's Puts", scores(t, a), all)
	if o, ok := b.(store.Optimizer); ok { // segments a has not read merged in
		if err := o.Optimize(ctx); err != nil {
			t.Fatal(err)
		}
	}
	put(t, b, rich("lengths-last", "خبر أخير: التقى فايز السراج في طرابلس ممثلي الأمم المتحدة لبحث الوضع في ليبيا."))
	last := scores(t, b)
	sameScores(t, "the first store, after another's Optimize and Put", scores(t, a), last)
	if _, err := db(b).ExecContext(ctx, `UPDATE documents SET nterms = 0`); err != nil {
		t.Fatal(err)
	}
	c := reopen(t)
	defer c.Close()
	sameScores(t, "a store opened after documents.nterms was zeroed", scores(t, c), last)
}
