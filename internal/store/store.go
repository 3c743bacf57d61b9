// Package store keeps analysed articles (model.Analysis) with their
// entities and events, and searches them. Two implementations share this
// interface and one conformance suite (storetest): sqlite (embedded, one
// file, the default) and postgres (for scale).
//
// Both backends index the SAME analysed terms, produced by an Analyzer the
// caller passes in (search.Analyzer in marsad), and rank with the same
// BM25 (FTS5's bm25(), k1 1.2, b 0.75), so they match the same documents
// for the same query in the same order: SQLite through an FTS5 table fed
// the terms joined by spaces plus a postings table (term → articles and
// frequencies) from which phrase-free queries are ranked in Go;
// PostgreSQL through a postings table with positions, from which every
// query is matched and ranked in Go (sqlstore/postings.go).
package store

import (
	"context"
	"errors"
	"time"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// Sentinel errors callers branch on.
var (
	// ErrNotFound: no article, entity or event with that id.
	ErrNotFound = errors.New("not found")
	// ErrAnalyzerChanged: the store was indexed with another analyzer
	// version; search results would be wrong until it is re-indexed.
	ErrAnalyzerChanged = errors.New("store was indexed with another analyzer version")
)

// Store keeps articles and searches them. Implementations are safe for
// concurrent use: searches may run while a Put is in progress.
type Store interface {
	// Put stores a batch of analyses in ONE transaction: either every new
	// article of the batch (with its terms, entities and events) is stored
	// or none is. An article whose id or text hash (model.Document.Hash) is
	// already stored, or appears earlier in the batch, is not stored again
	// and is reported as a duplicate. The results are in batch order.
	Put(ctx context.Context, batch []model.Analysis) ([]PutResult, error)

	// Article returns one article with its sentences, entities (with
	// store-wide ids) and events. ErrNotFound if there is none.
	Article(ctx context.Context, id string) (*Article, error)

	// Search finds articles matching q, best first. A query with no terms
	// returns the analyzer's error (search.ErrEmptyQuery).
	Search(ctx context.Context, q SearchQuery) (*SearchResult, error)

	// Entities lists store-wide entities, most-mentioned first.
	Entities(ctx context.Context, f EntityFilter) (*EntityPage, error)

	// Entity returns one entity with its aliases, articles, co-occurring
	// entities and events. ErrNotFound if there is none.
	Entity(ctx context.Context, id string) (*EntityDetail, error)

	// Events lists events, newest first.
	Events(ctx context.Context, f EventFilter) (*EventPage, error)

	// Stats counts what the store holds.
	Stats(ctx context.Context) (*Stats, error)

	// Close releases the store.
	Close() error
}

// Preparer is a Store whose Put splits in two: Prepare does what needs no
// database (analysing the text into terms, compressing it) and may run
// while another batch is being stored; PutPrepared stores a batch it
// prepared in one transaction, as Put does. A bulk load prepares the next
// batch while the one before it commits (Writer).
type Preparer interface {
	Prepare(batch []model.Analysis) PreparedBatch
	PutPrepared(ctx context.Context, b PreparedBatch) ([]PutResult, error)
}

// PreparedBatch is a batch readied by a Preparer, for its PutPrepared.
type PreparedBatch interface{ Len() int }

// Optimizer is implemented by stores that can reorganise their index after
// a bulk load (`marsad ingest` calls it at the end of a run).
type Optimizer interface {
	Optimize(ctx context.Context) error
}

// Analyzer produces the terms a store indexes and the parsed form of user
// queries. search.Analyzer implements it. It must be safe for concurrent use.
//
// Contract on terms (both backends rely on it): a term is non-empty, has no
// white space, no ASCII characters other than [a-z0-9], and at most 64 bytes
// in UTF-8, so that SQLite's FTS5 "ascii" tokenizer and PostgreSQL's tsvector
// literal each see it as exactly one token.
type Analyzer interface {
	// Terms returns the index terms of text, in order, with byte offsets of
	// the words they come from.
	Terms(text string) []arabic.Term
	// ParseQuery parses a user query. It returns an error the caller can
	// show (search.ErrEmptyQuery, search.ErrQueryTooLong) for queries that
	// cannot be run.
	ParseQuery(text string) (Query, error)
	// Version names the analysis chain; a store records it at first use
	// and reports ErrAnalyzerChanged when opened with another one.
	Version() string
}

// Query is a parsed query: every clause of Must must match, none of Not.
type Query struct {
	Must []Clause
	Not  []Clause
}

// Clause matches when any one of its alternatives matches. An alternative
// is a sequence of terms that must appear consecutively (a phrase; one term
// for a single word). Alternatives carry spelling and clitic variants.
//
// Positions are those of the TERM sequence (stop words already dropped, a
// multi-word variant counted once), on both sides: the phrase "رئيس في
// الحكومة" is the terms رئيس حكومه, and matches the text رئيس الحكومة as
// well as رئيس في الحكومة — looser by a stop word, never missing a match.
type Clause struct {
	Alts [][]string
}

// Terms returns every distinct term of q's positive clauses, for
// highlighting.
func (q Query) Terms() []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range q.Must {
		for _, alt := range c.Alts {
			for _, t := range alt {
				if !seen[t] {
					seen[t] = true
					out = append(out, t)
				}
			}
		}
	}
	return out
}

