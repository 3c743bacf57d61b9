package event

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

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

// A description of a state's forces (القوات الأمريكية) and a nisba after an
// attack noun (قصف جوي أمريكي) name the state: its one armed force the
// article names, else the country.
func TestStateForces(t *testing.T) {
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	text := "وقالت القيادة العسكرية الأمريكية في إفريقيا إن القوات الأمريكية نفذت غارات. وزار وفد من تركيا طرابلس. " +
		"وأعلن البنتاغون مقتل 17 مسلحا إثر قصف جوي أمريكي. وشنت مقاتلات تركية غارات. وقتل انتحاري ثلاثة جنود ليبيين. وقصفت الطائرات الروسية المدينة. وزار رئيس حزب القوات التركية طرابلس." +
		" واعتقلت السلطات التركية عشرة أشخاص. وقالت السلطات الأمريكية إن. واعتقلت قوات الأمن التركية مشتبها."
	a := analysis(text, org("القيادة العسكرية الأمريكية في إفريقيا"), loc("تركيا"), loc("طرابلس"))
	dms := docMentions(a)
	st := newStates(x.gaz, dms)
	tests := []struct{ sentence, want string }{
		{"إن القوات الأمريكية نفذت غارات", "القيادة العسكرية الأمريكية في إفريقيا"},
		{"وشنت مقاتلات تركية غارات", "تركيا"},
		{"وقتل انتحاري ثلاثة جنود ليبيين", ""},      // soldiers: victims more often than a state's force
		{"وقصفت الطائرات الروسية المدينة", ""},      // the article names no Russian entity
		{"وزار رئيس حزب القوات التركية طرابلس", ""}, // a party's name
		{"واعتقلت السلطات التركية عشرة أشخاص", "تركيا"},
		{"وقالت السلطات الأمريكية إن", ""}, // the authorities are the country, not its army; the article names no USA
		{"واعتقلت قوات الأمن التركية مشتبها", "تركيا"},
	}
	for _, tc := range tests {
		s := strings.Index(text, tc.sentence)
		words := splitWords(text, s, s+len(tc.sentence))
		got := ""
		for _, m := range st.describe(words, nil) {
			got = m.Name
		}
		if got != tc.want {
			t.Errorf("%s: described as %q, want %q", tc.sentence, got, tc.want)
		}
	}
	s := strings.Index(text, "وأعلن البنتاغون")
	e := strings.Index(text, " وشنت")
	words := splitWords(text, s, e)
	matches := x.lex.Find(words)
	for i := range matches {
		if matches[i].Pattern.Type == "ASSAULT" {
			if got := nisbaAttacker(st, words, matches, &matches[i]); got != "القيادة العسكرية الأمريكية في إفريقيا" {
				t.Errorf("attacker of %q: %q", text[s:e], got)
			}
			return
		}
	}
	t.Errorf("no ASSAULT trigger in %q", text[s:e])
}

// A place inside a country does not keep two reports of one attack apart:
// the merged event keeps the city.
func TestMergeWithinCountry(t *testing.T) {
	ev := func(loc string, q map[string]int) model.Event {
		return model.Event{Type: "ASSAULT", Modality: model.Asserted, Actor: "القيادة العسكرية الأمريكية في إفريقيا", Location: loc, Quantities: q}
	}
	within := func(place, country string) bool { return place == "سرت" && country == "ليبيا" }
	got := mergeEvents([]model.Event{ev("سرت", map[string]int{"dead": 17}), ev("ليبيا", map[string]int{"strikes": 6})}, within, time.Time{})
	if len(got) != 1 || got[0].Location != "سرت" || got[0].Quantities["strikes"] != 6 {
		t.Errorf("got %+v, want one event in سرت with both counts", got)
	}
	got = mergeEvents([]model.Event{ev("ليبيا", nil), ev("سرت", nil)}, within, time.Time{})
	if len(got) != 1 || got[0].Location != "سرت" {
		t.Errorf("got %+v, want one event in سرت", got)
	}
	// two cities are two places
	got = mergeEvents([]model.Event{ev("سرت", nil), ev("بنغازي", nil)}, within, time.Time{})
	if len(got) != 2 {
		t.Errorf("got %+v, want two events", got)
	}
	// and the country test needs the document's geography
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	a := analysis("قصف قرب سرت في ليبيا وفي القاهرة", loc("سرت"), loc("ليبيا"), loc("القاهرة"))
	a.Entities[0].Geo = &model.Geo{Country: "LY"}
	a.Entities[2].Geo = &model.Geo{Country: "EG"}
	dms := docMentions(a)
	in := newStates(x.gaz, dms).within(dms)
	if !in("سرت", "ليبيا") || in("القاهرة", "ليبيا") || in("ليبيا", "ليبيا") {
		t.Errorf("within: سرت in ليبيا %v, القاهرة in ليبيا %v, ليبيا in ليبيا %v", in("سرت", "ليبيا"), in("القاهرة", "ليبيا"), in("ليبيا", "ليبيا"))
	}
}

// The one a statement is made to (قال لـ«X») and the medium that carries it
// (عبر حسابه على X) neither act nor undergo the event.
func TestAudienceNotParty(t *testing.T) {
	tests := []struct{ name, in, notActor string }{
		{"told to a paper", "وقال مسؤول أمني لـ«الشرق الأوسط» إن قوات الأمن اعتقلت 12 شخصا في الموصل", "الشرق الأوسط"},
		{"told to an agency", "وقال ثلاثة شهود لوكالة رويترز إن مسلحين هاجموا نقطة تفتيش", "رويترز"},
		{"through an account", "وأعلنت الشرطة عبر حسابها على تويتر ضبط المتهمين", "تويتر"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := analysis(tc.in, org("الشرق الأوسط"), org("رويترز"), org("تويتر"), loc("الموصل"))
			for _, e := range eventsOf(t, a) {
				if e.Actor == tc.notActor || contains(e.Recipients, tc.notActor) {
					t.Errorf("%s event with %q as a party: %+v", e.Type, tc.notActor, e)
				}
			}
		})
	}
	// the verb عبّر is no medium, and ل after an office marks whose it is
	words := splitWords("وعبر العيبان عن إدانته للهجوم", 0, len("وعبر العيبان عن إدانته للهجوم"))
	if audienceAt(words, 1, "") {
		t.Errorf("عبر العيبان عن: read as a medium")
	}
	s := "وقالت رئيسة الكتلة البرلمانية لحزب اليسار إن"
	words = splitWords(s, 0, len(s))
	if audienceAt(words, 4, "ل") {
		t.Errorf("الكتلة البرلمانية لحزب: read as the one told")
	}
}

