package event

import (
	"strconv"
	"strings"
)

// Quantity keys of the contract (PLOVER size fields and ACLED-like counts).
const (
	Dead      = "dead"
	Injured   = "injured"
	Arrested  = "arrested"
	Prisoners = "prisoners"
	Strikes   = "strikes"
	Fighters  = "fighters"
	Vehicles  = "vehicles"
)

// Vague counts follow the ACLED codebook's convention for reports without a
// figure: "dozens" is coded 12, "hundreds" 100, "thousands" 1000; "several"
// 10 is not used because بعض / عدة carry no count at all.
var numberWords = normKeys(map[string]int{
	"واحد": 1, "احد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
	"ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
	"سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
	"عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
	"خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
	"ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
	"مئه": 100, "مائه": 100, "مئتين": 200, "مائتين": 200, "مئتان": 200, "مائتان": 200,
	"الف": 1000, "الفا": 1000, "الفين": 2000, "الفان": 2000,
	"عشرات": 12, "مئات": 100, "الاف": 1000,
	// twelve: اثنا عشر / اثني عشر (the teens rule adds the عشر)
	"اثنا": 2, "اثني": 2,
	// hundreds written as one word
	"ثلاثمئه": 300, "ثلاثمائه": 300, "اربعمئه": 400, "اربعمائه": 400, "خمسمئه": 500, "خمسمائه": 500,
	"ستمئه": 600, "ستمائه": 600, "سبعمئه": 700, "سبعمائه": 700, "ثمانمئه": 800, "ثمانمائه": 800, "تسعمئه": 900, "تسعمائه": 900,
})

// multipliers combine with a preceding number: ثلاثة آلاف, خمس مئة.
var multipliers = normKeys(map[string]int{"الاف": 1000, "الف": 1000, "الفا": 1000, "مئه": 100, "مائه": 100})

// parseNumber reads a number starting at words[i]: digits (any script; the
// tokenizer folds them to ASCII) with separators, number words, compounds
// (خمسة وعشرون، ثلاثة آلاف) and teens (احد عشر). It returns the value and
// the index after the number.
func parseNumber(words []word, i int) (int, int, bool) {
	if i >= len(words) {
		return 0, i, false
	}
	w := words[i]
	if w.number {
		s := strings.NewReplacer(",", "", "٬", "").Replace(w.Norm)
		if k := strings.IndexAny(s, "./:"); k >= 0 {
			return 0, i, false // decimals, times and dates are not counts
		}
		v, err := strconv.Atoi(s)
		if err != nil {
			return 0, i, false
		}
		j := i + 1
		if j < len(words) {
			if m, ok := multipliers[words[j].Norm]; ok {
				v *= m
				j++
			}
		}
		return v, j, true
	}
	v, ok := numberWords[w.Norm]
	if !ok && strings.HasPrefix(w.Norm, "و") {
		v, ok = numberWords[w.Norm[len("و"):]] // "قتيلين وخمسة جرحى"
	}
	if !ok {
		// "إحدى عشرة" (eleven, feminine); إحدى alone is "one of"
		if w.Norm == "احدي" && i+1 < len(words) && (words[i+1].Norm == "عشره" || words[i+1].Norm == "عشر") {
			return 11, i + 2, true
		}
		return 0, i, false
	}
	j := i + 1
	if j < len(words) {
		n := words[j].Norm
		switch {
		case v < 10 && (n == "عشر" || n == "عشره"): // teens: ثلاثة عشر
			v += 10
			j++
		case v < 10 && strings.HasPrefix(n, "و"): // خمسة وعشرون
			if t, ok := numberWords[n[len("و"):]]; ok && t >= 20 && t < 100 {
				v += t
				j++
			}
		}
	}
	if j < len(words) && v < 100 {
		if m, ok := multipliers[words[j].Norm]; ok {
			v *= m
			j++
		}
	}
	return v, j, true
}

