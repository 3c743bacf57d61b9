package ner

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"time"

	"github.com/marsad-project/marsad/internal/arabic"
)

// TrainOptions controls training. The zero value is not useful; start from
// DefaultTrainOptions.
type TrainOptions struct {
	Epochs   int        // passes over the training data (at most, with Select)
	Patience int        // with Select: stop after this many epochs without a better dev F1 (0: never stop early)
	Seed     uint64     // seeds the order of sentences in each epoch: same seed, same model
	Features FeatureSet // feature groups
	Folds    int        // with FeatDoc: folds for the first-pass tags of the training data (default 5)
	// Select picks the epoch (early stopping) and the O penalty (recall
	// bias) on the dev set. Without it the dev set is only reported, and
	// the model is the last epoch's with the penalties below: the schedule
	// chosen by cross-validation, with which the shipped model is trained
	// on all the data.
	Select      bool
	FirstEpochs int     // with FeatDoc: epochs of the first pass (0: Epochs)
	OBias       float32 // the O penalty of the (second-pass) model, without Select
	FirstOBias  float32 // with FeatDoc: the O penalty of the first pass, without Select
	Prune       float64 // drop features whose weights are all below this fraction of the largest weight
	// Cost-augmented training (margin): while training, every wrong tag of
	// a token gets this bonus in decoding, so that the gold tag must win by
	// a margin; MarginEntity applies where the gold tag is a name (a missed
	// name costs more than a false one: recall for ORG and MISC).
	Margin, MarginEntity float32
	Runs                 int // perceptrons (sentence orders Seed, Seed+1 …) whose weights are averaged (0, 1: one)
	// With FeatTagDist: the unlabelled articles (sentences of token texts)
	// that first-pass models tag for the corpus tag distributions, and the
	// minimum count of a word in them (0: 3).
	TagDistDocs  [][][]string
	TagDistMin   int
	TagDistByDoc bool // count a word once per article and type (TagDistCounter.AddDoc) instead of once per token
	TagDistNorm  bool // also count normalised forms apart (TagDistCounter.Norm)
	// TagDistTwoPass: the list the model reads at tagging time is counted
	// with the whole two-pass model instead of its first pass (the second
	// pass is still trained on the inner first passes' lists; an experiment).
	TagDistTwoPass bool
	// Self-training of the first pass on TagDistDocs (off when
	// Self.Weight is 0): each first-pass model, the outer one and those of
	// the inner folds, tags the news, and is retrained on its own training
	// sentences plus the news sentences it tagged with a large margin.
	Self     SelfTrainOptions
	Progress io.Writer // per-epoch progress lines; nil for none
}

// DefaultTrainOptions returns the settings the shipped model was trained with.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Epochs: 8, FirstEpochs: 10, OBias: 8, FirstOBias: 8, Runs: 3, Patience: 4, Seed: 1, Features: DefaultFeatures}
}

// EpochReport is what one epoch achieved.
type EpochReport struct {
	Epoch    int
	Mistakes int // training sentences decoded wrongly during the epoch
	Dev      Evaluation
}

// TrainReport sums up a training run.
type TrainReport struct {
	Epochs    []EpochReport
	BestEpoch int // 1-based; the returned model holds this epoch's averaged weights
	Features  int // features in the returned model
	OBias     float32
	// with FeatDoc: the first pass's best epoch and O penalty
	FirstBestEpoch int
	FirstOBias     float32
	// with FeatTagDist: the tag distributions (tagdist.tsv.gz) the model
	// reads at tagging time, from the first-pass model trained on all the
	// training sentences; a Tagger needs lx.WithTagDist(TagDist)
	TagDist []byte
}

// SplitDev carves a deterministic development set out of sents: the last
// ⌈frac × len⌉ sentences. ANERcorp is a sequence of whole news stories, so a
// contiguous tail keeps the dev stories apart from the training ones, as
// the CAMeL Lab train/test split does (it cuts the corpus at 5/6).
func SplitDev(sents []Sentence, frac float64) (train, dev []Sentence) {
	if frac <= 0 {
		return sents, nil
	}
	k := int(math.Ceil(frac * float64(len(sents))))
	if k > len(sents) {
		k = len(sents)
	}
	return sents[:len(sents)-k], sents[len(sents)-k:]
}

