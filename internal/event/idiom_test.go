package event

import (
	"context"
	"testing"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// Fixed expressions whose trigger word reports no event of its type, each
// beside the same word in a report that is one.
func TestIdioms(t *testing.T) {
	tests := []struct {
		name, in, typ string
		idiom         bool
	}{
		{"declined to be named", "وقال المسؤول، الذي رفض ذكر اسمه، إن", "REJECT", true},
		{"declined to comment", "ورفضت الولايات المتحدة أن تعلق على الحظر", "REJECT", true},
		{"rejected a proposal", "ورفضت الحكومة المقترح الأمريكي", "REJECT", false},
		{"declined to comment after an apposition", "رفض ستيفان دجريك، الناطق الرسمي باسم أمين عام الأمم المتحدة، أن يعلق مباشرة عليها", "REJECT", true},
		{"declined a request for comment", "ورفض مكتب السفيرة الأميركية طلبا من صحيفة «الشرق الأوسط» للتعليق على هذا الشأن", "REJECT", true},
		{"rejected a request to extradite", "ورفضت الحكومة طلبا من القاهرة بتسليم المتهمين", "REJECT", false},
		{"a request for comment", "ورفض المكتب طلبا من الصحيفة للتعليق", "REQUEST", true},
		{"a request to extradite", "وطلبت الحكومة من القاهرة تسليم المتهمين", "REQUEST", false},
		{"endangers security", "إن مخطط إردوغان يهدد الأمن والسلم في المنطقة", "THREATEN", true},
		{"a threat to credibility", "وهي أكبر تهديد لمصداقية نجيب منذ توليه منصبه", "THREATEN", true},
		{"threatened a party", "وهدد الرئيس إيران بعقوبات جديدة", "THREATEN", false},
		{"self-restraint", "ودعا السفير إلى ضبط النفس", "COERCE", true},
		{"seized weapons", "وضبطت الشرطة كمية من الأسلحة", "COERCE", false},
		{"issued by", "في بيان صادر عن وزارة الداخلية", "COERCE", true},
		{"issued (adjective)", "لم يكن الحكم صادرا عن جهة قضائية", "COERCE", true},
		{"confiscated", "وصادرت القوات كمية من الأسلحة", "COERCE", false},
		{"exports", "سعر اليوان ارتفع وهذا يضر بصادرات الصين الى اوروبا", "COERCE", true},
		{"issued in a language", "في كتاب صادر بالإنجليزية في 2003", "COERCE", true},
		{"regulating", "مبادرات جديدة تضبط إيقاع الفتوى", "COERCE", true},
		{"setting a firewall", "واكتشف الثغرة أثناء ضبطه جدار الحماية الخاص بحاسبه", "COERCE", true},
		{"the quality team seized", "كما ضبط فريق الجودة 35 كرتونا مخالفا للمواصفات", "COERCE", false},
		{"a checkpoint", "ومقتل عقيد وتفجير نقطة ضبط أمني في الرياض", "COERCE", true},
		{"controlling borders", "لبحث مسألة ضبط الحدود ومنع الهجرة غير الشرعية", "COERCE", true},
		{"regulating pulpits", "كيف استطاعت الوزارة ضبط المنابر والمساجد تدريجيا", "COERCE", true},
		{"the state of the market", "وحول جدوى تحديد أسعار التأجير في ضبط حالة السوق", "COERCE", true},
		{"seized a shipment", "أعلنت سلطات الجمارك عن ضبط شحنة مركبات مدرعة في الميناء", "COERCE", false},
		{"a hospital received a body", "وقالت مصادر طبية إن المستشفى استقبل خلال اليومين الماضيين جثمان جندي و15 جريحا", "CONSULT", true},
		{"received a delegation", "واستقبل الوزير خلال اليومين الماضيين وفد الأمم المتحدة", "CONSULT", false},
		{"at dawn on a weekday", "وأكدت المصادر أنه تم فجر الخميس طرد المسلحين من المعسكر", "ASSAULT", true},
		{"at dawn today", "وعاد مئات النازحين إلى منازلهم فجر اليوم", "ASSAULT", true},
		{"blew up a car", "وفجر انتحاري سيارة مفخخة عند الحاجز", "ASSAULT", false},
		{"a price", "ارتفع ثمن ذخيرة مدافع الهاون", "SUPPORT", true},
		{"praised", "وثمن الوزير جهود الجيش", "SUPPORT", false},
		{"lifting an embargo", "تصاعدت الضغوط لرفع حظر السلاح إلى ليبيا", "SANCTION", true},
		{"an embargo imposed", "وفرض مجلس الأمن حظر السلاح على ليبيا", "SANCTION", false},
		{"reached a degree", "اشتباكات وصلت إلى حد رفع الأسلحة", "CONSULT", true},
		{"arrived in a city", "وصل الوزير إلى طرابلس أمس", "CONSULT", false},
		{"directed criticism to", "لأنها توجه عبر مقالاتها انتقادات شديدة اللهجة إلى الحكومة", "CONSULT", true},
		{"headed to a city", "وتوجه الوزير بعد ذلك إلى طرابلس", "CONSULT", false},
		{"an amount reached", "إن عدد المجندين وصل إلى ألفين", "CONSULT", true},
		{"the number reached", "حيث وصل عدد المراجعين فيها إلى 500 مراجع", "CONSULT", true},
		{"a student", "لكن السلطات تقول إن الرزقي وهو طالب (24 عاما) لم يكن", "REQUEST", true},
		{"demanded", "وطالب الوزير بالإفراج عن المعتقلين", "REQUEST", false},
		{"a student (kana)", "ويقول المسؤولون إنه كان طالبا مجدا من أسرة مستقرة", "REQUEST", true},
		{"a student (nisba)", "وأطلق طالب جامعي حملة لجمع التبرعات", "REQUEST", true},
		{"students counted", "وأوضح أنه تم قبول 350 طالبا وطالبة في الطب", "REQUEST", true},
		{"students counted in words", "يدرس فيها حوالي خمسة آلاف طالب في خمس كليات", "REQUEST", true},
		{"a female student", "وقالت طالبة في الجامعة إن الامتحانات", "REQUEST", true},
		{"demanded, indefinite subject", "طالب سكان قرية وبرة وزارة النقل بإصلاح الطريق", "REQUEST", false},
		{"demanded, she", "وطالبت الوزارة المواطنين بالحذر", "REQUEST", false},
		{"demanded him", "وطالبه المجلس بتقديم استقالته", "REQUEST", false},
		{"a gathering attacked", "قتل 16 من المسلحين في هجوم نفذته المقاومة على تجمع لهم أمام مبنى البنك", "PROTEST", true},
		{"a gathering targeted", "في هجوم لعناصر المقاومة استهدف تجمعا للميليشيات أمام منزل الرئيس", "PROTEST", true},
		{"a gathering of protesters", "وتجمع نحو ألف متظاهر أمام مقر الأونروا للاحتجاج", "PROTEST", false},
		{"a derby, not a summit", "وما تفضي إليه نتيجة قمة الدربي المبكر يوم الأربعاء", "CONSULT", true},
		{"a summit", "وتعقد قمة مجلس التعاون في الرياض", "CONSULT", false},
		{"calls received", "كما استقبلت الأسرة اتصالات المعزين", "CONSULT", true},
		{"applicants received", "استقبلت غرفة نجران أكثر من 300 متقدم للتوظيف", "CONSULT", true},
		{"a guest received", "استقبل الملك رئيس الوزراء الباكستاني", "CONSULT", false},
		{"a body received", "واستقبل أهالي البرك جثمان الشهيد في مقدمتهم أقارب الشهيد", "CONSULT", true},
		{"a hospital receives the dead", "إن المستشفى استقبل خلال اليومين الماضيين جثمان جندي بالجيش", "CONSULT", true},
		{"a body brought home", "وصل جثمان المذيع الراحل سعود الدوسري إلى الرياض فجر اليوم", "CONSULT", true},
		{"it went as far as", "بل وصل الأمر بالحوثيين إلى تهديد طاقم الطائرة", "CONSULT", true},
		{"chances on goal", "وواصل الهلال تهديداته لمرمى النصر بعد أن لعب نيفيز الكرة", "THREATEN", true},
		{"a province", "اعتبر يوم 5 أكتوبر يوم نيك شاند في مقاطعة كولومبيا الأميركية", "SANCTION", true},
		{"a boycott", "ودعت الحركة إلى مقاطعة البضائع الإسرائيلية", "SANCTION", false},
		{"a province after ب", "توفي الصحفي عن عمر يناهز 94 عاما في منزله بمقاطعة الفوكلوز", "SANCTION", true},
		{"a bus crash", "قال مسؤول إن شخصا لقي حتفه وأصيب عدد آخر بعدما تحطمت حافلة سياحية في جزيرة بوكيت", "ASSAULT", true},
		{"a road accident", "توفي أربعة أشخاص وأصيب ثلاثة آخرون في حادث اصطدام سيارة بشاحنة", "ASSAULT", true},
		{"a car overturned", "توفي شابان وأصيب ثالث في حادث انقلاب مروع تعرضت له سيارتهم", "ASSAULT", true},
		{"a virus infects", "ومنذ عام 2012 أصاب كورونا 1059 شخصا، توفي منهم 471", "ASSAULT", true},
		{"heat exhaustion", "وأكدت الوزارة وفاة 21 حالة وإصابة 66 شخصا بالإجهاد نتيجة ارتفاع درجات الحرارة", "ASSAULT", true},
		{"an incident is an attack too", "وفي حادثة منفصلة نسبت إلى حزب العمال الكردستاني، قتل جندي تركي", "ASSAULT", false},
		{"a shooting after an incident", "ووقع الحادث بعد ثلاث سنوات على إطلاق النار الذي شهدته دار للسينما", "ASSAULT", false},
		{"a bombing on a road", "قتل ثلاثة جنود في انفجار عبوة ناسفة على طريق السير", "ASSAULT", false},
		{"a player's injury", "وتعرض قلب الدفاع فلوريس للإصابة بقطع في الرباط الداخلي للركبة", "ASSAULT", true},
		{"players examined for their injuries", "خضع سان مارتن ومختار فلاتة لفحوصات طبية على مواضع إصاباتهم برفقة الطاقم", "ASSAULT", true},
		{"wounded by gunfire", "وأصيب ثلاثة أشخاص برصاص قناص في المدينة", "ASSAULT", false},
		{"a crowd of supporters", "ووجه منصور أمام حشد من أنصاره أمام السجن الشكر لفريق الدفاع", "MOBILIZE", true},
		{"a crowd hit", "صدمت شاحنة حشدا كان يقوم بطواف ديني", "MOBILIZE", true},
		{"a team readies for the league", "ضمن المعسكر الإعدادي الذي يقيمه الفريق تأهبا لدوري المحترفين، وشهدت المباراة مشاركة 21 لاعبا", "MOBILIZE", true},
		{"troops massed", "وحشد الجيش قواته على الحدود", "MOBILIZE", false},
		{"a massing of forces", "وتحدثت مصادر عن حشد من القوات على الحدود", "MOBILIZE", false},
		{"exactly", "ولم يعرف بالضبط فحوى الرسالة", "COERCE", true},
		{"forces advance", "حيث وصلت القوات العراقية إلى أطراف أحياء سكنية مهمة", "CONSULT", true},
		{"a relief plane arrives", "وصلت أمس الطائرة الإغاثية الثالثة إلى مطار عدن", "CONSULT", true},
		{"a minister arrives", "وصل وزير الخارجية أمس إلى طرابلس", "CONSULT", false},
		{"a match hosted", "وفي المجموعة ذاتها، يستضيف المغرب التطواني فريق الهلال السوداني الأحد المقبل", "CONSULT", true},
		{"a TV guest", "حيث استضاف في حلقاته الدكتور عدنان إبراهيم للنقاش", "CONSULT", true},
		{"the right to host", "رفضوا أي إيحاءات بأنها قد يتم تجريدها من حق استضافة النهائيات، وألمح بوتين", "CONSULT", true},
		{"talks hosted", "وتستضيف إيران مسؤولين من سوريا وروسيا هذا الأسبوع لمناقشة حل الصراع", "CONSULT", false},
		{"a blessing", "لمليك الوطن خادم الحرمين الشريفين - أيده الله - مواقف", "SUPPORT", true},
		{"supported", "وأيدت الحكومة الاتفاق", "SUPPORT", false},
		{"no benefit", "لا فائدة من انتقاد نتنياهو", "SUPPORT", true},
		{"an interest rate", "إنهاء سياسته التي تقوم على سعر فائدة صفري", "SUPPORT", true},
		{"a press conference", "وقال الوزير في مؤتمر صحافي عقده أمس في الرياض إن", "CONSULT", true},
		{"a joint press conference follows talks", "وقال الوزير في مؤتمر صحفي مشترك مع نظيره القطري إن", "CONSULT", false},
		{"a conference", "وانطلق مؤتمر المانحين في الكويت أمس", "CONSULT", false},
		{"teams meet in a match", "وفي المباراة الثانية يلتقي الأردن والإمارات الساعة التاسعة", "CONSULT", true},
		{"a semi-final", "وفي نصف النهائي تلتقي المكسيك مع بنما غداً الأربعاء في جورجيا", "CONSULT", true},
		{"a meeting held in a match sentence", "وأكد الاتفاق على عقد لقاء كل ستة أشهر مع اتحاد القدم، وعلى إقامة السوبر في لندن", "CONSULT", false},
		{"a club head meets the players", "حيث سيلتقي الأمير فيصل بن تركي باللاعبين في اجتماع خاص قبل مواجهة السوبر", "CONSULT", false},
		{"ministers meet", "والتقى وزير الخارجية نظيره التركي في أنقرة", "CONSULT", false},
		{"searched for", "وهي فئة لا تبحث عن الخير، وإنما هم فئة مجرمة مع ما يقومون به", "CONSULT", true},
		{"discussed with", "وبحث الوزير مع نظيره التركي العلاقات الثنائية", "CONSULT", false},
		{"an intersection", "سيتم إغلاق طريق الملك عبدالعزيز عند تقاطعه مع الشارع العاشر", "SANCTION", true},
		{"a bridge at an intersection", "وتنفيذ جسر تقاطع طريق عثمان بن عفان مع وادي قناة", "SANCTION", true},
		{"a province named in Latin", "ومن ناحية إسبانيا تحتوي مقاطعة Basque عددا من أفضل المطاعم", "SANCTION", true},
		{"an index fell", "أن مؤشر مديري المشتريات تراجع من 49.4 نقطة إلى 48.2 نقطة", "RETREAT", true},
		{"withdrew from ideas", "وقد تراجع عن أفكاره بعد مراجعات في السجون", "RETREAT", false},
		{"a boycott called for", "التي تقود الجهود لمقاطعة إسرائيل", "SANCTION", false},
		{"owes his win", "ويدين سان جرمان بفوزه الثالث في هذه البطولة الودية", "ACCUSE", true},
		{"owes thanks", "ويدين النجم بالفضل في تحقيق هذا الفوز إلى لاعبه", "ACCUSE", true},
		{"condemns strongly", "إن مجلس هيئة حقوق الإنسان يدين بشدة هذا العمل الإرهابي", "ACCUSE", false},
		{"convicted of terrorism", "قضت محكمة بالسجن خمس سنوات على شيشاني لادانته بالارهاب", "ACCUSE", true},
		{"condemned in the strongest terms", "وأعرب عن إدانته بأشد العبارات للهجوم", "ACCUSE", false},
		{"convicted of a charge", "بالسجن خمس سنوات بعد إدانته بتهمة الكسب غير المشروع", "ACCUSE", true},
		{"a student of a field without the article", "ويتابع: كان شودري طالب قانون، ورغم أنه لم يمارس مهنة المحاماة", "REQUEST", true},
		{"at any price", "لإنجاز مسألة الحوار بأي ثمن", "SUPPORT", true},
		{"the name Edin", "وصل المهاجم البوسني أدين دزيكو إلى روما", "ACCUSE", true},
		{"a first-person condemnation", "وقال: أدين بشدة هذا العمل الإرهابي", "ACCUSE", false},
		{"a first-person condemnation of something definite", "أدين الهجوم على المسجد", "ACCUSE", false},
		{"a student with tanween", "اعتقلت وزارة الأمن الداخلي الأمريكية طالباً سعودياً لتهديده", "REQUEST", true},
		{"demanding, a circumstantial", "اتخذ الوزير موقفاً ضد القناة، طالباً من المراسل عدم توجيه أسئلة", "REQUEST", false},
		{"a PhD student", "وحصل طالب الدكتوراه المبتعث حسام زواوي على براءة", "REQUEST", true},
		{"for an applicant", "درجات مهنية تمنحها لطالب الاعتماد", "REQUEST", true},
		{"market demand", "ويتنامى الطلب على أنظمة البطاريات من المصانع", "REQUEST", true},
		{"job applications", "تبدأ الجامعة غداً استقبال طلبات المتقدمين على الوظائف اعتبارا من الأحد", "REQUEST", true},
		{"requests of a party", "وتلقت الأمم المتحدة طلبات من الحكومة لرفع الحظر", "REQUEST", false},
		{"what it has reached", "أكد أنه سعيد جدا بما وصل إليه الوضع اللياقي والفني", "CONSULT", true},
		{"paying the price", "تتعلق بكيفية سداد ثمن العقار نقدا", "SUPPORT", true},
		{"what reaches", "إن داعش يستغل ما يصل إلى المواطنين من دعم الدولة", "CONSULT", true},
		{"reached the limits", "جهود المبعوث وصلت إلى حدود الفشل المعلن", "CONSULT", true},
		{"job seekers received", "فيما تستقبل شركة الراشد للحراسات الأمنية الراغبين لشغل 30 وظيفة", "CONSULT", true},
		{"planes received", "يذكر أن محافظة عدن استقبلت بعد تحريرها طائرتين سعوديتين", "CONSULT", true},
		{"his ministry", "أعطى وزير التعليم مسؤولي وزارته دروسا في أهمية الإعلام", "CONSULT", true},
		{"students' union", "ويذكر أن اتحاد طلبة كلية سواس من بين أكثر الاتحادات نشاطا ويطالب من الحكومة", "REQUEST", true},
		{"asking not to be named", "وأوضح وسيط عقاري طالبا عدم الكشف عن اسمه", "REQUEST", true},
		{"a statement issued", "وقال في بيان صادر يوم أمس إن المملكة", "COERCE", true},
		{"a publisher", "تحقيق: محمد الطريفي (بيروت: دار صادر)", "COERCE", true},
		{"orientations, not headed to", "العرب على اختلاف توجهاتهم أحسوا برسالة من حلب إلى عدن", "CONSULT", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, m, ok := firstMatch(t, tc.in, tc.typ)
			if !ok {
				t.Fatalf("%q: no %s trigger", tc.in, tc.typ)
			}
			if got := idiom(w, &m); got != tc.idiom {
				t.Errorf("%q: idiom %v, want %v", tc.in, got, tc.idiom)
			}
		})
	}
}

