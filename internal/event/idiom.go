package event

import (
	"strings"
	"unicode/utf8"
)

// Fixed expressions in which a trigger word does not report an event of its
// type. Each was found reading `marsad extract` output on
// ../shared/data/arabic-news (300 articles: the 150 Libya articles and every
// 33rd general one), where these were the most frequent false events.

// After رفض: "رفض ذكر اسمه", "رفضت أن تعلق", "رفض الكشف عن هويته",
// "رفض الإفصاح عن المزيد" decline to speak; no demand is rejected.
var declineObjects = normKeys(map[string]bool{
	"ذكر": true, "الكشف": true, "كشف": true, "الافصاح": true, "افصاح": true, "التعليق": true, "تعليق": true,
	"يعلق": true, "تعلق": true, "الادلاء": true, "الإدلاء": true, "الكشف،": true, "يكشف": true, "تكشف": true,
	"يذكر": true, "تذكر": true, "يفصح": true, "تفصح": true, "الرد": true, "يرد": true, "ترد": true,
})

// Adjectives of a press conference (مؤتمر صحافي). Not إعلامي: "المؤتمر
// الإعلامي الدولي لمواجهة الإرهاب" is a conference of many parties.
var pressWords = normKeys(map[string]bool{
	"صحافي": true, "صحفي": true, "الصحافي": true, "الصحفي": true, "صحافيا": true, "صحفيا": true, "صحافيًا": true, "صحفيًا": true,
	"صحافية": true, "صحفية": true, "الصحافية": true, "الصحفية": true,
})

// After يهدد/تهدد: an abstract object makes it "endanger", not a threat
// by a party: "مخطط يهدد الأمن والسلم", "الجفاف يهدد حياة الملايين".
var endangered = normKeys(map[string]bool{
	"الامن": true, "امن": true, "السلم": true, "الاستقرار": true, "استقرار": true, "حياه": true, "حياة": true,
	"مستقبل": true, "بقاء": true, "وحده": true, "وحدة": true, "سلامه": true, "سلامة": true, "مصير": true,
	"بانهيار": true, "بتقويض": true, "باندلاع": true, "بتفاقم": true, "بعرقله": true, "بعرقلة": true, "بافشال": true,
	"بتفجير": false, "الاقتصاد": true, "اقتصاد": true, "صحه": true, "صحة": true, "الصحه": true, "المنطقه": true, "المنطقة": true,
	"استمرار": true, "جهود": true, "الجهود": true, "مسار": true, "المسار": true, "العمليه": true, "العملية": true, "الهدنه": true, "الهدنة": true,
	"السلام": true, "سلام": true, "الملايين": true, "ملايين": true, "الاف": true, "آلاف": true,
	"مصداقيه": true, "مصداقية": true, "لمصداقية": true, "سمعه": true, "سمعة": true, "لاستقرار": true, "لأمن": true,
})

// What is addressed to someone after توجه (direct to): "توجه انتقادات
// إلى", "توجه رسالة إلى".
var addressed = normKeys(map[string]bool{
	"انتقادات": true, "انتقاد": true, "انتقادا": true, "رساله": true, "رسائل": true, "اتهامات": true, "اتهاما": true, "اتهام": true,
	"دعوه": true, "الدعوه": true, "دعوات": true, "الشكر": true, "بالشكر": true, "شكر": true, "سؤال": true, "سؤالا": true, "اسئله": true,
	"نداء": true, "نداءات": true, "تحذير": true, "تحذيرا": true, "تحذيرات": true, "ضربه": true, "ضربات": true, "لوم": true, "اللوم": true,
	"تهنئه": true, "التهنئه": true, "كلمه": true, "خطابا": true, "خطاب": true, "اهتمامها": true, "اهتمامه": true, "انظار": true,
})

// Words before حشد that make it a crowd: "أمام حشد", "وسط حشود".
var crowdBefore = normKeys(map[string]bool{"امام": true, "وسط": true, "بين": true, "خلف": true, "وامام": true, "ووسط": true})

// What a military massing is of: "حشد من القوات".
var troopWords = normKeys(map[string]bool{
	"القوات": true, "قوات": true, "الجنود": true, "جنود": true, "المقاتلين": true, "مقاتلين": true, "الدبابات": true, "الاليات": true,
	"المسلحين": true, "مسلحين": true, "العسكريين": true, "الميليشيات": true, "المليشيات": true, "عناصر": true, "العناصر": true,
})

// Subjects of an arrival that is no visit: forces and cargo.
var nonVisitors = normKeys(map[string]bool{
	"قوات": true, "القوات": true, "الجيش": true, "جيش": true, "وحدات": true, "الوحدات": true, "مقاتلو": true, "مقاتلي": true,
	"المسلحون": true, "مسلحون": true, "عناصر": true, "تعزيزات": true, "التعزيزات": true, "كاسحات": true, "دبابات": true,
	"الطائره": true, "طائره": true, "طائرات": true, "الطائرات": true, "طائرتان": true, "سفينه": true, "السفينه": true,
	"باخره": true, "الباخره": true, "شحنه": true, "الشحنه": true, "شحنات": true, "قافله": true, "القافله": true, "قوافل": true,
	"شاحنات": true, "الشاحنات": true, "مساعدات": true, "المساعدات": true, "الاغاثه": true, "الرحله": true, "رحله": true,
	"اللاجئين": true, "اللاجئون": true, "المهاجرين": true, "المهاجرون": true, "مهاجر": true, "مهاجرا": true,
})

// What a host has that is no meeting: a match, a tournament, a programme.
var hostedThings = normKeys(map[string]bool{
	"فريق": true, "الفريق": true, "منتخب": true, "المنتخب": true, "نادي": true, "مباراه": true, "المباراه": true, "البطوله": true,
	"بطوله": true, "كاس": true, "نهائي": true, "النهائي": true, "الدوري": true, "حلقه": true, "حلقاته": true, "الحلقه": true,
	"برنامج": true, "برنامجه": true, "البرنامج": true, "معرض": true, "المعرض": true, "مهرجان": true, "المهرجان": true,
	"الاولمبياد": true, "اولمبياد": true, "سباق": true, "السباق": true, "ضيوفه": true, "صفحات": true, "صفحه": true, "مليون": true,
	"النهائيات": true, "نهائيات": true, "المونديال": true, "مونديال": true, "الدورة": true, "دورة": true,
})

// What follows قمة when it is a top, not a summit.
var topOf = normKeys(map[string]bool{
	"الدربي": true, "الدوري": true, "الترتيب": true, "ترتيب": true, "الهرم": true, "الجبل": true, "جبل": true, "المجد": true,
	"الهدافين": true, "المباريات": true, "مباريات": true, "الجوله": true, "السعاده": true, "الاناقه": true, "التالق": true,
	"الكلاسيكو": true, "المجموعه": true, "الفرق": true, "الاندية": true, "الانديه": true, "العطاء": true, "الروعه": true,
})

