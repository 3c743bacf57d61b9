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
	trans       [numTags + 1][numTags]float32

	// open-addressing table from feature hash to weight row
	keys    []uint64 // 0 = empty slot
	rows    []int32
	mask    uint64
	weights []float32 // numTags per row
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
	m := &Model{Features: fs, LexiconHash: lexHash, trans: *trans, weights: weights}
	size := 1
	for size < 2*len(keys)+2 {
		size <<= 1
	}
	m.keys = make([]uint64, size)
	m.rows = make([]int32, size)
	m.mask = uint64(size - 1)
	for r, k := range keys {
		k = fixKey(k)
		i := (k * 0x9E3779B97F4A7C15) >> 7 & m.mask
		for m.keys[i] != 0 && m.keys[i] != k {
			i = (i + 1) & m.mask
		}
		m.keys[i] = k
		m.rows[i] = int32(r)
	}
	return m
}

// row returns the weight row of feature hash h, or -1.
func (m *Model) row(h uint64) int32 {
	k := fixKey(h)
	i := (k * 0x9E3779B97F4A7C15) >> 7 & m.mask
	for {
		switch m.keys[i] {
		case k:
			return m.rows[i]
		case 0:
			return -1
		}
		i = (i + 1) & m.mask
	}
}

// NumFeatures returns the number of features with weights.
func (m *Model) NumFeatures() int { return len(m.weights) / numTags }

// WriteTo writes the model in marsad's compact binary format (gzip'd):
// magic, feature set, lexicon hash, transitions, then every feature as a
// delta-coded key, a bit mask of its non-zero tags and those weights
// quantised to int16 against one scale.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	type ent struct {
		key uint64
		row int32
	}
	var ents []ent
	for i, k := range m.keys {
		if k != 0 {
			ents = append(ents, ent{k, m.rows[i]})
		}
	}
	slices.SortFunc(ents, func(a, b ent) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	maxAbs := float32(0)
	for _, v := range m.weights {
		if a := float32(math.Abs(float64(v))); a > maxAbs {
			maxAbs = a
		}
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	cw := &countWriter{w: w}
	zw, _ := gzip.NewWriterLevel(cw, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
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
	putU(uint64(len(ents)))
	putF(scale)
	prev := uint64(0)
	for _, e := range ents {
		putU(e.key - prev)
		prev = e.key
		row := m.weights[int(e.row)*numTags : int(e.row+1)*numTags]
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
	if err := bw.Flush(); err != nil {
		return cw.n, fmt.Errorf("ner: write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("ner: write model: %w", err)
	}
	return cw.n, nil
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
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	d := &decoder{b: data}
	if !bytes.HasPrefix(data, []byte(modelMagic)) {
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
	if len(d.b) != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrBadModel, len(d.b))
	}
	return newModel(fs, lexHash, &trans, keys, weights), nil
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
