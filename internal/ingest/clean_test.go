package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCleanerPhenomena: one row per kind of junk, and per kind of real text
// that looks like junk and must stay.
func TestCleanerPhenomena(t *testing.T) {
	const s1 = "أعلن الجيش السيطرة على المطار بعد اشتباكات عنيفة."
	const s2 = "وقال المتحدث إن العملية مستمرة حتى تطهير المنطقة."
	tests := []struct {
		name, in, want string
	}{
		// junk lines
		{"widget line (seed 003)", s1 + "\n0 تعليق ارسل لصديق نسخة للطباعة\n" + s2, s1 + "\n" + s2},
		{"share line", s1 + "\nشاركنا ..\n" + s2, s1 + "\n" + s2},
		{"like widget loading", s1 + "\nإعجاب تحميل...", s1},
		{"comment counter", s1 + "\n0 تعليق", s1},
		{"share buttons in English", s1 + "\nFacebook Twitter WhatsApp Email", s1},
		{"follow us (seed 003)", s1 + "\nللمزيد من التفاصيل والاخبار تابع حضرموت نت على الشبكات الاجتماعية", s1},
		{"follow us on facebook", s1 + "\nتابعونا على فيسبوك وتويتر", s1},
		{"copyright", s1 + "\nجميع الحقوق محفوظة © 2021 بوابة الأخبار", s1},
		{"copyright sign first", s1 + "\n© 2020 حضرموت نت", s1},
		{"photo credit", "تصوير: محمد علي\n" + s1, s1},
		{"archive photo", "(صورة أرشيفية)\n" + s1, s1},
		{"agency in parentheses", s1 + "\n(أ ف ب)", s1},
		{"agency byline (seed 003)", "يافع نيوز – وكالات\n" + s1, s1},
		{"SPA end marker", s1 + "\n// انتهى //", s1},
		{"read more", s1 + "\n...المزيد", s1},
		{"author e-mail", s1 + "\ntariq@example.com", s1},
		{"SMS contact glued to e-mail (almadina)", s1 + "\nname@yahoo.comللتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (6) ثم مسافة", s1},
		{"link to source (alweeam)", s1 + " رابط الخبر بصحيفة الوئام: الجيش يسيطر على المطار", s1},
		{"WordPress feed footer", s1 + "\nظهرت المقالة الجيش يسيطر على المطار أولاً على حضرموت نت.", s1},
		{"WordPress feed footer (English)", s1 + " The post الجيش يسيطر appeared first on Hadramout Net.", s1},
		{"a paragraph break ends the related run", "قد يهمك ايضا :\nعنوان خبر آخر\n\nعودة الهدوء إلى سبها\n" + s1, "عودة الهدوء إلى سبها\n" + s1},
		{"tag list (saudinewsnet)", s1 + "\nسمات الامير محمد بن نايف مجلس الوزراء نائب خادم الحرمين", s1},
		{"tag list with a label", s1 + "\nكلمات دلالية: ليبيا، حفتر، سرت", s1},
		{"a sentence opening with سمات stays", "سمات الشخصية القيادية متعددة، منها الصبر.", "سمات الشخصية القيادية متعددة، منها الصبر."},
		{"menu line", "الرئيسية - محليات - عربي - رياضة\n" + s1, s1},
		{"breadcrumb", "الرئيسية » أخبار » ليبيا\n" + s1, s1},
		{"breaking-news sidebar glued to its header", "أخبار عاجلةوزير الداخلية يصل إلى الكفرة\nإغلاق مؤقت لحقل الشرارة\nانطلاق العام الدراسي في موعده\n\n" + s1, s1},
		{"exclusive dateline", "سبها - خاص\n" + s1, s1},
		{"read also with a headline: next line is kept", s1 + "\nاقرأ أيضا: المفوضية تفتح باب التسجيل\nخليفة حفتر في باريس بعد روما\n" + s2, s1 + "\nخليفة حفتر في باريس بعد روما\n" + s2},
		{"home in a sentence stays", "الرئيسية في المدينة مغلقة منذ أمس بسبب الأمطار.", "الرئيسية في المدينة مغلقة منذ أمس بسبب الأمطار."},
		{"separator stars", s1 + "\n* * *\n" + s2, s1 + "\n" + s2},
		{"HTML entities", "قال: &quot;لا تراجع&quot; عن القرار.", "قال: \"لا تراجع\" عن القرار."},
		// related headlines
		{"read also header then headlines", s1 + "\nاقرأ أيضاً:\nالمفوضية تفتح باب التسجيل\nالبعثة ترحب بالتقدم\n" + s2,
			s1 + "\n" + s2},
		{"read also with headline on the line", s1 + "\nاقرأ أيضا: المفوضية تفتح باب التسجيل\n" + s2, s1 + "\n" + s2},
		{"related run glued to last sentence (seed 004)", s1 + "   قد يهمك ايضا :   معارك طرابلس تجدد الاتهامات   خليفة حفتر يبحث مع ميركل الأزمة", s1},
		{"widget glued to end of sentence", s1 + " 0 تعليق ارسل لصديق", s1},
		{"widget glued to start", "شاركنا ..  " + s1, s1},
		// real text that must stay
		{"sentence naming facebook", "وقالت الوزارة في بيان على صفحتها في فيسبوك إن الحدود مغلقة.", "وقالت الوزارة في بيان على صفحتها في فيسبوك إن الحدود مغلقة."},
		{"قد يهمك in a sentence (okaz)", "قد يهمك أن تعلم أن الرحلة تستغرق ست ساعات.", "قد يهمك أن تعلم أن الرحلة تستغرق ست ساعات."},
		{"شارك as a verb", "شارك الرئيس في القمة العربية.", "شارك الرئيس في القمة العربية."},
		{"تابع as a verb", "تابع الوزير على الهواء مباشرة سير الانتخابات.", "تابع الوزير على الهواء مباشرة سير الانتخابات."},
		{"sub-headline stays", "وزير الخارجية الإيطالي يتوجه إلى طرابلس\n" + s1, "وزير الخارجية الإيطالي يتوجه إلى طرابلس\n" + s1},
		{"byline glued to sentence stays (seed 001)", "“القدس العربي” – وكالات: أعلنت قوات البنيان المرصوص الانتشار.", "“القدس العربي” – وكالات: أعلنت قوات البنيان المرصوص الانتشار."},
		{"outlet–place dateline stays", "عين اليوم – طرابلس\n" + s1, "عين اليوم – طرابلس\n" + s1},
		{"number alone stays (list item)", "7.\n" + s1, "7.\n" + s1},
		{"headline after a real paragraph stays", s1 + "\nخليفة حفتر في باريس بعد روما\n" + s2, s1 + "\nخليفة حفتر في باريس بعد روما\n" + s2},
		{"rights sentence stays", "وطالبت المنظمة باحترام حقوق الإنسان في مراكز الاحتجاز.", "وطالبت المنظمة باحترام حقوق الإنسان في مراكز الاحتجاز."},
		{"photo sentence stays", "وأظهرت صور نشرها ناشطون دمارا واسعا في الحي.", "وأظهرت صور نشرها ناشطون دمارا واسعا في الحي."},
		// layout
		{"CRLF and blank runs", s1 + "\r\n\r\n\r\n\r\n" + s2 + "\r\n", s1 + "\n\n" + s2},
		{"NBSP-only line", s1 + "\n\u00a0\n" + s2, s1 + "\n\n" + s2},
	}
	c := NewCleaner(DefaultCleanOptions())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Clean("", tt.in)
			if got.Text != tt.want {
				t.Errorf("Clean(%q)\n got %q\nwant %q\nremoved %q", tt.in, got.Text, tt.want, got.Removed)
			}
		})
	}
}

