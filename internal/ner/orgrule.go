package ner

import (
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
)

// Organisation phrases that ANERcorp leaves untagged but news readers (and
// marsad's entity gold) count as names: an organisation head noun followed
// by definite modifiers that end in a nationality adjective — الجيش الوطني
// الليبي, القوات المسلحة الليبية, مجلس النواب الليبي, وزارة الخارجية
// الفرنسية. ANERcorp tags مجلس الأمن but not الجيش اللبناني or وزارة
// الخارجية الألمانية (counted in its training split), so the tagger cannot
// learn them; this rule adds them to raw-text mentions only, not to the
// CoNLL output, which keeps ANERcorp's conventions.

// orgHeads are head nouns of organisation names, as cores (splitCore of the
// normalised word): common Arabic news vocabulary for armed forces, state
// bodies, parties and companies.
var orgHeads = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"جيش", "قوات", "قوة", "مجلس", "حكومة", "وزارة", "لواء", "كتيبة", "فرقة", "سلاح", "مؤسسة", "مرصد",
		"رئاسة", "حزب", "حركة", "جماعة", "تنظيم", "منظمة", "هيئة", "لجنة", "بعثة", "مصرف", "بنك", "شركة",
		"وكالة", "جامعة", "محكمة", "برلمان", "اتحاد", "معارضة", "قيادة", "شرطة", "خارجية", "داخلية", "استخبارات",
		"مخابرات", "بحرية", "ائتلاف", "تحالف", "جبهة", "ميليشيا", "ميليشيات", "فصائل", "كتائب", "مليشيا", "مليشيات",
	} {
		_, c := splitCore(arabic.Normalize(w))
		m[c] = true
	}
	return m
}()

// isNisba reports whether a normalised word is a nationality adjective of
// a gazetteer place: الليبي/الليبية (ليبيا), التشادية (تشاد), الفرنسي
// (فرنسا), العراقي (العراق).
func (lx *Lexicon) isNisba(norm string) bool {
	_, c := splitCore(norm)
	for _, suf := range [...]string{"يين", "يون", "يه", "ي"} {
		s, ok := strings.CutSuffix(c, suf)
		if !ok || runeLen(s) < 2 {
			continue
		}
		for _, cand := range [...]string{s, s + "ا", s + "يا", "ال" + s} {
			if lx.gazWords[cand]&gazLOC != 0 {
				return true
			}
		}
		return false
	}
	return false
}

// orgPhrases returns the spans [i, j) of tokens that form an organisation
// phrase: a head (with or without the article or a proclitic), then two to
// four definite words, the last of which is a nationality adjective.
func (lx *Lexicon) orgPhrases(toks []arabic.Token) [][2]int {
	var out [][2]int
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind != arabic.KindArabic {
			continue
		}
		_, c := splitCore(toks[i].Norm)
		if !orgHeads[c] {
			continue
		}
		if i > 0 {
			// وزير الخارجية الإيطالي is a title, not the ministry
			if _, prev := splitCore(toks[i-1].Norm); lx.triggers[prev]&trigPER != 0 {
				continue
			}
		}
		end := 0
		for j := i + 1; j < len(toks) && j <= i+4; j++ {
			t := toks[j]
			if t.Kind != arabic.KindArabic || !strings.HasPrefix(t.Norm, article) || arabic.IsStopword(t.Norm) {
				break
			}
			if lx.isNisba(t.Norm) {
				end = j + 1
			}
		}
		// A head and a nationality alone describe (الحكومة الليبية "the
		// Libyan government", الجيش الفرنسي); a name adds words of its own
		// (الجيش الوطني الليبي, مجلس النواب الليبي).
		if end-i >= 3 {
			out = append(out, [2]int{i, end})
			i = end - 1
		}
	}
	return out
}

// addOrgPhrases marks organisation phrases in tags (one sentence) where
// they do not cut through a name the tagger found: a phrase replaces the
// names inside it, and is dropped when a name crosses its edges.
func (lx *Lexicon) addOrgPhrases(toks []arabic.Token, tags []int) {
	bORG, _ := tagIndex("B-ORG")
	iORG, _ := tagIndex("I-ORG")
	for _, sp := range lx.orgPhrases(toks) {
		i, j := sp[0], sp[1]
		if isInside(tags[i]) || (j < len(tags) && isInside(tags[j])) {
			continue // a name runs across the phrase's edge
		}
		tags[i] = bORG
		for k := i + 1; k < j; k++ {
			tags[k] = iORG
		}
	}
}

