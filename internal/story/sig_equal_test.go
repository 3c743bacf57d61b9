package story

import (
	"math"
	"slices"
	"testing"
)

// TestSignatureMatchesShingles: signature is the MinHash of the set
// shingles makes (hash/fnv over the words, a 0 byte after each).
func TestSignatureMatchesShingles(t *testing.T) {
	c := New(DefaultOptions())
	for _, text := range []string{base, "كلمة", "كلمتان فقط", base[:len(base)/3] + " " + base} {
		words := c.words(text)
		want := make([]uint64, len(c.seeds))
		for i := range want {
			want[i] = math.MaxUint64
		}
		for h := range shingles(words, 3) {
			for i, s := range c.seeds {
				want[i] = min(want[i], splitmix(h^s))
			}
		}
		if got := c.signature(words); !slices.Equal(got, want) {
			t.Errorf("%q: signature differs from the shingle set's", text[:min(len(text), 30)])
		}
	}
}
