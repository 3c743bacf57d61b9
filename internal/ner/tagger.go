// Package ner finds names of persons, organisations, places and other
// entities (PER, ORG, LOC, MISC) in Arabic text: a structured averaged
// perceptron over hashed word, affix, context, trigger, gazetteer and
// word-cluster features, decoded with BIO-constrained Viterbi. The trained
// model and its word lists are embedded in the binary (see docs/NER.md for
// how to retrain them).
package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/marsad-project/marsad/internal/arabic"
)

// Embedded resources, built by `marsad train ner` and by the generator in
// ./gen (sources and licences in NOTICE).
var (
	//go:embed data/model.bin.gz
	embeddedModel []byte
	//go:embed data/gazetteer.tsv.gz
	embeddedGazetteer []byte
	//go:embed data/clusters.tsv.gz
	embeddedClusters []byte
)

// DefaultLexicon returns the embedded gazetteers and word clusters, parsed
// once and shared.
var DefaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	return ParseLexicon(embeddedGazetteer, embeddedClusters)
})

var loadEmbedded = sync.OnceValues(func() (*Tagger, error) {
	lx, err := DefaultLexicon()
	if err != nil {
		return nil, err
	}
	m, err := ReadModel(bytes.NewReader(embeddedModel))
	if err != nil {
		return nil, fmt.Errorf("ner: load model: %w", err)
	}
	return NewTagger(m, lx)
})

// Load returns the tagger built from the embedded model. The model is
// decoded once per process; the Tagger is safe for concurrent use.
func Load() (*Tagger, error) { return loadEmbedded() }

// Tagger tags tokens with BIO tags. It is safe for concurrent use.
type Tagger struct {
	m    *Model
	lx   *Lexicon
	pool sync.Pool // *scratch
}

// scratch is per-call working memory.
type scratch struct {
	fz         featurizer
	text, norm []string
	emit       []float32
	back       []uint8
	out        []int
}

// NewTagger returns a Tagger for m, whose features are computed with lx
// (the Lexicon m was trained with).
func NewTagger(m *Model, lx *Lexicon) (*Tagger, error) {
	if m == nil || lx == nil {
		return nil, fmt.Errorf("ner: new tagger: model and lexicon are required")
	}
	if m.LexiconHash != lx.hash {
		return nil, fmt.Errorf("ner: new tagger: the model was trained with other word lists (lexicon %016x, have %016x): retrain it (docs/NER.md)", m.LexiconHash, lx.hash)
	}
	t := &Tagger{m: m, lx: lx}
	if m.First != nil && m.First.LexiconHash != lx.hash {
		return nil, fmt.Errorf("ner: new tagger: the first-pass model was trained with other word lists: retrain it (docs/NER.md)")
	}
	t.pool.New = func() any { return &scratch{fz: featurizer{lx: lx, set: m.Features}} }
	return t, nil
}

// Model returns the tagger's model.
func (t *Tagger) Model() *Model { return t.m }

// TagTokens returns one BIO tag per token (O, B-PER, I-PER, B-ORG …) of
// one sentence. Tokens come from arabic.Tokenize; the tagger reads Text and
// Norm.
func (t *Tagger) TagTokens(tokens []arabic.Token) []string {
	text := make([]string, len(tokens))
	norm := make([]string, len(tokens))
	for i, tok := range tokens {
		text[i], norm[i] = tok.Text, tok.Norm
	}
	return tagStrings(t.tagDoc([][]string{text}, [][]string{norm})[0])
}

// TagWords returns one BIO tag per word of one pre-tokenised sentence.
func (t *Tagger) TagWords(words []string) []string {
	return t.TagSentences([][]string{words})[0]
}

// TagSentences tags a sequence of pre-tokenised sentences (for example a
// CoNLL file) that follow each other in one text: a stacked model uses the
// neighbouring sentences as document context.
func (t *Tagger) TagSentences(sents [][]string) [][]string {
	norms := make([][]string, len(sents))
	for i, s := range sents {
		norms[i] = normAll(s)
	}
	tags := t.tagDoc(sents, norms)
	out := make([][]string, len(tags))
	for i, ts := range tags {
		out[i] = tagStrings(ts)
	}
	return out
}

// tagDoc tags the sentences of one document (original and normalised
// token texts). Cost: linear in the number of tokens.
func (t *Tagger) tagDoc(texts, norms [][]string) [][]int {
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	out := make([][]int, len(texts))
	first := t.m
	if t.m.First != nil {
		first = t.m.First
	}
	var keys [][]string
	if t.m.First != nil {
		keys = make([][]string, len(texts))
	}
	for k := range texts {
		s.text, s.norm = texts[k], norms[k]
		out[k] = append([]int(nil), decodeModel(first, s, nil, nil)...)
		if keys != nil {
			keys[k] = make([]string, len(texts[k]))
			for i := range s.fz.info {
				keys[k][i] = docKey(&s.fz.info[i])
			}
		}
	}
	if t.m.First == nil {
		return out
	}
	counts := docCounts(keys, out, docWindow)
	for k := range texts {
		s.text, s.norm = texts[k], norms[k]
		out[k] = append(out[k][:0], decodeModel(t.m, s, out[k], counts[k])...)
	}
	s.text, s.norm = nil, nil
	return out
}

// decodeModel tags the sentence in s.text/s.norm with m; s1 and doc are the
// first pass's output for a second-pass model. The result aliases s.out.
func decodeModel(m *Model, s *scratch, s1 []int, doc [][numTags]int32) []int {
	n := len(s.norm)
	s.fz.set = m.Features
	s.fz.prepare(s.text, s.norm)
	s.fz.s1, s.fz.doc = s1, doc
	s.fz.extract()
	s.fz.s1, s.fz.doc = nil, nil
	s.emit = grow(s.emit, n*numTags)
	s.back = growU8(s.back, n*numTags)
	s.out = growInt(s.out, n)
	for i := 0; i < n; i++ {
		row := s.emit[i*numTags : (i+1)*numTags]
		clear(row)
		for _, h := range s.fz.feats[s.fz.offs[i]:s.fz.offs[i+1]] {
			r := m.row(h)
			if r < 0 {
				continue
			}
			ws := m.weights[int(r)*numTags : int(r+1)*numTags]
			for k := range row {
				row[k] += ws[k]
			}
		}
		row[tagO] -= m.OBias
	}
	viterbi(s.emit, &m.trans, s.out, s.back)
	return s.out
}
