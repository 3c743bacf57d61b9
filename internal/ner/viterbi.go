package ner

import "math"

// allowedTab[prev][cur] caches allowed(prev, cur) for prev in 0..numTags
// (numTags is the start state).
var allowedTab = func() (t [numTags + 1][numTags]bool) {
	for p := 0; p <= numTags; p++ {
		for c := 0; c < numTags; c++ {
			t[p][c] = allowed(p, c)
		}
	}
	return t
}()

// viterbi finds the best tag sequence under BIO constraints. emit holds
// numTags scores per token; trans[p][c] is the score of tag c after p
// (row numTags: at the start). back is scratch of len(emit). Cost
// O(n × numTags²).
func viterbi(emit []float32, trans *[numTags + 1][numTags]float32, out []int, back []uint8) {
	n := len(out)
	if n == 0 {
		return
	}
	var cur, next [numTags]float32
	negInf := float32(math.Inf(-1))
	for c := 0; c < numTags; c++ {
		if allowedTab[startTag][c] {
			cur[c] = trans[startTag][c] + emit[c]
		} else {
			cur[c] = negInf
		}
	}
	for i := 1; i < n; i++ {
		e := emit[i*numTags : (i+1)*numTags]
		for c := 0; c < numTags; c++ {
			best, arg := negInf, 0
			for p := 0; p < numTags; p++ {
				if !allowedTab[p][c] || cur[p] == negInf {
					continue
				}
				if s := cur[p] + trans[p][c]; s > best {
					best, arg = s, p
				}
			}
			next[c] = best + e[c]
			back[i*numTags+c] = uint8(arg)
		}
		cur = next
	}
	best, arg := negInf, 0
	for c := 0; c < numTags; c++ {
		if cur[c] > best {
			best, arg = cur[c], c
		}
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		arg = int(back[i*numTags+arg])
		out[i-1] = arg
	}
}
