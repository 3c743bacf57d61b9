package main

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
)

// brown writes brown.tsv.gz: word<TAB>bit string, the Brown clusters
// (Brown et al. 1992) of the words seen at least minCount times in the
// unlabelled news, computed with Liang's (2005) windowed algorithm: the
// words enter by decreasing frequency into c active clusters, and after each
// entry the two clusters whose merge loses the least mutual information of
// adjacent clusters are merged; when every word has entered, the last c
// clusters are merged into one tree, whose paths (0 = left, 1 = right) are
// the bit strings. Deterministic: no randomness, ties go to the first pair.
func brown(data, out, extra string, minCount, c int) error {
	vocab, _, err := vocabulary(data, extra, minCount)
	if err != nil {
		return err
	}
	vid := make(map[string]int32, len(vocab))
	for i, w := range vocab {
		vid[w] = int32(i)
	}
	big := map[[2]int32]float64{}
	if err := corpus(data, extra, func(ws []string) {
		prev := int32(-1)
		for _, w := range ws {
			id, ok := vid[w]
			if !ok {
				id = -1
			}
			if prev >= 0 && id >= 0 {
				big[[2]int32{prev, id}]++
			}
			prev = id
		}
	}); err != nil {
		return err
	}
	paths := brownCluster(len(vocab), big, c, func(step int) {
		if step%2000 == 0 {
			fmt.Fprintf(os.Stderr, "brown: %d/%d words\n", step, len(vocab))
		}
	})
	lines := make([]string, len(vocab))
	for i, w := range vocab {
		lines[i] = w + "\t" + paths[i]
	}
	sort.Strings(lines)
	fmt.Fprintf(os.Stderr, "brown: %d words (count >= %d), %d bigram types, %d clusters\n", len(vocab), minCount, len(big), c)
	header := fmt.Sprintf("# marsad NER Brown clusters (%d): word<TAB>bit string. Built by internal/ner/gen from the word bigrams of arabic-news (SaudiNewsNet, CC BY-NC-SA 4.0)", c)
	return writeGz(filepath.Join(out, "brown.tsv.gz"), header, lines)
}

// brownState holds the active clusters of Liang's algorithm in c+1 slots:
// p2[s][t] is the probability of a bigram (cluster s, cluster t), pl / pr
// the left / right marginals, q2[s][t] the term p2·log(p2/(pl·pr)) of the
// mutual information, and L2[s][t] (s < t) its change if s and t merged.
type brownState struct {
	n          int // slots
	active     []bool
	p2, q2, L2 [][]float64
	pl, pr     []float64
}

func newBrownState(n int) *brownState {
	st := &brownState{n: n, active: make([]bool, n), pl: make([]float64, n), pr: make([]float64, n)}
	mk := func() [][]float64 {
		m := make([][]float64, n)
		for i := range m {
			m[i] = make([]float64, n)
		}
		return m
	}
	st.p2, st.q2, st.L2 = mk(), mk(), mk()
	return st
}

func qterm(p, l, r float64) float64 {
	if p <= 0 {
		return 0
	}
	return p * math.Log(p/(l*r))
}

// contrib is how the terms between clusters u, v and a third cluster w
// change when u and v merge.
func (st *brownState) contrib(u, v, w int) float64 {
	p2, q2 := st.p2, st.q2
	return qterm(p2[u][w]+p2[v][w], st.pl[u]+st.pl[v], st.pr[w]) +
		qterm(p2[w][u]+p2[w][v], st.pl[w], st.pr[u]+st.pr[v]) -
		q2[u][w] - q2[w][u] - q2[v][w] - q2[w][v]
}

// fullL2 computes the change of mutual information if s and t merged.
func (st *brownState) fullL2(s, t int) float64 {
	p2, q2 := st.p2, st.q2
	l := qterm(p2[s][s]+p2[s][t]+p2[t][s]+p2[t][t], st.pl[s]+st.pl[t], st.pr[s]+st.pr[t]) -
		q2[s][s] - q2[s][t] - q2[t][s] - q2[t][t]
	for w := 0; w < st.n; w++ {
		if st.active[w] && w != s && w != t {
			l += st.contrib(s, t, w)
		}
	}
	return l
}

func (st *brownState) setQ(s int) {
	for w := 0; w < st.n; w++ {
		if st.active[w] {
			st.q2[s][w] = qterm(st.p2[s][w], st.pl[s], st.pr[w])
			st.q2[w][s] = qterm(st.p2[w][s], st.pl[w], st.pr[s])
		}
	}
}

func (st *brownState) pairs(fn func(u, v int)) {
	for u := 0; u < st.n; u++ {
		if !st.active[u] {
			continue
		}
		for v := u + 1; v < st.n; v++ {
			if st.active[v] {
				fn(u, v)
			}
		}
	}
}

// add activates slot s, whose p2 row and column and marginals are set.
func (st *brownState) add(s int) {
	st.active[s] = true
	st.setQ(s)
	// the pairs already there gain the terms with s
	st.pairs(func(u, v int) {
		if u != s && v != s {
			st.L2[u][v] += st.contrib(u, v, s)
		}
	})
	for u := 0; u < st.n; u++ {
		if st.active[u] && u != s {
			a, b := min(u, s), max(u, s)
			st.L2[a][b] = st.fullL2(a, b)
		}
	}
}

// best returns the pair whose merge loses the least.
func (st *brownState) best() (int, int) {
	ba, bb, bl := -1, -1, math.Inf(-1)
	st.pairs(func(u, v int) {
		if st.L2[u][v] > bl {
			ba, bb, bl = u, v, st.L2[u][v]
		}
	})
	return ba, bb
}

