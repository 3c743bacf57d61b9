package ingest

// The curated page-junk list. Patterns are written in normalised Arabic
// (ا for every alef, ي for ى, ه for ة, و for ؤ) and expanded by arPattern
// to match every spelling; ASCII characters are Go regexp syntax. A line
// pattern must match a whole line (or a whole segment glued to a line's
// start or end) and only lines up to maxWords words: junk is short, and a
// long line that mentions "فيسبوك" is an article sentence.
//
// Where each came from: "seed 00N" is ../shared/seeds; a site name is a
// source of ../shared/data/arabic-news where the line was counted (see
// TestJunkRateArabicNews); "web" marks widgets common on Arabic news sites
// (WordPress/Jetpack, Disqus, AddThis) that the corpora strip but HTML pages
// and RSS descriptions carry.

// widgetWords are the words of share, print, comment and like widgets. A
// line made only of them (plus counters and punctuation) is junk.
var widgetWords = []string{
	// seed 003: "0 تعليق ارسل لصديق نسخة للطباعة", "شاركنا ..", "إعجاب تحميل...", "0 تعليق"
	"تعليق", "تعليقات", "التعليقات", "أضف تعليق", "اترك تعليقا", "ارسل لصديق", "أرسل إلى صديق", "إرسال لصديق",
	"نسخة للطباعة", "طباعة", "اطبع", "شاركنا", "شارك", "شارك الخبر", "شارك المقال", "مشاركة", "المشاركة",
	"إعجاب", "أعجبني", "تحميل",
	// web: share buttons and counters
	"غرد", "تغريد", "فيسبوك", "فيس بوك", "تويتر", "واتساب", "واتس اب", "تلغرام", "تيليجرام", "انستغرام",
	"لينكد إن", "البريد الإلكتروني", "بريد", "حفظ", "حجم الخط", "تكبير الخط", "تصغير الخط",
	"مشاهدة", "مشاهدات", "قراءة", "عدد القراءات", "زيارة",
	"facebook", "twitter", "whatsapp", "telegram", "email", "e-mail", "mail", "print", "share", "like",
	"tweet", "loading", "next", "previous", "السابق", "التالي", "comments", "comment", "pinterest", "linkedin", "reddit", "messenger",
}

// relatedHeader opens a run of related headlines ("read also"). Seed 004
// ends with "قد يهمك ايضا :" and two headlines glued to the last sentence.
// Forms that also begin real sentences ("قد يهمك أن تعلم", okaz;
// "المزيد من الأخبار تشير") need a colon.
const relatedHeader = `(?:قد يهمك ايضا|قد يهمك ?[:：]|اقرا ايضا|اقرا كذلك|اقري ايضا|طالع ايضا|شاهد ايضا|اقرا المزيد ?[:：]|` +
	`(?:اخبار|مواضيع|موضوعات|مقالات) (?:ذات صله|متعلقه|مشابهه)|ذات صله ?[:：]|المزيد من الاخبار ?[:：]|الاكثر قراءه ?[:：]?|` +
	// old table layouts: a sidebar of links under "أخبار عاجلة"
	`(?:اخبار|اهم الاخبار|الاخبار) عاجله ?[:：]?$|اخبار عاجله)` +
	`[\s\x{00A0}]*[:：.\-–]*[\s\x{00A0}]*`

// singleLinkHeader: "read also: <one headline>" on one line is followed by
// article text, not by more headlines; the other headers open a list.
const singleLinkHeader = `(?:اقرا|اقري|طالع|شاهد)`

