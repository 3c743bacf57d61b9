package main

import (
	"reflect"
	"testing"

	"github.com/marsad-project/marsad/internal/event"
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

// TestSelfTrain: the news sentence the first model scores highest is added
// as a positive and the lowest as a negative, so a word seen only in them
// gets a weight of that sign.
func TestSelfTrain(t *testing.T) {
	defer func(n [][]string) { newsFeats = n }(newsFeats)
	var ex []event.Example
	for i := 0; i < 20; i++ {
		ex = append(ex, event.Example{Feats: []string{"t:PROTEST", "gather"}, Pos: true},
			event.Example{Feats: []string{"t:PROTEST", "say"}}, event.Example{Feats: []string{"t:PROTEST", "say"}})
	}
	newsFeats = [][]string{{"t:PROTEST", "say", "low"}, {"t:PROTEST", "mid"}, {"t:PROTEST", "gather", "high"}}
	opt := event.DefaultTrainOptions()
	opt.Epochs, opt.L2 = 5, 0.03
	m := selfTrain(ex, opt, 1, 1)
	if m.W["high"] <= 0 || m.W["low"] >= 0 || m.W["mid"] != 0 {
		t.Errorf("weights high %.3f low %.3f mid %.3f: want > 0, < 0, 0", m.W["high"], m.W["low"], m.W["mid"])
	}
}
