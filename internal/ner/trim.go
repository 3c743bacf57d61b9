package ner

import (
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
)

// trimNames removes, in one sentence of raw text, words at the edges of a
// name that cannot belong to it: particles (بأن حفتر → حفتر; edgeParticles)
// at either edge of any name, and, at the start of a person's name, definite
// titles (المشير، الرئيس) and nationality adjectives that precede one: «قائد
// الجيش الوطني الليبي المشير خليفة حفتر» must not give the person «الليبي
// المشير خليفة حفتر». A nationality adjective is cut only before a title: it
// is a name's own last word in أبو بكر البغدادي، أبو يحيى التونسي. The first
// word left is made B-.
func (lx *Lexicon) trimNames(toks []arabic.Token, tags []int) {
	bPER, _ := tagIndex("B-PER")
	perType := typeOf(bPER)
	for i := 0; i < len(tags); {
		if tags[i] == tagO {
			i++
			continue
		}
		typ, j := entityAt(tags, i)
		a, b := i, j
		for a < b && isEdgeParticle(toks[a]) {
			a++
		}
		for b > a && isEdgeParticle(toks[b-1]) {
			b--
		}
		// "محمد بن سلمان ولي ولي العهد": the crown prince's title after
		// the name (ولي "guardian" is no name's last word before العهد)
		for typ == perType && b > a && b < len(toks) && isWali(toks[b-1].Norm) && waliNext[toks[b].Norm] {
			b--
		}
		// titles and nationality adjectives only when a name is left
		// (القاضي alone may be the surname Al-Qadi); two or more of them
		// and nothing else (الليبي المشير) are no name
		if typ == perType && b-a >= 2 && lx.allTitles(toks[a:b]) {
			a = b
		}
		for a < b-1 && typ == perType && toks[a].Kind == arabic.KindArabic {
			if lx.definiteTitle(toks[a].Norm) {
				a++
				continue
			}
			k := a
			for k < b-1 && lx.definiteNisba(toks[k].Norm) {
				k++
			}
			if k == a || k == b-1 || !lx.definiteTitle(toks[k].Norm) {
				break
			}
			a = k
		}
		if a != i || b != j {
			for k := i; k < j; k++ {
				tags[k] = tagO
			}
			if a < b {
				tags[a] = 1 + 2*typ
				for k := a + 1; k < b; k++ {
					tags[k] = 2 + 2*typ
				}
			}
		}
		i = j
	}
}

// isEdgeParticle reports whether a token is one of edgeParticles as
// written, diacritics aside. The written form, not the normalised one:
// normalisation makes بأن of بان (Ban Ki-moon), فإن of فان (van Gaal) and
// على of علي (Ali).
func isEdgeParticle(t arabic.Token) bool {
	if t.Kind != arabic.KindArabic || len(t.Text) > 16 {
		return false
	}
	w := t.Text
	if strings.ContainsFunc(w, func(r rune) bool { return arabic.IsDiacritic(r) || r == arabic.Tatweel }) {
		w = strings.Map(func(r rune) rune {
			if arabic.IsDiacritic(r) || r == arabic.Tatweel {
				return -1
			}
			return r
		}, w)
	}
	return edgeParticles[w]
}

// edgeParticles are function words that begin or end no name, as written
// with their hamza: the complementizers (أن، إن and their clitic forms),
// relative and demonstrative pronouns, and the commonest prepositions
// standing alone.
var edgeParticles = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"أن", "إن", "بأن", "لأن", "كأن", "وأن", "وإن", "فإن", "أنه", "إنه", "بأنه", "لأنه", "وأنه", "وإنه", "أنها", "إنها", "بأنها",
		"الذي", "التي", "الذين", "اللذين", "اللتين", "هذا", "هذه", "ذلك", "تلك", "هؤلاء",
		"في", "من", "على", "إلى", "عن", "مع", "عند", "منذ", "حتى", "ثم", "قد", "لقد", "لم", "لن", "كما", "وفي", "ومن",
		// words that introduce a name or a nickname ("تنظيم القاعدة المدعو
		// عمر عبداللطيف الملقب (لقمان)"): they stand between names
		"المدعو", "المدعوة", "الملقب", "الملقبة", "المكنى", "المسمى", "المسماة", "يدعى", "تدعى", "ويدعى", "اسمه", "اسمها",
		// the speaker's manner after a name ("يوضح أبو هريرة قائلا:",
		// "وأضاف الأمير عبدالله بن مساعد مؤكدا")
		"قائلا", "مضيفا", "مؤكدا", "مشيرا", "موضحا", "معربا", "لافتا", "مبينا", "معتبرا", "مشددا", "محذرا", "منوها",
	} {
		m[w] = true
	}
	return m
}()

// definiteTitle reports whether a normalised word is a title with the
// article (المشير، الرئيس، للرئيس): a title is no part of the name it
// introduces.
func (lx *Lexicon) definiteTitle(norm string) bool {
	pre, c := splitCore(norm)
	return lx.triggers[c]&trigPER != 0 && definite(pre) == "d" && !nasabWords[c]
}

var waliNorm = arabic.Normalize("ولي")

// isWali reports ولي with or without a clitic (وولي، لولي، ولولي).
func isWali(norm string) bool {
	for _, p := range []string{"", "و", "ف", "ل", "ول"} {
		if norm == p+waliNorm {
			return true
		}
	}
	return false
}

// waliNext are the words after ولي in the crown prince's titles: ولي العهد،
// ولي عهد أبو ظبي، ولي ولي العهد، وليا لولي العهد.
var waliNext = map[string]bool{arabic.Normalize("العهد"): true, arabic.Normalize("عهد"): true, arabic.Normalize("عهده"): true, waliNorm: true, arabic.Normalize("لولي"): true}

// nasabWords are the kinship words among the person triggers: الابن
// (بوش الابن) belongs to a name.
var nasabWords = map[string]bool{arabic.Normalize("ابن"): true, arabic.Normalize("بن"): true, arabic.Normalize("أبو"): true}

// allTitles reports whether every token is a definite title or a
// nationality adjective.
func (lx *Lexicon) allTitles(toks []arabic.Token) bool {
	for _, t := range toks {
		if t.Kind != arabic.KindArabic || !lx.definiteTitle(t.Norm) && !lx.definiteNisba(t.Norm) {
			return false
		}
	}
	return true
}

// definiteNisba reports whether a normalised word is a nationality
// adjective with the article (الليبي; تركي without it is the name Turki).
func (lx *Lexicon) definiteNisba(norm string) bool {
	pre, _ := splitCore(norm)
	return definite(pre) == "d" && lx.isNisba(norm)
}
