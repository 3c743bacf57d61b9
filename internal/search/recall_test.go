package search_test

import (
	"context"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/blevesearch/bleve/v2"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ar" // registers bleve's stock Arabic analyzer "ar"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/sqlite"
	"github.com/marsad-project/marsad/internal/store/storetest"
)

// TestRecallVersusBleve runs the variant queries on the seeds in
// marsad (asserted) and in bleve with its stock Arabic analyzer (logged),
// to show what the stock tool misses.
func TestRecallVersusBleve(t *testing.T) {
	ctx := context.Background()
	seeds := storetest.Seeds(t)
	opt := sqlite.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(t)
	opt.Synchronous = "NORMAL"
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "m.db"), opt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Put(ctx, seeds); err != nil {
		t.Fatal(err)
	}

	im := bleve.NewIndexMapping()
	im.DefaultAnalyzer = "ar"
	idx, err := bleve.NewMemOnly(im)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	for _, a := range seeds {
		if err := idx.Index(a.Doc.ID, map[string]string{"text": a.Doc.Text}); err != nil {
			t.Fatal(err)
		}
	}

	for _, tc := range []struct {
		q    string
		want []string // seed numbers
	}{
		{"فائز السراج", []string{"001", "003"}},
		{"فايز السراج", []string{"001", "003"}},
		{"بسرت", []string{"001", "003"}},
		{"الأمريكية", []string{"001", "003"}}, // 003 writes الأميركية / أميركية
		{"١٢ نوفمبر", []string{"000"}},        // 000 writes 12و13 نوفمبر
	} {
		r, err := s.Search(ctx, store.SearchQuery{Text: tc.q})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range r.Hits {
			got = append(got, h.ID[:3])
		}
		sort.Strings(got)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("marsad: %q found %v, want %s", tc.q, got, w)
			}
		}
		// bleve: the same words, all required, through its Arabic analyzer.
		mq := bleve.NewMatchQuery(tc.q)
		mq.Analyzer = "ar"
		mq.SetOperator(query.MatchQueryOperatorAnd)
		br, err := idx.Search(bleve.NewSearchRequest(mq))
		if err != nil {
			t.Fatal(err)
		}
		var bgot []string
		for _, h := range br.Hits {
			bgot = append(bgot, h.ID[:3])
		}
		sort.Strings(bgot)
		var missed []string
		for _, w := range tc.want {
			if !slices.Contains(bgot, w) {
				missed = append(missed, w)
			}
		}
		t.Logf("%-14q marsad %v   bleve(ar) %v   bleve misses %v", tc.q, got, bgot, missed)
	}
}