// An event placed in a country takes the place inside it that its clause
// names: "وفي تونس قتل … بمدينة سوسة" happened in سوسة.
func TestNarrowToPlace(t *testing.T) {
	a := analysis("وفي تونس قتل 37 شخصا على الأقل في هجوم استهدف فندقين بمدينة سوسة الساحلية.",
		loc("تونس"), loc("سوسة"))
	a.Entities[0].Geo = &model.Geo{Country: "TN"}
	a.Entities[1].Geo = &model.Geo{Country: "TN"}
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	words := splitWords(a.Doc.Text, 0, len(a.Doc.Text))
	dms := docMentions(a)
	ms := placeMentions(a.Doc.Text, words, dms)
	st := newStates(x.gaz, dms)
	var m *Match
	for _, mm := range x.lex.Find(words) {
		if mm.Pattern.Type == "ASSAULT" {
			m = &mm
			break
		}
	}
	if m == nil {
		t.Fatal("no ASSAULT trigger")
	}
	if got := st.narrow(&ms[0], ms, m, ""); got != "سوسة" {
		t.Errorf("narrowed to %q, want سوسة", got)
	}
	// a place in another country stays out
	a.Entities[1].Geo = &model.Geo{Country: "LY"}
	dms = docMentions(a)
	ms = placeMentions(a.Doc.Text, words, dms)
	if got := st.narrow(&ms[0], ms, m, ""); got != "تونس" {
		t.Errorf("narrowed to %q, want تونس", got)
	}
}

// A clash noun with both named sides after بين reports the fighting
// (Options.Stated for ASSAULT); places, an aim, a call do not.
func TestClashBetween(t *testing.T) {
	ents := []model.Entity{org("الجيش السوداني", "قوات الجيش السوداني"), org("قوات الدعم السريع", "الدعم السريع"), loc("الخرطوم"), loc("حلب"), loc("إدلب")}
	tests := []struct {
		in   string
		want bool
	}{
		{"واندلعت المعارك بين قوات الجيش السوداني وقوات الدعم السريع في الخرطوم", true},
		{"وتجددت الاشتباكات بين قوات الجيش السوداني المتمركزة جنوبا وعناصر الدعم السريع", true},
		{"ودعا المجلس إلى وقف الاشتباكات بين الجيش السوداني والدعم السريع", false},
		{"وتجددت المعارك بين حلب وإدلب", false},
		{"وقد تتجدد المعارك بين الجيش السوداني والدعم السريع", false},
	}
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		a := analysis(tc.in, ents...)
		words := splitWords(tc.in, 0, len(tc.in))
		ms := placeMentions(tc.in, words, docMentions(a))
		got := clashBetween("ASSAULT", words, x.triggers(tc.in, words, ms), ms) >= 0
		if got != tc.want {
			t.Errorf("%s: clash %v, want %v", tc.in, got, tc.want)
		}
	}
}

// The body of a title (الأمين العام للأمم المتحدة) is the title's
// complement, neither actor nor recipient; and a name kept whole with its
// لل (للهلال الأحمر) is governed by the preposition, so it is no subject.
func TestTitleBodyAndLamAlifNotParty(t *testing.T) {
	tests := []struct{ name, in, actor, notParty string }{
		{"the UN of its secretary-general", "ودعا الأمين العام للأمم المتحدة بان كي مون السلطات إلى فرض الأمن", "بان كي مون", "الأمم المتحدة"},
		{"the UN of its envoy", "التقى رئيس مجلس النواب اللبناني نبيه بري في بيروت اليوم ممثلة الأمين العام للأمم المتحدة في لبنان سيغريد كاغ", "نبيه بري", "الأمم المتحدة"},
		{"a name after لل is no subject", "أكدت اللجنة الوطنية لحقوق الإنسان تصاعد العنف، وناشدت الطرفين فتح ممرات للهلال الأحمر الليبي", "اللجنة الوطنية لحقوق الإنسان", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := analysis(tc.in, org("الأمم المتحدة", "للأمم المتحدة"), per("بان كي مون"), per("نبيه بري"), per("سيغريد كاغ"), loc("بيروت"),
				org("اللجنة الوطنية لحقوق الإنسان"), org("الهلال الأحمر الليبي"), org("مجلس النواب اللبناني"), loc("لبنان"))
			evs := eventsOf(t, a)
			if len(evs) == 0 {
				t.Fatalf("no event")
			}
			for _, e := range evs {
				if e.Actor != tc.actor {
					t.Errorf("%s actor %q, want %q", e.Type, e.Actor, tc.actor)
				}
				if tc.notParty != "" && contains(e.Recipients, tc.notParty) {
					t.Errorf("%s event with %q as a recipient: %+v", e.Type, tc.notParty, e)
				}
			}
		})
	}
}

// A past verb with a plural subject of its own (طالبوا، رفضوا) takes no
// name after it as its actor: the name is its object.
func TestPluralSubjectVerb(t *testing.T) {
	tests := []struct{ name, in, notActor string }{
		{"release demanded for a named son", "وحمل المؤيدون صورا للقذافي، وطالبوا بالإفراج عن ابنه سيف الإسلام", "سيف الإسلام"},
		{"an offer refused from a club", "أكد المسؤول أن مسيري النادي رفضوا عرضا من نادي الأهلي", "الأهلي"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := analysis(tc.in, per("سيف الإسلام"), per("القذافي"), org("الأهلي"))
			for _, e := range eventsOf(t, a) {
				if e.Actor == tc.notActor {
					t.Errorf("%s event with the object %q as actor: %+v", e.Type, tc.notActor, e)
				}
			}
		})
	}
}