// What a host receives that is no party to meet: "استقبلت الأسرة اتصالات
// المعزين", "يستقبل الطلبات", "استقبل المستشفى الحالات".
var receivedThings = normKeys(map[string]bool{
	"اتصالات": true, "اتصال": true, "طلبات": true, "الطلبات": true, "رسائل": true, "الرسائل": true, "شكاوي": true, "الشكاوي": true,
	"بلاغات": true, "البلاغات": true, "حالات": true, "الحالات": true, "حاله": true, "مرضي": true, "المرضي": true, "المصابين": true,
	"الجرحي": true, "جرحي": true, "مصابين": true, "متقدم": true, "متقدمين": true, "المتقدمين": true, "المراجعين": true, "مراجعين": true,
	"الزوار": true, "زوار": true, "الحجاج": true, "حجاج": true, "المعتمرين": true, "معتمرين": true, "الطلاب": true, "طلاب": true,
	"الطالبات": true, "طالبات": true, "المهنئين": true, "المعزين": true, "ضيوفه": true, "ضيوفها": true, "الضيوف": true, "شحنه": true,
	"الشحنه": true, "كميات": true, "التبرعات": true, "تبرعات": true, "المسافرين": true, "مسافرين": true, "الركاب": true, "الاطفال": true,
	"العروض": true, "عروض": true, "الاستفسارات": true, "استفسارات": true, "الملاحظات": true, "البطولة": true, "البطوله": true,
	// job seekers and aircraft: "تستقبل الشركة الراغبين لشغل 30 وظيفة",
	// "استقبلت محافظة عدن طائرتين سعوديتين"
	"الراغبين": true, "الراغبات": true, "المتقدمات": true, "طائرتين": true, "طائرة": true, "طائرات": true, "الطائرات": true,
	"سفينة": true, "السفينة": true, "باخرة": true,
	// the dead (deadBodies) are received too
})

// What follows فجر when it is the dawn (فَجْر), not فجّر (blew up): "تم فجر
// الخميس طرد الحوثيين", "فجر اليوم", "فجر أمس" (devgold: a dawn attack
// coded explosives).
var dawnOf = normKeys(map[string]bool{
	"الاحد": true, "الاثنين": true, "الثلاثاء": true, "الاربعاء": true, "الخميس": true, "الجمعه": true, "السبت": true,
	"اليوم": true, "امس": true, "الامس": true, "الغد": true, "غد": true, "يوم": true,
})

// The dead, received or brought home: "استقبل أهالي البرك جثمان الشهيد",
// "إن المستشفى استقبل خلال اليومين الماضيين جثمان جندي" (a hospital or a
// morgue receives bodies, it meets no one; devgold and the lead's reading
// found it apart), "وصل جثمان المذيع الراحل إلى الرياض".
var deadBodies = normKeys(map[string]bool{
	"جثمان": true, "الجثمان": true, "جثامين": true, "الجثامين": true, "جثه": true, "الجثه": true, "جثث": true,
	"الجثث": true, "جثتي": true, "جثتين": true, "رفات": true, "الرفات": true, "قتلي": true, "القتلي": true,
})

// Verbs of price and amount before ثمن: "ارتفع ثمن الذخيرة" is a price,
// not ثمّن (praised).
var priceVerbs = normKeys(map[string]bool{
	"ارتفع": true, "انخفض": true, "تراجع": true, "زاد": true, "دفع": true, "يدفع": true, "دفعوا": true, "يدفعون": true,
	"ارتفاع": true, "انخفاض": true, "بلغ": true, "يبلغ": true, "قدر": true, "يقدر": true,
	"سداد": true, "يسدد": true, "سدد": true, "تسديد": true, "يتحمل": true, "تحمل": true,
})

// Words that lift or ease a sanction: "لرفع حظر السلاح", "تخفيف العقوبات"
// (PLOVER codes easing as CONCEDE, not SANCTION).
var liftWords = normKeys(map[string]bool{
	"رفع": true, "يرفع": true, "لرفع": true, "برفع": true, "الغاء": true, "لالغاء": true, "بالغاء": true, "تخفيف": true,
	"لتخفيف": true, "بتخفيف": true, "يخفف": true, "خفف": true, "انهاء": true, "لانهاء": true, "رفعت": true, "ترفع": true,
})

// Verbs of asking and advising: an event noun in their complement is what
// is asked for, not an event that happened ("نصح باشاغا بتقديم استقالته",
// "دعا إلى انسحاب القوات", "طالب بالإفراج عن المعتقلين"); the REQUEST is
// the event.
var askVerbs = normKeys(map[string]bool{
	"دعا": true, "يدعو": true, "دعت": true, "تدعو": true, "دعوا": true, "طالب": true, "يطالب": true, "طالبت": true, "تطالب": true,
	"طالبوا": true, "يطالبون": true, "حث": true, "يحث": true, "حثت": true, "تحث": true, "ناشد": true, "يناشد": true, "ناشدت": true,
	"نصح": true, "ينصح": true, "نصحت": true, "مطالبا": true, "داعيا": true, "مطالبه": true, "دعوه": true, "مطالبين": true,
	"طلب": true, "يطلب": true, "طلبت": true, "تطلب": true, // "طلب الأمن من المعتقلين تأييد عبدالناصر"
	"داعين": true, "مطالبون": true, "بضروره": true, "ضروره": true, // "داعين السلطات … إلى فتح تحقيق"، "طالبت … النائب العام بضرورة فتح تحقيق"
})

// requested reports whether the noun trigger at i is the complement of a
// verb of asking up to six words before it, within the clause.
func requested(p *Pattern, words []word, i int) bool {
	if p.Type == "REQUEST" {
		return false
	}
	// the complement is a masdar, marked by a preposition or the article,
	// or governed by one ("بتقديم استقالته", "إلى انسحاب", "للمطالبة")
	w := words[i]
	marked := w.prep != "" || strings.HasPrefix(w.Norm, "ال") || strings.HasPrefix(w.Norm, "بال") || strings.HasPrefix(w.Norm, "لل")
	if i > 0 {
		pw := words[i-1]
		marked = marked || pw.Norm == "الي" || pw.Norm == "علي" || pw.prep == "ب" || pw.prep == "ل" ||
			pw.Norm == "بعدم" || pw.Norm == "عدم" // "طالب بعدم استضافته"
	}
	if !marked {
		return false
	}
	for b := i - 1; b >= 0 && b >= i-6; b-- {
		if askVerbs[words[b].Norm] || askVerbs[words[b].base] || askVerbs[strings.TrimPrefix(words[b].Norm, "و")] {
			return true // وحث: a short verb keeps its و in base
		}
		// "سنطالب الدول بعدم استضافته", "أطالب": the first person as the third
		if r, _ := utf8.DecodeRuneInString(words[b].base); r == 'ن' || r == 'ت' || r == 'ا' {
			if askVerbs["ي"+words[b].base[utf8.RuneLen(r):]] {
				return true
			}
		}
		if words[b].boundary && words[b].Norm != "" && b < i-1 && words[b].comma {
			return false
		}
	}
	return false
}

