package entity

import (
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
)

// TestCuePhenomena has one row per cue the CueFinder reads. Names are
// invented or common in news, not taken from the evaluation seeds.
func TestCuePhenomena(t *testing.T) {
	f, err := NewCueFinder(DefaultCueOptions())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, text string
		have       []string // tagger mentions given as TYPE:text (first occurrence)
		want       []string // TYPE:text of every mention after the finder
	}{
		{"rank before an unseen name", "وصل العقيد مختار زرقون إلى المدينة.", nil, []string{"PER:مختار زرقون"}},
		{"compound name over a MISC second part", "طالبوا بالإفراج عن سيف الإسلام أمس.", []string{"MISC:الإسلام"}, []string{"PER:سيف الإسلام"}},
		{"compound name runs on over the family's name", "وقال معمر القذافي إن ابنه سيف الإسلام القذافي سيحاكم.", []string{"PER:معمر القذافي"}, []string{"PER:معمر القذافي", "PER:سيف الإسلام القذافي"}},
		{"الله alone stays", "قال إن شاء الله.", []string{"MISC:الله"}, []string{"MISC:الله"}},
		{"office with complement", "أعلن وزير الخارجية كمال بوعزة الخبر.", nil, []string{"PER:كمال بوعزة"}},
		{"office with nisba skipped", "التقى المبعوث الأممي رامي قنديل الوفد.", nil, []string{"PER:رامي قنديل"}},
		{"verb after the name is not the name", "قال إن العميد زرقون تحدث عن الوضع.", nil, []string{"PER:زرقون"}},
		{"rank joins a tagged surname", "وصل اللواء مختار زرقون.", []string{"PER:زرقون"}, []string{"PER:مختار زرقون"}},
		{"spokesman is followed by a body", "قال الناطق باسم غرفة العمليات.", nil, nil},
		{"possessive relation is not a name", "استقبل المبعوث الأممي ونائبته الوفد.", nil, nil},
		{"coordinated noun after an office", "من رئيس وزراء ومجلس رئاسي.", nil, nil},
		{"frequent word after a title", "قال الرئيس الجديد إن.", nil, nil},
		{"a street's head joins the tagged place", "تدور اشتباكات في شارع الأربعين وجبل الوحش.", []string{"LOC:الأربعين", "LOC:الوحش"}, []string{"LOC:شارع الأربعين", "LOC:جبل الوحش"}},
		{"a street's head makes no place of its own", "في شارع الأربعين.", nil, nil},
		{"armed group head in construct", "قاتل لواء الزرقاوي في الجنوب.", nil, []string{"ORG:لواء الزرقاوي"}},
		{"rank as first word of a group", "انسحبت كتيبة السلطان من الموقع.", nil, []string{"ORG:كتيبة السلطان"}},
		{"rank with article is a rank", "وصل اللواء الزرقاوي.", nil, nil},
		{"group head before a common noun", "قرر الحزب تغيير حركة المرور.", nil, nil},
		{"unit by its number and arm", "شن الطيران غارات على معسكر اللواء 17 مشاة في المنطقة.", nil, []string{"ORG:اللواء 17 مشاة"}},
		{"unit by its number alone", "اختطف مسلحون عناصر من الفرقة 30 أمس.", nil, []string{"ORG:الفرقة 30"}},
		{"unit with an ordinal and arm, guards with their kind", "قال آمر لواء أول مشاة إن جنودا من الكتيبة 21 حرس حدود قتلوا.", nil, []string{"ORG:لواء أول مشاة", "ORG:الكتيبة 21 حرس حدود"}},
		{"an ordinal without an arm is no unit", "صعد الفريق إلى الفرقة الأولى في الدوري.", nil, nil},
		{"coordinated second group", "فصائل لواء صقور الجبل والحمزات.", nil, []string{"ORG:لواء صقور الجبل"}},
		{"body with adjective and ل complement", "قالت المنظمة العربية لحقوق الإنسان إن.", nil, []string{"ORG:المنظمة العربية لحقوق الإنسان"}},
		{"body in construct with a country adjective", "صوت مجلس الشيوخ الفرنسي على القرار.", nil, []string{"ORG:مجلس الشيوخ الفرنسي"}},
		{"facility before a rare name", "سقطت قذائف على قاعدة الوطية الجوية.", nil, []string{"LOC:قاعدة الوطية"}},
		{"facility extends a tagged place", "هبطت الطائرة في مطار بنغازي.", []string{"LOC:بنغازي"}, []string{"LOC:مطار بنغازي"}},
		{"facility before a common word", "هذه قاعدة عامة في العمل.", nil, nil},
		{"a wadi before a rare name; وأدى is a verb", "سقطت سيارة في وادي الحنيشة وأدى الانقسام إلى إصابات.", nil, []string{"LOC:وادي الحنيشة"}},
		{"district before a rare name", "سيطرت المقاومة على مديرية قحزيبة وتقدمت بمديرية الحنيشة.", nil, []string{"LOC:قحزيبة", "LOC:الحنيشة"}},
		{"a quarter by its definite name", "اندلع حريق في عمارة بحي الخشع وتضرر حي القمرية.", nil, []string{"LOC:الخشع", "LOC:القمرية"}},
		{"حي alive, and the given name وحي after a rank", "لا يزال حي يرزق وقال المهندس وحي الدمان إن.", nil, nil},
		{"district before a common noun", "قالت مديرية الأمن ومديرية الشر إن ناحية الألفاظ.", nil, nil},
		{"hotel before a rare name", "أقيم الحفل في فندق موفنبيك بالرياض.", nil, []string{"LOC:فندق موفنبيك"}},
		{"palace before a definite name in ـيه", "بدأ محادثات مع ماكرون في قصر الإليزيه.", nil, []string{"LOC:قصر الإليزيه"}},
		{"palace before a definite name in ـية", "تظاهروا أمام قصر الاتحادية أمس.", nil, []string{"LOC:قصر الاتحادية"}},
		{"district before a definite name in ـي", "سيطرت القوات على منطقة التواهي أمس.", nil, []string{"LOC:التواهي"}},
		{"a definite nisba noun also written bare is no name", "زار الأطفال مدينة الملاهي أمس.", nil, nil},
		{"a frequent definite noun after a palace is no name", "مثل المتهم أمام قصر العدل أمس.", nil, nil},
		{"بلده with a pronoun is no town descriptor", "أن ينفذ عملية في بلده الأصلي أو غيره.", nil, nil},
		{"group name ending in a tagged place", "قال أمين حزب نهضة ليبيا إن.", []string{"LOC:ليبيا"}, []string{"ORG:حزب نهضة ليبيا"}},
		{"compound name in a group", "قاتلت كتيبة شهداء أبو زرقون هناك.", nil, []string{"ORG:كتيبة شهداء أبو زرقون"}},
		{"possessive after a facility", "يريدون توسيع قاعدة أنصارهم هناك.", nil, nil},
		{"accusative noun after a title", "عاد الفريق قادما من لندن.", []string{"LOC:لندن"}, []string{"LOC:لندن"}},
		{"indefinite adjective after a title", "قضى اللاعب مدة زمنية هناك.", nil, nil},
		{"common noun with article is not a title", "قال إن الأمر صعب.", nil, nil},
		{"rare word after a place descriptor", "وصلوا إلى بلدة الزرقونة أمس.", nil, []string{"LOC:الزرقونة"}},
		{"adjective after a place descriptor", "في منطقة عسكرية مغلقة.", nil, nil},
		{"office with a tagged complement", "قال مبعوث الأمم المتحدة رامي قنديل إن.", []string{"ORG:الأمم المتحدة"}, []string{"ORG:الأمم المتحدة", "PER:رامي قنديل"}},
		{"office, preposition and a tagged place", "وصل المبعوث الخاص إلى ليبيا رامي قنديل.", []string{"LOC:ليبيا"}, []string{"LOC:ليبيا", "PER:رامي قنديل"}},
		{"unit named after a tagged person", "هاجمت كتيبة سالم زرقون الموقع.", []string{"PER:سالم زرقون"}, []string{"ORG:كتيبة سالم زرقون"}},
		{"group name closing with a tagged person", "قاتلت فرقة السلطان زرقون هناك.", []string{"PER:زرقون"}, []string{"ORG:فرقة السلطان زرقون"}},
		{"party head before a tagged person stays apart", "قال حزب سالم زرقون.", []string{"PER:سالم زرقون"}, []string{"PER:سالم زرقون"}},
		{"conjunction before a facility", "ومطار الأبرق مغلق.", nil, []string{"LOC:مطار الأبرق"}},
		{"possessed envoy, adjective and a tagged place", "استقبل الأمين العام ومبعوثه الخاص إلى اليمن رامي قنديل أمس.", []string{"LOC:اليمن"}, []string{"LOC:اليمن", "PER:رامي قنديل"}},
		{"possessed deputy with a لل phrase", "وحضر الوزير ونائبته للشؤون الإدارية سلمى زرقون الاجتماع.", nil, []string{"PER:سلمى زرقون"}},
		{"possessed office directly before a name", "وصل الرئيس ونائبه مختار زرقون إلى القاعة.", nil, []string{"PER:مختار زرقون"}},
		{"office before a possessed complement", "التقى الرئيس ووزير خارجيته كمال بوعزة في العاصمة.", nil, []string{"PER:كمال بوعزة"}},
		{"possessed office in apposition between commas", "نقلت الحكومة عن وزير دفاعها، ماهر زرقون، أن الهجوم فشل.", nil, []string{"PER:ماهر زرقون"}},
		{"possessed office, comma and an open clause", "قال وزير دفاعها، ماهر زرقون يرى أن الهجوم فشل.", nil, nil},
		{"feminine office before an indefinite complement", "قالت وزيرة مالية سابقة إن الخطة فشلت.", nil, nil},
		{"matter with a pronoun is not a commander", "يتولى أمرها علماء مختصون بالشأن.", nil, nil},
		{"possessed office before a purpose clause", "تحدث الموظف مع رئيسه لمعرفة أسباب القرار.", nil, nil},
		{"possessed office before one word only", "وصل الوزير ونائبه زرقون.", nil, nil},
		{"possessed office before a preposition and a common noun", "اجتمع الرئيس ونائبه في القاعة الكبرى.", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var have []model.Mention
			for _, h := range c.have {
				typ, s, _ := strings.Cut(h, ":")
				i := indexOf(c.text, s)
				if i < 0 {
					t.Fatalf("%q not in text", s)
				}
				have = append(have, model.Mention{Text: s, Start: i, End: i + len(s), Type: typ})
			}
			got := f.Find(c.text, have)
			var gs []string
			for _, m := range got {
				if m.Text != c.text[m.Start:m.End] {
					t.Fatalf("mention %q does not match its span", m.Text)
				}
				gs = append(gs, m.Type+":"+m.Text)
			}
			if len(gs) != len(c.want) {
				t.Fatalf("got %q, want %q", gs, c.want)
			}
			for i := range gs {
				if gs[i] != c.want[i] {
					t.Fatalf("got %q, want %q", gs, c.want)
				}
			}
		})
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func FuzzCueFinder(f *testing.F) {
	cf, err := NewCueFinder(DefaultCueOptions())
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"وصل المشير فلان", "لواء صقور", "مطار", "المرصد السوري لحقوق"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range cf.Find(s, nil) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
				t.Fatalf("bad mention %+v", m)
			}
		}
	})
}