// After أن the clause has a subject of its own: the speaker before it is
// not the actor when a definite noun follows أن ("أكد X أن المطاحن
// رفضت"), but is when a noun with his pronoun does ("أعلن الجيش أن قواته
// قصفت").
func TestClauseSubjectNotSpeaker(t *testing.T) {
	a := analysis("وأكد رئيس النقابة محمد بشير أن المطاحن رفضت بيع الدقيق بالسعر المحدد", per("محمد بشير"))
	for _, e := range eventsOf(t, a) {
		if e.Actor == "محمد بشير" {
			t.Errorf("the speaker as actor of the mills' refusal: %+v", e)
		}
	}
	if !nominalSubject(splitWords("أعلن الجيش أن القوات", 0, len("أعلن الجيش أن القوات")), 2, 4) {
		t.Errorf("أن القوات: no nominal subject")
	}
	s := "أعلن الجيش أن قواته قصفت"
	if nominalSubject(splitWords(s, 0, len(s)), 2, 4) {
		t.Errorf("أن قواته: his forces read as another subject")
	}
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"وقالت الوزارة إن مالك المنزل وشقيقه اعتقلا", true}, // a construct subject
		{"وأعلن الجيش أن عناصر الشرطة داهمت", true},
		{"وقرر الجيش أن يشن هجوما", false}, // a present verb: the speaker acts
		{"وقرر الجيش أن تشن القوات هجوما", false},
		{"وأعلن الجيش أنه قصف المواقع", false},
	} {
		w := splitWords(c.s, 0, len(c.s))
		if got := nominalSubject(w, 2, len(w)-1); got != c.want {
			t.Errorf("nominalSubject(%q) = %v, want %v", c.s, got, c.want)
		}
	}
	a = analysis("وقالت الوزارة إن مالك المنزل وشقيقه اعتقلا أيضا", org("الوزارة"))
	for _, e := range eventsOf(t, a) {
		if e.Actor == "الوزارة" {
			t.Errorf("the speaker as actor of an arrest whose subject is a construct noun: %+v", e)
		}
	}
}

// An undated report with counts of its own is not merged into an event of
// the same place dated weeks before publication; an undated mention
// without counts still is.
func TestMergeBackground(t *testing.T) {
	pub := time.Date(2015, 7, 25, 0, 0, 0, 0, time.UTC)
	old := model.Event{Type: "ASSAULT", Location: "بنغازي", Date: "2014-10", DateText: "أكتوبر 2014", Quantities: map[string]int{}}
	report := model.Event{Type: "ASSAULT", Location: "بنغازي", Quantities: map[string]int{"dead": 2, "injured": 10}}
	if got := mergeEvents([]model.Event{old, report}, nil, pub); len(got) != 2 {
		t.Errorf("the day's casualties merged into the 2014 clashes: %+v", got)
	}
	mention := model.Event{Type: "ASSAULT", Location: "بنغازي", Quantities: map[string]int{}}
	if got := mergeEvents([]model.Event{old, mention}, nil, pub); len(got) != 1 {
		t.Errorf("a mention of the 2014 clashes not merged: %+v", got)
	}
	tally := model.Event{Type: "ASSAULT", Location: "بنغازي", Date: "2015-07", DateText: "شهر يوليو", Quantities: map[string]int{"dead": 25, "injured": 35}}
	incident := model.Event{Type: "ASSAULT", Location: "بنغازي", Quantities: map[string]int{}}
	if got := mergeEvents([]model.Event{incident, tally}, nil, pub); len(got) != 2 {
		t.Errorf("a month's tally merged into an undated incident: %+v", got)
	}
	recent := model.Event{Type: "ASSAULT", Location: "بنغازي", Date: "2015-07-24", DateText: "أمس", Quantities: map[string]int{}}
	if got := mergeEvents([]model.Event{recent, report}, nil, pub); len(got) != 1 {
		t.Errorf("yesterday's clash and its counts not merged: %+v", got)
	}
}

// A definite plural or dual noun right after the verb is its subject when
// no mention covers it: the name after is an object, not the actor.
func TestUnnamedPluralSubject(t *testing.T) {
	a := analysis("ويتهم الجمهوريون إدارة أوباما بإخفاء معلومات عن الاعتداء", org("إدارة أوباما"))
	for _, e := range eventsOf(t, a) {
		if e.Type == "ACCUSE" && e.Actor == "إدارة أوباما" {
			t.Errorf("the accused as actor: %+v", e)
		}
	}
	a = analysis("واتهم الرئيس باراك أوباما الجمهوريين بعرقلة الاتفاق", per("باراك أوباما"))
	if !hasEvent(eventsOf(t, a), "ACCUSE", "باراك أوباما") {
		t.Errorf("a named subject lost: %+v", eventsOf(t, a))
	}
	s := "وطالب المحتجون الحكومة بالإفراج"
	w := splitWords(s, 0, len(s))
	p := &Pattern{Type: "REQUEST", POS: POSVerb, Words: [][]string{{"طالب", "يطالب"}}}
	if !unnamedSubject(p, w, nil, Match{Pattern: p, First: 0, Last: 0}) {
		t.Errorf("%q: المحتجون not read as the subject", s)
	}
	if unnamedSubject(p, w, []mention{{Name: "المحتجون", First: 1, Last: 1}}, Match{Pattern: p, First: 0, Last: 0}) {
		t.Errorf("%q: a named group read as unnamed", s)
	}
	meet := &Pattern{Type: "CONSULT", POS: POSVerb, Words: [][]string{{"اجتمع", "يجتمع"}}}
	s = "اجتمع نحو 1500 عالم لتأييد إمارة الملا محمد عمر"
	if w := splitWords(s, 0, len(s)); !unnamedSubject(meet, w, nil, Match{Pattern: meet, First: 0, Last: 0}) {
		t.Errorf("%q: a counted subject not read", s)
	}
	raid := &Pattern{Type: "ASSAULT", POS: POSVerb, Words: [][]string{{"شن", "يشن"}}}
	s = "شن 6 غارات على المدينة"
	if w := splitWords(s, 0, len(s)); unnamedSubject(raid, w, nil, Match{Pattern: raid, First: 0, Last: 0}) {
		t.Errorf("%q: the counted object read as the subject", s)
	}
}

