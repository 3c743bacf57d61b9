package ner

import "math"

// table is the tagger's feature lookup: one open-addressing table holding,
// for each feature, the weights of both passes of a stacked model side by
// side, so that scoring a feature for both costs one memory access; a bit
// filter in front answers most lookups of features the model never saw
// without touching the table. Tagging is bound by these memory accesses
// (BenchmarkTag), not by arithmetic.
type table struct {
	scale  [2]float32 // weight = int16 × scale, per pass
	slots  []tslot
	shift  uint
	filter []uint64
	fshift uint
}

// A slot is 44 bytes: weights are stored as int16 against one scale per
// pass (the model file quantises them so already), which keeps the table
// small enough to stay mostly in cache.
type tslot struct {
	key uint64 // 0 = empty
	w   [2][numTags]int16
}

// newTable merges the weights of up to two models: pass 0 (the first pass,
// or the only one) and pass 1.
func newTable(models ...*Model) *table {
	n := 0
	for _, m := range models {
		if m != nil {
			n += m.n
		}
	}
	size, bits := 16, uint(4)
	for size*2 < n*3 {
		size <<= 1
		bits++
	}
	t := &table{slots: make([]tslot, size), shift: 64 - bits}
	fbits := bits + 4 // 16 filter bits a slot: few false positives
	t.filter = make([]uint64, 1<<fbits/64)
	t.fshift = 64 - fbits
	for p, m := range models {
		if m == nil {
			continue
		}
		t.scale[p] = m.scale()
		for i := range m.slots {
			s := &m.slots[i]
			if s.key == 0 {
				continue
			}
			ts := t.insert(s.key)
			for j, v := range s.w {
				ts.w[p][j] = int16(math.Round(float64(v / t.scale[p])))
			}
		}
	}
	return t
}

func (t *table) insert(k uint64) *tslot {
	f := (k * 0xD6E8FEB86659FD93) >> t.fshift
	t.filter[f/64] |= 1 << (f % 64)
	i := (k * 0x9E3779B97F4A7C15) >> t.shift
	mask := uint64(len(t.slots) - 1)
	for t.slots[i].key != 0 && t.slots[i].key != k {
		i = (i + 1) & mask
	}
	t.slots[i].key = k
	return &t.slots[i]
}

// lookup returns the slot of feature hash h, or nil.
func (t *table) lookup(h uint64) *tslot {
	k := fixKey(h)
	f := (k * 0xD6E8FEB86659FD93) >> t.fshift
	if t.filter[f/64]&(1<<(f%64)) == 0 {
		return nil
	}
	i := (k * 0x9E3779B97F4A7C15) >> t.shift
	mask := uint64(len(t.slots) - 1)
	for {
		s := &t.slots[i]
		switch s.key {
		case k:
			return s
		case 0:
			return nil
		}
		i = (i + 1) & mask
	}
}