// Quantity cue words, by key, as bases (after the conjunction, article and
// glued preposition are removed) and their common suffixed forms.
var cueBefore = normKeys(map[string]string{
	// "مقتل 17", "قتل 18 شخصا", "بمقتل 117"
	"مقتل": Dead, "قتل": Dead, "مصرع": Dead, "وفاه": Dead, "قتلت": Dead, "قتلوا": Dead,
	"استشهاد": Dead, "استشهد": Dead, // "استشهد تسعة عسكريين" (with a count only: استشهد بكلمات is "cited")
	"يقتل": Dead, "تقتل": Dead, "يقتلون": Dead, "يعتقل": Arrested, "تعتقل": Arrested, // the news present: "يقتل انتحاري ثلاثة جنود"
	"بحياه": Dead, "حياه": Dead, // "أودى بحياة ثلاثة من العناصر"
	"اصابه": Injured, "اصيب": Injured, "اصيبت": Injured, "جرح": Injured, "جرحت": Injured, "اصابات": Injured,
	"اعتقال": Arrested, "اعتقل": Arrested, "اعتقلت": Arrested, "توقيف": Arrested, "احتجاز": Arrested,
	"القبض": Arrested, "اعتقلوا": Arrested, "اوقف": Arrested, "اوقفت": Arrested, // "أوقفت الشرطة 251 شخصا"
	"تبادل": Prisoners, "تبادلت": Prisoners, "الافراج": Prisoners, "افراج": Prisoners, "سراح": Prisoners,
	"نشر": Fighters, "ارسال": Fighters, "ارسل": Fighters, "وصول": Fighters,
	"تدمير": Vehicles,
})

// Count nouns that name what a number counts: "17 قتيلا", "6 غارات".
var cueAfter = normKeys(map[string]string{
	"قتيل": Dead, "قتيلا": Dead, "قتلي": Dead, "جثه": Dead, "جثث": Dead,
	"جريح": Injured, "جريحا": Injured, "جرحي": Injured, "مصاب": Injured, "مصابا": Injured, "مصابين": Injured,
	"معتقل": Arrested, "معتقلا": Arrested, "معتقلين": Arrested, "موقوف": Arrested, "موقوفين": Arrested,
	"اسري": Prisoners, "اسير": Prisoners, "اسيرا": Prisoners, "سجين": Prisoners, "سجناء": Prisoners, "رهائن": Prisoners, "رهينه": Prisoners, "محتجزين": Prisoners,
	"غاره": Strikes, "غارات": Strikes, "ضربه": Strikes, "ضربات": Strikes, "طلعه": Strikes, "طلعات": Strikes,
	"مقاتل": Fighters, "مقاتلا": Fighters, "مقاتلين": Fighters, "جندي": Fighters, "جنديا": Fighters, "جنود": Fighters,
	"مرتزق": Fighters, "مرتزقه": Fighters, "عنصر": Fighters, "عنصرا": Fighters, "عناصر": Fighters, "مسلح": Fighters, "مسلحا": Fighters, "مسلحين": Fighters,
	"مركبه": Vehicles, "مركبات": Vehicles, "عربه": Vehicles, "عربات": Vehicles, "اليه": Vehicles, "اليات": Vehicles,
	"دبابه": Vehicles, "دبابات": Vehicles, "سياره": Vehicles, "سيارات": Vehicles,
})

// A cue noun after a number that is a casualty verb in the passive:
// "18 شخصا قتلوا".
var cueVerbAfter = normKeys(map[string]string{
	"قتلا": Dead, "اصيبا": Injured, "اعتقلا": Arrested, // dual: "جنديين تركيين قتلا وجرح 24"
	// "لقي أربعة حوثيين مصرعهم"، "لقي 800 مهاجر حتفهم" (read on arabic-news)
	"مصرعهم": Dead, "مصرعهما": Dead, "حتفهم": Dead, "حتفهما": Dead,
	"استشهدوا": Dead, "قتلوا": Dead, "قتل": Dead, "لقوا": Dead, "اصيبوا": Injured, "جرحوا": Injured, "اعتقلوا": Arrested})

// Units that make a number something other than a count of people or things.
var notCount = normKeys(map[string]bool{
	"كلم": true, "كم": true, "كيلومتر": true, "كيلومترا": true, "ميل": true, "ميلا": true, "متر": true, "مترا": true,
	"دولار": true, "دولارا": true, "يورو": true, "دينار": true, "دينارا": true, "ساعه": true, "ساعات": true, "دقيقه": true,
	"يوم": true, "يوما": true, "ايام": true, "اسبوع": true, "اسابيع": true, "شهر": true, "عام": true, "عاما": true, "سنه": true, "سنوات": true,
	"بالمئه": true, "بالمائه": true, "%": true, "مره": true, "مرات": true,
	// read on arabic-news: "مركز احتجاز يقع على بعد عشرة كيلومترات" gave arrested 10
	"كيلومترات": true, "كيلو": true, "امتار": true, "اميال": true, "كيلوغرام": true, "كيلوغرامات": true, "طن": true, "اطنان": true,
	"دقائق": true, "اشهر": true, "شهور": true, "سنين": true, "اعوام": true, "دولارات": true, "ريال": true, "ريالات": true, "جنيه": true, "درهم": true,
})