// A past verb of harm followed by a preposition is the passive: the name
// before it is harmed, not the actor; with an object it stays active.
func TestPassiveHarm(t *testing.T) {
	a := analysis("عبدالمجيد ديشو، وقد قتل في كمين أمني عام 1999", per("عبدالمجيد ديشو"))
	for _, e := range eventsOf(t, a) {
		if e.Actor == "عبدالمجيد ديشو" {
			t.Errorf("the one killed as actor: %+v", e)
		}
	}
	s := "وقتل مسلحون في كمين ثلاثة جنود"
	w := splitWords(s, 0, len(s))
	p := &Pattern{Type: "ASSAULT", POS: POSVerb, Words: [][]string{{"قتل", "يقتل"}}}
	if passiveHarm(p, w, Match{Pattern: p, First: 0, Last: 0}) {
		t.Errorf("%q: a subject after the verb read as a passive", s)
	}
	s = "قتل في كمين"
	w = splitWords(s, 0, len(s))
	if !passiveHarm(p, w, Match{Pattern: p, First: 0, Last: 0}) {
		t.Errorf("%q: not read as a passive", s)
	}
}

// The source a report is attributed to (بحسب، نقلا عن) is no party to it.
func TestAttributedSource(t *testing.T) {
	a := analysis("وقالت الخارجية الأميركية في بيان -بحسب وكالة الأنباء الفرنسية- نرحب بالأمر الذي أصدره رئيس الوزراء", org("وكالة الأنباء الفرنسية"))
	for _, e := range eventsOf(t, a) {
		if e.Actor == "وكالة الأنباء الفرنسية" {
			t.Errorf("the agency a statement is attributed to as actor: %+v", e)
		}
	}
}

// An outlet in a dateline ("سيدني - «الشرق الأوسط»:") is no party.
func TestDatelineOutlet(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"سيدني - «الشرق الأوسط»: اشتبك قوميون أستراليون يحتجون ضد الإسلام في ملبورن أمس", true},
		{"وقال الرئيس لـ«الشرق الأوسط»: إن الحكومة ستجتمع", true}, // an audience, as before
		{"وأعلنت «الشرق الأوسط»: أن الحكومة ستجتمع", false},
		{"الشرق الأوسط- سبق- نجران: استقبلت غرفة نجران المتقدمين", true}, // a byline
	} {
		a := analysis(c.in, org("الشرق الأوسط"))
		words := splitWords(c.in, 0, len(c.in))
		ms := placeMentions(c.in, words, docMentions(a))
		if len(ms) != 1 || ms[0].audience != c.want {
			t.Errorf("%q: mentions %+v, want one with audience %v", c.in, ms, c.want)
		}
	}
}

// A relative clause whose verb carries its antecedent as object pronoun
// has another subject: "قرارات الأمم المتحدة التي رفضتها" (Iran refused them).
func TestRelativeObject(t *testing.T) {
	a := analysis("اتفاقية تلزم إيران بقرارات الأمم المتحدة التي رفضتها من قبل", org("الأمم المتحدة"), loc("إيران"))
	for _, e := range eventsOf(t, a) {
		if e.Type == "REJECT" && e.Actor == "الأمم المتحدة" {
			t.Errorf("the antecedent as actor: %+v", e)
		}
	}
	a = analysis("إثر تعرض مقر كتيبة النواصي التي استقبلته لهجوم", org("كتيبة النواصي"))
	if !hasEvent(eventsOf(t, a), "CONSULT", "كتيبة النواصي") {
		t.Errorf("the brigade that received him lost as actor: %+v", eventsOf(t, a))
	}
	for _, c := range []struct {
		w    string
		want bool
	}{{"رفضتها", true}, {"تتهمه", true}, {"رفضت", false}, {"اتهم", false}, {"واتهم", false}, {"إدانته", false}} {
		p := &Pattern{Type: "REJECT", POS: POSVerb, Words: [][]string{{"رفض", "يرفض", "اتهم", "يتهم", "ادان", "يدين", "ادانه"}}}
		if got := objectSuffix(p, splitWords(c.w, 0, len(c.w))[0]); got != c.want {
			t.Errorf("objectSuffix(%s) = %v, want %v", c.w, got, c.want)
		}
	}
}

// Names after the preposition that ends a trigger phrase are not its
// subject; the government of a place after an authority head is a party.
func TestPhraseSubjectAndAuthority(t *testing.T) {
	a := analysis("وكان ساركوزي قد وصف الوضع بالغموض، ودعا إلى حسمه في سياق مؤسسات الاتحاد الأوروبي", per("ساركوزي"), org("الاتحاد الأوروبي"))
	for _, e := range eventsOf(t, a) {
		if e.Type == "REQUEST" && e.Actor == "الاتحاد الأوروبي" {
			t.Errorf("a name after إلى as the caller: %+v", e)
		}
	}
	a = analysis("أدلى فيه بتصريحات انتقدتها سلطات الجزائر رسميا", loc("الجزائر"))
	if !hasEvent(eventsOf(t, a), "ACCUSE", "الجزائر") {
		t.Errorf("سلطات الجزائر not the critic: %+v", eventsOf(t, a))
	}
}

// A verb with an object pronoun has its subject after it: "إذ تحتجزه جماعة
// للمقاتلين" — the name before (the one held) is not the actor.
func TestObjectPronounSubjectAfter(t *testing.T) {
	a := analysis("وصدر الحكم ضد سيف الإسلام غيابيا في طرابلس إذ تحتجزه جماعة للمقاتلين السابقين منذ أربع سنوات", per("سيف الإسلام"), loc("طرابلس"))
	for _, e := range eventsOf(t, a) {
		if e.Type == "COERCE" && e.Actor == "سيف الإسلام" {
			t.Errorf("the one held as actor: %+v", e)
		}
	}
}

// A masdar with a possessive after a preposition keeps its actor: "أعرب
// الأزهر عن رفضه التام".
func TestMasdarPossessive(t *testing.T) {
	a := analysis("أعرب الأزهر في بيان له أمس عن رفضه التام للتدخل", org("الأزهر"))
	if !hasEvent(eventsOf(t, a), "REJECT", "الأزهر") {
		t.Errorf("الأزهر's rejection lost: %+v", eventsOf(t, a))
	}
}

