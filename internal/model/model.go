// Package model holds the plain structs that flow between marsad's stages:
// document → text → sentences → entities → events → stories → store.
//
// Offsets: every Start/End inside marsad is a BYTE offset into Document.Text
// (the cleaned text), so slicing is cheap and exact. The JSON contract of
// `marsad extract` (../shared/eval/README.md) speaks in Unicode code points;
// the conversion happens once, at output (see RuneOffsets).
package model

import (
	"time"
	"unicode/utf8"
)

// Document is one article as read from its input, after cleaning.
type Document struct {
	ID        string    // stable id: the one given (JSONL), else the file's base name
	Source    string    // site or feed name, when known
	URL       string    // link to the original, when known
	Title     string    // headline, when known
	Published time.Time // publication time; zero when unknown
	Text      string    // cleaned article text (junk lines removed); offsets point here
	Origin    string    // where it came from, for messages: "path", "path:line", "feed.xml#3"
	Hash      string    // hash of the normalised text, recognises the same article under another name
}

// HasDate reports whether the publication date is known.
func (d *Document) HasDate() bool { return !d.Published.IsZero() }

// Sentence is a span of Document.Text.
type Sentence struct {
	Start, End int // byte offsets into Document.Text
}

// Entity types.
const (
	PER  = "PER"
	ORG  = "ORG"
	LOC  = "LOC"
	MISC = "MISC"
)

// PLOVERTypes returns the 16 PLOVER event types in the manual's order
// (PLOVER manual, 2021), a fresh slice on each call. It is the one list the
// event stage, the API filters and the pages share.
func PLOVERTypes() []string {
	return []string{
		"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
		"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
	}
}

// Mention is one occurrence of a name in the text.
type Mention struct {
	Text       string // surface text, exactly Document.Text[Start:End]
	Start, End int    // byte offsets into Document.Text
	Type       string // PER, ORG, LOC, MISC
}

// Entity is a person, organisation, place or other name, with every mention of
// it in one document (or, in the store, across documents).
type Entity struct {
	ID       string    // "e1", "e2" … within a document; store-wide ids in the store
	Name     string    // canonical name: the fullest proper name given, titles stripped
	Type     string    // PER, ORG, LOC, MISC
	Aliases  []string  // other names seen for it (spelling variants, short forms)
	Mentions []Mention // every mention, in text order
	Geo      *Geo      // coordinates for places, when the gazetteer knows them
}

// Geo is a point on the map.
type Geo struct {
	Lat, Lon float64
	Country  string // ISO 3166-1 alpha-2, when known
}

// Event modalities.
const (
	Asserted = "asserted"
	Planned  = "planned"
	Negated  = "negated"
	Reported = "reported"
)

// Event is one PLOVER event: who did what to whom, where and when.
type Event struct {
	Type       string         // PLOVER type in capitals: CONSULT, ASSAULT …
	Mode       string         // PLOVER mode: visit, meet, aerial …; "" when none applies
	Actor      string         // canonical entity name
	Recipients []string       // canonical entity names
	Location   string         // canonical entity name of the place it happened
	Date       string         // ISO 8601 (YYYY-MM-DD, or YYYY-MM / YYYY) when resolved
	DateText   string         // the words the date came from
	Modality   string         // asserted, planned, negated, reported
	Quantities map[string]int // dead, injured, arrested, prisoners, strikes, fighters, vehicles
	Trigger    string         // the words that triggered it
	Sentence   string         // the sentence it came from
	Start, End int            // byte offsets of the sentence in Document.Text
}

// Analysis is everything marsad knows about one document.
type Analysis struct {
	Doc       Document
	Sentences []Sentence
	Mentions  []Mention // raw name mentions from the tagger, before resolution into Entities
	Entities  []Entity
	Events    []Event
}

// RuneIndex converts byte offsets into one string to code-point offsets in
// O(1) each after an O(n) set-up.
type RuneIndex struct {
	runeAt []int32 // runeAt[b] = number of code points before byte b
}

// NewRuneIndex indexes s.
func NewRuneIndex(s string) *RuneIndex {
	idx := make([]int32, len(s)+1)
	n := int32(0)
	for b := 0; b < len(s); {
		_, size := utf8.DecodeRuneInString(s[b:])
		for k := 0; k < size; k++ {
			idx[b+k] = n
		}
		b += size
		n++
	}
	idx[len(s)] = n
	return &RuneIndex{runeAt: idx}
}

// Rune returns the code-point offset of byte offset b (clamped to the text).
func (x *RuneIndex) Rune(b int) int {
	if b < 0 {
		return 0
	}
	if b >= len(x.runeAt) {
		return int(x.runeAt[len(x.runeAt)-1])
	}
	return int(x.runeAt[b])
}
