// Package search is marsad's query side: the analysis chain that turns
// article text and user queries into the terms the store indexes
// (internal/arabic's analyzer, then search-only folds and the spelling
// variants table), and the query syntax.
//
// The same Analyzer must be used to index and to query: every spelling
// variant maps to one canonical term at analysis time, on both sides.
package search

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/store"
)

// Query errors: the query cannot be run as typed. Messages are for users.
var (
	ErrEmptyQuery   = errors.New("search: the query has no words to look for")
	ErrQueryTooLong = errors.New("search: the query is too long")
)

// MaxQueryClauses bounds the words of a query (a pasted paragraph is not a
// query; each word costs a term lookup per alternative).
const MaxQueryClauses = 32

// MaxTermBytes bounds a term (PostgreSQL tsvector lexemes must stay under
// 2 KB; longer "words" are junk such as base64 or URLs).
const MaxTermBytes = 64

// Options controls the analysis chain.
type Options struct {
	Arabic arabic.AnalyzerOptions
	// FoldForeignLetters folds letters used for foreign sounds onto the
	// Arabic letters most papers write instead: ڤ→ف (v), پ→ب (p), چ→ج (ch),
	// گ→ك (g). (Maghrebi and Iraqi papers use the first; most use the second.)
	FoldForeignLetters bool
	// Variants is the spelling-variants table in the format of the shipped
	// variants.txt. Empty means the shipped table.
	Variants string
	// ExtraVariants is appended to Variants (users' --variants files).
	ExtraVariants string
	// CliticAlternatives makes a query word that starts with a proclitic
	// (ب ل ك و ف and their pairs) also match the word without it, where the
	// arabic analyzer kept it whole (it splits only words its lexicon
	// knows, since ب may be part of the word: بريطانيا).
	CliticAlternatives bool
}

//go:embed variants.txt
var shippedVariants string

// ShippedVariants returns the variants table marsad ships.
func ShippedVariants() string { return shippedVariants }

// DefaultOptions is the chain marsad indexes and queries with.
func DefaultOptions() Options {
	return Options{
		Arabic:             arabic.DefaultAnalyzerOptions(),
		FoldForeignLetters: true,
		CliticAlternatives: true,
	}
}

var _ store.Analyzer = (*Analyzer)(nil)

// Analyzer implements store.Analyzer. It is immutable and safe for
// concurrent use.
type Analyzer struct {
	opt      Options
	base     *arabic.Analyzer
	tok      *arabic.Tokenizer
	norm     *arabic.Normalizer
	variants *variants
	version  string
}

// NewAnalyzer returns an Analyzer with opt, or an error naming the bad line
// of a variants table.
func NewAnalyzer(opt Options) (*Analyzer, error) {
	a := &Analyzer{
		opt:  opt,
		base: arabic.NewAnalyzer(opt.Arabic),
		tok:  arabic.NewTokenizer(arabic.TokenizerOptions{Norm: opt.Arabic.Norm, SplitRunTogether: !opt.Arabic.NoRunTogether}),
		norm: arabic.NewNormalizer(opt.Arabic.Norm),
	}
	table := opt.Variants
	if table == "" {
		table = shippedVariants
	}
	v, err := parseVariants(a, table+"\n"+opt.ExtraVariants)
	if err != nil {
		return nil, err
	}
	a.variants = v
	a.version = a.fingerprint(table + "\n" + opt.ExtraVariants)
	return a, nil
}

// Version names the chain: a hash of its output on a probe text (so a
// change in internal/arabic's normaliser or stemmer changes it) and of the
// variants table.
func (a *Analyzer) Version() string { return a.version }

// probe exercises every step of the chain: hamza seats, ى, ة, clitics,
// stopwords, digits, Latin, variants.
const probe = `أعلنت الحكومة الليبية في طرابلس، والمسؤولون بالأمم المتحدة يقولون إن 12و13 نوفمبر/تشرين الثاني ٢٠١٦ شهدت
مواجهات بين قوات فائز السراج وخليفة حفتر للسيطرة على سرت وبنغازي ومصراتة. وقال مسئول أمريكي للصحفيين: "لن نتدخل".
The UN envoy Martin Kobler met al-Sarraj on 3.5 Dec. كتبوا، سيكتبون، الكاتبات، المكتبة، استخراج، والاستثمارات.`

