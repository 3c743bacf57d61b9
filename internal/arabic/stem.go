package arabic

import "strings"

// StripClitics removes the definite article and the common one-letter
// proclitics from a normalised word, keeping at least three letters.
// (A first cut; the lexicon-based segmenter replaces it.)
func StripClitics(w string) string {
	for _, p := range []string{"وال", "فال", "بال", "كال", "لل", "ال"} {
		if strings.HasPrefix(w, p) && len([]rune(w))-len([]rune(p)) >= 2 {
			return w[len(p):]
		}
	}
	return w
}

// Stem is a light stemmer for normalised words.
// (A first cut; the measured stemmer replaces it.)
func Stem(w string) string { return w }

var stopwords = map[string]bool{
	"في": true, "من": true, "علي": true, "الي": true, "عن": true, "مع": true, "ان": true, "او": true,
	"و": true, "ثم": true, "هذا": true, "هذه": true, "التي": true, "الذي": true, "قد": true, "لا": true,
}

// IsStopword reports whether the normalised word is a function word.
func IsStopword(norm string) bool { return stopwords[norm] }
