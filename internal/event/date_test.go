package event

import (
	"testing"
	"time"
)

// pub is a Thursday.
var pub = time.Date(2018, 10, 25, 10, 0, 0, 0, time.UTC)

func firstDate(t *testing.T, s string, p time.Time) (DateExpr, bool) {
	t.Helper()
	w := splitWords(s, 0, len(s))
	ds := findDates(s, w, p)
	if len(ds) == 0 {
		return DateExpr{}, false
	}
	return ds[0], true
}

func TestDates(t *testing.T) {
	tests := []struct {
		name, in, text, date string
	}{
		{"yesterday", "التقى الوزير أمس نظيره", "أمس", "2018-10-24"},
		{"a weekday with the conjunction: the text without it", "والأحد، شن سلاح الجو ضربات", "الأحد", "2018-10-21"},
		{"yesterday with the conjunction", "وأمس أعلن الجيش", "أمس", "2018-10-24"},
		{"March before a definite noun after في", "في مارس الماضي", "مارس الماضي", "2018-03"},
		{"March governed by منذ before a definite noun", "منذ مارس الحرب مستمرة", "مارس", "2018-03"},
		{"yesterday with weekday", "وصل أمس الأربعاء إلى طرابلس", "أمس الأربعاء", "2018-10-24"},
		{"today with another weekday in brackets: the paper's date is the morning after", "أعلنت الوزارة اليوم (الأربعاء) أن", "اليوم (الأربعاء)", "2018-10-24"},
		{"yesterday with another weekday in brackets", "تصاعدت الضغوط أمس (الثلاثاء) لرفع", "أمس (الثلاثاء)", "2018-10-23"},
		{"weekday before an explicit date", "وصل السبت 20 أكتوبر إلى", "السبت 20 أكتوبر", "2018-10-20"},
		{"weekday before a full date", "الجمعة 17 يوليو/تموز 2015", "الجمعة 17 يوليو/تموز 2015", "2015-07-17"},
		{"day before yesterday", "قال أول أمس إن", "أول أمس", "2018-10-23"},
		{"day before yesterday, أول من أمس", "في تصريحات مساء أول من أمس", "أول من أمس", "2018-10-23"},
		{"day before yesterday, أمس الأول", "اجتمع أمس الأول مع", "أمس الأول", "2018-10-23"},
		{"today", "يصل اليوم إلى روما", "اليوم", "2018-10-25"},
		{"today named Monday in a text dated Thursday: the Monday before", "قتل 4 أشخاص في ثكنة، اليوم الاثنين، فيما", "اليوم الاثنين", "2018-10-22"},
		{"today named the day after publication (time zone)", "أعلنت الوزارة اليوم الجمعة أن", "اليوم الجمعة", "2018-10-26"},
		{"last night", "في روما الليلة الماضية", "الليلة الماضية", "2018-10-24"},
		{"يوم الأمس", "وصل يوم الأمس إلى", "الأمس", "2018-10-24"},
		{"this month's day", "قبل يوم 25 يوليو الجاري", "25 يوليو الجاري", "2018-07-25"},
		{"tomorrow", "يزور غدا باريس", "غدا", "2018-10-26"},
		{"after tomorrow", "يصل بعد غد إلى", "بعد غد", "2018-10-27"},
		{"after tomorrow with its weekday", "مواجهة الهلال بعد غد السبت", "بعد غد السبت", "2018-10-27"},
		{"tomorrow with its weekday", "الاجتماعات المقررة غدا الجمعة في بروكسل", "غدا الجمعة", "2018-10-26"},
		{"tomorrow with another weekday: the paper's date is not the writing day", "المقررة غدا الاثنين في بروكسل", "غدا الاثنين", "2018-10-29"},
		{"يوم غد", "رفعت الجلسة إلى يوم غد", "غد", "2018-10-26"},
		{"مساء الغد", "يصل مساء الغد", "الغد", "2018-10-26"},
		{"weekday past", "أعلن يوم الجمعة الماضية إطلاق", "يوم الجمعة الماضية", "2018-10-19"},
		{"weekday next", "يلتقي الأحد المقبل", "الأحد المقبل", "2018-10-28"},
		{"bare weekday, most recent", "وقالت القوات، الثلاثاء، إن", "الثلاثاء", "2018-10-23"},
		{"bare weekday, same day", "يزور باريس الخميس", "الخميس", "2018-10-25"},
		{"last week", "عرضها الأسبوع الماضي في", "الأسبوع الماضي", "2018-10-18"},
		{"next week", "سيزور روما الأسبوع المقبل", "الأسبوع المقبل", "2018-11-01"},
		{"the coming hours", "سيتم نقلها إلى ليبيا خلال الساعات القادمة", "الساعات القادمة", "2018-10-25"},
		{"the coming days: forward, no one day", "يصل خلال الأيام المقبلة", "الأيام المقبلة", ""},
		{"last month", "منذ الشهر الماضي", "الشهر الماضي", "2018-09"},
		{"next year", "انتخابات السنة المقبلة", "السنة المقبلة", "2019"},
		{"day and month, both namings", "في 28 أغسطس/آب الماضي، أعلنت", "28 أغسطس/آب الماضي", "2018-08-28"},
		{"Levantine then transliterated", "في 3 تموز/يوليو", "3 تموز/يوليو", "2018-07-03"},
		{"two-word Levantine month", "في 5 كانون الأول", "5 كانون الأول", "2017-12-05"},
		{"Maghrebi month", "يوم 14 غشت", "14 غشت", "2018-08-14"},
		{"Algerian month", "في 9 جويلية", "9 جويلية", "2018-07-09"},
		{"range with next", "المقرر عقده يومي 12 و13 نوفمبر المقبل", "12 و13 نوفمبر المقبل", "2018-11-12"},
		{"range run together", "يومى 12و13 نوفمبر المقبل", "12و13 نوفمبر المقبل", "2018-11-12"},
		{"day and month early in the year: the past one, not the next", "قتل في 5 يناير", "5 يناير", "2018-01-05"},
		{"day and month of last year", "في 20 فبراير من العام الماضي", "20 فبراير من العام الماضي", "2017-02-20"},
		{"month of the year before last", "في يوليو (تموز) من العام قبل الماضي", "يوليو (تموز) من العام قبل الماضي", "2016-07"},
		{"of the same year: a year named earlier, not resolved", "وفي 20 فبراير من العام نفسه صرح", "20 فبراير من العام نفسه", ""},
		{"this month", "منذ بداية الشهر الجاري", "الشهر الجاري", "2018-10"},
		{"this year", "خلال العام الجاري", "العام الجاري", "2018"},
		{"year before last", "في العام قبل الماضي", "العام قبل الماضي", "2016"},
		{"Hijri date with its Gregorian equivalent", "يوم الأحد 28 رجب 1436هـ الموافق 17 مايو 2015م واستمر", "يوم الأحد 28 رجب 1436هـ الموافق 17 مايو 2015م", "2015-05-17"},
		{"Hijri date with a year", "صباح يوم الثلاثاء 12 شوال 1436هـ", "يوم الثلاثاء 12 شوال 1436هـ", "2015-07-28"},
		{"two-word Hijri month", "في 10 ذو الحجة 1439", "10 ذو الحجة 1439", "2018-08-22"},
		{"Hijri date without a year: the last one before publication", "في 5 رمضان", "5 رمضان", "2018-05-20"},
		{"date in figures", "في 30/7/2015 وصل", "30/7/2015", "2015-07-30"},
		{"Hijri date in figures with the Gregorian after الموافق", "يوم الخميس 14 / 10 / 1436هـ الموافق 30 / 7 / 2015م", "يوم الخميس 14 / 10 / 1436هـ الموافق 30 / 7 / 2015م", "2015-07-30"},
		{"month and year after عام", "في شهر سبتمبر (أيلول) عام 1964", "سبتمبر (أيلول) عام 1964", "1964-09"},
		{"full date", "في 24 أكتوبر 2016", "24 أكتوبر 2016", "2016-10-24"},
		{"full date with سنة", "بعد تنحي مبارك في 11 فبراير (شباط) سنة 2011 قائلا", "11 فبراير (شباط) سنة 2011", "2011-02-11"},
		{"Arabic-Indic digits", "في ٢٤ أكتوبر ٢٠١٦", "٢٤ أكتوبر ٢٠١٦", "2016-10-24"},
		{"month and year", "في ديسمبر/كانون الأول 2016", "ديسمبر/كانون الأول 2016", "2016-12"},
		{"month alone", "في مايو/أيار أجرى", "مايو/أيار", "2018-05"},
		{"year alone", "منذ سقوط القذافي في 2011", "2011", "2011"},
		{"عام + year", "في نهاية عام 2015", "عام 2015", "2015"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, ok := firstDate(t, tc.in, pub)
			if !ok {
				t.Fatalf("%q: no date found", tc.in)
			}
			if d.Text != tc.text || d.Date != tc.date {
				t.Errorf("%q: got %q → %q, want %q → %q", tc.in, d.Text, d.Date, tc.text, tc.date)
			}
		})
	}
}

