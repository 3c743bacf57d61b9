package event

import (
	"context"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
)

// eventsOf runs the default extractor on a hand-built analysis.
func eventsOf(t *testing.T, a *model.Analysis) []model.Event {
	t.Helper()
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a.Events
}

// A masdar phrase (N row) is no verb: it takes no pronoun subject from the
// names before it, so without an agent of its own it is a mention.
func TestNounPhraseNoSubject(t *testing.T) {
	a := analysis("وقالت القوات في بيان عبر صفحتها بموقع فيسبوك إن عملية إعادة الانتشار جاءت بعد تعزيز القوة الموجودة",
		org("فيسبوك"))
	for _, e := range eventsOf(t, a) {
		if e.Type == "MOBILIZE" {
			t.Errorf("MOBILIZE event from a masdar phrase: %+v", e)
		}
	}
	// the phrase after قام ب still acts as the verb
	a = analysis("أعلن الجيش الوطني السوري أن قواته تقوم بإعادة الانتشار في مدينة عفرين", org("الجيش الوطني السوري"), loc("عفرين"))
	found := false
	for _, e := range eventsOf(t, a) {
		found = found || e.Type == "MOBILIZE" && e.Actor == "الجيش الوطني السوري" && e.Location == "عفرين"
	}
	if !found {
		t.Errorf("no MOBILIZE by the army in عفرين: %+v", a.Events)
	}
}

// An event noun's agent may follow a partitive of group nouns: "انسحاب
// مجموعات من مرتزقة X" is X's withdrawal.
func TestPartitiveAgent(t *testing.T) {
	a := analysis("وأكدت مصادر محلية انسحاب عشرات من عناصر حزب الله من بلدة القصير باتجاه الحدود",
		org("حزب الله"), loc("القصير"))
	for _, e := range eventsOf(t, a) {
		if e.Type == "RETREAT" {
			if e.Actor != "حزب الله" || e.Location != "القصير" {
				t.Errorf("actor %q location %q, want حزب الله, القصير", e.Actor, e.Location)
			}
			return
		}
	}
	t.Errorf("no RETREAT event: %+v", a.Events)
}