// Status says what Put did with one article.
type Status string

// Put outcomes.
const (
	Stored    Status = "stored"
	Duplicate Status = "duplicate"
	// Conflict: another article with the same id but a different text is
	// stored (two folders each with a 001.txt, every scraped index.html).
	// The article is not stored; the caller reports it as rejected.
	Conflict Status = "conflict"
)

// PutResult is the outcome for one article of a batch.
type PutResult struct {
	ID     string // the article's id
	Status Status
	// DuplicateOf is the id of the stored article it duplicates (the same
	// id, or another id with the same text hash); for a Conflict, the id
	// it collides with.
	DuplicateOf string
	// NearDuplicateOf: for a Stored article that near-duplicates a stored
	// one (story.MinHash, estimated Jaccard >= 0.8), the id of the
	// earliest stored article of that group ("" otherwise).
	NearDuplicateOf string
}

// Article is a stored article.
type Article struct {
	model.Analysis           // entity ids are store-wide (see Entity)
	StoredAt       time.Time // when it was stored
	// DuplicateOf is the id of the earliest stored article of its
	// near-duplicate group when that is another article ("" otherwise).
	DuplicateOf string
	// Duplicates are the other articles of its near-duplicate group (the
	// same text reposted or lightly edited), earliest stored first, at
	// most 100.
	Duplicates []ArticleRef
}

// SearchQuery is a search request.
type SearchQuery struct {
	Text    string    // the query as the user typed it: words, "phrases", -excluded
	Sources []string  // only these sources (exact names); empty: all
	From    time.Time // published at or after From; zero: no bound
	To      time.Time // published strictly before To; zero: no bound. (`--to DAY` passes DAY+1.)
	Limit   int       // hits to return; 0 means 10, capped at 1000
	Offset  int       // hits to skip, for paging
	Facets  bool      // also count matches by source, day and entity
	// NoSnippets skips the snippets (ids, titles and scores only): the
	// snippet re-analyses each hit's text.
	NoSnippets bool
	// IDsOnly returns each hit's ID and Score only (no snippet, title,
	// source, URL, date or duplicate): what a caller that shows the
	// articles its own way needs. A long-running PostgreSQL store with a
	// replica (marsad serve) answers it without reading a row.
	IDsOnly bool
}

// SearchResult is the answer to a SearchQuery.
type SearchResult struct {
	Query  Query   // the parsed query
	Total  int     // number of matching articles (all pages)
	Hits   []Hit   // best first
	Facets *Facets // nil unless asked for
}

// Hit is one matching article.
type Hit struct {
	ID        string
	Title     string
	Source    string
	URL       string
	Published time.Time // zero when unknown
	Score     float64   // higher is better (BM25)
	Snippet   Snippet
	// DuplicateOf is the id of the earliest stored article this one
	// near-duplicates (see Article.DuplicateOf), "" for an original.
	DuplicateOf string
}

// Snippet is a short passage of an article's ORIGINAL text around the
// query's matches.
type Snippet struct {
	Text       string // the passage, exactly Document.Text[Start:End]
	Start, End int    // byte offsets of the passage in Document.Text
	Highlights []Span // matched words, byte offsets into Text (not the document)
	// Elided* say whether text was cut before or after the passage.
	ElidedBefore, ElidedAfter bool
}

