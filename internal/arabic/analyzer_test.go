package arabic

import (
	"strings"
	"testing"
)

func TestAnalyzerTerms(t *testing.T) {
	tests := []struct {
		name, a, b string // a and b must give the same single term
	}{
		{"alef maksura spelling", "الليبى", "الليبي"},
		{"hamza seat", "فايز", "فائز"},
		{"hamza seat before waw", "المسئولين", "المسؤولين"},
		{"preposition on a name", "لحفتر", "حفتر"},
		{"preposition on a place", "بسرت", "سرت"},
		{"conjunction and article", "والجيش", "جيش"},
		{"guillemets", "«الوفاق»", "الوفاق"},
		{"feminine plural and singular", "الحكومات", "حكومة"},
		{"masculine plural", "المسؤولون", "مسؤول"},
		{"future verb and imperfect", "وسيزور", "يزور"},
		{"teh marbuta exposed by a suffix", "حكومته", "الحكومة"},
	}
	a := NewAnalyzer(DefaultAnalyzerOptions())
	for _, tt := range tests {
		ta, tb := a.Analyze(tt.a), a.Analyze(tt.b)
		if len(ta) != 1 || len(tb) != 1 || ta[0].Term != tb[0].Term {
			t.Errorf("%s: %q → %+v, %q → %+v", tt.name, tt.a, ta, tt.b, tb)
		}
	}
	for _, w := range []string{"وزير", "بريطانيا", "لبنان", "فرنسا", "كركوك"} {
		if got := a.Analyze(w); len(got) != 1 || got[0].Term != Normalize(w) {
			t.Errorf("%q → %+v, want it whole", w, got)
		}
	}
	if got := a.Analyze("وفي من"); len(got) != 0 {
		t.Errorf("stop words kept: %+v", got)
	}
	got := a.Analyze("قال وزيرالخارجية")
	if len(got) != 2 || got[0].Term != "وزير" || got[1].Term != "خارجي" || got[1].Pos != 2 {
		t.Errorf("run-together: %+v", got)
	}
}

// TestAnalyzerMatchesTokenChain checks the fused fast loop of AppendTerms
// against tokenising and mapping each token, on the seed articles' phenomena
// and on arabic-news where present.
func TestAnalyzerMatchesTokenChain(t *testing.T) {
	a := NewAnalyzer(DefaultAnalyzerOptions())
	texts := append([]string{}, fuzzSeeds...)
	if dir := sharedDataOrEmpty(); dir != "" {
		texts = append(texts, corpusSample(t, dir, 300)...)
	}
	for _, s := range texts {
		if got, want := a.Analyze(s), referenceTerms(a, s); !equalTerms(got, want) {
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Fatalf("term %d: fast %+v, chain %+v", i, got[i], want[i])
				}
			}
			t.Fatalf("fast loop gives %d terms, chain %d", len(got), len(want))
		}
	}
}

// TestAnalyzerTableLazy: a query does not build the lexicon's term table (a
// `marsad search` command would pay 0.1–0.2 s for it), a long text does, and
// the terms are the same either side of it.
func TestAnalyzerTableLazy(t *testing.T) {
	a := NewAnalyzer(DefaultAnalyzerOptions())
	query := "فائز السراج والمشير حفتر في بسرت"
	before := a.Analyze(query)
	if a.terms.Load() != nil {
		t.Fatal("a query built the term table")
	}
	long := strings.Repeat(query+" ", lazyTableAfter/5)
	a.Analyze(long)
	if a.terms.Load() == nil {
		t.Fatalf("%d words did not build the term table", lazyTableAfter)
	}
	if after := a.Analyze(query); !equalTerms(before, after) {
		t.Fatalf("terms without the table %v, with it %v", before, after)
	}
}