func (a *Analyzer) fingerprint(table string) string {
	h := sha256.New()
	for _, t := range a.Terms(probe) {
		fmt.Fprintf(h, "%s:%d:%d ", t.Term, t.Start, t.End)
	}
	h.Write([]byte(table))
	return "search/1:" + hex.EncodeToString(h.Sum(nil)[:8])
}

// Terms returns the index terms of text with the byte offsets of the words
// they come from. Spelling variants are looked up on the normalised words
// first (so a name the stemmer would cut, or a two-word month such as
// كانون الأول, maps whole to its canonical term), then on the analysed
// terms (word starts and ends: أميرك* covers الأميركية).
func (a *Analyzer) Terms(text string) []arabic.Term {
	terms, _ := a.terms(text, false)
	return terms
}

// TermsWords returns Terms and the normalised words of text (the Norm of
// each word token, before the search-only folds), which are the words
// story.Words gives when the analyzer's normalisation is arabic's default:
// a store signs them for near-duplicates without tokenising the text a
// second time (sqlstore/dups.go).
func (a *Analyzer) TermsWords(text string) ([]arabic.Term, []string) {
	return a.terms(text, true)
}

// Words returns the normalised words of text as TermsWords does, without
// the terms: a store signs a stored article again with them.
func (a *Analyzer) Words(text string) []string {
	toks := a.tok.AppendTokens(nil, text)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.IsWord() {
			out = append(out, t.Norm)
		}
	}
	return out
}

func (a *Analyzer) terms(text string, withWords bool) ([]arabic.Term, []string) {
	toks := a.tok.AppendTokens(nil, text)
	var norms []string
	words := toks[:0]
	for _, t := range toks {
		if t.IsWord() {
			if withWords {
				norms = append(norms, t.Norm)
			}
			if a.opt.FoldForeignLetters {
				t.Norm = foldForeign(t.Norm)
			}
			words = append(words, t)
		}
	}
	var out []arabic.Term
	for i := 0; i < len(words); i++ {
		t := words[i]
		if canon, n := a.variants.tokens(words[i:]); n > 0 {
			out = append(out, arabic.Term{Term: canon, Start: t.Start, End: words[i+n-1].End, Pos: i})
			i += n - 1
			continue
		}
		term := safeTerm(a.base.TermOf(t.Norm, t.Kind))
		if term == "" {
			continue
		}
		out = append(out, arabic.Term{Term: a.variants.term(term), Start: t.Start, End: t.End, Pos: i})
	}
	return out, norms
}

func foldForeign(s string) string {
	if !strings.ContainsAny(s, "ڤپچگ") {
		return s
	}
	return strings.NewReplacer("ڤ", "ف", "پ", "ب", "چ", "ج", "گ", "ك").Replace(s)
}

// safeTerm makes a term one token for both backends (see store.Analyzer):
// lower case, ASCII punctuation and spaces inside it become "·" (so 3.5 and
// 35 stay apart), at most MaxTermBytes.
func safeTerm(t string) string {
	clean, caseless := true, true
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c < utf8.RuneSelf {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
				clean = false
				break
			}
		} else if c != 0xD8 && c != 0xD9 && c != 0xDA && c != 0xDB && utf8.RuneStart(c) {
			// a rune outside U+0600–U+06FF (lead bytes D8–DB): it may
			// have case. Arabic letters have none, so the usual term needs
			// no strings.ToLower (which decoded every rune: 8 % of a
			// snippet's analysis).
			caseless = false
		}
	}
	if clean && len(t) <= MaxTermBytes && (caseless || t == strings.ToLower(t)) {
		return t
	}
	var b strings.Builder
	for _, r := range t {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r < utf8.RuneSelf || unicode.IsSpace(r) || r == utf8.RuneError:
			r = '·'
		default:
			r = unicode.ToLower(r)
		}
		if b.Len()+utf8.RuneLen(r) > MaxTermBytes {
			break
		}
		b.WriteRune(r)
	}
	s := strings.Trim(b.String(), "·")
	return s
}

func termStrings(ts []arabic.Term) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Term
	}
	return out
}
