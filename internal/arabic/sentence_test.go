package arabic

import "testing"

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"full stop", "قال الوزير. وأضاف المتحدث.", []string{"قال الوزير.", "وأضاف المتحدث."}},
		{"arabic question mark", "هل انتهت الحرب؟ لا أحد يعرف", []string{"هل انتهت الحرب؟", "لا أحد يعرف"}},
		{"exclamation and question together", "حقاً؟! نعم", []string{"حقاً؟!", "نعم"}},
		{"line breaks", "العنوان\nالنص هنا", []string{"العنوان", "النص هنا"}},
		{"closing guillemet stays with the sentence", "قال «انتهى الأمر.» ثم غادر.", []string{"قال «انتهى الأمر.»", "ثم غادر."}},
		{"full stop before a closing guillemet", "وقال إن «الوضع مستقر». وتابع", []string{"وقال إن «الوضع مستقر».", "وتابع"}},
		{"full stop inside a long quotation", "قال إن «الربيع نجح. تونس ديمقراطية». وأضاف", []string{"قال إن «الربيع نجح.", "تونس ديمقراطية».", "وأضاف"}},
		{"curly quotes", "قال: “لن نتراجع.” وغادر", []string{"قال: “لن نتراجع.”", "وغادر"}},
		{"decimal number", "بلغ النمو 7.7% هذا العام. وتوقع", []string{"بلغ النمو 7.7% هذا العام.", "وتوقع"}},
		{"arabic decimal separator", "ارتفع ٣٫٥ نقطة. ثم", []string{"ارتفع ٣٫٥ نقطة.", "ثم"}},
		{"abbreviation: doctor", "يرى د. عبد الله الغذامي أنه محق.", []string{"يرى د. عبد الله الغذامي أنه محق."}},
		{"abbreviation: two titles", "حضر أ. د. محمد علي الحفل.", []string{"حضر أ. د. محمد علي الحفل."}},
		{"era after a year ends the sentence", "افتتح المطار في العام 1999م. وتأتي الجهود", []string{"افتتح المطار في العام 1999م.", "وتأتي الجهود"}},
		{"hijri era after a spaced year", "في عام 1436 هـ. من جهته أوضح", []string{"في عام 1436 هـ.", "من جهته أوضح"}},
		{"latin initial in a name", "فيلم George A. Romero الشهير.", []string{"فيلم George A. Romero الشهير."}},
		{"latin letter at the end of a sentence", "فيروس من نوع B. ومن أضراره", []string{"فيروس من نوع B.", "ومن أضراره"}},
		{"latin title", "said Dr. Smith today.", []string{"said Dr. Smith today."}},
		{"list number", "1. البند الأول", []string{"1. البند الأول"}},
		{"two dots as a pause inside a quotation", "«إديها ميه .. تديك طراوه». ثم", []string{"«إديها ميه .. تديك طراوه».", "ثم"}},
		{"two dots between sentences", "وحالته مستقرة.. أوضح ذلك العميد", []string{"وحالته مستقرة..", "أوضح ذلك العميد"}},
		{"ellipsis between sentences", "انتظرنا… ثم جاء", []string{"انتظرنا…", "ثم جاء"}},
		{"three dots inside a quotation", "قال «لا أعرف... ربما غداً» ثم صمت.", []string{"قال «لا أعرف... ربما غداً» ثم صمت."}},
		{"dots in brackets are not an end", "إنها معركة (...)، إنها", []string{"إنها معركة (...)، إنها"}},
		{"leading and trailing spaces trimmed", "  جملة.  ", []string{"جملة."}},
		{"urdu full stop", "یہ جملہ ہے۔ دوسرا", []string{"یہ جملہ ہے۔", "دوسرا"}},
	}
	for _, tt := range tests {
		ss := Sentences(tt.in)
		var got []string
		for _, s := range ss {
			got = append(got, tt.in[s.Start:s.End])
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: Sentences(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: sentence %d = %q, want %q", tt.name, i, got[i], tt.want[i])
			}
		}
	}
}
