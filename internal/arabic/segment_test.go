package arabic

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
		{"conjunction feh with article", "فالحكومه", "فال", "حكومه", ""},
		{"preposition kaf (as)", "كرييس", "ك", "رييس", ""},
		{"kaf with article", "كالعاده", "كال", "عاده", ""},
		{"lam before an imperfect verb", "ليزور", "ل", "يزور", ""},
		{"future marker alone", "سيزور", "س", "يزور", ""},
		{"future marker before a noun-like word stays: سيارات", "سيارات", "", "سيارات", ""},
		{"pronoun suffix هم", "مواقعهم", "", "مواقع", "هم"},
		{"pronoun suffix هما", "قواتهما", "", "قوات", "هما"},
		{"pronoun suffix نا", "اعمالنا", "", "اعمال", "نا"},
		{"definite noun takes no suffix: العامه ≠ العام+ه", "العامه", "", "العامه", ""},
		{"foreign name ending in تي", "كونتي", "", "كونتي", ""},
		{"foreign name after a preposition", "بينوتي", "", "بينوتي", ""},
		{"town ending in ك after و", "وبراك", "و", "براك", ""},
		{"كن is not a suffix", "تتمكن", "", "تتمكن", ""},
		{"pronoun suffix هم with conjunction", "وصفتهم", "و", "صفه", "هم"},
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

func TestSegmentText(t *testing.T) {
	tests := []struct {
		name, in           string
		prefix, stem, suff string
	}{
		{"final teh marbuta is not a pronoun", "تركية", "", "تركيه", ""},
		{"city with article after و", "والكفرة", "و", "الكفره", ""},
		{"final heh can be a pronoun", "خطته", "", "خطه", "ه"},
		{"teh marbuta under a tanween", "منطقةً", "", "منطقه", ""},
	}
	for _, tt := range tests {
		got := SegmentText(tt.in)
		if got.Prefix != tt.prefix || got.Stem != tt.stem || got.Suffix != tt.suff {
			t.Errorf("%s: SegmentText(%q) = %q+%q+%q, want %q+%q+%q", tt.name, tt.in,
				got.Prefix, got.Stem, got.Suffix, tt.prefix, tt.stem, tt.suff)
		}
	}
}

// TestSegmentKeepsNames measures how many one-word names of ANERcorp's
// gazetteers (ANERGazet: places, people, organisations; research use, read
// from ../shared/data, not shipped) the segmenter cuts beyond a definite
// article. Some cuts are real readings (باسم is also ب+اسم, بالي is also
// ب+إلى); the guard catches regressions. Run with -v for the figures.
func TestSegmentKeepsNames(t *testing.T) {
	dir := filepath.Join(sharedData(t), "anercorp", "ANERGazet")
	total, cut := 0, 0
	for _, name := range []string{"AlignedLocGazetteer.txt", "AlignedPersGazetteer.txt", "AlignedOrgGazetteer.txt"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Skip("ANERGazet: ", err)
		}
		seen := map[string]bool{}
		n, c := 0, 0
		var examples []string
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			for _, w := range strings.Fields(sc.Text()) {
				toks := Tokenize(w)
				if len(toks) != 1 || toks[0].Kind != KindArabic || seen[toks[0].Norm] {
					continue
				}
				seen[toks[0].Norm] = true
				n++
				if s := SegmentText(w); (s.Prefix != "" && s.Prefix != "ال") || s.Suffix != "" {
					c++
					if len(examples) < 12 {
						examples = append(examples, s.Prefix+"+"+s.Stem+"+"+s.Suffix)
					}
				}
			}
		}
		f.Close()
		t.Logf("%s: %d one-word names, %d cut beyond the article (%.1f%%), e.g. %v", name, n, c, 100*float64(c)/float64(max(n, 1)), examples)
		total, cut = total+n, cut+c
	}
	if share := float64(cut) / float64(max(total, 1)); share > 0.04 {
		t.Errorf("%.1f%% of gazetteer names cut", 100*share)
	}
}