// idiom reports whether the trigger of m stands in a fixed expression that
// reports no event of its type.
func idiom(words []word, m *Match) bool {
	p := m.Pattern
	w := words[m.First]
	next := func(k int) *word {
		if m.Last+k < len(words) {
			return &words[m.Last+k]
		}
		return nil
	}
	prev := func() *word {
		if m.First > 0 {
			return &words[m.First-1]
		}
		return nil
	}
	// "التقت «المدينة» بمدير عام القناة"، "التقى مراسل «الشرق الأوسط»
	// بالرجل"، "«المدينة» التقت به": a paper's interview is no meeting
	if p.Type == "CONSULT" && alifLamVerbs[strings.TrimPrefix(w.Norm, "و")] {
		// a quotation mark right after the verb or right before it (the
		// words keep no punctuation: a boundary that is no comma or stop)
		if w.boundary && !w.comma && !w.paren {
			return true
		}
		if n := next(1); n != nil && (reporters[n.base] || reporters[n.Norm]) {
			return true
		}
		if pw := prev(); pw != nil && pw.boundary && !pw.comma && !pw.paren {
			return true
		}
	}
	switch {
	case p.Type == "MOBILIZE" && (w.has("حشد") || w.has("يحشد") || w.has("تحشد") || w.has("حشود")):
		// "حشد مقاتلين جدد", "تحشد القوات طاقة نارية", "حشود عسكرية": a
		// mustering of forces; "بالحشد ضد الاتفاق", "حشد عدد من النواب",
		// "حشود المصلين" muster votes, crowds or support
		for k := 1; k <= 4; k++ {
			n := next(k)
			if n == nil {
				break
			}
			if musterNouns[n.base] || musterNouns[n.Norm] || musterNouns[withoutPronoun(n.base)] || n.number {
				return false
			}
			if n.boundary {
				break
			}
		}
		return true
	case p.Type == "COERCE" && w.has("يرحل"):
		// "يرحل المخالفين" deports; "شاء القدر أن يرحل الشريف", "يرحل
		// سعود بابتسامته" passes away
		n := next(1)
		return n == nil || !n.number && !(strings.HasPrefix(n.Norm, "ال") && (strings.HasSuffix(n.Norm, "ين") || strings.HasSuffix(n.Norm, "ات")))
	case p.Type == "COERCE" && strings.HasPrefix(w.base, "قبضت") && runeLen(w.base) > runeLen("قبضت"):
		// "إحكام قبضته على الحكم": his grip (قبضة + pronoun), not an arrest
		// (قبضت عليه; قبضها على: her arrest of)
		return true
	}
	switch p.Type {
	case "REJECT":
		// "رفض ذكر اسمه", "رفضت الولايات المتحدة، من جانبها، أن تعلق"
		if !w.has("رفض") && !w.has("يرفض") {
			break
		}
		// the subject and its apposition may stand between: "رفض ستيفان
		// دجريك، الناطق الرسمي باسم أمين عام الأمم المتحدة، أن يعلق"
		for k := 1; k <= 14; k++ {
			n := next(k)
			if n == nil {
				break
			}
			if k == 1 && (declineObjects[n.base] || declineObjects[n.Norm]) ||
				strings.HasPrefix(n.Norm, "ال") && declineObjects[n.Norm] && k <= 4 {
				return true
			}
			if n.Norm == "ان" || n.Norm == "الا" {
				n2 := next(k + 1)
				return n2 != nil && (declineObjects[n2.Norm] || declineObjects[n2.base])
			}
			// "رفض مكتب السفيرة طلبا من صحيفة «الشرق الأوسط» للتعليق"
			if n.base == "طلبا" || n.base == "طلب" {
				return forComment(words, m.Last+k+1)
			}
			if n.boundary && n.Norm != "" && k > 1 && !n.comma {
				break
			}
		}
	case "THREATEN":
		// "وواصل الهلال تهديداته لمرمى النصر": chances on goal
		for k := 1; k <= 2; k++ {
			if n := next(k); n != nil && (n.base == "مرمي" || n.Norm == "لمرمي" || n.Norm == "المرمي") {
				return true
			}
		}
		// "مخطط إردوغان يهدد الأمن والسلم": endangers
		if n := next(1); n != nil && !w.has("تهديد") && !w.has("تهديدات") && (endangered[n.Norm] || endangered[n.base]) {
			return true
		}
		// "أكبر تهديد لمصداقية نجيب": a danger to something, not a threat
		// made by a party
		if n := next(1); n != nil && (w.has("تهديد") || w.has("تهديدا")) && n.prep == "ل" && endangered[n.base] {
			return true
		}
	case "MOBILIZE":
		// "ضمن المعسكر الإعدادي تأهبا لدوري المحترفين": a team readies
		// for a season
		if p.Mode == "alert" && sportsMatch(words) {
			return true
		}
		// "أمام حشد من أنصاره", "صدمت شاحنة حشدا": a crowd, not troops
		// massed
		if w.base == "حشد" || w.base == "حشدا" || w.base == "حشود" {
			if pw := prev(); pw != nil && crowdBefore[pw.Norm] {
				return true
			}
			if n := next(1); n != nil && n.Norm == "من" && !w.has("يحشد") {
				if n2 := next(2); n2 != nil && !troopWords[n2.base] && !troopWords[n2.Norm] {
					return true
				}
			}
			if strings.HasSuffix(w.Text, "حشدا") || strings.HasSuffix(w.Text, "حشداً") {
				return true // the object of another verb
			}
		}
	case "COERCE":
		// "لم يعرف بالضبط فحوى الرسالة": exactly
		if w.Norm == "بالضبط" || w.Norm == "بالظبط" {
			return true
		}
		// "ضبط النفس" (restraint); "بيان صادر عن الوزارة" (issued by)
		if n := next(1); n != nil && (w.has("ضبط") || w.has("يضبط")) && (n.base == "نفس" || n.Norm == "النفس") {
			return true
		}
		if n := next(1); n != nil && (w.has("صادر") || strings.HasPrefix(w.Norm, "صادر")) && !strings.HasPrefix(w.Norm, "صادرت") &&
			(n.Norm == "عن" || n.Norm == "من" || n.Norm == "بحق" || n.Norm == "في") {
			return true
		}
		// "بيان صادر يوم أمس", "دار صادر" (a Beirut publisher): issued, a name
		if pw := prev(); pw != nil && w.Norm == "صادر" && (issuedThings[pw.base] || pw.Norm == "دار") {
			return true
		}
		if w.Norm == "صادرا" || w.Norm == "وصادرا" {
			return true // the adjective "صادرًا": issued ("لم يكن صادرا عن جهة قضائية")
		}
		// "بصادرات الصين": exports; "كتاب صادر بالإنجليزية": issued in
		if strings.HasPrefix(w.base, "صادرات") {
			return true
		}
		if n := next(1); n != nil && strings.HasPrefix(w.base, "صادر") && !strings.HasPrefix(w.base, "صادرت") && strings.HasPrefix(n.Norm, "بال") {
			return true
		}
		// "تضبط إيقاع الفتوى", "ضبط الوجهة في الخطاب المنبري", "أثناء
		// ضبطه جدار الحماية": regulating or setting, not seizing
		if w.has("ضبط") || w.has("يضبط") || strings.HasPrefix(w.base, "ضبط") {
			if n := next(1); n != nil && (regulated[n.Norm] || regulated[n.base]) {
				return true
			}
			// "نقطة ضبط أمني" (a checkpoint), "إجراءات الضبط الجنائي"
			if pw := prev(); pw != nil && (pw.base == "نقطه" || pw.base == "نقاط" || pw.base == "اجراءات") {
				return true
			}
			// "ضبط حالة السوق", "عدم ضبطه لمسار الأمور" (not "ضبط فريق
			// الجودة 35 كرتونا": the team seized)
			if n, n2 := next(1), next(2); n != nil && n2 != nil && (n.base == "حاله" || n.base == "مسار" || n.base == "وضع") &&
				(regulated[n2.Norm] || regulated[n2.base]) {
				return true
			}
		}
	case "REQUEST":
		if student(words, m.First) {
			return true
		}
		// "اتحاد طلبة كلية سواس": students, not his request (طلبه)
		if strings.HasSuffix(w.Text, "طلبة") {
			return true
		}
		// "قال وسيط عقاري طالبا عدم الكشف عن اسمه": asking not to be named
		if m.First+2 < len(words) && words[m.First+1].Norm == "عدم" {
			switch words[m.First+2].base {
			case "كشف", "ذكر", "اشاره", "نشر", "الكشف", "ذكره":
				return true
			}
		}
		// "ويتنامى الطلب على أنظمة البطاريات", "العرض والطلب": market
		// demand
		if w.Norm == "الطلب" || w.Norm == "والطلب" {
			if m.First+1 < len(words) && words[m.First+1].Norm == "علي" {
				return true
			}
			if pw := prev(); pw != nil && pw.Norm == "العرض" {
				return true
			}
		}
		// "استقبال طلبات الراغبين في الالتحاق بالوظائف": applications
		if strings.HasSuffix(w.base, "طلبات") {
			if m.First+1 < len(words) && applicants[words[m.First+1].Norm] {
				return true
			}
			if pw := prev(); pw != nil && applicants[pw.base] {
				return true
			}
		}
		// "رفض طلبا من صحيفة الشرق الأوسط للتعليق": a journalist's
		// request for comment
		if forComment(words, m.First+1) {
			return true
		}
	case "SUPPORT":
		// "لا فائدة من انتقاد", "سعر فائدة صفري", "فوائد": benefit and
		// interest, read as ف + أيد + ه
		if strings.Contains(w.Norm, "فايد") || strings.Contains(w.Norm, "فوايد") {
			return true
		}
		// "الملك سلمان - أيده الله -", "حفظه الله": a blessing
		if n := next(1); n != nil && n.Norm == "الله" {
			return true
		}
		// "ارتفع ثمن ذخيرة الهاون": the price
		if w.has("ثمن") {
			// "بأي ثمن": at any price
			if pw := prev(); pw != nil && (priceVerbs[pw.Norm] || priceVerbs[pw.base] || pw.Norm == "باي" || pw.Norm == "اي") || strings.HasPrefix(w.Norm, "الثمن") || w.prep == "ب" {
				return true
			}
		}
	case "ACCUSE":
		// "ويدين النجم بالفضل في تحقيق هذا الفوز إلى لاعبه", "ويدين سان
		// جرمان بفوزه الثالث": owes, not condemns
		if w.has("يدين") {
			for k := 1; k <= 5; k++ {
				n := next(k)
				if n == nil || n.boundary && k > 1 {
					break
				}
				if n.prep == "ب" && owedThings[n.base] || owedThings[n.Norm] {
					return true
				}
			}
		}
		// "أدين دزيكو", "وادين هازار": the name Edin (Eden), or a passive
		// (أُدين رجل: was convicted); the first person "أدين" condemns
		// something definite or named by a demonstrative ("أدين الهجوم",
		// "أدين بشدة هذا العمل")
		if w.base == "ادين" {
			if n := next(1); n != nil && n.prep == "" && !intensity[n.Norm] && !strings.HasPrefix(n.base, "ال") && !strings.HasPrefix(n.Norm, "ال") && !demonstratives[n.Norm] {
				return true
			}
		}
		// "بعد إدانته بتهمة الكسب غير المشروع": convicted, not condemned
		if n := next(1); n != nil && (strings.HasPrefix(w.base, "ادان") || strings.HasPrefix(w.base, "ادين")) {
			if strings.HasPrefix(n.Norm, "بتهم") {
				return true
			}
			// "قضت محكمة بالسجن على شيشاني لإدانته بالإرهاب": after ل or
			// بعد a conviction names its crime with ب (not "إدانته بأشد
			// العبارات", "بشدة")
			if (w.prep == "ل" || prev() != nil && prev().Norm == "بعد") && n.prep == "ب" && !intensity[n.Norm] {
				return true
			}
		}
	case "ASSAULT":
		if accident(words) || sportsInjury(words, m) {
			return true
		}
		if w.base == "فجر" && m.First == m.Last {
			if n := next(1); n != nil && (dawnOf[n.Norm] || dawnOf[n.base]) {
				return true
			}
		}
	case "PROTEST":
		// "هجوم … على تجمع لهم", "استهدف تجمعا للميليشيات": a gathering
		// attacked, not a protest
		if w.has("تجمع") || strings.HasPrefix(w.base, "تجمع") {
			for b := m.First - 1; b >= 0 && b >= m.First-2; b-- {
				if words[b].Norm == "علي" || words[b].base == "استهدف" || words[b].base == "استهدفت" || words[b].base == "يستهدف" || words[b].base == "استهداف" || words[b].base == "قصف" {
					return true
				}
			}
		}
	case "RETREAT":
		// "تراجع مؤشر المشتريات من 49.4 نقطة إلى 48.2", "تراجعت من 22.8
		// مليار دولار": an amount fell, no one withdrew
		if strings.HasPrefix(w.base, "تراجع") || strings.HasPrefix(w.base, "يتراجع") {
			if _, _, ok := parseNumber(words, m.Last+1); ok || m.Last+1 < len(words) && words[m.Last+1].number {
				return true
			}
		}
	case "SANCTION":
		// "عند تقاطع طريق الملك عبدالله مع طريق الملك سلمان", "جسر تقاطع
		// الشفا": an intersection, which news names far more often than it
		// writes تُقاطع (she boycotts)
		if strings.HasPrefix(w.base, "تقاطع") {
			return true
		}
		// "في مقاطعة كولومبيا": a province, not a boycott
		if w.base == "مقاطعه" && (w.prep == "ب" || prev() != nil && (prev().Norm == "في" || prev().Norm == "وفي")) {
			return true // "في منزله بمقاطعة الفوكلوز"
		}
		// "تحتوي مقاطعة Basque": a province named in Latin letters
		if n := next(1); n != nil && w.base == "مقاطعه" && n.Norm != "" && n.Text[0] < 0x80 {
			return true
		}
		// "الضغوط لرفع حظر السلاح"
		if pw := prev(); pw != nil && (liftWords[pw.Norm] || liftWords[pw.base]) {
			return true
		}
	case "CONSULT":
		// "يلتقي الأردن والإمارات في المباراة الثانية", "وفي نصف النهائي
		// تلتقي المكسيك مع بنما": teams meet in a match, no parties in talks
		if p.Mode == "meet" && meetsRoot(w) && sportsMatch(words) && !meetingHeld(words, m) {
			return true
		}
		// "وبحثه عن الزمن الضائع": searched for, not discussed with
		if (w.has("بحث") || w.has("يبحث")) && m.First+1 < len(words) && words[m.First+1].Norm == "عن" {
			return true
		}
		// "مؤتمر صحافي", "المؤتمر الصحفي": a press conference, where a
		// party speaks to journalists, is no meeting of parties; a joint
		// one ("مؤتمر صحفي مشترك مع نظيره القطري") follows talks
		if n := next(1); n != nil && p.Mode == "multilateral" && pressWords[n.Norm] {
			joint := false
			for k := 2; k <= 4; k++ {
				if w := next(k); w != nil && (w.Norm == "مع" || w.Norm == "بين" || w.Norm == "مشترك" || w.Norm == "المشترك") {
					joint = true
				}
			}
			return !joint
		}
		// "قمة الدربي", "قمة الدوري": the top match of a season, not a
		// summit; "قمة الجبل", "على قمة الهرم": a top
		if w.has("قمه") {
			if n := next(1); n != nil && (topOf[n.Norm] || topOf[n.base]) {
				return true
			}
			if pw := prev(); pw != nil && (pw.base == "مباراه" || pw.base == "لقاء" || pw.Norm == "علي") {
				return true
			}
		}
		// "استقبلت الأسرة اتصالات المعزين", "استقبلت الغرفة 300 متقدم
		// للتوظيف": calls, applications and applicants are received, no
		// party is met
		// "يستضيف المغرب التطواني فريق الهلال", "استضاف في حلقاته
		// الدكتور": a match or a programme, not a meeting of parties
		if w.has("استضاف") || w.has("يستضيف") || strings.HasPrefix(w.base, "استضاف") {
			// "حق استضافة النهائيات", "ملف استضافة": the right or the bid to host
			if pw := prev(); pw != nil && (pw.base == "حق" || pw.base == "ملف" || pw.Norm == "بحق") {
				return true
			}
			for k := 1; k <= 4; k++ {
				n := next(k)
				if n == nil {
					break
				}
				if hostedThings[n.base] || hostedThings[n.Norm] {
					return true
				}
				if n.boundary {
					break
				}
			}
		}
		if w.has("استقبل") || w.has("يستقبل") || w.has("استقبال") {
			for k := 1; k <= 6; k++ {
				n := next(k)
				if n == nil {
					break
				}
				if receivedThings[n.base] || receivedThings[n.Norm] || deadBodies[n.base] || deadBodies[n.Norm] {
					return true
				}
				if _, _, ok := parseNumber(words, m.Last+k); ok {
					return true
				}
				if n.boundary {
					break
				}
			}
		}
		// "وصل جثمان المذيع الراحل سعود الدوسري إلى الرياض": a body is
		// brought home, no one visits
		if w.has("وصل") || w.has("يصل") || w.has("وصول") {
			if k := m.First + 1; k < len(words) && (deadBodies[words[k].base] || deadBodies[words[k].Norm]) {
				return true
			}
		}
		// "مسؤولي وزارته", "في وزارته": his ministry, not و + زارته
		if strings.HasPrefix(w.Norm, "وزارت") && p.Mode == "visit" {
			return true
		}
		// "توجهاتهم" (their orientations) is not توجه إلى (headed to)
		if strings.HasPrefix(w.base, "توجهات") {
			return true
		}
		// "تم القبض عليه أثناء توجهه إلى دبي"، "قصف تعزيزات أثناء توجهها
		// إلى بيحان": on the way, the circumstance of another event
		if (w.has("توجه") || strings.HasPrefix(w.Norm, "توجه")) && pronounSuffixed(w) {
			if pw := prev(); pw != nil && (pw.Norm == "اثناء" || pw.Norm == "خلال") {
				return true
			}
		}
		// "توجه انتقادات إلى", "وجه رسالة إلى": addressed to, not headed to
		if w.has("توجه") || w.has("يتوجه") {
			for k := m.First + 1; k < m.Last; k++ {
				if addressed[words[k].base] || addressed[words[k].Norm] {
					return true
				}
			}
		}
		// "وصلت إلى حد رفع الأسلحة", "وصلت المفاوضات إلى طريق مسدود": a
		// degree reached, not an arrival
		// "وصلت القوات العراقية إلى أطراف أحياء", "وصلت الطائرة الإغاثية
		// الثالثة إلى مطار عدن": forces advance and cargo arrives; no
		// party visits another
		if p.Mode == "visit" {
			for k := m.First + 1; k < len(words) && k <= m.First+3 && k < m.Last; k++ {
				if nonVisitors[words[k].base] || nonVisitors[words[k].Norm] {
					return true
				}
				if !timeWords[words[k].Norm] {
					break
				}
			}
			if m.First > 0 && (nonVisitors[words[m.First-1].base] || nonVisitors[words[m.First-1].Norm]) {
				return true
			}
		}
		if p.Mode == "visit" && (w.has("وصل") || w.has("يصل") || w.has("وصول")) {
			// "وصل عدد المجندين إلى ألفين", "إن عدد المجندين وصل إلى
			// ألفين": an amount reached
			if _, _, ok := parseNumber(words, m.Last+1); ok {
				return true
			}
			// "ما يصل إلى 60 شخصا", "يستغل ما يصل إلى المواطنين من دعم":
			// up to, what reaches
			if m.First > 0 && (words[m.First-1].Norm == "ما" || words[m.First-1].Norm == "بما" || words[m.First-1].Norm == "مما" ||
				words[m.First-1].Norm == "لما" || words[m.First-1].Norm == "فيما") {
				return true // "سعيد بما وصل إليه الوضع اللياقي"
			}
			if m.First+1 < len(words) {
				switch words[m.First+1].base {
				case "عدد", "حجم", "نسبه", "قيمه", "سعر", "اجمالي", "مجموع", "حصيله", "معدل",
					"امر", "حال", "حد": // "وصل الأمر بالحوثيين إلى تهديد طاقم الطائرة": it went as far as
					return true
				}
			}
			for k := m.Last + 1; k < len(words) && k <= m.Last+2; k++ {
				switch words[k].base {
				case "حد", "حدود", "مرحله", "طريق", "درجه", "ذروه", "نهايه", "مستوي", "مستويات", "نتيجه", "اتفاق", "تفاهم", "قناعه", "حل", "تسويه":
					return true
				}
			}
		}
	}
	return false
}