// Person nouns whose dual counts two: "القبض على رجلين وامرأة" = 3.
var personNouns = normKeys(map[string]string{
	"رجل": "رجلين", "شخص": "شخصين", "جندي": "جنديين", "عنصر": "عنصرين", "مدني": "مدنيين", "طفل": "طفلين",
	"امراه": "امراتين", "مسلح": "مسلحين", "شرطي": "شرطيين", "مواطن": "مواطنين", "صحفي": "صحفيين",
})

var dualPersons = func() map[string]bool {
	m := map[string]bool{}
	for _, d := range personNouns {
		m[d] = true
	}
	// the nominative dual: "قتل عنصران من الشرطة" (read on arabic-news)
	for _, d := range personNouns {
		m[strings.TrimSuffix(d, "ين")+"ان"] = true
	}
	return m
}()

// Sound masculine plurals spelt like the oblique dual: "مقتل مدنيين" is
// mostly "civilians" (read on arabic-news: "إن مدنيين قتلوا بانفجار ألغام"
// gave dead 2). They count two only with اثنين after.
var dualOrPlural = normKeys(map[string]bool{"مدنيين": true, "مسلحين": true, "مواطنين": true, "صحفيين": true})

func pluralToo(words []word, i int) bool {
	if !dualOrPlural[words[i].base] && !dualOrPlural[words[i].Norm] {
		return false
	}
	return !(i+1 < len(words) && (words[i+1].Norm == "اثنين" || words[i+1].Norm == "اثنان"))
}

// metDeath reports "لقي N … مصرعهم / حتفهم": لقي just before the number at
// i and the noun of death within eight words after it (j).
func metDeath(words []word, i, j int) bool {
	if i == 0 {
		return false
	}
	switch words[i-1].base {
	case "لقي", "لقيت", "لقوا":
	default:
		return false
	}
	for a := j; a < len(words) && a <= j+8; a++ {
		if strings.HasPrefix(words[a].Norm, "مصرع") || strings.HasPrefix(words[a].Norm, "حتف") {
			return true
		}
		if words[a].boundary {
			return false
		}
	}
	return false
}

// Duals of the count nouns: "الحصيلة قتيلين وخمسة جرحى" (two dead).
var dualCounts = normKeys(map[string]string{
	"قتيلين": Dead, "قتيلان": Dead, "جريحين": Injured, "جريحان": Injured, "اسيرين": Prisoners, "اسيران": Prisoners,
})

