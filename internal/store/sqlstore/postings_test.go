package sqlstore

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestDecodeDocs: the inline one-byte path of decodeDocs reads what
// encodePostings wrote, for every width of rowid delta and tf, and
// rejects truncated data.
func TestDecodeDocs(t *testing.T) {
	for _, tc := range []struct {
		name string
		ps   []posting
	}{
		{"empty", nil},
		{"one-byte deltas and tf", []posting{{doc: 1, tf: 1}, {doc: 2, tf: 3}, {doc: 100, tf: 127}}},
		{"two-byte delta", []posting{{doc: 5, tf: 1}, {doc: 5 + 128, tf: 2}}},
		{"multi-byte tf", []posting{{doc: 7, tf: 128}, {doc: 9, tf: 70000}}},
		{"large rowids", []posting{{doc: 1 << 40, tf: 1}, {doc: 1<<40 + 1<<21, tf: 1}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, _ := encodePostings(plist{ps: tc.ps}, false)
			got, err := decodeDocs(plist{}, data)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got.ps, tc.ps) {
				t.Fatalf("decoded %v, want %v", got.ps, tc.ps)
			}
			if len(data) > 0 {
				if _, err := decodeDocs(plist{}, data[:len(data)-1]); !errors.Is(err, errCorrupt) {
					t.Fatalf("truncated data: err %v, want errCorrupt", err)
				}
			}
		})
	}
}

func TestHitCacheBounded(t *testing.T) {
	c := hitCache{maxBytes: 4 << 10}
	row := func(i int64) hitRow {
		return hitRow{id: fmt.Sprint("doc-", i), title: strings.Repeat("ع", int(i%40)), source: "src"}
	}
	for i := int64(1); i <= 500; i++ {
		c.put(i, row(i))
		if c.bytes > c.maxBytes {
			t.Fatalf("after %d rows: %d bytes cached, bound %d", i, c.bytes, c.maxBytes)
		}
	}
	kept := 0
	for i := int64(1); i <= 500; i++ {
		if r, ok := c.get(i); ok {
			kept++
			if !reflect.DeepEqual(r, row(i)) {
				t.Fatalf("row %d: got %+v, want %+v", i, r, row(i))
			}
		}
	}
	if kept == 0 || kept == 500 {
		t.Fatalf("%d of 500 rows kept under a 4 KiB bound", kept)
	}
	if _, ok := c.get(500); !ok {
		t.Fatal("the row put last was dropped")
	}
	off := hitCache{}
	off.put(1, row(1))
	if _, ok := off.get(1); ok {
		t.Fatal("a cache with no bound kept a row")
	}
}