// shortForms returns the (head core, last word's core) pairs of the
// organisation phrases of a document: الجيش الوطني الليبي gives
// (جيش, ليبي), so that the article's own short form الجيش الليبي is
// recognised as the same organisation (see addShortForms).
func (lx *Lexicon) shortForms(toks [][]arabic.Token) map[[2]string]bool {
	var m map[[2]string]bool
	for _, ts := range toks {
		for _, sp := range lx.orgPhrases(ts) {
			_, h := splitCore(ts[sp[0]].Norm)
			_, n := splitCore(ts[sp[1]-1].Norm)
			if m == nil {
				m = map[[2]string]bool{}
			}
			m[[2]string{h, n}] = true
		}
	}
	return m
}

// addShortForms marks, in one sentence, a head followed directly by a
// nationality adjective (الجيش الليبي) as an organisation when the same
// document names an organisation phrase with that head and that adjective
// (الجيش الوطني الليبي) and the tagger found no name there. Alone, a head
// and a nationality describe (orgPhrases); after the full name in the
// same article they are its short form.
func (lx *Lexicon) addShortForms(toks []arabic.Token, tags []int, forms map[[2]string]bool) {
	if len(forms) == 0 {
		return
	}
	bORG, _ := tagIndex("B-ORG")
	iORG, _ := tagIndex("I-ORG")
	for i := 0; i+1 < len(toks); i++ {
		if tags[i] != tagO || tags[i+1] != tagO || (i+2 < len(tags) && isInside(tags[i+2])) {
			continue
		}
		_, h := splitCore(toks[i].Norm)
		_, n := splitCore(toks[i+1].Norm)
		if !forms[[2]string{h, n}] || !strings.HasPrefix(toks[i+1].Norm, article) {
			continue
		}
		if i > 0 {
			if _, prev := splitCore(toks[i-1].Norm); lx.triggers[prev]&trigPER != 0 {
				continue // وزير الخارجية الليبي: a title
			}
		}
		tags[i], tags[i+1] = bORG, iORG
		i++
	}
}

// dropPlaceNouns removes one-word place names that are a definite place
// noun (المدينة "the city", المنطقة, العاصمة): ANERcorp tags المدينة
// (Medina) as a place, and the tagger carries that over to "the city" in
// news text (جنوب المدينة، ضواحي المدينة). A place noun inside a longer
// name (المدينة المنورة) stays.
func (lx *Lexicon) dropPlaceNouns(toks []arabic.Token, tags []int) {
	bLOC, _ := tagIndex("B-LOC")
	for i, tg := range tags {
		if tg != bLOC || (i+1 < len(tags) && isInside(tags[i+1])) {
			continue
		}
		pre, c := splitCore(toks[i].Norm)
		if lx.triggers[c]&trigLOC != 0 && definite(pre) == "d" {
			tags[i] = tagO
		}
	}
}

// surnamesAsPersons retypes, within one document, a one-word name of
// another type that is the last word of a person's name of two or more
// words elsewhere in it: after المبعوث برناردينو ليون, ليون alone is the
// envoy, not the football club (ليون, Lyon) the tagger takes it for. A
// word tagged as a place that the gazetteer lists as a place stays one.
var _, godCore = splitCore(arabic.Normalize("الله"))

func (lx *Lexicon) surnamesAsPersons(toks [][]arabic.Token, tags [][]int) {
	bPER, _ := tagIndex("B-PER")
	bLOC, _ := tagIndex("B-LOC")
	var last map[string]bool
	for k, ts := range tags {
		for i := 0; i < len(ts); i++ {
			if ts[i] != bPER {
				continue
			}
			j := i + 1
			for j < len(ts) && ts[j] == bPER+1 {
				j++
			}
			if j-i >= 2 {
				if last == nil {
					last = map[string]bool{}
				}
				// عبد الله, نصر الله: الله ends a compound name, it is no surname
				if _, c := splitCore(toks[k][j-1].Norm); c != godCore {
					last[c] = true
				}
			}
			i = j - 1
		}
	}
	if last == nil {
		return
	}
	for k, ts := range tags {
		for i, tg := range ts {
			if tg == tagO || tg == bPER || isInside(tg) || (i+1 < len(ts) && isInside(ts[i+1])) {
				continue
			}
			_, c := splitCore(toks[k][i].Norm)
			if !last[c] {
				continue
			}
			if typeOf(tg) == typeOf(bLOC) && (lx.gazWords[toks[k][i].Norm]|lx.gaz[gazStep(gazSeed, c)])&gazLOC != 0 {
				continue // a place the gazetteer lists, tagged as a place
			}
			ts[i] = bPER
		}
	}
}