// musterNouns are what a mustering (حشد) gathers when it is a mobilization:
// fighters and their arms.
var musterNouns = normKeys(map[string]bool{
	"قوات": true, "مقاتلين": true, "مقاتلي": true, "جنود": true, "جنودا": true, "عناصر": true, "تعزيزات": true, "اليات": true,
	"مسلحين": true, "ميليشيات": true, "مليشيات": true, "كتائب": true, "الويه": true, "قوه": true, "عسكريه": true, "عسكري": true,
	"عسكريا": true, "طاقه": true, "مدرعات": true, "دبابات": true, "افراد": true, "الاف": true, "مئات": true, "عشرات": true,
})

// withoutPronoun strips a possessive pronoun of the third person from a
// normalised word: "قواته" → "قوات" (ة is ه there, so "قوه" → "قو", which
// no list holds).
func withoutPronoun(norm string) string {
	for _, suf := range thirdPersonPronouns {
		if strings.HasSuffix(norm, suf) && runeLen(norm) > runeLen(suf)+2 {
			return strings.TrimSuffix(norm, suf)
		}
	}
	return norm
}

// reporters are who meets people for a paper: their meeting is an
// interview.
var reporters = normKeys(map[string]bool{
	"مراسل": true, "مراسلة": true, "مراسلو": true, "مندوب": true, "مندوبة": true, "محرر": true, "محررة": true, "واس": true,
})

