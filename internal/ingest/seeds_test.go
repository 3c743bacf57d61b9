package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/corpus"
	"github.com/marsad-project/marsad/internal/model"
)

// seedJunk is the page junk in each seed, found by reading them
// (../shared/seeds): every piece must be gone after cleaning. Every other
// sentence of the seed must survive verbatim.
var seedJunk = map[string][]string{
	// 000: one paragraph, headline glued to the first sentence; no junk.
	"000_0796cbe4e9476291.txt": nil,
	// 001: several stories with their sub-headlines; the byline
	// "“القدس العربي” – وكالات:" is glued to the first sentence and stays.
	"001_62e59a4f9c6de75d.txt": nil,
	"002_642d4779de111c4a.txt": nil,
	// 003: a share/print widget, the site's agency byline, and the
	// WordPress footer (share, like, follow us, comment counter).
	"003_6180295ae112573a.txt": {
		"0 تعليق ارسل لصديق نسخة للطباعة",
		"يافع نيوز – وكالات",
		"شاركنا ..",
		"إعجاب تحميل...",
		"للمزيد من التفاصيل والاخبار تابع حضرموت نت على الشبكات الاجتماعية",
		"0 تعليق",
	},
	// 004: "قد يهمك ايضا :" and two related headlines glued to the last
	// sentence with runs of spaces.
	"004_3c7b16306e099204.txt": {
		"قد يهمك ايضا",
		"معارك طرابلس تجدد الاتهامات بـ\"خرق الهدنة\" رغم المطالب الدولية والغربية بوقفها",
		"خليفة حفتر يبحث مع أنغيلا ميركل حل الأزمة الليبية سياسيًا",
	},
}

// seedKept are pieces that look like junk to a careless rule and must stay.
var seedKept = []struct{ doc, text, why string }{
	{"000_0796cbe4e9476291.txt", "المشير حفتر يستقبل المبعوث الأممى ونائبته فى الرجمة.. ويزور روما الأسبوع المقبل بدأ الجيش", "headline glued to the first sentence"},
	{"000_0796cbe4e9476291.txt", "عبر صفحتها على موقع التواصل الاجتماعى «فيسبوك»", "a sentence naming Facebook is not a share widget"},
	{"001_62e59a4f9c6de75d.txt", "“القدس العربي” – وكالات: أعلنت قوات “البنيان المرصوص”", "byline glued to a sentence"},
	{"001_62e59a4f9c6de75d.txt", "وزير الخارجية الإيطالي يتوجه إلى طرابلس في زيارة رسمية", "sub-headline of a second story"},
	{"001_62e59a4f9c6de75d.txt", "خليفة حفتر في باريس بعد روما", "sub-headline of a third story"},
	{"002_642d4779de111c4a.txt", "أول اجتماع رسمي بين حفتر والحكومة الليبية الجديدة", "headline line"},
	{"003_6180295ae112573a.txt", "حفتر يلتقي وفداً أميركياً لبحث وقف النار", "headline above the widget"},
	{"003_6180295ae112573a.txt", "بإشراف دولي.", "last sentence before the footer"},
	{"004_3c7b16306e099204.txt", "قائد الجيش الوطني الليبي المشير خليفة حفتر", "photo caption naming people"},
	{"004_3c7b16306e099204.txt", "قد تسقط معها الهدنة الهشّة بشكل نهائي.", "the sentence the related-headlines run is glued to"},
}

func readSeeds(t *testing.T) map[string]model.Document {
	t.Helper()
	files, err := corpus.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	r := NewReader(DefaultOptions())
	out := map[string]model.Document{}
	for _, f := range files {
		err := r.ReadBytes(context.Background(), f.Name, f.Data, func(d model.Document) error {
			out[d.ID] = d
			return nil
		}, func(err error) { t.Errorf("seed rejected: %v", err) })
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestSeedsJunkGoneSentencesKept(t *testing.T) {
	files, err := corpus.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	docs := readSeeds(t)
	if len(docs) != len(files) {
		t.Fatalf("got %d documents from %d seeds", len(docs), len(files))
	}
	for _, f := range files {
		doc := docs[f.Name]
		junk, ok := seedJunk[f.Name]
		if !ok {
			t.Errorf("%s: no row in seedJunk; read the seed and add one", f.Name)
		}
		for _, j := range junk {
			if strings.Contains(doc.Text, j) {
				t.Errorf("%s: junk %q left in the text", f.Name, j)
			}
		}
		// every real sentence of the raw seed survives verbatim
		raw := string(f.Data)
		for _, s := range arabic.Sentences(raw) {
			sent := raw[s.Start:s.End]
			if isJunkSentence(sent, junk) {
				continue
			}
			if !strings.Contains(doc.Text, trimSpace(sent)) {
				t.Errorf("%s: sentence lost: %q", f.Name, sent)
			}
		}
	}
	for _, k := range seedKept {
		if !strings.Contains(docs[k.doc].Text, k.text) {
			t.Errorf("%s: %s: %q was removed", k.doc, k.why, k.text)
		}
	}
}

func isJunkSentence(sent string, junk []string) bool {
	for _, j := range junk {
		if strings.Contains(sent, j) || strings.Contains(j, trimSpace(sent)) {
			return true
		}
	}
	return trimSpace(sent) == ""
}

func TestSeedsTitlesAndIDs(t *testing.T) {
	docs := readSeeds(t)
	want := map[string]string{
		"000_0796cbe4e9476291.txt": "", // headline glued to the text: no title invented
		"001_62e59a4f9c6de75d.txt": "", // first line is a full sentence
		"002_642d4779de111c4a.txt": "أول اجتماع رسمي بين حفتر والحكومة الليبية الجديدة",
		"003_6180295ae112573a.txt": "حفتر يلتقي وفداً أميركياً لبحث وقف النار",
		"004_3c7b16306e099204.txt": "قائد الجيش الوطني الليبي المشير خليفة حفتر", // positional: a caption here
	}
	for id, title := range want {
		d, ok := docs[id]
		if !ok {
			t.Errorf("%s: missing", id)
			continue
		}
		if d.Title != title {
			t.Errorf("%s: title %q, want %q", id, d.Title, title)
		}
		if d.Hash == "" || d.Origin != id {
			t.Errorf("%s: hash %q origin %q", id, d.Hash, d.Origin)
		}
	}
}
