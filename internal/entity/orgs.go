package entity

import (
	"context"
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

//go:embed data/orgs.tsv
var orgsTSV string

// knownNames indexes the curated names by the normalised first word
// (without the article), longest phrase first.
type knownNames struct {
	byFirst map[string][]knownName
}

type knownName struct {
	words []string
	typ   string
	// context: the bare name is also a common word (القاعدة "the base",
	// الإخوان "the brothers"): a mention only with an organisation's head
	// before it, a designation after it, or coordinated with another
	// organisation.
	context bool
}

var loadKnownNames = sync.OnceValues(func() (*knownNames, error) {
	kn := &knownNames{byFirst: map[string][]knownName{}}
	for n, line := range strings.Split(orgsTSV, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || len(f) > 3 || !isTypeOK(f[0]) || (len(f) == 3 && f[2] != "context") {
			return nil, fmt.Errorf("entity: orgs line %d: want TYPE<TAB>name[<TAB>context]", n+1)
		}
		ws := normWords(f[1])
		if len(ws) == 0 {
			continue
		}
		k := stripAl(ws[0])
		kn.byFirst[k] = append(kn.byFirst[k], knownName{words: ws, typ: f[0], context: len(f) == 3})
	}
	for _, ps := range kn.byFirst {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
	}
	return kn, nil
})

// known reports whether ws (normalised words) is a curated name, the
// article on each word aside.
func (kn *knownNames) known(ws []string) bool {
	return kn.find(ws, func(knownName) bool { return true })
}

// find reports whether ws is a listed name that ok accepts.
func (kn *knownNames) find(ws []string, ok func(knownName) bool) bool {
	if len(ws) == 0 {
		return false
	}
	for _, k := range kn.byFirst[stripAl(ws[0])] {
		if len(k.words) != len(ws) || !ok(k) {
			continue
		}
		same := true
		for i := range ws {
			same = same && stripAl(ws[i]) == stripAl(k.words[i])
		}
		if same {
			return true
		}
	}
	return false
}

// knownOrg reports whether ws is a curated organisation that needs no
// context (a bare name that is also a common word is not one).
func (kn *knownNames) knownOrg(ws []string) bool {
	return kn.find(ws, func(k knownName) bool { return k.typ == model.ORG && !k.context })
}

// OrgOptions selects the organisation finder's rules; each can be turned
// off to measure what it brings.
type OrgOptions struct {
	// Known: the curated names of data/orgs.tsv; those marked "context"
	// only where the context says organisation (KnownContext).
	Known bool
	// Quoted: a name in quotes right after an organisation head (مرتزقة
	// «فاغنر», شركة «أرامكو», عناصر «داعش»), and names in quotes coordinated
	// with it (… و«الجنجويد»). Arabic news quotes the names of groups.
	Quoted bool
	// Retype: a MISC mention right after an organisation head (مجموعة فاغنر,
	// حزب الله) is an organisation: the head says what the name names.
	Retype bool
	// Institutions: the presidency or the opposition of a country, named by
	// the country's nisba (الرئاسة الفرنسية, المعارضة السورية): bodies that
	// act and speak in the news, as the general command of an army does.
	Institutions bool
	// Designated: a group head, a definite name and a designation adjective
	// (تنظيم الإخوان الإرهابي, جماعة الشباب المتطرفة): news calls groups,
	// not things, terrorist or extremist.
	Designated bool
	// Ministries: a ministry named by its portfolio (وزارة الداخلية، وزارة
	// الشؤون البلدية، وزارة الخارجية الأمريكية). ANERcorp leaves ministries
	// untagged, so the tagger rarely finds them: on arabic-news it covered
	// 150 of 1,306 such names.
	Ministries bool
	// Bodies: the bodies' construct rule (Ministries) also after the head
	// of a state body, court, party or outlet (stateBodyHeads: مجلس
	// النواب، محكمة جنايات القاهرة، حزب الشعب، إذاعة الجيش).
	Bodies bool
	// Tribes: a name right after a tribe's head (قبيلة, قبائل, عشيرة,
	// عشائر) is a group, an organisation in the contract's types (the gold
	// types groups that act, الجنجويد, المعارضة التشادية, ORG): the tagger's
	// PER or LOC on it is retyped, an untagged rare name is added (قبيلة
	// الدواسر, قبيلة أولاد سليمان), and so are its other mentions in the
	// article; a gazetteer place stays a place (قبائل مأرب: the tribes of
	// Marib). A person's name never starts with أولاد "sons": أولاد سليمان
	// alone is a tribe too.
	Tribes bool
	// Chains: an organisation whose name ends in an indefinite noun in
	// construct runs on over the indefinite nouns after it to the place that
	// closes the chain (قوات مجلس شورى + ثوار + بنغازي, مجلس أعيان +
	// مصراتة): the tagger cut the name before the genitive, which a common
	// noun in construct wants.
	Chains bool
	// Allies: a leader the news names by one word right after the group
	// allied to him, both in one construct (ميليشيات الحوثي وصالح "the
	// militias of the Houthis and of Saleh"): the second genitive is a
	// party of its own, a person (allyOf).
	Allies bool
	// Named: a facility or institution named after a person (مركز الملك
	// سلمان للإغاثة, جامعة الملك عبدالعزيز, مدرسة الزبير بن العوام, مطار
	// الملك خالد) is one name, an organisation or a place: the person in it
	// is no party to what the sentence reports.
	Named bool
}

// DefaultOrgOptions turns every rule on.
func DefaultOrgOptions() OrgOptions {
	return OrgOptions{Known: true, Quoted: true, Retype: true, Institutions: true, Designated: true, Ministries: true, Bodies: true, Tribes: true, Chains: true, Named: true, Allies: true}
}

// OrgFinder is a pipeline stage that adds organisation mentions the tagger
// missed: a short curated list of well-known organisations and armed groups
// (data/orgs.tsv) and names signalled by an organisation head (a quoted
// name after it, a name designated terrorist after a group head). It never
// overlaps the mentions already there; it only retypes a MISC or quoted
// mention that an organisation head governs. Run it after the tagger and
// the place finder, before the cue finder and the Resolver. It is immutable
// and safe for concurrent use.
type OrgFinder struct {
	opt OrgOptions
	kn  *knownNames
	gaz *Gazetteer
}

// NewOrgFinder returns an OrgFinder over the embedded list.
func NewOrgFinder(opt OrgOptions) (*OrgFinder, error) {
	kn, err := loadKnownNames()
	if err != nil {
		return nil, err
	}
	gaz, err := LoadGazetteer()
	if err != nil {
		return nil, err
	}
	return &OrgFinder{opt: opt, kn: kn, gaz: gaz}, nil
}

// Name implements pipeline.Stage.
func (f *OrgFinder) Name() string { return "orgs" }

// Process implements pipeline.Stage.
func (f *OrgFinder) Process(ctx context.Context, a *model.Analysis) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("entity: orgs: %w", err)
	}
	a.Mentions = f.Find(a.Doc.Text, a.Mentions)
	return nil
}

