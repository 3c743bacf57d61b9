package ner

import (
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"sort"
)

// pathMargin returns how far the decoded path out wins over its nearest
// rival at its weakest token: the smallest, over tokens i and tags c other
// than out[i], of the path's score minus the best score of a path with c at
// i (max-marginals by a forward and a backward Viterbi pass). emit holds the
// scores numTags a token, penalties already applied. +Inf for an empty
// sentence.
func pathMargin(emit []float32, trans *[numTags + 1][numTags]float32, out []int) float32 {
	n := len(out)
	if n == 0 {
		return float32(math.Inf(1))
	}
	negInf := float32(math.Inf(-1))
	alpha := make([]float32, n*numTags)
	beta := make([]float32, n*numTags)
	for c := 0; c < numTags; c++ {
		if allowedTab[startTag][c] {
			alpha[c] = trans[startTag][c] + emit[c]
		} else {
			alpha[c] = negInf
		}
	}
	for i := 1; i < n; i++ {
		for c := 0; c < numTags; c++ {
			best := negInf
			for p := 0; p < numTags; p++ {
				if !allowedTab[p][c] {
					continue
				}
				if s := alpha[(i-1)*numTags+p] + trans[p][c]; s > best {
					best = s
				}
			}
			alpha[i*numTags+c] = best + emit[i*numTags+c]
		}
	}
	for i := n - 2; i >= 0; i-- {
		for p := 0; p < numTags; p++ {
			best := negInf
			for c := 0; c < numTags; c++ {
				if !allowedTab[p][c] {
					continue
				}
				if s := trans[p][c] + emit[(i+1)*numTags+c] + beta[(i+1)*numTags+c]; s > best {
					best = s
				}
			}
			beta[i*numTags+p] = best
		}
	}
	best := negInf
	for c := 0; c < numTags; c++ {
		best = max(best, alpha[(n-1)*numTags+c])
	}
	margin := float32(math.Inf(1))
	for i := 0; i < n; i++ {
		for c := 0; c < numTags; c++ {
			if c == out[i] {
				continue
			}
			if d := best - (alpha[i*numTags+c] + beta[i*numTags+c]); d < margin {
				margin = d
			}
		}
	}
	return margin
}

// SelfTrainOptions controls self-training: the first pass tags the
// unlabelled news (TrainOptions.TagDistDocs), and the sentences it tags
// with a large margin are added to its training data with a weight below 1.
type SelfTrainOptions struct {
	Weight    float32 // update weight of a machine-tagged sentence (0: self-training off)
	MinMargin float32 // keep sentences whose path margin (pathMargin) is at least this
	Max       int     // keep at most this many (a deterministic sample by the seed; 0: all)
	Names     bool    // keep only sentences with at least one name
	MinLen    int     // and at least this many tokens
	MaxLen    int     // and at most this many (0: any)
	Rounds    int     // retrain and relabel this many times (0: 1)
	// Outer: only the first pass the model runs at tagging time is
	// retrained, on the news as the whole two-pass model tagged it; the
	// inner first passes that make the second pass's training tags stay
	// trained on gold alone. Relist: the corpus tag distributions are then
	// recounted with the retrained first pass.
	Outer, Relist bool
	// Second: the second pass is retrained on gold plus the news as the
	// whole two-pass model tagged it (the first pass untouched).
	Second bool
}

// selfStats counts the news sentences selfLabel saw: all of them, those
// of the right length with a name, and those of these with the margin.
// eligible reports whether a news sentence tagged tags may be a training
// sentence: its length within MinLen..MaxLen and, with Names, a name in it.
func (so SelfTrainOptions) eligible(s []string, tags []int) bool {
	if len(s) < so.MinLen || so.MaxLen > 0 && len(s) > so.MaxLen {
		return false
	}
	return !so.Names || slices.ContainsFunc(tags, func(t int) bool { return t != tagO })
}

type selfStats struct{ all, eligible, confident int }

func (st selfStats) String() string {
	return fmt.Sprintf("of %d news sentences, %d of the right length with a name, %d of these with the margin", st.all, st.eligible, st.confident)
}

