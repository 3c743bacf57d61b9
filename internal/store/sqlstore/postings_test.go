package sqlstore

import (
	"errors"
	"slices"
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
