package arabic

import "sync"

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

// Analyzer turns text into search terms: tokenise → normalise → strip
// clitics → stem. It is immutable and safe for concurrent use.
type Analyzer struct {
	opt   AnalyzerOptions
	tok   *Tokenizer
	terms *termTable // precomputed terms of the lexicon's words, or nil
}

// NewAnalyzer returns an Analyzer with opt.
func NewAnalyzer(opt AnalyzerOptions) *Analyzer {
	a := &Analyzer{opt: opt, tok: NewTokenizer(TokenizerOptions{Norm: opt.Norm, SplitRunTogether: !opt.NoRunTogether})}
	if opt.StripClitics && opt.Stem && opt.DropStopwords {
		a.terms = lexiconTerms()
	}
	return a
}

// lexiconTerms maps every word of the lexicon to its term under the full
// chain (clitics, stemmer, stop words), computed once: 9 tokens in 10 of
// news text are in the lexicon, so the chain costs one map look-up for them.
// It is exact, since the term of a word depends on nothing else.
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
	for i := 0; ; {
		start, end, kind := nextToken(text, i)
		if kind == 0 {
			return dst
		}
		i = end
		if kind == KindPunct {
			continue
		}
		word := text[start:end]
		if kind == KindArabic && a.tok.opt.SplitRunTogether && len(word) >= 8 && mayRunTogether(word) {
			t := mk(text, start, end, kind, a.tok.norm)
			for _, p := range SplitRunTogether(parts[:0], t, a.tok.norm) {
				if term := a.TermOf(p.Norm, p.Kind); term != "" {
					dst = append(dst, Term{Term: term, Start: p.Start, End: p.End, Pos: pos})
				}
				pos++
			}
			continue
		}
		// the common case: normalise into scratch and look the word up
		// without allocating
		norm := a.tok.norm.AppendNormalize(scratch[:0], word)
		var term string
		if kind == KindArabic && a.terms != nil {
			if t, ok := a.terms.get(norm); ok {
				if t != "" {
					dst = append(dst, Term{Term: t, Start: start, End: end, Pos: pos})
				}
				pos++
				continue
			}
		}
		term = a.TermOf(string(norm), kind)
		if term != "" {
			dst = append(dst, Term{Term: term, Start: start, End: end, Pos: pos})
		}
		pos++
	}
}

// TermOf maps one normalised token to its term; "" drops it.
func (a *Analyzer) TermOf(norm string, kind Kind) string {
	if kind != KindArabic {
		return norm
	}
	if a.terms != nil {
		if t, ok := a.terms.getString(norm); ok {
			return t
		}
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