// Each pattern has hints: strings one of which every match contains, a
// cheap filter that keeps the regexps off most lines (with them the
// regexps fell from half of the cleaning time to under a tenth; see
// BenchmarkCleanArabicNews).
var linePatterns = []struct {
	name     string
	re       string
	maxWords int
	hints    []string
}{
	// seed 003: "للمزيد من التفاصيل والاخبار تابع حضرموت نت على الشبكات الاجتماعية"
	{"follow us", `للمزيد من (?:التفاصيل|الاخبار).*(?:تابع|تابعوا|تابعونا).*`, 20, []string{"تابع"}},
	// web: "تابعونا على فيسبوك", "تابعوا آخر الأخبار عبر تلغرام"
	{"follow us", `(?:تابعونا|تابعوا|تابع) .{0,40}(?:على|عبر) .{0,40}(?:فيسبوك|فيس بوك|تويتر|الشبكات الاجتماعيه|مواقع التواصل|تلغرام|تيليجرام|انستغرام|يوتيوب|واتساب|قناتنا|حسابنا|صفحتنا|google|facebook|twitter|telegram).*`, 20, []string{"تابع"}},
	{"app promo", `(?:حمل|نزل) (?:تطبيق|التطبيق) .*`, 15, []string{"تطبيق"}},
	// web: footers; "(c)" and "©" lines
	{"copyright", `(?:©|\(c\)|copyright|جميع الحقوق محفوظه|كل الحقوق محفوظه|حقوق (?:النشر|الطبع)(?: والنشر)? محفوظه).*`, 25, []string{"©", "(c)", "(C)", "opyright", "حقوق"}},
	{"copyright", `.{0,80}(?:جميع|كل) الحقوق محفوظه.{0,40}`, 20, []string{"حقوق"}},
	// photo credits: "تصوير: محمد", "(الصورة: رويترز)", "صورة أرشيفية", "(أ ف ب)"
	{"photo credit", `\(?(?:تصوير|عدسه|الصوره|صوره|الصور|صور|مصدر الصوره) ?[:：] ?[^.]*\)?`, 8, []string{"صور", "تصوير", "عدس"}},
	{"photo credit", `\(?(?:صوره|الصوره|صور) (?:ارشيفيه|من الارشيف|تعبيريه|توضيحيه)\)?`, 5, []string{"صور"}},
	{"photo credit", `\((?:ارشيفيه|رويترز|ا ف ب|اف ب|ا\.ف\.ب|الاناضول|واس|د ب ا|getty(?: images)?|afp|reuters|ap|epa)\)`, 4, []string{"("}},
	// was (SPA): "// انتهى //", "// يتبع //" close every wire item
	{"end marker", `/+ ?(?:انتهي|يتبع) ?/+`, 4, []string{"/"}},
	{"end marker", `[-–]* ?انتهي ?[-–]*`, 1, []string{"انته"}},
	// aawsat: "...المزيد" read-more link (12 articles)
	{"read more", `[.…]* ?(?:اقرا )?المزيد ?[.…]*`, 3, []string{"المزيد"}},
	// aawsat, almadina: author e-mail or handle alone on a line
	{"contact", `[^\s@]+@[^\s@]+\.[a-z]{2,}`, 1, []string{"@"}},
	{"contact", `(?:https?://|www\.)\S+`, 2, []string{"http", "www."}},
	{"contact", `(?:twitter|تويتر|x|instagram|انستغرام) ?[:：]? ?@\w+`, 3, []string{"@"}},
	// almadina (40 articles): "للتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (6) …", often
	// glued to the author's e-mail; okaz: "للتواصل أرسل sms إلى 88548"
	{"contact", `.{0,80}للتواصل (?:مع الكاتب|مع الكاتبه|ارسل sms).*`, 40, []string{"للتواصل"}},
	{"contact", `الاتصالات ?,? ?[0-9]+ ?موبايلي.*`, 8, []string{"موبايلي"}},
	// alriyadh: "لمراسلة الكاتب: turki@alriyadh.net"
	{"contact", `لمراسله الكاتب.*`, 10, []string{"لمراسل"}},
	// aljazirah: "مقالات أخرى للكاتب…" followed by the titles run together
	{"more by author", `مقالات اخري للكاتب.*`, 60, []string{"للكاتب"}},
	// alweeam: every item ends "رابط الخبر بصحيفة الوئام: <headline>"
	{"link to source", `رابط (?:الخبر|المقال|الماده|الموضوع) (?:ب|في )?(?:صحيفه|موقع|جريده) ?.{0,40}?[:：].*`, 30, []string{"رابط"}},
	// seed 003: "يافع نيوز – وكالات"; 3alyoum: "عين اليوم – متابعات". A credit
	// line naming agencies, not a sentence (an outlet–place dateline such
	// as "عين اليوم – طرابلس" is kept: it says where the story is from).
	{"agency byline", `[^.،]{2,40} [-–—] (?:خاص|وكالات|متابعات|واس|رويترز|ا ف ب|اف ب|د ب ا|الاناضول|سبوتنيك|وام|قنا|كونا|بنا|وكالات الانباء) ?:?`, 7, []string{" -", " –", " —"}},
	{"agency byline", `(?:وكالات|متابعات|المصدر) ?[:：] ?(?:وكالات|متابعات|[^.،]{2,30})`, 5, []string{":", "："}},
	// web: menus and breadcrumbs, "الرئيسية - محليات - عربي", "الرئيسية » أخبار » ليبيا"
	{"navigation", `(?:الرئيسيه|الصفحه الرئيسيه|home) ?[-|»›>/•].{0,300}`, 40, []string{"الرئيسي", "Home", "home"}},
	// saudinewsnet (10 articles): the tag list under the text, "سمات الامير محمد بن نايف مجلس الوزراء"; the
	// label alone opens a sentence too ("سمات الشخصية القيادية متعددة."), so without a colon no punctuation
	{"tags", `(?:سمات|الوسوم|وسوم|كلمات دلاليه|الكلمات الدلاليه|كلمات مفتاحيه|الكلمات المفتاحيه|tags) ?[:：] ?.*`, 30, []string{"سمات", "وسوم", "دلالي", "مفتاحي", "tags", "Tags"}},
	{"tags", `(?:سمات|الوسوم|وسوم) [^.,،؛:!?؟()«»"]*`, 20, []string{"سمات", "وسوم"}},
	// web: WordPress feed footers, "ظهرت المقالة … أولاً على …" / "The post … appeared first on …"
	{"feed footer", `(?:ظهرت|نشرت) (?:المقاله|التدوينه|المشاركه) .{0,200}(?:اولا|لاول مره) علي .{0,80}`, 60, []string{"ظهرت", "نشرت"}},
	{"feed footer", `the post .{0,200} appeared first on .{0,80}`, 60, []string{"appeared first"}},
	// alriyadh: a poll widget's script glued into the text ("p: '0px' } }); });")
	{"script", `.*(?:\}\s*\);|function ?\(|adsbygoogle|googletag\.|document\.write|jQuery\().*`, 150, []string{"}", "function", "adsbygoogle", "googletag", "document.write", "jQuery"}},
}