// A light verb in the past launching an attack noun, with a named
// organisation next to it and a target or a place, is kept without the
// detector (Options.Stated); its look-alikes are not.
func TestStatedAttack(t *testing.T) {
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	af := org("سلاح الجو الليبي")
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"VSO with a place", "والأحد، شن سلاح الجو الليبي، ضربات جوية على أوكار في مدينة أوباري.", true},
		{"reported by a source: the detector decides", "وقال مصدر إن سلاح الجو الليبي شن غارات على مواقع في مدينة أوباري.", false},
		{"SVO with a place", "سلاح الجو الليبي شن غارات على مواقع في مدينة أوباري.", true},
		{"the aim, not the attack", "وطلب سلاح الجو الليبي إذنا لشن غارات في مدينة أوباري.", false},
		{"a campaign", "شن سلاح الجو الليبي حملة في مدينة أوباري.", false},
		{"planned", "سيشن سلاح الجو الليبي غارات على مدينة أوباري.", false},
		{"the craft before the name", "وشنت طائرات التحالف غارات على مواقع في مدينة أوباري.", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := analysis(tc.in, af, org("التحالف"), loc("أوباري"))
			w := splitWords(tc.in, 0, len(tc.in))
			ms := placeMentions(tc.in, w, docMentions(a))
			got := stated("ASSAULT", w, x.lex.Find(w), ms) >= 0
			if got != tc.want {
				t.Errorf("%q: stated %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

// قام + subject or quantifier + ب + masdar carries the verb; the subject
// must then be the name between.
func TestQamaGap(t *testing.T) {
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, actor string // actor "": no CONSULT event
	}{
		{"subject and quantifier", "ويقوم سلامة بعدة زيارات كان آخرها لمدينة مصراتة", "غسان سلامة"},
		{"subject between", "وقام ساركوزي بزيارة إلى تونس", "نيكولا ساركوزي"},
		{"unnamed subject: no actor from elsewhere", "وقال ساركوزي إن الوفد قام أمس بزيارة إلى تونس", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := analysis(tc.in, per("غسان سلامة", "سلامة"), per("نيكولا ساركوزي", "ساركوزي"), loc("تونس"), loc("مصراتة"))
			if err := x.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, e := range a.Events {
				if e.Type == "CONSULT" {
					got = e.Actor
				}
			}
			if got != tc.actor {
				t.Errorf("%q: actor %q, want %q (%+v)", tc.in, got, tc.actor, a.Events)
			}
		})
	}
}

// A verb of starting (بدأ، شرع، باشر) + ب / في + masdar carries the verb
// like قام ب: the masdar is no event noun waiting for a party after it.
func TestStartGap(t *testing.T) {
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in, typ, actor string // actor "": no event of typ
	}{
		{"بدأ ب + masdar, subject between", "وأكد أن مسلحي الحوثيين بدأوا بالانسحاب من شبوة", "RETREAT", "الحوثيين"},
		{"شرع ب + masdar", "وأفادت مصادر بأن المسلحين الحوثيين شرعوا بمداهمة عدد من المنازل في مدينة الحوطة", "COERCE", "الحوثيين"},
		{"بدأ في + masdar", "وبدأت قوات الحوثيين في الانسحاب من شبوة", "RETREAT", "الحوثيين"},
		{"the masdar of another masdar", "وقال إن الحوثيين يريدون أن يبدأ بالتفكير في الانسحاب من شبوة", "RETREAT", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := analysis(tc.in, org("الحوثيين"), loc("شبوة"), loc("الحوطة"))
			if err := x.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, e := range a.Events {
				if e.Type == tc.typ {
					got = e.Actor
				}
			}
			if got != tc.actor {
				t.Errorf("%q: %s actor %q, want %q (%+v)", tc.in, tc.typ, got, tc.actor, a.Events)
			}
		})
	}
}

