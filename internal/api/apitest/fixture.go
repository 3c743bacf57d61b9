// Package apitest builds a small SQLite store of analysed articles, with
// entities, events and a malicious article, for the API and page tests.
package apitest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/pipeline"
	"github.com/marsad-project/marsad/internal/search"
	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/sqlite"
)

// Malicious is the text of the article that tries to run script.
const Malicious = `هجوم <script>window.__xss=1</script> على المدينة <img src=x onerror="alert(1)"> قال فائز السراج.`

// MaliciousTitle is its title.
const MaliciousTitle = `<img src=x onerror="alert(2)">عنوان`

// Store returns a store holding three articles:
//
//	a1: فائز السراج meets خليفة حفتر in باريس (CONSULT, 2018-09-11)
//	b2: an air strike on سرت killing 5 (ASSAULT, 2016-08-01)
//	x3: a malicious article (markup in its title and text)
func Store(t testing.TB) store.Store {
	t.Helper()
	ctx := context.Background()
	an, err := search.NewAnalyzer(search.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	opt := sqlite.DefaultOptions()
	opt.Analyzer = an
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "test.db"), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p := pipeline.New()
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }

	a1 := analyse(t, p, model.Document{ID: "a1", Title: "السراج يلتقي حفتر في باريس", Source: "وكالة الأنباء", URL: "https://example.org/a1",
		Published: day("2018-09-12"),
		Text:      "التقى فائز السراج المشير خليفة حفتر في باريس يوم الثلاثاء.\nوقالت مصادر إن اللقاء بحث الأزمة الليبية."})
	addEntity(a1, "فائز السراج", model.PER, nil, "فائز السراج")
	addEntity(a1, "خليفة حفتر", model.PER, nil, "خليفة حفتر")
	addEntity(a1, "باريس", model.LOC, &model.Geo{Lat: 48.8566, Lon: 2.3522, Country: "FR"}, "باريس")
	addEvent(a1, model.Event{Type: "CONSULT", Mode: "meet", Actor: "فائز السراج", Recipients: []string{"خليفة حفتر"},
		Location: "باريس", Date: "2018-09-11", DateText: "يوم الثلاثاء", Modality: model.Asserted, Trigger: "التقى"}, "التقى")

	b2 := analyse(t, p, model.Document{ID: "b2", Title: "غارة على سرت", Source: "صحيفة الوسط", Published: day("2016-08-02"),
		Text: "شنت طائرات أمريكية غارة على مدينة سرت أمس أسفرت عن مقتل 5 مسلحين."})
	addEntity(b2, "سرت", model.LOC, &model.Geo{Lat: 31.2059, Lon: 16.5836, Country: "LY"}, "سرت")
	addEvent(b2, model.Event{Type: "ASSAULT", Mode: "aerial", Actor: "الولايات المتحدة", Location: "سرت", Date: "2016-08-01",
		DateText: "أمس", Modality: model.Asserted, Quantities: map[string]int{"dead": 5}, Trigger: "غارة"}, "شنت")

	x3 := analyse(t, p, model.Document{ID: "x3", Title: MaliciousTitle, Source: "=cmd|' /C calc'!A0", Published: day("2018-09-13"), Text: Malicious})
	addEntity(x3, "فائز السراج", model.PER, nil, "فائز السراج")
	addEvent(x3, model.Event{Type: "ASSAULT", Actor: "<b>x</b>", Location: "سرت", Modality: model.Reported}, "هجوم")

	res, err := st.Put(ctx, []model.Analysis{*a1, *b2, *x3})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Status != store.Stored {
			t.Fatalf("fixture %s: %s", r.ID, r.Status)
		}
	}
	return st
}

func analyse(t testing.TB, p *pipeline.Pipeline, d model.Document) *model.Analysis {
	t.Helper()
	d.Hash = d.ID
	a, err := p.Analyze(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	return &a
}

// addEntity adds an entity with a mention at every occurrence of surface.
func addEntity(a *model.Analysis, name, typ string, geo *model.Geo, surface string) {
	e := model.Entity{ID: "e" + string(rune('1'+len(a.Entities))), Name: name, Type: typ, Geo: geo}
	text := a.Doc.Text
	for from := 0; ; {
		i := strings.Index(text[from:], surface)
		if i < 0 {
			break
		}
		s := from + i
		e.Mentions = append(e.Mentions, model.Mention{Text: surface, Start: s, End: s + len(surface), Type: typ})
		from = s + len(surface)
	}
	a.Entities = append(a.Entities, e)
}

// addEvent adds ev in the sentence holding the word at.
func addEvent(a *model.Analysis, ev model.Event, at string) {
	i := strings.Index(a.Doc.Text, at)
	for _, s := range a.Sentences {
		if s.Start <= i && i < s.End {
			ev.Start, ev.End, ev.Sentence = s.Start, s.End, a.Doc.Text[s.Start:s.End]
		}
	}
	a.Events = append(a.Events, ev)
}

// AddSpellings stores three more articles naming فائز السراج of a1 other
// ways, which the store resolves to the same entity: c4 "فايز مصطفى السراج"
// (also "فايز السراج" and "السراج" there), c5 "السراج" alone, c6 "فايز
// السراج". It returns their ids.
func AddSpellings(t testing.TB, st store.Store) []string {
	t.Helper()
	p := pipeline.New()
	c4 := analyse(t, p, model.Document{ID: "c4", Title: "رئيس المجلس الرئاسي", Source: "وكالة الأنباء",
		Text: "قال فايز مصطفى السراج إن فايز السراج لا يتنحى. وأضاف السراج أن الحوار مستمر."})
	addEntity(c4, "فايز مصطفى السراج", model.PER, nil, "السراج")
	c4.Entities[0].Aliases = []string{"فايز السراج", "السراج"}
	c5 := analyse(t, p, model.Document{ID: "c5", Title: "السراج في روما", Source: "صحيفة الوسط", Text: "وصل السراج إلى روما."})
	addEntity(c5, "السراج", model.PER, nil, "السراج")
	c6 := analyse(t, p, model.Document{ID: "c6", Title: "بيان", Source: "صحيفة الوسط", Text: "أصدر فايز السراج بيانا."})
	addEntity(c6, "فايز السراج", model.PER, nil, "فايز السراج")
	if _, err := st.Put(context.Background(), []model.Analysis{*c4, *c5, *c6}); err != nil {
		t.Fatal(err)
	}
	return []string{"c4", "c5", "c6"}
}

// AddRepost stores r4, a repost of a1 by another source (a1's text with
// the site's follow line appended): a near-duplicate of a1. It returns
// its id.
func AddRepost(t testing.TB, st store.Store) string {
	t.Helper()
	a, err := st.Article(context.Background(), "a1")
	if err != nil {
		t.Fatal(err)
	}
	r4 := analyse(t, pipeline.New(), model.Document{ID: "r4", Title: a.Doc.Title, Source: "موقع ينقل", Published: a.Doc.Published.Add(time.Hour),
		Text: a.Doc.Text + "\nتابعونا على فيسبوك"})
	res, err := st.Put(context.Background(), []model.Analysis{*r4})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].NearDuplicateOf != "a1" {
		t.Fatalf("r4 is not stored as a near-duplicate of a1: %+v", res[0])
	}
	return "r4"
}
