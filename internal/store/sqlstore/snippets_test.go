package sqlstore

import (
	"encoding/binary"
	"math/rand"
	"testing"
)

// TestSkipVarints: the eight-bytes-at-a-time skip lands where decoding
// the varints one by one does.
func TestSkipVarints(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	var b []byte
	var ends []int // ends[i]: the offset past varint i
	for range 2000 {
		v := uint64(r.Intn(200))
		if r.Intn(10) == 0 {
			v = uint64(r.Intn(1 << 20))
		}
		b = binary.AppendUvarint(b, v)
		ends = append(ends, len(b))
	}
	for range 500 {
		from := r.Intn(len(ends))
		n := r.Intn(len(ends) - from)
		off := 0
		if from > 0 {
			off = ends[from-1]
		}
		want := off
		if n > 0 {
			want = ends[from+n-1]
		}
		if got := skipVarints(b, off, n); got != want {
			t.Fatalf("skip %d from %d: %d, want %d", n, off, got, want)
		}
	}
	if got := skipVarints(b, 0, len(ends)+1); got != -1 {
		t.Errorf("past the end: %d, want -1", got)
	}
}
