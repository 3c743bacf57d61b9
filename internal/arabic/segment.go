package arabic

import (
	"strings"
	"unicode/utf8"
)

// Segmentation is a normalised word split into proclitics, stem and pronoun
// enclitic: والجيش = و+ال + جيش, بحكومته = ب + حكومه + ه.
//
// Word == Prefix + (Stem as written) + Suffix. Stem differs from the written
// middle part only when a pronoun suffix turned a teh marbuta into teh
// (حكومته → Stem حكومه), so that the stem is the dictionary form.
type Segmentation struct {
	Word     string // the normalised word given to Segment
	Prefix   string // proclitics as written: "", "و", "وال", "لل", "وس" …
	Stem     string // the word without its clitics
	Suffix   string // pronoun enclitic: "", "ه", "ها", "هم" …
	Definite bool   // the prefix holds the article ال
	Future   bool   // the prefix holds the future marker س (Stem is an imperfect verb)
}

// Segmentation thresholds, chosen on the arabic-news corpus the lexicon is
// built from (counts in brackets).
//
//   - A stem must be attested at least minEvidence times.
//   - A word that itself takes the article is a lexical word, not clitic +
//     stem: الوزير (144) keeps وزير (1239) whole, الوطن keeps وطن although طن
//     (146) is attested, الوالي keeps والي although الي (إلى) is everywhere,
//     الفيصل keeps فيصل. The article form must reach 1/articleShare of the
//     word's count (الواكد 3 is a surname, واكد 623 splits).
//   - Proclitics are frequent in news, so a bare stem needs only 1/prefixShare
//     of the word's count: واشار (496) → اشار (130), بشكل (1356) → شكل (133).
//     Two-letter stems and function words must be more frequent than the
//     whole word: وجد (63) keeps جد (14); ولي (675) keeps لي (239).
//   - A stem of three letters or fewer after a proclitic must be seen
//     shortStem times: short rare stems match names by chance (بازل, كروس,
//     برن in ANERcorp's gazetteer), while بسرت keeps سرت (61).
//   - Suffixes need the stem splitRatio times as often as the word, tehRatio
//     for ه, which is also the folded teh marbuta (كبيره 731, كبير 692), and
//     defRatio for a stem that keeps ال (العامه 1448, العام 2940).
const (
	minEvidence  = 3
	articleShare = 50
	prefixShare  = 20
	splitRatio   = 2
	tehRatio     = 5
	defRatio     = 10
	shortStem    = 20
)

// Proclitics and enclitics of written Arabic (as in Habash, Introduction to
// Arabic Natural Language Processing, 2010, ch. 4: conjunction + particle or
// preposition + article + stem + pronoun).
var (
	conjunctions = [...]string{"", "و", "ف"}
	particles    = [...]string{"", "ب", "ك", "ل", "س"}
	// Left out: كن and كما (your, feminine plural / dual), and the first
	// person ي and ني (my, me). News uses them almost only in quotations,
	// while the letters end many words and names: يمكن, اماكن, تتمكن; the
	// nisba ي of دولي, عربي, سعدي, الكناني; كونتي, طالباني (ANERcorp's
	// gazetteer lost 1 name in 30 to ي/ني).
	enclitics = [...]string{"", "هما", "هم", "هن", "ها", "ه", "كم", "ك", "نا"}
)

// Segment splits a normalised word (see Normalize) into clitics and stem. A
// split is accepted only when the lexicon of Arabic news attests the stem,
// the unsplit word does not itself take the article (for proclitics) and the
// stem is clearly more frequent than the word (for suffixes); see the
// thresholds above. So words whose letters merely look like clitics stay
// whole: وزير, بريطانيا, لبنان, سرت, فرنسا, كركوك, ليبيا, والي. Rare words
// still lose a definite article (والكركديه → و+ال + كركديه). Function words
// (the stop list) are never split. The longest accepted split wins.
func Segment(w string) Segmentation { return segment(w, true) }

// segment is Segment; hehSuffix false rules out the pronoun ه.
func segment(w string, hehSuffix bool) Segmentation {
	best := Segmentation{Word: w, Stem: w}
	if utf8.RuneCountInString(w) < 3 {
		return best
	}
	lex := lexicon()
	cw := int(lex[w])
	if IsStopword(w) {
		return best
	}
	lexical := false // w takes the article: no proclitic split
	if !strings.HasPrefix(w, "ال") {
		ca := int(lookup2(lex, "ال", w))
		lexical = ca >= minEvidence && ca*articleShare >= cw
	}
	// the longest split wins; on a tie the one with the longer prefix
	// (proclitics are far more frequent in news than enclitics: و+براك, not
	// وبرا+ك), then the better attested stem
	bestLen, bestPre, bestWit := 0, 0, 0
	for _, p1 := range conjunctions {
		if !strings.HasPrefix(w, p1) {
			continue
		}
		if p1 != "" && lexical {
			break
		}
		r1 := w[len(p1):]
		for _, p2 := range particles {
			if !strings.HasPrefix(r1, p2) {
				continue
			}
			if p2 != "" && lexical {
				break
			}
			r2 := r1[len(p2):]
			for art := 0; art < 2; art++ {
				r3 := r2
				if art == 1 {
					switch {
					case p2 == "س":
						continue
					case p2 == "ل": // ل + ال is written لل
						if !strings.HasPrefix(r2, "ل") {
							continue
						}
						r3 = r2[len("ل"):]
					default:
						if !strings.HasPrefix(r2, "ال") {
							continue
						}
						r3 = r2[len("ال"):]
					}
				} else if p2 == "ل" && strings.HasPrefix(r2, "ال") {
					continue // ل before ال is always written لل
				}
				for _, x := range enclitics {
					if art == 1 && x != "" {
						break // no pronoun suffix on a definite noun
					}
					if !strings.HasSuffix(r3, x) || len(r3)-len(x) < 4 || (x == "ه" && !hehSuffix) {
						continue
					}
					if p1 == "" && p2 == "" && x == "" && art == 0 {
						continue // the unsplit word
					}
					s := r3[:len(r3)-len(x)]
					wit, ok := judge(lex, cw, s, p1 != "" || p2 != "", p2, art == 1, x)
					if !ok {
						continue
					}
					n, pl := len(w)-len(s), len(w)-len(r3)
					if n > bestLen || (n == bestLen && (pl > bestPre || (pl == bestPre && wit > bestWit))) {
						bestLen, bestPre, bestWit = n, pl, wit
						best = Segmentation{Word: w, Prefix: w[:len(w)-len(r3)], Stem: s, Suffix: x,
							Definite: art == 1, Future: p2 == "س"}
						if x != "" {
							best.Stem = restoreTehMarbuta(lex, s)
						}
					}
				}
			}
		}
	}
	return best
}

