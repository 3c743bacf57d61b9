package event

import "strings"

// Modality cues. Sources: Ryding (2005) ch. 38 (negation: لم + jussive for
// the past, لن + subjunctive for the future, ما with the past, لا with the
// present, ليس); future سـ / سوف; and newswire usage for scheduling
// (المقرر، يعتزم، من المنتظر، المرتقب) and attribution (زعم، ادعى،
// قال مصدر، أفادت مصادر، بحسب).

var negators = normKeys(map[string]bool{"لم": true, "لن": true, "لا": true, "ليس": true, "ليست": true, "عدم": true, "دون": true, "بدون": true, "غير": true, "ما": true, "لما": true})

// Verbs of result after ما make it the relative "which": "ما أدى إلى
// مقتل", "ما أسفر عن" (read on arabic-news: 'قتالا عنيفا … ما أدى إلى مقتل
// وإصابة المئات' was coded negated).
var resultVerbs = normKeys(map[string]bool{"أدى": true, "أسفر": true, "نتج": true, "تسبب": true, "خلف": true, "أوقع": true})

// Forms of زال after لا (لا يزال، لا تزال، لا زالت): "still".
var stillVerbs = normKeys(map[string]bool{"زال": true, "زالت": true, "يزال": true, "تزال": true, "نزال": true, "يزالون": true, "تزالان": true, "يزالان": true})

// After ما these are no negation: زال / دام ("still"), إذا, and the
// verbs of result.
var notNegAfterMa = func() map[string]bool {
	m := normKeys(map[string]bool{"زال": true, "زالت": true, "يزال": true, "تزال": true, "دام": true, "دامت": true, "إذا": true})
	for w := range resultVerbs {
		m[w] = true
	}
	return m
}()

var denyVerbs = normKeys(map[string]bool{"نفي": true, "نفت": true, "ينفي": true, "تنفي": true, "نفوا": true, "نفيه": true})

var plannedCues = normKeys(map[string]bool{
	"سوف": true, "المقرر": true, "مقرر": true, "المقرره": true, "يعتزم": true, "تعتزم": true, "اعتزام": true, "يعتزمون": true,
	"المنتظر": true, "المتوقع": true, "المرتقب": true, "المرتقبه": true, "مرتقب": true, "مرتقبه": true, "المزمع": true, "المزمعه": true,
	"ينوي": true, "تنوي": true, "يخطط": true, "تخطط": true, "يعتزمان": true, "يستعد": true, "تستعد": true,
	"ملتزم": true, "يتوقع": true, "تتوقع": true,
})

var claimVerbs = normKeys(map[string]bool{
	"زعم": true, "زعمت": true, "يزعم": true, "تزعم": true, "زعموا": true, "مزاعم": true, "ادعي": true, "ادعت": true, "يدعي": true, "تدعي": true, "ادعاءات": true,
})

var sourceNouns = normKeys(map[string]bool{"مصدر": true, "مصادر": true, "تقارير": true, "انباء": true, "شهود": true})

// anonymous reports "رفض الكشف عن هويته"، "طلب عدم ذكر اسمه"، "فضل عدم
// الكشف عن اسمه" before words[first]: the speaker is not named.
func anonymous(words []word, first int) bool {
	for b := 0; b+1 < first && b+1 < len(words); b++ {
		switch words[b].base {
		case "هويه", "هويته", "اسمه", "اسمها", "هويتها":
			p := words[b-1].Norm
			if b >= 2 && (p == "عن" || words[b-1].base == "ذكر") {
				for k := b - 2; k >= 0 && k >= b-4; k-- {
					switch words[k].base {
					case "رفض", "رفضت", "طلب", "طلبت", "فضل", "فضلت", "عدم":
						return true
					}
				}
			}
		}
	}
	return false
}

// conjNegator reports a negative particle with و or ف written on it (ولم
// يلتق، ولن يزور، فلا يتعاون): the words' base keeps such short words whole.
func conjNegator(n string) bool {
	for _, c := range [...]string{"و", "ف"} {
		if rest, ok := strings.CutPrefix(n, c); ok && rest != "ما" && negators[rest] {
			return true
		}
	}
	return false
}