// "كان في استقبال X … Y": X is the guest, Y the host.
func TestInReceptionOf(t *testing.T) {
	a := analysis("وكان في استقبال محمد بن سلمان لدى وصوله مطار طنجة رئيس الحكومة عبد الإله بنكيران", per("محمد بن سلمان"), per("عبد الإله بنكيران"))
	found := false
	for _, e := range eventsOf(t, a) {
		if e.Type == "CONSULT" {
			found = true
			if e.Actor != "عبد الإله بنكيران" || len(e.Recipients) == 0 || e.Recipients[0] != "محمد بن سلمان" {
				t.Errorf("guest and host: %+v", e)
			}
		}
	}
	if !found {
		t.Errorf("no CONSULT: %+v", eventsOf(t, a))
	}
	a = analysis("وكان كينياتا في استقبال اوباما لدى وصوله إلى المقر الرئاسي", per("كينياتا"), per("اوباما"))
	for _, e := range eventsOf(t, a) {
		if e.Type == "CONSULT" && e.Actor != "كينياتا" {
			t.Errorf("the host before في lost: %+v", e)
		}
	}
}

// hasEvent reports an event of type typ with actor among evs.
func hasEvent(evs []model.Event, typ, actor string) bool {
	for _, e := range evs {
		if e.Type == typ && e.Actor == actor {
			return true
		}
	}
	return false
}

// A long title with a name of its own may stand between the verb and its
// subject; the subject's distance counts from the end of that name, and
// the name is no guest.
func TestSubjectAfterLongTitle(t *testing.T) {
	a := analysis("استقبل معالي المستشار بالديوان الملكي المشرف العام على مركز الملك سلمان للإغاثة والأعمال الإنسانية الدكتور عبدالله الربيعة امس معالي وزيرة الإعلام اليمنية الدكتورة نادية السقاف",
		org("مركز الملك سلمان"), per("الدكتور عبدالله الربيعة"), per("الدكتورة نادية السقاف"))
	evs := eventsOf(t, a)
	if !hasEvent(evs, "CONSULT", "الدكتور عبدالله الربيعة") {
		t.Fatalf("the host after the long title lost: %+v", evs)
	}
	for _, e := range evs {
		for _, r := range e.Recipients {
			if r == "مركز الملك سلمان" {
				t.Errorf("the title's complement as a guest: %+v", e)
			}
		}
	}
}

// A word of a person's name is no trigger: فيصل is not ف + يصل (arrives).
func TestNoTriggerInName(t *testing.T) {
	a := analysis("ونقل محمد الفلقي التعازي نيابة عن أمير منطقة عسير الأمير فيصل بن خالد، إلى أسرة الشهيد العريف عمر أحمد أبو شوشة",
		per("محمد الفلقي"), per("الأمير فيصل بن خالد"), per("عمر أحمد أبو شوشة"))
	for _, e := range eventsOf(t, a) {
		if e.Type == "CONSULT" {
			t.Errorf("a visit read in a name: %+v", e)
		}
	}
}

// A place that completes an office (محافظ القنفذة، رئيس وزراء باكستان، ملك
// البحرين) names the office, not where the event happened: the location
// comes from elsewhere in the sentence or stays empty; the host's seat is
// kept when the sentence gives no other place.
func TestOfficeComplementNotLocation(t *testing.T) {
	for _, c := range []struct {
		name string
		a    *model.Analysis
		typ  string
		want string // location
	}{
		{"a governor's visit elsewhere",
			analysis("وأوضح أمين الجمعية أن ذلك جاء خلال زيارة محافظ القنفذة فضا البقمي أول من أمس لأمير منطقة مكة المكرمة في مجلسه",
				per("فضا البقمي"), loc("القنفذة"), loc("مكة المكرمة")),
			"CONSULT", ""},
		{"the guest's country",
			analysis("استقبل الملك سلمان محمد نواز شريف رئيس وزراء جمهورية باكستان الإسلامية وعقد معه جلسة مباحثات",
				per("سلمان"), per("محمد نواز شريف"), loc("باكستان")),
			"CONSULT", ""},
		{"a phone call from a king",
			analysis("أجرى الأمير محمد بن سلمان اليوم اتصالاً هاتفياً بجلالة الملك عبدالله الثاني بن الحسين ملك المملكة الأردنية الهاشمية.",
				per("محمد بن سلمان"), per("عبدالله الثاني بن الحسين"), loc("المملكة الأردنية الهاشمية")),
			"CONSULT", ""},
		{"another place in the sentence",
			analysis("وزار ولي عهد أبو ظبي محمد بن زايد اليوم قاعدة الملك فهد الجوية بالطائف لتفقد الأطقم الإماراتية",
				per("محمد بن زايد"), loc("أبو ظبي"), loc("الطائف")),
			"CONSULT", "الطائف"},
		{"the host at his seat",
			analysis("استقبل الأمير فيصل بن خالد أمير منطقة عسير أمس مدير الأمن العام الفريق عثمان المحرج",
				per("فيصل بن خالد"), loc("عسير"), per("عثمان المحرج")),
			"CONSULT", "عسير"},
	} {
		found := false
		for _, e := range eventsOf(t, c.a) {
			if e.Type != c.typ {
				continue
			}
			found = true
			if e.Location != c.want {
				t.Errorf("%s: location %q, want %q (%+v)", c.name, e.Location, c.want, e)
			}
		}
		if !found {
			t.Errorf("%s: no %s event: %+v", c.name, c.typ, c.a.Events)
		}
	}
}

// An indefinite sound plural after the verb is its subject: the name
// after it is no actor ("طالب محتجون بنشر صور … اعتقال صمويل دوبوسي").
func TestIndefinitePluralSubject(t *testing.T) {
	a := analysis("وفي سينسيناتي، طالب محتجون بنشر صور فيديو حول اعتقال صمويل دوبوسي", per("صمويل دوبوسي"))
	if hasEvent(eventsOf(t, a), "REQUEST", "صمويل دوبوسي") {
		t.Errorf("the man arrested as the actor: %+v", eventsOf(t, a))
	}
	a = analysis("وطالب المتظاهرون الحكومة بالإفراج عن صمويل دوبوسي", per("صمويل دوبوسي"))
	if hasEvent(eventsOf(t, a), "REQUEST", "صمويل دوبوسي") {
		t.Errorf("the man as the actor after a definite plural: %+v", eventsOf(t, a))
	}
}