// orgHeads are the nouns that, in construct, say that the next name is an
// organisation: group, militia, movement, party, company, organisation,
// and the members of one (عناصر, مسلحو, مرتزقة). Normalised (ة → ه). From
// the lexicon's orghead and members classes plus company and group nouns.
var orgHeads = map[string]bool{"تنظيم": true, "جماعه": true, "حركه": true, "ميليشيا": true, "ميليشيات": true,
	"مليشيا": true, "مليشيات": true, "مرتزقه": true, "مجموعه": true, "شركه": true, "منظمه": true, "حزب": true,
	"جبهه": true, "تحالف": true, "كتايب": true, "كتيبه": true, "لواء": true, "قوات": true, "فصيل": true,
	"فصايل": true, "عناصر": true, "مسلحي": true, "مسلحو": true, "مقاتلي": true, "مقاتلو": true, "سرايا": true,
	"فيلق": true, "فرقه": true, "ايتلاف": true}

// airHeads are the aircraft of a party (طيران التحالف، مقاتلات التحالف):
// like an organisation head they say that a context-only name (التحالف)
// names a party; unlike one they do not make a MISC name an organisation
// (طائرات إف 16 are aircraft).
var airHeads = normSet("طيران", "مقاتلات", "طائرات", "غارات", "ضربات")

// launchVerbs launch strikes (شن غارات، نفذ ضربات).
var launchVerbs = normSet("شن", "يشن", "تشن", "شنت", "شنوا", "نفذ", "ينفذ", "تنفذ", "نفذت", "نفذوا")

// groupHeads are the heads a designation adjective follows (تنظيم الإخوان
// الإرهابي); company and body nouns are not called terrorist.
var groupHeads = map[string]bool{"تنظيم": true, "جماعه": true, "حركه": true, "ميليشيا": true, "ميليشيات": true,
	"مليشيا": true, "مليشيات": true, "جبهه": true}

// institutions are definite bodies that a country's nisba names (الرئاسة
// الفرنسية, المعارضة التشادية).
var institutions = map[string]bool{"الرياسه": true, "المعارضه": true, "الجيش": true, "الشرطه": true,
	"الخارجيه": true, "الداخليه": true, "الحزب": true, "الحرس": true, "التحالف": true}

// constructHead reports a ministry's or body's head (normalised) that takes
// the next words as its name (وزارة, هيئة, مجلس).
func constructHead(w string) bool {
	return ministryHeads[w] || bodyHeads[w] || stateBodyHeads[w]
}

// femaleBodies (OrgOptions.Bodies) are the ministries news names by their
// portfolio alone, with the country's adjective in the feminine
// (الخارجية الأميركية، الداخلية السعودية). الحكومة + a country's adjective
// is left out: right on arabic-news (288 mentions read), but the seeds'
// gold does not list الحكومة الليبية (docs/ENTITIES.md, entorg).
var femaleBodies = normSet("الخارجية", "الداخلية")

// bodyOffices hold an office in a body: وزيرة الخارجية الأميركية is a
// person's title, رئيس الحكومة الإسرائيلية too.
var bodyOffices = normSet("وزير", "وزيرة", "رئيس", "رئيسة", "نائب", "متحدث", "المتحدث", "وكيل", "مساعد", "مساعدة")

// partyBodies (OrgOptions.Bodies) are named by any relative adjective, not
// only a country's: الحزب الجمهوري، الحرس الثوري، التحالف الشيعي، الجيش
// الوطني.
var partyBodies = normSet("الحزب", "الحرس", "التحالف", "الجيش")

// stateForces: a state's army or police by its country's adjective (الجيش
// العراقي، الشرطة الإسرائيلية) is written about 150 times on arabic-news and
// the tagger found it 20 times (devgold: both missed, and with them the
// actor of an arrest). Bare or after و, as the other institutions: after
// ب or ل it is as often where someone serves ("القيادات العسكرية بالجيش
// الفرنسي") as a party.
var stateForces = map[string]bool{"الجيش": true, "الشرطه": true}

// forceOffices are the nouns in construct before a state's force that make
// it part of an office or a body's name: "رئيس أركان الجيش الفرنسي" names a
// person, "هيئة أركان الجيش التركي" the general staff.
var forceOffices = normSet("اركان", "قائد", "قياده", "هيئه", "رئيس", "مدير")

// officeRace are the nouns that take الرئاسة as the office run for, not the
// body (انتخابات الرئاسة الأمريكية, سباق الرئاسة), read off the saudinewsnet
// sample.
var officeRace = map[string]bool{"انتخابات": true, "سباق": true, "منصب": true, "كرسي": true, "مرشح": true,
	"مرشحي": true, "ترشح": true, "ترشيح": true}

// designations are the adjectives Arabic news gives armed groups
// (الإرهابي, المتطرف), in both genders.
var designations = map[string]bool{"الارهابي": true, "الارهابيه": true, "المتطرف": true, "المتطرفه": true}

// headAt reports whether token t is an organisation head of set, bare or
// after a proclitic (وتنظيم, لميليشيات), and how many proclitic letters to
// skip.
func headAt(t arabic.Token, set map[string]bool) (int, bool) {
	if t.Kind != arabic.KindArabic {
		return 0, false
	}
	if set[t.Norm] {
		return 0, true
	}
	for _, p := range [...]string{"و", "ف", "ب", "ل"} {
		if rest, ok := strings.CutPrefix(t.Norm, p); ok && set[rest] {
			return 1, true
		}
	}
	return 0, false
}

func isOpenQuote(s string) bool {
	switch s {
	case "«", "“", "\"", "‹", "'":
		return true
	}
	return false
}

func isCloseQuote(s string) bool {
	switch s {
	case "»", "”", "\"", "›", "'":
		return true
	}
	return false
}