// selfLabel tags every sentence of docs with m (a single-pass model, or a
// stacked one) and returns the sentences kept by so, tagged, with weight
// so.Weight. Deterministic for a seed.
func selfLabel(m *Model, lx *Lexicon, docs [][][]string, so SelfTrainOptions, seed uint64) ([]Sentence, selfStats, error) {
	var st selfStats
	tg, err := NewTagger(m, lx)
	if err != nil {
		return nil, st, err
	}
	type cand struct {
		s   Sentence
		key uint64
	}
	var cands []cand
	idx := 0
	for _, d := range docs {
		if len(d) == 0 {
			continue
		}
		norms := make([][]string, len(d))
		for i, s := range d {
			norms[i] = normAll(s)
		}
		margins := make([]float32, len(d))
		tags := tg.tagDoc(d, norms, margins)
		for k, s := range d {
			idx++
			st.all++
			if !so.eligible(s, tags[k]) {
				continue
			}
			st.eligible++
			if margins[k] < so.MinMargin {
				continue
			}
			st.confident++
			h := fnv.New64a()
			var b [16]byte
			for j := 0; j < 8; j++ {
				b[j] = byte(seed >> (8 * j))
				b[8+j] = byte(uint64(idx) >> (8 * j))
			}
			h.Write(b[:])
			cands = append(cands, cand{Sentence{Tokens: s, Tags: tagStrings(tags[k]), Weight: so.Weight}, h.Sum64()})
		}
	}
	if so.Max > 0 && len(cands) > so.Max {
		sort.SliceStable(cands, func(i, j int) bool { return cands[i].key < cands[j].key })
		cands = cands[:so.Max]
	}
	out := make([]Sentence, len(cands))
	for i, c := range cands {
		out[i] = c.s
	}
	return out, st, nil
}

// selfLabelSecond tags the news with the two-pass model m2 (first pass
// m2.First, word lists lx2) and returns the sentences kept by so, with
// their second-pass inputs: the first pass's tags and the document
// counts of their own article, and lx2. Articles are taken in an order
// drawn from the seed until so.Max sentences are kept.
func selfLabelSecond(m2 *Model, lx, lx2 *Lexicon, docs [][][]string, so SelfTrainOptions, seed uint64) ([]Sentence, *docData, error) {
	tg, err := NewTagger(m2, lx2)
	if err != nil {
		return nil, nil, err
	}
	order := make([]int, len(docs))
	keys := make([]uint64, len(docs))
	for i := range docs {
		order[i] = i
		h := fnv.New64a()
		var b [16]byte
		for j := 0; j < 8; j++ {
			b[j] = byte(seed >> (8 * j))
			b[8+j] = byte(uint64(i) >> (8 * j))
		}
		h.Write(b[:])
		keys[i] = h.Sum64()
	}
	sort.SliceStable(order, func(a, b int) bool { return keys[order[a]] < keys[order[b]] })
	var out []Sentence
	dd := &docData{}
	for _, di := range order {
		d := docs[di]
		if len(d) == 0 {
			continue
		}
		if so.Max > 0 && len(out) >= so.Max {
			break
		}
		norms := make([][]string, len(d))
		for i, s := range d {
			norms[i] = normAll(s)
		}
		margins := make([]float32, len(d))
		tags := tg.tagDoc(d, norms, margins)
		sents := make([]Sentence, len(d))
		s1 := make([][]int, len(d))
		conf := make([][]uint16, len(d))
		for k, s := range d {
			sents[k] = Sentence{Tokens: s, Tags: tagStrings(tags[k]), Weight: so.Weight}
			s1[k], conf[k] = firstPass(m2.First, lx, s)
		}
		ad := newDocData(lx, sents, s1)
		for k, s := range d {
			if !so.eligible(s, tags[k]) || margins[k] < so.MinMargin {
				continue
			}
			out = append(out, sents[k])
			dd.s1 = append(dd.s1, s1[k])
			dd.conf = append(dd.conf, conf[k])
			dd.counts = append(dd.counts, ad.counts[k])
			dd.dtrig = append(dd.dtrig, ad.dtrig[k])
			dd.lex = append(dd.lex, lx2)
		}
	}
	return out, dd, nil
}
