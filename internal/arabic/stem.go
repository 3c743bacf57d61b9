package arabic

import (
	"strings"
	"unicode/utf8"
)

// StripClitics removes proclitics (و ف ب ك ل ال س) and a pronoun suffix from a
// normalised word where the lexicon supports it: لحفتر → حفتر, والجيش → جيش,
// وزير → وزير. It is Segment(w).Stem.
func StripClitics(w string) string { return Segment(w).Stem }

// Stem is a light stemmer for search. It takes a normalised word without
// clitics (see StripClitics) and removes inflectional suffixes so that
// variants conflate: the sound plurals ون ين ات, the duals ان تان تين, the
// feminine ه (ة), and the imperfect prefixes ي ت ن of verbs.
//
// It is lighter than Light10 (Larkey et al. 2002) and Snowball on purpose: a
// suffix is removed only when at least three letters remain and, for the
// suffixes that also end ordinary words (قانون, فلسطين, لبنان, اوقات), only when
// the lexicon attests the remainder; an imperfect prefix is removed only when
// the lexicon attests the word with all three of ي ت ن (يقول تقول نقول), so
// يزيد and تونس keep theirs. Measured against Snowball and hand stems in
// stem_test.go (figures in docs/BENCHMARKS.md).
func Stem(w string) string {
	if len(w) < 8 && utf8.RuneCountInString(w) < 4 {
		return w
	}
	lex := lexicon()
	w = stemSuffix(lex, w)
	return stemVerbPrefix(lex, w)
}

func stemSuffix(lex map[string]uint32, w string) string {
	n := utf8.RuneCountInString(w)
	cut := func(suf string) (string, bool) {
		if n-utf8.RuneCountInString(suf) < 3 || !strings.HasSuffix(w, suf) {
			return "", false
		}
		return w[:len(w)-len(suf)], true
	}
	// feminine dual: مدينتين, مدينتان → مدين(ه)
	for _, suf := range [...]string{"تين", "تان"} {
		if r, ok := cut(suf); ok && lookup2(lex, r, "ه") >= minEvidence {
			return r
		}
	}
	// feminine sound plural: حكومات → حكوم (حكومه attested), سيارات, ليبيات →
	// ليبي; not اوقات
	if r, ok := cut("ات"); ok && (lex[r] >= minEvidence || lookup2(lex, r, "ه") >= minEvidence) {
		return r
	}
	// masculine sound plural / dual oblique: مسيولون, مسيولين, ليبيين → مسيول,
	// ليبي. Four letters must remain: with three, ين is mostly part of a
	// verbal noun (تامين "insurance" is not تام "complete" + ين).
	for _, suf := range [...]string{"ون", "ين"} {
		if r, ok := cut(suf); ok && n-2 >= 4 && lex[r] >= minEvidence {
			return stemFeminine(r)
		}
	}
	// dual nominative: الطرفان → طرف, but لبنان, سلمان, انسان stay (the dual
	// is rarer than its singular; these names are not)
	if r, ok := cut("ان"); ok {
		if c := lex[r]; c >= minEvidence && c >= lex[w] {
			return r
		}
	}
	return stemFeminine(w)
}

// stemFeminine removes the feminine ending ه (ة after normalisation) when
// three letters remain: مدينه → مدين, ليبيه → ليبي.
func stemFeminine(w string) string {
	if strings.HasSuffix(w, "ه") && utf8.RuneCountInString(w) > 3 {
		return w[:len(w)-len("ه")]
	}
	return w
}

// stemVerbPrefix removes the imperfect prefix ي ت ن when the lexicon attests
// all three persons of the verb.
func stemVerbPrefix(lex map[string]uint32, w string) string {
	r, size := utf8.DecodeRuneInString(w)
	if (r != Yeh && r != Teh && r != Noon) || utf8.RuneCountInString(w) < 4 {
		return w
	}
	rest := w[size:]
	for _, p := range [...]string{"ي", "ت", "ن"} {
		if lookup2(lex, p, rest) < minEvidence {
			return w
		}
	}
	return rest
}
