package event

import (
	"sort"
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/entity"
	"github.com/marsad-project/marsad/internal/model"
)

// governments maps a capital acting as a party to its country, when the
// document names that country as well: "نقلها إلى ليبيا من قبل أنقرة" is
// an act of تركيا, which PLOVER codes as the country's government (the
// manual codes actors by state, and news names a government by its capital).
// Capital and country come from the shipped gazetteer (GeoNames countries
// and capitals). A capital whose country the document does not name stays.
type governments struct {
	gaz     *entity.Gazetteer
	country map[string]string // ISO code → the document's entity name of that country
}

func newGovernments(gaz *entity.Gazetteer, dms []docMention) *governments {
	g := &governments{gaz: gaz}
	if gaz == nil {
		return g
	}
	for _, m := range dms {
		if m.Type != model.LOC {
			continue
		}
		if ps := gaz.Lookup(m.Name); len(ps) > 0 && ps[0].Kind == entity.KindCountry {
			if g.country == nil {
				g.country = map[string]string{}
			}
			if _, ok := g.country[ps[0].Country]; !ok {
				g.country[ps[0].Country] = m.Name
			}
		}
	}
	return g
}

// of returns the country for an actor that is a capital, or the actor.
func (g *governments) of(actor string, dms []docMention) string {
	if g.gaz == nil || len(g.country) == 0 || actor == "" {
		return actor
	}
	isLoc := false
	for _, m := range dms {
		if m.Name == actor {
			isLoc = m.Type == model.LOC
			break
		}
	}
	if !isLoc {
		return actor
	}
	ps := g.gaz.Lookup(actor)
	if len(ps) == 0 || ps[0].Kind != entity.KindCapital {
		return actor
	}
	if c, ok := g.country[ps[0].Country]; ok {
		return c
	}
	return actor
}

// Heads of a description of a state's armed forces: "القوات الأمريكية",
// "طائرات حربية تركية" (matched on the word's base). Not جيش: "الجيش
// الليبي" is a name, and in arabic-news its untagged repeats linked to
// another force of the state (سلاح الجو الليبي); not جنود: "يقتل انتحاري
// ثلاثة جنود ليبيين" names victims.
var forceHeads = normKeys(map[string]bool{
	"قوات": true, "طائرات": true, "طائرة": true, "طيران": true, "مقاتلات": true, "بحرية": true,
	"مدفعية": true, "دبابات": true, "بوارج": true,
})

// Heads of a description of a state's civil authority: "السلطات المصرية",
// "الحكومة التونسية", "الشرطة الفرنسية". They stand for the country the
// article names, never for its armed force.
var authorityHeads = normKeys(map[string]bool{
	"سلطات": true, "حكومة": true, "شرطة": true, "اجهزة": true,
})

// Words of a spokesman or an office before a government in construct.
var spokesWords = normKeys(map[string]bool{
	"متحدث": true, "المتحدث": true, "ناطق": true, "الناطق": true, "مستشار": true, "مسؤول": true, "ممثل": true, "مصادر": true,
	"مصدر": true, "مدير": true, "عضو": true, "رئاسة": true, "رئاسه": true,
})

// Heads of a party name that may take a force description after them.
var partyHeads = normKeys(map[string]bool{"حزب": true, "حركة": true, "تيار": true, "جبهة": true, "تحالف": true, "ائتلاف": true, "قائد": true, "قيادة": true})

// Adjectives that may stand between a force head and its nisba.
var forceAdjectives = normKeys(map[string]bool{
	"حربية": true, "الحربية": true, "حربي": true, "الحربي": true, "جوية": true, "الجوية": true, "جوي": true, "الجوي": true,
	"مسيرة": true, "المسيرة": true, "مسلحة": true, "المسلحة": true, "خاصة": true, "الخاصة": true, "بحرية": true, "البحرية": true,
	"الامن": true, "الأمن": true, "الامنية": true, "الأمنية": true, // "قوات الأمن التونسية", "الأجهزة الأمنية المصرية"
})

// Words that make an organisation a state's armed force: "القيادة
// العسكرية الأمريكية في إفريقيا", "القوات الجوية الروسية", "الجيش المصري".
var forceWords = normKeys(map[string]bool{
	"جيش": true, "الجيش": true, "قوات": true, "القوات": true, "سلاح": true, "العسكرية": true, "البحرية": true, "الحرس": true,
	"الجوية": true, "الطيران": true,
})

// states links descriptions of a state's forces and attack nouns qualified
// by a nisba ("القوات الأمريكية", "قصف جوي أمريكي", "غارات روسية") to the
// document's entity for that state: its one armed force the article names
// (القيادة العسكرية الأمريكية في إفريقيا), else the country itself. PLOVER
// codes such an actor by its state; the article's own name is what the
// contract can give.
type states struct {
	gaz   *entity.Gazetteer
	force map[string]string // country code → the one military organisation of that nisba ("" when several)
	land  map[string]string // country code → the document's name of that country
}

func newStates(gaz *entity.Gazetteer, dms []docMention) *states {
	st := &states{gaz: gaz, force: map[string]string{}, land: map[string]string{}}
	if gaz == nil {
		return st
	}
	for _, m := range dms {
		switch m.Type {
		case model.LOC:
			if _, ok := st.land[m.Name]; ok {
				continue
			}
			// any reading as a country: تونس, الجزائر, الكويت name the
			// country before the capital (entity.Choose)
			for _, p := range gaz.Lookup(m.Name) {
				if p.Kind == entity.KindCountry {
					if _, ok := st.land[p.Country]; !ok {
						st.land[p.Country] = m.Name
					}
					break
				}
			}
		case model.ORG:
			ws := strings.Fields(arabic.Normalize(m.Name))
			military, cc := false, ""
			for _, w := range ws {
				military = military || forceWords[w]
				if c, ok := gaz.NisbaCountry(w); ok && runeLen(w) >= 4 {
					cc = c
				}
			}
			if !military || cc == "" {
				continue
			}
			if n, ok := st.force[cc]; ok && n != m.Name {
				st.force[cc] = "" // two forces of one state: not told apart
			} else {
				st.force[cc] = m.Name
			}
		}
	}
	return st
}