func TestDatesWithoutPublication(t *testing.T) {
	for _, in := range []string{"التقى أمس", "الأسبوع المقبل", "الخميس", "28 أغسطس"} {
		d, ok := firstDate(t, in, time.Time{})
		if !ok {
			t.Errorf("%q: expression not found", in)
			continue
		}
		if d.Date != "" || d.Text == "" {
			t.Errorf("%q: without a publication date want date_text only, got %+v", in, d)
		}
	}
	if d, _ := firstDate(t, "في 24 أكتوبر 2016", time.Time{}); d.Date != "2016-10-24" {
		t.Errorf("an explicit full date needs no publication date, got %q", d.Date)
	}
}

func TestBareWeekdayPlanned(t *testing.T) {
	d, _ := firstDate(t, "يزور باريس السبت", pub)
	if got := d.resolve(pub, false); got != "2018-10-20" {
		t.Errorf("past reading: %s", got)
	}
	if got := d.resolve(pub, true); got != "2018-10-27" {
		t.Errorf("planned reading: %s", got)
	}
}

func TestDayMonthPlanned(t *testing.T) {
	d, _ := firstDate(t, "يزور باريس في 3 يوليو", pub)
	if got := d.resolve(pub, false); got != "2018-07-03" {
		t.Errorf("past reading: %s", got)
	}
	if got := d.resolve(pub, true); got != "2019-07-03" {
		t.Errorf("planned reading: %s", got)
	}
	if d, _ := firstDate(t, "يزور باريس في 3 يوليو 2018", pub); d.resolve(pub, true) != "2018-07-03" {
		t.Errorf("a year given is kept: %s", d.resolve(pub, true))
	}
}