// Find returns have plus the organisations found in text that overlap none
// of them, sorted by offset, with the MISC or quoted mentions an
// organisation head governs retyped ORG. A listed name may carry a
// proclitic on its first word (للأمم المتحدة, وداعش); the mention then
// starts after it, except after لل where the article's alef is elided and
// the word is kept whole.
func (f *OrgFinder) Find(text string, have []model.Mention) []model.Mention {
	toks := arabic.Tokenize(text)
	taken := markTaken(toks, text, have)
	out := append([]model.Mention(nil), have...)
	added := false
	if f.opt.Retype {
		for mi, m := range out {
			if m.Type != model.MISC {
				continue
			}
			if f.kn.knownOrg(normWords(m.Text)) {
				// a listed organisation the tagger read as MISC, mostly in
				// quotes (الفرع المصري لتنظيم داعش «ولاية سيناء»)
				out[mi].Type = model.ORG
				added = true
				continue
			}
			i := sort.Search(len(toks), func(i int) bool { return toks[i].End > m.Start })
			if i >= len(toks) {
				continue
			}
			// the head inside the mention (مجموعة فاغنر) or right before it
			if _, ok := headAt(toks[i], orgHeads); ok && toks[i].Start >= m.Start && i+1 < len(toks) && toks[i+1].Start < m.End {
				if plainConstruct(toks, i+1, m.End) {
					out[mi].Type = model.ORG
					added = true
				}
				continue
			}
			k := i - 1
			if k >= 0 && isOpenQuote(toks[k].Text) {
				k--
			}
			if k >= 0 && toks[k].End <= m.Start && strings.TrimSpace(text[toks[k].End:toks[k+1].Start]) == "" {
				if _, ok := headAt(toks[k], orgHeads); ok {
					out[mi].Type = model.ORG
					added = true
				}
			}
		}
	}
	if f.opt.Quoted {
		for i := 0; i+3 < len(toks); i++ {
			if _, ok := headAt(toks[i], orgHeads); !ok || strings.HasPrefix(toks[i].Norm, "ال") {
				continue
			}
			j := i + 1
			for {
				e := f.quotedName(toks, j)
				if e == 0 {
					break
				}
				if f.claim(text, toks, taken, &out, j+1, e) {
					added = true
				}
				// … و«Y» or … ، «Y»: a coordinated name in quotes is of the same kind
				k := e + 1
				if k+1 < len(toks) && (toks[k].Norm == "و" || toks[k].Text == "،") {
					j = k + 1
					continue
				}
				break
			}
		}
	}
	if f.opt.Institutions {
		for i := 0; i+1 < len(toks); i++ {
			if taken[i] || taken[i+1] || !adjacent(toks, i+1) {
				continue
			}
			// bare or after و only: فاز بالرئاسة, مرشح للرئاسة name the office
			letters, ok := headAt(toks[i], institutions)
			elided := false
			if rest, cut := strings.CutPrefix(toks[i].Norm, "لل"); !ok && cut && f.opt.Bodies && (partyBodies["ال"+rest] || femaleBodies["ال"+rest]) {
				// القائد العام للجيش الليبي: the article elided after ل; the
				// mention keeps the whole word, as للأمم المتحدة
				ok, elided = true, true
			}
			if !ok || (letters > 0 && !strings.HasPrefix(toks[i].Norm, "و") && !(f.opt.Bodies && femaleBodies[toks[i].Norm[2*letters:]])) {
				continue
			}
			if i > 0 && adjacent(toks, i) && officeRace[stripConj(toks[i-1].Norm)] {
				continue // انتخابات الرئاسة الأمريكية: the office, not the body
			}
			if i > 0 && adjacent(toks, i) && stateForces[toks[i].Norm[2*letters:]] && forceOffices[stripConj(toks[i-1].Norm)] {
				continue // رئيس أركان الجيش الفرنسي: an office
			}
			head := toks[i].Norm[2*letters:]
			if elided {
				head = "ال" + strings.TrimPrefix(toks[i].Norm, "لل")
			}
			if f.opt.Bodies && femaleBodies[head] {
				// الحكومة الإسرائيلية, الخارجية الأميركية: the adjective agrees
				// with the body (وزير الخارجية الأميركي is the minister's), and
				// not in an office's title (وزيرة الخارجية الأميركية)
				if !strings.HasSuffix(toks[i+1].Norm, "يه") || (i > 0 && adjacent(toks, i) && (bodyOffices[toks[i-1].Norm] || bodyOffices[stripConj(toks[i-1].Norm)])) {
					continue
				}
			}
			if (femaleBodies[head] || partyBodies[head]) && i > 0 && adjacent(toks, i) {
				if constructHead(toks[i-1].Norm) || constructHead(stripConj(toks[i-1].Norm)) {
					continue // وزارة الخارجية الأميركية, وزارة الحرس الوطني: the ministry's portfolio
				}
			}
			_, isCountry := f.gaz.NisbaCountry(toks[i+1].Norm)
			if !isCountry && f.opt.Bodies && partyBodies[head] && !sentenceAdjectives[toks[i+1].Norm] &&
				!strings.HasSuffix(toks[i+1].Norm, "يه") && // التحالف العربية: the adjective of another noun
				(i == 0 || !adjacent(toks, i) || !forceOffices[stripConj(toks[i-1].Norm)]) {
				isCountry = true // الحزب الجمهوري, الحرس الثوري, التحالف الشيعي, الجيش الوطني
			}
			if isCountry && isDefiniteNisba(toks[i+1].Norm) {
				out = appendSpan(out, taken, toks, text, i, 2, letters, model.ORG)
				added = true
				i++
			}
		}
	}
	if f.opt.Designated {
		for i := 0; i+2 < len(toks); i++ {
			letters, ok := headAt(toks[i], groupHeads)
			if !ok || taken[i] {
				continue
			}
			n := 0
			for k := i + 1; k < len(toks) && k <= i+3 && !taken[k] && adjacent(toks, k); k++ {
				w := toks[k].Norm
				if designations[w] {
					break
				}
				if !strings.HasPrefix(w, "ال") || arabic.IsStopword(w) || utf8.RuneCountInString(w) < 4 {
					n = 0
					break
				}
				n++
			}
			if e := i + 1 + n; n > 0 && e < len(toks) && adjacent(toks, e) && designations[toks[e].Norm] {
				out = appendSpan(out, taken, toks, text, i, 1+n, letters, model.ORG)
				added = true
				i = e
			}
		}
	}
	if f.opt.Ministries {
		for i := 0; i+1 < len(toks); i++ {
			if taken[i] {
				continue
			}
			if letters, ok := headAt(toks[i], ministryHeads); ok {
				if n := f.portfolio(toks, taken, i+1); n > 0 {
					out = appendSpan(out, taken, toks, text, i, 1+n, letters, model.ORG)
					added = true
					i += n
				}
				continue
			}
			letters, ok := headAt(toks[i], bodyHeads)
			if !ok && f.opt.Bodies {
				letters, ok = headAt(toks[i], stateBodyHeads)
			}
			if ok && (i == 0 || toks[i-1].Norm != "علي") { // على هيئة: in the shape of
				if n := constructName(toks, taken, i+1); n > 0 && f.bodyNameFits(toks[i].Norm[2*letters:], toks, i+1, n) {
					out = appendSpan(out, taken, toks, text, i, 1+n, letters, model.ORG)
					added = true
					i += n
				} else if n == 0 && f.opt.Bodies && stateBodyHeads[toks[i].Norm[2*letters:]] {
					if n := placeNamedBody(toks, taken, out, i+1); n > 0 && f.bodyNameFits(toks[i].Norm[2*letters:], toks, i+1, n) {
						start := toks[i].Start + skipLetters(toks[i].Text, letters)
						if kept, ok := placesInside(out, start, toks[i+n].End, true); ok {
							out = appendSpan(kept, taken, toks, text, i, 1+n, letters, model.ORG)
							added = true
							i += n
						}
					}
				}
			}
		}
	}
	if f.opt.Tribes && f.tribes(text, toks, taken, &out) {
		added = true
	}
	if f.opt.Known {
		// context-only names wait until every other name is in: they are
		// read by their neighbours
		type pending struct{ i, n, letters int }
		var wait []pending
		for i := 0; i < len(toks); i++ {
			if taken[i] || toks[i].Kind != arabic.KindArabic {
				continue
			}
			first := []cliticSplit{{word: toks[i].Norm}}
			first = append(first, cliticSplits(toks[i].Norm)...)
		next:
			for _, sp := range first {
				for _, kn := range f.kn.byFirst[stripAl(sp.word)] {
					n := len(kn.words)
					if i+n > len(toks) || sp.word != kn.words[0] {
						continue
					}
					ok, inner := true, false
					for k := 1; k < n; k++ {
						t := toks[i+k]
						if t.Kind != arabic.KindArabic || t.Start-toks[i+k-1].End > 1 || t.Norm != kn.words[k] {
							ok = false
							break
						}
						inner = inner || taken[i+k]
					}
					if ok && inner {
						// a place the tagger found inside a listed name is part
						// of it: "مجلس شورى ثوار بنغازي", "مجلس مقاتلي درنة"
						// (devgold: the tagger's بنغازي kept the council out),
						// «ولاية سيناء» (devgold2: two words). Not an
						// organisation inside one: the seeds' ⟦القوات المسلحة
						// الليبية⟧ in القيادة العامة للقوات المسلحة الليبية is
						// the army the article names, not the command
						var drop bool
						if out, drop = placesInside(out, toks[i].Start, toks[i+n-1].End, n >= 2 && !kn.context); !drop {
							ok = false
						}
					}
					if !ok {
						continue
					}
					if kn.context {
						wait = append(wait, pending{i, n, sp.letters})
					} else {
						out = appendSpan(out, taken, toks, text, i, n, sp.letters, kn.typ)
						added = true
					}
					i += n - 1
					break next
				}
			}
		}
		for _, p := range wait {
			if f.orgContext(text, toks, out, p.i, p.n) {
				out = appendSpan(out, taken, toks, text, p.i, p.n, p.letters, model.ORG)
				added = true
			}
		}
	}
	if added {
		sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	}
	out = f.nisbaTails(text, toks, out)
	if f.opt.Chains {
		out = f.chains(text, toks, out)
	}
	if f.opt.Named {
		out = namedAfterPerson(text, toks, out)
	}
	if f.opt.Allies {
		out = allies(text, toks, out)
	}
	return out
}

