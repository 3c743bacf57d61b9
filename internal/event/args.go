package event

import (
	"slices"
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// mention is an entity mention inside one sentence, placed on its words.
type mention struct {
	Name        string // canonical entity name
	Type        string
	Geo         *model.Geo
	First, Last int  // word indexes
	locative    bool // governed by a locative preposition: في، ب، إلى، قرب …
	source      bool // the subject of a speech verb: قال، أعلن، أفاد …
	conj        bool // joined to the previous mention by و
	with        bool // governed by مع: a partner, not the subject
	inPrep      bool // governed by في: where something is, not a destination
	about       bool // after حول: "مؤتمر حول ليبيا" is about Libya, not in it
	oblique     bool // governed by a preposition: "لحفتر", "من رئيس …": not a subject
	affil       bool // the patron of a noun: "التابعة لـ X", "بقيادة X", "المدعومة من X"
	agent       bool // the agent of a passive or an event noun: "من قبل X", "على يد X"
	patron      bool // after an affiliation word, named unit before or not: "الفصائل الموالية لتركيا"
	office      int  // a place that completes an office: 1 + the office noun's word index ("محافظ القنفذة", "أمير منطقة القصيم"), else 0
	audience    bool // told or carried the news: "قال مسؤول لـ«الشرق الأوسط»", "عبر حسابه على «تويتر»"
}

// Words before a medium: "عبر حسابها على «تويتر»", "بموقع فيسبوك".
var mediumWords = normKeys(map[string]bool{
	"عبر": true, "موقع": true, "بموقع": true, "حساب": true, "حسابه": true, "حسابها": true, "حسابهم": true, "صفحة": true, "صفحته": true,
	"صفحتها": true, "بصفحة": true, "منصة": true, "تطبيق": true, "تغريدة": true, "تغريدات": true,
})

// Nouns of a statement, which like the speech verbs take the person told
// after ل: "في تصريح لـ«الشرق الأوسط»", "في مقابلة مع".
var statementNouns = normKeys(map[string]bool{
	"تصريح": true, "تصريحات": true, "حديث": true, "مقابلة": true, "تقرير": true,
})

// Offices and bodies a name after ل belongs to: "الأمين العام للأمم
// المتحدة", "رئيسة الكتلة البرلمانية لحزب اليسار".
var officeNouns = normKeys(map[string]bool{
	"رئيس": true, "رئيسة": true, "زعيم": true, "زعيمة": true, "ممثل": true, "الممثل": true, "الناطق": true, "المتحدث": true,
	"مستشار": true, "عضو": true, "أمين": true, "نائب": true, "مدير": true, "قائد": true, "سفير": true, "العام": true, "العامة": true,
	"البرلمانية": true, "التابع": true, "التابعة": true, "الرسمي": true, "الرسمية": true, "باسم": true,
})

// nextIs reports whether form is among the n words after the name that
// starts at word i.
func nextIs(words []word, i, n int, form string) bool {
	for k := i + 1; k < len(words) && k <= i+n; k++ {
		if words[k].Norm == form {
			return true
		}
	}
	return false
}

// audienceAt reports whether the name at wi is the one a statement was made
// to, or the medium that carried it: governed by ل (glued on, as "لـ" or
// with وكالة / صحيفة …) in the clause of a speech verb or statement noun up
// to eight words before it; or after عبر / حساب / موقع up to three words
// before it. Such a name neither acts nor undergoes the event reported.
// tellVerbs tell someone the news: أبلغ.
var tellVerbs = normKeys(map[string]bool{"أبلغ": true, "أبلغت": true, "أبلغوا": true, "يبلغ": true, "تبلغ": true, "أبلغا": true})

func audienceAt(words []word, wi int, prefix string) bool {
	// "بحسب وكالة الأنباء الفرنسية", "نقلا عن رويترز": the source the
	// news is attributed to
	for b := wi - 1; b >= 0 && b >= wi-2; b-- {
		switch words[b].base {
		case "بحسب", "حسب", "وفقا", "وفق", "نقلا":
			return true
		}
		if words[b].Norm == "عن" && b > 0 && words[b-1].base == "نقلا" {
			return true
		}
		if words[b].boundary {
			break
		}
	}
	// "وأبلغت المصادر والشهود «الشرق الأوسط» بأن": the one told, after
	// the teller (a name right after the verb is the teller)
	for b := wi - 2; b >= 0 && b >= wi-4; b-- {
		if words[b].boundary {
			break
		}
		if tellVerbs[words[b].base] || tellVerbs[words[b].Norm] {
			return true
		}
	}
	for b := wi - 1; b >= 0 && b >= wi-3; b-- {
		if mediumWords[words[b].Norm] || mediumWords[words[b].base] {
			// "وعبر العيبان عن إدانته": the verb عبّر, its subject after it
			return !(words[b].base == "عبر" && nextIs(words, wi, 3, "عن"))
		}
		if words[b].comma {
			break
		}
	}
	lam := strings.HasSuffix(prefix, "ل")
	apart := false // a lām written apart, "لـ«الشرق الأوسط»": the outlet's mark
	if !lam && wi > 0 {
		switch pw := words[wi-1]; {
		case pw.Norm == "ل":
			lam, apart = true, true
		case pw.prep == "ل" && (pw.base == "وكاله" || pw.base == "صحيفه" || pw.base == "قناه" || pw.base == "موقع" || pw.base == "شبكه" || pw.base == "جريده"):
			lam = true
		}
	}
	// "رئيسة الكتلة البرلمانية لحزب اليسار": ل after an office or a
	// body marks whose it is
	if !lam || wi > 0 && (officeNouns[words[wi-1].Norm] || officeNouns[words[wi-1].base]) {
		return false
	}
	// the lām written apart may follow the speaker's apposition: "قال
	// السفير خميس الجهيناوي، المستشار الدبلوماسي للرئيس التونسي،
	// لـ«الشرق الأوسط»"
	reach := 8
	if apart {
		reach = 24
	}
	for b := wi - 1; b >= 0 && b >= wi-reach; b-- {
		if b < wi-1 && words[b].comma && !apart {
			return false
		}
		if speechVerbs[words[b].base] || speechVerbs[words[b].Norm] || statementNouns[words[b].base] || statementNouns[words[b].Norm] {
			return true
		}
	}
	return false
}

// dateline reports an outlet named in a dateline at the head of the
// sentence: "سيدني - «الشرق الأوسط»: اشتبك قوميون …" (a dash before the
// name, a colon after it, within the first four words).
func dateline(text string, words []word, dm docMention, wi int) bool {
	if wi > 3 || len(words) == 0 || dm.Start < words[0].Start {
		return false
	}
	before := strings.TrimRight(text[words[0].Start:dm.Start], " «\"“\u00a0")
	after := strings.TrimLeft(text[dm.End:min(len(text), dm.End+8)], " »\"”\u00a0")
	dash := strings.HasSuffix(before, "-") || strings.HasSuffix(before, "–") || strings.HasSuffix(before, "—") || strings.HasSuffix(before, "ـ")
	if dash && (strings.HasPrefix(after, ":") || strings.HasPrefix(after, "：")) {
		return true
	}
	// a reporter's byline: "هادي آل كليب- سبق- نجران: استقبلت …"
	if wi <= 1 && (strings.HasPrefix(after, "-") || strings.HasPrefix(after, "–") || strings.HasPrefix(after, "—")) {
		rest := text[dm.End:min(len(text), dm.End+80)]
		if c := strings.IndexAny(rest, ":："); c > 0 && !strings.ContainsAny(rest[:c], ".،") {
			return true
		}
	}
	return false
}

// Prepositions that govern a name as an object or a complement.
// With the conjunction و they are one short word ("ومن", "وعلى"), which the
// readings do not split (three letters), so those are listed too.
var obliquePreps = normKeys(map[string]bool{"من": true, "إلى": true, "الى": true, "على": true, "عن": true, "ضد": true, "لدى": true, "عند": true, "تجاه": true,
	"ومن": true, "وعلى": true, "وعن": true, "وضد": true, "ولدى": true, "وعند": true})

// Affiliation words: the name after one qualifies the noun before it
// ("قوات البنيان المرصوص، التابعة لحكومة الوفاق", "الجيش بقيادة حفتر",
// "الفصائل الموالية لتركيا"); it is neither the actor of the clause's verb
// nor its object.
var affilWords = normKeys(map[string]bool{
	"التابعة": true, "التابع": true, "التابعين": true, "تابعة": true, "تابع": true, "الموالية": true, "الموالي": true, "الموالين": true, "موالية": true,
	"المدعومة": true, "المدعوم": true, "مدعومة": true, "بقيادة": true, "بزعامة": true, "برئاسة": true, "المقربة": true, "المقرب": true, "المحسوبة": true,
})

// Locative prepositions and the place nouns and directions that may stand
// between one and the name ("في مدينة سرت", "إلى العاصمة الليبية طرابلس",
// "جنوب شرقي مدينة سرت").
var locPreps = normKeys(map[string]bool{"في": true, "فى": true, "الي": true, "الى": true, "قرب": true, "داخل": true, "عند": true, "نحو": true, "باتجاه": true, "اتجاه": true, "حول": true, "بين": false, "قبالة": true, "قباله": true, "لدى": false, "خارج": true, "وخارج": true,
	// the place that "witnessed" the event is where it happened: "فيما تشهد
	// مدينة بنغازي قتالا عنيفا" (devgold), "شهدت العاصمة اشتباكات"
	"شهدت": true, "تشهد": true, "شهد": true, "يشهد": true, "وشهدت": true, "وتشهد": true, "وشهد": true, "ويشهد": true,
	// with the conjunction: "وفي تونس قتل 37 شخصا" (a place, not the actor)
	"وفي": true, "وفى": true, "ففي": true, "وقرب": true, "وداخل": true, "وعند": true, "ونحو": true, "وباتجاه": true})

// Forms of وقع (to lie, of a place) before a direction.
var locatedWords = normKeys(map[string]bool{"الواقعة": true, "الواقع": true, "واقع": true, "تقع": true, "يقع": true, "وتقع": true, "ويقع": true, "واقعة": true,
	"كم": true, "كلم": true, "كيلو": true, "كيلومتر": true, "كيلومترا": true, "كيلومترات": true, "ميل": true, "ميلا": true, "اميال": true})

// Directions used as adverbs of place: "غربي مأرب" is west of Marib.
var directions = normKeys(map[string]bool{
	"جنوب": true, "شمال": true, "شرق": true, "غرب": true, "جنوبي": true, "شمالي": true, "شرقي": true, "غربي": true,
})

var placeHeads = normKeys(map[string]bool{
	"مدينه": true, "مدينتي": true, "مدن": true, "منطقه": true, "منطقتي": true, "مناطق": true, "العاصمه": true, "عاصمه": true, "بلده": true,
	"قريه": true, "محافظه": true, "ولايه": true, "اقليم": true, "مقر": true, "مقره": true, "ميناء": true, "مطار": true, "قاعده": true, "حي": true,
	"جنوب": true, "شمال": true, "شرق": true, "غرب": true, "جنوبي": true, "شمالي": true, "شرقي": true, "غربي": true, "وسط": true,
	"ضواحي": true, "محيط": true, "تخوم": true, "قصر": true, "مخيم": true, "معسكر": true, "سجن": true, "ساحه": true, "شارع": true, "ميدان": true,
})

// Speech and report verbs: the name after one is the source of the news,
// not the actor of the event reported.
var speechVerbs = normKeys(map[string]bool{
	"قال": true, "يقول": true, "اعلن": true, "يعلن": true, "افاد": true, "يفيد": true, "ذكر": true, "يذكر": true, "اكد": true, "يؤكد": true, "يوكد": true,
	"اضاف": true, "يضيف": true, "كشف": true, "يكشف": true, "اوضح": true, "يوضح": true, "اشار": true, "يشير": true, "صرح": true, "يصرح": true,
	"نقل": true, "نقلت": true, "اعلنت": true, "قالت": true, "افادت": true, "ذكرت": true, "اكدت": true, "اضافت": true, "كشفت": true, "اوضحت": true,
	"بيان": true, "زعم": true, "زعمت": true, "ادعي": true, "ادعت": true, "بحسب": true, "حسب": true, "وفق": true, "وفقا": true, "نفي": true, "نفت": true,
})

var visitNouns = normKeys(map[string]bool{"زيارة": true, "زياره": true, "الزيارة": true, "زيارات": true, "جولة": true, "جوله": true, "تاريخيه": true, "تاريخية": true})

// Titles right before a person's name that close a long title phrase:
// "المشرف العام على مركز الملك سلمان للإغاثة الدكتور عبدالله الربيعة".
var apposTitles = func() map[string]bool {
	m := normKeys(map[string]bool{"الأستاذ": true, "الأستاذة": true, "المهندس": true, "الدكتورة": true, "اللواء": true})
	for k := range bareTitles {
		m[k] = true
	}
	return m
}()

// Titles that stand before a person's name in apposition.
var obliqueTitles = normKeys(map[string]bool{
	"رئيس": true, "وزير": true, "نائب": true, "قائد": true, "مبعوث": true, "سفير": true, "ملك": true, "امير": true, "أمين": true,
	"مستشار": true, "المستشار": true, "الرئيس": true, "الوزير": true, "القائد": true, "المبعوث": true, "السفير": true, "الملك": true, "الأمير": true,
})

// placeMentions places the mentions that lie inside the words' span.
func placeMentions(text string, words []word, all []docMention) []mention {
	if len(words) == 0 {
		return nil
	}
	s, e := words[0].Start, words[len(words)-1].End
	var out []mention
	wi := 0
	for _, dm := range all {
		if dm.Start < s || dm.End > e {
			continue
		}
		for wi < len(words) && words[wi].End <= dm.Start {
			wi++
		}
		if wi >= len(words) {
			break
		}
		last := wi
		for last+1 < len(words) && words[last+1].Start < dm.End {
			last++
		}
		m := mention{Name: dm.Name, Type: dm.Type, Geo: dm.Geo, First: wi, Last: last}
		// a clitic glued before the name: "بالرجمة", "لباريس", "وحفتر"
		prefix := arabicPrefix(text[words[wi].Start:dm.Start])
		// a name kept whole with its لل ("للهلال الأحمر": ل + ال cannot
		// be cut apart in the text) carries the preposition inside its span
		if prefix == "" && dm.Start == words[wi].Start {
			n, c := words[wi].Norm, ""
			if k := len("و"); (strings.HasPrefix(n, "و") || strings.HasPrefix(n, "ف")) && strings.HasPrefix(n[k:], "لل") {
				c, n = n[:k], n[k:]
			}
			if strings.HasPrefix(n, "لل") {
				prefix = c + "ل"
			}
		}
		if strings.HasSuffix(prefix, "ب") || strings.HasSuffix(prefix, "بال") || strings.HasSuffix(prefix, "ل") && m.Type == model.LOC {
			m.locative = true
		}
		if strings.HasPrefix(prefix, "و") {
			m.conj = true
		}
		if !m.locative {
			m.locative = locativeBefore(words, wi)
		}
		if m.Type == model.LOC && prefix == "" {
			m.office = officeComplement(words, wi) + 1
		}
		m.about = wi > 0 && words[wi-1].Norm == "حول"

		if wi > 0 && words[wi-1].Norm == "و" {
			m.conj = true
		}
		// "مع الرئيس الفرنسي إيمانويل ماكرون"
		for b := wi - 1; b >= 0 && b >= wi-4; b-- {
			if n := words[b].Norm; n == "مع" || n == "ومع" {
				m.with = true
				break
			}
			// titles may stand between, even after a comma: "مع الرئيس الفرنسي، إيمانويل ماكرون"
			if words[b].number || words[b].Norm == "." {
				break
			}
		}
		// "أعلنت وزارة الدفاع الأمريكية «بنتاغون»، مقتل …": the name is the
		// speaker, up to five words after the speech verb.
		for b := wi - 1; b >= 0 && b >= wi-5; b-- {
			if speechVerbs[words[b].base] || speechVerbs[words[b].Norm] {
				m.source = true
				break
			}
			// after أن the name is the subject of the reported clause
			if words[b].comma || complementizers[words[b].Norm] {
				break
			}
		}
		// a subject takes no preposition: "تهديدات أميركية لحفتر", "طلب من
		// كونتي" (a place after ب or ل is a location, marked above)
		if m.Type != model.LOC && (strings.HasSuffix(prefix, "ل") || strings.HasSuffix(prefix, "ب") || strings.HasSuffix(prefix, "لل") ||
			wi > 0 && obliquePreps[words[wi-1].Norm]) {
			m.oblique = true
		}
		// "يشيد بدور مؤسسة النقد", "أشاد بجهود المملكة": the genitive of a
		// noun a preposition governs is inside that phrase
		if m.Type != model.LOC && wi > 0 && !words[wi-1].boundary && prepConstruct(words[wi-1]) {
			m.oblique = true
		}
		// "لرئيس الحكومة الليبية الجديد عبد الحميد دبيبة": a name in
		// apposition to a title governed by a preposition is oblique too
		if !m.oblique && m.Type == model.PER {
			for b := wi - 1; b >= 0 && b >= wi-5; b-- {
				if words[b].boundary {
					break
				}
				// ل/ب glued on, or إلى / على; not من, which after an event
				// noun names its agent ("بناء على طلب من الرئيس هادي",
				// "تعهدات من رئيس الوزراء"), nor ل after a visit ("خلال
				// زيارة لوزير الخارجية جون كيري": the visitor)
				if obliqueTitles[words[b].base] && (words[b].prep == "ل" || words[b].prep == "ب" ||
					b > 0 && (words[b-1].Norm == "الي" || words[b-1].Norm == "علي")) {
					m.oblique = !(b > 0 && visitNouns[words[b-1].base])
					break
				}
			}
		}
		// "التابعة لـX", "المدعومة من X", "بقيادة المشير X": up to one title between
		for b := wi - 1; b >= 0 && b >= wi-3; b-- {
			if affilWords[words[b].Norm] {
				// only after a named unit: for "قوة تابعة للقوات المسلحة"
				// or "مسلحون موالون لتركيا" the patron is the best-known
				// party, and stays a candidate actor
				m.affil = len(out) > 0 && out[len(out)-1].Last >= b-2
				m.patron = true
				break
			}
			if words[b].boundary || words[b].number {
				break
			}
		}
		// "الأمين العام للأمم المتحدة بان كي مون", "سفير الولايات المتحدة
		// لدى": the body of a title is the title's complement, neither the
		// actor nor a recipient
		if m.Type != model.LOC && strings.HasSuffix(prefix, "ل") && titleBefore(words, wi) {
			m.affil = true
		}
		m.agent = agentBefore(words, wi)
		m.audience = m.Type != model.LOC && (audienceAt(words, wi, prefix) || dateline(text, words, dm, wi))
		for b := wi - 1; b >= 0 && b >= wi-3; b-- {
			if words[b].comma {
				break
			}
			if n := words[b].Norm; n == "في" || n == "فى" || n == "وفي" || n == "ففي" {
				m.inPrep = true
				break
			}
		}
		out = append(out, m)
	}
	return out
}

// Office nouns that take a place as their complement in construct: the
// governor, emir, mayor, ambassador, minister … of a place (محافظ القنفذة،
// أمير منطقة القصيم، والي الخرطوم، سفير ليبيا، ملك البحرين، رئيس بلدية
// طرابلس، وزير خارجية إيران). Titles of Arab administrations and diplomacy
// as the news writes them; ولي for ولي عهد.
var placeOffices = normKeys(map[string]bool{
	"محافظ": true, "أمير": true, "امير": true, "والي": true, "حاكم": true, "عمدة": true, "رئيس": true, "رئيسة": true,
	"نائب": true, "سفير": true, "سفيرة": true, "قنصل": true, "مندوب": true, "ممثل": true, "مبعوث": true, "وزير": true,
	"وزيرة": true, "ملك": true, "سلطان": true, "ولي": true, "قائد": true, "مدير": true, "مديرة": true, "أمين": true,
	"مفتي": true, "زعيم": true,
})

// Descriptors between an office and its place: "أمير منطقة", "محافظ
// محافظة", "رئيس بلدية", "رئيس وزراء جمهورية".
var officePlaceHeads = normKeys(map[string]bool{
	"منطقة": true, "محافظة": true, "مدينة": true, "بلدية": true, "مركز": true, "جمهورية": true, "دولة": true, "مملكة": true,
	"إمارة": true, "ولاية": true, "إقليم": true, "أمانة": true,
})

// officeComplement returns the index of the office noun whose complement
// in construct the place at word wi is, or -1: the office, up to two
// indefinite nouns of its title (وزراء، عهد، خارجية، تعليم، عام) and one
// descriptor (منطقة) before the place, no punctuation between. Such a place
// names the office, not where the event happened: "خلال زيارة محافظ
// القنفذة … لأمير منطقة مكة" took place in Mecca.
func officeComplement(words []word, wi int) int {
	b := wi - 1
	if b >= 0 && officePlaceHeads[words[b].Norm] && !words[b].boundary {
		b--
	}
	for k := 0; b >= 0 && k < 3; k, b = k+1, b-1 {
		w := words[b]
		if w.boundary || w.number || w.paren != words[wi].paren {
			return -1
		}
		if placeOffices[w.base] && !strings.HasPrefix(strings.TrimLeft(w.Norm, "وف"), "ال") {
			return b
		}
		// a noun of the title between: indefinite, no clitic, no function word
		if w.Norm != w.base || strings.HasPrefix(w.Norm, "ال") || arabic.IsStopword(w.Norm) || locPreps[w.Norm] {
			return -1
		}
	}
	return -1
}

// holderHosts reports whether the place x that completes an office may
// still be where the event happened: the office holder is the host, at his
// seat, named right after the place or right before the office ("استقبل
// أمير منطقة عسير فيصل بن خالد", "فيصل بن خالد أمير منطقة عسير"). The host
// is the actor, or for a visit the one visited ("زيارة محافظ القنفذة …
// لأمير منطقة مكة": in Mecca, not in Qunfudhah). A phone call has no place;
// the office of a guest or a third person never is the event's place.
func holderHosts(p *Pattern, ms []mention, x mention, actor string, recips []string) bool {
	if p.Type == "CONSULT" && p.Mode == "phone" {
		return false
	}
	hosts := []string{actor}
	if p.Type == "CONSULT" && p.Mode == "visit" {
		hosts = recips
	}
	office := x.office - 1
	for _, y := range ms {
		if y.Type != model.PER || !slices.Contains(hosts, y.Name) || y.Name == "" {
			continue
		}
		if y.First > x.Last && y.First <= x.Last+2 || y.Last < office && y.Last >= office-2 {
			return true
		}
	}
	return false
}

// titleBefore reports a title right before word wi, or a title and its
// adjective (الأمين العام، المبعوث الخاص).
func titleBefore(words []word, wi int) bool {
	if wi == 0 {
		return false
	}
	if obliqueTitles[words[wi-1].base] {
		return true
	}
	switch words[wi-1].Norm {
	case "العام", "الخاص", "الخاصه", "المساعد", "الدايم":
		return wi >= 2 && obliqueTitles[words[wi-2].base]
	}
	return false
}

func arabicPrefix(s string) string {
	return strings.TrimRight(strings.ReplaceAll(s, "ـ", ""), " ")
}

// locativeBefore walks back from the word before a name over place nouns,
// directions and nisba adjectives (up to three) to a locative preposition.
func locativeBefore(words []word, wi int) bool {
	for b := wi - 1; b >= 0 && b >= wi-4; b-- {
		w := words[b]
		if w.comma {
			return false
		}
		if locPreps[w.Norm] {
			return true
		}
		if placeHeads[w.base] || placeHeads[w.Norm] {
			if w.prep == "ب" || strings.HasPrefix(w.Norm, "ب") && placeHeads[w.Norm[len("ب"):]] {
				return true
			}
			// a direction is itself an adverb of place (ظرف مكان): "، غربي
			// محافظة مأرب", "قصفت الطائرات شرق حلب" (devgold: the place of
			// a Yemen clash lost after a comma)
			if directions[w.base] {
				// where a place lies, not where the event happened: "أبين
				// الواقعة شرق عدن", "بوابة الموصل 400 كم شمال بغداد", "ديالى
				// (شمال شرقي بغداد)", "(رابطة دول جنوب شرق آسيا)"
				if w.paren || b > 0 && (locatedWords[words[b-1].base] || locatedWords[words[b-1].Norm] || words[b-1].number) {
					return false
				}
				return true
			}
			continue
		}
		if strings.HasSuffix(w.base, "يه") || strings.HasSuffix(w.base, "ي") && strings.HasPrefix(w.Norm, "ال") {
			continue // nisba adjective: العاصمة الليبية طرابلس
		}
		return false
	}
	return false
}

// أنّ / إنّ / لأنّ with a pronoun suffix: the subject of the verb after it.
var pronounSubject = normKeys(map[string]bool{
	"أنه": true, "أنها": true, "أنهم": true, "أنهما": true, "إنه": true, "إنها": true, "إنهم": true, "إنهما": true,
	"بأنه": true, "بأنها": true, "بأنهم": true, "وأنه": true, "وأنها": true, "لأنه": true, "لأنها": true, "لكنه": true, "لكنها": true,
	// a subject pronoun right before the verb: "وهو يتوعد بقتل … خليفة حفتر"
	"وهو": true, "وهي": true, "وهم": true, "وهما": true, "فهو": true, "فهي": true, "فهم": true,
})

// agentBefore reports whether the name at wi is introduced by a phrase that
// names the agent of a passive verb or an event noun: "اعتقل من قبل الشرطة",
// "قتل على يد مسلحين", "بواسطة". Modern Standard Arabic expresses the agent of
// a passive this way (Badawi, Carter & Gully, Modern Written Arabic §2.6.3;
// the construction is frequent in news although classical grammar rejects
// it). Up to two words (a title, "قوات") may stand between, no punctuation.
func agentBefore(words []word, wi int) bool {
	for b := wi - 1; b >= 1 && b >= wi-3; b-- {
		if words[b].comma || words[b].boundary || words[b].number {
			return false
		}
		n, prev := words[b].Norm, words[b-1].Norm
		if n == "قبل" && (prev == "من" || prev == "ومن") || (n == "يد" || n == "ايدي") && (prev == "علي" || prev == "وعلي") || n == "بواسطه" {
			return true
		}
	}
	return wi > 0 && words[wi-1].Norm == "بواسطه"
}

// plural reports a word with a dual or plural possessive pronoun:
// "اجتماعهما", "لقائهم" (ه alone is also the normalised ة, so left out).
func plural(w word) bool {
	return runeLen(w.Norm) >= 6 && (strings.HasSuffix(w.Norm, "هما") || strings.HasSuffix(w.Norm, "هم"))
}

// patronedSubject reports words[i:j] as an unnamed definite subject and
// the word of affiliation that names its patron next: "الطائرات المقاتلة
// التابعة ل…", "القوات الموالية ل…" (one to three definite words).
func patronedSubject(words []word, i, j int) bool {
	if j-i < 2 || j-i > 4 || !affilWords[words[j-1].Norm] || !strings.HasPrefix(words[j-1].Norm, "ال") {
		return false
	}
	for k := i; k < j-1; k++ {
		if words[k].boundary || words[k].prep != "" || words[k].number || !strings.HasPrefix(words[k].Norm, "ال") {
			return false
		}
	}
	return true
}

// conjoined reports a trigger word read with the conjunction و or ف glued
// on: the lexicon lists its form without the letter, not with it (وافق،
// وصل are verbs whose و is the root's).
func conjoined(p *Pattern, w word) bool {
	if len(w.readings) < 2 || !strings.HasPrefix(w.Norm, "و") && !strings.HasPrefix(w.Norm, "ف") {
		return false
	}
	bare := w.Norm[len("و"):]
	in := func(f string) bool {
		for _, alt := range p.Words {
			for _, a := range alt {
				if a == f {
					return true
				}
			}
		}
		return false
	}
	return w.readings[1] == bare && !in(w.Norm) && in(bare)
}

// passiveLights are the light verbs of the impersonal passive: "تم إطلاق
// سراح ويب", "جرى إلقاء القبض على اثنين", "سيتم نقلهم".
var passiveLights = normKeys(map[string]bool{
	"تم": true, "وتم": true, "تمت": true, "وتمت": true, "يتم": true, "ويتم": true, "سيتم": true, "وسيتم": true,
	"ستتم": true, "وستتم": true, "جرى": true, "وجرى": true, "يجري": true, "ويجري": true, "سيجري": true,
})

// passiveNoun reports an event noun after a light verb of the passive
// ("وتم اطلاق سراح ويب", "مرجوج هزازي تم القبض عليه"): the noun's genitive
// and the name before the light verb undergo the event, and only an agent
// phrase (من قبل، على يد) names who acted. The parties of a meeting or an
// agreement are its participants either way ("تم توقيع اتفاق بين …"),
// so those types keep their reading.
func passiveNoun(p *Pattern, words []word, m Match) bool {
	switch p.Type {
	case "CONSULT", "AGREE", "COOPERATE":
		return false
	}
	return m.First > 0 && passiveLights[words[m.First-1].Norm] && !verbalAt(p, words, m.First)
}

// thirdPersonPronouns are the attached pronouns of the third person,
// longest first.
var thirdPersonPronouns = []string{"هما", "هم", "هن", "ها", "ه"}

// pronounSuffixed reports a word written with an attached pronoun of the
// third person ("اعتقاله", "عليهم"); the text is read, not the normalised
// form, where ة is ه.
func pronounSuffixed(w word) bool {
	for _, suf := range thirdPersonPronouns {
		if strings.HasSuffix(w.Text, suf) && runeLen(w.Text) > runeLen(suf)+1 {
			return true
		}
	}
	return false
}

// lightVerbBefore reports "ألقى القبض": the masdar after the light verb
// ألقى is the event, the verb carries its agent.
func lightVerbBefore(words []word, i int) bool {
	return i > 0 && words[i].has("القبض") && (words[i-1].has("القي") || words[i-1].has("القت") || words[i-1].has("يلقي"))
}

// nominalSubject reports أن / إن among words[i:j] followed by a definite
// noun that is not the trigger: the clause has a subject of its own that
// no mention names ("أن المطاحن رفضت"), or by a noun in construct with a
// definite one ("إن مالك المنزل وشقيقه اعتقلا", "أن عناصر الشرطة
// داهمت"). A noun with a possessive pronoun keeps the speaker ("أعلن
// الجيش أن قواته قصفت": his forces), and so does a present verb after
// the particle ("قرر الجيش أن يشن").
func nominalSubject(words []word, i, j int) bool {
	for k := i; k+1 < j; k++ {
		switch words[k].Norm {
		case "ان", "بان", "وان":
			n := words[k+1]
			if n.number || n.boundary && k+2 < j {
				return false
			}
			if strings.HasPrefix(n.Norm, "ال") {
				return true
			}
			// an indefinite subject in the accusative, the dual or the
			// plural: "أن مسلحاً فتح النار", "إن شخصين قتلا", "أن هذا"
			if !n.boundary && n.prep == "" && runeLen(n.Norm) >= 3 && !strings.ContainsRune("يتن", []rune(n.Norm)[0]) &&
				(strings.HasSuffix(n.Text, "اً") || strings.HasSuffix(n.Text, "ًا") || strings.HasSuffix(n.Norm, "ين") || n.Norm == "هذا" || n.Norm == "هذه") {
				return true
			}
			// a construct: the noun's own word, then a definite genitive
			// before the trigger; a present verb (يـ، تـ، نـ) is no noun
			if k+2 >= j || n.boundary || n.prep != "" || strings.ContainsRune("يتن", []rune(n.Norm)[0]) {
				return false
			}
			g := words[k+2]
			return strings.HasPrefix(g.Norm, "ال") && !g.number
		}
	}
	return false
}

// pluralSubject reports a verb that carries a plural subject of its own
// (طالبوا، التقوا، قالوا): the name after it is an object ("وطالبوا
// بالإفراج عن ابنه سيف الإسلام"), never the subject. Past forms in وا only:
// a present plural in ون/ين ends like many nouns. Not attacks and arrests:
// unvocalised, قتلوا، اعتقلوا، اختطفوا are mostly passives in news (قُتلوا
// "were killed"), whose agent may follow (measured: with them, ASSAULT on
// arabic_event_gsr fell from 0.674 to 0.662).
func pluralSubject(p *Pattern, words []word, i int) bool {
	if p.Type == "ASSAULT" || p.Type == "COERCE" {
		return false
	}
	w := words[i]
	return verbalAt(p, words, i) && runeLen(w.Norm) >= 5 && strings.HasSuffix(w.Norm, "وا")
}

// Heads of a news outlet's name: "كشفت صحيفة ذي دايلي ستار".
var outletHeads = normKeys(map[string]bool{
	"صحيفه": true, "وكاله": true, "قناه": true, "موقع": true, "شبكه": true, "جريده": true, "مجله": true, "اذاعه": true, "تلفزيون": true,
})

// outletAt reports a name that a news outlet's head word stands before: a
// paper that reports a player "لم يتوصل إلى اتفاق" is not the pronoun's
// referent.
func outletAt(words []word, first int) bool {
	return first > 0 && (outletHeads[words[first-1].base] || outletHeads[words[first-1].Norm])
}

// pronounBefore returns the index of a complementizer with a pronoun (أنه،
// إنها، بأنهم) right before the trigger at i, or past one future or
// negation particle (أنه سوف, أنه لن), or -1.
func pronounBefore(words []word, i int) int {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if pronounSubject[words[k].Norm] {
			return k
		}
		switch words[k].Norm {
		case "سوف", "لن", "لم", "قد", "لا":
			continue
		}
		break
	}
	return -1
}