// Span is a byte range.
type Span struct {
	Start, End int
}

// Marked returns the snippet text with every highlight wrapped in open and
// close (for example "[" and "]", or ANSI bold), with … where text was cut.
func (s Snippet) Marked(open, close string) string {
	var b []byte
	if s.ElidedBefore {
		b = append(b, "…"...)
	}
	last := 0
	for _, h := range s.Highlights {
		if h.Start < last || h.End > len(s.Text) || h.Start >= h.End {
			continue
		}
		b = append(b, s.Text[last:h.Start]...)
		b = append(b, open...)
		b = append(b, s.Text[h.Start:h.End]...)
		b = append(b, close...)
		last = h.End
	}
	b = append(b, s.Text[last:]...)
	if s.ElidedAfter {
		b = append(b, "…"...)
	}
	return string(b)
}

// Facets counts the matching articles (all of them, not one page).
type Facets struct {
	Sources  []Count // by source, largest first
	Days     []Count // by publication day (YYYY-MM-DD), in date order
	Entities []Count // by entity (Key is the entity id, Label its name), largest first, top 20
}

// Count is one facet value.
type Count struct {
	Key   string
	Label string // display name where Key is an id
	N     int
}

// EntityFilter selects entities.
type EntityFilter struct {
	Type   string // PER, ORG, LOC, MISC; "" for all
	Name   string // part of the name or an alias (matched after normalisation); "" for all
	Limit  int    // 0 means 50, capped at 1000
	Offset int
}

// EntitySummary is one store-wide entity.
type EntitySummary struct {
	ID       string // store-wide id (see EntityKey)
	Name     string // the display name (first fullest name seen)
	Type     string
	Articles int // articles mentioning it
	Mentions int // mentions in all articles
}

// EntityPage is a page of entities.
type EntityPage struct {
	Total    int
	Entities []EntitySummary
}

// ArticleRef is a short reference to an article.
type ArticleRef struct {
	ID        string
	Title     string
	Source    string
	Published time.Time
	Mentions  int // mentions of the entity in it, where that applies
}

// Cooccurrence is an entity named in the same articles as another.
type Cooccurrence struct {
	EntitySummary
	Shared int // articles naming both
}

// EntityDetail is one entity and what the store knows around it.
type EntityDetail struct {
	EntitySummary
	Aliases     []string       // other names seen for it
	Geo         *model.Geo     // coordinates for places, when known
	ArticleRefs []ArticleRef   // articles naming it, newest first, at most 100
	Cooccurring []Cooccurrence // most shared first, at most 30
	Events      []EventRecord  // where it is actor, recipient or place; newest first, at most 100
}

// EventFilter selects events. Actor and Place match an entity name or alias
// after normalisation.
type EventFilter struct {
	Type   string // PLOVER type (CONSULT, ASSAULT …); "" for all
	Actor  string // actor or recipient name
	Place  string // location name
	Source string // article source
	From   string // event date (YYYY-MM-DD, or the article's date when unresolved) >= From; "" no bound
	To     string // event date <= To (a prefix: "2016-11" covers November); "" no bound
	Limit  int    // 0 means 50, capped at 1000
	Offset int
}

// EventRecord is a stored event with the article it came from.
type EventRecord struct {
	ID        int64 // store-wide event number
	ArticleID string
	Title     string // the article's title
	Source    string
	Published time.Time
	Day       string // Event.Date, or the article's publication day when unresolved
	model.Event
}

// EventPage is a page of events.
type EventPage struct {
	Total  int
	Events []EventRecord
}

// Stats counts what a store holds.
type Stats struct {
	Backend        string // "sqlite" or "postgres"
	Location       string // file path or server/schema
	Articles       int
	Entities       int
	Mentions       int
	Events         int
	Terms          int // indexed term occurrences
	Sources        []Count
	EntityTypes    []Count
	EventTypes     []Count
	FirstPublished time.Time
	LastPublished  time.Time
	SizeBytes      int64  // on-disk size of data and index, when the backend can tell
	Analyzer       string // analyzer version the index was built with
}