// allyOf maps a group's name, as the last word of an organisation mention,
// to the one-word name of the leader the news coordinates with it: in Yemen
// news of 2015 "الحوثي وصالح" is the Houthis and the forces loyal to Ali
// Abdullah Saleh (arabic-news: 50 times; in 12 the article names Saleh
// nowhere else, and صالح was no entity).
var allyOf = map[string]string{"الحوثي": "صالح", "الحوثيين": "صالح", "الحوثيون": "صالح"}

// allies adds the leader's name after "ORG و" (ميليشيات الحوثي وصالح,
// قوات الحوثي و صالح) where it is no mention yet and no longer name goes
// on (صالح الصماد is a Houthi leader of his own: a rare word after it stops
// the rule).
func allies(text string, toks []arabic.Token, out []model.Mention) []model.Mention {
	var add []model.Mention
	for mi, m := range out {
		if m.Type != model.ORG {
			continue
		}
		e := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.End })
		if e == 0 || e >= len(toks) || toks[e-1].End != m.End {
			continue
		}
		leader, ok := allyOf[toks[e-1].Norm]
		if !ok {
			continue
		}
		k, skip := e, 1
		if toks[k].Norm == "و" && k+1 < len(toks) {
			k, skip = k+1, 0
		}
		if toks[k].Kind != arabic.KindArabic || toks[k].Start-toks[k-1].End > 1 || toks[k].Norm != strings.Repeat("و", skip)+leader {
			continue
		}
		if k+1 < len(toks) && toks[k+1].Kind == arabic.KindArabic && toks[k+1].Start-toks[k].End <= 1 &&
			arabic.WordFreq(toks[k+1].Norm) <= 150 {
			continue // صالح الصماد: another name
		}
		start := toks[k].Start + skipLetters(toks[k].Text, skip)
		end := toks[k].End
		if mi+1 < len(out) && out[mi+1].Start < end {
			continue
		}
		add = append(add, model.Mention{Text: text[start:end], Start: start, End: end, Type: model.PER})
	}
	if len(add) == 0 {
		return out
	}
	out = append(out, add...)
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// Heads of a facility or an institution that Arabic news names after a
// person: organisations (مركز الملك سلمان, جامعة الملك سعود, مستشفى الملك
// فهد) and places (مطار الملك خالد, شارع الملك فيصل, مدينة الملك عبدالله).
// Not قصر, مكتب, برنامج or منزل: "قصر الرئيس بشار الأسد" is whose palace,
// not its name.
var (
	namedOrgHeads = normSet("مركز", "جامعة", "مستشفى", "مدرسة", "مسجد", "جامع", "كلية", "معهد", "جائزة", "مؤسسة",
		"مكتبة", "كرسي", "مجمع", "ملعب", "استاد", "مدينة", "مستوصف", "مدارس", "ثانوية", "متوسطة", "ابتدائية",
		// 2026-12-04 (ent8): دارة الملك عبدالعزيز (the foundation), read
		// as the king on arabic-news 8 times
		"دارة")
	// parks and halls (متنزه الملك عبدالله, حديقة الملك فهد, قاعة الأميرة
	// فهدة): 38 PER mentions on arabic-news were the park's person
	namedPlaceHeads = normSet("مطار", "شارع", "طريق", "ميناء", "حي", "ساحة", "ميدان", "جسر", "قاعدة",
		"متنزه", "منتزه", "حديقة", "قاعة")
	// honorifics between the head and the name: مركز الملك سلمان, جامع
	// الإمام تركي بن عبدالله, مستشفى الأمير سلطان
	namedHonorifics = normSet("الملك", "الأمير", "الشيخ", "الإمام", "السلطان", "الشهيد", "الملكة", "الأميرة", "المغفور",
		"الدكتور", "المهندس") // مستشفى الدكتور سليمان الحبيب, شارع المهندس عمر قاضي
	nasabLinks = normSet("بن", "ابن", "بنت")
	// heads that name after a person only with an honorific
	namedNeedsHonorific = normSet("مدينة")
)

// cliticWord reports a word the news writes more often without its first
// letter as a proclitic: بطول (ب + طول), not a name.
func cliticWord(w string) bool {
	for _, sp := range cliticSplits(w) {
		if !sp.article && arabic.WordFreq(sp.word) > arabic.WordFreq(w) {
			return true
		}
	}
	return false
}

// namedAfterPerson applies the Named rule (see OrgOptions.Named) to out:
// an indefinite head, an honorific or not, then a person's name (a PER
// mention, or after an honorific the next word and its nasab: الأمير
// سلطان بن عبدالعزيز) become one mention of the head's kind, replacing
// the mentions inside it. Without an honorific a PER mention must start
// right after the head (مدرسة الزبير بن العوام).
func namedAfterPerson(text string, toks []arabic.Token, out []model.Mention) []model.Mention {
	out = sortedByStart(out)
	var (
		removed map[int]bool
		added   []model.Mention
		p       int // out[:p] end before the current token; mentions do not nest
	)
	for i := 0; i+1 < len(toks); i++ {
		for p < len(out) && out[p].End <= toks[i].Start {
			p++
		}
		typ := model.ORG
		letters, ok := headAt(toks[i], namedOrgHeads)
		if !ok {
			if letters, ok = headAt(toks[i], namedPlaceHeads); !ok {
				continue
			}
			typ = model.LOC
		}
		j := i + 1
		if !adjacent(toks, j) {
			continue
		}
		// "عن طريق جمعان الدوسري": by way of, through
		if letters == 0 && i > 0 && toks[i-1].Norm == "عن" && toks[i].Norm == "طريق" {
			continue
		}
		honorific := namedHonorifics[toks[j].Norm]
		// a city is named after a person only with an honorific: مدينة
		// الملك عبدالله الاقتصادية, not مدينة سولت ليك
		if head := string([]rune(toks[i].Norm)[letters:]); !honorific && namedNeedsHonorific[head] {
			continue
		}
		if honorific {
			j++
			if j >= len(toks) || !adjacent(toks, j) {
				continue
			}
		}
		end := -1
		for k := p; k < len(out) && out[k].Start <= toks[j].Start; k++ {
			if m := out[k]; m.Type == model.PER && m.End > toks[j].Start && m.Start >= toks[i+1].Start {
				end = m.End
				break
			}
		}
		if end < 0 {
			w := toks[j].Norm
			if !honorific || strings.HasPrefix(w, "ال") || arabic.IsStopword(w) || utf8.RuneCountInString(w) < 3 || cliticWord(w) {
				continue
			}
			end = toks[j].End
			for k := j + 1; k+1 < len(toks) && adjacent(toks, k) && adjacent(toks, k+1) && nasabLinks[toks[k].Norm]; k += 2 {
				end = toks[k+1].End
			}
		}
		start := toks[i].Start + skipLetters(toks[i].Text, letters)
		// a mention that runs on past the name (جامعة الملك عبدالعزيز
		// بجدة as ORG) is left as it is
		var inside []int
		skip := false
		for k := p; k < len(out) && out[k].Start < end; k++ {
			if out[k].End <= start {
				continue
			}
			if out[k].Start < start || out[k].End > end {
				skip = true
				break
			}
			inside = append(inside, k)
		}
		if skip {
			continue
		}
		if removed == nil {
			removed = map[int]bool{}
		}
		for _, k := range inside {
			removed[k] = true
		}
		added = append(added, model.Mention{Text: text[start:end], Start: start, End: end, Type: typ})
		for i+1 < len(toks) && toks[i+1].Start < end {
			i++
		}
	}
	return replaceMentions(out, removed, added)
}