// unnamedSubject reports a verb trigger followed at once by a definite
// noun in the nominative plural or dual (ون، ان) that no mention covers:
// "ويتهم الجمهوريون إدارة أوباما", "وطالب المحتجون الحكومة", "واتفق
// الطرفان": that noun is the subject, so the name after it is an object
// and no name elsewhere in the sentence is the actor.
//
// The noun must stand right after the verb (a phrase's later words are
// not its subject: "ودعا الخرينج إلى التعاون"). Singular nouns in ون
// (التعاون، القانون) are left out, and of the nouns in ان only the duals
// news uses as subjects: المهرجان and البرلمان end so too, and "زار
// المهرجان الشيخ" fronts the object.
func unnamedSubject(p *Pattern, words []word, ms []mention, m Match) bool {
	k := m.First + 1
	if k >= len(words) || words[m.First].boundary || !verbalAt(p, words, m.First) {
		return false
	}
	n := words[k].Norm
	// "إذ تحتجزه جماعة للمقاتلين السابقين": the object is the pronoun, so
	// the noun after the verb is its subject
	// (not a masdar with a possessive after a preposition: "أعرب الأزهر عن
	// رفضه التام")
	if objectSuffix(p, words[m.First]) && !strings.HasSuffix(words[m.First].Text, "ة") && words[m.First].prep == "" &&
		(m.First == 0 || !gapPreps[words[m.First-1].Norm] && !adverbialPreps[words[m.First-1].Norm]) &&
		!gapPreps[n] && !adverbialPreps[n] && !timeWords[n] && words[k].prep == "" && !words[k].number && runeLen(n) >= 3 &&
		!strings.ContainsRune("يتن", []rune(n)[0]) {
		// not a noun in construct with a name ("انتقدتها سلطات الجزائر",
		// "تحتجزه قوات حفتر"): the name stands for the subject
		return !inMention(ms, k) && !inMention(ms, k+1)
	}
	// "اجتمع نحو 1500 عالم", "تظاهر مئات الفلسطينيين": a counted subject
	// of an intransitive verb (after شن or اعتقل the count is the object)
	if words[m.First].hasAny(intransitive) {
		j := k
		for j < len(words) && j < k+4 && countHedges[words[j].Norm] {
			j++
		}
		if v, _, ok := parseNumber(words, j); ok && v > 1 && !isYear(words, j, v) {
			return !inMention(ms, k)
		}
	}
	// "وفي سينسيناتي، طالب محتجون بنشر صور": an indefinite sound plural
	// after the verb is its subject too
	if !strings.HasPrefix(n, "ال") && strings.HasSuffix(n, "ون") && runeLen(n) >= 5 && words[k].prep == "" &&
		!singularOn["ال"+n] && !strings.ContainsRune("يتن", []rune(n)[0]) {
		return !inMention(ms, k)
	}
	// "واشاد دبلوماسي اميركي بكون … الجبير", "اتهم نائب فرنسي معارض ديفيد
	// كاميرون", "وانتقدت مصادر دبلوماسية": an unnamed person or source
	// with an adjective of its own is the subject
	if unnamedPersons[n] && words[k].prep == "" && !words[k].boundary && k+1 < len(words) && indefiniteNisba(words[k+1].Norm) && !inMention(ms, k+1) {
		return !inMention(ms, k)
	}
	// "وافقت السلطات على منح نيمار", "رفضت الشرطة الإفصاح عن": a body
	// no mention names is the subject, and the name after it its object
	// (a body qualified after it, الحكومة الانتقالية برئاسة …، القوات
	// الموالية لـ …، السلطات الفرنسية, is left to the rules that read it)
	if definiteBodies[n] && (k+1 >= len(words) || words[k].boundary || !strings.HasPrefix(words[k+1].Norm, "ال") || genericQualifiers[words[k+1].Norm]) {
		return !inMention(ms, k)
	}
	// "رفضت السفارة البريطانية منح … هيقيتا", "صادرت السلطات الفرنسية
	// لوحة لبيكاسو": a body qualified by a nisba that no mention covers
	// (when one does, the state's body is read as the state) is the
	// subject too
	if definiteBodies[n] && k+1 < len(words) && nisbaAdjective(words[k+1].Norm) && !affilWords[words[k+1].Norm] &&
		!inMention(ms, k) && !inMention(ms, k+1) && !(k+2 < len(words) && affilWords[words[k+2].Norm]) {
		// not "القوات الموالية لحكومة هادي", "الحكومة الانتقالية برئاسة
		// عبد الله الثني": the patron or the head named after it acts
		return true
	}
	// "وانتقد الكثير من الجمهوريين إدارة الرئيس أوباما", "رفض عدد كبير
	// من ضباط الحرس الجمهوري … الموالي للمخلوع علي عبدالله صالح": a
	// quantifier right after the verb heads its subject, the noun after
	// من (or in construct: "بعض الجمهوريين") that no mention covers; the
	// names after are objects or the noun's complements. Not where the
	// verb's subject is a pronoun (أنه التقى بعض …، وانتقدوا الكثير من …),
	// nor a noun in construct with a name ("عدد من قادة حماس": the
	// partitive names the actor); not after أن ("سبق لمؤسسة النقد أن دعمت
	// بعض البنوك"), nor a verb joined by و inside a clause, whose subject
	// is the earlier verb's ("ورحب بان كي مون … وحث جميع الأطراف"); not
	// attacks and arrests, whose quantified noun after the verb is as
	// often the one harmed (قتل عدد من الجنود، وقتل بعض الأجانب)
	prev := word{}
	if m.First > 0 {
		prev = words[m.First-1]
	}
	if quantifiers[n] && words[k].prep == "" && !words[k].boundary && !pronounSubject[prev.Norm] && !complementizers[prev.Norm] &&
		!(conjoined(p, words[m.First]) && m.First > 0 && !prev.boundary) && p.Type != "ASSAULT" && p.Type != "COERCE" &&
		!strings.HasSuffix(words[m.First].Norm, "وا") && !objectSuffix(p, words[m.First]) && !inMention(ms, k) {
		j := k + 1
		if j < len(words) && quantityAdjectives[words[j].Norm] && !words[k].boundary {
			j++
		}
		switch {
		case j < len(words) && words[j].Norm == "من" && !words[j-1].boundary:
			j++
		case j == k+1 && j < len(words) && strings.HasPrefix(words[j].Norm, "ال"):
		default:
			return false
		}
		if j >= len(words) || words[j-1].boundary || words[j].number || words[j].prep != "" {
			return false
		}
		return !inMention(ms, j) && !(j+1 < len(words) && !words[j].boundary && inMention(ms, j+1))
	}
	switch {
	case !strings.HasPrefix(n, "ال") || runeLen(n) < 6 || words[k].number:
		return false
	case strings.HasSuffix(n, "ون"):
		if singularOn[n] {
			return false
		}
	case !dualSubjects[n]:
		return false
	}
	return !inMention(ms, k)
}

