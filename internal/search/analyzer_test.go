package search

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/story"
)

func newTestAnalyzer(t testing.TB) *Analyzer {
	t.Helper()
	a, err := NewAnalyzer(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func terms(a *Analyzer, s string) string {
	return strings.Join(termStrings(a.Terms(s)), " ")
}

// One row per phenomenon: both spellings must give the same terms.
func TestAnalyzerVariants(t *testing.T) {
	a := newTestAnalyzer(t)
	for _, tc := range []struct{ name, x, y string }{
		{"hamza on yeh", "فائز", "فايز"},
		{"hamza seat on alef", "إردوغان", "أردوغان"},
		{"American ي/ي", "الأمريكية", "الأميركية"},
		{"America", "أمريكا", "أميركا"},
		{"g as غ or ج", "فاغنر", "فاجنر"},
		{"Syriac month, two words", "كانون الأول", "ديسمبر"},
		{"Maghrebi month", "جوان", "يونيو"},
		{"v as ڤ", "ڤنزويلا", "فنزويلا"},
		{"burg suffix", "لوكسمبورج", "لوكسمبورغ"},
		{"alef maksura", "مصطفى", "مصطفي"},
		{"Arabic-Indic digits", "١٢", "12"},
		{"article", "السراج", "سراج"},
		{"name the stemmer would cut", "بلينكن", "بلنكن"},
		{"name with proclitic", "وبلينكن", "بلنكن"},
		{"two-word month after a clitic", "لكانون الأول", "ديسمبر"},
		{"Egyptian g in Google", "جوجل", "غوغل"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if x, y := terms(a, tc.x), terms(a, tc.y); x != y || x == "" {
				t.Errorf("%s → %q, %s → %q: want equal", tc.x, x, tc.y, y)
			}
		})
	}
}

func TestAnalyzerOffsets(t *testing.T) {
	a := newTestAnalyzer(t)
	text := "في 12و13 كانون الأول، التقى ممثلو Wagner"
	for _, tm := range a.Terms(text) {
		if tm.Start < 0 || tm.End > len(text) || tm.Start >= tm.End {
			t.Fatalf("bad offsets %+v", tm)
		}
	}
	got := " " + terms(a, text) + " "
	if !strings.Contains(got, " 12 ") || !strings.Contains(got, " 13 ") || !strings.Contains(got, " ديسمبر ") {
		t.Errorf("terms %q: want 12, 13 split from the glued و and كانون الأول → ديسمبر", got)
	}
	// The multi-word variant spans both words in the original.
	for _, tm := range a.Terms(text) {
		if tm.Term == "ديسمبر" && text[tm.Start:tm.End] != "كانون الأول" {
			t.Errorf("span %q, want كانون الأول", text[tm.Start:tm.End])
		}
	}
}

func TestSafeTerm(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"al-sarraj", "al·sarraj"},
		{"3.5", "3·5"},
		{"ABC", "abc"},
		{"سرت", "سرت"},
		{"ΑΘΗΝΑ", "αθηνα"}, // a cased script outside Arabic is lowered
		{"سرتÉ", "سرتé"},   // even after Arabic letters
		{"ڤيينا", "ڤيينا"}, // Arabic-block letters have no case
		{strings.Repeat("ب", 100), strings.Repeat("ب", 32)},
	} {
		if got := safeTerm(tc.in); got != tc.want {
			t.Errorf("safeTerm(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseQueryBadInput(t *testing.T) {
	a := newTestAnalyzer(t)
	for _, tc := range []struct {
		name, q string
		want    error
	}{
		{"empty", "", ErrEmptyQuery},
		{"spaces", "   \t\n", ErrEmptyQuery},
		{"punctuation", "!!! ؟؟ ،،، ... «»", ErrEmptyQuery},
		{"only stopwords", "في من على", ErrEmptyQuery},
		{"only exclusions", "-سرت", ErrEmptyQuery},
		{"operators only", `AND OR NOT NEAR * ^ : " ( ) -`, ErrEmptyQuery},
		{"10,000 characters", strings.Repeat("سرت ", 2500), ErrQueryTooLong},
		{"invalid utf-8", "\xff\xfe", ErrEmptyQuery},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := a.ParseQuery(tc.q)
			if !errors.Is(err, tc.want) {
				t.Errorf("ParseQuery(%.40q) error %v, want %v", tc.q, err, tc.want)
			}
		})
	}
}

