package ner

import (
	"fmt"
	"strings"
)

// The tag set: BIO over four entity types. Index order is fixed: it is the
// column order of the model's weight rows.
var tagNames = [numTags]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

const (
	numTags  = 9
	tagO     = 0
	startTag = numTags // row of the transition table for "before the first token"
)

// entityTypes lists the types in tag order (B-X is 1+2k, I-X is 2+2k).
var entityTypes = [4]string{"PER", "ORG", "LOC", "MISC"}

// TagNames returns the tags the tagger emits, O first.
func TagNames() []string { return append([]string(nil), tagNames[:]...) }

// isInside reports whether tag index t is an I- tag.
func isInside(t int) bool { return t != tagO && t%2 == 0 }

// typeOf returns the entity type index (0..3) of a B-/I- tag.
func typeOf(t int) int { return (t - 1) / 2 }

// entityAt reads the entity that starts at tags[i] (a B-X, or a stray I-X):
// its type index and the index after its last I-X.
func entityAt(tags []int, i int) (typ, end int) {
	typ, end = typeOf(tags[i]), i+1
	for end < len(tags) && isInside(tags[end]) && typeOf(tags[end]) == typ {
		end++
	}
	return typ, end
}

// allowed reports whether tag cur may follow prev (prev == startTag at the
// start of a sentence): BIO forbids I-X except after B-X or I-X.
func allowed(prev, cur int) bool {
	if !isInside(cur) {
		return true
	}
	return prev != startTag && prev != tagO && typeOf(prev) == typeOf(cur)
}

// CanonicalTag maps a BIO tag as written in a corpus to marsad's tag set.
// ANERcorp writes persons as PERS (B-PERS, I-PERS); marsad uses PER.
func CanonicalTag(tag string) (string, error) {
	if tag == "O" {
		return tag, nil
	}
	prefix, typ, ok := strings.Cut(tag, "-")
	if !ok || (prefix != "B" && prefix != "I") {
		return "", fmt.Errorf("ner: bad tag %q (want O, B-TYPE or I-TYPE)", tag)
	}
	switch typ {
	case "PER", "PERS", "PERSON":
		typ = "PER"
	case "ORG", "ORGANIZATION":
		typ = "ORG"
	case "LOC", "LOCATION", "GPE":
		typ = "LOC"
	case "MISC":
	default:
		return "", fmt.Errorf("ner: unknown entity type in tag %q", tag)
	}
	return prefix + "-" + typ, nil
}

// tagIndex returns the index of a canonical tag.
func tagIndex(tag string) (int, bool) {
	for i, n := range tagNames {
		if n == tag {
			return i, true
		}
	}
	return 0, false
}