// relativeClauseSubject reports a name at word i that stands right after
// a relative clause's verb, its subject or object: after الذي / التي …
// and the verb ("التي يقودها التحالف"، "الذي التقى غول"), or after ما, the
// verb and its resumptive pronoun ("ما يقوم به الحوثيون"). The clause is
// a noun phrase of the sentence; its names are not the ones a later verb's
// pronoun points to.
func relativeClauseSubject(words []word, i int) bool {
	for j := i - 3; j <= i-2; j++ {
		if j < 0 {
			continue
		}
		n := words[j].Norm
		if !relPronouns[n] && n != "ما" {
			continue
		}
		gap := i - j - 1 // the verb, and a resumptive pronoun after it
		if words[j].boundary || words[i-1].boundary || gap == 2 && words[j+1].boundary {
			continue
		}
		if gap == 2 && resumptives[words[i-1].Norm] || gap == 1 && n != "ما" {
			return true
		}
	}
	return false
}

// Quantifiers that head a subject with من or in construct: "الكثير من
// الجمهوريين"، "عدد كبير من الضباط"، "بعض الدول"، "جميع المرشحين".
var quantifiers = normKeys(map[string]bool{
	"الكثير": true, "كثير": true, "العديد": true, "عدد": true, "بعض": true, "معظم": true, "أغلب": true, "اغلب": true,
	"غالبية": true, "جميع": true, "كافة": true,
})