// sortedByStart returns ms sorted by offset: ms itself when it is, else a
// sorted copy.
func sortedByStart(ms []model.Mention) []model.Mention {
	if sort.SliceIsSorted(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start }) {
		return ms
	}
	ms = append([]model.Mention(nil), ms...)
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	return ms
}

// replaceMentions returns out without the mentions at the removed indexes
// and with added, sorted by offset; out itself when nothing changes.
func replaceMentions(out []model.Mention, removed map[int]bool, added []model.Mention) []model.Mention {
	if len(added) == 0 && len(removed) == 0 {
		return out
	}
	res := make([]model.Mention, 0, len(out)-len(removed)+len(added))
	for k, m := range out {
		if !removed[k] {
			res = append(res, m)
		}
	}
	res = append(res, added...)
	sort.SliceStable(res, func(a, b int) bool { return res[a].Start < res[b].Start })
	return res
}

// chainHeads are the heads an organisation named by a construct chain
// starts with (قوات, مجلس, غرفة, كتيبة …): with orgHeads, the lexicon's
// orghead and body classes.
var chainHeads = normSet("غرفة", "مجلس", "كتيبة", "سرية", "لواء", "قوات", "تجمع", "اتحاد", "رابطة", "هيئة", "لجنة")

// chainNoun reports whether token t can be a link of a construct chain
// (see OrgOptions.Chains): an indefinite Arabic common noun, which the
// news also writes with the article (شورى: الشورى, أعيان: الأعيان, the
// construct plural مجاهدي: المجاهدين), not a name (داعش, برشلونة), a
// place, a function word, an adjective, a word with a proclitic (بمدينة,
// وجامعة), a direction or place descriptor (وسط, جنوب, قرب, حي) or a word
// with tanween.
func (f *OrgFinder) chainNoun(t arabic.Token) bool {
	w := t.Norm
	if t.Kind != arabic.KindArabic || strings.HasPrefix(w, "ال") || arabic.IsStopword(w) || utf8.RuneCountInString(w) < 3 ||
		nisbaAdjective(w) && !strings.HasSuffix(t.Text, "ى") || hasTanween(t.Text) || directions[w] || len(f.gaz.lookupText(w)) > 0 {
		return false
	}
	lx, err := loadLexicon()
	if err != nil || lx.has(classPlace, w) || lx.has(classFunction, w) || lx.has(classFacility, w) {
		return false
	}
	for _, sp := range cliticSplits(w) {
		if arabic.WordFreq(sp.word) > arabic.WordFreq(w) {
			return false
		}
	}
	return arabic.WordFreq("ال"+w) >= minChainFreq || arabic.WordFreq("ال"+w+"ن") >= minChainFreq
}

// directions place something relative to a place (وسط الرمادي, جنوب
// ليبيا): no link of a name's chain.
var directions = normSet("وسط", "قرب", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "أطراف",
	"ضواحي", "داخل", "خارج", "باتجاه", "محيط", "بطل", "عاصمة")

// minChainFreq is how often the news writes a chain's noun with the
// article (arabic.WordFreq).
const minChainFreq = 10

