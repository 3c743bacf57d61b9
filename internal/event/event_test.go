package event

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/model"
)

func lex(t testing.TB) *Lexicon {
	t.Helper()
	l, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// firstMatch returns the first trigger of type typ in s.
func firstMatch(t *testing.T, s, typ string) ([]word, Match, bool) {
	t.Helper()
	w := splitWords(s, 0, len(s))
	for _, m := range lex(t).Find(w) {
		if m.Pattern.Type == typ {
			return w, m, true
		}
	}
	return w, Match{}, false
}

func TestTriggers(t *testing.T) {
	tests := []struct{ name, in, typ, mode string }{
		{"past verb", "استقبل الرئيس الوفد", "CONSULT", "meet"},
		{"present verb", "يستقبل الرئيس الوفد", "CONSULT", "meet"},
		{"feminine present", "تستقبل الوزيرة الوفد", "CONSULT", "meet"},
		{"masdar", "خلال استقبال الوفد", "CONSULT", "meet"},
		{"weak verb past", "التقى حفتر الوفد", "CONSULT", "meet"},
		{"conjunction + future + verb", "وسيلتقي الوزير نظيره", "CONSULT", "meet"},
		{"noun with article and preposition", "بعد اللقاء", "CONSULT", "meet"},
		{"visit noun with pronoun", "زيارته إلى روما", "CONSULT", "visit"},
		{"dual pronoun", "وتأتي زيارتاه لروما", "CONSULT", "visit"},
		{"discuss with", "بحث الوزير مع نظيره", "CONSULT", "meet"},
		{"phone call", "في اتصال هاتفي", "CONSULT", "phone"},
		{"air strikes with gap", "شن سلاح الجو الليبي ضربات على", "ASSAULT", "aerial"},
		{"air raid plural", "نفذت القوات 6 غارات جوية", "ASSAULT", "aerial"},
		{"shelling", "وقصفت المدفعية الحي", "ASSAULT", "artillery"},
		{"left dead", "أسفرت عن مقتل 17", "ASSAULT", ""},
		{"car bomb", "انفجار سيارة مفخخة", "ASSAULT", "explosives"},
		{"drone", "طائرات مسيرة تركية", "ASSAULT", "drone"},
		{"abduction", "اختطف مسلحون موظفا", "ASSAULT", "abduct"},
		{"prisoner exchange is RETREAT release", "تبادلت أمس 8 أسرى", "RETREAT", "release"},
		{"release", "أفرجت السلطات عن", "RETREAT", "release"},
		{"withdrawal", "انسحاب مجموعات من المرتزقة", "RETREAT", "withdraw"},
		{"declared ceasefire is CONCEDE", "أعلن الجيش وقف إطلاق النار", "CONCEDE", "ceasefire"},
		{"arrest phrase", "ألقت القبض على رجلين", "COERCE", "arrest"},
		{"arrest masdar", "حملة اعتقالات واسعة", "COERCE", "arrest"},
		{"seizure", "كما صادرت كمية من الأسلحة", "COERCE", "seize"},
		{"threat", "هدد الرئيس بفرض", "THREATEN", ""},
		{"accusation", "اتهمت الحكومة المعارضة", "ACCUSE", "accuse"},
		{"condemnation", "أدانت الجامعة الهجوم", "ACCUSE", "condemn"},
		{"welcome", "رحبت الخارجية بالاتفاق", "SUPPORT", "praise"},
		{"call for", "دعا صالح إلى حث البعثة", "REQUEST", ""},
		{"opened fire", "ان دبابات روسية فتحت النار على سكان", "ASSAULT", "firearms"},
		{"opened fire of weapons", "فتح مسلحون نيران أسلحتهم على المارة", "ASSAULT", "firearms"},
		{"was beaten (تعرض ل)", "أنه تعرض للضرب والتهديد", "ASSAULT", ""},
		{"took hostages", "احتجزوا أربعة من شرطة إسلام آباد رهائن", "ASSAULT", "abduct"},
		{"ambush", "نفذت المقاومة كمينا استهدف دورية", "ASSAULT", "firearms"},
		{"demonstration", "تظاهر الآلاف في الساحة", "PROTEST", "demonstrate"},
		{"silent stand", "وحددت أماكن الوقفة الصامتة", "PROTEST", "demonstrate"},
		{"solidarity stands", "نظموا وقفات تضامنية أمام السفارة", "PROTEST", "demonstrate"},
		{"crowded", "تجمهر العشرات أمام المحكمة", "PROTEST", "demonstrate"},
		{"took to the streets", "ونزل المتظاهرون الى الشوارع في عدة مدن", "PROTEST", "demonstrate"},
		{"protesters noun", "أحرق المتظاهرون الإطارات", "PROTEST", "demonstrate"},
		{"sanctions", "فرض عقوبات على", "SANCTION", "sanction"},
		{"mobilisation", "استمرار تحشيد قوات الوفاق", "MOBILIZE", "troops"},
		{"deployment", "نشر قوات على الحدود", "MOBILIZE", "troops"},
		{"hundreds of soldiers deployed", "نشر مئات الجنود من دول الخليج حول عدن", "MOBILIZE", "troops"},
		{"hundreds of the soldiers deployed", "نشر المئات من جنود التحالف لتأمين المدينة", "MOBILIZE", "troops"},
		{"order with a long addressee (**)", "أمر القوات الخاصة (الصاعقة) التابعة للقيادة العامة للجيش الليبي بالاستعداد", "MOBILIZE", "troops"},
		{"reinforcements sent", "أرسل الجيش تعزيزات عسكرية", "MOBILIZE", "troops"},
		{"forces moved out", "تحركت في التوقيت ذاته قوات كبيرة من مقاتلي المقاومة الشعبية", "MOBILIZE", "troops"},
		{"a column set off", "وانطلقت أرتال عسكرية من مدينة مأرب", "MOBILIZE", "troops"},
		{"agreement signed", "وقع الطرفان اتفاقا", "AGREE", ""},
		{"aid", "أرسلت الإمارات مساعدات", "AID", "humanitarian"},
		{"cooperation", "التعاون مع الحكومة", "COOPERATE", ""},
		{"rejection", "رفض البرلمان الخطة", "REJECT", ""},
		{"arson of a home", "أحرق مهاجمان يشتبه بأنهما متطرفان منزلا فلسطينيا", "ASSAULT", ""},
		{"set fire to a home is arson, not a riot", "وأضرموا النار في المنزل الواقع عند مدخل البلدة", "ASSAULT", ""},
		{"insulted and beaten", "يظهر فيه المتهم يتعرض للإهانة والضرب", "ASSAULT", "beat"},
		{"assault by beating", "الفيديو الذي يظهر فيه الاعتداء بالضرب على سجناء", "ASSAULT", "beat"},
		{"investigates a case", "أعلن الادعاء العام الليبي أنه يحقق في الأمر", "ACCUSE", "investigate"},
		{"opened an investigation", "وفتحت النيابة العامة تحقيقا في الحادث", "ACCUSE", "investigate"},
		{"summoned for questioning", "بأن المجلس سيستدعي نائب رئيس الوزراء للتحقيق معه", "ACCUSE", "investigate"},
		{"seizure (التحفظ على)", "أن اللجنة نفذت التحفظ على 16 مستشفى", "COERCE", "seize"},
		{"seizure (الحجز على)", "قررت المحكمة الحجز على أموال الشركة", "COERCE", "seize"},
		{"referral of the papers", "قررت المحكمة إحالة أوراق عشرة متهمين إلى المفتي", "COERCE", ""},
		{"prison sentence", "قضت محكمة مصرية بسجن رئيس الوزراء الأسبق خمس سنوات", "COERCE", ""},
		{"death sentence", "أصدرت محكمة ليبية حكما غيابيا بإعدام تسعة", "COERCE", ""},
		{"grant given", "ومنحت الجزائر تونس هبة قيمتها 100 مليون دولار", "AID", "economic"},
		{"aid granted", "وكانت المفوضية منحت كييف مساعدات مالية", "AID", ""},
		{"financial support", "وتقديم دعم مالي للحكومة", "AID", "economic"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, m, ok := firstMatch(t, tc.in, tc.typ)
			if !ok {
				t.Fatalf("%q: no %s trigger", tc.in, tc.typ)
			}
			if m.Pattern.Mode != tc.mode {
				t.Errorf("%q: mode %q, want %q", tc.in, m.Pattern.Mode, tc.mode)
			}
		})
	}
}

