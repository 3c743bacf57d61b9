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
	//go:embed data/names.tsv.gz
	embeddedNames []byte
	//go:embed data/brown.tsv.gz
	embeddedBrown []byte
	//go:embed data/tagdist.tsv.gz
	embeddedTagDist []byte
)

// DefaultLexicon returns the embedded gazetteers and word clusters, parsed
// once and shared read-only.
func DefaultLexicon() (*Lexicon, error) { return defaultLexicon() }

var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	lx, err := ParseLexicon(embeddedGazetteer, embeddedClusters, embeddedNames, embeddedBrown)
	if err != nil {
		return nil, err
	}
	return lx.WithTagDist(embeddedTagDist)
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
	tab  *table // weights of m (and of m.First), for scoring
	lx   *Lexicon
	pool sync.Pool // *scratch
}

// scratch is per-call working memory.
type scratch struct {
	fz         featurizer
	cache      map[wordKey]*[2][numTags]int32 // scores of a word's intrinsic features, both passes
	ibuf       []uint64
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
	if m.LexiconHash != lx.hashFor(m.Features) {
		return nil, fmt.Errorf("ner: new tagger: the model was trained with other word lists (lexicon %016x, have %016x): retrain it (docs/NER.md)", m.LexiconHash, lx.hashFor(m.Features))
	}
	t := &Tagger{m: m, lx: lx}
	if m.First != nil {
		t.tab = newTable(m.First, m)
	} else {
		t.tab = newTable(m)
	}
	if m.First != nil && m.First.LexiconHash != lx.hashFor(m.First.Features) {
		return nil, fmt.Errorf("ner: new tagger: the first-pass model was trained with other word lists: retrain it (docs/NER.md)")
	}
	if m.First != nil && m.First.Features != m.Features&^(FeatDoc|TagDistGroups) {
		return nil, fmt.Errorf("ner: new tagger: first pass features %s do not match %s", m.First.Features, m.Features)
	}
	if (m.First != nil) != (m.Features&FeatDoc != 0) {
		return nil, fmt.Errorf("ner: new tagger: a model with document features needs its first pass")
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
	return tagStrings(t.tagDoc([][]string{text}, [][]string{norm}, nil)[0])
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
	tags := t.tagDoc(sents, norms, nil)
	out := make([][]string, len(tags))
	for i, ts := range tags {
		out[i] = tagStrings(ts)
	}
	return out
}

// wordKey identifies what a token's intrinsic features depend on.
type wordKey struct {
	norm  string
	shape byte
}

// maxCache bounds the per-scratch cache of word scores.
const maxCache = 1 << 16

// intrinsic returns the summed int16 weights, for both passes, of the
// features that depend only on the token itself, cached per word: words
// repeat (Zipf), and these are about half of a token's features.
func (t *Tagger) intrinsic(s *scratch, ti *tokInfo) *[2][numTags]int32 {
	k := wordKey{ti.norm, ti.shape}
	if v, ok := s.cache[k]; ok {
		return v
	}
	if s.cache == nil || len(s.cache) >= maxCache {
		s.cache = make(map[wordKey]*[2][numTags]int32, 1024)
	}
	v := new([2][numTags]int32)
	s.ibuf = s.fz.appendIntrinsic(s.ibuf[:0], ti)
	for _, h := range s.ibuf {
		if sl := t.tab.lookup(h); sl != nil {
			for j := 0; j < numTags; j++ {
				v[0][j] += int32(sl.w[0][j])
				v[1][j] += int32(sl.w[1][j])
			}
		}
	}
	s.cache[k] = v
	return v
}

// score fills em1 (and em2, when not nil) with the two passes' scores of
// the prepared sentence's intrinsic and context features.
func (t *Tagger) score(s *scratch, em1, em2 []float32) {
	s.fz.extractContext()
	for i := range s.fz.info {
		a := *t.intrinsic(s, &s.fz.info[i])
		for _, h := range s.fz.feats[s.fz.offs[i]:s.fz.offs[i+1]] {
			if sl := t.tab.lookup(h); sl != nil {
				for j := 0; j < numTags; j++ {
					a[0][j] += int32(sl.w[0][j])
					a[1][j] += int32(sl.w[1][j])
				}
			}
		}
		r1 := em1[i*numTags : (i+1)*numTags]
		for j := range r1 {
			r1[j] = float32(a[0][j]) * t.tab.scale[0]
		}
		if em2 != nil {
			r2 := em2[i*numTags : (i+1)*numTags]
			for j := range r2 {
				r2[j] = float32(a[1][j]) * t.tab.scale[1]
			}
		}
	}
}

// tagDoc tags the sentences of one document (original and normalised
// token texts). Cost: linear in the number of tokens.
//
// A stacked model's features are its first pass's plus the document
// features, so the shared features are extracted and looked up once, for
// both passes (the table holds both passes' weights side by side); the
// second model's partial scores wait, numTags floats a token, until the
// document counts are known.
func (t *Tagger) tagDoc(texts, norms [][]string, margins []float32) [][]int {
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	out := make([][]int, len(texts))
	m2 := t.m
	m1 := m2.First
	if m1 == nil {
		s.fz.set = m2.Features
		for k := range texts {
			s.text, s.norm = texts[k], norms[k]
			s.fz.prepare(s.text, s.norm)
			n := len(s.norm)
			s.emit = grow(s.emit, n*numTags)
			t.score(s, s.emit, nil)
			out[k] = append([]int(nil), s.decode(m2, s.emit)...)
			if margins != nil {
				margins[k] = pathMargin(s.emit[:n*numTags], &m2.trans, out[k])
			}
		}
		s.text, s.norm = nil, nil
		return out
	}
	s.fz.set = m1.Features
	keys := make([][]string, len(texts))
	var trig [][]int
	var trigSlab []int
	if m2.Features&FeatDocTrig != 0 {
		trig = make([][]int, len(texts))
	}
	var tds [][]tagDist
	if m2.Features&FeatTagDist != 0 && t.lx.td != nil {
		tds = make([][]tagDist, len(texts))
	}
	partial := make([][]float32, len(texts))
	var conf [][]uint16
	if m2.Features&FeatConf != 0 {
		conf = make([][]uint16, len(texts))
	}
	for k := range texts {
		s.text, s.norm = texts[k], norms[k]
		s.fz.prepare(s.text, s.norm)
		n := len(s.norm)
		s.emit = grow(s.emit, n*numTags)
		partial[k] = make([]float32, n*numTags)
		t.score(s, s.emit, partial[k])
		if conf != nil {
			conf[k] = make([]uint16, n)
			for i := range conf[k] {
				conf[k][i] = confOf(s.emit[i*numTags : (i+1)*numTags])
			}
		}
		out[k] = append([]int(nil), s.decode(m1, s.emit)...)
		keys[k] = make([]string, n)
		for i := range s.fz.info {
			keys[k][i] = docKey(&s.fz.info[i])
		}
		if tds != nil {
			tds[k] = make([]tagDist, n)
			for i := range s.fz.info {
				if m2.Features&FeatTagDistNoTrig == 0 || s.fz.info[i].trig == 0 {
					tds[k][i] = t.lx.tagDist(s.fz.info[i].norm, s.fz.info[i].core)
				}
			}
		}
		if trig != nil {
			if len(trigSlab) < n {
				trigSlab = make([]int, max(n, 1024))
			}
			trig[k], trigSlab = trigSlab[:n:n], trigSlab[n:]
			for i := range s.fz.info {
				trig[k][i] = docTrigOf(s.fz.info, i)
			}
		}
	}
	counts := docCounts(keys, out, docWindow)
	var dtrig [][][numTags]int32
	if trig != nil {
		dtrig = docCounts(keys, trig, docWindow)
	}
	fz := &s.fz
	for k := range texts {
		s.text, s.norm = texts[k], norms[k]
		n := len(texts[k])
		fz.s1, fz.doc = out[k], counts[k]
		if conf != nil {
			fz.conf = conf[k]
		}
		if dtrig != nil {
			fz.dtrig = dtrig[k]
		}
		if tds != nil {
			fz.tds = tds[k]
		}
		fz.set = m2.Features
		em := partial[k]
		for i := 0; i < n; i++ {
			fz.feats = fz.appendDoc(fz.feats[:0], i)
			row := em[i*numTags : (i+1)*numTags]
			var acc [numTags]int32
			for _, h := range fz.feats {
				if sl := t.tab.lookup(h); sl != nil {
					for j := range acc {
						acc[j] += int32(sl.w[1][j])
					}
				}
			}
			for j := range row {
				row[j] += float32(acc[j]) * t.tab.scale[1]
			}
		}
		fz.s1, fz.doc, fz.dtrig, fz.conf, fz.tds = nil, nil, nil, nil, nil
		fz.set = m1.Features
		out[k] = append(out[k][:0], s.decode(m2, em)...)
		if margins != nil {
			margins[k] = pathMargin(em, &m2.trans, out[k])
		}
	}
	s.text, s.norm = nil, nil
	return out
}

// decode runs Viterbi with m over emission scores em (numTags a token),
// after m's O penalty. The result aliases s.out.
func (s *scratch) decode(m *Model, em []float32) []int {
	n := len(s.norm)
	if m.OBias != 0 {
		for i := 0; i < n; i++ {
			em[i*numTags+tagO] -= m.OBias
		}
	}
	if m.TypeBias != [4]float32{} {
		for i := 0; i < n; i++ {
			for t := 1; t < numTags; t++ {
				em[i*numTags+t] += m.TypeBias[typeOf(t)]
			}
		}
	}
	s.back = growU8(s.back, n*numTags)
	s.out = growInt(s.out, n)
	viterbi(em, &m.trans, s.out, s.back)
	return s.out
}