// chains applies the Chains rule (see OrgOptions.Chains) to out, sorted by
// offset: an ORG mention of two words at least that starts with an
// organisation's head and ends in a chain noun, up to two chain nouns
// right after it, and a LOC mention right after them become one ORG
// mention.
func (f *OrgFinder) chains(text string, toks []arabic.Token, out []model.Mention) []model.Mention {
	lx, err := loadLexicon()
	if err != nil {
		return out
	}
	drop := map[int]bool{}
	for mi := 0; mi < len(out); mi++ {
		m := out[mi]
		if m.Type != model.ORG {
			continue
		}
		first := sort.Search(len(toks), func(i int) bool { return toks[i].End > m.Start })
		i := sort.Search(len(toks), func(i int) bool { return toks[i].End >= m.End })
		if i >= len(toks) || first >= i || toks[i].End != m.End || !f.chainNoun(toks[i]) {
			continue
		}
		h := stripConj(toks[first].Norm)
		if !orgHeads[h] && !chainHeads[h] && !lx.has(classOrgHead, h) && !lx.has(classBody, h) {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+3 && adjacent(toks, j); j++ {
			// the place closing the chain: the next mention, a LOC starting here
			next := mi + 1
			for next < len(out) && out[next].Start < toks[j].Start {
				next++
			}
			if next < len(out) && out[next].Start == toks[j].Start && out[next].Type == model.LOC {
				end := out[next].End
				out[mi] = model.Mention{Text: text[m.Start:end], Start: m.Start, End: end, Type: model.ORG}
				drop[next] = true
				break
			}
			if next < len(out) && out[next].Start < toks[j].End || !f.chainNoun(toks[j]) {
				break // another mention, or no noun of the chain
			}
		}
	}
	if len(drop) == 0 {
		return out
	}
	kept := out[:0]
	for mi, m := range out {
		if !drop[mi] {
			kept = append(kept, m)
		}
	}
	return kept
}

// tribeHeads are the nouns that make the name after them a tribe (bare or
// after a proclitic: لقبيلة, وقبائل). Normalised.
var tribeHeads = map[string]bool{"قبيله": true, "قبيلتي": true, "قبيلتا": true, "قبايل": true, "عشيره": true, "عشاير": true}

// tribeLinks begin a tribe's name of two words (بني عامر, آل مرة, أولاد
// سليمان).
var tribeLinks = map[string]bool{"بني": true, "بنو": true, "ال": true, "اولاد": true}

// maxTribeFreq is the corpus frequency (arabic.WordFreq) up to which a word
// after a tribe's head is taken for its name (الدواسر, التبو, ورفلة; not
// الكبرى, العربية, المحسوبة).
const maxTribeFreq = 60

// tribes applies the Tribes rule to out (see OrgOptions.Tribes) and
// reports whether it changed anything.
func (f *OrgFinder) tribes(text string, toks []arabic.Token, taken []bool, out *[]model.Mention) bool {
	changed := false
	names := map[string]bool{}
	place := func(m model.Mention) bool {
		return len(f.gaz.lookupText(strings.Join(normWords(text[m.Start:m.End]), " "))) > 0
	}
	retype := func(mi int) {
		(*out)[mi].Type = model.ORG
		names[strings.Join(normWords(text[(*out)[mi].Start:(*out)[mi].End]), " ")] = true
		changed = true
	}
	for mi, m := range *out {
		if m.Type == model.ORG || place(m) {
			continue
		}
		i := sort.Search(len(toks), func(i int) bool { return toks[i].End > m.Start })
		if i >= len(toks) {
			continue
		}
		ws := normWords(text[m.Start:m.End])
		if m.Type == model.PER && len(ws) >= 2 && ws[0] == "اولاد" {
			retype(mi) // أولاد سليمان: "the sons of", a tribe
			continue
		}
		if i > 0 && toks[i].Start >= m.Start && adjacent(toks, i) && toks[i-1].End <= m.Start {
			if _, ok := headAt(toks[i-1], tribeHeads); ok {
				retype(mi)
			}
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		if _, ok := headAt(toks[i], tribeHeads); !ok || taken[i+1] || !adjacent(toks, i+1) {
			continue
		}
		j, n := i+1, 1
		if tribeLinks[toks[j].Norm] {
			if j+1 >= len(toks) || taken[j+1] || !adjacent(toks, j+1) || arabic.IsStopword(toks[j+1].Norm) {
				continue
			}
			n = 2
		} else {
			if !f.tribeWord(toks[j].Norm) {
				continue
			}
		}
		*out = appendSpan(*out, taken, toks, text, j, n, 0, model.ORG)
		names[strings.Join(normWords(text[toks[j].Start:toks[j+n-1].End]), " ")] = true
		changed = true
		i = j + n - 1
	}
	if len(names) == 0 {
		return changed
	}
	// a name coordinated with a tribe found here is a tribe too (قبيلتا
	// التبو والطوارق, and on along the list): in offset order, the mention
	// after a tribe's, with و between
	idx := make([]int, len(*out))
	for k := range idx {
		idx[k] = k
	}
	sort.SliceStable(idx, func(a, b int) bool { return (*out)[idx[a]].Start < (*out)[idx[b]].Start })
	for k := 0; k+1 < len(idx); k++ {
		t, mi := (*out)[idx[k]], idx[k+1]
		m := (*out)[mi]
		if t.Type != model.ORG || m.Type == model.ORG || m.Start < t.End || !names[strings.Join(normWords(text[t.Start:t.End]), " ")] || place(m) {
			continue
		}
		if gap := strings.TrimSpace(text[t.End:m.Start]); gap == "و" || gap == "" && m.Start > t.End && strings.HasPrefix(m.Text, "و") {
			retype(mi)
		}
	}
	// the tribe's other mentions in the article (one sense per discourse)
	for mi, m := range *out {
		if m.Type != model.ORG && names[strings.Join(normWords(text[m.Start:m.End]), " ")] && !place(m) {
			(*out)[mi].Type = model.ORG
		}
	}
	return changed
}

// tribeWord reports whether w (normalised), right after a tribe's head, can
// be the tribe's name: a rare word (maxTribeFreq) that is no function word,
// adjective, place, common noun with the article (عشائر الناحية), word with
// a proclitic or a pronoun on a more frequent word (وقيادات, لنفسها, اسمها)
// or و before a plural (وموالون).
func (f *OrgFinder) tribeWord(w string) bool {
	if arabic.IsStopword(w) || utf8.RuneCountInString(w) < 3 || arabic.WordFreq(w) > maxTribeFreq ||
		nisbaAdjective(w) || len(f.gaz.lookupText(w)) > 0 {
		return false
	}
	if strings.HasPrefix(w, "ال") && arabic.WordFreq(stripAl(w)) > arabic.WordFreq(w) {
		return false
	}
	for _, sp := range cliticSplits(w) {
		if arabic.WordFreq(sp.word) > arabic.WordFreq(w) {
			return false
		}
	}
	if rest, ok := strings.CutPrefix(w, "و"); ok {
		// قبائل وموالون: و and a sound or feminine plural is a
		// conjunction, not a name (ورشفانة, ورفلة)
		for _, suf := range [...]string{"ون", "ين", "ات"} {
			if strings.HasSuffix(rest, suf) {
				return false
			}
		}
	}
	for _, suf := range [...]string{"ها", "هم", "ه"} {
		if stem, ok := strings.CutSuffix(w, suf); ok && utf8.RuneCountInString(stem) >= 2 && arabic.WordFreq(stem) > arabic.WordFreq(w) {
			return false
		}
	}
	return true
}

// ministryHeads: a ministry in construct with its portfolio. The
// definite الوزارة alone points back to one named before.
var ministryHeads = map[string]bool{"وزاره": true}

// portfolio returns how many words from token j name a ministry's
// portfolio: a definite content word (الداخلية، الشؤون), then a country's
// nisba (الخارجية الأمريكية) or, after a portfolio that takes an adjective,
// that adjective (الشؤون البلدية، التعليم العالي، الحرس الوطني) and then
// a country's nisba; 0 when there is none. Other adjectives after the name
// belong to the sentence (وزارة التعليم الحالية، موقع وزارة الداخلية
// الإلكتروني).
func (f *OrgFinder) portfolio(toks []arabic.Token, taken []bool, j int) int {
	n := 0
	for k := j; k < len(toks) && k < j+3 && !taken[k] && adjacent(toks, k); k++ {
		w := toks[k].Norm
		if !definiteWord(toks[k]) || arabic.IsStopword(w) || utf8.RuneCountInString(w) < 4 {
			break
		}
		if n > 0 {
			_, country := f.gaz.NisbaCountry(w)
			compound := n == 1 && compoundPortfolios[toks[j].Norm] && isDefiniteNisba(w) && !sentenceAdjectives[w]
			if !country && !compound {
				break
			}
		}
		n++
	}
	return n
}

// bodyHeads name an organisation in construct with what it is for
// (منظمة العفو الدولية، جمعية حقوق الإنسان، هيئة علماء المسلمين، رابطة
// العالم الإسلامي).
var bodyHeads = normSet("منظمة", "جمعية", "هيئة", "مؤسسة", "رابطة", "مفوضية", "نقابة", "شركة")

// placeNamedBody returns how many words from token j name a state body by
// its place: at most one indefinite noun and a place mention of one word
// (محكمة جنايات + القاهرة, إذاعة + إسرائيل, مجلس محافظة + البصرة); 0 when
// there is none.
func placeNamedBody(toks []arabic.Token, taken []bool, out []model.Mention, j int) int {
	k := j
	if k < len(toks) && !taken[k] && adjacent(toks, k) {
		w := toks[k].Norm
		if definiteWord(toks[k]) || arabic.IsStopword(w) || utf8.RuneCountInString(w) < 3 || hasTanween(toks[k].Text) ||
			strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "يه") || cliticReading(w) || looksLikeVerb(w) || inflected(w, toks[k].Text) {
			return 0
		}
		k++
	}
	if k >= len(toks) || !taken[k] || !adjacent(toks, k) {
		return 0
	}
	for _, m := range out {
		if m.Type == model.LOC && m.Start == toks[k].Start && m.End == toks[k].End {
			return k - j + 1
		}
	}
	return 0
}

// stateBodyHeads name a state body, court, party or outlet in construct
// with what it is (مجلس النواب، محكمة جنايات القاهرة، مكتب النائب العام،
// جهاز الأمن العام، حزب الشعب، إذاعة الجيش، وكالة الأنباء): read like
// bodyHeads (OrgOptions.Bodies).
var stateBodyHeads = normSet("محكمة", "مجلس", "مكتب", "جهاز", "حزب", "إذاعة", "صحيفة", "وكالة")

// bodyNameFits reports whether the n words from token j name a body after
// head (normalised, no proclitic): مكتب takes two words at least, جهاز a
// security service (جهاز الأمن العام; not جهاز الكمبيوتر), and a council's
// or an agency's name is no board of directors (مجلس الإدارة, مجلس
// الأمناء) nor a deputyship of a body (وكالة الوزارة).
func (f *OrgFinder) bodyNameFits(head string, toks []arabic.Token, j, n int) bool {
	if !stateBodyHeads[head] {
		return true
	}
	w := toks[j].Norm
	if boards[stripAl(w)] {
		return false // مجلس أمناء مؤسسة …: a board
	}
	for k := j; k < j+n; k++ {
		if namedHonorifics[toks[k].Norm] {
			return false // مجلس الملك عبدالله …: the name is a person's, read by namedAfterPerson
		}
	}
	switch {
	case longNameHeads[head] && n < 2:
		return false
	case head == arabic.Normalize("جهاز"):
		return securityServices[w]
	case head == arabic.Normalize("وكالة") && deputyships[w]:
		return false
	}
	return true
}

// securityServices name the security body after جهاز.
var securityServices = normSet("الأمن", "المخابرات", "الاستخبارات", "الشرطة", "المباحث", "الحرس")

// deputyships: وكالة before a body is its deputyship (وكالة الوزارة
// لشؤون …), not an agency.
var deputyships = normSet("الوزارة", "الرئاسة", "الجامعة", "الهيئة")

// boards: مجلس الإدارة, مجلس الأمناء, مجلس المديرين are any company's or
// body's board.
var boards = normSet("إدارة", "ادارة", "أمناء", "مديرين", "مدراء")

// longNameHeads need two words after them: مكتب النائب العام, مكتب رئيس
// الوزراء are bodies, مكتب الإعلام (a press office of any body) is none.
var longNameHeads = normSet("مكتب")

// nameAdjectives close a body's name like a relative adjective (النائب
// العام، مجلس القضاء الأعلى، محكمة أمن الدولة العليا).
var nameAdjectives = normSet("العام", "العامة", "الأعلى", "العليا")

// constructName returns how many words from token j complete a body's name
// in construct: up to two indefinite nouns, a definite noun (ضحايا حقوق
// الإنسان، العفو، علماء المسلمين), then up to two relative adjectives
// (الدولية، الإسلامي); 0 when there is none. An indefinite relative
// adjective right after the head makes a description (منظمة حقوقية
// محلية), not a name.
func constructName(toks []arabic.Token, taken []bool, j int) int {
	n := 0
	for k := j; k < len(toks) && k < j+3 && !taken[k] && adjacent(toks, k); k++ {
		w := toks[k].Norm
		if arabic.IsStopword(w) || utf8.RuneCountInString(w) < 3 || hasTanween(toks[k].Text) {
			return 0
		}
		if definiteWord(toks[k]) {
			n = k - j + 1
			break
		}
		if strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "يه") || strings.HasSuffix(w, "ه") && k == j || cliticReading(w) ||
			looksLikeVerb(w) || inflected(w, toks[k].Text) {
			return 0 // an adjective (حقوقية، دولية), a word in ة right after the head, or a preposition (لصنع): a description
		}
	}
	if n == 0 {
		return 0
	}
	for k := j + n; k < len(toks) && k < j+n+2 && !taken[k] && adjacent(toks, k) && (isDefiniteNisba(toks[k].Norm) || nameAdjectives[toks[k].Norm]) && !sentenceAdjectives[toks[k].Norm]; k++ {
		n++
	}
	return n
}