// An event noun after the light verb of the impersonal passive (تم، جرى،
// سيتم) hides its agent: its genitive, or the name before the light verb,
// undergoes the event and is a recipient, never the actor; only the
// noun's own genitive is, not a name further on; an agent phrase still
// names the actor.
func TestImpersonalPassive(t *testing.T) {
	for _, c := range []struct {
		text        string
		ents        []model.Entity
		typ, actor  string
		recipients  []string
		noRecipient string
	}{
		{"وتم اطلاق سراح جيفري ويب مقابل كفالة بقيمة عشرة ملايين", []model.Entity{per("جيفري ويب")},
			"RETREAT", "", []string{"جيفري ويب"}, ""},
		{"الجدير بالذكر أن المدعو تركي السفياني تم القبض عليه بشرطة مطار الرياض يوم أمس", []model.Entity{per("تركي السفياني"), loc("مطار الرياض")},
			"COERCE", "", []string{"تركي السفياني"}, ""},
		{"وقالت النيابة العامة إنه تم القبض على بابلو سالمون بأمر قضائي", []model.Entity{per("بابلو سالمون"), org("النيابة العامة")},
			"COERCE", "", []string{"بابلو سالمون"}, ""},
		{"وأفادوني بأنه تم القبض على أحدهم وتحويله لهيئة التحقيق والادعاء العام", []model.Entity{org("هيئة التحقيق والادعاء العام")},
			"", "", nil, "هيئة التحقيق والادعاء العام"},
		{"وتم اعتقال ثلاثة صحفيين من قبل الشرطة التركية في اسطنبول", []model.Entity{org("الشرطة التركية"), loc("اسطنبول")},
			"COERCE", "الشرطة التركية", nil, ""},
	} {
		var got *model.Event
		evs := eventsOf(t, analysis(c.text, c.ents...))
		for i, e := range evs {
			if c.noRecipient != "" && contains(e.Recipients, c.noRecipient) {
				t.Errorf("%s: %q a recipient: %+v", c.text, c.noRecipient, e)
			}
			if e.Type == c.typ {
				got = &evs[i]
			}
		}
		if c.typ == "" {
			continue
		}
		if got == nil {
			t.Errorf("%s: no %s event: %+v", c.text, c.typ, evs)
			continue
		}
		if got.Actor != c.actor {
			t.Errorf("%s: actor %q, want %q", c.text, got.Actor, c.actor)
		}
		for _, r := range c.recipients {
			if !contains(got.Recipients, r) {
				t.Errorf("%s: recipients %q, want %q among them", c.text, got.Recipients, r)
			}
		}
	}
}

// An arrival or a heading (وصل، يصل، توجه إلى) is a visit only where it
// reaches a place: a state, an amount or a stage reached is no event.
func TestArrivalNeedsPlace(t *testing.T) {
	for _, c := range []struct {
		text  string
		ents  []model.Entity
		visit bool
	}{
		{"ووصف الجفري الحادث بأنه مؤشر على حالة اليأس التي وصل إليها أرباب الفكر الضال", []model.Entity{per("الجفري")}, false},
		{"وتعهد أوباما بإغلاقه في غضون عام عندما وصل إلى البيت الأبيض في 2009", []model.Entity{per("أوباما")}, false},
		{"وقال نادي الفتح إن المهاجم جوسيمار وصل إلى مقر معسكر الفريق", []model.Entity{per("جوسيمار"), org("نادي الفتح")}, false},
		{"وصل وزير الخارجية عادل الجبير إلى الدوحة اليوم في زيارة رسمية", []model.Entity{per("عادل الجبير"), loc("الدوحة")}, true},
		{"وتوجهت وزيرة الخارجية فيسنا بوسيتش إلى القاهرة الخميس", []model.Entity{per("فيسنا بوسيتش"), loc("القاهرة")}, true},
		// on the way: the circumstance of an arrest, not a visit
		{"أن تركي السفياني تم القبض عليه بشرطة المطار، أثناء توجهه إلى دبي", []model.Entity{per("تركي السفياني"), loc("دبي")}, false},
	} {
		found := false
		for _, e := range eventsOf(t, analysis(c.text, c.ents...)) {
			found = found || e.Type == "CONSULT" && e.Mode == "visit"
		}
		if found != c.visit {
			t.Errorf("%s: a visit %v, want %v", c.text, found, c.visit)
		}
	}
}

// Shelling by warplanes is an air strike, and warplanes "التابعة ل" a
// party are that party's: the patron of an unnamed subject acts.
func TestAircraftShellingAndPatron(t *testing.T) {
	for _, c := range []struct {
		text, actor, mode string
		ents              []model.Entity
	}{
		{"وفي وقت مبكر امس، قصفت الطائرات المقاتلة التابعة للتحالف العربي مواقع للحوثيين في مأرب", "التحالف العربي", "aerial",
			[]model.Entity{org("التحالف العربي", "للتحالف العربي"), org("الحوثيين", "للحوثيين"), loc("مأرب")}},
		{"وفي السياق نفسه، قصف طيران التحالف مواقع الحوثيين في الجفينة", "التحالف", "aerial",
			[]model.Entity{org("التحالف"), org("الحوثيين"), loc("الجفينة")}},
		{"وقصفت قوات النظام بالمدفعية بلدة الزبداني", "قوات النظام", "artillery",
			[]model.Entity{org("قوات النظام"), loc("الزبداني")}},
	} {
		// the arguments are read here, not the detector's gate
		opt := DefaultOptions()
		opt.Gated = nil
		x, err := New(opt)
		if err != nil {
			t.Fatal(err)
		}
		a := analysis(c.text, c.ents...)
		if err := x.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range a.Events {
			if e.Type != "ASSAULT" {
				continue
			}
			found = true
			if e.Actor != c.actor || e.Mode != c.mode {
				t.Errorf("%s: actor %q mode %q, want %q %q", c.text, e.Actor, e.Mode, c.actor, c.mode)
			}
		}
		if !found {
			t.Errorf("%s: no ASSAULT", c.text)
		}
	}
}

