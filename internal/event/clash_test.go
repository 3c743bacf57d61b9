package event

import (
	"slices"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
)

// Fighting told by a verb of occurrence with the clash noun (دارت
// اشتباكات، استمرت المواجهات، شهدت المدينة معارك) and a named place or
// party is a report of it, asserted or attributed, though the detector
// doubts it; the rows after the first four are guards: a relative clause,
// a time preposition, a may, a standing state, an aside, nothing named.
func TestClashOccurs(t *testing.T) {
	assaultRows(t, []assaultRow{
		{"verb before the noun, a place", "واستمرت الاشتباكات في مدينة تعز حتى مساء أمس.", true},
		{"verb after the noun, attributed", "وقالت المصادر إن الاشتباكات اندلعت في قرية الجنادبة بعد مهاجمة القرية.", true},
		{"the place that saw it", "وشهدت مدينة تعز مواجهات عنيفة أمس.", true},
		{"since yesterday is the day's fighting", "وتدور في تعز اشتباكات عنيفة منذ أمس.", true},
		{"a fronted place between verb and noun", "وتدور في شمال شرق مدينة تعز اشتباكات عنيفة بين الطرفين.", true},
		{"a fronted place, may", "وقد تتجدد في شمال مدينة تعز اشتباكات عنيفة.", false},
		{"relative clause", "وتحدث عن المعارك التي دارت في مدينة تعز.", false},
		{"after a time preposition", "وغادر السكان منذ اندلاع المعارك في مدينة تعز.", false},
		{"may break out", "وقد تندلع الاشتباكات في مدينة تعز.", false},
		{"a standing state", "وتشهد مدينة تعز مواجهات عنيفة منذ أربعة أشهر.", false},
		{"an aside", "يذكر أن مدينة تعز تشهد معارك عنيفة.", false},
		{"nothing named", "ودارت اشتباكات عنيفة حتى الفجر.", false},
	}, loc("تعز"), loc("الجنادبة"))
}

// assaultRow is a sentence and whether it reports an attack.
type assaultRow struct {
	name, in string
	want     bool
}

// assaultRows checks that each row's sentence, with ents tagged, yields an
// ASSAULT event exactly when the row wants one.
func assaultRows(t *testing.T, rows []assaultRow, ents ...model.Entity) {
	t.Helper()
	for _, tc := range rows {
		n := 0
		for _, e := range eventsOf(t, analysis(tc.in, ents...)) {
			if e.Type == "ASSAULT" {
				n++
			}
		}
		if got := n > 0; got != tc.want {
			t.Errorf("%s: %s: ASSAULT %v, want %v", tc.name, tc.in, got, tc.want)
		}
	}
}

// A clash between named sides is coded as PLOVER codes it: the first side
// after بين acts, the sides joined to it by و are its recipients; a head
// (عناصر) may stand before the first side, a comma-closed unnamed side may
// not (the last row, a guard: without clashSides the actor is empty too).
func TestClashSides(t *testing.T) {
	ents := []model.Entity{org("المقاومة الشعبية"), org("الحوثيين", "الحوثي"), loc("تعز")}
	tests := []struct {
		name, in string
		actor    string
		recips   []string
	}{
		{"a head before the first side", "ووقعت اشتباكات عنيفة بين عناصر المقاومة الشعبية والحوثيين في أحياء مدينة تعز.", "المقاومة الشعبية", []string{"الحوثيين"}},
		{"ما بين, the second side on its head", "ودارت مواجهات عنيفة ما بين المقاومة الشعبية وميليشيات الحوثي في تعز.", "المقاومة الشعبية", []string{"الحوثيين"}},
		{"an unnamed first side", "ودارت معارك عنيفة بين المقاومة، وميليشيات الحوثي في تعز.", "", []string{"الحوثيين"}},
	}
	for _, tc := range tests {
		var ev *model.Event
		evs := eventsOf(t, analysis(tc.in, ents...))
		for i := range evs {
			if evs[i].Type == "ASSAULT" {
				ev = &evs[i]
			}
		}
		if ev == nil {
			t.Errorf("%s: no ASSAULT event in %s", tc.name, tc.in)
			continue
		}
		if ev.Actor != tc.actor || !slices.Equal(ev.Recipients, tc.recips) {
			t.Errorf("%s: actor %q recipients %v, want %q %v", tc.name, ev.Actor, ev.Recipients, tc.actor, tc.recips)
		}
	}
}