func TestCleanerRemovalsAreReported(t *testing.T) {
	c := NewCleaner(DefaultCleanOptions())
	res := c.Clean("", "خبر قصير عن الانتخابات.\nشاركنا ..\n0 تعليق")
	if len(res.Removed) != 2 || res.Removed[0].Rule == "" || res.Removed[1].Text != "0 تعليق" {
		t.Errorf("removed %+v", res.Removed)
	}
}

func TestCleanerPatternsOff(t *testing.T) {
	c := NewCleaner(CleanOptions{})
	in := "خبر.\nشاركنا .."
	if got := c.Clean("", in).Text; got != in {
		t.Errorf("with patterns off got %q", got)
	}
}

func TestBoilerplateLearner(t *testing.T) {
	l := NewBoilerplateLearner(DefaultLearnOptions())
	for i := 0; i < 6; i++ {
		// the same footer on six different articles of one site
		l.Add("site", strings.Repeat("كلمة ", i+3)+"في الخبر رقم مختلف.\nلمتابعة آخر الأخبار زوروا موقعنا")
	}
	// a story printed five times (a repost) counts once
	for i := 0; i < 5; i++ {
		l.Add("site", "وصل الوزير إلى طرابلس في زيارة رسمية.")
	}
	// another site's footer, seen only twice
	l.Add("other", "نص.\nتذييل الموقع الآخر")
	l.Add("other", "نص آخر.\nتذييل الموقع الآخر")
	b := l.Boilerplate()
	if !b.Has("site", "لمتابعة  آخر الأخبار زوروا موقعنا") {
		t.Error("footer on 6 articles not learned")
	}
	if b.Has("site", "وصل الوزير إلى طرابلس في زيارة رسمية.") {
		t.Error("a reposted sentence was learned as boilerplate")
	}
	if b.Has("other", "تذييل الموقع الآخر") || b.Has("other", "لمتابعة آخر الأخبار زوروا موقعنا") {
		t.Error("learned from too few articles or across sources")
	}
	c := NewCleaner(CleanOptions{Patterns: true, Boilerplate: b})
	if got := c.Clean("site", "خبر جديد.\nلمتابعة آخر الأخبار زوروا موقعنا").Text; got != "خبر جديد." {
		t.Errorf("cleaned with learned lines: %q", got)
	}
	if len(b.Lines()) != 1 || b.Lines()[0].Docs != 6 {
		t.Errorf("Lines() = %+v", b.Lines())
	}
}