// التقى is a verb whose ال is its own, not the article: it has a subject
// and a tense, so a meeting with no place or date is still reported; a
// paper's interview (التقت «الشرق الأوسط» …، التقى مراسل …) is none.
func TestAlifLamVerb(t *testing.T) {
	for _, c := range []struct {
		text      string
		ents      []model.Entity
		actor     string
		recipient string
	}{
		{"التقى أردوغان الشيخ تميم بن حمد.", []model.Entity{per("أردوغان"), per("تميم بن حمد")}, "أردوغان", "تميم بن حمد"},
		{"والتقت نائبة وزير الخارجية تسيبي حوتوبيلي سفراء السويد والدنمارك.", []model.Entity{per("تسيبي حوتوبيلي"), loc("السويد"), loc("الدنمارك")}, "تسيبي حوتوبيلي", ""},
		{"وفي شارع خالد بن الوليد التقت «الشرق الأوسط» الشابين نور الدين ومحمد علي.", []model.Entity{per("نور الدين"), per("محمد علي"), org("الشرق الأوسط")}, "", ""},
		{"حينما التقى مراسل «الشرق الأوسط» بالرجل داخل حديقته.", []model.Entity{org("الشرق الأوسط")}, "", ""},
	} {
		var got *model.Event
		evs := eventsOf(t, analysis(c.text, c.ents...))
		for i := range evs {
			if evs[i].Type == "CONSULT" {
				got = &evs[i]
			}
		}
		switch {
		case c.actor == "" && got != nil:
			t.Errorf("%s: an interview read as a meeting: %+v", c.text, *got)
		case c.actor != "" && got == nil:
			t.Errorf("%s: no CONSULT: %+v", c.text, evs)
		case got != nil && (got.Actor != c.actor || c.recipient != "" && !contains(got.Recipients, c.recipient)):
			t.Errorf("%s: actor %q recipients %q, want %q %q", c.text, got.Actor, got.Recipients, c.actor, c.recipient)
		}
	}
	s := "التقى أردوغان"
	w := splitWords(s, 0, len(s))
	p := &Pattern{Type: "CONSULT", Mode: "meet", POS: POSVerb, Words: [][]string{{"التقي", "يلتقي", "التقت"}}}
	if !verbalAt(p, w, 0) {
		t.Errorf("%q: التقى read as a noun", s)
	}
}

// The two-letter verbs شنّ and حثّ keep their reading with the conjunction
// glued on (وشن، وحث), and a verb with the conjunction opens a clause: the
// name before it, past another word, is not its subject.
func TestConjoinedShortVerb(t *testing.T) {
	for _, c := range []struct {
		text, typ, actor string
		ents             []model.Entity
	}{
		{"وشن سلاح الجو الليبي ضربات جوية على مواقع لتنظيم داعش في مدينة درنة.", "ASSAULT", "سلاح الجو الليبي",
			[]model.Entity{org("سلاح الجو الليبي"), org("تنظيم داعش", "لتنظيم داعش"), loc("درنة")}},
		{"ورحب الأمين العام بان كي مون بوقف إطلاق النار وحث الأطراف على وقف العمليات العسكرية.", "REQUEST", "بان كي مون",
			[]model.Entity{per("بان كي مون")}},
		{"وسقط القتلى وسط تزايد هجمات حزب العمال الكردستاني ضد الجيش وشن سلاح الجو التركي ضربات جوية على أهداف للحزب في شمال العراق.", "ASSAULT", "سلاح الجو التركي",
			[]model.Entity{org("حزب العمال الكردستاني"), org("سلاح الجو التركي"), loc("العراق")}},
	} {
		var got *model.Event
		evs := eventsOf(t, analysis(c.text, c.ents...))
		for i := range evs {
			if evs[i].Type == c.typ {
				got = &evs[i]
			}
		}
		if got == nil {
			t.Errorf("%s: no %s: %+v", c.text, c.typ, evs)
		} else if got.Actor != c.actor {
			t.Errorf("%s: actor %q, want %q", c.text, got.Actor, c.actor)
		}
	}
}

// A verb joined by و to an earlier clause, or with its object after a
// preposition, shares the earlier clause's named subject: the name after
// it is the one met, not the actor. A second name after the first keeps
// the first as the subject of a clause of its own.
func TestCoordinatedSharedSubject(t *testing.T) {
	tests := []struct {
		text        string
		ents        []model.Entity
		actor, recp string
	}{
		// the object after ب, the verb joined by و
		{"قام وزير الخارجية عادل الجبير بزيارة قطر بشكل مفاجئ والتقى بأميرها الشيخ تميم بن حمد",
			[]model.Entity{per("عادل الجبير"), loc("قطر"), per("تميم بن حمد")}, "عادل الجبير", "تميم بن حمد"},
		// a bare object after a meeting verb joined by و; the clause opens at حيث
		{"حيث حط أمس وزير الخارجية السوري، وليد المعلم، رحاله في مسقط، والتقى الوزير العماني يوسف بن علوي",
			[]model.Entity{per("وليد المعلم"), loc("مسقط"), per("يوسف بن علوي")}, "وليد المعلم", "يوسف بن علوي"},
		// an adverb before the preposition
		{"غادر الأمير محمد بن سلمان القاهرة بعد زيارة عمل التقى خلالها بفخامة الرئيس المصري عبدالفتاح السيسي",
			[]model.Entity{per("محمد بن سلمان"), loc("القاهرة"), per("عبدالفتاح السيسي")}, "محمد بن سلمان", "عبدالفتاح السيسي"},
		// a subject of its own: a second name follows the first
		{"ألقى جون كيري كلمة في موسكو والتقى الرئيس فلاديمير بوتين وزير الخارجية سيرغي لافروف",
			[]model.Entity{per("جون كيري"), loc("موسكو"), per("فلاديمير بوتين"), per("سيرغي لافروف")}, "فلاديمير بوتين", "سيرغي لافروف"},
	}
	for _, tc := range tests {
		evs := eventsOf(t, analysis(tc.text, tc.ents...))
		found := false
		for _, e := range evs {
			if e.Type == "CONSULT" && e.Mode == "meet" {
				found = true
				if e.Actor != tc.actor || !contains(e.Recipients, tc.recp) {
					t.Errorf("%s: actor %q recipients %q, want %q and %q", tc.text, e.Actor, e.Recipients, tc.actor, tc.recp)
				}
			}
		}
		if !found {
			t.Errorf("%s: no meeting: %+v", tc.text, evs)
		}
	}
}