// A physical event without a place of its own takes the one place of the
// document that the headline names.
func TestHeadlinePlace(t *testing.T) {
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	const first = "وصل وزير الداخلية إلى عدن وصنعاء أمس."
	const second = "واعتقلت قوات التحالف ثلاثة مسلحين في الليلة نفسها."
	tests := []struct{ name, title, want string }{
		{"one place, with a proclitic", "التحالف يعتقل مسلحين بعدن", "عدن"},
		{"two places: neither", "التحالف يعتقل مسلحين في عدن وصنعاء", ""},
		{"no place", "التحالف يعتقل مسلحين", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := analysis(first+" "+second, org("التحالف"), loc("عدن"), loc("صنعاء"))
			a.Doc.Title = tc.title
			a.Sentences = []model.Sentence{{Start: 0, End: len(first)}, {Start: len(first) + 1, End: len(first) + 1 + len(second)}}
			if err := x.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			got, n := "", 0
			for _, e := range a.Events {
				if e.Type == "COERCE" {
					got, n = e.Location, n+1
				}
			}
			if n != 1 || got != tc.want {
				t.Errorf("title %q: %d COERCE, location %q, want %q (%+v)", tc.title, n, got, tc.want, a.Events)
			}
		})
	}
}

// A physical event without a named place takes the one its clause points
// back to.
func TestAnaphoricPlace(t *testing.T) {
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	ents := []model.Entity{org("القوات المسلحة الليبية"), loc("أوباري"), loc("سرت"), loc("مصراتة"), org("البنيان المرصوص")}
	tests := []struct {
		name, in, typ, place string
	}{
		{"demonstrative: the place of the sentence before", "وقصفت الطائرات أوكارا للتنظيم في مدينة أوباري.\nوداهمت القوات المسلحة الليبية تلك الأوكار، حيث ألقت القبض على رجلين.", "COERCE", "أوباري"},
		{"المدينة after a locative: the town named before", "أعلنت البنيان المرصوص أن قوات تأمين سرت تقوم بإعادة الانتشار في مداخل المدينة.", "MOBILIZE", "سرت"},
		{"a demonstrative with another noun", "وقصفت الطائرات أوكارا للتنظيم في مدينة أوباري.\nوتعهدت القوات المسلحة الليبية بهذه الخطوة باعتقال رجلين.", "COERCE", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := analysis(tc.in, ents...)
			for _, s := range arabic.Sentences(tc.in) {
				a.Sentences = append(a.Sentences, model.Sentence{Start: s.Start, End: s.End})
			}
			if err := x.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			found := false
			for _, e := range a.Events {
				if e.Type == tc.typ {
					found = true
					if e.Location != tc.place {
						t.Errorf("place %q, want %q", e.Location, tc.place)
					}
				}
			}
			if !found && tc.place != "" {
				t.Errorf("no %s event: %+v", tc.typ, a.Events)
			}
		})
	}
}