// Adjectives of a quantifier: "عدد كبير من".
var quantityAdjectives = normKeys(map[string]bool{"كبير": true, "قليل": true, "محدود": true, "ضخم": true})

// subjectAfterPhrase reports whether x, after the preposition that ends a
// trigger phrase, may be the verb's subject. When the phrase has words
// between its verb and preposition, the subject was among them ("وصلت أمس
// الطائرة الإغاثية إلى …"), unless they are a title ("دعا المبعوث الدولي
// إلى اليمن إسماعيل ولد الشيخ"). With nothing between, the subject may
// follow the complement ("وصل إلى القاهرة أمس الرئيس التوغولي فاوري
// جانسنبي", "بناء على طلب من الرئيس هادي"), but not past another
// preposition ("ودعا إلى حسمه في سياق مؤسسات الاتحاد الأوروبي").
func subjectAfterPhrase(words []word, m Match, x mention) bool {
	if m.Last > m.First+1 && !adverbialGap(words, m.First+1, m.Last) {
		title := false
		for k := m.First + 1; k < m.Last; k++ {
			title = title || obliqueTitles[words[k].base] || words[k].base == "مبعوث" || words[k].base == "المبعوث"
		}
		if !title {
			return false
		}
	}
	for k := m.Last + 2; k < x.First; k++ {
		if gapPreps[words[k].Norm] || words[k].Norm == "حول" || words[k].prep != "" {
			return false
		}
	}
	return true
}

// firstMentionAfter returns the first word of the first mention that
// starts after word k, or -1.
func firstMentionAfter(ms []mention, k int) int {
	for _, x := range ms {
		if x.First > k {
			return x.First
		}
	}
	return -1
}

// adverbialGap reports words[a:b] that are only a fronted adverbial: a
// phrase opened by a preposition ("يصل في وقت لاحق من الخميس، إلى
// العاصمة الليبية طرابلس وزير الخارجية الإيطالي") or time words alone
// ("وصل أمس إلى"), so the subject is still to come.
func adverbialGap(words []word, a, b int) bool {
	if a >= b {
		return true
	}
	if w := words[a]; gapPreps[w.Norm] || adverbialPreps[w.Norm] || w.prep != "" {
		return true
	}
	for k := a; k < b; k++ {
		w := words[k]
		_, day := weekdays[w.Norm]
		_, dayB := weekdays["ال"+w.base]
		if !timeWords[w.Norm] && !day && !dayB && !w.number {
			return false
		}
	}
	return true
}

// Prepositions and adverbs that open a fronted adverbial.
var adverbialPreps = normKeys(map[string]bool{"خلال": true, "عند": true, "منذ": true, "بعد": true, "قبل": true, "عقب": true, "اثر": true, "وسط": true})

// Words of a time of day or a relative day.
var timeWords = normKeys(map[string]bool{
	"امس": true, "اليوم": true, "غدا": true, "صباح": true, "مساء": true, "ظهر": true, "فجر": true, "الليله": true, "ليل": true,
	"صباحا": true, "مساءا": true, "ظهرا": true, "فجرا": true, "ليلا": true, "الاول": true, "الماضي": true, "الماضيه": true,
	"المقبل": true, "المقبله": true, "الجاري": true, "ايضا": true, "كذلك": true, "مجددا": true, "رسميا": true,
})

// Intransitive verbs of gathering and moving: a count after them is
// their subject.
var intransitive = normList([]string{
	"اجتمع", "يجتمع", "تظاهر", "يتظاهر", "احتج", "يحتج", "اعتصم", "يعتصم", "وصل", "يصل", "توجه", "يتوجه",
	"تجمع", "يتجمع", "خرج", "يخرج", "تجمهر", "يتجمهر", "احتشد", "يحتشد", "انسحب", "ينسحب",
})

// relativeObject reports a relative pronoun among words[a:m.First] and a
// trigger verb with an object pronoun: the antecedent before the relative
// is what the verb acts on.
//
// The pronoun must agree with the relative (الذي … ـه، التي … ـها، الذين
// … ـهم): in "مقر كتيبة النواصي التي استقبلته" the brigade received
// him, and the brigade acts.
func relativeObject(words []word, a int, m Match) bool {
	w := words[m.First]
	if !verbal(m.Pattern, w) || w.prep != "" || strings.HasSuffix(w.Text, "ة") || !objectSuffix(m.Pattern, w) {
		return false
	}
	for b := a; b < m.First; b++ {
		if !relPronouns[words[b].Norm] {
			continue
		}
		switch words[b].Norm {
		case "الذي":
			return strings.HasSuffix(w.Norm, "ه") && !strings.HasSuffix(w.Norm, "ها")
		case "التي":
			return strings.HasSuffix(w.Norm, "ها")
		case "الذين", "اللاتي", "اللواتي":
			return strings.HasSuffix(w.Norm, "هم") || strings.HasSuffix(w.Norm, "هن")
		default:
			return strings.HasSuffix(w.Norm, "هما")
		}
	}
	return false
}

// relativeSubject reports a verb right after a relative pronoun that is
// its subject: no object pronoun on the verb and none after it ("التي
// أيدت منظمة التحرير", "الذي وقع اتفاقية"), against "الذي أبرمته إيران",
// "التي طالب بها الرئيس هادي", whose subject follows.
func relativeSubject(p *Pattern, words []word, m Match) bool {
	if m.First == 0 || !relPronouns[words[m.First-1].Norm] || p.POS == POSNoun || len(p.Words) == 0 {
		return false
	}
	w := words[m.First]
	// verbalAt reads التقى as ال + تقى; its past form is listed first
	if !verbalAt(p, words, m.First) && !w.has(p.Words[0][0]) {
		return false
	}
	if objectSuffix(p, w) || w.prep != "" {
		return false
	}
	if m.First+1 < len(words) && resumptives[words[m.First+1].Norm] {
		return false
	}
	return true
}

// resumptives are the pronouns after a preposition that point back to a
// relative's antecedent: "التي طالب بها", "الذي اتهم فيه".
var resumptives = normKeys(map[string]bool{
	"به": true, "بها": true, "بهم": true, "فيه": true, "فيها": true, "فيهم": true, "عليه": true, "عليها": true, "عليهم": true,
	"له": true, "لها": true, "لهم": true, "منه": true, "منها": true, "منهم": true, "عنه": true, "عنها": true, "عنهم": true,
	"معه": true, "معها": true, "معهم": true, "إليه": true, "إليها": true, "إليهم": true,
})

// objectSuffix reports a verb of pattern p written with an object pronoun
// (رفضتها، تتهمه، استقبلهم): without the pronoun (and a conjunction) the
// word still reads as one of the pattern's verb forms. "اتهم" ends in هم
// but "ات" is no form of it.
func objectSuffix(p *Pattern, w word) bool {
	if len(p.Words) == 0 {
		return false
	}
	n := w.Norm
	for _, c := range [...]string{"و", "ف"} {
		if rest, ok := strings.CutPrefix(n, c); ok && runeLen(rest) >= 4 {
			n = rest
			break
		}
	}
	for _, suf := range [...]string{"هما", "هم", "ها", "ه"} {
		rest, ok := strings.CutSuffix(n, suf)
		if !ok || runeLen(rest) < 3 {
			continue
		}
		// "إدانته", "استقالتها": a masdar in ة with a possessive, not a verb
		if stem, ok := strings.CutSuffix(rest, "ت"); ok {
			masdar := false
			for _, a := range p.Words[0] {
				masdar = masdar || a == stem+"ه"
			}
			if masdar {
				return false
			}
		}
		rw := splitWords(rest, 0, len(rest))
		if len(rw) != 1 {
			continue
		}
		for _, a := range p.Words[0] {
			if rw[0].has(a) {
				return true
			}
		}
	}
	return false
}

// inMention reports whether word k lies inside one of the mentions.
func inMention(ms []mention, k int) bool {
	for _, x := range ms {
		if x.First <= k && k <= x.Last {
			return true
		}
	}
	return false
}

// inPerson reports whether word k lies inside a person's mention.
func inPerson(ms []mention, k int) bool {
	for _, x := range ms {
		if x.Type == model.PER && x.First <= k && k <= x.Last {
			return true
		}
	}
	return false
}

// Singular nouns ending in ون, read before the sound plural.
var singularOn = normKeys(map[string]bool{
	"التعاون": true, "القانون": true, "المليون": true, "الكون": true, "اللون": true, "الصالون": true, "الزيتون": true,
	"الفرعون": true, "العربون": true, "الطاعون": true, "التلفزيون": true, "التليفزيون": true, "الكانون": true, "المضمون": true,
	"المخزون": true, "الفنون": true, "العيون": true, "الديون": true, "الشؤون": true, "الشئون": true, "السجون": true, "الحصون": true,
})

// Duals that stand as the subject of a verb in news.
var dualSubjects = normKeys(map[string]bool{
	"الطرفان": true, "الجانبان": true, "البلدان": true, "الفريقان": true, "الرجلان": true, "الزعيمان": true, "الوزيران": true,
	"الرئيسان": true, "الشخصان": true, "المسلحان": true, "الانتحاريان": true, "الشقيقان": true, "المنتخبان": true, "الناديان": true,
	"الوفدان": true, "الحزبان": true, "الشابان": true, "المتهمان": true, "الجنديان": true, "الدولتان": true, "الحكومتان": true,
})

