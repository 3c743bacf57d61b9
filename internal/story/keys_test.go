package story

import (
	"testing"
)

// TestKeysRecall: on arabic-news (5,150 articles, in publication order per
// file), every near-duplicate Clusterer finds (its 32 bands of 4 rows) is
// a candidate through MinHash.Keys (12 bands of 3 rows), and Keys do not
// bring many more candidates to confirm (measured: 577 against 579).
func TestKeysRecall(t *testing.T) {
	if testing.Short() {
		t.Skip("reads all of arabic-news")
	}
	docs := append(readNews(t, "general_saudinewsnet_5000.jsonl"), readNews(t, "libya_articles.jsonl")...)
	c := New(DefaultOptions())
	m := NewMinHash(DefaultOptions())
	byKey := map[uint64][]int{}
	idx := map[string]int{}
	dups, missed, cands := 0, 0, 0
	for i, d := range docs {
		idx[d.ID] = i
		sig := m.Signature(Words(d.Text))
		seen := map[int]bool{}
		for _, k := range m.Keys(sig) {
			for _, j := range byKey[k] {
				if !seen[j] {
					seen[j] = true
					cands++
				}
			}
			byKey[k] = append(byKey[k], i)
		}
		if _, dup := c.Add(d); dup != "" {
			dups++
			if j := idx[dup]; !seen[j] && docs[j].Hash != d.Hash {
				missed++
				t.Errorf("%s near-duplicates %s (Clusterer) but shares no key with it", d.ID, dup)
			}
		}
	}
	t.Logf("%d near-duplicates (Clusterer), %d missed by Keys, %d candidates through Keys", dups, missed, cands)
	if dups < 100 {
		t.Errorf("only %d near-duplicates: the data changed?", dups)
	}
	if cands > 4*dups+600 {
		t.Errorf("%d candidates for %d near-duplicates: Keys too loose", cands, dups)
	}
}