// merge merges slot b into slot a and frees b.
func (st *brownState) merge(a, b int) {
	st.pairs(func(u, v int) {
		if u != a && u != b && v != a && v != b {
			st.L2[u][v] -= st.contrib(u, v, a) + st.contrib(u, v, b)
		}
	})
	p2 := st.p2
	aa := p2[a][a] + p2[a][b] + p2[b][a] + p2[b][b]
	for w := 0; w < st.n; w++ {
		p2[a][w] += p2[b][w]
		p2[w][a] += p2[w][b]
	}
	p2[a][a] = aa
	st.pl[a] += st.pl[b]
	st.pr[a] += st.pr[b]
	st.active[b] = false
	for w := 0; w < st.n; w++ {
		p2[b][w], p2[w][b], st.q2[b][w], st.q2[w][b] = 0, 0, 0, 0
	}
	st.pl[b], st.pr[b] = 0, 0
	st.setQ(a)
	st.pairs(func(u, v int) {
		if u != a && v != a {
			st.L2[u][v] += st.contrib(u, v, a)
		}
	})
	for u := 0; u < st.n; u++ {
		if st.active[u] && u != a {
			x, y := min(u, a), max(u, a)
			st.L2[x][y] = st.fullL2(x, y)
		}
	}
}

// brownCluster clusters nwords words (ids by decreasing frequency) given
// their bigram counts into c clusters and returns each word's bit string.
func brownCluster(nwords int, big map[[2]int32]float64, c int, progress func(int)) []string {
	if c > nwords {
		c = nwords
	}
	total := 0.0
	right := make([][]wc, nwords) // word → (next word, count)
	left := make([][]wc, nwords)  // word → (previous word, count)
	keys := make([][2]int32, 0, len(big))
	for k := range big {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y [2]int32) int {
		if x[0] != y[0] {
			return int(x[0] - y[0])
		}
		return int(x[1] - y[1])
	})
	for _, k := range keys {
		n := big[k]
		total += n
		right[k[0]] = append(right[k[0]], wc{k[1], n})
		left[k[1]] = append(left[k[1]], wc{k[0], n})
	}
	// fixed marginals of each word over the whole corpus (as Liang's p1)
	wl := make([]float64, nwords)
	wr := make([]float64, nwords)
	for _, k := range keys {
		wl[k[0]] += big[k] / total
		wr[k[1]] += big[k] / total
	}
	st := newBrownState(c + 1)
	slot := make([]int32, nwords) // word → its cluster's slot, -1 before it enters
	for i := range slot {
		slot[i] = -1
	}
	members := make([][]int32, c+1)
	// tree: node ids; each word opens a node when it enters, each merge makes a parent
	nodeOf := make([]int, c+1) // slot → tree node of its cluster
	var parent []int
	var side []byte
	newNode := func() int {
		parent = append(parent, -1)
		side = append(side, 0)
		return len(parent) - 1
	}
	clusterNode := make([]int, nwords) // word → the node it opened
	enter := func(w, s int) {
		slot[w] = int32(s)
		members[s] = append(members[s][:0], int32(w))
		for _, x := range right[w] {
			if t := slot[x.w]; t >= 0 {
				st.p2[s][t] += x.n / total
			}
		}
		for _, x := range left[w] {
			if t := slot[x.w]; t >= 0 && int(x.w) != w {
				st.p2[t][s] += x.n / total
			}
		}
		st.pl[s], st.pr[s] = wl[w], wr[w]
		st.add(s)
		nodeOf[s] = newNode()
		clusterNode[w] = nodeOf[s]
	}
	free := c
	mergeSlots := func(a, b int) {
		n := newNode()
		parent[nodeOf[a]], side[nodeOf[a]] = n, '0'
		parent[nodeOf[b]], side[nodeOf[b]] = n, '1'
		st.merge(a, b)
		nodeOf[a] = n
		free = b
		for _, w := range members[b] {
			slot[w] = int32(a)
		}
		members[a] = append(members[a], members[b]...)
		members[b] = members[b][:0]
	}
	for w := 0; w < nwords; w++ {
		if w < c {
			enter(w, w)
		} else {
			enter(w, free)
			a, b := st.best()
			mergeSlots(a, b)
		}
		if progress != nil {
			progress(w + 1)
		}
	}
	// the c clusters left: merge them into one tree; the words' bit strings
	// are the paths to the clusters at this level
	leaf := make([]int, c+1)
	for s := range leaf {
		leaf[s] = -1
		if st.active[s] {
			leaf[s] = nodeOf[s]
		}
	}
	for {
		a, b := st.best()
		if a < 0 {
			break
		}
		mergeSlots(a, b)
	}
	pathOf := func(nd int) string {
		var bs []byte
		for ; parent[nd] >= 0; nd = parent[nd] {
			bs = append(bs, side[nd])
		}
		slices.Reverse(bs)
		return string(bs)
	}
	// each word's cluster at the c-cluster level: follow its entry node up
	// to the first node that was a leaf of the final tree
	isLeaf := map[int]bool{}
	for _, l := range leaf {
		if l >= 0 {
			isLeaf[l] = true
		}
	}
	paths := make([]string, nwords)
	memo := map[int]string{}
	for w := 0; w < nwords; w++ {
		nd := clusterNode[w]
		for !isLeaf[nd] {
			nd = parent[nd]
		}
		p, ok := memo[nd]
		if !ok {
			p = pathOf(nd)
			if p == "" {
				p = "0"
			}
			memo[nd] = p
		}
		paths[w] = p
	}
	return paths
}

type wc struct {
	w int32
	n float64
}