// aircraft are the words for warplanes (matched on the word's base):
// shelling by them is an air strike.
var aircraft = normKeys(map[string]bool{
	"طائرات": true, "طائرة": true, "طيران": true, "مقاتلات": true, "مروحيات": true, "مروحية": true, "قاذفات": true,
})

// aircraftNear reports a warplane as the subject of a shelling verb: up to
// three words before it or four after it, within its clause ("وطيران
// التحالف يقصف", "قصفت الطائرات المقاتلة التابعة للتحالف", "قصف طيران
// التحالف"); not after a preposition ("قصفت القوات مطار … بالطائرات" is
// also aerial, but "قصف مدفعي على مهبط الطائرات" is not: so the base
// alone, without a preposition or a count).
func aircraftNear(words []word, m Match) bool {
	for k := m.First - 1; k >= 0 && k >= m.First-3; k-- {
		if words[k].boundary {
			break
		}
		if aircraft[words[k].base] && words[k].prep == "" {
			return true
		}
	}
	for k := m.Last + 1; k < len(words) && k <= m.Last+4; k++ {
		if aircraft[words[k].base] && words[k].prep == "" {
			return true
		}
		if words[k].boundary {
			break
		}
	}
	return false
}

// arrival reports a visit told by its arrival or its heading (وصل، يصل،
// وصول، توجه إلى): such a verb is a visit only where it reaches a place.
func arrival(p *Pattern, w word) bool {
	return p.Type == "CONSULT" && p.Mode == "visit" &&
		(w.has("وصل") || w.has("يصل") || w.has("وصول") || w.has("توجه") || w.has("يتوجه"))
}

