// Package dateparser stands in for github.com/markusmobius/go-dateparser in
// marsad's build (a replace directive in marsad's go.mod). It declares only
// what go-htmldate compiles against and parses nothing.
//
// Why: go-trafilatura, marsad's HTML extractor, imports go-htmldate, which
// imports go-dateparser, whose package initialisation compiles thousands of
// regular expressions for 200 locales: 127 ms and 78 MB at the start of
// every marsad command (GODEBUG=inittrace=1), used or not
// (https://github.com/markusmobius/go-dateparser/issues/20). go-htmldate
// calls the parser only in its extensive search, and marsad runs it in fast
// mode (trafilatura.Fast: htmldate.Options.SkipExtensiveSearch), which never
// does. internal/ingest's TestHTMLDateFastMode keeps it so.
package dateparser

import (
	"errors"

	"github.com/markusmobius/go-dateparser/date"
)

// ErrNotLinked is what Parse returns: marsad does not link the parser.
var ErrNotLinked = errors.New("dateparser: not linked in marsad (htmldate's extensive search is off)")

// ParserType names a parser of go-dateparser (same values as upstream).
type ParserType uint8

const (
	Timestamp ParserType = iota
	NegativeTimestamp
	RelativeTime
	CustomFormat
	AbsoluteTime
	NoSpacesTime
)

// PreferredDateSource fills incomplete dates upstream (same values).
type PreferredDateSource uint8

const (
	CurrentPeriod PreferredDateSource = iota
	Past
	Future
)

// Configuration holds the upstream fields go-htmldate sets.
type Configuration struct {
	PreferredDateSource PreferredDateSource
	StrictParsing       bool
}

// Parser holds the upstream fields go-htmldate sets.
type Parser struct {
	ParserTypes []ParserType
}

// Parse returns ErrNotLinked.
func (p *Parser) Parse(cfg *Configuration, str string, formats ...string) (date.Date, error) {
	return date.Date{}, ErrNotLinked
}
