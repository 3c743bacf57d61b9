package arabic

import "testing"

func TestSegment(t *testing.T) {
	tests := []struct {
		name, in           string
		prefix, stem, suff string
	}{
		{"preposition lam on a name", "لحفتر", "ل", "حفتر", ""},
		{"preposition beh on a place", "بسرت", "ب", "سرت", ""},
		{"conjunction and article", "والجيش", "وال", "جيش", ""},
		{"article", "الجيش", "ال", "جيش", ""},
		{"lam + article written لل", "للجيش", "لل", "جيش", ""},
		{"conjunction, future marker, imperfect verb", "وسيزور", "وس", "يزور", ""},
		{"waw as root letter: وزير", "وزير", "", "وزير", ""},
		{"beh as first letter: بريطانيا", "بريطانيا", "", "بريطانيا", ""},
		{"lam as first letter: لبنان", "لبنان", "", "لبنان", ""},
		{"feh as first letter: فرنسا", "فرنسا", "", "فرنسا", ""},
		{"seen as first letter: سرت", "سرت", "", "سرت", ""},
		{"kaf at both ends: كركوك", "كركوك", "", "كركوك", ""},
		{"lam as first letter: ليبيا", "ليبيا", "", "ليبيا", ""},
		{"governor, not و+إلى", "والي", "", "والي", ""},
		{"feh as first letter: فيصل", "فيصل", "", "فيصل", ""},
		{"article belongs to the name: المانيا", "المانيا", "", "المانيا", ""},
		{"conjunction before a name with ال", "والمانيا", "و", "المانيا", ""},
		{"pronoun suffix restores teh marbuta", "حكومته", "", "حكومه", "ه"},
		{"pronoun suffix ها", "وزيرها", "", "وزير", "ها"},
		{"stop word with conjunction stays whole", "وفي", "", "وفي", ""},
		{"crown prince, not و+لي", "ولي", "", "ولي", ""},
		{"conjunction, preposition and pronoun", "وعليه", "و", "علي", "ه"},
		{"conjunction before a verb", "واشار", "و", "اشار", ""},
		{"preposition before a noun in a fixed phrase", "بنسبه", "ب", "نسبه", ""},
		{"noun that takes the article: وطن", "وطن", "", "وطن", ""},
		{"nisba yeh is not a pronoun", "دولي", "", "دولي", ""},
		{"kaf ending a short noun", "بنك", "", "بنك", ""},
		{"stop word stays whole", "كما", "", "كما", ""},
		{"rare word keeps losing its article", "والكركديه", "وال", "كركديه", ""},
		{"guillemet-free definite name", "الوفاق", "ال", "وفاق", ""},
	}
	for _, tt := range tests {
		got := Segment(tt.in)
		if got.Prefix != tt.prefix || got.Stem != tt.stem || got.Suffix != tt.suff {
			t.Errorf("%s: Segment(%q) = %q+%q+%q, want %q+%q+%q", tt.name, tt.in,
				got.Prefix, got.Stem, got.Suffix, tt.prefix, tt.stem, tt.suff)
		}
		if got.Word != tt.in {
			t.Errorf("%s: Word = %q", tt.name, got.Word)
		}
	}
}

func TestStripClitics(t *testing.T) {
	for in, want := range map[string]string{"لحفتر": "حفتر", "بسرت": "سرت", "والجيش": "جيش", "وزير": "وزير"} {
		if got := StripClitics(in); got != want {
			t.Errorf("StripClitics(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLexiconLoads(t *testing.T) {
	if n := LexiconSize(); n < 10000 {
		t.Fatalf("embedded lexicon has %d forms", n)
	}
	if WordFreq("في") < 1000 {
		t.Errorf("WordFreq(في) = %d", WordFreq("في"))
	}
	if !IsStopword("في") || !IsStopword("التي") || IsStopword("ليبيا") || IsStopword("ابريل") {
		t.Error("stop-word list is off")
	}
}
