package ner

import (
	"strings"
	"unicode/utf8"
)

// Clitic segmentation used by the tagger's features and by mention offsets.
//
// The features use their own, frozen segmentation instead of
// arabic.StripClitics on purpose: a trained model's weights are keyed by the
// exact strings its features produced at training time, so a change to a
// shared segmenter would silently shift every feature beneath a committed
// model. Changing this file means retraining (see docs/NER.md).

// Proclitic letters, normalised (arabic.Normalize) forms.
const (
	conjWaw = "و" // و conjunction "and"
	conjFa  = "ف" // ف conjunction "so, then"
	prepBa  = "ب" // ب "in, by"
	prepLam = "ل" // ل "for, to"
	prepKaf = "ك" // ك "like"
	article = "ال"
	lamLam  = "لل" // ل + ال: the article's alef is not written (للجيش = ل + الجيش)
)

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// splitCore strips, from a normalised word, an optional conjunction (و ف),
// an optional preposition (ب ل ك) and an optional article (ال), keeping at
// least two letters. It returns the stripped prefix and the core. Arabic
// orthography writes these proclitics attached in that order (Ryding, A
// Reference Grammar of Modern Standard Arabic, ch. 7); the stripping is
// greedy and may cut a name's own first letter (بغداد → غداد), which is
// harmless for features because training and tagging cut the same way.
func splitCore(w string) (prefix, core string) {
	core = w
	n := runeLen(core)
	if n >= 4 && (strings.HasPrefix(core, conjWaw) || strings.HasPrefix(core, conjFa)) {
		core = core[len(conjWaw):]
		n--
	}
	switch {
	case n >= 4 && strings.HasPrefix(core, lamLam):
		core = core[len(lamLam):]
		n -= 2
	case n >= 4 && (strings.HasPrefix(core, prepBa) || strings.HasPrefix(core, prepLam) || strings.HasPrefix(core, prepKaf)):
		core = core[len(prepBa):]
		n--
	}
	if n >= 4 && strings.HasPrefix(core, article) {
		core = core[len(article):]
	}
	return w[:len(w)-len(core)], core
}