// A toll of dead or wounded whose cause or time is fighting (في / خلال /
// جراء / ب + a clash noun) reports the fighting; the last four rows are
// guards: a person's past in a relative clause, months ago, a date years
// before publication, killing named in general.
func TestClashToll(t *testing.T) {
	assaultRows(t, []assaultRow{
		{"an attributed toll, a named side", "وأفادت مصادر محلية بسقوط عدد من القتلى والجرحى في اشتباكات عنيفة مع المقاومة الشعبية.", true},
		{"wounded during clashes", "وقالت المصادر الطبية إن الشاب أصيب بالرصاص الحي في صدره خلال مواجهات مع المقاومة الشعبية قرب تعز.", true},
		{"fell dead in clashes between two tribes", "وقال مسؤولون أمس إن العشرات سقطوا قتلى في اشتباكات بين قبيلتين في تعز.", true},
		{"counts, the noun with its pronoun", "وأكد أن 25 قتيلا و35 جريحا من القوات الخاصة سقطوا خلال معاركها في مدينة تعز.", true},
		{"the cause after جراء", "ولقي جندي مصرعه جراء الاشتباكات في تعز.", true},
		{"relative clause", "وهو القائد الذي قتل في المعارك في تعز.", false},
		{"months ago", "وقتل القائد في معارك في تعز قبل ستة أشهر.", false},
		{"years before publication", "وقتل القائد في مارس 2014 في المعارك في تعز.", false},
		{"killing in general", "فهم لا يعرفون سوى لغة العنف والقتل، إلا أن استمرارهم في المواجهات في تعز يعني نهايتهم.", false},
	}, loc("تعز"), org("المقاومة الشعبية"))
}

// The same tally told twice in an article is one event, though one telling
// dates it by its month ("في شهر أكتوبر وحده"): mergeEvents keeps a monthly
// tally apart from an undated incident only when the counts differ.
func TestMergeSameTallyOverMonth(t *testing.T) {
	first := "وقال المتحدث إن 40 جنديا قتلوا وأصيب 60 آخرون في شهر أكتوبر وحده."
	text := first + " وأكد أن 40 قتيلا و60 جريحا من القوات الخاصة سقطوا خلال معاركها في مدينة تعز."
	a := analysis(text, loc("تعز"))
	a.Sentences = []model.Sentence{{Start: 0, End: len(first)}, {Start: len(first) + 1, End: len(text)}}
	n := 0
	for _, e := range eventsOf(t, a) {
		if e.Type == "ASSAULT" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d ASSAULT events, want 1 (the same tally)", n)
	}
}

// A strike told by what it hit (استهدفت الغارات، استهدف الطيران، طال
// القصف + a named target or place) is a report of it; the names after the
// verb are its targets, and its actor is only an organisation in construct
// with the strike noun (طائرات التحالف). The last row is a guard: a relative
// clause recalls a strike.
func TestStrikeSubject(t *testing.T) {
	ents := []model.Entity{org("الحوثيين"), org("التحالف"), per("علي عبدالله صالح", "صالح"), loc("تعز")}
	tests := []struct {
		name, in string
		want     bool
		actor    string
	}{
		{"the strikes hit", "واستهدفت الغارات مواقع الحوثيين في مدينة تعز.", true, ""},
		{"the air force hit; the targets are no actor", "كما استهدف الطيران تجمعات للحوثيين وقوات صالح في مدينة تعز.", true, ""},
		{"the craft of a named force", "واستهدفت طائرات التحالف مواقع الحوثيين في مدينة تعز.", true, "التحالف"},
		{"a relative clause", "وزار المحافظ المواقع التي استهدفتها الغارات في مدينة تعز.", false, ""},
	}
	for _, tc := range tests {
		var ev *model.Event
		evs := eventsOf(t, analysis(tc.in, ents...))
		for i := range evs {
			if evs[i].Type == "ASSAULT" {
				ev = &evs[i]
			}
		}
		if (ev != nil) != tc.want {
			t.Errorf("%s: %s: ASSAULT %v, want %v", tc.name, tc.in, ev != nil, tc.want)
			continue
		}
		if ev != nil && ev.Actor != tc.actor {
			t.Errorf("%s: actor %q, want %q", tc.name, ev.Actor, tc.actor)
		}
	}
}
