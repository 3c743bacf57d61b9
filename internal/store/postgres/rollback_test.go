package postgres_test

import (
	"context"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/ingest"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store/storetest"
)

// TestBatchRollbackAfterCopy: a batch whose article rows were already
// written by COPY (an article with entities has its row written before
// them) and that then fails on the server leaves nothing behind. The second
// article's event carries a NUL byte, which PostgreSQL refuses in text, so
// the failure comes after the first article's row, entities and postings.
func TestBatchRollbackAfterCopy(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	doc := func(id, text string) model.Analysis {
		i := strings.Index(text, "السراج")
		return model.Analysis{
			Doc:       model.Document{ID: id, Source: "test", Text: text, Hash: ingest.TextHash(text)},
			Sentences: []model.Sentence{{Start: 0, End: len(text)}},
			Entities: []model.Entity{{ID: "e1", Name: "فايز السراج", Type: model.PER,
				Mentions: []model.Mention{{Text: "السراج", Start: i, End: i + len("السراج"), Type: model.PER}}}},
		}
	}
	good := doc("g1", "التقى فايز السراج في طرابلس أمس المبعوث الأممي مارتن كوبلر.")
	bad := doc("b1", "واستقبل فايز السراج في طرابلس وفدا من سرت لبحث الوضع.")
	bad.Events = []model.Event{{Type: "CONSULT", Actor: "فايز\x00السراج", Trigger: "استقبل", Sentence: bad.Doc.Text,
		Modality: model.Asserted, Start: 0, End: len(bad.Doc.Text)}}
	_, err := s.Put(ctx, []model.Analysis{good, bad})
	if err == nil {
		t.Skip("the server took a NUL byte in text; this test needs a failure after the first article's rows")
	}
	t.Logf("the batch failed as it should: %v", err)
	storetest.NothingLeft(t, s, "g1", "كوبلر")
	// the store goes on: the good article alone is stored
	if _, err := s.Put(ctx, []model.Analysis{good}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Article(ctx, "g1"); err != nil {
		t.Error(err)
	}
}
