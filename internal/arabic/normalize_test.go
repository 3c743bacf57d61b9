package arabic

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"alef maksura (Egyptian spelling, seed الليبى)", "الليبى", "الليبي"},
		{"hamza on yeh (seed فائز/فايز)", "فائز", "فايز"},
		{"hamza on yeh before waw, Egyptian (seed المسئولين)", "المسئولين", "المسيولين"},
		{"hamza on waw before waw", "المسؤولين", "المسيولين"},
		{"hamza on waw before waw with a damma between", "مسؤُول", "مسيول"},
		{"hamza on waw elsewhere", "مؤتمر", "موتمر"},
		{"alef with hamza above", "أمس", "امس"},
		{"alef with hamza below", "إيطاليا", "ايطاليا"},
		{"alef madda", "آكى", "اكي"},
		{"alef wasla", "ٱلله", "الله"},
		{"teh marbuta", "درنة", "درنه"},
		{"diacritics: harakat, shadda, tanween", "مُحَمَّدٌ", "محمد"},
		{"superscript alef", "هٰذا", "هذا"},
		{"quranic annotation marks", "الرَّحِيمِۖ", "الرحيم"},
		{"tatweel", "الـــجيش", "الجيش"},
		{"arabic-indic digits (seed ١٢)", "١٢", "12"},
		{"persian digits", "۱۲۴", "124"},
		{"arabic decimal and thousands separators", "١٬٢٠٠٫٥", "1,200.5"},
		{"arabic percent sign", "٥٪", "5%"},
		{"persian keheh and farsi yeh", "کرکوک ی", "كركوك ي"},
		{"heh with yeh above", "خانۀ", "خانه"},
		{"urdu heh goal and yeh barree", "ہے", "هي"},
		{"presentation forms: isolated letters", "\uFEDF\uFEE0", "لل"},
		{"presentation forms: lam-alef ligature (ﻻستقبال in arabic-news)", "ﻻستقبال", "لاستقبال"},
		{"right-to-left and left-to-right marks", "\u200fحفتر\u200e", "حفتر"},
		{"arabic letter mark and BOM", "\u061c\ufeffليبيا", "ليبيا"},
		{"zero-width non-joiner and joiner", "می\u200cخواهم\u200d", "ميخواهم"},
		{"directional embedding and isolate", "\u202bسرت\u202c \u2067بنغازي\u2069", "سرت بنغازي"},
		{"latin lower case", "NATO", "nato"},
		{"invalid UTF-8 becomes U+FFFD", "ليبيا\xff", "ليبيا\uFFFD"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("%s: Normalize(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
		if got := Normalize(Normalize(tt.in)); got != Normalize(tt.in) {
			t.Errorf("%s: not idempotent: %q", tt.name, got)
		}
	}
}

func TestNormOptionsEachFold(t *testing.T) {
	tests := []struct {
		name string
		off  func(*NormOptions)
		in   string // unchanged when the option is off
	}{
		{"RemoveDiacritics", func(o *NormOptions) { o.RemoveDiacritics = false }, "مُحَمَّد"},
		{"RemoveTatweel", func(o *NormOptions) { o.RemoveTatweel = false }, "الـجيش"},
		{"FoldAlef", func(o *NormOptions) { o.FoldAlef = false }, "أمس"},
		{"FoldAlefMaksura", func(o *NormOptions) { o.FoldAlefMaksura = false }, "الليبى"},
		{"FoldTehMarbuta", func(o *NormOptions) { o.FoldTehMarbuta = false }, "درنة"},
		{"FoldHamzaSeats", func(o *NormOptions) { o.FoldHamzaSeats = false }, "المسؤولين"},
		{"FoldPersian", func(o *NormOptions) { o.FoldPersian = false }, "کرکوک"},
		{"FoldPresentation", func(o *NormOptions) { o.FoldPresentation = false }, "\uFEDF\uFEE0"},
		{"FoldDigits", func(o *NormOptions) { o.FoldDigits = false }, "١٢"},
		{"RemoveFormatting", func(o *NormOptions) { o.RemoveFormatting = false }, "حفتر\u200f"},
		{"Lowercase", func(o *NormOptions) { o.Lowercase = false }, "NATO"},
	}
	for _, tt := range tests {
		opt := DefaultNormOptions()
		tt.off(&opt)
		if got := NewNormalizer(opt).Normalize(tt.in); got != tt.in {
			t.Errorf("%s off: Normalize(%q) = %q, want it unchanged", tt.name, tt.in, got)
		}
		if got := Normalize(tt.in); got == tt.in {
			t.Errorf("%s on: Normalize(%q) left it unchanged", tt.name, tt.in)
		}
	}
}

func TestNormalizeFastPathDoesNotAllocate(t *testing.T) {
	n := NewNormalizer(DefaultNormOptions())
	s := "قال المتحدث باسم الجيش الوطني الليبي احمد المسماري ان قواته تتقدم نحو سرت"
	if got := testing.AllocsPerRun(100, func() { _ = n.Normalize(s) }); got != 0 {
		t.Errorf("Normalize of clean text allocates %v times", got)
	}
	buf := make([]byte, 0, 256)
	if got := testing.AllocsPerRun(100, func() { buf = n.AppendNormalize(buf[:0], "الليبى") }); got != 0 {
		t.Errorf("AppendNormalize allocates %v times", got)
	}
}

func BenchmarkNormalize(b *testing.B) {
	n := NewNormalizer(DefaultNormOptions())
	s := "بدأ الجيش الوطنى الليبى بقيادة المشير خليفة حفتر الاستعداد لعملية عسكرية واسعة"
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for range b.N {
		_ = n.Normalize(s)
	}
}