// Words before طالب that make it the noun "student": "وهو طالب", "من قبل
// طالب", "وظيفة طالب", "كان لا يزال طالبا".
var studentBefore = normKeys(map[string]bool{
	"هو": true, "وهو": true, "كان": true, "كانت": true, "يزال": true, "زال": true, "اصبح": true, "بات": true, "ظل": true,
	"الي": true, "من": true, "علي": true, "عن": true, "في": true, "قبل": true, "كل": true, "لكل": true, "اي": true,
	"احد": true, "مثل": true, "وظيفه": true, "تجهيز": true, "ابن": true, "كطالب": true,
})

// student reports whether the REQUEST trigger at i is the noun طالب
// (student), not the verb طالب (demanded): a feminine or plural ending as
// written (طالبة، طالبات، طالبين), a count before it ("قبول 350 طالبا",
// "ألف طالب"), a feminine or "or" after it ("طالب وطالبة"), a nisba after
// it ("طالب جامعي"), or a word before it that governs a noun. Found
// reading REQUEST events on arabic-news, where two in five triggers
// written طالب were students.
func student(words []word, i int) bool {
	w := words[i]
	if !w.has("طالب") || strings.HasPrefix(w.base, "طالبت") || strings.HasPrefix(w.base, "طالبو") {
		return false
	}
	switch {
	case strings.HasSuffix(w.Text, "ة"), strings.HasSuffix(w.base, "طالبات"), strings.HasSuffix(w.base, "طالبين"):
		return true
	// "اعتقلت طالباً سعودياً": tanween is a noun's, "لطالب الاعتماد" a
	// preposition governs a noun
	case w.prep != "":
		return true
	case strings.ContainsAny(w.Text, "\u064b\u064c\u064d"):
		// but "طالباً من المراسل عدم توجيه": demanding, a circumstantial
		return !(i+1 < len(words) && (words[i+1].Norm == "من" || words[i+1].prep == "ب"))
	}
	if i > 0 {
		pw := words[i-1]
		if !pw.boundary && (studentBefore[pw.Norm] || pw.number || numberWords[pw.Norm] > 0 || multipliers[pw.Norm] > 0) {
			return true
		}
	}
	if i+1 < len(words) && !w.boundary {
		n := words[i+1]
		if n.base == "طالبه" || n.Norm == "او" && i+2 < len(words) && words[i+2].base == "طالبه" {
			return true
		}
		// "طالب الدكتوراه المبتعث", "طالب الطب": a student of a degree or a field
		if studyWords[n.Norm] {
			return true
		}
		// "طالب جامعي", "طالب آخر": an adjective, not a subject (a name
		// after the verb carries the article or is no nisba: طالب علي صالح
		// is rare beside طالب جامعي, and علي is excluded)
		if !strings.HasPrefix(n.Norm, "ال") && n.prep == "" && runeLen(n.Norm) >= 4 && strings.HasSuffix(n.Norm, "ي") || n.Norm == "اخر" {
			return true
		}
	}
	return false
}

