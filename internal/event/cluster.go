package event

import (
	"strconv"
	"strings"
	"sync"

	"github.com/marsad-project/marsad/internal/ner"
)

// ClusterFeatures adds Brown-cluster features (cmd/traindetect -clusters):
// a comma-separated list of groups, "sK" the K-bit cluster prefixes of the
// sentence's words (a bag of clusters), "tK" those of the words within
// ClusterWindow of a trigger. Off in use unless the shipped detector was
// trained with them.
var ClusterFeatures string

// ClusterWindow is the number of words on each side of a trigger whose
// clusters the "tK" groups add.
var ClusterWindow = 3

var brownLex = sync.OnceValue(func() *ner.Lexicon {
	lx, err := ner.DefaultLexicon()
	if err != nil {
		return nil
	}
	return lx
})

type clusterGroup struct {
	near bool
	bits int
}

var clusterGroups = sync.OnceValue(func() []clusterGroup {
	var gs []clusterGroup
	for _, g := range strings.Split(ClusterFeatures, ",") {
		if len(g) < 2 {
			continue
		}
		k, err := strconv.Atoi(g[1:])
		if err != nil {
			continue
		}
		switch g[0] {
		case 's':
			gs = append(gs, clusterGroup{false, k})
		case 't':
			gs = append(gs, clusterGroup{true, k})
		}
	}
	return gs
})

func brownOf(w *word) string {
	if w.number {
		return ""
	}
	lx := brownLex()
	if lx == nil {
		return ""
	}
	b, _ := lx.Brown(w.Norm)
	return b
}

func prefixBits(b string, k int) string {
	if len(b) > k {
		return b[:k]
	}
	return b
}

// clusterBag adds the cluster prefixes of the sentence's words, once each.
func clusterBag(f []string, words []word) []string {
	seen := map[string]bool{}
	for _, g := range clusterGroups() {
		if g.near {
			continue
		}
		for i := range words {
			b := brownOf(&words[i])
			if b == "" {
				continue
			}
			x := "bs" + strconv.Itoa(g.bits) + ":" + prefixBits(b, g.bits)
			if !seen[x] {
				seen[x] = true
				f = append(f, x)
			}
		}
	}
	return f
}

// clusterNear adds the cluster prefixes of the words near a trigger.
func clusterNear(f []string, typ string, words []word, m Match) []string {
	for _, g := range clusterGroups() {
		if !g.near {
			continue
		}
		for k := m.First - ClusterWindow; k <= m.Last+ClusterWindow; k++ {
			if k < 0 || k >= len(words) || k >= m.First && k <= m.Last {
				continue
			}
			b := brownOf(&words[k])
			if b == "" {
				continue
			}
			side := "a"
			if k < m.First {
				side = "b"
			}
			f = append(f, "bt"+side+strconv.Itoa(g.bits)+":"+typ+"/"+prefixBits(b, g.bits))
		}
	}
	return f
}
