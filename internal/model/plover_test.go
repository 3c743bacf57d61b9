package model

import "testing"

// TestPLOVERTypes checks the list has the manual's 16 distinct types and
// that a caller cannot change what the next caller sees.
func TestPLOVERTypes(t *testing.T) {
	ts := PLOVERTypes()
	seen := map[string]bool{}
	for _, x := range ts {
		seen[x] = true
	}
	if len(ts) != 16 || len(seen) != 16 {
		t.Fatalf("%d types (%d distinct), want 16", len(ts), len(seen))
	}
	ts[0] = "CHANGED"
	if PLOVERTypes()[0] != "AGREE" {
		t.Error("PLOVERTypes shares its slice between calls")
	}
}