// A person in apposition to a title governed by ل/ب, إلى or على is not the
// subject; after من or a visit noun the name is the agent.
func TestObliqueTitle(t *testing.T) {
	tests := []struct {
		name, in, typ string
		oblique       bool
	}{
		{"ل + title", "تعهد بنقل نتائج الاجتماع لرئيس الحكومة الليبية الجديد عبد الحميد دبيبة", "AGREE", true},
		{"إلى + title", "أن الحكومة تعتزم توجيه الدعوة إلى المبعوث الأممي عبد الحميد دبيبة", "REQUEST", true},
		{"من + title: the agent", "بناء على طلب من الرئيس الشرعي عبد الحميد دبيبة", "REQUEST", false},
		{"a visit by", "خلال زيارة لوزير الخارجية عبد الحميد دبيبة", "CONSULT", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := analysis(tc.in, per("عبد الحميد دبيبة"))
			w := splitWords(tc.in, 0, len(tc.in))
			ms := placeMentions(tc.in, w, docMentions(a))
			if len(ms) != 1 {
				t.Fatalf("mentions %+v", ms)
			}
			if ms[0].oblique != tc.oblique {
				t.Errorf("oblique %v, want %v", ms[0].oblique, tc.oblique)
			}
		})
	}
}

// A name that begins with سـ is not a future verb.
func TestNameNotFuture(t *testing.T) {
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, want string }{
		{"وقام ساركوزي بزيارة إلى تونس", model.Asserted},
		{"وسيقوم ساركوزي بزيارة إلى تونس", model.Planned},
	} {
		a := analysis(tc.in, per("نيكولا ساركوزي", "ساركوزي"), loc("تونس"))
		if err := x.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if len(a.Events) != 1 || a.Events[0].Modality != tc.want {
			t.Errorf("%q: %+v, want one event %s", tc.in, a.Events, tc.want)
		}
	}
}