// compoundPortfolios take an adjective in the ministry's name (وزارة
// الشؤون الإسلامية، التعليم العالي، الخدمة المدنية، الحرس الوطني، الأمن
// الداخلي، الطيران المدني، السكك الحديدية، الصيد البحري، الدفاع الوطني،
// التنمية الاجتماعية): read off the ministries of arabic-news.
var compoundPortfolios = normSet("الشؤون", "الشئون", "التعليم", "الخدمة", "الحرس", "الأمن", "الطيران", "السكك",
	"الصيد", "الدفاع", "التنمية", "التربية", "الموارد", "الثروة", "الإدارة", "الحكم", "الاقتصاد", "التجارة", "التخطيط")

// plainConstruct reports whether the words from token j to byte end read
// as a name after a head rather than a description (تنظيم متطرف ودموي
// اسمه): one to three words, none a function word, a conjoined word, a
// word with a pronoun suffix or tanween.
func plainConstruct(toks []arabic.Token, j, end int) bool {
	n := 0
	for k := j; k < len(toks) && toks[k].Start < end; k++ {
		t := toks[k]
		if !t.IsWord() {
			continue
		}
		if arabic.IsStopword(t.Norm) || hasTanween(t.Text) || cliticReading(t.Norm) || inflected(t.Norm, t.Text) ||
			(strings.HasPrefix(t.Norm, "و") && !strings.HasPrefix(t.Norm, "وو") && arabic.WordFreq(t.Norm[len("و"):]) > arabic.WordFreq(t.Norm)) {
			return false
		}
		n++
	}
	return n >= 1 && n <= 3
}

// quotedName returns the index of the closing quote when token j opens a
// quoted name of one to four words right after token j-1 (only spaces
// between), or 0.
func (f *OrgFinder) quotedName(toks []arabic.Token, j int) int {
	if j >= len(toks) || !isOpenQuote(toks[j].Text) || toks[j].Start-toks[j-1].End > 1 {
		return 0
	}
	for e := j + 1; e < len(toks) && e <= j+5; e++ {
		t := toks[e]
		if isCloseQuote(t.Text) {
			if e == j+1 {
				return 0
			}
			return e
		}
		if t.Kind != arabic.KindArabic && t.Kind != arabic.KindLatin && t.Kind != arabic.KindNumber {
			return 0
		}
		if e == j+1 && arabic.IsStopword(t.Norm) {
			return 0
		}
	}
	return 0
}

// claim makes tokens a … e-1 an organisation: a new mention when none of
// them is taken, or the existing mention that covers exactly them retyped.
// It reports whether out changed.
func (f *OrgFinder) claim(text string, toks []arabic.Token, taken []bool, out *[]model.Mention, a, e int) bool {
	free := true
	for k := a; k < e; k++ {
		if taken[k] {
			free = false
		}
	}
	if free {
		*out = appendSpan(*out, taken, toks, text, a, e-a, 0, model.ORG)
		return true
	}
	for mi, m := range *out {
		if m.Start >= toks[a].Start && m.Start < toks[a].End && m.End == toks[e-1].End {
			if m.Type == model.ORG {
				return false
			}
			(*out)[mi].Type = model.ORG
			return true
		}
	}
	return false
}