// Degrees and fields a student studies: "طالب الدكتوراه", "طالب الطب".
var studyWords = normKeys(map[string]bool{
	"الدكتوراه": true, "الماجستير": true, "البكالوريوس": true, "الطب": true, "الهندسة": true, "الحقوق": true,
	"الصيدلة": true, "الثانوية": true, "الجامعة": true, "العلم": true, "الدراسات": true, "المنحة": true,
	// a field without the article: "كان شودري طالب قانون"
	"قانون": true, "طب": true, "هندسة": true, "حقوق": true, "دكتوراه": true, "ماجستير": true, "جامعي": true, "جامعة": true,
})

// forComment reports للتعليق / بالتعليق within six words from i: a
// request for comment ("طلبا من صحيفة «الشرق الأوسط» للتعليق").
func forComment(words []word, i int) bool {
	for k := i; k < len(words) && k < i+6; k++ {
		if words[k].Norm == "للتعليق" || words[k].Norm == "بالتعليق" || words[k].base == "تعليق" && words[k].prep == "ل" {
			return true
		}
	}
	return false
}

// Words of an accident or a disaster: a death or an injury they cause is
// no assault ("لقي حتفه بعدما تحطمت حافلة سياحية", "توفي أربعة أشخاص في
// حادث اصطدام سيارة"). Not حادث / حادثة alone: news calls attacks so too
// ("وفي حادثة منفصلة نسبت إلى حزب العمال الكردستاني، قتل جندي").
var accidentWords = normKeys(map[string]bool{
	"تحطم": true, "تحطمت": true, "انقلبت": true, "اصطدام": true, "اصطدمت": true, "تصادم": true, "ارتطام": true, "مروري": true,
	"المروري": true, "مروريه": true, "المروريه": true, "غرق": true, "غرقت": true, "غرقا": true, "صعقه": true, "زلزال": true,
	"الزلزال": true, "فيضان": true, "فيضانات": true, "الفيضانات": true, "السيول": true, "سيول": true, "انهيار": true, "انهار": true,
	"تسمم": true, "حريق": true, "الحريق": true, "السكه": true, "الامطار": true, "امطار": true,
	// disease and heat: "أصاب كورونا 1059 شخصا", "إصابة 66 شخصا بالإجهاد"
	"كورونا": true, "فيروس": true, "الفيروس": true, "وباء": true, "الوباء": true, "الاجهاد": true, "بالاجهاد": true,
	"السرطان": true, "بالسرطان": true,
})

// Vehicles: with them انقلاب is a car overturning, not a coup.
var vehicleWords = normKeys(map[string]bool{
	"سياره": true, "السياره": true, "سيارتهم": true, "سيارته": true, "مركبه": true, "المركبه": true, "مركبتهم": true, "مركبته": true,
	"حافله": true, "الحافله": true, "شاحنه": true, "الشاحنه": true, "قطار": true, "القطار": true, "طريق": true,
})

// Words that make it an attack whatever else the sentence says.
var attackWords = normKeys(map[string]bool{
	"هجوم": true, "الهجوم": true, "هجمات": true, "مسلح": true, "مسلحون": true, "مسلحين": true, "انتحاري": true, "الانتحاري": true,
	"قصف": true, "القصف": true, "غاره": true, "غارات": true, "اشتباكات": true, "اشتباك": true, "رصاص": true, "برصاص": true,
	"عبوه": true, "ناسفه": true, "مفخخه": true, "ملغومه": true, "تفجير": true, "التفجير": true, "ارهابي": true, "الارهابي": true,
	"اعتداء": true, "الاعتداء": true, "قذيفه": true, "قذائف": true, "صاروخ": true, "صواريخ": true, "كمين": true, "طعن": true,
	"متعمد": true, "عمدا": true, "اضرم": true, "اضرموا": true, "احرق": true, "احرقوا": true, "النار": true, // اطلاق النار، فتح النار (a fire is حريق)
})

// accident reports a sentence that tells an accident or a disaster and no
// attack.
func accident(words []word) bool {
	found, coup, vehicle := false, false, false
	for _, w := range words {
		if attackWords[w.base] || attackWords[w.Norm] {
			return false
		}
		found = found || accidentWords[w.base] || accidentWords[w.Norm]
		coup = coup || w.base == "انقلاب"
		vehicle = vehicle || vehicleWords[w.base] || vehicleWords[w.Norm]
	}
	return found || coup && vehicle
}

// Words of a sports injury after إصابة: "تعرض فلوريس للإصابة بقطع في
// الرباط الداخلي للركبة".
var injuryWords = normKeys(map[string]bool{
	"بقطع": true, "بكسر": true, "بتمزق": true, "بشد": true, "بالتواء": true, "بخلع": true, "عضليه": true, "بالرباط": true,
	"الرباط": true, "الركبه": true, "للركبه": true, "العضله": true, "الكاحل": true, "بالكاحل": true, "قطع": true, "كسر": true, "تمزق": true,
})

// sportsInjury reports an injury trigger told with the body part or the
// kind of injury within four words: a player's injury, not an attack.
func sportsInjury(words []word, m *Match) bool {
	w := words[m.First]
	if !w.has("اصابه") && !w.has("اصيب") && !strings.HasPrefix(w.base, "اصاب") && !strings.HasPrefix(w.base, "للاصابه") {
		return false
	}
	for k := m.Last + 1; k < len(words) && k <= m.Last+4; k++ {
		if injuryWords[words[k].Norm] || injuryWords[words[k].base] {
			return true
		}
	}
	// "خضع اللاعبون لفحوصات طبية على مواضع إصاباتهم", "برنامج تأهيلي من
	// الإصابة": examined and treated, a player's injury
	for k := range words {
		if k != m.First && (medicalWords[words[k].Norm] || medicalWords[words[k].base]) {
			return !accidentOrAttack(words)
		}
	}
	return false
}

