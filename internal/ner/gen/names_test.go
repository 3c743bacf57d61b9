package main

import (
	"testing"

	"github.com/marsad-project/marsad/internal/arabic"
)

func TestNameHelpers(t *testing.T) {
	n := arabic.Normalize
	forms := []struct {
		name, in, want string
		fn             func(string) string
	}{
		{"conjunction و removed", n("والرئيس"), n("الرئيس"), stripConj},
		{"conjunction ف removed", n("فالرئيس"), n("الرئيس"), stripConj},
		{"short word kept (ولد)", n("ولد"), n("ولد"), stripConj},
		{"لل is ل + ال", n("للرئيس"), n("الرئيس"), definiteForm},
		{"بال is ب + ال", n("بالرئيس"), n("الرئيس"), definiteForm},
		{"a title as it stands", n("الرئيس"), n("الرئيس"), definiteForm},
	}
	for _, tt := range forms {
		if got := tt.fn(tt.in); got != tt.want {
			t.Errorf("%s: %s → %s, want %s", tt.name, tt.in, got, tt.want)
		}
	}
	stop := normSet([]string{"في", "أن"})
	like := []struct {
		name, w string
		want    bool
	}{
		{"Arabic name", n("البشير"), true},
		{"stop word", n("في"), false},
		{"stop word, normalised", n("أن"), false},
		{"one letter", "ب", false},
		{"digits", "2015", false},
		{"Latin", "Obama", false},
	}
	for _, tt := range like {
		if got := nameLike(tt.w, stop); got != tt.want {
			t.Errorf("%s: nameLike(%s) = %v, want %v", tt.name, tt.w, got, tt.want)
		}
	}
	n2 := func(s string) string { return arabic.Normalize(s) }
	total := map[string]int{n2("الرعاية"): 40, n2("لرعاية"): 30, n2("بندر"): 50, n2("الوطن"): 300, n2("والوطن"): 20,
		n2("وليد"): 60, n2("مكة"): 90, n2("بمكة"): 10, n2("لطفي"): 8}
	clitic := []struct {
		name, w string
		want    bool
	}{
		{"preposition on a common noun", n2("لرعاية"), true},
		{"preposition on a definite noun", n2("بالديوان"), true},
		{"ل + ال", n2("للإغاثة"), true},
		{"preposition on a place", n2("بمكة"), true},
		{"conjunction on a common noun", n2("والوطن"), true},
		{"name in ب", n2("بندر"), false},
		{"name in ل", n2("لطفي"), false},
		{"name in و", n2("وليد"), false},
	}
	for _, tt := range clitic {
		if got := cliticWord(tt.w, total); got != tt.want {
			t.Errorf("%s: cliticWord(%s) = %v, want %v", tt.name, tt.w, got, tt.want)
		}
	}
}