func TestNotTriggers(t *testing.T) {
	tests := []struct{ name, in, typ string }{
		{"وزارة is not و+زار", "أعلنت وزارة الدفاع", "CONSULT"},
		{"the masdar of moving is background", "منذ زحف الحوثيين وقوات صالح إليها قبل نحو أربعة أشهر", "MOBILIZE"},
		{"بحث is not ب+حث", "في إطار بحث علمي", "REQUEST"},
		{"هنا (here) is not هنأ", "وهنا تكمن المشكلة", "SUPPORT"},
		{"الرحلة (the trip) is not رحّل", "خلال الرحلة إلى روما", "COERCE"},
		{"فتح معبر (opened a crossing) is not opening fire", "فتح معبر رفح أمام المسافرين", "ASSAULT"},
		{"حركة فتح is not opening fire", "قال مسؤول في حركة فتح إن", "ASSAULT"},
		{"a stand (موقف) is not a protest stand", "وقفة مع الذات قبل الامتحان", "PROTEST"},
		{"نزل المطر is not taking to the streets", "نزل المطر على المدينة", "PROTEST"},
		{"الثورة names a period or a side", "منذ بداية الثورة السورية", "PROTEST"},
		{"أعمال alone is not a riot", "الموافقة على أعمال بلدية بمدينة أبها", "PROTEST"},
		{"حقق في (achieved in) is no investigation", "استطاع أن يحقق في مجال الإصلاح نجاحا كبيرا", "ACCUSE"},
		{"تحفظ على (had reservations) is no seizure", "وتحفظت الحكومة على مشروع القرار", "COERCE"},
		{"قضى سنوات بالسجن (spent) is no sentence", "قضى عشر سنوات بالسجن", "COERCE"},
	}
	for _, tc := range tests {
		if _, m, ok := firstMatch(t, tc.in, tc.typ); ok {
			t.Errorf("%s: %q matched %v", tc.name, tc.in, m.Pattern.Words)
		}
	}
}

// A trigger in a condition gives no event: the contract has no mode for
// a hypothetical.
func TestConditional(t *testing.T) {
	for _, c := range []struct {
		in, typ string
		want    bool
	}{
		{"وأضاف أنه إذا لم يوافق الحوثيون على الانسحاب من المدن", "AGREE", true},
		{"من مواجهة عزلة دولية في حال رفضها لاتفاق السلام", "REJECT", true},
		{"لو زار الرئيس روما لتغير الموقف", "CONSULT", true},
		{"ورفضت الحكومة الاتفاق، وإذا استمر الوضع", "REJECT", false}, // the condition comes after
		{"وزار الرئيس روما في حال من الترقب", "CONSULT", false},      // في حال after the trigger
		{"ووضع الجيش آلاف الجنود في حالة تأهب", "MOBILIZE", false},   // a state, not a condition
	} {
		w, m, ok := firstMatch(t, c.in, c.typ)
		if !ok {
			t.Fatalf("%q: no %s trigger", c.in, c.typ)
		}
		if got := conditional(w, m.First); got != c.want {
			t.Errorf("%q: conditional %v, want %v", c.in, got, c.want)
		}
	}
}