// firstPersonFuture reports a future first-person verb (سأتوجه، سنلتقي):
// its subject is the speaker, never the name after it.
func firstPersonFuture(w word) bool {
	return w.future && (strings.HasPrefix(w.base, "ا") || strings.HasPrefix(w.base, "ن"))
}

// firstPersonPresent reports a present first-person verb (نطالب، ونرحب،
// أناشد): its subject is the speaker, never the name after it ("نبارك ونهنئ
// جامعة الأعمال", "نشيد بانضمام مكدونالدز"). The lexicon lists the third
// person (يطالب); such a word matched it only by reading its ن or أ as ي. A
// past verb whose root begins with ن or أ (نفى، ناشد، اتهم) matches its own
// form and is no first person.
func firstPersonPresent(p *Pattern, w word) bool {
	b := w.base
	// casualty and arrest verbs are mostly passives in news (أُصيب، أُدين)
	if p.Type == "ASSAULT" || p.Type == "COERCE" || p.POS == POSNoun || len(p.Words) == 0 || !strings.HasPrefix(b, "ن") && !strings.HasPrefix(b, "ا") {
		return false
	}
	viaPrefix := false
	for _, alt := range p.Words[0] {
		if !w.has(alt) {
			continue
		}
		if alt[:2] == b[:2] {
			return false // the word's own form
		}
		// ن, ا and ي are two bytes each in UTF-8
		if strings.HasPrefix(alt, "ي") && strings.HasPrefix(b[2:], alt[2:]) {
			viaPrefix = true
		}
	}
	return viaPrefix
}

// possessedNoun reports an event noun that carries a possessive pronoun
// (استقباله، زيارتها، لقائهم، دعمه): the pronoun is its agent, so the name
// after it is no subject. Not after في: "وكان في استقباله الأمير" names
// the host after the noun.
func possessedNoun(p *Pattern, words []word, i int) bool {
	w := words[i]
	if verbalAt(p, words, i) || w.prep == "ب" || i > 0 && words[i-1].Norm == "في" {
		return false
	}
	b := w.base
	for _, suf := range []string{"هما", "هم", "ها", "ه"} {
		if !strings.HasSuffix(b, suf) || runeLen(b) < runeLen(suf)+3 {
			continue
		}
		stem := strings.TrimSuffix(b, suf)
		// a masdar in ة keeps its ت before the pronoun: زيارته
		if strings.HasSuffix(stem, "ت") && (w.has(strings.TrimSuffix(stem, "ت")+"ه") || slices.Contains(p.Words[0], b)) {
			return true
		}
		if slices.Contains(p.Words[0], stem) && w.has(stem) {
			return true
		}
		break
	}
	return false
}

// receivedAt returns the index of a verb of receiving (تلقى، تسلم) at
// most ten words before the event noun m (a titled subject may stand
// between), with no clause boundary
// between, or -1.
func receivedAt(words []word, m Match) int {
	for k := m.First - 1; k >= 0 && k >= m.First-10; k-- {
		if words[k].boundary {
			return -1
		}
		if receiveVerbs[words[k].base] || receiveVerbs[words[k].Norm] {
			return k
		}
	}
	return -1
}

var receiveVerbs = normKeys(map[string]bool{
	"تلقى": true, "تلقت": true, "يتلقى": true, "تتلقى": true, "تلقوا": true, "يتلقون": true,
	"تسلم": true, "تسلمت": true, "يتسلم": true, "تتسلم": true, "استلم": true, "استلمت": true,
})

// givenTypes are what one party gives another: praise and congratulations,
// aid, demands and invitations, threats, promises.
var givenTypes = map[string]bool{"SUPPORT": true, "AID": true, "REQUEST": true, "THREATEN": true, "AGREE": true}

// fromBefore reports من (ومن) between word a and word b: "من رئيس الاتحاد".
func fromBefore(words []word, a, b int) bool {
	for k := a + 1; k < b; k++ {
		if words[k].boundary && k < b-1 {
			return false
		}
		if n := words[k].Norm; n == "من" || n == "ومن" {
			return true
		}
	}
	return false
}

// resumptiveVerb reports a verb carrying the pronoun of a relative's
// antecedent as its object (تشنها، أبرمته، نفذوها), no article, no
// preposition glued on.
func resumptiveVerb(w word) bool {
	if w.prep != "" || strings.HasPrefix(w.Norm, "ال") || runeLen(w.Norm) < 4 {
		return false
	}
	return strings.HasSuffix(w.Norm, "ها") || strings.HasSuffix(w.Norm, "ه") && !strings.HasSuffix(w.Text, "ة") || strings.HasSuffix(w.Norm, "هم")
}

// without returns names without the first occurrence of name (a new
// slice when one is removed).
func without(names []string, name string) []string {
	if i := slices.Index(names, name); i >= 0 {
		return append(names[:i:i], names[i+1:]...)
	}
	return names
}

// prepConstruct reports one of constructNouns with ب or ل glued on.
func prepConstruct(w word) bool {
	for _, p := range []string{"ب", "ل", "وب", "ول"} {
		if rest, ok := strings.CutPrefix(w.Norm, p); ok && constructNouns[rest] {
			return true
		}
	}
	return false
}

// honorificPronouns stand for a person named before: "his highness".
var honorificPronouns = normKeys(map[string]bool{
	"سموه": true, "معاليه": true, "فخامته": true, "سماحته": true, "جلالته": true, "سعادته": true, "سموها": true, "معاليها": true,
})

// definiteBodies are collective or institutional subjects written without
// a name: السلطات، الحكومة، الشرطة …
var definiteBodies = normKeys(map[string]bool{
	"السلطات": true, "الحكومة": true, "الشرطة": true, "القوات": true, "الأجهزة": true, "المحكمة": true, "النيابة": true,
	"الوزارة": true, "اللجنة": true, "الإدارة": true, "الميليشيات": true, "المليشيات": true, "الفصائل": true,
	"المعارضة": true, "السفارة": true, "الهيئة": true, "الجماعة": true, "الحركة": true, "الجمعية": true,
})

// unnamedPersons stand for a person or a source news does not name:
// "قال مسؤول أمريكي", "أشاد دبلوماسي غربي".
var unnamedPersons = normKeys(map[string]bool{
	"مسؤول": true, "مسئول": true, "مسؤولون": true, "مصدر": true, "مصادر": true, "دبلوماسي": true,
	"دبلوماسيون": true, "نائب": true, "نواب": true, "خبير": true, "خبراء": true, "ناشط": true, "ناشطون": true,
	"ضابط": true, "ضباط": true, "متحدث": true, "شاهد": true, "شهود": true, "مراقب": true, "مراقبون": true,
	"محلل": true, "محللون": true, "قيادي": true, "قياديون": true, "معارض": true, "معارضون": true,
})

// indefiniteNisba reports a relative adjective without the article
// (أمريكي، دبلوماسية، ليبيون).
func indefiniteNisba(norm string) bool {
	if strings.HasPrefix(norm, "ال") || runeLen(norm) < 4 {
		return false
	}
	for _, suf := range []string{"يه", "ي", "يين", "يون"} {
		if strings.HasSuffix(norm, suf) {
			return true
		}
	}
	return false
}

// genericQualifiers qualify a body without naming it: الأجهزة الأمنية،
// السلطات المختصة.
var genericQualifiers = normKeys(map[string]bool{
	"الأمنية": true, "المختصة": true, "المعنية": true, "المحلية": true, "الرسمية": true, "القضائية": true,
})

// feminineVerb reports a past verb with the feminine ت (طالبت، رفضت،
// أعلنت): its past third person masculine form, listed first, plus ت.
func feminineVerb(p *Pattern, w word) bool {
	if p.POS == POSNoun || len(p.Words) == 0 || len(p.Words[0]) == 0 {
		return false
	}
	past := p.Words[0][0]
	return w.base == past+"ت"
}

// maleTitled reports a man's title within the five words before word i
// (الرئيس، الأمين العام للأمم المتحدة، الوزير، السيد).
func maleTitled(words []word, i int) bool {
	for b := i - 1; b >= 0 && b >= i-5; b-- {
		if words[b].boundary {
			return false
		}
		if maleTitles[words[b].base] || maleTitles[words[b].Norm] {
			return true
		}
	}
	return false
}

var maleTitles = normKeys(map[string]bool{
	"الرئيس": true, "رئيس": true, "الأمين": true, "أمين": true, "الوزير": true, "وزير": true, "السيد": true, "الشيخ": true,
	"الأمير": true, "الملك": true, "المبعوث": true, "السفير": true, "المستشار": true, "نظيره": true, "العاهل": true,
})

// constructNouns govern a party in the genitive after a preposition:
// "بدور مؤسسة النقد", "بجهود المملكة", "لقرار الحكومة".
var constructNouns = normKeys(map[string]bool{
	"دور": true, "جهود": true, "جهد": true, "قرار": true, "قرارات": true, "موقف": true, "مواقف": true, "مبادرة": true,
	"مبادره": true, "دعم": true, "مساعي": true, "سياسة": true, "سياسه": true, "اداء": true, "أداء": true, "انجازات": true,
})

// strikeNouns are attacks from the air or by artillery, whose agent may
// follow with من.
var strikeNouns = normKeys(map[string]bool{"غارات": true, "غاره": true, "ضربات": true, "ضربه": true, "قصف": true})

// partnerTypes are the types whose partner after مع is a recipient, a
// country by its government ("مباحثات مع إسرائيل").
var partnerTypes = map[string]bool{"CONSULT": true, "AGREE": true, "COOPERATE": true}

// relational types act on a party: an unmarked place name after their
// trigger is the government addressed ("طالبت مصر إثيوبيا", "اتهمت
// روسيا أوكرانيا"), not where the event happened; a place needs في، ب …
var relational = map[string]bool{
	"REQUEST": true, "ACCUSE": true, "THREATEN": true, "SUPPORT": true, "REJECT": true, "AGREE": true, "COOPERATE": true,
	"AID": true, "SANCTION": true, "CONCEDE": true,
}

// patientTrigger reports whether the entity after the trigger undergoes the
// event rather than acting: the masdar of an attack or arrest (مقتل X،
// اعتقال X، اغتيال X) and the passive casualty verbs (قتل 18 شخصا).
func patientTrigger(p *Pattern, words []word, m Match) bool {
	if summons(p, words, m) {
		return true // "سيستدعي المجلس الوزير للتحقيق معه": the minister is summoned
	}
	if p.Type != "ASSAULT" && p.Type != "COERCE" && p.Type != "SANCTION" {
		return false
	}
	w := words[m.First]
	// "ألقت الشرطة القبض على": the verb before القبض carries the agent
	if lightVerbBefore(words, m.First) {
		return false
	}
	switch {
	case w.has("مقتل"), w.has("قتلي"), w.has("قتيل"), w.has("مصرع"), w.has("لقي"), w.has("اسفر"), w.has("ادي"),
		w.has("اصابه"), w.has("اصيب"), w.has("جرح"), w.has("جرحي"), w.has("اغتيال"), w.has("اختطاف"), w.has("خطف"),
		w.has("اعتقال"), w.has("القبض"), w.has("احتجاز"), w.has("عقوبات"), w.has("عقوبه"), w.has("استهداف"):
		return true
	}
	// "قضت محكمة مصرية بسجن نظيف"، "إحالة أوراق عشرة متهمين": the court
	// stands before its sentence; the names after it are the sentenced
	if courtSentence(p, words, m) {
		return true
	}
	// قُتل / اعتُقل + a number: the passive
	if m.Last+1 < len(words) {
		if _, _, ok := parseNumber(words, m.Last+1); ok && (w.has("قتل") || w.has("اعتقل")) {
			return true
		}
	}
	return false
}

// summons reports whether m is a summons for questioning (استدعى …
// للتحقيق): the one summoned follows the verb.
func summons(p *Pattern, words []word, m Match) bool {
	return p.Type == "ACCUSE" && p.Mode == "investigate" && m.Last > m.First && words[m.First].hasAny(summonVerbs)
}

var summonVerbs = []string{"استدعي", "يستدعي", "يستدع", "استدعاء"}

// courtSentence reports whether m is a court's sentence or referral whose
// trigger ends with its object word (قضت … بسجن، إحالة أوراق): the
// sentenced follow it.
func courtSentence(p *Pattern, words []word, m Match) bool {
	return p.Type == "COERCE" && m.Last > m.First && courtObject(&words[m.Last])
}

// courtObject reports whether w ends a court's sentence or referral (بسجن،
// بالإعدام، أوراق): the sentenced follow it.
func courtObject(w *word) bool {
	for _, f := range []string{"سجن", "اعدام", "حبس", "وبد", "اوراق"} {
		if strings.Contains(w.Norm, f) {
			return true
		}
	}
	return false
}