// Modality classifies the event triggered at words[first..last]:
// negated, planned, reported or asserted, in that order of precedence.
func modality(words []word, first int, future bool, date *DateExpr) string {
	if future && first < len(words) && !words[first].future {
		future = false
	}
	// negation: a particle just before the trigger (لم يلتق، لن يزور،
	// عدم إقدام), or a denial verb earlier in the clause (نفى وصول).
	for b := first - 1; b >= 0 && b >= first-3; b-- {
		n := words[b].Norm
		if n == "ما" && (first > b+1 || resultVerbs[words[b+1].Norm]) && notNegAfterMa[words[b+1].Norm] {
			break
		}
		// لا يزال / ولا تزال: "still", not a negation ("كانت ولا تزال تتعاون")
		if (n == "لا" || n == "ولا" || n == "فلا") && b+1 < len(words) && stillVerbs[words[b+1].Norm] {
			break
		}
		// ما negates a verb at the head of its clause ("ما زار الرئيس روما
		// قط"); after a verb or a noun it is the relative "what": "يبين ما
		// وصل إليه"، "يستغل ما يصل إلى المواطنين"
		if n == "ما" && b+1 == first && (b == 0 || words[b-1].boundary || words[b-1].Norm == "و" || words[b-1].Norm == "ف") || n != "ما" && negators[n] || conjNegator(n) {
			return "negated"
		}
		if words[b].boundary && b < first-1 {
			break
		}
	}
	for b := first - 1; b >= 0 && b >= first-6; b-- {
		if denyVerbs[words[b].base] || denyVerbs[words[b].Norm] {
			return "negated"
		}
	}
	// the content of denied reports: "نفت الوزارة تقارير أفادت بأن الوزير
	// سيلتقي …", "نفى … الأنباء التي تحدثت عن وصول …" (a newswire pattern:
	// the denial governs the reports, the reports the event)
	report := false
	for b := first - 1; b >= 0 && b >= first-20; b-- {
		if sourceNouns[words[b].base] || sourceNouns[words[b].Norm] {
			report = true
		}
		if report && (denyVerbs[words[b].base] || denyVerbs[words[b].Norm]) {
			return "negated"
		}
	}
	if future {
		return "planned"
	}
	for b := first - 1; b >= 0 && b >= first-6; b-- {
		if plannedCues[words[b].base] || plannedCues[words[b].Norm] {
			return "planned"
		}
		if words[b].future && b >= first-3 {
			return "planned" // "سيتم نقلها", "ستبدأ مفاوضات"
		}
	}
	if date != nil && date.Future {
		return "planned"
	}
	for b := 0; b < len(words); b++ {
		if b >= first && b > first+2 {
			break
		}
		n := words[b].base
		if claimVerbs[n] || claimVerbs[words[b].Norm] {
			return "reported"
		}
		if sourceNouns[n] && b+1 < len(words) && !strings.HasPrefix(words[b+1].Norm, "ال") {
			// an unnamed source: "قال مصدر أمني", "أفادت مصادر", not "مصدر الجيش الليبي"
			return "reported"
		}
	}
	if anonymous(words, first) {
		return "reported"
	}
	// "… بحسب مصادر", "وفقا لمصادر": attribution anywhere in the sentence
	for b := 0; b+1 < len(words); b++ {
		if n := words[b].base; n == "بحسب" || n == "حسب" || n == "وفق" || n == "وفقا" || n == "نقلا" {
			if words[b+1].base == "وكاله" {
				continue // "بحسب وكالة أنباء الأناضول": a named agency
			}
			if sourceNouns[words[b+1].base] || b+2 < len(words) && sourceNouns[words[b+2].base] {
				return "reported"
			}
		}
	}
	return "asserted"
}

// Nouns of a state one is in after حالة: "في حالة تأهب", "حالة استنفار".
var stateNouns = normKeys(map[string]bool{"تاهب": true, "استنفار": true, "طوارئ": true, "الطوارئ": true, "حرب": true, "الحرب": true, "حصار": true, "اشتباك": true})

// conditional reports a trigger in the clause of a condition or a
// question of whether: "إذا لم يوافق الحوثيون على الانسحاب", "في حال
// رفضها لاتفاق السلام", "لو وافقت", "ما إذا كان سيزور". A hypothetical
// is not an event, asserted or planned; the contract has no mode for it,
// so such triggers give no event.
func conditional(words []word, first int) bool {
	for b := first - 1; b >= 0 && b >= first-6; b-- {
		switch n := words[b].base; n {
		case "اذا", "لو", "لولا":
			return true
		case "حال", "حاله":
			// "في حالة تأهب" is a state, "في حال رفضها" a condition
			if b > 0 && (words[b-1].base == "في" || words[b-1].Norm == "وفي" || words[b-1].Norm == "في") && !(b+1 == first && stateNouns[words[first].base]) {
				return true
			}
		}
		if words[b].boundary && b < first-1 {
			break
		}
	}
	return false
}
