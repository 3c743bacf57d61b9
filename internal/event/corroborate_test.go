package event_test

import (
	"context"
	"testing"

	"github.com/marsad-project/marsad/internal/event"
	"github.com/marsad-project/marsad/internal/model"
)

// TestCorroboratedAttack: a fully stated attack the detector doubts on its
// own ("أوضحت المصادر أن طيران التحالف العربي قصف مواقع …") is kept in an
// article where another sentence's attack was confirmed, and not alone. The
// sentence-level benchmark (arabic_event_gsr, one sentence a record) is
// unchanged by construction.
func TestCorroboratedAttack(t *testing.T) {
	p := pipelineWith(t, event.DefaultOptions())
	doubted := "وأوضحت المصادر أن طيران التحالف العربي قصف مواقع وآليات تابعة للحوثيين وقوات صالح في جبهة الجفينة."
	confirmed := "وقتل 17 مسلحا وأصيب العشرات في مواجهات بمناطق متفرقة من مدينة تعز، الثلاثاء."
	count := func(text string) (n int, evs []model.Event) {
		a, err := p.Analyze(context.Background(), model.Document{ID: "t", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range a.Events {
			if e.Type == "ASSAULT" {
				n++
			}
		}
		return n, a.Events
	}
	if n, evs := count(confirmed); n != 1 {
		t.Fatalf("the stated attack alone: %d ASSAULT events, want 1: %+v", n, evs)
	}
	if n, evs := count(doubted); n != 0 {
		t.Fatalf("the doubted attack alone: %d ASSAULT events, want 0 (the detector's call): %+v", n, evs)
	}
	if n, evs := count(confirmed + " " + doubted); n != 2 {
		t.Errorf("both in one article: %d ASSAULT events, want 2: %+v", n, evs)
	}
	// a protest confirmed is no attack confirmed
	protest := "وتظاهر آلاف الأشخاص أمس في ساحة التحرير بالقاهرة احتجاجا على قرار الحكومة."
	if a, err := p.Analyze(context.Background(), model.Document{ID: "t", Text: protest}); err != nil || len(a.Events) == 0 || a.Events[0].Type != "PROTEST" {
		t.Fatalf("the protest alone: %+v (%v), want a PROTEST event", a.Events, err)
	}
	if n, evs := count(protest + " " + doubted); n != 0 {
		t.Errorf("after a protest: %d ASSAULT events, want 0: %+v", n, evs)
	}
}

// TestCountedStrikesJoinAttack: the strikes counted in the sentence right
// after a confirmed air attack ("وقامت طائرات حربية بتوجيه 4 ضربات
// متتالية") are that attack's: the count joins its event. Without the
// attack before, the sentence alone gives no event (the detector's call).
func TestCountedStrikesJoinAttack(t *testing.T) {
	p := pipelineWith(t, event.DefaultOptions())
	attack := "وشن سلاح الجو الليبي ضربات جوية على مواقع لتنظيم داعش في مدينة درنة شرقي ليبيا."
	strikes := "وقامت طائرات حربية بتوجيه 6 ضربات متتالية على تلك المواقع."
	assaults := func(text string) []model.Event {
		a, err := p.Analyze(context.Background(), model.Document{ID: "t", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		var out []model.Event
		for _, e := range a.Events {
			if e.Type == "ASSAULT" {
				out = append(out, e)
			}
		}
		return out
	}
	if evs := assaults(strikes); len(evs) != 0 {
		t.Fatalf("the counted strikes alone: %+v, want no event", evs)
	}
	evs := assaults(attack + "\n" + strikes)
	if len(evs) != 1 || evs[0].Quantities["strikes"] != 6 || evs[0].Actor == "" {
		t.Errorf("attack then its strikes: %+v, want one attack with an actor and strikes 6", evs)
	}
}
