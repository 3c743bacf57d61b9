package arabic

import (
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Term is one search term produced by an Analyzer, with the place of the
// word it came from in the original text.
type Term struct {
	Term       string // normalised, clitic-stripped, stemmed form
	Start, End int    // byte offsets of the source token in the original text
	Pos        int    // position of the source token among the text's word tokens
}

// AnalyzerOptions controls the analysis chain used for search.
type AnalyzerOptions struct {
	Norm          NormOptions // folds applied to each token
	NoRunTogether bool        // do not split run-together words (وزيرالخارجية)
	StripClitics  bool        // remove proclitics (و ف ب ك ل ال س) and pronoun suffixes
	Stem          bool        // apply the light stemmer
	DropStopwords bool        // drop function words (في، من، على …)
}

// DefaultAnalyzerOptions is the chain marsad indexes and queries with.
func DefaultAnalyzerOptions() AnalyzerOptions {
	return AnalyzerOptions{Norm: DefaultNormOptions(), StripClitics: true, Stem: true, DropStopwords: true}
}

// Analyzer turns text into search terms: tokenise (splitting run-together
// words) → normalise → strip clitics → stem → drop function words. It is
// immutable and safe for concurrent use.
type Analyzer struct {
	opt AnalyzerOptions
	tok *Tokenizer
	// the precomputed terms of the lexicon's words, once built; built when
	// the chain applies (useTable) and the analyser has mapped
	// lazyTableAfter words without it, so that a query or a short text does
	// not pay the 0.1–0.2 s of building it (a `marsad search` command)
	terms    atomic.Pointer[termTable]
	useTable bool
	words    atomic.Int64
}

// lazyTableAfter is the number of words an Analyzer maps through the chain
// before it builds the lexicon's term table: about 1 ms of the chain, the
// length of a long article.
const lazyTableAfter = 2000

// table returns the lexicon's term table, or nil while it is not built
// (building it once lazyTableAfter words went through the chain).
func (a *Analyzer) table() *termTable {
	if t := a.terms.Load(); t != nil || !a.useTable || a.words.Load() < lazyTableAfter {
		return t
	}
	t := lexiconTerms()
	a.terms.Store(t)
	return t
}

// counted adds n words mapped without the table.
func (a *Analyzer) counted(n int) {
	if a.useTable {
		a.words.Add(int64(n))
	}
}

// NewAnalyzer returns an Analyzer with opt.
func NewAnalyzer(opt AnalyzerOptions) *Analyzer {
	a := &Analyzer{opt: opt, tok: NewTokenizer(TokenizerOptions{Norm: opt.Norm, SplitRunTogether: !opt.NoRunTogether})}
	a.useTable = opt.StripClitics && opt.Stem && opt.DropStopwords
	return a
}

// lexiconTerms maps every word of the lexicon to its term under the full
// chain (clitics, stemmer, stop words), computed once (about 0.2 s): 91% of
// the Arabic tokens of ANERcorp (news of other papers and years than the
// lexicon's) are lexicon words, and for them the chain costs one look-up. It
// is exact, since the term of a word depends on nothing else.
var lexiconTerms = sync.OnceValue(func() *termTable {
	a := &Analyzer{opt: AnalyzerOptions{StripClitics: true, Stem: true, DropStopwords: true}}
	lex := lexicon()
	m := make(map[string]string, len(lex))
	for w := range lex {
		m[w] = a.termOf(w)
	}
	return newTermTable(m)
})

// Analyze returns the terms of text.
func (a *Analyzer) Analyze(text string) []Term {
	return a.AppendTerms(nil, text)
}

// AppendTerms appends the terms of text to dst.
func (a *Analyzer) AppendTerms(dst []Term, text string) []Term {
	var scratch [128]byte
	var parts [2]Token
	pos := 0
	terms := a.table()
	for i := 0; i < len(text); {
		if text[i] == ' ' {
			i++
			continue
		}
		// Arabic words, most of the text, are scanned here in one pass that
		// also tells whether the word is already normal and whether it may
		// be run-together; everything else goes through nextToken.
		var start, end int
		var kind Kind
		clean, rt := false, true
		if c := text[i]; c >= 0xD8 && c <= 0xDB && i+1 < len(text) && inWord(rune(c&0x1F)<<6|rune(text[i+1]&0x3F)) && text[i+1]&0xC0 == 0x80 {
			start, kind = i, KindArabic
			end, clean, rt = a.scanArabic(text, i)
		} else {
			start, end, kind = nextToken(text, i)
			if kind == 0 {
				break
			}
		}
		i = end
		if kind == KindPunct {
			continue
		}
		word := text[start:end]
		if kind == KindArabic && rt && a.tok.opt.SplitRunTogether && len(word) >= 8 && mayRunTogether(word) {
			t := mk(text, start, end, kind, a.tok.norm)
			for _, p := range SplitRunTogether(parts[:0], t, a.tok.norm) {
				if term := a.TermOf(p.Norm, p.Kind); term != "" {
					dst = append(dst, Term{Term: term, Start: p.Start, End: p.End, Pos: pos})
				}
				pos++
			}
			continue
		}
		if kind == KindArabic && terms != nil {
			// look the normal form up without allocating
			var t string
			var ok bool
			if clean {
				t, ok = terms.getString(word)
			} else {
				t, ok = terms.get(a.tok.norm.AppendNormalize(scratch[:0], word))
			}
			if ok {
				if t != "" {
					dst = append(dst, Term{Term: t, Start: start, End: end, Pos: pos})
				}
				pos++
				continue
			}
		}
		if term := a.TermOf(a.tok.norm.Normalize(word), kind); term != "" {
			dst = append(dst, Term{Term: term, Start: start, End: end, Pos: pos})
		}
		pos++
	}
	if terms == nil {
		a.counted(pos)
	}
	return dst
}

// scanArabic returns the end of the Arabic word starting at i (as
// nextToken), whether the Normalizer leaves it unchanged, and whether it may
// be two words run together (a superset of mayRunTogether).
func (a *Analyzer) scanArabic(s string, i int) (end int, clean, rt bool) {
	n := a.tok.norm
	clean = true
	var prev rune
	afterTM := false
	first := i
	for end = i; end < len(s); {
		var r rune
		var sz int
		if c := s[end]; c >= 0xD8 && c <= 0xDB && end+1 < len(s) && s[end+1]&0xC0 == 0x80 {
			r, sz = rune(c&0x1F)<<6|rune(s[end+1]&0x3F), 2
		} else {
			r, sz = utf8.DecodeRuneInString(s[end:])
		}
		if !inWord(r) && r != ZeroWidthNonJoiner && r != ZeroWidthJoiner {
			break
		}
		if r>>8 == 0x06 {
			clean = clean && n.block[r&0xFF] == r
		} else if clean {
			f, keep := n.fold(r)
			clean = keep && f == r && !(n.opt.FoldPresentation && isCompat(r))
		}
		if afterTM || (r == Lam && prev == Alef && end-first > 2) {
			rt = true
		}
		afterTM = r == TehMarbuta || r == AlefMaksura
		prev = r
		end += sz
	}
	if w := s[first:end]; len(w) >= 4 {
		switch w[:4] {
		case "ما", "لا", "يا":
			rt = true
		}
	}
	return end, clean, rt
}

// TermOf maps one normalised token to its term; "" drops it.
func (a *Analyzer) TermOf(norm string, kind Kind) string {
	if kind != KindArabic {
		return norm
	}
	if terms := a.table(); terms != nil {
		if t, ok := terms.getString(norm); ok {
			return t
		}
	} else {
		a.counted(1)
	}
	return a.termOf(norm)
}

func (a *Analyzer) termOf(norm string) string {
	if a.opt.DropStopwords && IsStopword(norm) {
		return ""
	}
	w := norm
	if a.opt.StripClitics {
		w = Segment(w).Stem
		if a.opt.DropStopwords && IsStopword(w) {
			return "" // وفي, ولكن, بهذه: a clitic on a function word
		}
	}
	if a.opt.Stem {
		w = Stem(w)
	}
	return w
}
