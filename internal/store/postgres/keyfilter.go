package postgres

import (
	"context"
	"database/sql"
	"sync"
)

// keyFilter is a Bloom filter of the near-duplicate keys of the stored
// articles (documents.bands), kept current by rowid: articles get their
// rowids in commit order (sqlstore.Dialect.LockWrites), so the rows above
// the highest loaded are the ones stored since. A batch then looks up in
// the GIN index only the keys some stored article may have: a few dozen of
// its ~6,000 on arabic-news, where looking them all up took 60-120 ms a
// batch of 500 (a third of the batch's time in the database).
//
// 16 bits a key and 4 probes: 0.2 % of absent keys pass. Past its
// capacity it is rebuilt twice as large from the table.
type keyFilter struct {
	mu   sync.Mutex
	bits []uint64
	cap  int   // keys it is sized for
	n    int   // keys added
	max  int64 // highest rowid loaded; -1: nothing loaded
}

const keyFilterProbes = 4

func (f *keyFilter) reset(capacity int) {
	f.cap = capacity
	f.bits = make([]uint64, capacity*16/64)
	f.n = 0
	f.max = -1
}

// probes are the bit positions of key (keys are already hashes: two
// multiplicative mixes of them suffice).
func (f *keyFilter) probes(key int32, out *[keyFilterProbes]uint64) {
	m := uint64(len(f.bits) * 64)
	h1 := uint64(uint32(key)) * 0x9E3779B97F4A7C15
	h2 := (uint64(uint32(key)) ^ 0x5bd1e995) * 0xC2B2AE3D27D4EB4F
	for i := range out {
		out[i] = ((h1 + uint64(i)*h2) >> 17) % m
	}
}

func (f *keyFilter) add(key int32) {
	var p [keyFilterProbes]uint64
	f.probes(key, &p)
	for _, b := range p {
		f.bits[b/64] |= 1 << (b % 64)
	}
	f.n++
}

func (f *keyFilter) mayHave(key int32) bool {
	var p [keyFilterProbes]uint64
	f.probes(key, &p)
	for _, b := range p {
		if f.bits[b/64]&(1<<(b%64)) == 0 {
			return false
		}
	}
	return true
}

// filter returns the keys a stored article may have, after loading the
// articles stored since the last call (inside tx, under the writers' lock).
func (f *keyFilter) filter(ctx context.Context, tx *sql.Tx, keys []int64) ([]int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.bits == nil {
		f.reset(1 << 16)
	}
	for {
		rows, err := tx.QueryContext(ctx, `SELECT rowid, bands FROM documents WHERE rowid > $1 AND bands IS NOT NULL ORDER BY rowid`, f.max)
		if err != nil {
			return nil, err
		}
		full := false
		for rows.Next() {
			var row int64
			var bands []byte // the array's text form: {1,-2,3}
			if err := rows.Scan(&row, &bands); err != nil {
				rows.Close()
				return nil, err
			}
			for _, k := range parseInts(bands) {
				f.add(k)
			}
			f.max = row
			if f.n > f.cap {
				full = true
				break
			}
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		if !full {
			break
		}
		f.reset(2 * f.cap)
	}
	var out []int64
	for _, k := range keys {
		if f.mayHave(int32(k)) {
			out = append(out, k)
		}
	}
	return out, nil
}

// parseInts reads the integers of an array's text form.
func parseInts(b []byte) []int32 {
	var out []int32
	var v int64
	neg, in := false, false
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			v = v*10 + int64(c-'0')
			in = true
		case c == '-':
			neg = true
		default:
			if in {
				if neg {
					v = -v
				}
				out = append(out, int32(v))
			}
			v, neg, in = 0, false, false
		}
	}
	return out
}
