package store

import (
	"strings"
	"testing"
)

// TestChunkEnd: MakeSnippet's chunks end at a sentence end or line past
// chunkMin bytes, never inside a number such as 3.5, and the last one at
// the end of the text.
func TestChunkEnd(t *testing.T) {
	long := strings.Repeat("كلمة ", chunkMin/len("كلمة ")+1) // just past chunkMin bytes
	for _, tc := range []struct {
		name, text string
		want       int // -1: len(text)
	}{
		{"short text", "جملة قصيرة. وأخرى.", -1},
		{"full stop", long + "نهاية. بعدها", len(long + "نهاية.")},
		{"Arabic question mark", long + "لماذا؟ بعدها", len(long + "لماذا؟")},
		{"line", long + "سطر\nبعده", len(long + "سطر\n")},
		{"not inside a number", long + "بلغ 3.5 مليون. بعدها", len(long + "بلغ 3.5 مليون.")},
		{"no end", long + "بلا نهاية", -1},
		{"ends at the text's end", long + "نهاية.", -1},
	} {
		want := tc.want
		if want < 0 {
			want = len(tc.text)
		}
		if got := chunkEnd(tc.text, 0); got != want {
			t.Errorf("%s: chunkEnd = %d, want %d (%q)", tc.name, got, want, tc.text[min(got, len(tc.text)):])
		}
	}
}