func TestParseQuerySyntax(t *testing.T) {
	a := newTestAnalyzer(t)
	q, err := a.ParseQuery(`"فايز السراج" سرت OR بنغازي -حفتر NEAR (طرابلس)*`)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Must) != 3 || len(q.Not) != 1 {
		t.Fatalf("got %d must, %d not: %+v", len(q.Must), len(q.Not), q)
	}
	if p := q.Must[0].Alts[0]; len(p) != 2 || p[0] != "فايز" || p[1] != "سراج" {
		t.Errorf("phrase %v", p)
	}
	has := func(c int, w string) bool {
		for _, alt := range q.Must[c].Alts {
			if len(alt) == 1 && alt[0] == w {
				return true
			}
		}
		return false
	}
	if !has(1, "سرت") || !has(1, "بنغازي") {
		t.Errorf("OR clause %v", q.Must[1].Alts)
	}
	if !has(2, "طرابلس") {
		t.Errorf("operator chars not dropped: %v", q.Must[2].Alts)
	}
	q, _ = a.ParseQuery("بسرت")
	if len(q.Must) != 1 || !func() bool {
		for _, alt := range q.Must[0].Alts {
			if alt[0] == "سرت" {
				return true
			}
		}
		return false
	}() {
		t.Errorf("بسرت should also look for سرت: %v", q.Must)
	}
}

// A word whose first letter could be a proclitic looks for the word
// without it only when that reading is the likelier one in the news: بسرت
// finds سرت, but وزارة ("ministry") must not find زار ("visited"), nor
// لبنان بنان or كتائب تائب.
func TestQueryCliticAlternatives(t *testing.T) {
	a := newTestAnalyzer(t)
	for _, tc := range []struct {
		q, alt string
		want   bool
	}{
		{"بسرت", "سرت", true},
		{"وزارة", "زار", false},
		{"الوزارة", "زار", false},
		{"لبنان", "بنان", false},
		{"كتائب", "تايب", false},
	} {
		q, err := a.ParseQuery(tc.q)
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, alt := range q.Must[0].Alts {
			got = got || len(alt) == 1 && alt[0] == tc.alt
		}
		if got != tc.want {
			t.Errorf("%s: alternative %s %v, want %v (%v)", tc.q, tc.alt, got, tc.want, q.Must[0].Alts)
		}
	}
}

func FuzzParseQuery(f *testing.F) {
	a := newTestAnalyzer(f)
	for _, s := range []string{"", `"a`, "-", "سرت OR", `«فايز`, "NOT NOT", "12و13"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := a.ParseQuery(s)
		if err != nil {
			return
		}
		if len(q.Must) == 0 {
			t.Fatal("no error and no clauses")
		}
		for _, c := range append(q.Must, q.Not...) {
			for _, alt := range c.Alts {
				for _, w := range alt {
					if w == "" || strings.ContainsAny(w, " \t\"'*:()^-") || len(w) > MaxTermBytes {
						t.Fatalf("unsafe term %q", w)
					}
				}
			}
		}
	})
}

// TestTermsWordsAreStoryWords: the words TermsWords returns beside the
// terms (and Words alone) are story.Words' (stores sign them for near-duplicates, and their
// near-duplicates must be extract's): run-together words, foreign letters
// (folded for the terms only), digits, Latin, marks, punctuation.
func TestTermsWordsAreStoryWords(t *testing.T) {
	a := newTestAnalyzer(t)
	for _, text := range []string{
		probe,
		"وزيرالخارجية الأمريكي في ڤنزويلا وگوگل، ٢٠١٦ و12و13 نوفمبر/تشرين الثاني",
		"مُحَمَّد ـــ الرئيـــس‌ «قال»: لن... e-mail U.S. 3.5% #وسم @حساب",
		"", "،،، !!!", "a", "\xff\xfe كلمة",
	} {
		terms, words := a.TermsWords(text)
		if want := story.Words(text); !slices.Equal(words, want) {
			t.Errorf("%q: words %q, story.Words %q", text, words, want)
		}
		if want := a.Terms(text); !slices.Equal(terms, want) {
			t.Errorf("%q: terms differ from Terms", text)
		}
		if w := a.Words(text); !slices.Equal(w, words) && len(w)+len(words) > 0 {
			t.Errorf("%q: Words %q, TermsWords' %q", text, w, words)
		}
	}
}
