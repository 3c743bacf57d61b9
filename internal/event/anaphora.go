package event

import (
	"sort"
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// After naming an organisation in full, news goes on with its head noun
// alone: "أعلنت الحكومة الليبية المؤقتة أنها …" … "وطالب الحكومة المجتمع
// الدولي برفع الحظر", "قال الجيش الوطني الليبي" … "وأعلن الجيش". The bare
// definite head is then the organisation, and often the actor of the
// sentence's event. headAnaphora makes such a word a mention of the one
// organisation with that head the article named before it. (Read on the
// Libya articles of arabic-news, where such sentences had lost their actor
// and with it the event.)
type headAnaphora struct {
	text string
	dms  []docMention
	orgs []headedOrg // in text order
}

type headedOrg struct {
	start, end int
	core       string // the head word without the article: "حكومه"
	name       string
}

// Heads of organisation names that news uses alone for the organisation
// it named last. "القوات" is left out: a sentence names forces of several
// sides with it.
var anaphoricHeads = normKeys(map[string]bool{
	"حكومة": true, "حركة": true, "جماعة": true, "تنظيم": true, "وزارة": true, "مجلس": true, "برلمان": true,
	"اتحاد": true, "منظمة": true, "بعثة": true, "هيئة": true, "شركة": true, "حزب": true, "جيش": true,
	"جبهة": true, "تحالف": true, "ائتلاف": true, "مفوضية": true, "رئاسة": true,
})

// Adjectives that make the head another body than the one named before:
// "الحكومة السابقة", "الحكومة الجديدة", "المجلس المقبل".
var otherBody = normKeys(map[string]bool{
	"السابق": true, "السابقة": true, "الجديد": true, "الجديدة": true, "المقبل": true, "المقبلة": true,
	"القادم": true, "القادمة": true, "المقبلين": true, "الأخرى": true, "الآخر": true, "المنتخب": true, "المنتخبة": true,
	// "الجيش الحر" (the Free Syrian Army) after "الجيش العراقي": another army
	// (arabic-news, once the state armies were entities: branch devgold)
	"الحر": true,
})

func newHeadAnaphora(text string, dms []docMention) *headAnaphora {
	h := headAnaphora{text: text, dms: dms}
	for _, m := range dms {
		if m.Type != model.ORG || m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			continue
		}
		for _, t := range arabic.Tokenize(text[m.Start:m.End]) {
			if t.IsWord() {
				core := strings.TrimPrefix(t.Norm, "ال")
				if anaphoricHeads[core] {
					h.orgs = append(h.orgs, headedOrg{start: m.Start, end: m.End, core: core, name: m.Name})
				}
				break
			}
		}
	}
	if len(h.orgs) == 0 {
		return nil
	}
	sort.SliceStable(h.orgs, func(i, j int) bool { return h.orgs[i].start < h.orgs[j].start })
	return &h
}

// antecedent returns the organisation with head core named last before
// offset (news refers back to the body it has just named: "أعلنت الحكومة
// الليبية المؤقتة …" … "وطالب الحكومة"), or "" when there is none, when
// another body with that head is named just before it ("حكومة الوفاق
// والحكومة المؤقتة": which one is meant is not said), or when the text
// names another body with that head after it that the tagger did not find
// ("وزارة الدفاع" … "سعت وزارة العدل" … "كما تعهدت الوزارة").
func (h *headAnaphora) antecedent(core string, offset int) string {
	last := -1
	for i := sort.Search(len(h.orgs), func(i int) bool { return h.orgs[i].start >= offset }) - 1; i >= 0; i-- {
		if offset-h.orgs[i].start > maxAntecedent {
			break
		}
		if h.orgs[i].core == core {
			last = i
			break
		}
	}
	if last < 0 {
		return ""
	}
	name := h.orgs[last].name
	for i := last - 1; i >= 0 && h.orgs[last].start-h.orgs[i].start < sideBySide; i-- {
		if h.orgs[i].core == core && h.orgs[i].name != name {
			return ""
		}
	}
	if h.untaggedBody(core, h.orgs[last].end, offset) {
		return ""
	}
	return name
}

// untaggedBody reports a word with head core in text[from:to], outside
// every mention, that names a body rather than pointing back to one: the
// head in construct (وزارة العدل) or followed by a nisba (الحكومة
// الإيطالية). A bare definite head there is itself an anaphor.
func (h *headAnaphora) untaggedBody(core string, from, to int) bool {
	if from >= to {
		return false
	}
	toks := arabic.Tokenize(h.text[from:to])
	near := sentenceMentions(h.dms, max(0, from-maxMentionBytes), to)
	for k, t := range toks {
		if t.Kind != arabic.KindArabic || !strings.HasSuffix(t.Norm, core) {
			continue
		}
		definite := false
		switch strings.TrimSuffix(t.Norm, core) {
		case "ال", "وال", "فال", "بال", "لل", "ولل", "وبال":
			definite = true
		case "", "و", "ف", "ب", "ل", "وب", "ول":
		default:
			continue // another word ending in the same letters
		}
		if overlapsAny(near, from+t.Start, from+t.End) {
			continue
		}
		next := ""
		for _, u := range toks[k+1:] {
			if u.IsWord() {
				next = u.Norm
				break
			}
		}
		if !definite || otherBody[next] || nisbaAdjective(next) {
			return true
		}
	}
	return false
}

// maxAntecedent is how far back (bytes, about 10,000 words: more than the
// longest arabic-news article) a bare head looks for the body it names; the
// bound keeps the cost of an endless text linear.
const maxAntecedent = 60000

// maxMentionBytes bounds a mention's length when looking for mentions that
// overlap a span from the ones that start near it.
const maxMentionBytes = 1000

// sideBySide: two names whose starts are this close (bytes; about 15
// words) are named together.
const sideBySide = 150

// resolve returns the sentence's docMentions (sdms, already limited to the
// sentence or the whole document) extended by the bare heads that stand
// for an organisation named before, or nil when there are none.
func (h *headAnaphora) resolve(words []word, sdms []docMention) []docMention {
	if h == nil || len(words) == 0 {
		return nil
	}
	var extra []docMention
	for i := range words {
		w := &words[i]
		if w.number || !anaphoricHeads[w.base] || !strings.HasSuffix(w.Norm, "ال"+w.base) {
			continue // not a definite head: "حكومة الوفاق" is a name of its own
		}
		if i+1 < len(words) && !w.boundary {
			n := words[i+1].Norm
			if otherBody[n] || nisbaAdjective(n) {
				continue // "الحكومة الإيطالية", "الحكومة السابقة": another body
			}
		}
		if overlapsAny(sdms, w.Start, w.End) {
			continue
		}
		name := h.antecedent(w.base, w.Start)
		if name == "" {
			continue
		}
		start := w.Start
		// after clitics: the mention starts at the article ("والحكومة")
		if p := len(w.Norm) - len("ال"+w.base); p > 0 && len(w.Text) == len(w.Norm) {
			start += p
		}
		extra = append(extra, docMention{Start: start, End: w.End, Name: name, Type: model.ORG})
	}
	if len(extra) == 0 {
		return nil
	}
	out := append(append([]docMention(nil), sdms...), extra...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// nisbaAdjective reports a definite relative adjective (الليبية، الإيطالي،
// الأمريكيين): the head it follows is that country's body, a new one.
func nisbaAdjective(norm string) bool {
	if !strings.HasPrefix(norm, "ال") || runeLen(norm) < 5 {
		return false
	}
	for _, suf := range []string{"يه", "ي", "يين", "يون"} {
		if strings.HasSuffix(norm, suf) {
			return true
		}
	}
	return false
}