// encoded is a sentence as feature ids and gold tag indices.
type encoded struct {
	ids  []int32 // feature ids, token after token
	offs []int32
	gold []int
	wt   float32 // update weight (Sentence.Weight; 1 when 0)
}

// Train learns a model from tagged sentences (tags in any spelling
// CanonicalTag accepts) with a structured averaged perceptron (Collins
// 2002) and BIO-constrained Viterbi decoding. When dev is not empty, the
// averaged weights of the epoch with the best dev F1 are kept.
//
// With FeatDoc in opt.Features the model is stacked: a first-pass model
// (without FeatDoc) tags the text, and a second-pass model also sees those
// tags and the tags of the same words elsewhere in the document. The
// second pass is trained on first-pass tags of the training sentences
// produced by models that did not see them (opt.Folds contiguous folds), so
// that it learns how far to trust the first pass on unseen text.
func Train(ctx context.Context, train, dev []Sentence, lx *Lexicon, opt TrainOptions) (*Model, TrainReport, error) {
	if opt.Features&FeatDoc == 0 {
		opt.Features &^= TagDistGroups // second-pass groups
		return trainStage(ctx, train, dev, nil, nil, lx, opt)
	}
	if opt.Features&FeatTagDist != 0 && len(opt.TagDistDocs) == 0 {
		return nil, TrainReport{}, errors.New("ner: train: the tagdist features need unlabelled articles (TagDistDocs)")
	}
	if opt.Self.Weight > 0 && len(opt.TagDistDocs) == 0 {
		return nil, TrainReport{}, errors.New("ner: train: self-training needs unlabelled articles (TagDistDocs)")
	}
	base := opt
	base.Features &^= FeatDoc | TagDistGroups
	base.OBias = opt.FirstOBias
	if opt.FirstEpochs > 0 {
		base.Epochs = opt.FirstEpochs
	}
	// selfTrain retrains the first-pass model m, trained on gold, on gold
	// plus the news sentences m (then its successor) tagged with a large
	// margin. Only m's own training sentences are involved, so a model
	// that did not see a sentence still has not seen it.
	selfTrain := func(m *Model, gold, dev []Sentence, o TrainOptions) (*Model, error) {
		if opt.Self.Weight <= 0 || opt.Self.Outer || opt.Self.Second {
			return m, nil
		}
		for r := 0; r < max(opt.Self.Rounds, 1); r++ {
			ps, st, err := selfLabel(m, lx, opt.TagDistDocs, opt.Self, opt.Seed)
			if err != nil {
				return nil, err
			}
			logf(opt.Progress, "self-training round %d: %d news sentences added (weight %.2f; %s)\n", r+1, len(ps), opt.Self.Weight, st)
			all := append(append(make([]Sentence, 0, len(gold)+len(ps)), gold...), ps...)
			if m, _, err = trainStage(ctx, all, dev, nil, nil, lx, o); err != nil {
				return nil, err
			}
		}
		return m, nil
	}
	logf(opt.Progress, "first pass:\n")
	m1, rep1, err := trainStage(ctx, train, dev, nil, nil, lx, base)
	if err != nil {
		return nil, rep1, err
	}
	if opt.Self.Weight > 0 {
		so := base
		so.Select = false
		so.Epochs, so.OBias = rep1.BestEpoch, m1.OBias
		if m1, err = selfTrain(m1, train, nil, so); err != nil {
			return nil, rep1, err
		}
	}
	folds := opt.Folds
	if folds < 2 {
		folds = 5
	}
	trS1 := make([][]int, len(train))
	trConf := make([][]uint16, len(train))
	// With FeatTagDist, the training sentences of fold k read the tag
	// distributions of the news as tagged by the first-pass model that did
	// not see them, as their first-pass tags come from it: a model that saw
	// a sentence would type its rare words in the news by memory, and the
	// second pass would learn to trust the distributions more than they
	// deserve on unseen text.
	tdMin := opt.TagDistMin
	if tdMin <= 0 {
		tdMin = 3
	}
	var trLex []*Lexicon
	tdLex := func(m *Model) (*Lexicon, []byte, error) {
		tg, err := NewTagger(m, lx)
		if err != nil {
			return nil, nil, err
		}
		gz, err := TagDistOf(tg, opt.TagDistDocs, opt.TagDistByDoc, opt.TagDistNorm).Gzip(tdMin)
		if err != nil {
			return nil, nil, err
		}
		l, err := lx.WithTagDist(gz)
		return l, gz, err
	}
	if opt.Features&FeatTagDist != 0 {
		trLex = make([]*Lexicon, len(train))
	}
	fopt := base
	fopt.Epochs, fopt.Patience, fopt.Progress, fopt.Select, fopt.OBias = rep1.BestEpoch, 0, nil, false, m1.OBias
	for k := 0; k < folds; k++ {
		lo, hi := k*len(train)/folds, (k+1)*len(train)/folds
		rest := append(append([]Sentence(nil), train[:lo]...), train[hi:]...)
		mk, _, err := trainStage(ctx, rest, nil, nil, nil, lx, fopt)
		if err != nil {
			return nil, rep1, err
		}
		if mk, err = selfTrain(mk, rest, nil, fopt); err != nil {
			return nil, rep1, err
		}
		for i := lo; i < hi; i++ {
			trS1[i], trConf[i] = firstPass(mk, lx, train[i].Tokens)
		}
		if trLex != nil {
			lk, _, err := tdLex(mk)
			if err != nil {
				return nil, rep1, err
			}
			for i := lo; i < hi; i++ {
				trLex[i] = lk
			}
		}
		logf(opt.Progress, "first pass, fold %d/%d: tagged sentences %d–%d with a model trained without them\n", k+1, folds, lo+1, hi)
	}
	dvS1 := make([][]int, len(dev))
	dvConf := make([][]uint16, len(dev))
	for i := range dev {
		dvS1[i], dvConf[i] = firstPass(m1, lx, dev[i].Tokens)
	}
	lx2 := lx
	var tdGz []byte
	if trLex != nil {
		if lx2, tdGz, err = tdLex(m1); err != nil {
			return nil, rep1, err
		}
		logf(opt.Progress, "tag distributions: %d words\n", len(lx2.td))
	}
	logf(opt.Progress, "second pass:\n")
	trDD, dvDD := newDocData(lx, train, trS1), newDocData(lx, dev, dvS1)
	trDD.conf, dvDD.conf = trConf, dvConf
	trDD.lex = trLex
	m2, rep, err := trainStage(ctx, train, dev, trDD, dvDD, lx2, opt)
	if err != nil {
		return nil, rep, err
	}
	m2.First = m1
	if opt.Self.Weight > 0 && opt.Self.Second {
		ns, nd, err := selfLabelSecond(m2, lx, lx2, opt.TagDistDocs, opt.Self, opt.Seed)
		if err != nil {
			return nil, rep, err
		}
		logf(opt.Progress, "self-training: %d news sentences tagged by the two-pass model added to the second pass's (weight %.2f)\n", len(ns), opt.Self.Weight)
		all := append(append(make([]Sentence, 0, len(train)+len(ns)), train...), ns...)
		lexes := trDD.lex
		if lexes == nil {
			lexes = make([]*Lexicon, len(train))
			for i := range lexes {
				lexes[i] = lx2
			}
		}
		allDD := &docData{
			s1:     append(append([][]int(nil), trDD.s1...), nd.s1...),
			conf:   append(append([][]uint16(nil), trDD.conf...), nd.conf...),
			counts: append(append([][][numTags]int32(nil), trDD.counts...), nd.counts...),
			dtrig:  append(append([][][numTags]int32(nil), trDD.dtrig...), nd.dtrig...),
			lex:    append(append([]*Lexicon(nil), lexes...), nd.lex...),
		}
		if m2, rep, err = trainStage(ctx, all, dev, allDD, dvDD, lx2, opt); err != nil {
			return nil, rep, err
		}
		m2.First = m1
	}
	if opt.Self.Weight > 0 && opt.Self.Outer {
		ps, st, err := selfLabel(m2, lx2, opt.TagDistDocs, opt.Self, opt.Seed)
		if err != nil {
			return nil, rep, err
		}
		logf(opt.Progress, "self-training: %d news sentences tagged by the two-pass model added to the first pass's (weight %.2f; %s)\n", len(ps), opt.Self.Weight, st)
		so := base
		so.Select = false
		so.Epochs, so.OBias = rep1.BestEpoch, m1.OBias
		all := append(append(make([]Sentence, 0, len(train)+len(ps)), train...), ps...)
		if m1, _, err = trainStage(ctx, all, nil, nil, nil, lx, so); err != nil {
			return nil, rep, err
		}
		m2.First = m1
		if opt.Self.Relist && trLex != nil {
			var l *Lexicon
			if l, tdGz, err = tdLex(m1); err != nil {
				return nil, rep, err
			}
			m2.LexiconHash = l.hashFor(m2.Features)
		}
	}
	if opt.TagDistTwoPass && trLex != nil {
		tg, err := NewTagger(m2, lx2)
		if err != nil {
			return nil, rep, err
		}
		if tdGz, err = TagDistOf(tg, opt.TagDistDocs, opt.TagDistByDoc, opt.TagDistNorm).Gzip(tdMin); err != nil {
			return nil, rep, err
		}
		l, err := lx.WithTagDist(tdGz)
		if err != nil {
			return nil, rep, err
		}
		m2.LexiconHash = l.hashFor(m2.Features)
		logf(opt.Progress, "tag distributions counted with the two-pass model: %d words\n", len(l.td))
	}
	rep.FirstBestEpoch, rep.FirstOBias = rep1.BestEpoch, m1.OBias
	rep.TagDist = tdGz
	return m2, rep, nil
}

