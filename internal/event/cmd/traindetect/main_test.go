package main

import (
	"reflect"
	"testing"
)

// TestFilterPerType: -typedrop leaves a feature group out of one type's
// training only, and -drop out of every type's.
func TestFilterPerType(t *testing.T) {
	defer func(d []string, td map[string][]string) { dropPrefixes, typeDrop = d, td }(dropPrefixes, typeDrop)
	dropPrefixes = []string{"len:"}
	typeDrop = map[string][]string{"PROTEST": {"u:"}}
	feats := func() []string { return []string{"u:تظاهر", "t:PROTEST", "len:mid", "tb:PROTEST/امام"} }
	if got, want := filter("PROTEST", feats()), []string{"t:PROTEST", "tb:PROTEST/امام"}; !reflect.DeepEqual(got, want) {
		t.Errorf("PROTEST: %q, want %q", got, want)
	}
	if got, want := filter("ASSAULT", feats()), []string{"u:تظاهر", "t:PROTEST", "tb:PROTEST/امام"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ASSAULT: %q, want %q", got, want)
	}
}
