package ner

// Document-level context for the second pass: for every token, how the
// first pass tagged the other occurrences of the same word (its core, so
// that بحفتر and حفتر count together) within a window of sentences around
// it. The window slides, so the cost is linear in the document.

// docWindow is the number of sentences on each side that make up a token's
// document context. ANERcorp has no document boundaries, so a window stands
// in for "the article"; news articles are rarely much longer.
const docWindow = 10

// docKey returns the word a token is counted under, or "" for tokens that
// do not take part (punctuation, numbers, one-letter words).
func docKey(t *tokInfo) string {
	if (t.shape != shapeArabic && t.shape != shapeLatin && t.shape != shapeLatinC) || runeLen(t.core) < 2 {
		return ""
	}
	return t.core
}

// docCounts returns, for sentence k and token i, the first-pass tag counts
// of the other tokens with the same key in sentences k-w … k+w. keys[k][i]
// is the token's key ("" to skip), s1[k][i] its first-pass tag.
func docCounts(keys [][]string, s1 [][]int, w int) [][][numTags]int32 {
	out := make([][][numTags]int32, len(keys))
	total := 0
	for _, ks := range keys {
		total += len(ks)
	}
	// Two slabs instead of an allocation per sentence and per word: the
	// results, and the running counts (at most one per token, so appending
	// never moves them and the map's pointers stay valid).
	slab := make([][numTags]int32, total)
	pool := make([][numTags]int32, 0, total)
	counts := map[string]*[numTags]int32{}
	add := func(k int, d int32) {
		if k < 0 || k >= len(keys) {
			return
		}
		for i, key := range keys[k] {
			if key == "" {
				continue
			}
			c := counts[key]
			if c == nil {
				pool = append(pool, [numTags]int32{})
				c = &pool[len(pool)-1]
				counts[key] = c
			}
			c[s1[k][i]] += d
		}
	}
	for k := 0; k <= w && k < len(keys); k++ {
		add(k, 1)
	}
	for k := range keys {
		if k > 0 {
			add(k+w, 1)
			add(k-w-1, -1)
		}
		n := len(keys[k])
		out[k], slab = slab[:n:n], slab[n:]
		for i, key := range keys[k] {
			if key == "" {
				continue
			}
			c := *counts[key]
			c[s1[k][i]]-- // not itself
			out[k][i] = c
		}
	}
	return out
}