// arguments chooses actor, recipients and location for the event triggered
// by m. Arabic news mixes verb-subject-object ("استقبل حفتر … سلامة") with
// subject-verb ("حفتر يستقبل", "أن حفتر أمر"): a name right before the
// trigger is its subject, else the first name after it.
func arguments(p *Pattern, words []word, ms []mention, m Match) (actor string, recips []string, loc *mention) {
	if len(ms) == 0 {
		return "", nil, nil
	}
	inTrigger := func(x mention) bool {
		for _, u := range m.Used {
			if x.First <= u && u <= x.Last {
				return true
			}
		}
		return false
	}
	visit := p.Type == "CONSULT" && p.Mode == "visit"
	// A place acts only as a government next to the verb ("تركيا ترسل",
	// "استضافت باريس"); elsewhere it is where the event happened.
	party := func(x mention) bool {
		if inTrigger(x) || x.source || x.affil || x.audience {
			return false
		}
		if x.Type == model.LOC {
			if x.locative || visit {
				return false
			}
			// "انتقدتها سلطات الجزائر": the government of the place
			if x.First == m.First+2 && authorityHeads[words[m.First+1].base] && verbalAt(p, words, m.First) {
				return true
			}
			return x.Last == m.First-1 || x.First == m.First+1 && verbalAt(p, words, m.First)
		}
		return x.Type == model.PER || x.Type == model.ORG
	}
	passive := passiveNoun(p, words, m)
	patient := patientTrigger(p, words, m) || passive
	unnamed := false   // the verb's subject is a noun no mention names
	possessed := false // an event noun whose pronoun is its agent (possessedNoun)
	// the subject before: at most two words between, no clause boundary
	var before *mention
	for i := len(ms) - 1; i >= 0; i-- {
		x := ms[i]
		if x.Last >= m.First {
			continue
		}
		if m.First-x.Last > 3 {
			break
		}
		blocked := false
		for b := x.Last; b < m.First; b++ {
			if words[b].boundary && b > x.Last || words[b].boundary && b == x.Last && m.First-x.Last > 1 {
				blocked = true
			}
		}
		// "(يرأسها فايز السراج)، نفذت": a bracketed or comma-closed name is
		// not the subject of the verb after it
		if words[x.Last].comma || words[x.First].paren {
			blocked = true
		}
		// "مع ماكرون أنه ملتزم ب…": a partner after مع, or a name before a
		// pronoun on أن / إن (which opens a clause of its own), is not the
		// subject of the word after
		for b := x.Last + 1; b < m.First; b++ {
			// "أكد X أن المطاحن رفضت": after أن the clause has a subject
			// of its own, named or not
			if pronounSubject[words[b].Norm] || complementizers[words[b].Norm] {
				blocked = true
			}
		}
		// "بقرارات الأمم المتحدة التي رفضتها": a relative clause whose
		// verb carries the pronoun of the antecedent as its object
		if relativeObject(words, x.Last+1, m) {
			blocked = true
		}
		if x.with {
			blocked = true
		}
		// "وسط تزايد هجمات حزب العمال الكردستاني ضد الجيش وشن سلاح الجو
		// التركي ضربات": a verb with the conjunction opens a clause of its
		// own; the name before belongs to the clause before (only one
		// right before it may be its subject: "والجيش وشن")
		if conjoined(p, words[m.First]) && verbalAt(p, words, m.First) && m.First-x.Last > 1 {
			blocked = true
		}
		if !blocked && party(x) {
			before = &ms[i]
		}
		break
	}
	// the next trigger of another event bounds the objects of this one
	var after []mention
	for _, x := range ms {
		if x.First > m.First && party(x) {
			after = append(after, x)
		}
	}
	objects := after[:0:0]
	for _, x := range after {
		if x.Type != model.LOC {
			objects = append(objects, x)
		}
	}
	add := func(name string) {
		if name == "" || name == actor {
			return
		}
		for _, r := range recips {
			if r == name {
				return
			}
		}
		recips = append(recips, name)
	}
	const maxRecipients = 4
	switch {
	case patient:
		if before != nil && passive {
			add(before.Name) // "مرجوج هزازي تم القبض عليه": the one arrested
		} else if before != nil {
			actor = before.Name
		}
		// "قضت محكمة جنايات القاهرة بسجن …", "استدعت النيابة العامة الوزير
		// للتحقيق": the court or body between the verb and its object is
		// the actor
		if actor == "" && (courtSentence(p, words, m) || summons(p, words, m)) {
			for _, x := range objects {
				if x.First > m.First && x.Last < m.Last && x.Type == model.ORG {
					actor = x.Name
					break
				}
			}
		}
		for _, x := range objects {
			if x.Name == actor {
				continue
			}
			// after a passive only the noun's genitive undergoes it: not
			// past a pronoun ("قد تم اعتقاله، أو التحق بصفوف كتيبة …") nor
			// further on ("تم القبض على أحدهم وتحويله لهيئة التحقيق")
			if passive && (x.First-m.Last > 2 || pronounSuffixed(words[m.Last])) {
				continue
			}
			if len(recips) < maxRecipients && x.First-m.Last <= 12 {
				add(x.Name)
			}
		}
	default:
		rest := objects
		var subj *mention
	subject:
		for i := range after {
			// a phrase that ends in its preposition ("دعا * إلى", "بحث * مع")
			// has its subject between the verb and the preposition; names
			// after it are the complement's ("ودعا إلى حسمه في سياق مؤسسات
			// الاتحاد الأوروبي")
			if p.POS == POSPhrase && m.Last > m.First && after[i].First > m.Last && gapPreps[words[m.Last].Norm] {
				// the preposition's own complement is never the subject
				// ("وسيتوجه بعد ذلك إلى العاصمة الإثيوبية أديس أبابا"), except
				// the agent after من ("بناء على طلب من الرئيس هادي")
				complement := words[m.Last].Norm != "من" && after[i].First == firstMentionAfter(ms, m.Last)
				if complement || !subjectAfterPhrase(words, m, after[i]) {
					break
				}
			}
			// a relative pronoun opens another clause: "أشاد الرئيس بالدور
			// الذي تلعبه القوات" (القوات is the subject of تلعب)
			for b := m.Last + 1; b < after[i].First; b++ {
				if relPronouns[words[b].Norm] {
					break subject
				}
				// "وردد المتظاهرون شعارات ضد محافظ البصرة وهيمنة حزب
				// الفضيلة": past ضد come the targets
				if n := words[b].Norm; n == "ضد" || n == "وضد" {
					break subject
				}
			}
			// "قصفت الطائرات المقاتلة التابعة للتحالف العربي مواقع":
			// an unnamed subject is its patron's
			if after[i].patron && patronedSubject(words, m.Last+1, after[i].First) {
				subj = &after[i]
				break
			}
			if !after[i].with && !after[i].oblique {
				// "طالبت … الأمين العام للأمم المتحدة بان كي مون": a verb in
				// the feminine has no man for its subject
				if after[i].Type == model.PER && feminineVerb(p, words[m.First]) && maleTitled(words, after[i].First) {
					break
				}
				subj = &after[i]
				break
			}
		}
		// "أنه سيلتقي ماكرون", "إنها تبادلت …": the subject is the pronoun
		// on أن; the name after the verb is its object, and the actor is
		// found below among the names before
		if (m.First > 0 && pronounSubject[words[m.First-1].Norm] || firstPersonFuture(words[m.First]) || firstPersonPresent(p, words[m.First]) || pluralSubject(p, words, m.First)) && before == nil {
			subj = nil
		}
		// "وقال رينزي، الذي التقى الرئيس الفلسطيني محمود عباس": the relative
		// pronoun is the verb's subject, its antecedent the actor
		if relativeSubject(p, words, m) {
			subj = nil
			if before == nil {
				for i := range ms {
					if x := ms[i]; x.Last == m.First-2 && (x.Type == model.PER || x.Type == model.ORG) && !x.oblique && !x.with {
						before = &ms[i]
					}
				}
			}
		}
		// "بعد ساعات من استقباله نظيره الكوبي برونو رودريغيز": the pronoun
		// on the event noun is its agent, and the name after it the guest
		if possessedNoun(p, words, m.First) {
			subj, possessed = nil, true
		}
		// "استقبل سموه في مكتبه … الشيخ سعد الحجري", "ورحب سموه بالفريق
		// المحرج": an honorific with a pronoun is the subject
		if m.Last+1 < len(words) && honorificPronouns[words[m.Last+1].Norm] {
			subj = nil
		}
		if before == nil && unnamedSubject(p, words, ms, m) {
			subj, unnamed = nil, true
		}
		// "قام الجبير بزيارة قطر والتقى بأميرها الشيخ تميم": the name
		// after the verb is its object, and the subject the earlier
		// clause's
		var shared *mention
		if before == nil && subj != nil && verbalAt(p, words, m.First) {
			var drop bool
			if drop, shared = sharedSubject(p, words, ms, m, *subj); drop {
				subj = nil
			}
		}
		// a long title may stand between the verb and its subject, its
		// complement a name of its own ("استقبل معالي المستشار بالديوان
		// الملكي المشرف العام على مركز الملك سلمان للإغاثة والأعمال
		// الإنسانية الدكتور عبدالله الربيعة"): the subject's distance counts
		// from the end of that complement
		reach := m.Last
		if subj != nil && subj.Type == model.PER && (apposTitles[words[subj.First].Norm] || apposTitles[words[subj.First-1].Norm]) {
			for _, x := range after {
				if x.First >= subj.First || x.First-reach > 12 {
					break
				}
				if x.oblique && subj.First-x.Last <= 5 {
					reach = x.Last
				}
			}
		}
		if before != nil {
			actor = before.Name
		} else if shared != nil {
			actor = shared.Name
		} else if subj != nil && (subj.First-reach <= 12 && verbalAt(p, words, m.First) || subj.First-m.Last <= 3 || partitiveGap(words, m.Last+1, subj.First)) {
			// after a verb the subject may come after adverbs and places; after
			// an event noun only its genitive agent: "زيارة حفتر"
			actor = subj.Name
			for i := range rest {
				if rest[i].First == subj.First {
					rest = append(rest[:i:i], rest[i+1:]...)
					break
				}
			}
			// the complement of the subject's title is no object
			if reach > m.Last {
				kept := rest[:0:0]
				for _, x := range rest {
					if x.First > subj.First || !x.oblique {
						kept = append(kept, x)
					}
				}
				rest = kept
			}
		} else if len(rest) > 0 && rest[0].with {
			// "X … خلال اجتماع مع Y", "X بحث … مع Y": the subject is earlier in the clause
			for i := len(ms) - 1; i >= 0; i-- {
				x := ms[i]
				// the speaker may be the one who met: "أكد حفتر خلال اجتماع مع ماكرون"
				if x.Last < m.First && m.First-x.Last <= 15 && (x.Type == model.PER || x.Type == model.ORG) && !x.with && !x.affil && !x.audience {
					actor = x.Name
					break
				}
			}
		}
		for i, x := range rest {
			if len(recips) >= maxRecipients {
				break
			}
			// objects follow closely, or join the previous one with و
			if x.Name == actor {
				continue
			}
			if i == 0 && x.First-m.Last <= 25 || i > 0 && (x.conj || x.First-rest[i-1].Last <= 12) {
				add(x.Name)
				continue
			}
			break
		}
	}
	// "طلب صالح من كونتي، في روما خلال اجتماعهما": an event noun with a
	// dual or plural pronoun names its participants earlier in the
	// sentence; the first (not after a preposition) acts, the others are
	// its recipients
	if actor == "" && !patient && plural(words[m.First]) {
		var parts []mention
		for _, x := range ms {
			if x.Last < m.First && m.First-x.Last <= 25 && (x.Type == model.PER || x.Type == model.ORG) && !x.source && !x.affil && !x.audience && !words[x.First].paren {
				parts = append(parts, x)
			}
		}
		for _, x := range parts {
			if !x.oblique && !x.with {
				actor = x.Name
				break
			}
		}
		for _, x := range parts {
			if x.Name != actor && len(recips) < maxRecipients {
				add(x.Name)
			}
		}
	}
	// "اعتقل ثلاثة صحفيين من قبل الشرطة", "نقلوا إلى ليبيا من قبل أنقرة":
	// the agent phrase names the actor of a passive, even a government
	// named by its capital; the name before the verb is then its patient
	for _, x := range ms {
		if !x.agent || x.First <= m.Last || x.First-m.Last > 12 || m.Next > 0 && x.First > m.Next || inTrigger(x) {
			continue
		}
		if before != nil && before.Name != x.Name && before.Type != model.LOC {
			add(before.Name)
		}
		actor = x.Name
		recips = without(recips, actor)
		break
	}
	// "رئيس مجلس النواب الليبي، المستشار عقيلة صالح": the person in apposition
	// to an organisation is the actor
	if actor != "" {
		for i, x := range ms {
			if x.Name != actor || x.Type != model.ORG {
				continue
			}
			// not the patient of a trigger that names it after the actor:
			// "قضت محكمة جنايات القاهرة بسجن أحمد نظيف"، "ألقت الشرطة
			// السويسرية القبض على الممثل لي نيلسون"، "استدعت النيابة العامة
			// الوزير أحمد علي للتحقيق"
			if i+1 < len(ms) && ms[i+1].Type == model.PER && ms[i+1].First-x.Last <= 3 && ms[i+1].First > x.Last && !ms[i+1].with &&
				!(patient && contains(recips, ms[i+1].Name)) {
				actor = ms[i+1].Name
				recips = without(recips, actor)
			}
			break
		}
	}
	// a pronoun subject ("…، حيث ألقت القبض"، "أعلن الجيش أنه قصف"): the
	// nearest party before the trigger in the sentence, the speaker included
	if actor == "" && !patient && !unnamed && (verbalAt(p, words, m.First) || lightVerbBefore(words, m.First)) {
		// "وقال كيري …، مؤكدا أن الأسد فقد الشرعية، مشيرا إلى أنه
		// سيبحث": the pronoun on أن is the speaker's, not the last name's
		k := pronounBefore(words, m.First)
		// "وقال كيري في مؤتمر صحفي: إننا ندعم … ونطالب …": a first person
		// is the speaker's
		if k < 0 && (firstPersonPresent(p, words[m.First]) || firstPersonFuture(words[m.First])) {
			k = m.First
		}
		if k >= 0 {
			for i := len(ms) - 1; i >= 0; i-- {
				x := ms[i]
				if x.source && x.Last < k && k-x.Last <= 40 && (x.Type == model.PER || x.Type == model.ORG) && !x.affil && !x.audience && !outletAt(words, x.First) {
					if !nominalSubject(words, x.Last+1, k) && !countedSubject(words, x.Last+1, k) {
						actor = x.Name
					}
					break
				}
			}
		}
	}
	if actor == "" && !patient && !unnamed && (verbalAt(p, words, m.First) || lightVerbBefore(words, m.First) || possessed) {
		for i := len(ms) - 1; i >= 0; i-- {
			x := ms[i]
			// the pronoun on an event noun points past objects: "وصف كارتر
			// البيشمركة نموذجا للقتال ضد تنظيم داعش، وذلك خلال زيارته"
			if possessed && x.oblique {
				continue
			}
			if x.Last < m.First && m.First-x.Last <= 12 && (x.Type == model.PER || x.Type == model.ORG) && !x.with && !x.affil && !x.audience && !contains(recips, x.Name) && !words[x.First].paren {
				if countedSubject(words, x.Last+1, m.First) {
					break // "وقال المرصد إن 1900 مقاتل وصلوا": the counted are the subject
				}
				if nominalSubject(words, x.Last+1, m.First) {
					break // "أكد رئيس النقابة أن المطاحن رفضت": the mills refused, not the speaker
				}
				if relativeObject(words, x.Last+1, m) {
					continue // "قرارات الأمم المتحدة التي رفضتها": the antecedent is the object
				}
				if relativeClauseSubject(words, x.First) {
					continue // "يرفضون ما يقوم به الحوثيون … ويرفضون": the relative clause's own subject
				}
				actor = x.Name
				break
			}
		}
	}
	// "الغارات التي تشنها قوات النظام السوري", "الاتفاق الذي أبرمته
	// إيران": an event noun's relative clause with its pronoun on the verb
	// names the agent after that verb
	if n := m.Last + 2; !verbalAt(p, words, m.First) && n < len(words) && relPronouns[words[m.Last+1].Norm] && resumptiveVerb(words[n]) {
		for _, x := range ms {
			if x.First > n && x.First-n <= 2 && (x.Type == model.ORG || x.Type == model.PER || x.Type == model.LOC && x.First == n+1) {
				actor = x.Name
				recips = without(recips, actor)
				break
			}
		}
	}
	// "مدعومة بغارات مكثفة من التحالف": من right after strikes names who
	// struck (after a count it is partitive: مقتل 17 من داعش)
	if actor == "" && p.Type == "ASSAULT" && strikeNouns[words[m.Last].base] {
		for _, x := range ms {
			if x.First > m.Last && x.First-m.Last <= 3 && words[x.First-1].Norm == "من" && (x.Type == model.ORG || x.Type == model.PER) {
				actor = x.Name
				recips = without(recips, actor)
				break
			}
		}
	}
	// "تلقى الفنان عمر الجاسر خطاب تهنئة من رئيس الاتحاد مسعد فودة",
	// "وتلقى الحكيم إشادات من جماهير فريقه": what is received comes from
	// the one after من, who acts; the receiver is its recipient. (Not a
	// phone call: "تلقى اتصالا من" keeps the receiver, the subject, as
	// its actor, as "استقبل" keeps the host.)
	if k := receivedAt(words, m); k >= 0 && givenTypes[p.Type] && !patient {
		receiver, giver := "", ""
		for _, x := range ms {
			if x.Type != model.PER && x.Type != model.ORG {
				continue
			}
			if receiver == "" && x.Last < m.First && (x.First > k || k-x.Last <= 3) {
				receiver = x.Name
			}
			if giver == "" && x.First > m.Last && x.First-m.Last <= 8 && fromBefore(words, m.Last, x.First) {
				giver = x.Name
			}
		}
		actor, recips = giver, recips[:0]
		if receiver != "" {
			add(receiver)
		}
	}
	// "إن 25 من قوات الصاعقة قتلوا", "جنديين ليبيين قتلا": a name between a
	// count and a casualty verb in the passive is among the victims
	if actor != "" && casualtyVerbs[words[m.First].Norm] {
		for _, x := range ms {
			if x.Name != actor || x.Last >= m.First || m.First-x.Last > 2 {
				continue
			}
			for k := x.First - 1; k >= 0 && k >= x.First-3; k-- {
				if words[k].boundary && k < x.First-1 {
					break
				}
				if _, _, ok := parseNumber(words, k); ok {
					add(actor)
					actor = ""
					break
				}
			}
			break
		}
	}
	// "وكان في استقبال خادم الحرمين الشريفين لدى وصوله مطار طنجة، رئيس
	// الحكومة": after في the masdar's genitive is the guest, and the one
	// named after it the host
	if m.First > 0 && words[m.First-1].Norm == "في" && words[m.First].Norm == "استقبال" {
		for _, x := range ms {
			if x.First == m.Last+1 && (x.Type == model.PER || x.Type == model.ORG) {
				guest := x.Name
				host := ""
				// "وكان كينياتا في استقبال اوباما": the host before في
				for _, y := range ms {
					if y.Last == m.First-2 && (y.Type == model.PER || y.Type == model.ORG) {
						host = y.Name
					}
				}
				for _, y := range ms {
					if host != "" {
						break
					}
					if y.First > x.Last && y.Name != guest && (y.Type == model.PER || y.Type == model.ORG) && !y.oblique && !y.with {
						host = y.Name
						break
					}
				}
				actor, recips = host, []string{guest}
				break
			}
		}
	}
	// "عبدالمجيد ديشو، وقد قتل في كمين أمني": the unvocalised past of a
	// transitive verb of harm with a preposition and no object after it is
	// the passive; the name before is the one harmed
	if actor != "" && passiveHarm(p, words, m) {
		for _, x := range ms {
			if x.Name == actor && x.Last < m.First && m.First-x.Last <= 4 {
				add(actor)
				actor = ""
				break
			}
		}
	}
	// location: a place governed by a locative preposition near the
	// trigger, after it preferred; for a visit, the place visited.
	best, bestD := -1, 1<<30
	office, officeD := -1, 1<<30
	for i, x := range ms {
		if x.Type != model.LOC || inTrigger(x) || x.Name == actor || x.patron {
			continue // "الموالية لتركيا": whose side, not where
		}
		if x.office > 0 && !holderHosts(p, ms, x, actor, recips) {
			continue // "زيارة محافظ القنفذة لأمير منطقة مكة": the governor's seat, not where he went
		}
		if !x.locative && x.First < m.First {
			continue
		}
		if x.about && (p.Type == "CONSULT" || relational[p.Type]) {
			continue // talks, a conference or an appeal "حول ليبيا": the topic
		}
		if x.with && !x.locative && x.First > m.Last {
			// "تجري مباحثات مع إسرائيل", "الحدود مع سوريا": a partner or
			// a neighbour, not where it happened
			if partnerTypes[p.Type] && x.First-m.Last <= 8 && x.Name != actor && x.office == 0 {
				add(x.Name)
			}
			continue
		}
		d := x.First - m.Last
		switch {
		case visit && x.inPrep:
			d += 6 // "يزور حفتر، الرجل القوي في شرق ليبيا، باريس": في is where he is from
		case !x.locative && !visit && relational[p.Type]:
			continue // "دعا صالح إيطاليا إلى …": the government addressed, not a place
		case !x.locative && !visit:
			d += 6 // an unmarked place after the trigger: its object, weaker
		}
		if x.First < m.First {
			d = 2*(m.First-x.Last) + 3
		} else if c := causeBetween(words, m.Last, x.First); d > 15 && c > 0 && x.locative && x.First-c <= 15 {
			// "قتل خمسة أشخاص وأصيب 37 آخرون بجروح جراء سقوط قذائف
			// صاروخية على … حي باب توما في دمشق": the cause's place is the
			// event's, however long the toll before it; last in rank, so
			// a place nearer the trigger still wins ("استهدفت مواقع داعش
			// في سوريا … إثر الهجوم الانتحاري في سوروتش")
			d = 15
		}
		if d > 15 {
			continue // too far to be where this event happened
		}
		if m.Next > 0 && x.First > m.Next {
			continue // past the next event's trigger: its place
		}
		if x.office > 0 {
			// the host's seat ("استقبل أمير منطقة عسير … مدير الأمن"): any
			// other place the sentence gives is better
			if d < officeD {
				office, officeD = i, d
			}
			continue
		}
		if d < bestD {
			best, bestD = i, d
		}
	}
	if best < 0 || office >= 0 && ms[best].Geo == nil && ms[office].Geo != nil {
		best = office // a place the gazetteer knows over a name it does not ("في مكتبه بالإمارة")
	}
	if best >= 0 {
		loc = &ms[best]
		// the place is not also a recipient
		recips = without(recips, loc.Name)
	}
	// "اتفقا على مواجهة خطر «داعش»", "تتعاون الولايات المتحدة مع … في
	// محاربة تنظيم داعش": the enemy of a cooperation is not its partner
	if cooperative[p.Type] {
		for _, r := range slices.Clone(recips) {
			all := true
			for _, x := range ms {
				if x.Name == r && !opposed(words, x.First) {
					all = false
					break
				}
			}
			if all {
				recips = without(recips, r)
			}
		}
	}
	// "بتهمة تفجير مسجد الإمام الصادق", "تعرض فندق بارز لهجوم": a building
	// is what was struck, it strikes no one
	if p.Type == "ASSAULT" && actor != "" && buildingName(actor) && (p.POS == POSNoun || mentionAfter(ms, actor, m.Last)) {
		recips = append([]string{actor}, without(recips, actor)...)
		actor = ""
	}
	return actor, recips, loc
}

