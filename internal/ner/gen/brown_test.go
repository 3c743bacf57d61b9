package main

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The incremental merge losses must equal those recomputed from scratch.
func TestBrownIncrementalL2(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const nw = 40
	big := map[[2]int32]float64{}
	for i := 0; i < 2000; i++ {
		a, b := int32(rng.IntN(nw)), int32(rng.IntN(nw))
		if rng.IntN(3) == 0 {
			b = (a + 1) % nw // some structure
		}
		big[[2]int32{a, b}]++
	}
	var st *brownState
	check := func() {
		st.pairs(func(u, v int) {
			if got, want := st.L2[u][v], st.fullL2(u, v); math.Abs(got-want) > 1e-9 {
				t.Fatalf("L2[%d][%d] = %g, recomputed %g", u, v, got, want)
			}
		})
	}
	// drive the state through entries and merges as brownCluster does
	st = newBrownState(6)
	total := 0.0
	for _, n := range big {
		total += n
	}
	for s := 0; s < 6; s++ {
		for k, n := range big {
			if int(k[0]) == s && int(k[1]) < 6 {
				st.p2[s][k[1]] += n / total
			}
			if int(k[0]) == s {
				st.pl[s] += n / total
			}
			if int(k[1]) == s {
				st.pr[s] += n / total
			}
		}
	}
	for s := 0; s < 6; s++ {
		st.add(s)
		check()
	}
	a, b := st.best()
	st.merge(a, b)
	check()
	a, b = st.best()
	st.merge(a, b)
	check()
}

func TestBrownClusterPaths(t *testing.T) {
	// two word classes that alternate: even words follow odd ones and back
	big := map[[2]int32]float64{}
	for i := int32(0); i < 20; i++ {
		for j := int32(0); j < 20; j++ {
			if (i+j)%2 == 1 {
				big[[2]int32{i, j}] += float64(1 + (i*7+j*3)%5)
			}
		}
	}
	paths := brownCluster(20, big, 4, nil)
	for w := range paths {
		if paths[w] == "" {
			t.Fatalf("word %d has no path", w)
		}
	}
	// at the top split the even and odd words part
	for w := 2; w < 20; w++ {
		if (paths[w][0] == paths[w%2][0]) != true {
			t.Errorf("word %d: path %s, word %d: %s", w, paths[w], w%2, paths[w%2])
		}
	}
}
