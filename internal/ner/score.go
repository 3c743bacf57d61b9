package ner

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Score is entity-level precision, recall and F1 (conlleval rules, the
// same as ../shared/eval/conll_score.py).
type Score struct {
	Gold, Pred, Correct int
}

// P returns precision.
func (s Score) P() float64 { return ratio(s.Correct, s.Pred) }

// R returns recall.
func (s Score) R() float64 { return ratio(s.Correct, s.Gold) }

// F1 returns the harmonic mean of P and R.
func (s Score) F1() float64 {
	p, r := s.P(), s.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Evaluation holds overall and per-type scores.
type Evaluation struct {
	Overall Score
	ByType  map[string]Score
}

type span struct {
	start, end int
	typ        string
}

// spansOf returns the entities of a BIO sequence; an I-X after O or after
// another type opens a new entity, as conlleval does.
func spansOf(tags []string) []span {
	var out []span
	start, typ := -1, ""
	for i := 0; i <= len(tags); i++ {
		tag := "O"
		if i < len(tags) {
			tag = tags[i]
		}
		prefix, t, _ := strings.Cut(tag, "-")
		begins := prefix == "B" || (prefix == "I" && t != typ)
		if typ != "" && (tag == "O" || begins) {
			out = append(out, span{start, i, typ})
			typ = ""
		}
		if tag != "O" && begins {
			start, typ = i, t
		}
	}
	return out
}

// Evaluate compares predicted tag sequences with gold ones.
func Evaluate(gold, pred [][]string) Evaluation {
	ev := Evaluation{ByType: map[string]Score{}}
	for i := range gold {
		g, p := spansOf(gold[i]), spansOf(pred[i])
		gs := map[span]bool{}
		for _, s := range g {
			gs[s] = true
			sc := ev.ByType[s.typ]
			sc.Gold++
			ev.ByType[s.typ] = sc
			ev.Overall.Gold++
		}
		for _, s := range p {
			sc := ev.ByType[s.typ]
			sc.Pred++
			ev.Overall.Pred++
			if gs[s] {
				sc.Correct++
				ev.Overall.Correct++
			}
			ev.ByType[s.typ] = sc
		}
	}
	return ev
}

// Print writes the scores in conll_score.py's layout.
func (ev Evaluation) Print(w io.Writer) {
	var types []string
	for t := range ev.ByType {
		types = append(types, t)
	}
	slices.Sort(types)
	for _, t := range types {
		s := ev.ByType[t]
		fmt.Fprintf(w, "%-6s precision %.4f recall %.4f F1 %.4f (gold %d, predicted %d)\n", t, s.P(), s.R(), s.F1(), s.Gold, s.Pred)
	}
	fmt.Fprintf(w, "overall precision %.4f recall %.4f F1 %.4f\n", ev.Overall.P(), ev.Overall.R(), ev.Overall.F1())
}
