package model

import (
	"testing"
	"unicode/utf8"
)

func TestRuneIndex(t *testing.T) {
	s := "حفتر في A😀ب"
	idx := NewRuneIndex(s)
	for b := 0; b <= len(s); b++ {
		if !utf8.RuneStart(s[min(b, len(s)-1)]) && b < len(s) {
			continue
		}
		want := utf8.RuneCountInString(s[:b])
		if got := idx.Rune(b); got != want {
			t.Errorf("Rune(%d) = %d, want %d", b, got, want)
		}
	}
	if got := idx.Rune(-5); got != 0 {
		t.Errorf("Rune(-5) = %d", got)
	}
	if got, want := idx.Rune(len(s)+10), utf8.RuneCountInString(s); got != want {
		t.Errorf("Rune(past end) = %d, want %d", got, want)
	}
}
