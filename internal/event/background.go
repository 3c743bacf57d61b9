package event

// Background cues: constructions in which an attack or protest noun names
// an event told as background to the sentence's news rather than reported
// by it (cmd/traindetect -bg; docs/BENCHMARKS.md gives the figures).

// BackgroundFeatures adds the feature "bg:TYPE/kind" for each trigger in a
// background construction (see bgCue). Off in use unless the shipped
// detector was trained with it.
var BackgroundFeatures bool

// BackgroundRule makes Extract skip a trigger of a gated type in a
// background construction of one of these kinds ("time", "rel", "obj").
var BackgroundRule = map[string]bool{}

// Prepositions and adverbs of time and cause that govern an event noun:
// "منذ تفجيرات الشهر الماضي", "بعد الهجوم", "إثر مقتل", "في أعقاب".
var bgTimeWords = normKeys(map[string]bool{
	"منذ": true, "بعد": true, "قبل": true, "خلال": true, "إثر": true, "اثر": true, "عقب": true, "إبان": true,
	"أثناء": true, "جراء": true, "عشية": true, "غداة": true, "بسبب": true, "نتيجة": true, "أعقاب": true, "خلفية": true,
	"بعيد": true, "قبيل": true, "لدى": true,
})

// Verbs and masdars of reaction whose object is an event told elsewhere:
// "أدان الهجوم", "ندد بالتفجير", "ذكرى الاحتجاجات".
var bgReactWords = normKeys(map[string]bool{
	"أدان": true, "أدانت": true, "يدين": true, "تدين": true, "إدانة": true, "دان": true, "دانت": true,
	"ندد": true, "نددت": true, "يندد": true, "تندد": true, "تنديد": true, "استنكر": true, "استنكرت": true, "يستنكر": true,
	"استنكار": true, "شجب": true, "شجبت": true, "ذكرى": true, "منفذي": true, "منفذ": true, "ضحايا": true,
})

// bgCue returns the kind of background construction the noun trigger
// m stands in, or "": "time" (governed by a preposition of time or cause),
// "rel" (the definite noun followed by a relative clause: "الهجوم الذي
// وقع", "الاحتجاجات التي شهدتها"), "obj" (the object of a reaction:
// "أدان الهجوم", "ندد بالتفجير").
func bgCue(p *Pattern, words []word, m Match) string {
	i := m.First
	if p.POS == POSPhrase || verbalAt(p, words, i) {
		return ""
	}
	w := words[i]
	if i > 0 {
		pw := words[i-1]
		if bgTimeWords[pw.Norm] || bgTimeWords[pw.base] {
			return "time"
		}
		if bgReactWords[pw.base] || bgReactWords[pw.Norm] {
			return "obj"
		}
		if i > 1 && w.prep == "ب" && (bgReactWords[words[i-2].base] || bgReactWords[words[i-2].Norm]) {
			return "obj"
		}
	}
	if definiteNoun(p, words, i) {
		for k := m.Last + 1; k < len(words) && k <= m.Last+2; k++ {
			if relPronouns[words[k].Norm] {
				return "rel"
			}
			if words[k].boundary || words[k-1].boundary {
				break
			}
		}
	}
	return ""
}