// of returns the document's entity for the state a nisba adjective names.
func (st *states) of(w word) string {
	if st.gaz == nil || runeLen(w.Norm) < 4 {
		return ""
	}
	cc, ok := st.gaz.NisbaCountry(w.Norm)
	if !ok {
		return ""
	}
	if n := st.force[cc]; n != "" {
		return n
	}
	return st.land[cc]
}

// nisbaCode returns the country code of a nisba adjective, "" when none.
func (st *states) nisbaCode(w word) string {
	if st.gaz == nil || runeLen(w.Norm) < 4 {
		return ""
	}
	cc, _ := st.gaz.NisbaCountry(w.Norm)
	return cc
}

// nisbaAfter returns the state named by a nisba adjective right after word
// i, past one adjective of kind (جوي، حربية، مسيرة), with the index of the
// nisba; "" when none.
func (st *states) nisbaAfter(words []word, i int) (string, int) {
	k := i + 1
	if k < len(words) && forceAdjectives[words[k].Norm] && !words[i].boundary {
		k++
	}
	if k >= len(words) || words[k-1].boundary {
		return "", 0
	}
	if n := st.of(words[k]); n != "" {
		return n, k
	}
	return "", 0
}

// describe returns the sentence's mentions (local, in text order) extended
// by the descriptions of a state's forces (القوات الأمريكية) as mentions of
// its entity, or nil when there are none.
func (st *states) describe(words []word, local []docMention) []docMention {
	if len(st.force) == 0 && len(st.land) == 0 {
		return nil
	}
	var extra []docMention
	for i := range words {
		authority := authorityHeads[words[i].base]
		if !forceHeads[words[i].base] && !authority || words[i].number {
			continue
		}
		// "حزب القوات اللبنانية": the name of a party, not a description
		if i > 0 && partyHeads[words[i-1].base] {
			continue
		}
		// "رئيس الحكومة المغربية", "المتحدث باسم الحكومة": the person
		// whose office it is acts, not the state
		if authority && i > 0 && (obliqueTitles[words[i-1].base] || words[i-1].Norm == "باسم" || spokesWords[words[i-1].base]) {
			continue
		}
		name, k := st.nisbaAfter(words, i)
		if authority && name != "" {
			name = st.land[st.nisbaCode(words[k])] // the country, never its army
		}
		if name == "" || overlapsAny(local, words[i].Start, words[k].End) {
			continue
		}
		// the mention starts after a preposition glued on ("للقوات
		// التركية" is governed by ل), at the article
		w, start := words[i], words[i].Start
		if len(w.Text) == len(w.Norm) {
			if strings.HasSuffix(w.Norm, "ال"+w.base) {
				start += len(w.Norm) - len("ال"+w.base)
			} else {
				start += len(w.Norm) - len(w.base)
			}
		}
		extra = append(extra, docMention{Start: start, End: words[k].End, Name: name, Type: model.ORG})
	}
	if len(extra) == 0 {
		return nil
	}
	out := append(append([]docMention(nil), local...), extra...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// within returns whether a place of the document lies in a country it
// names: the place's geocoded country (entity.Geo) is that country's code.
func (st *states) within(dms []docMention) func(place, country string) bool {
	code := map[string]string{} // place name → its country's code
	for _, m := range dms {
		if m.Type == model.LOC && m.Geo != nil && m.Geo.Country != "" {
			code[m.Name] = m.Geo.Country
		}
	}
	countries := map[string]string{} // country name → code
	for cc, n := range st.land {
		countries[n] = cc
	}
	return func(place, country string) bool {
		cc, ok := countries[country]
		return ok && place != country && code[place] == cc
	}
}

// narrow returns, for an event placed in a country, the place inside that
// country the sentence puts it in, if one stands in the event's clause: "وفي
// تونس قتل 37 شخصا في هجوم استهدف فندقين بمدينة سوسة" happened in سوسة.
// The nearest such place to the trigger, before the next event's trigger.
func (st *states) narrow(loc *mention, ms []mention, m *Match, actor string) string {
	cc := ""
	for c, n := range st.land {
		if n == loc.Name {
			cc = c
			break
		}
	}
	if cc == "" {
		return loc.Name
	}
	best, bestD := "", 1<<30
	for _, x := range ms {
		if x.Type != model.LOC || x.Name == loc.Name || x.Name == actor || x.patron || x.about || x.Geo == nil || x.Geo.Country != cc {
			continue
		}
		if m.Next > 0 && x.First >= m.Next || x.First <= m.Last && x.First >= m.First {
			continue
		}
		d := x.First - m.Last
		if x.Last < m.First {
			if !x.locative {
				continue
			}
			d = m.First - x.Last
		}
		if d > 15 {
			continue
		}
		if _, isCountry := st.countryOf(x.Name); isCountry {
			continue
		}
		if d < bestD {
			best, bestD = x.Name, d
		}
	}
	if best == "" {
		return loc.Name
	}
	return best
}

// countryOf returns the code of a country the document names.
func (st *states) countryOf(name string) (string, bool) {
	for c, n := range st.land {
		if n == name {
			return c, true
		}
	}
	return "", false
}