// A body qualified by a nisba that no mention covers (السفارة البريطانية،
// السلطات الفرنسية) is the verb's subject: the name after it is its
// object, never the actor. A body with its patron or head after it
// (القوات الموالية لحكومة هادي) is read by the patron rules.
func TestNisbaBodySubject(t *testing.T) {
	for _, c := range []struct {
		text, typ, notActor string
		ents                []model.Entity
	}{
		{"ورفضت السفارة البريطانية في الرياض منح المدرب الكولومبي هيقيتا تأشيرة دخول", "REJECT", "هيقيتا", []model.Entity{per("هيقيتا"), loc("الرياض")}},
		{"صادرت السلطات الفرنسية لوحة للرسام العالمي بيكاسو أثناء محاولة نقلها", "COERCE", "بيكاسو", []model.Entity{per("بيكاسو")}},
	} {
		for _, e := range eventsOf(t, analysis(c.text, c.ents...)) {
			if e.Type == c.typ && e.Actor == c.notActor {
				t.Errorf("%s: the object %q as actor: %+v", c.text, c.notActor, e)
			}
		}
	}
}

// A quantifier right after the verb (الكثير من، عدد كبير من، بعض) heads
// its subject: a name after it is the object or the noun's complement,
// never the actor. The guards keep the actor where the quantified noun is
// the object: a verb joined by و inside a clause, a verb after أن, and a
// partitive of a named body.
func TestQuantifiedSubject(t *testing.T) {
	for _, c := range []struct {
		text, typ, actor string
		want             bool // an event of typ with that actor
		ents             []model.Entity
	}{
		{"وانتقد الكثير من النواب إدارة الرئيس أوباما لقبوله بهذه الصفقة", "ACCUSE", "باراك أوباما", false, []model.Entity{per("باراك أوباما", "أوباما")}},
		{"طالب عدد من المغردين وزير العمل مفرج الحقباني بالتحقيق في البرنامج", "REQUEST", "مفرج الحقباني", false, []model.Entity{per("مفرج الحقباني")}},
		{"وفي الشهر الماضي، وقعت بعض الفصائل اتفاقا مبدئيا رعته الأمم المتحدة لتشكيل حكومة وحدة", "AGREE", "الأمم المتحدة", false, []model.Entity{org("الأمم المتحدة")}},
		{"ورحب الأمين العام بان كي مون بوقف إطلاق النار وحث جميع الأطراف على وقف العمليات العسكرية", "REQUEST", "بان كي مون", true, []model.Entity{per("بان كي مون")}},
		{"وسبق لمؤسسة النقد أن دعمت بعض البنوك التي تعرضت لأزمات مالية", "SUPPORT", "مؤسسة النقد", true, []model.Entity{org("مؤسسة النقد")}},
	} {
		if got := hasEvent(eventsOf(t, analysis(c.text, c.ents...)), c.typ, c.actor); got != c.want {
			t.Errorf("%s: %s with actor %q: %v, want %v", c.text, c.typ, c.actor, got, c.want)
		}
	}
}

// The subject of a relative clause's verb (ما يقوم به X، التي يقودها X) is
// inside a noun phrase of the sentence: a later verb's pronoun subject does
// not point to it.
func TestRelativeClauseSubject(t *testing.T) {
	for _, c := range []struct {
		text, typ, notActor string
		ents                []model.Entity
	}{
		{"وقال إنهم يرفضون ما تقوم به حركة حماس من نشاط عسكري ويرفضون دعم إيران لها", "REJECT", "حركة حماس", []model.Entity{org("حركة حماس"), loc("إيران")}},
		{"ورغم الأخطاء التي يرتكبها الاتحاد السعودي لكرة القدم لم نسمع أن أيا من الأعضاء قدم استقالته", "CONCEDE", "الاتحاد السعودي لكرة القدم", []model.Entity{org("الاتحاد السعودي لكرة القدم")}},
	} {
		for _, e := range eventsOf(t, analysis(c.text, c.ents...)) {
			if e.Type == c.typ && e.Actor == c.notActor {
				t.Errorf("%s: the relative clause's subject %q as actor: %+v", c.text, c.notActor, e)
			}
		}
	}
}

// A court's sentence names the sentenced after it: they are its
// recipients, never its actor ("قضت محكمة مصرية بسجن أحمد نظيف").
func TestSentencedNotActor(t *testing.T) {
	a := analysis("قضت محكمة مصرية بسجن رئيس الوزراء الأسبق أحمد نظيف خمس سنوات في قضية فساد", per("أحمد نظيف"))
	for _, e := range eventsOf(t, a) {
		if e.Type == "COERCE" && e.Actor == "أحمد نظيف" {
			t.Errorf("the sentenced is the actor: %+v", e)
		}
	}
	a = analysis("قضت محكمة جنايات القاهرة بسجن أحمد نظيف خمس سنوات", org("محكمة جنايات القاهرة"), per("أحمد نظيف"))
	found := false
	for _, e := range eventsOf(t, a) {
		found = found || e.Type == "COERCE" && e.Actor == "محكمة جنايات القاهرة" && slices.Contains(e.Recipients, "أحمد نظيف")
	}
	if !found {
		t.Errorf("no COERCE by the court on أحمد نظيف: %+v", a.Events)
	}
}

// A summons for questioning names the summoned after the verb; the body
// that summons is its actor, before the verb or right after it. A future
// verb the tagger took for a one-word name ("سيستدعي" as PER) still
// triggers.
func TestSummons(t *testing.T) {
	a := analysis("استدعت النيابة العامة الوزير أحمد علي للتحقيق معه في تهم فساد", org("النيابة العامة"), per("أحمد علي"))
	found := false
	for _, e := range eventsOf(t, a) {
		found = found || e.Type == "ACCUSE" && e.Mode == "investigate" && e.Actor == "النيابة العامة" && slices.Contains(e.Recipients, "أحمد علي")
	}
	if !found {
		t.Errorf("no ACCUSE investigate by النيابة العامة on أحمد علي: %+v", a.Events)
	}
	a = analysis("وقال إن مجلس القضاء الأعلى سيستدعي الوزير أحمد علي للتحقيق معه", org("مجلس القضاء الأعلى"), per("سيستدعي"), per("أحمد علي"))
	found = false
	for _, e := range eventsOf(t, a) {
		found = found || e.Type == "ACCUSE" && e.Actor == "مجلس القضاء الأعلى" && slices.Contains(e.Recipients, "أحمد علي") && e.Modality == model.Planned
	}
	if !found {
		t.Errorf("no planned ACCUSE by مجلس القضاء الأعلى on أحمد علي: %+v", a.Events)
	}
}
