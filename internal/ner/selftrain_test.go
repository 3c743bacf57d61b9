package ner

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"
)

// TestPathMarginBruteForce checks pathMargin against every tag sequence of
// short random sentences: the margin is the decoded path's score minus the
// best score of an allowed path that differs from it at some token.
func TestPathMarginBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 200; trial++ {
		n := 1 + rng.IntN(3)
		emit := make([]float32, n*numTags)
		for i := range emit {
			emit[i] = float32(rng.NormFloat64() * 3)
		}
		var trans [numTags + 1][numTags]float32
		for p := range trans {
			for c := range trans[p] {
				trans[p][c] = float32(rng.NormFloat64())
			}
		}
		out := make([]int, n)
		viterbi(emit, &trans, out, make([]uint8, n*numTags))
		score := func(seq []int) (float32, bool) {
			s, prev := float32(0), startTag
			for i, c := range seq {
				if !allowed(prev, c) {
					return 0, false
				}
				s += trans[prev][c] + emit[i*numTags+c]
				prev = c
			}
			return s, true
		}
		best, _ := score(out)
		rival := float32(math.Inf(-1))
		seq := make([]int, n)
		var walk func(i int)
		walk = func(i int) {
			if i == n {
				same := true
				for j := range seq {
					same = same && seq[j] == out[j]
				}
				if s, ok := score(seq); ok && !same && s > rival {
					rival = s
				}
				return
			}
			for c := 0; c < numTags; c++ {
				seq[i] = c
				walk(i + 1)
			}
		}
		walk(0)
		got := pathMargin(emit, &trans, out)
		if want := best - rival; math.Abs(float64(got-want)) > 1e-3 {
			t.Fatalf("trial %d (n=%d): pathMargin %v, brute force %v", trial, n, got, want)
		}
	}
}

// TestSentenceWeight: two sentences disagree on a word's type; the one
// with the larger weight decides it.
func TestSentenceWeight(t *testing.T) {
	lx := testLexicon(t)
	tag := func(wPer, wLoc float32) string {
		sents := []Sentence{
			{Tokens: []string{"زار", "كرمون", "أمس"}, Tags: []string{"O", "B-PER", "O"}, Weight: wPer},
			{Tokens: []string{"زار", "كرمون", "أمس"}, Tags: []string{"O", "B-LOC", "O"}, Weight: wLoc},
		}
		o := DefaultTrainOptions()
		o.Features, o.Epochs, o.Runs, o.OBias = FeatWord, 10, 1, 0
		m, _, err := trainStage(context.Background(), sents, nil, nil, nil, lx, o)
		if err != nil {
			t.Fatal(err)
		}
		tg, err := NewTagger(m, lx)
		if err != nil {
			t.Fatal(err)
		}
		return tg.TagWords([]string{"زار", "كرمون", "أمس"})[1]
	}
	if got := tag(1, 0.1); got != "B-PER" {
		t.Errorf("PER sentence weighted 1, LOC 0.1: %s, want B-PER", got)
	}
	if got := tag(0.1, 1); got != "B-LOC" {
		t.Errorf("PER sentence weighted 0.1, LOC 1: %s, want B-LOC", got)
	}
}