// TestLearnBoilerplateArabicNews learns per-source boilerplate from the
// 5,150 arabic-news articles and checks what it learned: every learned line
// is short and none is an article sentence naming an event (read the -v
// output to judge).
func TestLearnBoilerplateArabicNews(t *testing.T) {
	docs := loadArabicNews(t)
	l := NewBoilerplateLearner(DefaultLearnOptions())
	for _, d := range docs {
		l.Add(d.Source, d.Text)
	}
	b := l.Boilerplate()
	lines := b.Lines()
	for _, ln := range lines {
		t.Logf("%-10s %3d  %s", ln.Source, ln.Docs, ln.Line)
		if last, _ := utf8.DecodeLastRuneInString(ln.Line); wordCount(ln.Line) >= 10 && isSentenceEnd(last) {
			t.Errorf("learned a line that reads like an article sentence: %s: %s", ln.Source, ln.Line)
		}
	}
	if len(lines) == 0 {
		t.Fatal("nothing learned; almadina's SMS line is in 40 articles")
	}
	var removed, total int
	c := NewCleaner(CleanOptions{Patterns: false, Boilerplate: b})
	for _, d := range docs {
		total += wordCount(d.Text)
		for _, rm := range c.Clean(d.Source, d.Text).Removed {
			removed += wordCount(rm.Text)
		}
	}
	t.Logf("learned %d lines; they remove %d of %d words (%.3f%%)", len(lines), removed, total, 100*float64(removed)/float64(total))
	if float64(removed) >= 0.005*float64(total) {
		t.Errorf("learned lines remove %.2f%% of words (want < 0.5%%)", 100*float64(removed)/float64(total))
	}
	if !b.Has("was", "// انتهى //") {
		t.Error(`SPA's "// انتهى //" (57 articles) not learned`)
	}
}
