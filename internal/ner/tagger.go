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
	t.pool.New = func() any { return &scratch{fz: featurizer{lx: lx, set: m.Features}} }
	return t, nil
}

// Model returns the tagger's model.
func (t *Tagger) Model() *Model { return t.m }

// TagTokens returns one BIO tag per token (O, B-PER, I-PER, B-ORG …).
// Tokens come from arabic.Tokenize; the tagger reads Text and Norm.
func (t *Tagger) TagTokens(tokens []arabic.Token) []string {
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	s.text, s.norm = s.text[:0], s.norm[:0]
	for _, tok := range tokens {
		s.text = append(s.text, tok.Text)
		s.norm = append(s.norm, tok.Norm)
	}
	return tagStrings(t.tag(s))
}

// TagWords returns one BIO tag per word of a pre-tokenised sentence (for
// example a CoNLL file).
func (t *Tagger) TagWords(words []string) []string {
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	s.text = append(s.text[:0], words...)
	s.norm = s.norm[:0]
	for _, w := range words {
		s.norm = append(s.norm, arabic.Normalize(w))
	}
	return tagStrings(t.tag(s))
}

// tag decodes s.text/s.norm; the result aliases s.out.
func (t *Tagger) tag(s *scratch) []int {
	n := len(s.norm)
	s.fz.prepare(s.text, s.norm)
	s.fz.extract()
	s.emit = grow(s.emit, n*numTags)
	s.back = growU8(s.back, n*numTags)
	s.out = growInt(s.out, n)
	m := t.m
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
	}
	viterbi(s.emit, &m.trans, s.out, s.back)
	return s.out
}