// docData is the first pass's output over a stream of sentences.
type docData struct {
	s1     [][]int
	conf   [][]uint16
	counts [][][numTags]int32
	dtrig  [][][numTags]int32
	lex    []*Lexicon // with FeatTagDist: each sentence's word lists (nil: the model's)
}

func newDocData(lx *Lexicon, sents []Sentence, s1 [][]int) *docData {
	fz := &featurizer{lx: lx}
	keys := make([][]string, len(sents))
	trig := make([][]int, len(sents))
	for k, s := range sents {
		fz.prepare(s.Tokens, normAll(s.Tokens))
		keys[k] = make([]string, len(s.Tokens))
		trig[k] = make([]int, len(s.Tokens))
		for i := range fz.info {
			keys[k][i] = docKey(&fz.info[i])
			trig[k][i] = docTrigOf(fz.info, i)
		}
	}
	return &docData{s1: s1, counts: docCounts(keys, s1, docWindow), dtrig: docCounts(keys, trig, docWindow)}
}

// firstPass tags one sentence with a single-pass model.
func firstPass(m *Model, lx *Lexicon, toks []string) ([]int, []uint16) {
	s := &scratch{fz: featurizer{lx: lx, set: m.Features}}
	s.text = toks
	s.norm = normAll(toks)
	s.fz.prepare(s.text, s.norm)
	s.fz.extract()
	em := make([]float32, len(toks)*numTags)
	for i := range toks {
		row := em[i*numTags : (i+1)*numTags]
		for _, h := range s.fz.feats[s.fz.offs[i]:s.fz.offs[i+1]] {
			if w := m.lookup(h); w != nil {
				for j := range row {
					row[j] += w[j]
				}
			}
		}
	}
	conf := make([]uint16, len(toks))
	for i := range toks {
		conf[i] = confOf(em[i*numTags : (i+1)*numTags])
	}
	return append([]int(nil), s.decode(m, em)...), conf
}