// Words of examination and treatment around an injury: a patient's or a
// player's, not an attack's casualties.
// Not طبية: "قالت مصادر طبية إن …" tells casualties of attacks.
var medicalWords = normKeys(map[string]bool{
	"فحوصات": true, "لفحوصات": true, "الفحوصات": true, "تأهيلي": true, "التأهيلي": true,
	"العلاجي": true, "علاجي": true, "بالأشعة": true, "الأشعة": true,
})

// accidentOrAttack reports a word of an attack in the sentence (the
// attackWords of accident), which a medical word does not outweigh.
func accidentOrAttack(words []word) bool {
	for i := range words {
		if attackWords[words[i].Norm] || attackWords[words[i].base] {
			return true
		}
	}
	return false
}

// Words of a match: with them التقى and لقاء are teams playing, not parties
// meeting. Not الفريق (also a military rank), النهائي (also "final" of an
// agreement), الدور (also "role") or هدف (also "aim").
var matchWords = normKeys(map[string]bool{
	"مباراة": true, "المباراة": true, "مباريات": true, "المباريات": true, "الدوري": true, "دوري": true, "ملعب": true,
	"الملعب": true, "ملاعب": true, "بنتيجة": true, "الشوط": true, "شوط": true, "ودية": true, "الودية": true, "وديات": true,
	"منتخب": true, "المنتخب": true, "منتخبات": true, "لاعب": true, "اللاعب": true, "لاعبي": true, "اللاعبين": true,
	"لاعبين": true, "المدرب": true, "مدرب": true, "البطولة": true, "بطولة": true, "كأس": true, "الكأس": true, "السوبر": true,
	"التأهل": true, "تأهل": true, "المونديال": true, "مونديال": true,
})

// Rounds of a cup: نصف النهائي، ربع النهائي، دور الثمانية.
var (
	roundWords = normKeys(map[string]bool{"النهائي": true, "الثمانية": true})
	roundOf    = normKeys(map[string]bool{"نصف": true, "ربع": true, "ثمن": true, "دور": true})
)

// meetsRoot reports a word of the root لقي as a meeting: التقى، يلتقي،
// سيلتقي، لقاء، بلقاء.
func meetsRoot(w word) bool {
	return strings.Contains(w.base, "لتق") || strings.HasPrefix(w.base, "لقاء")
}

// meetingHeld reports a meeting of the root لقي that a match sentence
// still holds: one that is held ("عقد لقاء كل ستة أشهر مع اتحاد القدم") or
// one with the players ("سيلتقي الأمير فيصل بن تركي باللاعبين").
func meetingHeld(words []word, m *Match) bool {
	if m.First > 0 {
		switch words[m.First-1].base {
		case "عقد", "يعقد", "عقدوا", "عقدت":
			return true
		}
	}
	for k := m.Last + 1; k < len(words) && k <= m.Last+5; k++ {
		switch words[k].Norm {
		case "باللاعبين", "بلاعبي", "بلاعبيه", "بالجهاز":
			return true
		}
	}
	return false
}

// sportsMatch reports a sentence that speaks of a match.
func sportsMatch(words []word) bool {
	for i := range words {
		if matchWords[words[i].base] || matchWords[words[i].Norm] {
			return true
		}
		// نصف النهائي، ربع النهائي، دور الثمانية
		if i > 0 && roundWords[words[i].Norm] && roundOf[words[i-1].base] {
			return true
		}
	}
	return false
}

// What one owes a success to, after يدين: "يدين بالفضل", "يدين بفوزه".
var owedThings = normKeys(map[string]bool{
	"الفضل": true, "بالفضل": true, "فوز": true, "فوزه": true, "فوزها": true, "بفوزه": true, "بفوزها": true, "بالفوز": true,
	"الفوز": true, "نجاحه": true, "بنجاحه": true, "بالكثير": true, "بالولاء": true, "الولاء": true, "بحياته": true, "بهذا": true,
})

// Words around طلبات that make them applications: who applies, or what
// is done with them ("استقبال طلبات الراغبين", "تقديم طلبات التوظيف").
var applicants = normKeys(map[string]bool{
	"الراغبين": true, "المتقدمين": true, "المتقدمات": true, "التوظيف": true, "الالتحاق": true, "القبول": true,
	"التسجيل": true, "الترشح": true, "الانضمام": true, "الاشتراك": true, "المواطنين": true, "الطلاب": true,
	"استقبال": true, "تقديم": true, "تلقي": true, "استلام": true, "دراسة": true, "فرز": true,
})

// Intensifiers after a condemnation: "بأشد العبارات", "بشدة".
var intensity = normKeys(map[string]bool{"بأشد": true, "بشدة": true, "بقوة": true, "بكل": true, "بحزم": true})

// What ضبط regulates or sets rather than seizes: "ضبط الإيقاع", "ضبط
// الأسعار", "ضبط جدار الحماية".
var regulated = normKeys(map[string]bool{
	"إيقاع": true, "الإيقاع": true, "الوجهة": true, "وجهة": true, "الخطاب": true, "جدار": true, "الأسعار": true, "أسعار": true,
	"الأداء": true, "أداء": true, "الجودة": true, "جودة": true, "الإعدادات": true, "إعدادات": true, "التوقيت": true, "الوقت": true,
	"الساعة": true, "الإنفاق": true, "السوق": true, "الأسواق": true, "المصطلحات": true, "الأمور": true, "الأوضاع": true,
	"الإيقاعات": true, "المصروفات": true, "الميزانية": true, "الوزن": true, "النسل": true, "المعايير": true, "الحركة": true,
	// "ملاحظة ضبط سلوك بعض", "ضبط مفاهيم ومفاعيل", "ضبط الحدود ومنع
	// التسلل", "ضبط المنابر والمساجد", "أعادت ضبط النشاط"
	"سلوك": true, "السلوك": true, "مفاهيم": true, "المفاهيم": true, "الحدود": true, "المنابر": true, "النشاط": true,
	"أجهزة": true, "نظام": true,
})

// Documents that are issued (صادر): "بيان صادر عنه", "قرار صادر أمس".
var issuedThings = normKeys(map[string]bool{
	"بيان": true, "قرار": true, "كتاب": true, "تقرير": true, "مرسوم": true, "حكم": true, "أمر": true, "تعميم": true,
	"خطاب": true, "بلاغ": true, "منشور": true, "تصريح": true,
})