// causeWords link a toll to the attack that caused it (جراء، إثر، بسبب،
// نتيجة).
var causeWords = normKeys(map[string]bool{"جراء": true, "اثر": true, "إثر": true, "بسبب": true, "نتيجة": true, "نتيجه": true})

// causeBetween returns the index of the first cause word strictly between
// the trigger's last word and a place at j, or -1.
func causeBetween(words []word, last, j int) int {
	for k := last + 1; k < j && k < len(words); k++ {
		if causeWords[words[k].Norm] {
			return k
		}
	}
	return -1
}

// cooperative event types have partners, not targets, for recipients.
var cooperative = map[string]bool{"CONSULT": true, "AGREE": true, "COOPERATE": true, "SUPPORT": true, "AID": true, "REQUEST": true}

// againstWords govern an enemy: ضد، محاربة، مكافحة، مواجهة، التصدي ل، قتال.
var againstWords = normKeys(map[string]bool{
	"ضد": true, "محاربة": true, "مكافحة": true, "مواجهة": true, "تصدي": true, "التصدي": true, "قتال": true,
})

// enemyHeads stand between an against word and the enemy's name (ضد
// تنظيم داعش، مواجهة خطر داعش).
var enemyHeads = normKeys(map[string]bool{"تنظيم": true, "جماعة": true, "خطر": true, "ميليشيات": true, "ميليشيا": true, "عناصر": true})

// opposed reports a name at word i governed by one of againstWords right
// before it or before an enemy head (ضد «داعش»، لمحاربة تنظيم داعش).
func opposed(words []word, i int) bool {
	k := i - 1
	if k > 0 && enemyHeads[words[k].base] {
		k--
	}
	return k >= 0 && (againstWords[words[k].Norm] || againstWords[words[k].base])
}

// mentionAfter reports a mention of name after word i.
func mentionAfter(ms []mention, name string, i int) bool {
	for _, x := range ms {
		if x.Name == name && x.First > i {
			return true
		}
	}
	return false
}

