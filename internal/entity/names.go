package entity

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
)

// stripAl removes the definite article from a normalised word, keeping at
// least three letters (الجفرة → جفرة, but الله stays: له is another word).
func stripAl(w string) string {
	if strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) >= 5 {
		return w[len("ال"):]
	}
	return w
}

// alKey is a normalised phrase with the article removed from every word, so
// that الجيش الوطني and جيش وطني compare equal.
func alKey(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(stripAl(w))
	}
	return b.String()
}

// Proclitics that attach to a name in running text, longest first: a
// conjunction (و ف), a preposition (ب ل ك) or both. "لل" is ل + ال with the
// alef elided (للأمم → ل + الأمم). Source: standard Arabic orthography of
// proclitics (e.g. Ryding, A Reference Grammar of Modern Standard Arabic, §7).
var proclitics = []string{"وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"}

// cliticSplits returns the ways w (normalised) can be read as proclitic +
// word, each with the number of proclitic letters to skip in the original
// and the remaining word (with ال restored for لل). The word keeps at least
// two letters.
func cliticSplits(w string) []cliticSplit {
	var out []cliticSplit
	for _, p := range proclitics {
		if !strings.HasPrefix(w, p) {
			continue
		}
		rest := w[len(p):]
		n := utf8.RuneCountInString(p)
		switch {
		case strings.HasSuffix(p, "ال"):
			// وال + X: skip the conjunction/preposition, keep the article.
			n -= 2
			rest = "ال" + rest
		case strings.HasSuffix(p, "لل"):
			// ولل + X: the span may drop the conjunction only; the bare
			// word is shown as ال + X.
			n -= 2
			rest = "ال" + rest
		}
		if utf8.RuneCountInString(rest) < 2 {
			continue
		}
		out = append(out, cliticSplit{letters: n, word: rest, elided: strings.HasSuffix(p, "لل"),
			article: strings.HasSuffix(p, "ال") || strings.HasSuffix(p, "لل")})
	}
	// Shortest proclitic first: وباريس is و + باريس before وب + اريس.
	sort.SliceStable(out, func(i, j int) bool { return out[i].letters < out[j].letters })
	return out
}

type cliticSplit struct {
	letters int    // proclitic letters to skip in the original word (for لل: those before it)
	word    string // the normalised word without them
	elided  bool   // the article's alef was elided (لل): the original cannot show the bare word
	article bool   // the proclitic is followed by the article (وال, بال, لل)
}

// skipLetters returns the byte offset in s after n Arabic letters (and the
// tatweel and marks that follow them).
func skipLetters(s string, n int) int {
	i := 0
	for i < len(s) && n > 0 {
		r, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
		if arabic.IsArabicLetter(r) {
			n--
		}
	}
	for i < len(s) {
		r, sz := utf8.DecodeRuneInString(s[i:])
		if !arabic.IsDiacritic(r) && r != arabic.Tatweel && !arabic.IsFormatMark(r) {
			break
		}
		i += sz
	}
	return i
}

// skeleton drops the long vowels ا و ي after a word's first letter: the
// letters Arabic transcriptions of foreign names add or omit
// (وليامز/ويليامز, ميركل/ميركيل), a common variation in Arabic
// transcription of foreign names; used only for words of 5+ letters.
// The last letter is kept: a final ي is often the nisba ending (فرنسي is
// not فرانس).
func skeleton(w string) string {
	var b strings.Builder
	_, lastSize := utf8.DecodeLastRuneInString(w)
	last := len(w) - lastSize
	for i, r := range w {
		if i > 0 && i < last && (r == arabic.Alef || r == arabic.Waw || r == arabic.Yeh) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// editDistance is the Levenshtein distance over runes, stopping early once
// it exceeds max.
func editDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return max + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
			best = min(best, cur[j])
		}
		if best > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// sameWord reports whether two normalised name words are spellings of one
// word: equal, equal without the article, or (for words of five letters or
// more, where a one-letter slip rarely makes another name) equal in skeleton
// or one edit apart.
func sameWord(a, b string, fuzzy bool) bool {
	if a == b || stripAl(a) == stripAl(b) {
		return true
	}
	if !fuzzy {
		return false
	}
	if utf8.RuneCountInString(a) < 5 || utf8.RuneCountInString(b) < 5 {
		return false
	}
	// a place and its nisba are two words (القيروان / القيرواني), and a word
	// with a proclitic is no spelling of it (لباريس / باريس)
	if a+"ي" == b || b+"ي" == a || a+"يه" == b || b+"يه" == a {
		return false
	}
	for _, p := range [...]string{"و", "ف", "ب", "ل", "ك"} {
		if p+a == b || p+b == a {
			return false
		}
	}
	return skeleton(a) == skeleton(b) || editDistance(a, b, 1) <= 1
}

// subsequence reports whether short's words occur in long in order (each
// matched by sameWord).
func subsequence(short, long []string, fuzzy bool) bool {
	j := 0
	for _, w := range long {
		if j < len(short) && sameWord(short[j], w, fuzzy) {
			j++
		}
	}
	return j == len(short)
}

// nameParticles begin compound names: عبد الله, أبو بكر, بن علي. The word
// after one is not a surname by itself.
var nameParticles = map[string]bool{"عبد": true, "ابو": true, "ابي": true, "ابا": true, "بن": true, "ابن": true, "بنت": true, "ام": true, "بو": true}

// isDefiniteNisba reports whether w (normalised) looks like a definite
// relative adjective (الإيطالي, الليبية): the article and the nisba ending.
func isDefiniteNisba(w string) bool {
	if !strings.HasPrefix(w, "ال") || utf8.RuneCountInString(w) < 5 {
		return false
	}
	return strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "يه")
}
