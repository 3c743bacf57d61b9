package main

import (
	"strings"
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

func TestNameTail(t *testing.T) {
	n := arabic.Normalize
	titles, offices, quals := normSet(nameTitles), normSet(officeNouns), normSet(nameQualifiers)
	stop := normSet([]string{"في", "أن", "بن", "أبو"})
	known := map[string]string{n("رجب"): "F", n("طيب"): "L", n("عبد"): "F", n("الفتاح"): "L", n("محمد"): "F", n("سلمان"): "F",
		n("عبدالعزيز"): "F"}
	total := map[string]int{n("أخيه"): 40, n("وأخيه"): 10, n("وليد"): 30}
	words := func(s string) []string {
		var ws []string
		for _, t := range arabic.Tokenize(s) {
			ws = append(ws, t.Norm)
		}
		return ws
	}
	tail := []struct {
		name, text string
		want       string // the words nameTail returns, space-separated
	}{
		{"third word of a known first + second name", "الرئيس رجب طيب أردوغان في أنقرة", "أردوغان"},
		{"compound first name, definite surname", "الرئيس عبد الفتاح السيسي أن", "السيسي"},
		{"after a nasab link", "الأمير محمد بن نايف", "نايف"},
		{"links do not count", "الأمير محمد بن سلمان بن عبدالعزيز آل سعود", "سلمان عبدالعزيز سعود"},
		{"at most three name words after the first", "الرئيس رجب طيب عبد الفتاح السيسي", "عبد الفتاح"},
		{"an unknown second name ends the name", "السيد زياد خالد المصري", ""},
		{"punctuation ends the name", "الرئيس رجب طيب، أردوغان", ""},
		{"a title ends the name", "الرئيس رجب طيب الرئيس", ""},
		{"an office in the accusative ends the name", "الأمير محمد بن سلمان وليا للعهد", "سلمان"},
		{"و + a corpus word ends the name", "الأمير محمد بن سلمان وأخيه", "سلمان"},
		{"a name in و is kept", "الرئيس رجب طيب وليد", "وليد"},
	}
	for _, tt := range tail {
		ws := words(tt.text)
		j := nameAfterTitle(ws, 0, titles, offices, quals, stop)
		if j != 1 {
			t.Errorf("%s: first name at %d, want 1", tt.name, j)
			continue
		}
		var got []string
		for _, m := range nameTail(ws, j, known, total, 3, titles, offices, quals, stop) {
			got = append(got, ws[m])
		}
		if g, w := strings.Join(got, " "), n(tt.want); g != w {
			t.Errorf("%s: nameTail(%s) = %q, want %q", tt.name, tt.text, g, w)
		}
	}
}