// buildingHeads begin the names of buildings and compounds.
var buildingHeads = normKeys(map[string]bool{
	"مسجد": true, "جامع": true, "كنيسة": true, "فندق": true, "مستشفى": true, "مدرسة": true, "مبنى": true, "جامعة": true,
	"سجن": true, "مصنع": true, "ملعب": true, "استاد": true, "منزل": true, "قصر": true, "مطار": true, "ميناء": true,
	"سفارة": true, "قنصلية": true, "كلية": true, "معهد": true, "مجمع": true, "برج": true,
})

// buildingName reports a name that begins with a building's head (مسجد
// الإمام الصادق، جامعة الأنبار).
func buildingName(name string) bool {
	head, _, _ := strings.Cut(name, " ")
	return buildingHeads[arabic.Normalize(head)]
}

// Group and unit nouns that stand between an event noun and its agent in a
// partitive ("انسحاب مجموعات من مرتزقة فاغنر", "هجوم عناصر من تنظيم
// داعش"): the named group is the agent, not a noun of its own.
var groupNouns = normKeys(map[string]bool{
	"مجموعات": true, "مجموعة": true, "عناصر": true, "عنصر": true, "مقاتلي": true, "مقاتلين": true, "مرتزقة": true, "المرتزقة": true,
	"مسلحي": true, "مسلحين": true, "قوات": true, "القوات": true, "وحدات": true, "فصائل": true, "كتائب": true, "عدد": true, "بعض": true,
	"أفراد": true, "جنود": true, "ميليشيات": true, "مليشيات": true, "دفعة": true, "دفعات": true, "آلاف": true, "مئات": true, "عشرات": true,
})

// partitiveGap reports whether words a..b-1 (at most four) are only group
// nouns and من: "مجموعات من مرتزقة" between "انسحاب" and "فاغنر".
func partitiveGap(words []word, a, b int) bool {
	if b <= a || b-a > 4 {
		return false
	}
	group := false
	for k := a; k < b; k++ {
		w := words[k]
		if w.boundary && k < b-1 {
			return false
		}
		switch {
		case groupNouns[w.Norm] || groupNouns[w.base]:
			group = true
		case w.Norm == "من":
		default:
			return false
		}
	}
	return group
}

// Plural and dual casualty verbs, whose subject undergoes the event when a
// count stands before it ("25 جنديا قتلوا").
var casualtyVerbs = normKeys(map[string]bool{"قتلوا": true, "قتلا": true, "قتلتا": true, "أصيبوا": true, "اصيبوا": true, "أصيبا": true, "جرحوا": true, "لقوا": true, "لقيا": true})

// Past 3ms verbs of harm whose passive is written the same (قَتل / قُتل).
var harmPast = normKeys(map[string]bool{
	"قتل": true, "اغتيل": true, "اعتقل": true, "اختطف": true, "خطف": true, "اسر": true, "جرح": true, "اصيب": true, "احتجز": true,
})

// Prepositions and adverbs that can follow a passive verb of harm: "قتل
// في كمين", "اعتقل خلال مداهمة", "قتل برصاص قناص", "قتل إثر انفجار".
var afterPassive = normKeys(map[string]bool{
	"في": true, "خلال": true, "جراء": true, "اثر": true, "بعد": true, "عقب": true, "امس": true, "برصاص": true,
	"بنيران": true, "بقذيفه": true, "بانفجار": true, "بغاره": true, "علي": true, "قرب": true, "داخل": true, "منذ": true,
})

// passiveHarm reports a verb of harm read as a passive: its past 3ms form
// (with و/ف or قد before it) followed at once by a preposition, not by an
// object.
func passiveHarm(p *Pattern, words []word, m Match) bool {
	if p.Type != "ASSAULT" && p.Type != "COERCE" || m.Last+1 >= len(words) || words[m.Last].boundary {
		return false
	}
	if !harmPast[words[m.First].base] {
		return false
	}
	n := words[m.Last+1]
	// "قتل على يد": the agent follows
	if n.Norm == "علي" && m.Last+2 < len(words) && words[m.Last+2].base == "يد" {
		return false
	}
	return afterPassive[n.Norm]
}

// physical types happen at a place; their place may be told by an anaphor.
var physical = map[string]bool{"ASSAULT": true, "COERCE": true, "MOBILIZE": true, "PROTEST": true, "RETREAT": true}

// Place nouns a demonstrative or the article makes point back to a named
// place: "اقتحام … تلك الأوكار" (the hideouts in أوباري of the sentence
// before), "الانتشار في مداخل ومخارج المدينة" (سرت, named before it).
var anaphorPlaces = normKeys(map[string]bool{
	"الاوكار": true, "الأوكار": true, "المواقع": true, "الموقع": true, "المنطقة": true, "المناطق": true, "المدينة": true, "المدن": true,
	"البلدة": true, "القرية": true, "القرى": true, "المعسكر": true, "المعسكرات": true, "المقرات": true, "المقر": true, "الأحياء": true,
	"الحي": true, "المخيم": true, "المدينه": true, "البلده": true, "القريه": true, "المنطقه": true,
})

var townAnaphors = normKeys(map[string]bool{"المدينة": true, "البلدة": true, "القرية": true})

var demonstratives = normKeys(map[string]bool{"تلك": true, "هذه": true, "هذا": true, "ذلك": true, "وتلك": true, "وهذه": true})

// anaphoricPlace gives the place of an event that names none when its
// clause points back to one: a demonstrative with a place noun ("تلك
// الأوكار") takes the first place the previous sentence puts something in
// (prev); "المدينة" after a locative ("في مداخل المدينة") the last place
// named before it in the sentence, else prev. Only within ten words before it and before the next one. Counted on arabic-news in docs/BENCHMARKS.md.
func anaphoricPlace(words []word, ms []mention, m *Match, actor, prev string) string {
	end := len(words)
	if m.Next > 0 {
		end = m.Next
	}
	start := m.First - 10
	if start < 0 {
		start = 0
	}
	for k := start; k < end && k <= m.Last+12; k++ {
		if k >= m.First && k <= m.Last {
			continue
		}
		w := words[k]
		if !anaphorPlaces[w.Norm] {
			continue
		}
		if k > 0 && demonstratives[words[k-1].Norm] {
			return prev
		}
		// "في مداخل ومخارج المدينة", "داخل المدينة", "إلى البلدة"
		loc := false
		for b := k - 1; b >= 0 && b >= k-4; b-- {
			if words[b].comma {
				break
			}
			if locPreps[words[b].Norm] {
				loc = true
				break
			}
		}
		if !loc || !townAnaphors[w.Norm] {
			continue
		}
		for i := len(ms) - 1; i >= 0; i-- {
			if x := ms[i]; x.Type == model.LOC && x.Last < k && x.Name != actor {
				return x.Name
			}
		}
		return prev
	}
	return ""
}

// countedSubject reports a count between words a and b (exclusive) that is
// the subject of the verb at b: a number after أن/إن or right before the
// verb's clause ("إن 1900 مقاتل وصلوا", "أن 25 جنديا قتلوا"), not a date.
func countedSubject(words []word, a, b int) bool {
	for k := a; k < b; k++ {
		if _, _, ok := parseNumber(words, k); ok && !isYear(words, k, 0) {
			if m, _ := month(words, k+1); m > 0 {
				continue
			}
			// "إن نحو 188 ألف مهاجر وصلوا", "أن أكثر من 60 شخصا"
			j := k - 1
			for j > a && countHedges[words[j].Norm] {
				j--
			}
			if j >= 0 && (words[j].Norm == "ان" || words[j].Norm == "بان" || words[j].Norm == "وان") {
				return true
			}
		}
	}
	return false
}

// Words that hedge a count: "نحو 40", "أكثر من 60", "ما لا يقل عن 17".
var countHedges = normKeys(map[string]bool{
	"نحو": true, "حوالي": true, "قرابه": true, "زهاء": true, "اكثر": true, "اقل": true, "من": true, "عن": true,
	"ما": true, "لا": true, "يقل": true, "يزيد": true, "يقارب": true,
})

// Adverbs that may stand between a verb and its object: "التقى خلالها
// بالرئيس", "والتقى أمس بالوزير".
var objectAdverbs = normKeys(map[string]bool{
	"خلالها": true, "خلاله": true, "أمس": true, "امس": true, "اليوم": true,
})

// Words that open a clause of its own inside a sentence: its subject is
// not the subject of the clause before.
var clauseOpeners = normKeys(map[string]bool{
	"حيث": true, "إذ": true, "اذ": true, "بينما": true, "فيما": true, "عندما": true, "حين": true, "بعدما": true,
})

// conjoinedVerb reports whether the word carries the conjunction و on a
// verb the pattern matched without it: "والتقى", not "وصل".
func conjoinedVerb(w word) bool {
	rest, ok := strings.CutPrefix(w.Norm, "و")
	return ok && runeLen(rest) >= 3 && w.has(rest)
}

// prepObject reports whether the name x after the verb is inside a
// prepositional phrase right after it (adverbs such as خلالها or أمس may
// stand before): "التقى بأميرها الشيخ تميم", "التقى خلالها بفخامة الرئيس
// المصري عبدالفتاح السيسي". A subject takes no preposition, so the name is
// the verb's object and its subject is a pronoun.
func prepObject(words []word, m Match, x mention) bool {
	k := m.Last + 1
	for k < len(words) && objectAdverbs[words[k].Norm] && !words[k-1].boundary {
		k++
	}
	if k >= x.First || x.First-k > 4 || words[k-1].boundary {
		return false
	}
	if words[k].prep != "ب" && words[k].Norm != "مع" || prepAdverbs[words[k].Norm] {
		return false
	}
	// the phrase is one noun with its definite titles before the name
	// ("بفخامة الرئيس المصري"), not a clause ("بانفجار ألغام أرضية تركها
	// الحوثيون") nor a list after a comma
	for b := k; b < x.First; b++ {
		if words[b].boundary || b > k && !strings.HasPrefix(words[b].Norm, "ال") {
			return false
		}
	}
	return true
}

// Adverbs written with ب, after which the subject may follow: "ورحب
// بدوره وزير الخارجية", "واستهدفت بالأساس حزب العمال".
var prepAdverbs = normKeys(map[string]bool{
	"بدوره": true, "بدورها": true, "بدورهم": true, "بالأساس": true, "بالاساس": true, "بشدة": true, "بقوة": true,
	"بدوري": true, "بالتزامن": true, "بالإضافة": true, "بالاضافة": true, "بالتالي": true, "بالفعل": true, "بحسب": true,
})

// clauseSubject returns the named subject of the clause a verb is
// conjoined to: the first person or organisation, not after a
// preposition, of the sentence before the verb, counted from the last
// word that opens a clause of its own (أن، إن، الذي، حيث …), or nil.
// "قام الجبير بزيارة قطر … والتقى بأميرها": الجبير.
func clauseSubject(words []word, ms []mention, m Match) *mention {
	start := -1
	for b := m.First - 1; b >= 0; b-- {
		n := words[b].Norm
		if complementizers[n] || pronounSubject[n] || relPronouns[n] || clauseOpeners[n] {
			start = b
			break
		}
	}
	for i := range ms {
		x := ms[i]
		if x.First <= start || x.Last >= m.First || m.First-x.Last > 40 {
			continue
		}
		if x.Type != model.PER && x.Type != model.ORG || x.oblique || x.with || x.affil || x.audience || x.about || x.agent || words[x.First].paren {
			continue
		}
		return &ms[i]
	}
	return nil
}

// sharedSubject decides whether the name x the reader took for the
// subject after verb m is its object, and returns the subject the verb
// then shares with the clause before (nil where none is named). The name
// is the object after a preposition (prepObject), or after a meeting verb
// joined by و to an earlier clause whose subject goes on, with no second
// name after it that would be the object of a new subject ("وصل X إلى
// موسكو والتقى الرئيس بوتين", but "والتقى الرئيس X نظيره Y").
func sharedSubject(p *Pattern, words []word, ms []mention, m Match, x mention) (drop bool, shared *mention) {
	if prepObject(words, m, x) {
		return true, clauseSubject(words, ms, m)
	}
	if p.Type != "CONSULT" || m.First == 0 || !conjoinedVerb(words[m.First]) || objectSuffix(p, words[m.First]) || x.Type != model.PER || x.First-m.Last > 8 {
		return false, nil
	}
	for b := x.Last + 1; b < len(words) && b <= x.Last+4; b++ {
		if strings.HasPrefix(words[b].base, "نظير") {
			return false, nil
		}
		if words[b].boundary {
			break
		}
	}
	for _, y := range ms {
		if y.First > x.Last && y.First-x.Last <= 4 && (y.Type == model.PER || y.Type == model.ORG) && !y.oblique && !y.with && !y.conj {
			return false, nil
		}
	}
	s := clauseSubject(words, ms, m)
	if s == nil || s.Name == x.Name {
		return false, nil
	}
	return true, s
}
