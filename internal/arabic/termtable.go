package arabic

import (
	"hash/maphash"
	"strings"
)

// termTable maps words to terms for the hot path of the Analyzer. It is an
// open-addressing table of 16-byte slots holding a 64-bit fingerprint of the
// word and the place of its term in one arena string, so that a look-up
// touches one cache line (a Go map of strings touches three: control word,
// slot, key bytes). Measured: it is what brings the analysis chain past twice
// bleve's throughput (docs/BENCHMARKS.md).
//
// Keys are not stored: two words share a fingerprint with probability 2⁻⁶⁴
// per probe, about 10⁻¹³ over a billion look-ups.
type termTable struct {
	seed  maphash.Seed
	slots []termSlot
	mask  uint64
	arena string
}

type termSlot struct {
	fp       uint64 // 0 marks an empty slot
	off, len uint32
}

func newTermTable(m map[string]string) *termTable {
	size := 1
	for size < 2*len(m) {
		size <<= 1
	}
	t := &termTable{seed: maphash.MakeSeed(), slots: make([]termSlot, size), mask: uint64(size - 1)}
	var arena strings.Builder
	offs := make(map[string]uint32, len(m))
	for w, term := range m {
		off, ok := offs[term]
		if !ok {
			off = uint32(arena.Len())
			arena.WriteString(term)
			offs[term] = off
		}
		fp := t.fp(w)
		for i := fp & t.mask; ; i = (i + 1) & t.mask {
			if t.slots[i].fp == 0 {
				t.slots[i] = termSlot{fp: fp, off: off, len: uint32(len(term))}
				break
			}
		}
	}
	t.arena = arena.String()
	return t
}

func (t *termTable) fp(w string) uint64 {
	h := maphash.String(t.seed, w)
	if h == 0 {
		h = 1
	}
	return h
}

// get returns the term of word w and whether w is in the table.
func (t *termTable) get(w []byte) (string, bool) { return t.lookup(maphash.Bytes(t.seed, w)) }

// getString is get for a string.
func (t *termTable) getString(w string) (string, bool) { return t.lookup(maphash.String(t.seed, w)) }

func (t *termTable) lookup(fp uint64) (string, bool) {
	if fp == 0 {
		fp = 1
	}
	for i := fp & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.fp == fp {
			return t.arena[s.off : s.off+s.len], true
		}
		if s.fp == 0 {
			return "", false
		}
	}
}
