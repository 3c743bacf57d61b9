package event

import (
	"slices"
	"testing"
)

// TestCueFeatures: one row per cue and form.
func TestCueFeatures(t *testing.T) {
	tests := []struct {
		name, in string
		sec      bool
		purp     bool
	}{
		{"accusative masdar of purpose", "تجمع مئات المتظاهرين أمام البرلمان احتجاجا على القانون", false, true},
		{"lām + masdar of purpose", "احتشد الآلاف في الساحة للمطالبة باستقالة الحكومة", false, true},
		{"solidarity", "تظاهر الطلاب تضامنا مع المعتقلين", false, true},
		{"police with the conjunction", "واستخدمت الشرطة الغاز لتفريق المتظاهرين", true, false},
		{"riot police", "فرقت قوات مكافحة الشغب المتظاهرين", true, false},
		{"neither", "تظاهر مئات الطلاب أمس في العاصمة", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := splitWords(tc.in, 0, len(tc.in))
			ms := lex(t).Find(w)
			f := cueFeatures(nil, w, ms)
			if got := slices.Contains(f, "sec"); got != tc.sec {
				t.Errorf("%q: sec %v, want %v (%v)", tc.in, got, tc.sec, f)
			}
			if got := slices.Contains(f, "purp:PROTEST"); got != tc.purp {
				t.Errorf("%q: purp:PROTEST %v, want %v (%v)", tc.in, got, tc.purp, f)
			}
		})
	}
}