func TestModality(t *testing.T) {
	tests := []struct{ name, in, typ, want string }{
		{"ما before a verb of result is relative", "تشهد المدينة قتالا عنيفا، ما أدى إلى مقتل المئات", "ASSAULT", model.Asserted},
		{"plain past", "التقى الرئيس نظيره أمس", "CONSULT", model.Asserted},
		{"future prefix سـ", "سيزور الرئيس روما", "CONSULT", model.Planned},
		{"future سوف", "سوف يزور الرئيس روما", "CONSULT", model.Planned},
		{"scheduled المقرر", "ومن المقرر أن يلتقي الرئيس نظيره", "CONSULT", model.Planned},
		{"intends يعتزم", "يعتزم الوزير زيارة روما", "CONSULT", model.Planned},
		{"expected من المنتظر", "من المنتظر أن يصل الوزير إلى طرابلس", "CONSULT", model.Planned},
		{"next week", "يزور روما الأسبوع المقبل", "CONSULT", model.Planned},
		{"negated past لم", "لم يلتق الرئيس نظيره", "CONSULT", model.Negated},
		{"negated future لن", "لن يزور الرئيس روما", "CONSULT", model.Negated},
		{"negated past with و: ولم", "ولم يلتق الرئيس وزير الخارجية", "CONSULT", model.Negated},
		{"negated future with و: ولن", "ولن يزور الرئيس روما", "CONSULT", model.Negated},
		{"negated present with ف: فلا", "فلا يلتقي الرئيس وزير الخارجية", "CONSULT", model.Negated},
		{"negated ما", "ما زار الرئيس روما قط", "CONSULT", model.Negated},
		{"ما زال is not negation", "ما زال الجيش يقصف المدينة", "ASSAULT", model.Asserted},
		{"ولا يزال is not negation", "كانت قطر ولا تزال تتعاون مع المحققين", "COOPERATE", model.Asserted},
		{"لا يزال is not negation", "لا تزال قطر تتعاون مع المحققين", "COOPERATE", model.Asserted},
		{"denial نفى", "نفى مصدر في الإليزيه وصول حفتر إلى باريس", "CONSULT", model.Negated},
		{"event inside denied reports", "نفت وزارة الخارجية تقارير صحفية أفادت بأن الوزير سيلتقي نظيره الإثيوبي في أديس أبابا", "CONSULT", model.Negated},
		{"event inside denied news with the article", "ونفى المتحدث العسكري الأنباء التي تحدثت عن قصف الطائرات لمواقع المعارضة", "ASSAULT", model.Negated},
		{"claim زعم", "وزعمت القوات أنها قصفت المعسكر", "ASSAULT", model.Reported},
		{"claim ادعى", "ادعى التنظيم أنه هاجم الدورية", "ASSAULT", model.Reported},
		{"unnamed source قال مصدر", "قال مصدر أمني إن مسلحين هاجموا الدورية", "ASSAULT", model.Reported},
		{"sources أفادت مصادر", "أفادت مصادر محلية بمقتل ثلاثة", "ASSAULT", model.Reported},
		{"according to بحسب مصادر", "قصفت الطائرات المعسكر بحسب مصادر", "ASSAULT", model.Reported},
		{"وفق ما علم من مصدر is not a claim (seed 001, gold asserted)", "يزور حفتر باريس الخميس حيث يلتقي لودريان، وفق ما علم من مصدر دبلوماسي", "CONSULT", model.Asserted},
		{"according to a named agency", "قتل جندي تركي في ساعة مبكرة أمس، بحسب وكالة أنباء الأناضول", "ASSAULT", model.Asserted},
		{"speaker who would not be named", "وقال الضابط، الذي رفض الكشف عن هويته، إن انتحاريين فجرا نفسيهما", "ASSAULT", model.Reported},
		{"a noun read as سـ + verb is not future (سيارتين)", "إن سيارتين عسكريتين يقودهما انتحاريان فجرا نفسيهما", "ASSAULT", model.Asserted},
		{"a noun read as سـ + verb is not future (ساعتين)", "صرح بعد ساعتين من تنحي مبارك", "CONCEDE", model.Asserted},
		{"future verb beginning like a noun (سيلتقي)", "حيث سيلتقي الأمير باللاعبين", "CONSULT", model.Planned},
		{"relative ما after a verb is not negation", "يبين ما وصل إليه الوفد", "CONSULT", model.Asserted},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, m, ok := firstMatch(t, tc.in, tc.typ)
			if !ok {
				t.Fatalf("%q: no %s trigger", tc.in, tc.typ)
			}
			if conditional(w, m.First) {
				t.Errorf("%q: read as a condition", tc.in)
			}
			var date *DateExpr
			if ds := findDates(tc.in, w, pub); len(ds) > 0 {
				date = &ds[0]
			}
			if got := modality(w, m.First, w[m.First].future, date); got != tc.want {
				t.Errorf("%q: %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestQuantities(t *testing.T) {
	tests := []struct {
		name, in string
		want     map[string]int
	}{
		{"masdar + digits", "أسفرت عن مقتل 17 مسلحاً من التنظيم", map[string]int{"dead": 17}},
		{"N من group", "أعلنت مقتل 17 من داعش", map[string]int{"dead": 17}},
		{"passive verb + count", "قتل 18 شخصا وأصيب عشرات آخرون بجروح", map[string]int{"dead": 18, "injured": 12}},
		{"count noun after", "سقوط 16 قتيلا و40 جريحا", map[string]int{"dead": 16, "injured": 40}},
		{"a toll per side is summed", "أسفرت عن مقتل 23 مقاتلا من المتمردين و19 من القوات الحكومية", map[string]int{"dead": 42}},
		{"per side, no counted noun", "قتل 5 من المسلحين و3 من الجنود", map[string]int{"dead": 8}},
		{"another tally after و is not a side", "مقتل 23 مقاتلا من المتمردين وإصابة 19 من الجنود", map[string]int{"dead": 23, "injured": 19}},
		{"Arabic-Indic digits", "مقتل ١١٧ من تلك الفصائل", map[string]int{"dead": 117}},
		{"number word", "اعتقال ثلاثة أشخاص", map[string]int{"arrested": 3}},
		{"compound number word", "مقتل خمسة وعشرين جنديا", map[string]int{"dead": 25}},
		{"teens", "إصابة ثلاثة عشر مدنيا", map[string]int{"injured": 13}},
		{"twelve", "مقتل اثني عشر جنديا", map[string]int{"dead": 12}},
		{"eleven, feminine", "اعتقال إحدى عشرة امرأة", map[string]int{"arrested": 11}},
		{"hundreds in one word", "اعتقال ثلاثمائة شخص", map[string]int{"arrested": 300}},
		{"no fewer than", "قتل ما لا يقل عن 17 عنصرا", map[string]int{"dead": 17}},
		{"about", "أسفرت عن مقتل نحو 40 شخصا", map[string]int{"dead": 40}},
		{"dozens", "اعتقال عشرات المحتجين", map[string]int{"arrested": 12}},
		{"at least more than", "مقتل أكثر من 60 شخصا", map[string]int{"dead": 60}},
		{"hundreds", "اعتقال مئات المتظاهرين", map[string]int{"arrested": 100}},
		{"thousands multiplier", "نشر ثلاثة آلاف جندي", map[string]int{"fighters": 3000}},
		{"a death noun in quotes", "أسفر عن «استشهاد» 26 شخصا وإصابة 227 آخرين", map[string]int{"dead": 26, "injured": 227}},
		{"dual + singular", "ألقت القبض على رجلين وامرأة", map[string]int{"arrested": 3}},
		{"counted persons + passive verb, twice", "إن خمسة جنود قُتلوا وإن ستة آخرين أصيبوا", map[string]int{"dead": 5, "injured": 6}},
		{"active verb before a count", "قتلوا 5 جنود في الهجوم", map[string]int{"dead": 5}},
		{"the news present before its subject and a count", "يقتل انتحاري ثلاثة جنود ليبيين عند نقطة تفتيش", map[string]int{"dead": 3}},
		{"met their death", "لقي اربعة حوثيين مصرعهم واصيب ثمانية اخرون", map[string]int{"dead": 4, "injured": 8}},
		{"a plural spelt like the dual is no count", "إن مدنيين قتلوا بانفجار ألغام", map[string]int{}},
		{"that plural with اثنين is two", "مقتل مدنيين اثنين في القصف", map[string]int{"dead": 2}},
		{"dual, then the verb", "لقي شخصان مصرعهم في الحادث", map[string]int{"dead": 2}},
		{"nominative dual", "قتل عنصران من الشرطة بالرصاص", map[string]int{"dead": 2}},
		{"martyrdom with a count", "استشهد تسعة عسكريين في الهجوم", map[string]int{"dead": 9}},
		{"prisoners", "تبادلت أمس 8 أسرى", map[string]int{"prisoners": 8}},
		{"strikes", "بتوجيه 4 ضربات متتالية", map[string]int{"strikes": 4}},
		{"air raids", "نفذت 6 غارات جوية", map[string]int{"strikes": 6}},
		{"fighters", "إن 1900 مقاتل وصلوا", map[string]int{"fighters": 1900}},
		{"vehicles", "وتدمير 3 مركبات عسكرية", map[string]int{"vehicles": 3}},
		{"thousands separator", "مقتل 1,200 شخص", map[string]int{"dead": 1200}},
		{"plural distance is not a count", "مركز احتجاز يقع على بعد عشرة كيلومترات من الساحل", map[string]int{}},
		{"took the lives of", "أودى بحياة ثلاثة من العناصر وإصابة 6 آخرين", map[string]int{"dead": 3, "injured": 6}},
		{"met their death, far", "لقي ستة من مقاتلي المعارضة السورية على الأقل مصرعهم", map[string]int{"dead": 6}},
		{"a subset is not the count", "إن 297 شخصا بينهم 37 أجنبيا اعتقلوا خلال المداهمات", map[string]int{"arrested": 297}},
		{"dual persons, dual verb", "ان جنديين تركيين قتلا وجرح 24 آخرون", map[string]int{"dead": 2, "injured": 24}},
		{"detained (أوقف)", "أعلن أن الشرطة أوقفت 251 شخصا", map[string]int{"arrested": 251}},
		{"one person named", "كما قتل جندي تركي وأصيب آخر إثر انفجار لغم", map[string]int{"dead": 1, "injured": 1}},
		{"one of several is not the count", "مقتل جندي و3 مدنيين", map[string]int{}},
		{"one of a list is not the count", "هجوم على مطعم أدى الى مقتل مواطن فرنسي وضابط أمن بلجيكي", map[string]int{}},
		{"a leader and his men", "وقتل القيادي أبو كهلان الحوثي و20 من مرافقيه", map[string]int{}},
		{"dual count noun", "والحصيلة قتيلين وخمسة جرحى", map[string]int{"dead": 2, "injured": 5}},
		{"distance is not a count", "على بعد 150 ميلاً جنوب سرت", map[string]int{}},
		{"year is not a count", "في عام 2011 قتل", map[string]int{}},
		{"date is not a count", "في 28 أغسطس قتل", map[string]int{}},
		{"Hijri date is not a count", "نشر يوم الاثنين 8 رجب 1436هـ العدد 15551 عن مناورات", map[string]int{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := splitWords(tc.in, 0, len(tc.in))
			if got := Quantities(w); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%q: %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

// analysis builds an analysis by hand: entities found by their surface forms.
func analysis(text string, ents ...model.Entity) *model.Analysis {
	a := &model.Analysis{Doc: model.Document{ID: "t", Text: text, Published: pub}}
	for _, e := range ents {
		forms := append([]string{e.Name}, e.Aliases...)
		for _, f := range forms {
			for off := 0; ; {
				i := strings.Index(text[off:], f)
				if i < 0 {
					break
				}
				s := off + i
				e.Mentions = append(e.Mentions, model.Mention{Text: f, Start: s, End: s + len(f), Type: e.Type})
				off = s + len(f)
			}
		}
		a.Entities = append(a.Entities, e)
	}
	a.Sentences = []model.Sentence{{Start: 0, End: len(text)}}
	return a
}

func per(n string, al ...string) model.Entity {
	return model.Entity{Name: n, Type: model.PER, Aliases: al}
}
func org(n string, al ...string) model.Entity {
	return model.Entity{Name: n, Type: model.ORG, Aliases: al}
}
func loc(n string, al ...string) model.Entity {
	return model.Entity{Name: n, Type: model.LOC, Aliases: al}
}

func TestArguments(t *testing.T) {
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		a    *model.Analysis
		typ  string
		want model.Event
	}{
		{"VSO with two recipients and a place",
			analysis("استقبل حفتر فى مقر القيادة العامة بالرجمة، أمس، ممثل الأمين العام غسان سلامة ونائبته للشئون السياسية ستيفانى وليامز.",
				per("خليفة حفتر", "حفتر"), loc("الرجمة"), per("غسان سلامة"), per("ستيفاني وليامز", "ستيفانى وليامز")),
			"CONSULT", model.Event{Actor: "خليفة حفتر", Recipients: []string{"غسان سلامة", "ستيفاني وليامز"}, Location: "الرجمة", Date: "2018-10-24"}},
		{"SVO headline",
			analysis("حفتر يستقبل غسان سلامة في الرجمة", per("خليفة حفتر", "حفتر"), per("غسان سلامة"), loc("الرجمة")),
			"CONSULT", model.Event{Actor: "خليفة حفتر", Recipients: []string{"غسان سلامة"}, Location: "الرجمة"}},
		{"partner after مع, subject earlier",
			analysis("أكد حفتر خلال اجتماع مع الرئيس الفرنسي إيمانويل ماكرون أنه ملتزم", per("خليفة حفتر", "حفتر"), per("إيمانويل ماكرون")),
			"CONSULT", model.Event{Actor: "خليفة حفتر", Recipients: []string{"إيمانويل ماكرون"}}},
		{"visit: the place visited is the location",
			analysis("يزور المشير خليفة حفتر باريس الخميس", per("خليفة حفتر"), loc("باريس")),
			"CONSULT", model.Event{Actor: "خليفة حفتر", Location: "باريس", Date: "2018-10-25"}},
		{"visit: a place inside an apposition is not the destination",
			analysis("يزور المشير خليفة حفتر، الرجل القوي في شرق ليبيا، باريس الخميس حيث يلتقي وزير الخارجية جان ايف لودريان",
				per("خليفة حفتر"), loc("ليبيا"), loc("باريس"), per("جان ايف لودريان")),
			"CONSULT", model.Event{Actor: "خليفة حفتر", Recipients: []string{"جان ايف لودريان"}, Location: "باريس"}},
		{"compound object after مع, titles and a comma between",
			analysis("بدأ حفتر محادثات مع الرئيس الفرنسي، إيمانويل ماكرون، في قصر الإليزيه", per("خليفة حفتر", "حفتر"), per("إيمانويل ماكرون"), loc("قصر الإليزيه")),
			"CONSULT", model.Event{Actor: "خليفة حفتر", Recipients: []string{"إيمانويل ماكرون"}, Location: "قصر الإليزيه"}},
		{"a place outside which it happened",
			analysis("قتل خمسة جنود عندما هاجم مسلحون نقطة التفتيش خارج مدينة أجدابيا", loc("أجدابيا")),
			"ASSAULT", model.Event{Location: "أجدابيا", Quantities: map[string]int{"dead": 5}}},
		{"the place of the cause after a long toll",
			analysis("قتل خمسة أشخاص وأصيب 37 آخرون بجروح جراء سقوط قذائف صاروخية على شارعي الثورة وبغداد وحي باب توما في دمشق", loc("بغداد"), loc("دمشق")),
			"ASSAULT", model.Event{Location: "دمشق", Quantities: map[string]int{"dead": 5, "injured": 37}}},
		{"a direction after a comma is an adverb of place",
			analysis("قتل 13 مسلحا من الميليشيات المتمردة في ساعات متأخرة من ليل السبت، غربي محافظة مأرب", loc("مأرب")),
			"ASSAULT", model.Event{Location: "مأرب", Quantities: map[string]int{"dead": 13}}},
		{"a direction after a form of وقع is where a place lies",
			analysis("وفي محافظة أبين الواقعة شرق عدن، قتل خمسة مسلحين في غارة جوية", loc("أبين"), loc("عدن")),
			"ASSAULT", model.Event{Location: "أبين", Quantities: map[string]int{"dead": 5}}},
		{"a direction in brackets is where a place lies",
			analysis("وفي محافظة ديالى (شمال شرقي بغداد)، قتل أربعة أشخاص على الأقل في تفجير سيارة مفخخة", loc("ديالى"), loc("بغداد")),
			"ASSAULT", model.Event{Location: "ديالى", Quantities: map[string]int{"dead": 4}}},
		{"a direction after a distance is where a place lies",
			analysis("كشف العميد عن مقتل 42 من المسلحين بالقرب من بوابة الموصل 400 كم شمال بغداد", loc("الموصل"), loc("بغداد")),
			"ASSAULT", model.Event{Location: "الموصل", Quantities: map[string]int{"dead": 42}}},
		{"the place that witnessed the fighting is no actor",
			analysis("وشهدت مدينة بنغازي اشتباكات عنيفة أسفرت عن مقتل خمسة أشخاص", loc("بنغازي")),
			"ASSAULT", model.Event{Location: "بنغازي", Quantities: map[string]int{"dead": 5}}},
		{"prisoner exchange: actor, partner, place and count",
			analysis("قالت مصادر في قوات الوفاق إنها تبادلت أمس 8 أسرى مع قوات الجيش الوطني شرق مدينة سرت",
				org("حكومة الوفاق", "قوات الوفاق"), org("الجيش الوطني الليبي", "قوات الجيش الوطني"), loc("سرت")),
			"RETREAT", model.Event{Actor: "حكومة الوفاق", Recipients: []string{"الجيش الوطني الليبي"}, Location: "سرت", Quantities: map[string]int{"prisoners": 8}}},
		{"masdar after تقوم ب acts as the verb; the speaker is its subject",
			analysis("أعلنت قوات البنيان المرصوص أن قواتها تقوم بإعادة الانتشار في سرت", org("البنيان المرصوص"), loc("سرت")),
			"MOBILIZE", model.Event{Actor: "البنيان المرصوص", Location: "سرت"}},
		{"pronoun subject on أن: the name after the verb is the object",
			analysis("نفى مصدر التقارير عن حفتر قائلا إنه سيلتقي ماكرون في باريس", per("خليفة حفتر", "حفتر"), per("إيمانويل ماكرون", "ماكرون"), loc("باريس")),
			"CONSULT", model.Event{Actor: "خليفة حفتر", Recipients: []string{"إيمانويل ماكرون"}, Location: "باريس"}},
		{"passive agent after من قبل is the actor, even a capital",
			analysis("وأرسلت تعزيزات عسكرية إلى الموصل من قبل بغداد", loc("الموصل"), loc("بغداد")),
			"MOBILIZE", model.Event{Actor: "بغداد", Location: "الموصل"}},
		{"agent after على يد is the actor of a passive; the victims are recipients",
			analysis("وقتل 5 جنود من الجيش الصومالي على يد مسلحي حركة الشباب في مقديشو", org("الجيش الصومالي"), org("حركة الشباب"), loc("مقديشو")),
			"ASSAULT", model.Event{Actor: "حركة الشباب", Recipients: []string{"الجيش الصومالي"}, Location: "مقديشو", Quantities: map[string]int{"dead": 5}}},
		{"a commitment to sign is an agreement; the partner after مع before أنه is not its subject",
			analysis("وقال رئيس الوزراء السوداني عبد الله حمدوك، خلال لقائه مع رئيس الحركة الشعبية عبد العزيز الحلو، إنه ملتزم بتوقيع اتفاق سلام شامل", per("عبد الله حمدوك"), per("عبد العزيز الحلو")),
			"AGREE", model.Event{Actor: "عبد الله حمدوك"}},
		{"country acting next to the verb",
			analysis("وأرسلت تركيا تعزيزات إلى طرابلس", loc("تركيا"), loc("طرابلس")),
			"MOBILIZE", model.Event{Actor: "تركيا", Location: "طرابلس"}},
		{"the patron after المدعوم من is not the actor",
			analysis("وقال الجيش الوطني السوري المدعوم من تركيا إنه أرسل تعزيزات إلى عفرين", org("الجيش الوطني السوري"), loc("تركيا"), loc("عفرين")),
			"MOBILIZE", model.Event{Actor: "الجيش الوطني السوري", Location: "عفرين"}},
		{"the patron after التابعة لـ is not the actor",
			analysis("وأعلنت قوات الدعم السريع، التابعة لمجلس السيادة، أنها أرسلت تعزيزات إلى الخرطوم", org("قوات الدعم السريع"), org("مجلس السيادة"), loc("الخرطوم")),
			"MOBILIZE", model.Event{Actor: "قوات الدعم السريع", Location: "الخرطوم"}},
		{"a first-person future verb: the speaker acts, not the name after it",
			analysis("وقال أردوغان: سألتقي في أنقرة الرئيس الروسي فلاديمير بوتين", per("رجب طيب أردوغان", "أردوغان"), loc("أنقرة"), per("فلاديمير بوتين")),
			"CONSULT", model.Event{Actor: "رجب طيب أردوغان", Recipients: []string{"فلاديمير بوتين"}, Location: "أنقرة"}},
		{"a first-person present verb: the speaker acts, not the name after it",
			analysis("وقال المفوض زيد رعد الحسين في بيانه: أطالب الحكومة الإيرانية بإسقاط التهم عن طاهري", per("زيد رعد الحسين"), org("الحكومة الإيرانية"), per("طاهري")),
			"REQUEST", model.Event{Actor: "زيد رعد الحسين", Recipients: []string{"الحكومة الإيرانية", "طاهري"}}},
		{"the pronoun on an event noun is its agent; the name after it is the guest",
			analysis("وأشاد كيري بالعلاقات مع كوبا، بعد ساعات من استقباله نظيره الكوبي برونو رودريغيز", per("جون كيري", "كيري"), loc("كوبا"), per("برونو رودريغيز")),
			"CONSULT", model.Event{Actor: "جون كيري", Recipients: []string{"برونو رودريغيز"}}},
		{"the pronoun's antecedent is no object of a preposition",
			analysis("ووصف كارتر قوات البيشمركة بأنها نموذج للقتال ضد تنظيم داعش، وذلك خلال زيارته أمس إقليم كردستان", per("آشتون كارتر", "كارتر"), org("داعش", "تنظيم داعش"), loc("كردستان")),
			"CONSULT", model.Event{Actor: "آشتون كارتر", Location: "كردستان"}},
		{"كان باستقباله: the host is named after the noun",
			analysis("وحطت طائرة الرئيس الأمريكي في مطار نيروبي مساء الجمعة، حيث كان باستقباله الرئيس كينياتا", loc("نيروبي"), per("أوهورو كينياتا", "كينياتا")),
			"CONSULT", model.Event{Actor: "أوهورو كينياتا", Location: "نيروبي"}},
		{"a subject pronoun before the verb: the name after it is the object",
			analysis("وظهر أبو يحيى التونسي في رسالة مصورة وهو يتوعد بقتل خليفة حفتر", per("أبو يحيى التونسي"), per("خليفة حفتر")),
			"THREATEN", model.Event{Actor: "أبو يحيى التونسي", Recipients: []string{"خليفة حفتر"}}},
		{"a relative pronoun as the verb's subject: its antecedent acts, the name after is the object",
			analysis("وقال رينزي، الذي استقبل الرئيس الفلسطيني محمود عباس في رام الله، إن", per("ماتيو رينزي", "رينزي"), per("محمود عباس"), loc("رام الله")),
			"CONSULT", model.Event{Actor: "ماتيو رينزي", Recipients: []string{"محمود عباس"}, Location: "رام الله"}},
		{"an object pronoun on the verb after the relative: its subject follows",
			analysis("وانتقد الاتفاق النووي الذي أبرمته إيران مع القوى الكبرى", loc("إيران")),
			"AGREE", model.Event{Actor: "إيران"}},
		{"a country after مع is a partner, not where the talks were held",
			analysis("وأكدت الخارجية أن واشنطن تجري مباحثات مكثفة مع إسرائيل حول الاتفاق", loc("واشنطن"), loc("إسرائيل")),
			"CONSULT", model.Event{Actor: "واشنطن", Recipients: []string{"إسرائيل"}}},
		{"what is received comes from the one after من; the receiver is the recipient",
			analysis("وتلقى الرئيس اليمني عبد ربه منصور هادي برقية تهنئة من الملك سلمان بن عبد العزيز", per("عبد ربه منصور هادي"), per("سلمان بن عبد العزيز")),
			"SUPPORT", model.Event{Actor: "سلمان بن عبد العزيز", Recipients: []string{"عبد ربه منصور هادي"}}},
		{"a first person far into a quote is the speaker's",
			analysis("وردا على سؤال حول الاتفاق النووي الإيراني، قال الجبير \"بالنسبة للاتفاقية بين دول خمسة+واحد حول البرنامج النووي، فإن موقف المملكة هو أننا نؤيد أي اتفاقية تضمن عدم قدرة إيران في الحصول على سلاح نووي\"", per("عادل الجبير", "الجبير"), loc("إيران")),
			"SUPPORT", model.Event{Actor: "عادل الجبير"}},
		{"an event noun's relative clause with the pronoun on its verb names the agent",
			analysis("وستتركز المحادثات التي سيجريها أوباما مع كينياتا على مكافحة الإرهاب", per("باراك أوباما", "أوباما"), per("أوهورو كينياتا", "كينياتا")),
			"CONSULT", model.Event{Actor: "باراك أوباما", Recipients: []string{"أوهورو كينياتا"}}},
		{"an unmarked country after a call is addressed, not the location",
			analysis("دعا الاتحاد الأوروبي إثيوبيا إلى استئناف المفاوضات", org("الاتحاد الأوروبي"), loc("إثيوبيا")),
			"REQUEST", model.Event{Actor: "الاتحاد الأوروبي"}},
		{"a dual pronoun on the event noun: the participants named before it",
			analysis("طالب الرئيس الفلسطيني محمود عباس من العاهل الأردني عبد الله الثاني، في عمان خلال اجتماعهما أمس، بالتحرك العاجل",
				per("محمود عباس"), per("عبد الله الثاني"), loc("عمان")),
			"CONSULT", model.Event{Actor: "محمود عباس", Recipients: []string{"عبد الله الثاني"}, Location: "عمان"}},
		{"ألقت القبض: the agent of an unnamed unit is its patron",
			analysis("واقتحمت قوة تابعة للشرطة العراقية حي الجهاد، حيث ألقت القبض على خمسة مطلوبين", org("الشرطة العراقية", "للشرطة العراقية")),
			"COERCE", model.Event{Actor: "الشرطة العراقية", Quantities: map[string]int{"arrested": 5}}},
		{"a summit with its place and date but no named host; حول gives its topic",
			analysis("وتعقد القمة العربية حول فلسطين يوم 15 مايو المقبل في مدينة البصرة", loc("فلسطين"), loc("البصرة")),
			"CONSULT", model.Event{Location: "البصرة"}},
		{"speaker is not the actor; victims are recipients",
			analysis("أعلنت وزارة الدفاع الأمريكية مقتل 17 من داعش قرب سرت", org("وزارة الدفاع الأمريكية"), org("داعش"), loc("سرت")),
			"ASSAULT", model.Event{Recipients: []string{"داعش"}, Location: "سرت", Quantities: map[string]int{"dead": 17}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := x.Process(context.Background(), tc.a); err != nil {
				t.Fatal(err)
			}
			var got *model.Event
			for i := range tc.a.Events {
				if tc.a.Events[i].Type == tc.typ {
					got = &tc.a.Events[i]
					break
				}
			}
			if got == nil {
				t.Fatalf("no %s event in %+v", tc.typ, tc.a.Events)
			}
			if got.Actor != tc.want.Actor || !reflect.DeepEqual(nz(got.Recipients), nz(tc.want.Recipients)) || got.Location != tc.want.Location {
				t.Errorf("actor %q recipients %q location %q; want %q %q %q", got.Actor, got.Recipients, got.Location, tc.want.Actor, tc.want.Recipients, tc.want.Location)
			}
			if tc.want.Date != "" && got.Date != tc.want.Date {
				t.Errorf("date %q, want %q", got.Date, tc.want.Date)
			}
			if tc.want.Quantities != nil && !reflect.DeepEqual(got.Quantities, tc.want.Quantities) {
				t.Errorf("quantities %v, want %v", got.Quantities, tc.want.Quantities)
			}
		})
	}
}

func nz(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// FuzzExtract: never a panic, events point at real sentences, arguments are
// entity names, modality is one of the four.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"استقبل حفتر سلامة أمس في الرجمة.", "قتل 17 وأصيب ١٢ في غارة.", "يومي 12و13 نوفمبر المقبل", "ووو سس 0"} {
		f.Add(s)
	}
	x, err := New(DefaultOptions())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		a := analysis(s, per("حفتر"), loc("الرجمة"))
		if err := x.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for _, ev := range a.Events {
			if ev.Start < 0 || ev.End > len(s) || s[ev.Start:ev.End] != ev.Sentence {
				t.Fatalf("bad span %+v", ev)
			}
			if ev.Actor != "" && ev.Actor != "حفتر" && ev.Actor != "الرجمة" {
				t.Fatalf("actor %q is not an entity", ev.Actor)
			}
			switch ev.Modality {
			case model.Asserted, model.Planned, model.Negated, model.Reported:
			default:
				t.Fatalf("modality %q", ev.Modality)
			}
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	x, err := New(DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("استقبل حفتر فى مقر القيادة العامة بالرجمة، أمس، ممثل الأمين العام غسان سلامة. وأسفرت الغارة عن مقتل 17 مسلحا قرب سرت. ", 20)
	a := analysis(text, per("حفتر"), loc("الرجمة"), per("غسان سلامة"), loc("سرت"))
	words := len(strings.Fields(text))
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Extract(a)
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// sentences builds an analysis whose entities are tagged only where the
// spans say: the tagger found the first mention and missed the repeats.
func tagged(text string, ents ...model.Entity) *model.Analysis {
	a := &model.Analysis{Doc: model.Document{ID: "t", Text: text, Published: pub}}
	for i, e := range ents {
		f := e.Aliases[0] // the tagged form, found once
		s := strings.Index(text, f)
		e.Mentions = []model.Mention{{Text: f, Start: s, End: s + len(f), Type: e.Type}}
		ents[i] = e
		a.Entities = append(a.Entities, e)
	}
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '.' {
			a.Sentences = append(a.Sentences, model.Sentence{Start: start, End: i + 1})
			start = i + 1
		}
	}
	if start < len(text) {
		a.Sentences = append(a.Sentences, model.Sentence{Start: start, End: len(text)})
	}
	return a
}

func TestAliasPropagation(t *testing.T) {
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, actor string
		a           *model.Analysis
	}{
		{"a form tagged once, untagged after أن", "رجب طيب أردوغان",
			tagged("وصل أردوغان إلى الدوحة مساء الأحد. وذكرت وكالة الأناضول أن أردوغان التقى أمير قطر.",
				per("رجب طيب أردوغان", "أردوغان"), loc("الدوحة", "الدوحة"))},
		{"the family name of a full name", "رجب طيب أردوغان",
			tagged("وصل الرئيس التركي رجب طيب أردوغان إلى الدوحة. وذكرت الوكالة أن أردوغان التقى أمير قطر.",
				per("رجب طيب أردوغان", "رجب طيب أردوغان"), loc("الدوحة", "الدوحة"))},
		{"an organisation named again without its nisba", "الجيش الوطني السوري",
			tagged("وأعلن الجيش الوطني السوري مساء الأحد بدء عملية جديدة. واستقبل الجيش الوطني وفدا تركيا في إعزاز.",
				org("الجيش الوطني السوري", "الجيش الوطني السوري"))},
		{"an organisation's short form with a clitic", "حركة حماس",
			tagged("أعلنت حماس موافقتها على المقترح. واستقبلت حماس وفدا مصريا في غزة.",
				org("حركة حماس", "أعلنت حماس"[len("أعلنت "):]))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := x.Process(context.Background(), tc.a); err != nil {
				t.Fatal(err)
			}
			for _, e := range tc.a.Events {
				if e.Type == "CONSULT" && e.Actor == tc.actor {
					return
				}
			}
			t.Errorf("no CONSULT by %q in %+v", tc.actor, tc.a.Events)
		})
	}
	// a family name that is also a common word is not read inside "لصالح"
	text := "التقى عقيلة صالح السفير. وصوت المجلس لصالح القرار."
	a := tagged(text, per("عقيلة صالح", "عقيلة صالح"))
	dms := docMentions(a)
	s := strings.Index(text, "وصوت")
	words := splitWords(text, s, len(text))
	if local := buildAliases(text, dms).propagate(words, dms); local != nil {
		t.Errorf("لصالح read as a mention: %+v", local)
	}
}

func TestBackgroundTriggers(t *testing.T) {
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, typ string
		want          bool // a trigger of typ is kept
	}{
		{"present verb in a relative clause: a standing relation", "وتقاتل الجماعات التي تدعمها إيران في اليمن منذ سنوات.", "SUPPORT", false},
		{"the same verb as the main verb: an event", "أيدت إيران الاتفاق الذي وقعه الطرفان في الدوحة أمس.", "SUPPORT", true},
		{"lām of purpose on a masdar: the aim of another event", "وصل وفد أمريكي إلى الخرطوم للتوصل إلى اتفاق بين الطرفين.", "AGREE", false},
		{"past verb in a relative clause still reports", "وصلت القوات التي هاجمت القرية أمس إلى حمص.", "ASSAULT", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := splitWords(tc.in, 0, len(tc.in))
			var got bool
			for _, m := range x.lex.Find(w) {
				if m.Pattern.Type == tc.typ && !habitual(m.Pattern, w, m.First) && !purpose(m.Pattern, w, m.First) {
					got = true
				}
			}
			if got != tc.want {
				t.Errorf("%s kept=%v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestMergeModalities(t *testing.T) {
	ev := func(mod, actor, loc string) model.Event {
		return model.Event{Type: "CONSULT", Mode: "visit", Modality: mod, Actor: actor, Location: loc}
	}
	tests := []struct {
		name string
		in   []model.Event
		want int
	}{
		{"a fact and a claim of it are one event", []model.Event{ev(model.Asserted, "أردوغان", "الدوحة"), ev(model.Reported, "أردوغان", "")}, 1},
		{"a planned visit is not the held one", []model.Event{ev(model.Asserted, "أردوغان", "الدوحة"), ev(model.Planned, "أردوغان", "")}, 2},
		{"a denial is not the fact", []model.Event{ev(model.Asserted, "أردوغان", "الدوحة"), ev(model.Negated, "أردوغان", "الدوحة")}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := mergeEvents(tc.in, nil, time.Time{}); len(got) != tc.want {
				t.Errorf("%d events, want %d: %+v", len(got), tc.want, got)
			}
		})
	}
}

// A name governed by a preposition is not the subject after the verb:
// "تهديدات أمريكية لطهران" (the target), "أثنى على الرئيس" (the object).
func TestObliqueNotSubject(t *testing.T) {
	tests := []struct{ name, in, typ, notActor string }{
		{"lām on the name", "ووسط تهديدات أمريكية لطهران بفرض عقوبات جديدة", "THREATEN", "طهران"},
		{"bā on the name", "أشاد وزير الخارجية أمس بالسيسي", "SUPPORT", "عبد الفتاح السيسي"},
		{"a preposition before the name", "أشاد أمس وزير الخارجية المصري بما قاله عن السيسي", "SUPPORT", "عبد الفتاح السيسي"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := analysis(tc.in, org("طهران"), per("عبد الفتاح السيسي", "السيسي"))
			words, m, ok := firstMatch(t, tc.in, tc.typ)
			if !ok {
				t.Fatalf("no %s trigger", tc.typ)
			}
			ms := placeMentions(tc.in, words, docMentions(a))
			if actor, _, _ := arguments(m.Pattern, words, ms, m); actor == tc.notActor {
				t.Errorf("actor %q", actor)
			}
		})
	}
}

// An event noun with the article points back to an event told before.
func TestDefiniteEventNoun(t *testing.T) {
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		a    *model.Analysis
		want bool // a CONSULT event
	}{
		{"anaphoric: the results of the meeting", analysis("وأكد الوزير أن نتائج الاجتماع سترفع إلى الرئيس الفلسطيني محمود عباس", per("محمود عباس")), false},
		{"with its partner after مع", analysis("وشدد بلينكن خلال الاجتماع مع الرئيس المصري عبد الفتاح السيسي على التهدئة", per("أنتوني بلينكن", "بلينكن"), per("عبد الفتاح السيسي")), true},
		{"indefinite noun with its agent", analysis("وتأتي زيارة أردوغان بعد أسابيع من التوتر", per("رجب طيب أردوغان", "أردوغان")), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := x.Process(context.Background(), tc.a); err != nil {
				t.Fatal(err)
			}
			got := false
			for _, e := range tc.a.Events {
				got = got || e.Type == "CONSULT"
			}
			if got != tc.want {
				t.Errorf("CONSULT %v, want %v: %+v", got, tc.want, tc.a.Events)
			}
		})
	}
}

// TestQuestion: a question reports no event, the same words stated do.
func TestQuestion(t *testing.T) {
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want bool // a REJECT event
	}{
		{"ولماذا رفضت دمشق إقدام الأردن على تسليح عشائرها؟", false},
		{"ولماذا رفضت دمشق إقدام الأردن على تسليح عشائرها؟»", false},
		{"ورفضت دمشق إقدام الأردن على تسليح عشائرها.", true},
	} {
		a := analysis(tc.text, loc("دمشق"), loc("الأردن"))
		if err := x.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		got := false
		for _, e := range a.Events {
			got = got || e.Type == "REJECT"
		}
		if got != tc.want {
			t.Errorf("%q: REJECT %v, want %v: %+v", tc.text, got, tc.want, a.Events)
		}
	}
}

// TestStrikeAgent: من right after strikes names who struck (the detector
// gate off: the argument rule is what is tested).
func TestStrikeAgent(t *testing.T) {
	x, err := New(Options{RequireArgument: true})
	if err != nil {
		t.Fatal(err)
	}
	a := analysis("وتمكنت القوات من دخول حرم الجامعة مدعومة بغارات مكثفة من التحالف الذي تقوده الولايات المتحدة", org("التحالف"), loc("الولايات المتحدة"))
	if err := x.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	for _, e := range a.Events {
		if e.Type == "ASSAULT" {
			if e.Actor != "التحالف" || len(e.Recipients) != 0 {
				t.Errorf("actor %q recipients %q, want التحالف and none", e.Actor, e.Recipients)
			}
			return
		}
	}
	t.Fatalf("no ASSAULT event in %+v", a.Events)
}

// TestNoActorFromObject: names that are no subject, so an unnamed subject
// leaves the event without them as actor: the genitive of a noun a
// preposition governs (يشيد بدور مؤسسة النقد), a man after a man's title
// for a verb in the feminine (طالبت … الأمين العام … بان كي مون), the
// object after a bare or generically qualified body (انتقدت اللجنة،
// ضبطت الأجهزة الأمنية) or after an honorific pronoun (استقبل سموه).
func TestNoActorFromObject(t *testing.T) {
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text   string
		object model.Entity
	}{
		{"إلا أن الإنسان المنصف لا يمكنه إلا أن يشيد بدور مؤسسة النقد وسياستها التحفظية", org("مؤسسة النقد")},
		{"وقالت المصادر إن القيادة طالبت كذلك الأمين العام للأمم المتحدة بان كي مون إنشاء آلية دولية خاصة", per("بان كي مون")},
		{"وانتقدت اللجنة شركة توشيبا بسبب فشلها في أن يكون لها نظام مناسب للمراجعة", org("توشيبا")},
		{"ضبطت الأجهزة الأمنية شبكة إرهابية تنتمي إلى تنظيم داعش وتضم عشرة أشخاص", org("داعش")},
		{"من جهة أخرى، استقبل سموه في مكتبه بالإمارة أمس، رئيس فرع الإفتاء بالمنطقة الشيخ الدكتور سعد بن سعيد الحجري", per("سعد بن سعيد الحجري")},
		{"بينما اتهم نائب فرنسي معارض ديفيد كاميرون بالإخفاق في تقدير خطورة المشكلة", per("ديفيد كاميرون")},
		{"واشاد دبلوماسي اميركي بكون وزير الخارجية السعودي عادل الجبير عبر علنا عن ارتياح الحكومة", per("عادل الجبير")},
		{"ووصل عدد الضحايا في تفجير مسجد الإمام الصادق بمنطقة الصوابر في الكويت إلى 26 قتيلا على الأقل", org("مسجد الإمام الصادق")},
	} {
		a := analysis(c.text, c.object)
		if err := x.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for _, e := range a.Events {
			if e.Actor == c.object.Name {
				t.Errorf("%s: %s event with %s as actor: %+v", c.text, e.Type, c.object.Name, e)
			}
		}
	}
}

// TestEnemyNoPartner: a party a cooperation is directed against (ضد،
// محاربة، مكافحة، مواجهة، التصدي ل، قتال) is no recipient of it; a partner
// in the same sentence stays.
func TestEnemyNoPartner(t *testing.T) {
	x, err := New(Options{RequireArgument: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text, typ, partner, enemy string
		ents                      []model.Entity
	}{
		{"يتعين ان تتعاون الولايات المتحدة مع الرئيس السوري بشار الأسد في محاربة تنظيم داعش", "COOPERATE", "بشار الأسد", "داعش",
			[]model.Entity{loc("الولايات المتحدة"), per("بشار الأسد"), org("داعش")}},
		{"وعندما اجتمع العبادي بالفياض حول مكافحة «داعش»، جلس صامتا", "CONSULT", "فالح الفياض", "داعش",
			[]model.Entity{per("حيدر العبادي", "العبادي"), per("فالح الفياض", "الفياض"), org("داعش")}},
	} {
		a := analysis(c.text, c.ents...)
		if err := x.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range a.Events {
			if e.Type != c.typ {
				continue
			}
			found = true
			if slices.Contains(e.Recipients, c.enemy) || !slices.Contains(e.Recipients, c.partner) {
				t.Errorf("%s: recipients %v, want %s and not %s", c.text, e.Recipients, c.partner, c.enemy)
			}
		}
		if !found {
			t.Errorf("%s: no %s event: %+v", c.text, c.typ, a.Events)
		}
	}
}

// TestMergeSameTally: one tally told twice in an article ("قتل 25 جندياً …
// وأصيب 35" … "إن 25 من قوات الصاعقة قتلوا وأصيب 35") is one event, though
// each sentence names another side; two small counts are not enough to say so.
func TestMergeSameTally(t *testing.T) {
	ev := func(recip string, q map[string]int) model.Event {
		return model.Event{Type: "ASSAULT", Modality: model.Asserted, Recipients: []string{recip}, Quantities: q}
	}
	if got := mergeEvents([]model.Event{ev("القوات الخاصة الليبية", map[string]int{"dead": 25, "injured": 35}),
		ev("أنصار الشريعة", map[string]int{"dead": 25, "injured": 35})}, nil, pub); len(got) != 1 {
		t.Errorf("one tally told twice: %d events, want 1: %+v", len(got), got)
	}
	if got := mergeEvents([]model.Event{ev("الجيش", map[string]int{"dead": 2}), ev("الشرطة", map[string]int{"dead": 2})}, nil, pub); len(got) != 2 {
		t.Errorf("two small counts: %d events, want 2: %+v", len(got), got)
	}
}
