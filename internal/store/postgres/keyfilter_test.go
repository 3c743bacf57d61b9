package postgres

import (
	"slices"
	"testing"
)

func TestParseInts(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []int32
	}{
		{"{1,-2,3}", []int32{1, -2, 3}},
		{"{2147483647,-2147483648}", []int32{2147483647, -2147483648}},
		{"{}", nil},
		{"{7}", []int32{7}},
	} {
		if got := parseInts([]byte(tc.in)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestKeyFilter: every key added passes; few others do.
func TestKeyFilter(t *testing.T) {
	var f keyFilter
	f.reset(1 << 12)
	for k := int32(0); k < 4096; k++ {
		f.add(k*7919 + 13)
	}
	for k := int32(0); k < 4096; k++ {
		if !f.mayHave(k*7919 + 13) {
			t.Fatalf("key %d added, not found", k*7919+13)
		}
	}
	pass := 0
	for k := int32(0); k < 100000; k++ {
		if f.mayHave(-k*104729 - 1) {
			pass++
		}
	}
	if pass > 1000 {
		t.Errorf("%d of 100,000 absent keys pass", pass)
	}
	t.Logf("%d of 100,000 absent keys pass", pass)
}