// An event noun in the complement of a verb of asking is what is asked for.
func TestRequested(t *testing.T) {
	tests := []struct {
		name, in, typ string
		want          bool
	}{
		{"advised to resign", "ونصح المشري رئيس الحكومة بتقديم استقالته", "CONCEDE", true},
		{"called for demonstrations", "أقدمت الجماعة على الدعوة لمظاهرات في العاصمة", "PROTEST", true},
		{"resigned", "وأعلن رئيس الحكومة استقالته أمس", "CONCEDE", false},
		{"a verb after the request is its own clause", "دعا الرئيس إلى الهدوء، وانسحبت القوات من المدينة", "RETREAT", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, m, ok := firstMatch(t, tc.in, tc.typ)
			if !ok {
				t.Fatalf("no %s trigger", tc.typ)
			}
			if got := requested(m.Pattern, w, m.First); got != tc.want {
				t.Errorf("%q: requested %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

// The speaker is not the actor of a clause whose subject is a count.
func TestCountedSubject(t *testing.T) {
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, actor string }{
		{"وقال رئيس الشرطة عبد الرحمن رحيمي إن خمسة أشخاص قتلوا في الهجوم", ""},
		{"وقال المرصد إن 1900 مقاتل وصلوا إلى المعسكرات في تركيا", ""},
		{"وقال المرصد إن 25 من قوات الصاعقة قتلوا في الاشتباكات", ""},
		{"وأعلن عبد الرحمن رحيمي أنه التقى 3 وزراء في تركيا", "عبد الرحمن رحيمي"},
	} {
		a := analysis(tc.in, per("عبد الرحمن رحيمي"), org("المرصد"), loc("تركيا"), org("قوات الصاعقة"))
		if err := x.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		for _, e := range a.Events {
			if e.Actor != tc.actor {
				t.Errorf("%q: %s actor %q, want %q", tc.in, e.Type, e.Actor, tc.actor)
			}
		}
	}
}

// A batch of fighters to be moved by a government named by its capital:
// the country acts (when the document names it), the place is where they
// go, not whose side they are on, the event is planned, and the date of
// the statement is not its date.
func TestGovernmentByCapital(t *testing.T) {
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	in := "وتواصل تركيا دعم الحكومة.\nوكشف المرصد السوري، الإثنين، أن دفعة جديدة من الفصائل الموالية لتركيا سيتم نقلها إلى ليبيا من قبل أنقرة خلال الساعات القادمة."
	a := analysis(in, loc("تركيا"), loc("أنقرة"), loc("ليبيا"), org("المرصد السوري"))
	for _, s := range arabic.Sentences(in) {
		a.Sentences = append(a.Sentences, model.Sentence{Start: s.Start, End: s.End})
	}
	if err := x.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	var got *model.Event
	for i := range a.Events {
		if a.Events[i].Type == "MOBILIZE" {
			got = &a.Events[i]
		}
	}
	if got == nil {
		t.Fatalf("no MOBILIZE: %+v", a.Events)
	}
	if got.Actor != "تركيا" || got.Location != "ليبيا" || got.Modality != model.Planned || got.DateText != "الساعات القادمة" {
		t.Errorf("got actor %q place %q %s date %q, want تركيا, ليبيا, planned, الساعات القادمة", got.Actor, got.Location, got.Modality, got.DateText)
	}
	// without the country in the document the capital stays
	a = analysis("أرسلت أنقرة قوات إلى ليبيا", loc("أنقرة"), loc("ليبيا"))
	if err := x.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	for _, e := range a.Events {
		if e.Actor != "أنقرة" {
			t.Errorf("actor %q, want أنقرة", e.Actor)
		}
	}
}

// Triggers of one attack in a sentence tell one event: the place after the
// last of them is the attack's place.
func TestOneAttackManyTriggers(t *testing.T) {
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	in := "وأعلن البنتاغون مقتل 17 من داعش إثر قصف جوي أمريكي استهدف معسكرا لهم، قرب سرت."
	a := analysis(in, org("داعش"), loc("سرت"), org("البنتاغون"))
	w := splitWords(in, 0, len(in))
	ms := placeMentions(in, w, docMentions(a))
	for _, m := range x.lex.Find(w) {
		if m.Pattern.Type != "ASSAULT" {
			continue
		}
		if _, _, l := arguments(m.Pattern, w, ms, m); l == nil || l.Name != "سرت" {
			t.Errorf("trigger %q: place %+v, want سرت", w[m.First].Text, l)
		}
		break
	}
}

// Past ضد come the targets, not the subject of the verb before.
func TestAgainstNotSubject(t *testing.T) {
	in := "وردد المتظاهرون شعارات ضد محافظ البصرة وهيمنة حزب الفضيلة على المدينة"
	a := analysis(in, org("حزب الفضيلة"), loc("البصرة"))
	w, m, ok := firstMatch(t, in, "PROTEST")
	if !ok {
		t.Fatal("no PROTEST trigger")
	}
	ms := placeMentions(in, w, docMentions(a))
	if actor, _, _ := arguments(m.Pattern, w, ms, m); actor == "حزب الفضيلة" {
		t.Errorf("actor %q", actor)
	}
}

// A trigger that is the whole of a quotation is a slogan or a cited word.
func TestQuotedTrigger(t *testing.T) {
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"بسبب رفعهم شعار «ارحل» في وجه الرئيس الفرنسي السابق", false},
		{"وطالبت المنظمة بوقف «ترحيل» اللاجئين", true}, // only a part quoted: "«ترحيل» اللاجئين" is not the whole
		{"وقررت السلطات ترحيل ثلاثة أشخاص إلى بلادهم", true},
	} {
		w := splitWords(c.in, 0, len(c.in))
		got := false
		for _, m := range x.triggers(c.in, w, nil) {
			if m.Pattern.Type == "COERCE" {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("%q: a COERCE trigger %v, want %v", c.in, got, c.want)
		}
	}
}

// What a verb of asking asks for is no event, also after a short verb whose
// و stays on its base (وحث) and after a future or first-person verb read as
// the third person (سنطالب as يطالب).
func TestRequestedAfterAskVerb(t *testing.T) {
	for _, in := range []string{
		"شكر فيها الزملاء، وحث أسر النزلاء على زيارة أبنائهم",
		"كما سنطالب الدول العربية بعدم استضافته أو السماح له",
	} {
		w, m, ok := firstMatch(t, in, "CONSULT")
		if !ok {
			t.Fatalf("%q: no CONSULT trigger", in)
		}
		if !requested(m.Pattern, w, m.First) {
			t.Errorf("%q: what is asked for read as an event", in)
		}
	}
}

// A mustering of votes, crowds or support is no mobilization; a person who
// passes away (يرحل) is not deported; a grip (قبضته على الحكم) is no arrest.
// The forces mustered and an arrest (قبضها على) stay.
func TestMusterDepartGrip(t *testing.T) {
	for _, c := range []struct {
		text, typ string
		ents      []model.Entity
		want      bool
	}{
		{"وسيركز نتنياهو جهوده على الضغط على الكونغرس وحشد عدد كاف من النواب لمنع رفع العقوبات", "MOBILIZE", []model.Entity{per("نتنياهو"), org("الكونغرس")}, false},
		{"قام أحد وزراء تسيبراس بالحشد ضد الاتفاق", "MOBILIZE", []model.Entity{per("تسيبراس")}, false},
		{"ما دفع الحوثيين إلى حشد مقاتلين جدد من أبناء القبائل", "MOBILIZE", []model.Entity{org("الحوثيين")}, true},
		{"شاء القدر أن يرحل الشريف تاركا خلفه فيلما", "COERCE", []model.Entity{per("الشريف")}, false},
		{"سيطرة بوتين وإحكام قبضته على الحكم في روسيا", "COERCE", []model.Entity{per("بوتين"), loc("روسيا")}, false},
		{"وأعلنت وزارة الداخلية قبضها على 190 إرهابيا", "COERCE", []model.Entity{org("وزارة الداخلية")}, true},
	} {
		found := false
		for _, e := range eventsOf(t, analysis(c.text, c.ents...)) {
			found = found || e.Type == c.typ
		}
		if found != c.want {
			t.Errorf("%s: %s event %v, want %v", c.text, c.typ, found, c.want)
		}
	}
}
