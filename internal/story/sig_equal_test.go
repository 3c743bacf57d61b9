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

// TestCompleteSignature: the key signature completed is the signature.
func TestCompleteSignature(t *testing.T) {
	m := NewMinHash(DefaultOptions())
	for _, text := range []string{base, "كلمة", "كلمتان فقط", ""} {
		words := Words(text)
		if got, want := m.CompleteSignature(words, m.KeySignature(words)), m.Signature(words); !slices.Equal(got, want) {
			t.Errorf("%q: completed %d values, signature %d, or values differ", text[:min(len(text), 30)], len(got), len(want))
		}
	}
}