func TestNoDate(t *testing.T) {
	for _, in := range []string{"بنسبة 3/4 من الأصوات", "وفي نفس اليوم تم خطف 8", "بذكرى اليوم الوطني لبلاده", "في اليوم التالي", "نموذج الأمس من أجل المستقبل", "خلال شهر رمضان", "صفر المونديال", "نقلت صحيفة \"الغد\" الأردنية", "من أجل الغد الزاخر", "قتل 17 مسلحا", "على بعد 150 ميلا", "الساعة 12:30", "في يوم واحد", "صلاة جمعة", "أحد المسلحين", "كان طالبا من أسرة مستقرة مارس النشاطات العادية", "ومارس الضغوط على الحكومة"} {
		if d, ok := firstDate(t, in, pub); ok {
			t.Errorf("%q: unexpected date %+v", in, d)
		}
	}
}

// TestPickDate: which date of the sentence dates the event (one row per
// phenomenon read on arabic-news).
func TestPickDate(t *testing.T) {
	tests := []struct{ name, in, typ, want string }{
		{"nearest date of the trigger's clause", "التقى الوزير نظيره أمس في الرباط", "CONSULT", "أمس"},
		{"the event's own date over the statement's", "قالت الوزارة أول من أمس، إن مسلحين خطفوا مواطنا في القاهرة يوم الأربعاء الماضي", "ASSAULT", "يوم الأربعاء الماضي"},
		{"the statement's date when the clause has none", "أعلن المرصد أمس أن الطيران شن تسع غارات على المدينة", "ASSAULT", "أمس"},
		{"statement verb a few words before the date", "قال قائد الشرطة في إقليم بغلان اليوم الاثنين إن مسلحين فتحوا النار في حفل زفاف", "ASSAULT", "اليوم الاثنين"},
		{"a date of another verb's clause", "جلسة ستعقد الأسبوع المقبل، مشيرا إلى أن البرلمان لم يتفق مع ليون على موعد", "AGREE", ""},
		{"a date in a relative clause after the trigger", "عقد كيري اجتماعا مع نظرائه بشأن الاتفاق الذي أبرم الشهر الماضي", "CONSULT", ""},
		{"a relative clause of happening dates the trigger", "قتل 17 شخصا في الهجوم الذي وقع أمس", "ASSAULT", "أمس"},
		{"a date after بعد belongs to the earlier event", "دعا أردوغان إلى انتخابات مبكرة بعد خسارة حزبه في انتخابات 7 يونيو", "REQUEST", ""},
		{"قبل ظهر أمس is one time phrase", "انتحاريان فجرا نفسيهما بداخل الثكنة قبل ظهر أمس", "ASSAULT", "أمس"},
		{"days after an attack: the main clause's date is not the attack's", "وبعد أربعة أيام على هجوم انتحاري استهدف تركيا، شن سلاح الجو التركي اليوم أولى غاراته", "ASSAULT", ""},
		{"days after, inside the sentence: the trigger's own date", "صرح هيكل بعد ساعتين من تنحي مبارك في 11 فبراير سنة 2011", "CONCEDE", "11 فبراير سنة 2011"},
		{"a day after talks held in Rome on Tuesday (seed 001)", "وجاء ذلك بعد يوم من محادثات أجراها حفتر قائد القوات، في روما الثلاثاء مع الوزيرين", "CONSULT", "الثلاثاء"},
		{"a deadline is not the day", "تعهد رئيس المجلس بالانتهاء من المصادقة قبل يوم 25 يوليو الجاري", "AGREE", ""},
		{"سبق أن: an event before the dated one", "بيانها الذي صدر اليوم عن جليبيب الذي سبق أن وجه تهديدا للممثل", "THREATEN", ""},
		{"a date before منذ belongs to the later event", "نشرت الوزارة اليوم تقريرا عن الوضع منذ اندلاع الاشتباكات", "ASSAULT", ""},
		{"بعد أن: one sequence of the day", "قتل 18 متمردا في إقليم فارياب بعد أن شنت قوات الأمن عملية عسكرية أمس الجمعة", "ASSAULT", "أمس الجمعة"},
		{"a date in a complement clause with a pronoun (بأنهم) after the trigger", "التقى الوزير الوفد وصرح بأنهم سيعودون غدا", "CONSULT", ""},
		{"a date before إنهما belongs to the statement", "ويوم الجمعة، أحرق مهاجمان يشتبه بأنهما متطرفان منزلا، ما أثار تعهدات", "AGREE", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, m, ok := firstMatch(t, tc.in, tc.typ)
			if !ok {
				t.Fatalf("%q: no %s trigger", tc.in, tc.typ)
			}
			got := ""
			if d := pickDate(w, findDates(tc.in, w, pub), m.First, m.Last); d != nil {
				got = d.Text
			}
			if got != tc.want {
				t.Errorf("%q: date %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
