package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// Model is a trained tagger: the weights of a structured averaged
// perceptron over hashed features, and its tag-transition weights. It is
// read-only after loading.
type Model struct {
	Features    FeatureSet // feature groups it was trained with
	LexiconHash uint64     // fingerprint of the Lexicon it was trained with
	First       *Model     // with FeatDoc: the first-pass model whose tags this one reads
	OBias       float32    // subtracted from the score of O at every token: trades precision for recall, tuned on dev
	// TypeBias is added to the scores of B-X and I-X of each type (PER,
	// ORG, LOC, MISC) at every token when decoding: a per-type recall bias
	// (experiments; not stored in the model file).
	TypeBias [4]float32
	trans    [numTags + 1][numTags]float32

	// Open-addressing table from feature hash to weights, with the weights
	// in the slot so that a lookup touches one cache line.
	slots []slot
	mask  uint64
	shift uint // 64 − log2(len(slots))
	n     int  // features
}

type slot struct {
	key uint64 // 0 = empty
	w   [numTags]float32
}

// ErrBadModel is returned for a model file that cannot be decoded.
var ErrBadModel = errors.New("ner: not a marsad NER model")

const modelMagic = "MARSADNER\x01"

// fixKey keeps 0 free as the empty-slot marker.
func fixKey(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// newModel builds the lookup table for feature keys with their weight rows
// (numTags weights each).
func newModel(fs FeatureSet, lexHash uint64, trans *[numTags + 1][numTags]float32, keys []uint64, weights []float32) *Model {
	m := &Model{Features: fs, LexiconHash: lexHash, trans: *trans, n: len(keys)}
	size, bits := 16, uint(4)
	for size*2 < len(keys)*3 { // load factor at most 2/3
		size <<= 1
		bits++
	}
	m.shift = 64 - bits
	m.slots = make([]slot, size)
	m.mask = uint64(size - 1)
	for r, k := range keys {
		k = fixKey(k)
		i := m.home(k)
		for m.slots[i].key != 0 && m.slots[i].key != k {
			i = (i + 1) & m.mask
		}
		m.slots[i].key = k
		copy(m.slots[i].w[:], weights[r*numTags:(r+1)*numTags])
	}
	return m
}

// home is a key's first slot: the high bits of a multiplicative hash.
func (m *Model) home(k uint64) uint64 {
	return (k * 0x9E3779B97F4A7C15) >> m.shift
}

// lookup returns the weights of feature hash h, or nil.
func (m *Model) lookup(h uint64) *[numTags]float32 {
	k := fixKey(h)
	i := m.home(k)
	for {
		s := &m.slots[i]
		switch s.key {
		case k:
			return &s.w
		case 0:
			return nil
		}
		i = (i + 1) & m.mask
	}
}

// scale returns the int16 quantisation step of m's weights.
func (m *Model) scale() float32 {
	maxAbs := float32(0)
	for i := range m.slots {
		for _, v := range m.slots[i].w {
			if a := float32(math.Abs(float64(v))); a > maxAbs {
				maxAbs = a
			}
		}
	}
	if maxAbs == 0 {
		return 1
	}
	return maxAbs / 32767
}

// NumFeatures returns the number of features with weights.
func (m *Model) NumFeatures() int { return m.n }

// WriteTo writes the model in marsad's compact binary format (gzip'd): a
// record for the model and, for a stacked model, one for its first pass.
// A record holds the magic, the feature set, the lexicon hash, the
// transitions, then every feature as a delta-coded key, a bit mask of its
// non-zero tags and those weights quantised to int16 against one scale.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, _ := gzip.NewWriterLevel(cw, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	for r := m; r != nil; r = r.First {
		r.writeRecord(bw)
	}
	if err := bw.Flush(); err != nil {
		return cw.n, fmt.Errorf("ner: write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("ner: write model: %w", err)
	}
	return cw.n, nil
}

func (m *Model) writeRecord(bw *bufio.Writer) {
	var ents []*slot
	for i := range m.slots {
		if m.slots[i].key != 0 {
			ents = append(ents, &m.slots[i])
		}
	}
	slices.SortFunc(ents, func(a, b *slot) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	scale := m.scale()
	var buf [binary.MaxVarintLen64]byte
	putU := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	putF := func(f float32) { binary.Write(bw, binary.LittleEndian, f) }
	bw.WriteString(modelMagic)
	putU(uint64(m.Features))
	binary.Write(bw, binary.LittleEndian, m.LexiconHash)
	for i := range m.trans {
		for _, v := range m.trans[i] {
			putF(v)
		}
	}
	putF(m.OBias)
	putU(uint64(len(ents)))
	putF(scale)
	prev := uint64(0)
	for _, e := range ents {
		putU(e.key - prev)
		prev = e.key
		row := e.w[:]
		var mask uint64
		var q [numTags]int16
		for t, v := range row {
			q[t] = int16(math.Round(float64(v / scale)))
			if q[t] != 0 {
				mask |= 1 << t
			}
		}
		putU(mask)
		for t := range row {
			if mask&(1<<t) != 0 {
				binary.Write(bw, binary.LittleEndian, q[t])
			}
		}
	}
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// ReadModel decodes a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, err)
	}
	d := &decoder{b: data}
	m, err := d.record()
	if err != nil {
		return nil, err
	}
	if m.Features&FeatDoc != 0 {
		if m.First, err = d.record(); err != nil {
			return nil, err
		}
	}
	if len(d.b) != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrBadModel, len(d.b))
	}
	return m, nil
}

func (d *decoder) record() (*Model, error) {
	if !bytes.HasPrefix(d.b, []byte(modelMagic)) {
		return nil, ErrBadModel
	}
	d.b = d.b[len(modelMagic):]
	fs := FeatureSet(d.uvarint())
	lexHash := d.u64()
	var trans [numTags + 1][numTags]float32
	for i := range trans {
		for j := range trans[i] {
			trans[i][j] = d.f32()
		}
	}
	obias := d.f32()
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		return nil, fmt.Errorf("%w: truncated header", ErrBadModel)
	}
	scale := d.f32()
	keys := make([]uint64, n)
	weights := make([]float32, int(n)*numTags)
	key := uint64(0)
	for i := range keys {
		key += d.uvarint()
		keys[i] = key
		mask := d.uvarint()
		for t := 0; t < numTags; t++ {
			if mask&(1<<t) != 0 {
				weights[i*numTags+t] = float32(d.i16()) * scale
			}
		}
		if d.err != nil {
			return nil, fmt.Errorf("%w: truncated at feature %d", ErrBadModel, i)
		}
	}
	m := newModel(fs, lexHash, &trans, keys, weights)
	m.OBias = obias
	return m, nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = io.ErrUnexpectedEOF
		d.b = nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) u64() uint64 {
	if len(d.b) < 8 {
		d.err = io.ErrUnexpectedEOF
		d.b = nil
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b)
	d.b = d.b[8:]
	return v
}

func (d *decoder) f32() float32 {
	if len(d.b) < 4 {
		d.err = io.ErrUnexpectedEOF
		d.b = nil
		return 0
	}
	v := math.Float32frombits(binary.LittleEndian.Uint32(d.b))
	d.b = d.b[4:]
	return v
}

func (d *decoder) i16() int16 {
	if len(d.b) < 2 {
		d.err = io.ErrUnexpectedEOF
		d.b = nil
		return 0
	}
	v := int16(binary.LittleEndian.Uint16(d.b))
	d.b = d.b[2:]
	return v
}
