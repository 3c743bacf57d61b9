package arabic

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // token texts joined by |, kinds checked separately
		kinds    []Kind
	}{
		{"guillemets around a name", "«الوفاق»", []string{"«", "الوفاق", "»"}, []Kind{KindPunct, KindArabic, KindPunct}},
		{"arabic comma, semicolon, question mark", "نعم، لا؛ متى؟", []string{"نعم", "،", "لا", "؛", "متى", "؟"}, nil},
		{"ellipsis", "انتهى…", []string{"انتهى", "…"}, nil},
		{"thousands separator", "قتل 1,200 شخص", []string{"قتل", "1,200", "شخص"}, []Kind{KindArabic, KindNumber, KindArabic}},
		{"arabic decimal separator", "٣٫٥ مليون", []string{"٣٫٥", "مليون"}, []Kind{KindNumber, KindArabic}},
		{"date with slashes", "2018/10/24", []string{"2018/10/24"}, []Kind{KindNumber}},
		{"number ends at a trailing comma", "12، و", []string{"12", "،", "و"}, nil},
		{"latin word with hyphen", "al-Sarraj قال", []string{"al-Sarraj", "قال"}, []Kind{KindLatin, KindArabic}},
		{"diacritics and tatweel stay inside the word", "مُحَمَّـد", []string{"مُحَمَّـد"}, nil},
		{"run-together before the article", "وزيرالخارجية", []string{"وزير", "الخارجية"}, nil},
		{"run-together after teh marbuta", "الأمنيةبعد", []string{"الأمنية", "بعد"}, nil},
		{"run-together after a particle", "لايوجد", []string{"لا", "يوجد"}, nil},
		{"compound name stays whole", "عبدالرحمن", []string{"عبدالرحمن"}, nil},
		{"rare theophoric name stays whole", "عبدالمحسن", []string{"عبدالمحسن"}, nil},
		{"pronoun suffix is not a run-together word", "يعتبرهم", []string{"يعتبرهم"}, nil},
		{"hamzated word after lam is not a particle", "لأقدم", []string{"لأقدم"}, nil},
		{"zero-width non-joiner inside a word", "می\u200cخواهم", []string{"می\u200cخواهم"}, nil},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in)
		var got []string
		for i, tk := range toks {
			got = append(got, tk.Text)
			if tk.Text != tt.in[tk.Start:tk.End] {
				t.Errorf("%s: token %d text %q != in[%d:%d]", tt.name, i, tk.Text, tk.Start, tk.End)
			}
			if tt.kinds != nil && i < len(tt.kinds) && tk.Kind != tt.kinds[i] {
				t.Errorf("%s: token %q kind %v, want %v", tt.name, tk.Text, tk.Kind, tt.kinds[i])
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: Tokenize(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestRunTogetherOffsets(t *testing.T) {
	text := "قال وزيرالخارجية أمس"
	toks := Tokenize(text)
	if len(toks) != 4 {
		t.Fatalf("got %d tokens: %+v", len(toks), toks)
	}
	if toks[1].Norm != "وزير" || toks[2].Norm != "الخارجيه" || toks[1].End != toks[2].Start {
		t.Errorf("split = %+v %+v", toks[1], toks[2])
	}
	plain := NewTokenizer(TokenizerOptions{Norm: DefaultNormOptions()}).AppendTokens(nil, text)
	if len(plain) != 3 {
		t.Errorf("SplitRunTogether off: got %d tokens", len(plain))
	}
}
