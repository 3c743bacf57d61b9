package arabic

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"alef maksura (Egyptian spelling)", "الليبى", "الليبي"},
		{"hamza on yeh", "فائز", "فايز"},
		{"hamza on waw", "المسئولين", "المسيولين"},
		{"hamza on waw before waw (Egyptian ئو)", "المسؤولين", "المسيولين"},
		{"hamza on waw elsewhere", "مؤتمر", "موتمر"},
		{"alef with hamza above", "أمس", "امس"},
		{"alef with hamza below", "إيطاليا", "ايطاليا"},
		{"alef madda", "آكى", "اكي"},
		{"teh marbuta", "درنة", "درنه"},
		{"diacritics", "مُحَمَّد", "محمد"},
		{"tatweel", "الـــجيش", "الجيش"},
		{"arabic-indic digits", "١٢", "12"},
		{"persian digits", "۱۲", "12"},
		{"persian keheh and yeh", "کرکوک ی", "كركوك ي"},
		{"presentation forms", "\uFEDF\uFEE0", "لل"},
		{"directional marks", "حفتر\u200f", "حفتر"},
		{"latin lower", "NATO", "nato"},
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
