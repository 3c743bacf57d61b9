package analysis

import (
	"context"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/pipeline"
)

// TestStagesOrder pins the chain both extract and the detector's trainer
// run: a stage added to one and not the other was how they drifted.
func TestStagesOrder(t *testing.T) {
	stages, err := Stages()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"ner", "places", "orgs", "cues", "discourse", "entities"}
	if len(stages) != len(want) {
		t.Fatalf("got %d stages, want %d", len(stages), len(want))
	}
	for i, s := range stages {
		if s.Name() != want[i] {
			t.Errorf("stage %d is %q, want %q", i, s.Name(), want[i])
		}
	}
}

// TestStagesFindEntities runs the chain on one sentence with a person after
// a title, a gazetteer place and an organisation from the curated list.
func TestStagesFindEntities(t *testing.T) {
	stages, err := Stages()
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(stages...)
	doc := model.Document{ID: "t1", Text: "استقبل المشير خليفة حفتر في مدينة بنغازي وفدا من الأمم المتحدة، وبحث معه محاربة تنظيم داعش."}
	a, err := p.Analyze(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []struct{ typ, name string }{
		{model.PER, "خليفة حفتر"},
		{model.LOC, "بنغازي"},
		{model.ORG, "الأمم المتحدة"},
		{model.ORG, "تنظيم داعش"}, // the head noun is part of the name here (تنظيم داعش)
	} {
		found := false
		for _, e := range a.Entities {
			found = found || e.Type == w.typ && e.Name == w.name
		}
		if !found {
			t.Errorf("no %s %q in %+v", w.typ, w.name, a.Entities)
		}
	}
}