// Quantities finds the counts a sentence gives, keyed by the contract's
// quantity keys. The first figure for a key wins.
func Quantities(words []word) map[string]int {
	q := map[string]int{}
	set := func(k string, v int) {
		if _, ok := q[k]; !ok && v > 0 {
			q[k] = v
		}
	}
	for i := 0; i < len(words); i++ {
		// Duals after a cue: "القبض على رجلين وامرأة"
		if (dualPersons[words[i].base] || dualPersons[words[i].Norm]) && !pluralToo(words, i) {
			k := cueBeforeAt(words, i)
			for a := i + 1; k == "" && a < len(words) && a <= i+2 && !words[a-1].boundary; a++ {
				if c, ok := lookupCue(cueVerbAfter, words[a]); ok {
					k = c // "لقي شخصان مصرعهم"
				}
			}
			if k != "" {
				v := 2
				if i+1 < len(words) && strings.HasPrefix(words[i+1].Norm, "و") {
					if _, ok := personNouns[words[i+1].Norm[len("و"):]]; ok {
						v++
					}
				}
				set(k, v)
			}
			continue
		}
		if k, ok := lookupCue(dualCounts, words[i]); ok {
			set(k, 2)
			continue
		}
		v, j, ok := parseNumber(words, i)
		if !ok {
			continue
		}
		if i > 0 && subsetWord(words[i-1]) {
			i = j - 1 // a subset: "297 شخصا بينهم 37 أجنبيا"
			continue
		}
		if isYear(words, i, v) {
			i = j - 1
			continue
		}
		k := ""
		// what follows: "17 قتيلا", "6 غارات", "17 من داعش", "8 أسرى"
		after := j
		if after < len(words) && (words[after].Norm == "من" || words[after].Norm == "اخرين" || words[after].Norm == "اخرون") {
			after++
		}
		if m, _ := month(words, j); m > 0 { // a date: "28 أغسطس"
			i = j - 1
			continue
		}
		if m, _ := hijriMonth(words, j); m > 0 { // a Hijri date: "8 رجب 1436هـ"
			i = j - 1
			continue
		}
		if j < len(words) && notCount[words[j].Norm] {
			i = j - 1
			continue
		}
		if j < len(words) {
			if c, ok := lookupCue(cueAfter, words[j]); ok {
				k = c
			}
		}
		if kb := cueBeforeAt(words, i); kb != "" && (k == "" || k == Fighters || kb == Prisoners && k == Prisoners) {
			// "مقتل 17 مسلحا": the cue before says what happened to them
			if !(kb == Fighters && k != "") && !(kb == Vehicles && k != Vehicles) {
				k = kb
			}
		}
		// "خمسة جنود قُتلوا": the passive verb after the counted persons
		// says what happened to them
		if k == Fighters && j < len(words) && !words[j].boundary {
			for a := j + 1; a < len(words) && a <= j+2; a++ {
				if c, ok := lookupCue(cueVerbAfter, words[a]); ok {
					k = c
					break
				}
				if words[a].boundary {
					break
				}
			}
		}
		if k == "" {
			lim := after + 2
			for a := after; a < len(words) && a <= lim; a++ {
				if c, ok := lookupCue(cueVerbAfter, words[a]); ok {
					k = c
					break
				}
				if words[a].boundary {
					break
				}
				// "297 شخصا بينهم 37 أجنبيا اعتقلوا": the verb after the
				// subset tells what happened to the whole
				if subsetWord(words[a]) {
					lim += 3
				}
			}
		}
		// "لقي ستة من مقاتلي المعارضة السورية على الأقل مصرعهم"
		if k == "" && metDeath(words, i, j) {
			k = Dead
		}
		if k == Vehicles {
			if _, ok := lookupCue(cueAfter, words[min(j, len(words)-1)]); !ok {
				k = ""
			}
		}
		if k != "" {
			_, had := q[k]
			set(k, v)
			// "مقتل 23 مقاتلا من الحوثيين و19 من الموالين لهادي": a toll
			// told per side is one toll, their sum
			if !had && (k == Dead || k == Injured) {
				if w, end, ok := otherSide(words, j); ok {
					q[k] += w
					j = end
				}
			}
		}
		i = j - 1
	}
	// One person named after the cue, when no figure gave the key: "قتل
	// جندي تركي وأصيب آخر" (dead 1, injured 1; read on arabic-news)
	for i := 1; i < len(words); i++ {
		if !singlePerson(words[i]) || words[i-1].boundary {
			continue
		}
		if oneOfSeveral(words, i) {
			continue
		}
		k, ok := lookupCue(cueBefore, words[i-1])
		if !ok || k == Fighters || k == Vehicles || k == Prisoners {
			continue
		}
		if _, taken := q[k]; !taken {
			q[k] = 1
		}
	}
	return q
}

// otherSide reads the rest of a toll told per side after a count ending at
// j: the counted noun's side (من X, up to four words, no punctuation), then
// و, a number and من for the other side ("23 مقاتلا من الحوثيين و19 من
// الموالين لهادي"). It returns the second number and the index after it.
// A count with a cue of its own after و (وإصابة 35) is another tally, and
// is not read here.
func otherSide(words []word, j int) (int, int, bool) {
	a := j
	if a < len(words) && words[a].Norm != "من" && !words[a].boundary {
		a++ // the counted noun: مقاتلا، جنديا
	}
	if a >= len(words) || words[a].Norm != "من" || words[a-1].boundary {
		return 0, j, false
	}
	for b := a + 1; b < len(words) && b <= a+5; b++ {
		if words[b-1].boundary {
			return 0, j, false
		}
		if words[b].Norm != "و" {
			continue
		}
		v, end, ok := parseNumber(words, b+1)
		if !ok || end >= len(words) || words[end].Norm != "من" || words[b].boundary || words[end-1].boundary {
			return 0, j, false
		}
		return v, end, true
	}
	return 0, j, false
}

