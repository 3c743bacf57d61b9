package sqlstore

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestRowJoin: joining segment rows byte-wise (a merge of the postings)
// gives what encoding their concatenated lists gives, positions included,
// for rowid deltas and tfs of every width, and rejects truncated data and
// segments out of rowid order.
func TestRowJoin(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var all plist
		var j rowJoin
		doc := int64(r.IntN(3))
		for range 1 + r.IntN(5) { // segments
			var seg plist
			for range 1 + r.IntN(6) {
				doc += 1 + int64(r.IntN(1<<uint(r.IntN(22))))
				tf := 1 + int32(r.IntN(1<<uint(r.IntN(9))))
				p := posting{doc: doc, tf: tf, pos: int32(len(seg.pos))}
				x := int32(0)
				for range tf {
					x += int32(r.IntN(300))
					seg.pos = append(seg.pos, x)
				}
				seg.ps = append(seg.ps, p)
				q := p
				q.pos = int32(len(all.pos))
				all.ps = append(all.ps, q)
				all.pos = append(all.pos, seg.pos[p.pos:p.pos+tf]...)
			}
			data, pos := encodePostings(seg, true)
			if err := j.add(data, pos); err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		wantData, wantPos := encodePostings(all, true)
		if !reflect.DeepEqual(j.data, wantData) || !reflect.DeepEqual(j.pos, wantPos) {
			t.Fatalf("round %d: joined rows differ from the encoded list", round)
		}
		if j.last != doc {
			t.Fatalf("round %d: last %d, want %d", round, j.last, doc)
		}
	}
	data, _ := encodePostings(plist{ps: []posting{{doc: 5, tf: 1}, {doc: 9, tf: 2}}}, false)
	var j rowJoin
	if err := j.add(data[:len(data)-1], nil); !errors.Is(err, errCorrupt) {
		t.Fatalf("truncated data: %v, want errCorrupt", err)
	}
	if err := j.add(data, nil); err != nil {
		t.Fatal(err)
	}
	older, _ := encodePostings(plist{ps: []posting{{doc: 7, tf: 1}}}, false)
	if err := j.add(older, nil); !errors.Is(err, errCorrupt) {
		t.Fatalf("a segment before the last rowid: %v, want errCorrupt", err)
	}
}
