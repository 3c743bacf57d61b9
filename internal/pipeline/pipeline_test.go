package pipeline

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
)

type failOn struct{ id string }

func (failOn) Name() string { return "fail" }
func (f failOn) Process(_ context.Context, a *model.Analysis) error {
	if a.Doc.ID == f.id {
		return errors.New("boom")
	}
	return nil
}

func TestAnalyzeSentences(t *testing.T) {
	p := New()
	a, err := p.Analyze(context.Background(), model.Document{ID: "x", Text: "استقبل حفتر سلامة. ثم غادر.\nسطر آخر"})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Sentences) != 3 {
		t.Fatalf("got %d sentences, want 3: %+v", len(a.Sentences), a.Sentences)
	}
}

func TestOrderedKeepsOrderAndErrors(t *testing.T) {
	p := New(failOn{id: "d7"})
	var got []string
	var failed []string
	o := p.NewOrdered(context.Background(), 4, func(r Result) error {
		if r.Err != nil {
			failed = append(failed, r.Analysis.Doc.ID)
			return nil
		}
		got = append(got, r.Analysis.Doc.ID)
		return nil
	})
	for i := 0; i < 50; i++ {
		if err := o.Submit(model.Document{ID: fmt.Sprintf("d%d", i), Text: "نص قصير."}); err != nil {
			t.Fatal(err)
		}
	}
	if err := o.Close(); err != nil {
		t.Fatal(err)
	}
	if len(failed) != 1 || failed[0] != "d7" {
		t.Errorf("failed = %v, want [d7]", failed)
	}
	if len(got) != 49 {
		t.Fatalf("got %d results", len(got))
	}
	for i, j := 0, 0; i < 50; i++ {
		if i == 7 {
			continue
		}
		if want := fmt.Sprintf("d%d", i); got[j] != want {
			t.Fatalf("result %d = %s, want %s", j, got[j], want)
		}
		j++
	}
}

func TestOrderedSinkErrorStops(t *testing.T) {
	p := New()
	stop := errors.New("disk full")
	o := p.NewOrdered(context.Background(), 2, func(r Result) error { return stop })
	var submitErr error
	for i := 0; i < 20 && submitErr == nil; i++ {
		submitErr = o.Submit(model.Document{ID: fmt.Sprint(i), Text: "نص."})
	}
	if submitErr != nil && !errors.Is(submitErr, stop) {
		t.Errorf("Submit after the sink failed = %v, want %v", submitErr, stop)
	}
	if err := o.Close(); !errors.Is(err, stop) {
		t.Errorf("Close() = %v, want %v", err, stop)
	}
}
