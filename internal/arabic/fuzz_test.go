package arabic

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are the seed corpus of every fuzz target: the phenomena of the
// table tests plus broken input.
var fuzzSeeds = []string{
	"", " ", "المشير حفتر يستقبل المبعوث الأممى ونائبته فى الرجمة.. ويزور روما",
	"قال وزيرالخارجية إن «الوفاق» ستحضر. وأضاف د. محمد: ١٢ أو 12؟",
	"المسئولين المسؤولين مسؤُول فائز فايز الليبى الليبي",
	"مُحَمَّـــد \u200fحفتر\u200e ﻟﻠ ﷲ ک ی ۀ ۱۲ ٣٫٥ 1,200.5 2018/10/24",
	"George A. Romero (USA) al-Sarraj O'Brien", "لحفتر بسرت والجيش وسيزور حكومته",
	"\xff\xfe\x00bad\xc3", "ؤ\u064fو", "ؤ", "«»“”...…؟!", "1. 2. 3.", "عام 1999م. ثم 1436 هـ.",
	strings.Repeat("ب", 300), "ةى", "a\u0301\u064b",
}

func FuzzNormalize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	n := NewNormalizer(DefaultNormOptions())
	f.Fuzz(func(t *testing.T, s string) {
		got := n.Normalize(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Normalize(%q) = %q: invalid UTF-8", s, got)
		}
		if again := n.Normalize(got); again != got {
			t.Fatalf("not idempotent: %q → %q → %q", s, got, again)
		}
		if b := n.AppendNormalize(nil, s); string(b) != got {
			t.Fatalf("AppendNormalize(%q) = %q, Normalize = %q", s, b, got)
		}
	})
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tk := range Tokenize(s) {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("token %+v out of order or outside [%d, %d]", tk, prev, len(s))
			}
			if tk.Text != s[tk.Start:tk.End] {
				t.Fatalf("token text %q != s[%d:%d]", tk.Text, tk.Start, tk.End)
			}
			if !utf8.ValidString(tk.Norm) {
				t.Fatalf("token norm %q invalid UTF-8", tk.Norm)
			}
			prev = tk.End
		}
	})
}

func FuzzSegment(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w := Normalize(s)
		seg := Segment(w)
		if seg.Word != w || !strings.HasPrefix(w, seg.Prefix) || !strings.HasSuffix(w, seg.Suffix) ||
			len(seg.Prefix)+len(seg.Suffix) > len(w) {
			t.Fatalf("Segment(%q) = %+v", w, seg)
		}
		mid := w[len(seg.Prefix) : len(w)-len(seg.Suffix)]
		if seg.Stem != mid && seg.Stem != strings.TrimSuffix(mid, "ت")+"ه" {
			t.Fatalf("Segment(%q): stem %q is not %q", w, seg.Stem, mid)
		}
		if seg.Stem == "" && w != "" {
			t.Fatalf("Segment(%q): empty stem", w)
		}
		if st := Stem(seg.Stem); !utf8.ValidString(st) || (st == "" && seg.Stem != "") {
			t.Fatalf("Stem(%q) = %q", seg.Stem, st)
		}
		if st := SegmentText(s); st.Word != w || !strings.HasPrefix(w, st.Prefix) || !strings.HasSuffix(w, st.Suffix) ||
			len(st.Prefix)+len(st.Suffix) > len(w) {
			t.Fatalf("SegmentText(%q) = %+v", s, st)
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, se := range Sentences(s) {
			if se.Start < prev || se.End <= se.Start || se.End > len(s) {
				t.Fatalf("sentence %+v out of order or outside [%d, %d] in %q", se, prev, len(s), s)
			}
			txt := s[se.Start:se.End]
			if strings.TrimSpace(txt) != txt {
				t.Fatalf("sentence %q has outer spaces", txt)
			}
			prev = se.End
		}
	})
}

func FuzzAnalyzer(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	a := NewAnalyzer(DefaultAnalyzerOptions())
	plain := NewAnalyzer(AnalyzerOptions{Norm: DefaultNormOptions(), StripClitics: true, Stem: true, DropStopwords: true, NoRunTogether: true})
	f.Fuzz(func(t *testing.T, s string) {
		prevStart, prevPos := 0, -1
		for _, term := range a.Analyze(s) {
			if term.Start < prevStart || term.End <= term.Start || term.End > len(s) || term.Pos <= prevPos {
				t.Fatalf("term %+v out of order or outside the text (%d bytes)", term, len(s))
			}
			if term.Term == "" || !utf8.ValidString(term.Term) {
				t.Fatalf("term %+v empty or invalid UTF-8", term)
			}
			prevStart, prevPos = term.Start, term.Pos
		}
		// the fused loop gives what tokenising and mapping each token gives
		if got, want := a.Analyze(s), referenceTerms(a, s); !equalTerms(got, want) {
			t.Fatalf("Analyze(%q) = %+v, token by token %+v", s, got, want)
		}
		// the memoised fast path and the plain chain agree word by word
		for _, tk := range AppendTokens(nil, s, defaultNormalizer) {
			if tk.Kind != KindArabic {
				continue
			}
			if x, y := a.TermOf(tk.Norm, tk.Kind), plain.termOf(tk.Norm); x != y {
				t.Fatalf("TermOf(%q) = %q, chain gives %q", tk.Norm, x, y)
			}
		}
	})
}

// referenceTerms is the Analyzer's chain written plainly: tokenise, then map
// each word token with TermOf.
func referenceTerms(a *Analyzer, s string) []Term {
	var out []Term
	pos := 0
	for _, tk := range a.tok.AppendTokens(nil, s) {
		if !tk.IsWord() {
			continue
		}
		if term := a.TermOf(tk.Norm, tk.Kind); term != "" {
			out = append(out, Term{Term: term, Start: tk.Start, End: tk.End, Pos: pos})
		}
		pos++
	}
	return out
}

func equalTerms(a, b []Term) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