// orgContext reports whether a listed name that is also a common word
// (القاعدة, الإخوان), at tokens i … i+n-1, reads as an organisation here:
// after an organisation head (تنظيم القاعدة), before a designation
// (الإخوان الإرهابية), or coordinated with an organisation mention
// (مثل القاعدة وداعش, داعش والقاعدة, حماس، الجهاد).
func (f *OrgFinder) orgContext(text string, toks []arabic.Token, out []model.Mention, i, n int) bool {
	if i > 0 && adjacent(toks, i) {
		if _, ok := headAt(toks[i-1], orgHeads); ok {
			return true
		}
		if _, ok := headAt(toks[i-1], airHeads); ok {
			return true
		}
	}
	e := i + n
	// "ويشن التحالف غارات على العراق", "نفذ التحالف ضربات": a party
	// launching strikes
	if i > 0 && adjacent(toks, i) && e < len(toks) && adjacent(toks, e) {
		if _, ok := headAt(toks[i-1], launchVerbs); ok {
			if _, ok := headAt(toks[e], airHeads); ok {
				return true
			}
		}
	}
	if e < len(toks) && adjacent(toks, e) && designations[toks[e].Norm] {
		return true
	}
	orgStart, orgEnd := map[int]bool{}, map[int]bool{}
	for _, m := range out {
		if m.Type == model.ORG {
			orgStart[m.Start] = true
			orgEnd[m.End] = true
		}
	}
	// after: وداعش (the mention starts after the و), or ، / و then a mention
	if e < len(toks) && strings.HasPrefix(toks[e].Norm, "و") && toks[e].Kind == arabic.KindArabic &&
		orgStart[toks[e].Start+skipLetters(toks[e].Text, 1)] && toks[e].Start-toks[e-1].End <= 1 {
		return true
	}
	if e+1 < len(toks) && (toks[e].Text == "،" || toks[e].Norm == "و") {
		k := e + 1
		if k+1 < len(toks) && isOpenQuote(toks[k].Text) {
			k++ // و«داعش»
		}
		if orgStart[toks[k].Start] {
			return true
		}
	}
	// before: X والقاعدة (this name carries the و), or X، القاعدة; the
	// mention before may close a quote («داعش» والقاعدة)
	p := i - 1
	if p > 0 && isCloseQuote(toks[p].Text) {
		p--
	}
	if p >= 0 && strings.HasPrefix(toks[i].Norm, "و") && orgEnd[toks[p].End] && toks[i].Start-toks[i-1].End <= 1 {
		return true
	}
	if i > 0 && (toks[i-1].Text == "،" || toks[i-1].Norm == "و") {
		p = i - 2
		if p > 0 && isCloseQuote(toks[p].Text) {
			p--
		}
		if p >= 0 && orgEnd[toks[p].End] {
			return true
		}
	}
	return false
}

// appendSpan appends the mention covering tokens i … i+n-1 (its first
// `letters` letters, a proclitic, skipped) and marks those tokens taken.
func appendSpan(out []model.Mention, taken []bool, toks []arabic.Token, text string, i, n, letters int, typ string) []model.Mention {
	start := toks[i].Start + skipLetters(toks[i].Text, letters)
	end := toks[i+n-1].End
	for k := i; k < i+n; k++ {
		taken[k] = true
	}
	return append(out, model.Mention{Text: text[start:end], Start: start, End: end, Type: typ})
}

// placesInside removes the mentions overlapping [start, end) when allowed
// and every one of them is a place lying wholly inside the span; it
// reports whether it removed them (out unchanged otherwise).
func placesInside(out []model.Mention, start, end int, allowed bool) ([]model.Mention, bool) {
	if !allowed {
		return out, false
	}
	for _, m := range out {
		if m.End > start && m.Start < end && (m.Type != model.LOC || m.Start < start || m.End > end) {
			return out, false
		}
	}
	kept := out[:0:0]
	for _, m := range out {
		if !(m.End > start && m.Start < end) {
			kept = append(kept, m)
		}
	}
	return kept, true
}

// markTaken marks the tokens covered by existing mentions.
func markTaken(toks []arabic.Token, text string, have []model.Mention) []bool {
	taken := make([]bool, len(toks))
	for _, m := range have {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			continue
		}
		i := sort.Search(len(toks), func(i int) bool { return toks[i].End > m.Start })
		for ; i < len(toks) && toks[i].Start < m.End; i++ {
			taken[i] = true
		}
	}
	return taken
}

// sentenceAdjectives are relative adjectives that qualify a ministry in a
// sentence, not in its name (وزارة التعليم الحالية).
var sentenceAdjectives = normSet("الحالي", "الحالية", "المعني", "المعنية", "الموالي", "الموالية", "الأخرى")

// definiteWord reports a word written with the article: ال as written, so
// that a name in أل (ألمانية, ألبانيا), which normalises to ال, is not read
// as definite.
func definiteWord(t arabic.Token) bool {
	return strings.HasPrefix(t.Text, "ال")
}

// normSet is a set of words in their arabic.Normalize form, written in
// ordinary spelling.
func normSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[arabic.Normalize(w)] = true
	}
	return m
}

// Bodies a relative adjective completes into a name (البرلمان العربي،
// التحالف الدولي), and the indefinite heads in construct before them
// (صندوق النقد العربي).
var (
	nisbaBodies = normSet("البرلمان", "النقد", "المجلس", "الاتحاد", "البنك", "المصرف", "التحالف", "الائتلاف", "الجيش",
		"المنتخب", "النادي", "الصندوق", "المركز", "المعهد", "الحزب", "الجامعة")
	nisbaBodyHeads = normSet("صندوق", "مجلس", "بنك", "اتحاد", "مركز", "معهد", "منظمة", "جامعة", "مصرف")
)

// nisbaTails makes an organisation mention of a lone relative adjective
// whole: the tagger names "العربي" in "قوات التحالف العربي", "البرلمان
// العربي", "صندوق النقد العربي" (arabic-news: 41 articles with an ORG
// "العربي", 36 of them the coalition), and a context name may have taken
// the body before it as a mention of its own (التحالف). The adjective joins
// the organisation mention right before it, or takes the body word before
// it (and that word's construct head).
func (f *OrgFinder) nisbaTails(text string, toks []arabic.Token, out []model.Mention) []model.Mention {
	dropped := false
	for mi := range out {
		m := out[mi]
		if m.Type != model.ORG {
			continue
		}
		i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= m.Start })
		if i == 0 || i >= len(toks) || toks[i].Start != m.Start || !adjacent(toks, i) {
			continue
		}
		// the mention's tokens i … j, every one a relative adjective
		j := i
		for j < len(toks) && toks[j].End < m.End && j < i+2 && isDefiniteNisba(toks[j].Norm) {
			j++
		}
		if j >= len(toks) || toks[j].End != m.End || !isDefiniteNisba(toks[j].Norm) {
			continue
		}
		// and the country's after it: "مؤسسة النقد العربي السعودي"
		end := m.End
		if e := j + 1; e < len(toks) && adjacent(toks, e) && isDefiniteNisba(toks[e].Norm) && (mi+1 == len(out) || out[mi+1].Start >= toks[e].End) {
			if _, ok := f.gaz.NisbaCountry(toks[e].Norm); ok {
				end = toks[e].End
			}
		}
		// the mention before it, past those already joined to another
		prev := mi - 1
		for prev >= 0 && out[prev].Start < 0 {
			prev--
		}
		// "التحالف" then "العربي": one name
		if prev >= 0 && out[prev].Type == model.ORG && out[prev].End == toks[i-1].End {
			out[prev].End = end
			out[prev].Text = text[out[prev].Start:end]
			out[mi].Start = -1
			dropped = true
			continue
		}
		if (prev >= 0 && out[prev].End > toks[i-1].Start) || !nisbaBodies[toks[i-1].Norm] {
			continue
		}
		start := toks[i-1].Start
		if k := i - 2; k >= 0 && adjacent(toks, i-1) && nisbaBodyHeads[toks[k].Norm] && (prev < 0 || out[prev].End <= toks[k].Start) {
			start = toks[k].Start
		}
		out[mi].Start, out[mi].End = start, end
		out[mi].Text = text[start:end]
	}
	if !dropped {
		return out
	}
	kept := out[:0]
	for _, m := range out {
		if m.Start >= 0 {
			kept = append(kept, m)
		}
	}
	return kept
}