// trainStage trains one perceptron; trDoc/dvDoc carry first-pass output
// for a second-pass model (nil otherwise).
func trainStage(ctx context.Context, train, dev []Sentence, trDoc, dvDoc *docData, lx *Lexicon, opt TrainOptions) (*Model, TrainReport, error) {
	var rep TrainReport
	if len(train) == 0 {
		return nil, rep, errors.New("ner: train: no training sentences")
	}
	if opt.Epochs <= 0 {
		return nil, rep, errors.New("ner: train: epochs must be positive")
	}
	train, err := CanonicalSentences(train)
	if err != nil {
		return nil, rep, fmt.Errorf("ner: train: %w", err)
	}
	if dev != nil {
		if dev, err = CanonicalSentences(dev); err != nil {
			return nil, rep, fmt.Errorf("ner: train: dev: %w", err)
		}
	}
	fz := &featurizer{lx: lx, set: opt.Features}
	index := map[uint64]int32{}
	var keys []uint64
	enc := func(s Sentence, grow bool, dd *docData, k int) encoded {
		fz.lx = lx
		if dd != nil && dd.lex != nil {
			fz.lx = dd.lex[k]
		}
		fz.prepare(s.Tokens, normAll(s.Tokens))
		fz.s1, fz.doc, fz.dtrig, fz.conf, fz.tds = nil, nil, nil, nil, nil
		if dd != nil {
			fz.s1, fz.doc, fz.dtrig = dd.s1[k], dd.counts[k], dd.dtrig[k]
			if dd.conf != nil {
				fz.conf = dd.conf[k]
			}
			if opt.Features&FeatTagDist != 0 {
				fz.tds = make([]tagDist, len(fz.info))
				for i := range fz.info {
					fz.tds[i] = fz.info[i].td
				}
			}
		}
		fz.extract()
		e := encoded{offs: make([]int32, 1, len(s.Tokens)+1), gold: make([]int, len(s.Tokens)), wt: 1}
		if s.Weight > 0 {
			e.wt = s.Weight
		}
		for i := range s.Tokens {
			for _, h := range fz.feats[fz.offs[i]:fz.offs[i+1]] {
				id, ok := index[h]
				if !ok && grow {
					id = int32(len(keys))
					index[h] = id
					keys = append(keys, h)
					ok = true
				}
				if ok {
					e.ids = append(e.ids, id)
				}
			}
			e.offs = append(e.offs, int32(len(e.ids)))
			e.gold[i], _ = tagIndex(s.Tags[i])
		}
		return e
	}
	tr := make([]encoded, len(train))
	for i, s := range train {
		tr[i] = enc(s, true, trDoc, i)
	}
	dv := make([]encoded, len(dev))
	for i, s := range dev {
		dv[i] = enc(s, false, dvDoc, i)
	}
	nf := len(keys)
	logf(opt.Progress, "features: %d (groups %s), training sentences %d, dev sentences %d\n", nf, opt.Features, len(tr), len(dv))

	var emit []float32
	var back []uint8
	var pred []int
	var trans32 [numTags + 1][numTags]float32
	decode := func(e *encoded, weights []float32, trans *[numTags + 1][numTags]float32, obias float32, cost bool) []int {
		n := len(e.gold)
		emit = grow(emit, n*numTags)
		back = growU8(back, n*numTags)
		pred = growInt(pred, n)
		for i := 0; i < n; i++ {
			row := emit[i*numTags : (i+1)*numTags]
			clear(row)
			for _, id := range e.ids[e.offs[i]:e.offs[i+1]] {
				ws := weights[int(id)*numTags : int(id+1)*numTags]
				for t := range row {
					row[t] += ws[t]
				}
			}
			row[tagO] -= obias
			if cost {
				m := opt.Margin
				if e.gold[i] != tagO {
					m = opt.MarginEntity
				}
				for t := range row {
					if t != e.gold[i] {
						row[t] += m
					}
				}
			}
		}
		viterbi(emit[:n*numTags], trans, pred[:n], back)
		return pred[:n]
	}
	// With opt.Runs > 1, several perceptrons are trained, each on its own
	// sentence order, and their averaged weights are averaged: a bagging of
	// orders that smooths the perceptron's dependence on the last sentences
	// it saw.
	runs := max(opt.Runs, 1)
	var bestSum []float32
	var btransSum [numTags + 1][numTags]float32
	var best []float32
	var btrans [numTags + 1][numTags]float32
	bestF := -1.0
	for run := 0; run < runs; run++ {
		bestF = -1.0
		w := make([]float32, nf*numTags)
		u := make([]float32, nf*numTags) // Σ c·Δw, for averaging (Daumé's trick)
		var tw, tu [numTags + 1][numTags]float64
		avg := make([]float32, nf*numTags)
		var tavg [numTags + 1][numTags]float32
		c := 1.0

		rng := rand.New(rand.NewPCG(opt.Seed+uint64(run), 0x6d61727361640a))
		order := make([]int, len(tr))
		for i := range order {
			order[i] = i
		}
		update := func(e *encoded, i, t int, d float32) {
			cd := float32(c) * d
			for _, id := range e.ids[e.offs[i]:e.offs[i+1]] {
				w[int(id)*numTags+t] += d
				u[int(id)*numTags+t] += cd
			}
		}
		stale := 0
		for ep := 1; ep <= opt.Epochs; ep++ {
			if err := ctx.Err(); err != nil {
				return nil, rep, fmt.Errorf("ner: train: %w", err)
			}
			t0 := time.Now()
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			mistakes := 0
			for _, si := range order {
				e := &tr[si]
				for p := range trans32 {
					for q := range trans32[p] {
						trans32[p][q] = float32(tw[p][q])
					}
				}
				p := decode(e, w, &trans32, 0, opt.Margin != 0 || opt.MarginEntity != 0)
				wrong := false
				prevG, prevP := startTag, startTag
				wt := float64(e.wt)
				for i, g := range e.gold {
					if p[i] != g {
						wrong = true
						update(e, i, g, e.wt)
						update(e, i, p[i], -e.wt)
					}
					if p[i] != g || prevG != prevP {
						tw[prevG][g] += wt
						tu[prevG][g] += c * wt
						tw[prevP][p[i]] -= wt
						tu[prevP][p[i]] -= c * wt
					}
					prevG, prevP = g, p[i]
				}
				if wrong {
					mistakes++
				}
				c++
			}
			// averaged weights: w − u/c
			inv := float32(1 / c)
			for i := range avg {
				avg[i] = w[i] - u[i]*inv
			}
			for p := range tavg {
				for q := range tavg[p] {
					tavg[p][q] = float32(tw[p][q] - tu[p][q]/c)
				}
			}
			er := EpochReport{Epoch: ep, Mistakes: mistakes}
			if len(dv) > 0 {
				gold := make([][]string, len(dv))
				predT := make([][]string, len(dv))
				for i := range dv {
					gold[i] = tagStrings(dv[i].gold)
					predT[i] = tagStrings(decode(&dv[i], avg, &tavg, 0, false))
				}
				er.Dev = Evaluate(gold, predT)
			}
			rep.Epochs = append(rep.Epochs, er)
			f := er.Dev.Overall.F1()
			improved := !opt.Select || len(dv) == 0 || f > bestF
			if len(dv) > 0 {
				logf(opt.Progress, "epoch %2d  mistakes %5d/%d  dev P %.4f R %.4f F1 %.4f  %s  (%.1fs)%s\n",
					ep, mistakes, len(tr), er.Dev.Overall.P(), er.Dev.Overall.R(), f, typeF1s(er.Dev), time.Since(t0).Seconds(), mark(improved && opt.Select))
			} else {
				logf(opt.Progress, "epoch %2d  mistakes %5d/%d  (%.1fs)\n", ep, mistakes, len(tr), time.Since(t0).Seconds())
			}
			if improved {
				bestF = f
				rep.BestEpoch = ep
				best = append(best[:0], avg...)
				btrans = tavg
				stale = 0
			} else if stale++; opt.Patience > 0 && stale >= opt.Patience {
				logf(opt.Progress, "no dev improvement for %d epochs: stopping\n", stale)
				break
			}
		}
		if runs > 1 {
			if bestSum == nil {
				bestSum = make([]float32, len(best))
			}
			for i, v := range best {
				bestSum[i] += v
			}
			for p := range btrans {
				for q := range btrans[p] {
					btransSum[p][q] += btrans[p][q]
				}
			}
		}
	}
	if runs > 1 {
		for i := range bestSum {
			best[i] = bestSum[i] / float32(runs)
		}
		for p := range btrans {
			for q := range btrans[p] {
				btrans[p][q] = btransSum[p][q] / float32(runs)
			}
		}
	}
	// Keep the rows that survive int16 quantisation (the rest are zero in
	// the written model anyway).
	maxAbs := float32(0)
	for _, v := range best {
		if a := float32(math.Abs(float64(v))); a > maxAbs {
			maxAbs = a
		}
	}
	eps := maxAbs / 32767 / 2
	if p := float32(opt.Prune) * maxAbs; p > eps {
		eps = p
	}
	var kk []uint64
	var ww []float32
	for id, k := range keys {
		row := best[id*numTags : (id+1)*numTags]
		keep := false
		for _, v := range row {
			if v > eps || v < -eps {
				keep = true
				break
			}
		}
		if keep {
			kk = append(kk, k)
			ww = append(ww, row...)
		}
	}
	// Recall bias: a perceptron trained on text where O outnumbers names
	// 12 to 1 is cautious (dev recall well below precision), so pick the
	// O penalty that maximises dev F1.
	obias := opt.OBias
	if len(dv) > 0 && opt.Select {
		obias = 0
		gold := make([][]string, len(dv))
		for i := range dv {
			gold[i] = tagStrings(dv[i].gold)
		}
		bestB := bestF
		for _, b := range []float32{0.5, 1, 2, 3, 4, 6, 8, 12, 16} {
			predT := make([][]string, len(dv))
			for i := range dv {
				predT[i] = tagStrings(decode(&dv[i], best, &btrans, b, false))
			}
			ev := Evaluate(gold, predT)
			logf(opt.Progress, "O bias %4.1f: dev P %.4f R %.4f F1 %.4f\n", b, ev.Overall.P(), ev.Overall.R(), ev.Overall.F1())
			if f := ev.Overall.F1(); f > bestB+0.001 {
				bestB, obias = f, b
			}
		}
		logf(opt.Progress, "O bias kept: %.1f (dev F1 %.4f)\n", obias, bestB)
	}
	var lexHash uint64
	if lx != nil {
		lexHash = lx.hashFor(opt.Features)
	}
	m := newModel(opt.Features, lexHash, &btrans, kk, ww)
	m.OBias = obias
	rep.OBias = obias
	rep.Features = len(kk)
	if opt.Select && len(dv) > 0 {
		logf(opt.Progress, "best epoch %d (dev F1 %.4f); ", rep.BestEpoch, bestF)
	} else {
		logf(opt.Progress, "epoch %d, %d perceptron(s) averaged; ", rep.BestEpoch, runs)
	}
	logf(opt.Progress, "%d of %d features kept\n", len(kk), nf)
	return m, rep, nil
}

func mark(b bool) string {
	if b {
		return "  *"
	}
	return ""
}

func typeF1s(ev Evaluation) string {
	s := ""
	for _, t := range entityTypes {
		if sc, ok := ev.ByType[t]; ok {
			s += fmt.Sprintf(" %s %.3f", t, sc.F1())
		}
	}
	return s
}

func logf(w io.Writer, format string, a ...any) {
	if w != nil {
		fmt.Fprintf(w, format, a...)
	}
}

func tagStrings(tags []int) []string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = tagNames[t]
	}
	return out
}

func normAll(toks []string) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = arabic.Normalize(t)
	}
	return out
}

func grow(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n)
	}
	return s[:n]
}

func growU8(s []uint8, n int) []uint8 {
	if cap(s) < n {
		return make([]uint8, n)
	}
	return s[:n]
}

func growInt(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}