// judge decides one candidate split of a word seen cw times into proclitic
// particle p2 (and the article when art), stem s and enclitic x. It returns
// the count that witnesses the split.
func judge(lex map[string]uint32, cw int, s string, pre bool, p2 string, art bool, x string) (int, bool) {
	runes := utf8.RuneCountInString(s)
	if p2 == "س" {
		// the future marker only precedes an imperfect verb: سيزور, ستعقد
		// (not before ا: the first person is rare in news and سا opens
		// many names, سامراء, سانت, سابا)
		if runes < 3 || !strings.ContainsRune("يتن", firstRune(s)) {
			return 0, false
		}
	}
	if x != "" && runes < 3 {
		return 0, false // بنها ≠ بن+ها: a two-letter stem matches by chance
	}
	switch x {
	case "ك", "كم":
		// second person is rare in news; ك ends many words (بنك, ملك,
		// مشترك) and names (وبراك = و + براك, a Libyan town)
		if runes < 3 || pre {
			return 0, false
		}
	}
	cb := int(lex[s])
	stop := IsStopword(s)
	if x != "" && strings.HasSuffix(s, "ت") {
		if alt := int(lookup2(lex, s[:len(s)-len("ت")], "ه")); alt > cb {
			cb, stop = alt, false
		}
	}
	rare := cw < minEvidence
	if art {
		// the article: the bare stem must be attested (المانيا stays, مانيا
		// is unknown), or the word be rare and the stem long enough
		if stop || runes < 2 {
			return 0, false
		}
		cd := int(lookup2(lex, "ال", s))
		if cb < minEvidence && !(rare && cd < minEvidence && runes >= 3) {
			return 0, false
		}
		cb = max(cb, cd)
		if !pre {
			return cb, true // the article alone
		}
	}
	if x != "" && stop && p2 != "" {
		// A proclitic and a pronoun suffix around a function word (ب+لين+كن)
		// is a foreign name cut to pieces (بلينكن), not a word: function
		// words with both (ولكنه, بعضهم) are in the stop list whole.
		return 0, false
	}
	if x != "" {
		k := splitRatio
		switch {
		case !art && strings.HasPrefix(s, "ال"):
			k = defRatio
		case x == "ه", x == "ك", x == "كم":
			k = tehRatio
		}
		if cb < minEvidence || cb <= k*cw {
			return 0, false
		}
	}
	if pre {
		ok := cb >= minEvidence && cb*prefixShare >= cw
		if (runes < 3 || stop) && cb <= cw {
			ok = false
		}
		if runes <= 3 && !art && !stop && cb < shortStem {
			ok = false // بازل ≠ ب+ازل, كروس ≠ ك+روس, برن ≠ ب+رن
		}
		if !ok && !(art && rare && x == "" && runes >= 3) { // rare word: وال + كركديه
			return 0, false
		}
	}
	return cb, true
}

// SegmentText segments one word of original text (see Segment). It knows
// what normalisation forgets: a word written with a final ة (تركية, الكفرة,
// عقيلة) ends in teh marbuta, never in the pronoun ه.
func SegmentText(word string) Segmentation {
	seg := Segment(Normalize(word))
	if seg.Suffix != "ه" || !endsWithTehMarbuta(word) {
		return seg
	}
	return segment(seg.Word, false)
}

func endsWithTehMarbuta(s string) bool {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if r == TehMarbuta {
			return true
		}
		if !IsDiacritic(r) && r != Tatweel && !IsFormatMark(r) {
			return false
		}
		s = s[:len(s)-size]
	}
	return false
}

// restoreTehMarbuta turns the teh that a suffix exposes back into teh marbuta
// (normalised ه) when the lexicon knows that form better: حكومت(ه) → حكومه.
func restoreTehMarbuta(lex map[string]uint32, s string) string {
	if !strings.HasSuffix(s, "ت") {
		return s
	}
	if lookup2(lex, s[:len(s)-len("ت")], "ه") > lex[s] {
		return s[:len(s)-len("ت")] + "ه"
	}
	return s
}

// lookup2 returns the count of a+b without allocating for short words.
func lookup2(lex map[string]uint32, a, b string) uint32 {
	var buf [64]byte
	k := append(buf[:0], a...)
	k = append(k, b...)
	return lex[string(k)]
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