// subsetWord reports بينهم / منهم, which lead a part of a count given
// before ("297 شخصا بينهم 37 أجنبيا").
func subsetWord(w word) bool { return w.Norm == "بينهم" || w.Norm == "منهم" }

// oneOfSeveral reports more people listed after the one at i, in its
// clause: "مقتل جندي و3 مدنيين"، "مقتل مواطن فرنسي وضابط أمن"، "قتل القيادي
// أبو كهلان الحوثي و20 من مرافقيه" (read on arabic-news).
func oneOfSeveral(words []word, i int) bool {
	for a := i + 1; a < len(words) && a <= i+5; a++ {
		if words[a-1].boundary {
			return false
		}
		w := words[a]
		if w.number && a > 0 && words[a-1].Norm == "و" {
			return true
		}
		if n, ok := strings.CutPrefix(w.Norm, "و"); ok && n != "" {
			if w.number || numberWords[n] > 0 || singlePerson(word{Norm: n, base: n}) {
				return true
			}
			if _, ok := personNouns[n]; ok {
				return true
			}
		}
	}
	return false
}

// singlePerson reports one person: a singular person noun, with or without
// the article, or آخر ("وأصيب آخر").
func singlePerson(w word) bool {
	if w.Norm == "اخر" || w.Norm == "اخري" {
		return true
	}
	_, ok := personNouns[w.base]
	if !ok {
		_, ok = personNouns[w.Norm]
	}
	return ok || w.base == "قيادي" || w.base == "ضابط"
}

func lookupCue(m map[string]string, w word) (string, bool) {
	if k, ok := m[w.Norm]; ok {
		return k, true
	}
	if k, ok := m[w.base]; ok {
		return k, true
	}
	return "", false
}

// Words of an approximate count between a cue and its number.
var hedges = normKeys(map[string]bool{
	"ما": true, "لا": true, "يقل": true, "تقل": true, "عن": true, "اكثر": true, "من": true, "نحو": true, "حوالي": true,
	"قرابه": true, "زهاء": true, "يقارب": true, "يناهز": true, "اقل": true, "يزيد": true, "على": true, "الاقل": true,
})

// cueBeforeAt looks up to three words back from i, not across a clause
// boundary, for a cue such as مقتل, اعتقال, تبادل.
func cueBeforeAt(words []word, i int) string {
	lim := i - 3
	for b := i - 1; b >= 0 && b >= lim; b-- {
		if hedges[words[b].Norm] && !words[b].boundary {
			lim-- // "مقتل ما لا يقل عن 17", "مقتل أكثر من 60": the hedge does not count
			continue
		}
		if words[b].boundary && !(b == i-1 && words[b].quoteOnly) {
			return "" // not across a clause; a word in quotes right before the count is fine («استشهاد» 26)
		}
		if k, ok := lookupCue(cueBefore, words[b]); ok {
			// "خمسة جنود قتلوا وإن ستة آخرين أصيبوا": that verb belongs
			// to the count before it
			if _, passive := lookupCue(cueVerbAfter, words[b]); passive && b > 0 {
				if _, _, num := parseNumber(words, b-1); num {
					return ""
				}
				if _, ok := lookupCue(cueAfter, words[b-1]); ok {
					return ""
				}
			}
			return k
		}
		if _, ok := lookupCue(cueAfter, words[b]); ok { // another count noun in between
			return ""
		}
	}
	return ""
}

// isYear reports whether the number at i is a year: four digits 1900–2100,
// or preceded by عام / سنة.
func isYear(words []word, i, v int) bool {
	if i > 0 {
		p := words[i-1].base
		if p == "عام" || p == "سنه" || p == "العام" {
			return true
		}
	}
	if words[i].number && v >= 1900 && v <= 2100 {
		if i+1 < len(words) {
			if _, ok := cueAfter[words[i+1].Norm]; ok {
				return false
			}
		}
		return true
	}
	return false
}
