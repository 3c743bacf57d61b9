// Package entity turns the raw name mentions of one article (model.Analysis.
// Mentions, from the tagger and optional finders) into entities: each with a
// canonical name (the fullest proper name the article gives, titles and
// honorifics stripped), a type decided by vote, every mention in text order
// and, for places, coordinates from an embedded gazetteer. It also holds the
// cross-document Registry that gives an entity one id across articles.
//
// Resolution within an article links, in this order: identical names (with
// and without the article ال, with clitics removed); spellings of one name
// (فايز/فائز, الليبى/الليبي by normalisation, وليامز/ويليامز by skeleton or
// one edit); a surname or a shorter name to the fuller one (حفتر → خليفة
// حفتر); an organisation to its longer or headed forms (الجيش الليبي →
// الجيش الوطني الليبي, قوات الوفاق → حكومة الوفاق); an acronym or alias in
// brackets or quotes after an organisation (… في إفريقيا (أفريكوم)); and
// "حكومة X" to the organisation the article says X leads (… برئاسة فايز
// السراج). Each link is a rule of Arabic news writing, not a list of names.
package entity

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// Options selects the resolution steps. Each can be turned off to measure
// what it contributes.
type Options struct {
	// ExtendRanks widens a person mention over a rank or honorific written
	// right before it (المشير خليفة حفتر), as the extract contract's example
	// shows; the canonical name never includes it.
	ExtendRanks bool
	// Fuzzy links name words that differ by their long vowels or by one
	// letter (words of five letters or more): وليامز/ويليامز.
	Fuzzy bool
	// Brackets links an organisation to a short name in brackets or quotes
	// right after it: acronyms and aliases (أفريكوم, «بنتاغون»).
	Brackets bool
	// Leaders links "حكومة X" / "قوات X" to the organisation the article
	// says X leads (برئاسة X, يرأسها X, X قائد …).
	Leaders bool
	// Descriptions adds a mention of a person wherever the article reuses a
	// description it set up by apposition (needs Leaders): after "قائد
	// الجيش الوطني الليبي المشير خليفة حفتر", a later "قائد الجيش الوطني
	// الليبي" is a mention of حفتر.
	Descriptions bool
	// Geocode sets Entity.Geo for places found in the gazetteer.
	Geocode bool
}

// DefaultOptions turns every step on.
func DefaultOptions() Options {
	return Options{ExtendRanks: true, Fuzzy: true, Brackets: true, Leaders: true, Descriptions: true, Geocode: true}
}

// Resolver is the pipeline stage that fills Analysis.Entities from
// Analysis.Mentions. It is immutable and safe for concurrent use.
type Resolver struct {
	opt Options
	lx  *lexicon
	gaz *Gazetteer
}

// NewResolver returns a Resolver using the embedded lexicon and gazetteer.
func NewResolver(opt Options) (*Resolver, error) {
	lx, gaz, err := loadResources()
	if err != nil {
		return nil, err
	}
	return &Resolver{opt: opt, lx: lx, gaz: gaz}, nil
}

// loadResources returns the embedded lexicon and gazetteer every stage of
// this package shares (each loads once per process).
func loadResources() (*lexicon, *Gazetteer, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, nil, err
	}
	gaz, err := LoadGazetteer()
	if err != nil {
		return nil, nil, err
	}
	return lx, gaz, nil
}

// Name implements pipeline.Stage.
func (r *Resolver) Name() string { return "entities" }

// Process implements pipeline.Stage: it reads a.Mentions and a.Doc.Text and
// replaces a.Entities.
func (r *Resolver) Process(ctx context.Context, a *model.Analysis) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("entity: %w", err)
	}
	a.Entities = r.Resolve(a.Doc.Text, a.Mentions)
	return nil
}

// item is one mention being resolved.
type item struct {
	m         model.Mention // span reported: trimmed of punctuation and clitics, widened over a rank
	typ       string
	nameStart int      // byte offset where the name proper starts (titles, clitics skipped)
	nameEnd   int      // byte offset where it ends
	display   string   // the name as shown: text[nameStart:nameEnd], ال restored after لل
	words     []string // normalised words of the name
	core      []string // ORG: words without a generic head (قوات, حكومة) and trailing country nisba
	nisbaCC   string   // ORG: the country of a trailing nisba (الليبي → LY)
	headed    bool     // ORG: the name starts with a generic head
	desc      bool     // a description (قائد الجيش الوطني الليبي), not a name: never canonical or alias
	order     int
	// the mention may be part of another name: a definite word follows
	// it (أحمد ⟦الخميس⟧, a name cut short), a kunya particle precedes it
	// (أم ⟦محمد⟧) or a formula of piety follows it (⟦إبراهيم⟧ عليه السلام)
	shaky bool
}

// key is the name's words without the article, a compound in عبد or أبو
// written as one word (عبد الله = عبدالله, أبو محمد = أبومحمد: on arabic-news
// 21 pairs of one name so spelled twice were two entities of an article).
func (it *item) key() string {
	ws := make([]string, 0, len(it.words))
	for i := 0; i < len(it.words); i++ {
		w := it.words[i]
		if (w == "عبد" || w == "ابو") && i+1 < len(it.words) {
			w += it.words[i+1]
			i++
		}
		ws = append(ws, w)
	}
	return alKey(ws)
}

// Resolve groups mentions of text into entities. Mentions with offsets
// outside text or not on character boundaries are ignored.
func (r *Resolver) Resolve(text string, mentions []model.Mention) []model.Entity {
	doc := newDocIndex(text)
	items := r.prepare(doc, mentions)
	if len(items) == 0 {
		return nil
	}
	if r.opt.Brackets {
		items = r.absorbPlace(doc, items)
	}
	uf := newUnionFind(len(items))
	if r.opt.Brackets {
		items = r.linkBrackets(doc, items, uf)
	}
	r.link(items, uf)
	if r.opt.Leaders {
		items = r.linkLeaders(doc, items, uf)
	}
	if r.opt.Descriptions {
		items = r.linkOffices(doc, items, uf)
	}
	return r.build(doc, items, uf)
}

// docIndex holds the tokens of the article for looking at a mention's
// neighbours.
type docIndex struct {
	text  string
	toks  []arabic.Token
	forms map[string]bool // the tokens' normalised forms, with and without a conjunction (see hasForm)
}

// hasForm reports whether a token of the document is written w, or w after
// a conjunction. The set is built on first use: a lookup per mention, not a
// scan of the document per mention.
func (d *docIndex) hasForm(w string) bool {
	if d.forms == nil {
		d.forms = make(map[string]bool, len(d.toks))
		for _, t := range d.toks {
			if t.Kind == arabic.KindArabic {
				d.forms[t.Norm] = true
				d.forms[stripConj(t.Norm)] = true
			}
		}
	}
	return d.forms[w]
}

func newDocIndex(text string) *docIndex {
	return &docIndex{text: text, toks: arabic.Tokenize(text)}
}

// at returns the index of the first token starting at or after b.
func (d *docIndex) at(b int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].Start >= b })
}

// validSpan reports whether [s,e) is a non-empty span of text on character
// boundaries.
func validSpan(text string, s, e int) bool {
	if s < 0 || e > len(text) || s >= e {
		return false
	}
	return isBoundary(text, s) && isBoundary(text, e)
}

// isBoundary reports whether byte offset b does not split a UTF-8 sequence
// (a stray continuation byte in invalid UTF-8 is a character of its own).
func isBoundary(text string, b int) bool {
	if b == 0 || b == len(text) || utf8.RuneStart(text[b]) {
		return true
	}
	for s := b - 1; s >= 0 && s >= b-3; s-- {
		if utf8.RuneStart(text[s]) {
			_, size := utf8.DecodeRuneInString(text[s:])
			return s+size <= b
		}
	}
	return true
}

// isClosingPunct reports whether a punctuation token may sit between a name
// and what follows it without breaking the phrase: quotes and brackets.
func isQuote(s string) bool {
	switch s {
	case "\"", "'", "«", "»", "“", "”", "‘", "’", "„", "‹", "›":
		return true
	}
	return false
}

func isTypeOK(t string) bool {
	return t == model.PER || t == model.ORG || t == model.LOC || t == model.MISC
}

// prepare cleans each mention and computes its name words.
func (r *Resolver) prepare(doc *docIndex, mentions []model.Mention) []*item {
	ms := make([]model.Mention, 0, len(mentions))
	for _, m := range mentions {
		if validSpan(doc.text, m.Start, m.End) && isTypeOK(m.Type) {
			ms = append(ms, m)
		}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		return ms[i].End > ms[j].End
	})
	type raw struct {
		m      model.Mention
		words  []arabic.Token // word tokens, offsets into the document
		tagCut int            // bytes of the first word the tagger already cut as a clitic
	}
	var raws []raw
	seen := map[[2]int]bool{}
	starts := map[int]bool{} // where a mention begins, its proclitic included or not
	for _, m := range ms {
		starts[m.Start] = true
		if k := doc.at(m.Start); k > 0 && doc.toks[k-1].End > m.Start {
			starts[doc.toks[k-1].Start] = true
		}
	}
	extendedTo := -1
	var adjectives []arabic.Token // country adjectives read as places (countryAdjective)
	for _, m := range ms {
		if seen[[2]int{m.Start, m.End}] || m.End <= extendedTo {
			continue
		}
		seen[[2]int{m.Start, m.End}] = true
		var ws []arabic.Token
		for _, t := range arabic.Tokenize(doc.text[m.Start:m.End]) {
			if !t.IsWord() {
				continue
			}
			t.Start += m.Start
			t.End += m.Start
			ws = append(ws, t)
		}
		// A lone proclitic written apart (لـ«الجيش الوطني»), and function
		// words the tagger ran into the name (أين مصطفى عبد الجليل).
		for len(ws) > 1 && (isLoneClitic(ws[0].Norm) || r.lx.has(classFunction, ws[0].Norm)) && !(m.Type == model.PER && givenAli(ws[0].Text, ws[1].Norm)) {
			ws = ws[1:]
		}
		// At the end: function words, a lone article or آل (الاتحاد الأوروبي
		// الـ, عبداللطيف آل), and an indefinite accusative the tagger ran into the name (الملا
		// عمر رفضا, محمود عباس مرسوما رئاسيا, حسن نائبًا): a name takes no
		// tanween.
		for len(ws) > 1 {
			last := ws[len(ws)-1]
			accusative := hasTanween(last.Text) || trailingAccusative(last.Norm) && !nasabLink(ws[len(ws)-2].Norm)
			if !r.lx.has(classFunction, last.Norm) && last.Norm != "ال" && !accusative ||
				m.Type == model.PER && !accusative && last.Text == "علي" { // أحمد علي: the name, as written
				break
			}
			ws = ws[:len(ws)-1]
		}
		if len(ws) == 0 || len(ws) == 1 && hasTanween(ws[0].Text) {
			continue // عقلاً, سؤالاً: an indefinite noun alone
		}
		// The given name علي right before a person mention belongs to it:
		// the tagger and the function-word trim above read it as the
		// preposition على, which folds onto it (علي عبد الله صالح was عبد
		// الله صالح, علي بن الحسين was بن الحسين). As written علي is the name
		// (arabic-news: 681 علي, almost all before a name, against 23,856
		// على); على is taken only before بن/ابن (الدكتور على بن هندي).
		if m.Type == model.PER && ws[0].Start == m.Start && !givenAli(ws[0].Text, "") {
			if k := doc.at(m.Start); k > 0 {
				t := doc.toks[k-1]
				text := t.Text
				if strings.HasPrefix(text, "و") {
					text = text[len("و"):]
				}
				if t.Kind == arabic.KindArabic && t.End <= m.Start && strings.TrimSpace(doc.text[t.End:m.Start]) == "" && givenAli(text, ws[0].Norm) {
					h := t
					h.Start = t.End - len(text)
					h.Text, h.Norm = text, arabic.Normalize(text)
					free := len(raws) == 0 || raws[len(raws)-1].m.End <= t.Start
					if !free && raws[len(raws)-1].m.Type == model.PER && raws[len(raws)-1].m.Start >= t.Start {
						raws = raws[:len(raws)-1] // علي alone, then the rest: one name
						free = true
					}
					if free {
						ws = append([]arabic.Token{h}, ws...)
						m.Start = h.Start
					}
				}
			}
		}
		if m.Type == model.MISC && r.allUnits(ws) || len(ws) == 2 && r.allUnits(ws[:1]) && nisbaAdjective(ws[1].Norm) {
			continue // دولار, الجنيه الإسترليني, دينار كويتي (any type): a currency is no named entity
		}
		if norms := tokenNorms(ws); r.allSacred(norms) {
			continue // الله, لله, الإسلام: see allSacred
		}
		// A head alone is not a name (قصر, مطار, حكومة): the name is the
		// word after it, which the tagger left out (قصر الإليزيه). The head
		// of a construct (إضافة) never takes the article, so القاعدة (al-Qaeda)
		// is a name and قاعدة is a head.
		if (m.Type == model.LOC || m.Type == model.ORG) && r.allHeads(ws) && !strings.HasPrefix(stripConj(ws[len(ws)-1].Norm), "ال") {
			if k := doc.at(m.End); k < len(doc.toks) {
				t := doc.toks[k]
				if t.Kind == arabic.KindArabic && strings.TrimSpace(doc.text[m.End:t.Start]) == "" &&
					!arabic.IsStopword(t.Norm) && !r.allHeads([]arabic.Token{t}) {
					ws = append(ws, t)
					m.End = t.End
					extendedTo = t.End
				}
			}
		}
		// A body's name goes on over its coordinated portfolios (وزارة
		// الثقافة والإعلام, هيئة التحقيق والادعاء العام, الهيئة العامة للسياحة
		// والتراث الوطني, وزارة الشؤون الإسلامية والأوقاف والدعوة والإرشاد,
		// حزب العدالة والتنمية): the tagger stopped before the و word 836
		// times on arabic-news. Only after a body or party head and a
		// definite noun that is no adjective, over words that begin a
		// mention of their own nowhere (السنة والشيعة, الاتحاد الأوروبي
		// والولايات المتحدة stay apart).
		if m.Type == model.ORG && len(ws) >= 2 && r.portfolioHead(ws) {
			end := m.End
			for _, t := range tokensAfter(doc, end, 6) {
				if starts[t.Start] || !strings.HasPrefix(t.Norm, "وال") && !(end > m.End && (isDefiniteNisba(t.Norm) || t.Norm == "العام" || t.Norm == "العامه")) {
					break
				}
				if strings.HasPrefix(t.Norm, "وال") && (r.sacred(t.Norm[len("و"):]) || arabic.IsStopword(t.Norm[len("و"):]) ||
					r.lx.has(classFunction, t.Norm[len("و"):]) || utf8.RuneCountInString(t.Norm) < 5) {
					break
				}
				ws = append(ws, t)
				end = t.End
			}
			if end > m.End {
				m.End = end
				extendedTo = end
			}
		}
		// An organisation's head written right before the mention belongs to
		// its name in construct (حكومة الوفاق, تنظيم داعش): the tagger left it
		// out. A proclitic on the head stays outside (لحكومة → حكومة).
		if m.Type == model.ORG && ws[0].Start == m.Start {
			if k := doc.at(m.Start); k > 0 {
				t := doc.toks[k-1]
				if t.Kind == arabic.KindArabic && t.End <= m.Start && strings.TrimSpace(doc.text[t.End:m.Start]) == "" &&
					!r.lx.has(classOrgHead, ws[0].Norm) {
					if cut, ok := r.headWord(t); ok {
						h := t
						h.Start += cut
						h.Text = doc.text[h.Start:h.End]
						h.Norm = arabic.Normalize(h.Text)
						ws = append([]arabic.Token{h}, ws...)
						m.Start = h.Start
					}
				}
			}
		}
		// A mention that starts inside a word: the tagger cut a clitic.
		// Decide again on the whole word (وبراك: و + براك, not وب + راك).
		tagCut := 0
		if k := doc.at(ws[0].Start); k > 0 && ws[0].Start == m.Start {
			if t := doc.toks[k-1]; t.Start < m.Start && t.End == ws[0].End && t.Kind == arabic.KindArabic {
				tagCut = m.Start - t.Start
				ws[0] = t
			}
		}
		raws = append(raws, raw{m: m, words: ws, tagCut: tagCut})
	}
	// Words attested in the article's mentions: a clitic is split off a
	// name's first word only when the bare word occurs elsewhere.
	attested := map[string]int{}
	for _, rw := range raws {
		for _, w := range rw.words {
			attested[w.Norm]++
		}
	}
	// Surnames of the article's persons named in full by a first name that
	// is no adjective (راجيف سوري): the surname alone is a name even when
	// it has the shape of an adjective (سوري).
	surnames := map[string]bool{}
	for _, rw := range raws {
		if rw.m.Type == model.PER && len(rw.words) >= 2 && !nisbaAdjective(rw.words[0].Norm) {
			surnames[rw.words[len(rw.words)-1].Norm] = true
		}
	}
	// A person's name has no word led by a preposition: in "حفتر لباريس"
	// the tagger ran the name into a place. Cut the mention there, and keep
	// the place when the gazetteer or the article knows it.
	for k := 0; k < len(raws); k++ {
		rw := raws[k]
		if rw.m.Type != model.PER || len(rw.words) < 2 {
			continue
		}
		for i := 1; i < len(rw.words); i++ {
			w := rw.words[i]
			if !strings.HasPrefix(w.Norm, "ل") && !strings.HasPrefix(w.Norm, "ب") || strings.HasPrefix(w.Norm, "ال") {
				continue
			}
			rest := w.Norm[len("ل"):] // ل and ب are both two bytes
			place := len(r.gaz.lookupText(rest)) > 0
			if utf8.RuneCountInString(rest) < 3 || (!place && attested[rest] == 0) {
				continue
			}
			raws[k].words = rw.words[:i]
			raws[k].m.End = rw.words[i-1].End
			if place && i == len(rw.words)-1 {
				st := w.Start + skipLetters(w.Text, 1)
				raws = append(raws, raw{m: model.Mention{Start: st, End: w.End, Type: model.LOC},
					words: []arabic.Token{{Text: doc.text[st:w.End], Norm: rest, Start: st, End: w.End, Kind: arabic.KindArabic}}})
			}
			break
		}
	}
	// A name never ends in a future verb: the tagger runs a place or a
	// person into the verb after it (نيروبي سيرأس, الاتحاد سيغادر, شالكه
	// سيحاول). Cut the mention before a word سـ + imperfect prefix whose
	// part after س is a more frequent word (يرأس, يغادر); names in س keep
	// their word (سيلفا, ستالين, سينغ: the rest is no word).
	for k := 0; k < len(raws); k++ {
		rw := raws[k]
		for i := 1; i < len(rw.words); i++ {
			if futureVerb(rw.words[i].Norm) {
				raws[k].words = rw.words[:i]
				raws[k].m.End = rw.words[i-1].End
				if i == 1 && r.bareHead(rw.words[0]) {
					raws[k].words = nil // قصر سيمثل: a head alone is no name
				}
				break
			}
		}
	}
	// A name does not run into a religious formula (lexicon class formula):
	// the tagger reads "الملك سلمان - حفظه الله -", "عمر بن الخطاب رضي الله
	// عنه", "بحمد الله", "رحمة الله" as names. Cut the mention before the
	// formula; a mention that starts with one is no name.
	for k := 0; k < len(raws); k++ {
		rw := raws[k]
		// the formula may run past the mention (و⟦الله ولي⟧ التوفيق)
		ext := append(rw.words[:len(rw.words):len(rw.words)], tokensAfter(doc, rw.m.End, 3)...)
		for i := range rw.words {
			if r.formulaAt(ext[i:]) == 0 {
				continue
			}
			raws[k].words = rw.words[:i]
			if i > 0 {
				raws[k].m.End = rw.words[i-1].End
			}
			break
		}
	}
	// A person or organisation does not end in an apposition of indefinite
	// nisba adjectives (ليون دبلوماسي إسباني: "Leon, a Spanish diplomat").
	// Two at least: one may be a surname (راجيف سوري). An organisation head
	// left alone (منظمة شبابية اجتماعية) is a common noun phrase, dropped.
	for k := 0; k < len(raws); k++ {
		rw := raws[k]
		if rw.m.Type != model.PER && rw.m.Type != model.ORG {
			continue
		}
		i := len(rw.words)
		for i > 0 && nisbaAdjective(rw.words[i-1].Norm) {
			i--
		}
		if i >= 1 && len(rw.words)-i >= 2 {
			raws[k].words = rw.words[:i]
			raws[k].m.End = rw.words[i-1].End
			if i == 1 && r.bareHead(rw.words[0]) {
				raws[k].words = nil // منظمة شبابية اجتماعية: a head and its adjectives
			}
		}
	}
	kept := raws[:0]
	for _, rw := range raws {
		if len(rw.words) > 0 {
			kept = append(kept, rw)
		}
	}
	raws = kept
	// A person mention that runs on after the name: into an office written
	// after it (الأمير محمد بن نايف ولي العهد: apposition), or into a second
	// person joined by و (خالد وماجد, صالح والحوثي: the و word reads better
	// as و + a more frequent word, so وليد and وهبي stay whole). Cut it there;
	// the second person becomes a mention of its own. Read off the
	// saudinewsnet sample, where the tagger runs 'ولي العهد' into 100 names.
	for k := 0; k < len(raws); k++ {
		rw := raws[k]
		if rw.m.Type != model.PER {
			continue
		}
		words := make([]string, len(rw.words))
		for i, w := range rw.words {
			words[i] = w.Norm
		}
		start := r.stripTitles(words)
		// the office may run past the mention's end: the tagger took ولي of
		// ولي العهد (محمد بن سلمان ولي ولي | العهد); 127 such names on
		// arabic-news. A mention that is only the start of an office (بعثها
		// ولي | العهد, و⟦ولي⟧ ولي العهد) is no name.
		after := append(words[:len(words):len(words)], wordsAfter(doc, rw.m.End, 3)...)
		if start < len(words) && r.roleRunsOn(after[start:], len(words)-start) {
			raws[k].words = nil
			continue
		}
		for i := start + 1; i < len(rw.words); i++ {
			w := rw.words[i]
			if r.lx.match(classRole, after[i:]) >= 2 ||
				strings.HasPrefix(w.Norm, "و") && r.lx.match(classRole, append([]string{w.Norm[len("و"):]}, words[i+1:]...)) >= 2 {
				raws[k].words = rw.words[:i]
				raws[k].m.End = rw.words[i-1].End
				break
			}
			if !strings.HasPrefix(w.Norm, "و") || strings.HasPrefix(w.Norm, "وو") || !cliticReading(w.Norm) {
				continue
			}
			raws[k].words = rw.words[:i]
			raws[k].m.End = rw.words[i-1].End
			st := w.Start + skipLetters(w.Text, 1)
			second := append([]arabic.Token{{Text: doc.text[st:w.End], Norm: w.Norm[len("و"):], Start: st, End: w.End, Kind: arabic.KindArabic}}, rw.words[i+1:]...)
			raws = append(raws, raw{m: model.Mention{Start: st, End: rw.m.End, Type: model.PER}, words: second})
			break
		}
	}
	// Two organisations or two places the tagger ran into one mention over
	// و (أبل وسامسونج, جيه بي مورجان ومورجان ستانلي, الرياض وعسير): cut
	// at a word that reads better as و + a more frequent word (cliticReading).
	// An organisation only before an indefinite word (منظمة الأغذية والزراعة,
	// العدالة والتنمية: coordinated nouns make one name); a place only when
	// the gazetteer lacks the whole and knows one of the parts (ترينيداد
	// وتوباغو stays). On arabic-news 96 ORG and 28 LOC names had an inner و.
	for k := 0; k < len(raws); k++ {
		rw := raws[k]
		if rw.m.Type != model.ORG && rw.m.Type != model.LOC || len(rw.words) < 2 {
			continue
		}
		whole := strings.Join(tokenNorms(rw.words), " ")
		if rw.m.Type == model.LOC && len(r.gaz.lookupText(whole)) > 0 {
			continue
		}
		for i := 1; i < len(rw.words); i++ {
			w := rw.words[i]
			if !strings.HasPrefix(w.Norm, "و") || strings.HasPrefix(w.Norm, "وو") || !cliticReading(w.Norm) {
				continue
			}
			rest := w.Norm[len("و"):]
			if utf8.RuneCountInString(rest) < 3 {
				continue
			}
			left := strings.Join(tokenNorms(rw.words[:i]), " ")
			right := strings.Join(append([]string{rest}, tokenNorms(rw.words[i+1:])...), " ")
			if rw.m.Type == model.ORG && strings.HasPrefix(rest, "ال") ||
				rw.m.Type == model.LOC && len(r.gaz.lookupText(left)) == 0 && len(r.gaz.lookupText(right)) == 0 {
				continue
			}
			// the second part is a name, not a common noun (و⟦بيوت⟧ الخبرة,
			// البنك و⟦تقرير⟧): a rare word the news writes more often bare
			// than with the article, a place or an organisation's head; and
			// the first part is more than a head
			if !(arabic.WordFreq(rest) <= 100 && arabic.WordFreq("ال"+rest) < arabic.WordFreq(rest) ||
				len(r.gaz.lookupText(rest)) > 0 || r.lx.has(classOrgHead, rest)) ||
				i == 1 && r.bareHead(rw.words[0]) {
				continue
			}
			raws[k].words = rw.words[:i]
			raws[k].m.End = rw.words[i-1].End
			st := w.Start + skipLetters(w.Text, 1)
			second := append([]arabic.Token{{Text: doc.text[st:w.End], Norm: rest, Start: st, End: w.End, Kind: arabic.KindArabic}}, rw.words[i+1:]...)
			raws = append(raws, raw{m: model.Mention{Start: st, End: rw.m.End, Type: rw.m.Type}, words: second})
			break
		}
	}
	kept = raws[:0]
	for _, rw := range raws {
		if len(rw.words) > 0 {
			kept = append(kept, rw)
		}
	}
	raws = kept
	sort.SliceStable(raws, func(a, b int) bool { return raws[a].m.Start < raws[b].m.Start })
	var items []*item
	for _, rw := range raws {
		ws := rw.words
		it := &item{typ: rw.m.Type, order: len(items)}
		first := ws[0].Norm
		words := make([]string, len(ws))
		for i, w := range ws {
			words[i] = w.Norm
		}
		// Proclitic on the first word (لحفتر, بسرت, وأوبارى, للأمم).
		elided := false
		cut, nameCut := 0, 0
		if sp, ok := r.splitClitic(doc, first, rw.m.Type, attested); ok {
			words[0] = sp.word
			cut = skipLetters(ws[0].Text, sp.letters)
			nameCut = cut
			if sp.elided {
				elided = true
				nameCut = skipLetters(ws[0].Text, sp.letters+2)
			}
		} else if conjBeforeHamza(ws[0].Text) {
			// و before an alef with hamza as written is the conjunction: no
			// name begins so (وأغادير, وآرمسترونج, وإيدينسون كافاني; 33
			// mentions on arabic-news), while وائل, وليد begin with و
			words[0] = ws[0].Norm[len("و"):]
			cut = skipLetters(ws[0].Text, 1)
			nameCut = cut
		} else if rw.tagCut > 0 {
			// Keep a cut the tagger made after و, ب or ل (ومولدافيا, لهاني);
			// undo it after ك or ف, rare before a name and common inside one
			// (كيري, فيليبي): read from the Libya news sample.
			// Undo it too for a person when the news writes the whole word
			// at least as often as the rest (بلاتيني 69 : لاتيني 9, بايدن,
			// بهاري): the name begins with the letter (بمحمد 4 : محمد 2,029
			// is cut).
			rest := arabic.Normalize(ws[0].Text[rw.tagCut:])
			p := arabic.Normalize(ws[0].Text[:rw.tagCut])
			// A place likewise (see wholePlace).
			wholeName := (p == "ب" || p == "ل") && (rw.m.Type == model.PER && arabic.WordFreq(first) >= 2 && arabic.WordFreq(first) >= arabic.WordFreq(rest) ||
				rw.m.Type == model.LOC && r.wholePlace(first, rest))
			if p != "ك" && p != "ف" && !wholeName && !(strings.HasPrefix(rest, "ال") && corpusKeepsWhole(first, rest)) {
				cut, nameCut = rw.tagCut, rw.tagCut
				words[0] = arabic.Normalize(ws[0].Text[cut:])
			}
		}
		spanStart := ws[0].Start + cut
		nameIdx := 0
		switch rw.m.Type {
		case model.PER:
			nameIdx = r.stripTitles(words)
		case model.LOC:
			nameIdx = r.stripPlaceDescriptors(words)
		}
		if nameIdx >= len(words) {
			continue // a title or descriptor alone is not a name
		}
		it.m = model.Mention{Start: spanStart, End: ws[len(ws)-1].End, Type: rw.m.Type}
		it.nameEnd = it.m.End
		if nameIdx == 0 {
			it.nameStart = ws[0].Start + nameCut
		} else {
			it.nameStart = ws[nameIdx].Start
			elided = false
		}
		it.words = words[nameIdx:]
		if rw.m.Type == model.LOC {
			if k := r.placeBeforeNisba(it.words); k > 0 {
				// نابلس الفلسطينية, ⟦جمهورية⟧ مصر العربية: the place alone
				it.words = it.words[:k]
				it.nameEnd = ws[nameIdx+k-1].End
				it.m.End = it.nameEnd
			}
		}
		if r.allSacred(it.words) {
			continue // الله, الإسلام, القرآن: no named entity in news (lexicon class sacred)
		}
		if rw.m.Type == model.LOC && cut == 0 && r.countryAdjective(doc, it.words, ws[0]) {
			adjectives = append(adjectives, ws[0])
			continue
		}
		if r.notAName(ws[nameIdx:], it.words, rw.m.Type, prevDefinite(doc, ws[0]), surnames) || isDateMonth(doc, it.words, ws[0].Start, ws[len(ws)-1].End) ||
			r.indefiniteNoun(doc, it.words, rw.m.Type, ws[0].Start, ws[len(ws)-1].End) {
			continue
		}
		if rw.m.Type == model.ORG && len(it.words) >= 3 && (it.words[1] == "الجيش" || r.forcesOf(it.words[1])) &&
			(it.words[0] == "قوات" || r.lx.has(classMembers, it.words[0])) && nameIdx+1 < len(ws) {
			// قوات الجيش الوطني, عناصر الجيش الليبي: the army is itself the
			// force, so the head is a description and stays outside the name
			// (the mention keeps it); so are a body's or a group's forces
			// (قوات مجلس شورى ثوار بنغازي, عناصر حزب الله: the council, the
			// party). حكومة الوفاق, قوات الوفاق keep theirs.
			it.words = it.words[1:]
			it.nameStart = ws[nameIdx+1].Start
			elided = false
		}
		it.display = doc.text[it.nameStart:it.nameEnd]
		if elided {
			it.display = "ال" + doc.text[it.nameStart:it.nameEnd]
		}
		if rw.m.Type == model.PER && r.opt.ExtendRanks && nameIdx == 0 {
			it.m.Start = r.extendRank(doc, it.m.Start)
		}
		if rw.m.Type == model.ORG {
			r.orgCore(it)
		}
		it.m.Text = doc.text[it.m.Start:it.m.End]
		next := tokensAfter(doc, it.m.End, 3)
		it.shaky = len(next) > 0 && strings.HasPrefix(next[0].Norm, "ال") || r.formulaAt(next) > 0
		if k := doc.at(it.m.Start); k > 0 && k <= len(doc.toks) {
			if p := doc.toks[k-1]; p.Kind == arabic.KindArabic && p.End <= it.m.Start && strings.TrimSpace(doc.text[p.End:it.m.Start]) == "" {
				switch stripConj(p.Norm) {
				case "ام", "ابو", "ابن", "بن", "بنت", "اخ", "اخت":
					it.shaky = true
				}
			}
		}
		items = append(items, it)
	}
	r.takeAdjectives(doc, items, adjectives)
	return items
}

// takeAdjectives gives an organisation the country adjective the tagger
// read as the country right after it (⟦الخطوط الجوية العربية⟧ ⟦السعودية⟧,
// ⟦جمعية الكشافة العربية⟧ ⟦السعودية⟧): the adjective agrees with the
// body's head and ends its name. adjectives are the words countryAdjective
// refused as places, in text order.
func (r *Resolver) takeAdjectives(doc *docIndex, items []*item, adjectives []arabic.Token) {
	if len(adjectives) == 0 {
		return
	}
	next := map[int]arabic.Token{}
	for _, a := range adjectives {
		if k := doc.at(a.Start); k > 0 {
			next[doc.toks[k-1].End] = a
		}
	}
	for _, it := range items {
		a, ok := next[it.m.End]
		if !ok || it.typ != model.ORG || it.nameEnd != it.m.End || doc.text[it.m.End:a.Start] != " " {
			continue
		}
		it.m.End, it.nameEnd = a.End, a.End
		it.m.Text = doc.text[it.m.Start:it.m.End]
		it.words = append(it.words[:len(it.words):len(it.words)], a.Norm)
		it.display += doc.text[it.m.End-len(a.Text)-1 : it.m.End]
		r.orgCore(it)
		it.shaky = false
	}
}

// notAName reports whether a mention's name words (ws, normalised and
// clitic-split in words) are a common word the tagger took for a name:
//   - attributive adjectives: every word an indefinite nisba (ـي, ـية) that
//     Arabic news writes more often with the article than without (مصدر
//     دبلوماسي, دبلوماسي فرنسي, منطقة صحراوية), where names ending in ـي
//     (علي, سامي, مجدي) are more frequent bare;
//   - an adverb written with بال (بالكامل "entirely", بالفعل): the whole word
//     is more frequent than the part after the preposition, where names
//     after ب are not (بالقاهرة 41 < القاهرة 306);
//   - a definite nisba after a definite noun that is no title (المصدر
//     الدبلوماسي);
//   - a person named by a frequent definite noun and its definite nisba
//     adjective (الدور المحوري);
//   - one word that carries a possessive pronoun after a more frequent
//     stem (تدريباته);
//   - a person that is an office in the dual or plural (وزيري الداخلية
//     والدفاع, مبعوثي).
//
// Gazetteer places are names whatever their shape. Read off the seeds'
// false positives and checked on 500 articles of ../shared/data/arabic-news.
func (r *Resolver) notAName(ws []arabic.Token, words []string, typ, prevDefinite string, surnames map[string]bool) bool {
	if len(words) == 0 || (typ == model.LOC && len(r.gaz.lookupText(strings.Join(words, " "))) > 0) {
		return false
	}
	if typ == model.PER && len(words) == 1 && r.lx.has(classPlace, words[0]) {
		return true // بولاية «أرضروم»: the tagger's person on the descriptor alone
	}
	adjectives := 0
	for _, w := range words {
		if !nisbaAdjective(w) {
			break
		}
		adjectives++
	}
	if adjectives == len(words) && !(len(words) == 1 && surnames[words[0]]) {
		return true
	}
	// "بوساطة منظمة دولية", "جماعة حركية", "ميليشيا دينية": a kind of body
	// (an indefinite head and its adjective), no name
	if typ == model.ORG && len(words) == 2 && (r.lx.has(classOrgHead, words[0]) || kindHeads[words[0]]) && nisbaAdjective(words[1]) {
		return true
	}
	if typ == model.PER && len(words) == 1 && isDefiniteNisba(words[0]) && prevDefinite != "" && !r.lx.has(classRank, prevDefinite) &&
		!r.lx.has(classRole, prevDefinite) && !r.lx.has(classPlace, prevDefinite) && !r.lx.has(classOrgHead, prevDefinite) {
		// المصدر الدبلوماسي: a definite adjective after a definite noun that
		// is not a title (الرئيس السيسي); the bare adjective is a common word
		// (دبلوماسي), a surname's bare form is not (سيسي)
		if bare := words[0][len("ال"):]; arabic.WordFreq(bare) >= 3 && arabic.WordFreq(words[0]) > 2*arabic.WordFreq(bare) {
			return true
		}
	}
	if typ == model.PER && len(words) >= 2 && words[0] != "الله" && arabic.WordFreq(words[0]) > 150 && isDefiniteNisba(words[len(words)-1]) {
		// الدور المحوري, الوضع الأمني: a frequent definite noun and its
		// adjective; definite first names are rarer (الحبيب 33, الصادق 43);
		// الله closes a compound name (خير الله الدوسري)
		allDefinite := true
		for _, w := range words {
			allDefinite = allDefinite && strings.HasPrefix(w, "ال")
		}
		if allDefinite {
			return true
		}
	}
	if typ == model.PER {
		for _, w := range words {
			if r.pluralNisba(w) {
				return true
			}
		}
	}
	if len(words) == 1 && !strings.HasPrefix(words[0], "ال") && (typ == model.PER || typ == model.LOC) {
		// a noun with a possessive pronoun whose stem is more frequent
		// (تدريباته, لقاءهم): no name is inflected so. (Function words are
		// not refused here: علي, لي, أبين are names and stop words once
		// folded; see below.) A final ه as written (not ة) is the pronoun
		// too: تدريباته is تدريبات + ه.
		sufs := []string{"اته", "ته", "ها", "هم", "هما", "كم"}
		if strings.HasSuffix(ws[len(ws)-1].Text, "ه") {
			sufs = append(sufs, "ه")
		}
		for _, suf := range sufs {
			min := 3
			if suf == "ه" {
				min = 4 // عبده، نوره: names on a short stem
			}
			stem, ok := strings.CutSuffix(words[0], suf)
			if !ok || utf8.RuneCountInString(stem) < min {
				continue
			}
			// a plural in ات with a pronoun (تدريباته، صلاحياته) is never
			// a name, however frequent the inflected form
			if suf == "اته" || arabic.WordFreq(stem) > 2*arabic.WordFreq(words[0])+5 {
				return true
			}
		}
		// "our": بيوتنا, أيدينا, قضايانا, نادينا. Names end in نا too
		// (ماريانا: ماري 37), so the stem must also be a noun news writes
		// with the article (البيوت, الأيدي, القضايا; not الماري)
		if stem, ok := strings.CutSuffix(words[0], "نا"); ok && utf8.RuneCountInString(stem) >= 3 &&
			arabic.WordFreq(stem) > 2*arabic.WordFreq(words[0])+5 && 2*arabic.WordFreq("ال"+stem) >= arabic.WordFreq(stem) {
			return true
		}
	}
	if typ == model.PER {
		// سيستدعي, سيحدد جلسة: the future prefix on an imperfect verb
		// (ي, ن) more frequent without it; no name opens so (سيف, سنودن: the rest
		// is rarer than the whole)
		if rest, ok := strings.CutPrefix(words[0], "س"); ok && utf8.RuneCountInString(rest) >= 4 &&
			strings.ContainsAny(rest[:len("ي")], "ين") && arabic.WordFreq(rest) > 2*arabic.WordFreq(words[0])+5 {
			return true
		}
	}
	if typ == model.ORG && len(words) == 1 && !strings.HasPrefix(words[0], "ال") && (r.lx.has(classOrgHead, words[0]) || kindHeads[words[0]]) {
		return true // نائب مدير منظمة «هيومان رايتس ووتش», أي منظمة: the head alone names nothing
	}
	if typ == model.PER && len(words) == 1 && arabic.IsStopword(words[0]) && !foldedNames[ws[0].Text] &&
		!r.lx.has(classRank, prevDefinite) && !r.lx.has(classRole, prevDefinite) {
		// a function word alone is a name only after a title (المخرج لي):
		// "قال لي"، "أين"، "هي" are not persons (read on arabic-news: لي 21
		// times, all but one "to me")
		return true
	}
	if len(words) == 1 {
		whole := ws[0].Norm
		for _, p := range [...]string{"بال", "وبال", "فبال", "كال"} {
			if strings.HasPrefix(whole, p) && whole != words[0] && arabic.WordFreq(whole) > arabic.WordFreq(words[0]) {
				return true
			}
		}
		if typ == model.PER {
			for _, suf := range [...]string{"ي", "ا", "ان", "ين", "ون", "اء"} {
				if suf == "ي" && strings.HasPrefix(words[0], "ال") {
					continue // الشيخي is a nisba surname, not الشيخ in construct
				}
				if stem, ok := strings.CutSuffix(words[0], suf); ok && utf8.RuneCountInString(stem) >= 3 &&
					(r.lx.has(classRole, stem) || r.lx.has(classRank, stem)) {
					return true
				}
			}
		}
	}
	return false
}

// placeBeforeNisba returns the number of words of a place name that the
// rest of a place mention only qualifies, or 0: a place and its country's
// nisba (نابلس الفلسطينية, الرقة السورية, هورست الهولندية), a country and
// العربية (مصر العربية, which the tagger takes out of جمهورية مصر العربية
// 41 times on arabic-news, الإمارات العربية). Not when the gazetteer has
// the whole (الكونغو الديمقراطية, جنوب إفريقيا) nor المغرب العربي (the
// Maghreb: masculine العربي is no country's).
func (r *Resolver) placeBeforeNisba(words []string) int {
	if len(words) < 2 || len(r.gaz.lookupText(strings.Join(words, " "))) > 0 {
		return 0
	}
	for k := len(words) - 1; k >= 1; k-- {
		cands := r.gaz.lookupText(strings.Join(words[:k], " "))
		if len(cands) == 0 {
			continue
		}
		for _, w := range words[k:] {
			if !strings.HasPrefix(w, "ال") {
				return 0
			}
			if w == "العربيه" && countryCode(cands) != "" {
				continue
			}
			if _, ok := r.gaz.NisbaCountry(w); !ok || !isDefiniteNisba(w) {
				return 0
			}
		}
		return k
	}
	return 0
}

// pluralNisba reports whether w (normalised) is the plural of a nisba
// adjective (سوريون, فلسطينيين, إيطاليون, إداريون): a group, never a
// person's name (ناشطون سوريون, باحثون إيطاليون were persons). The singular
// is a country's nisba or an adjective news writes mostly with the
// article; names in ـيون keep theirs (نابليون, هيلاريون: هيلاري is a name).
func (r *Resolver) pluralNisba(w string) bool {
	w = stripAl(w)
	for _, suf := range [...]string{"يون", "يين"} {
		stem, ok := strings.CutSuffix(w, suf)
		if !ok || utf8.RuneCountInString(stem) < 3 {
			continue
		}
		if _, ok := r.gaz.NisbaCountry(stem + "ي"); ok || nisbaAdjective(stem+"ي") {
			return true
		}
	}
	return false
}

// indefiniteNoun reports whether a one-word organisation or person
// mention (words, ending at byte end) is an indefinite common noun the
// tagger took for a name: "ضربات جوية على أوكار تابعة لتنظيم داعش"
// ("dens belonging to"). A name is definite, so the adjective after it
// takes the article (فاغنر التابعة لروسيا); an indefinite تابع/تابعة right
// after the word shows the word itself is indefinite. (An indefinite nisba
// after it was tried and refused: قناة روتانا خليجية, فريق غازنتاب بلدية are
// names in construct.) Second evidence for organisations: the same word
// with the article elsewhere in the article (تلك الأوكار, سنة وشيعة …
// الشيعة), which a one-word Arabic name rarely takes (حماس, داعش); not for
// a word in quotes or brackets, the way news gives a foreign acronym it
// also writes with the article ("يونيسيف" … اليونيسيف, «فيفا» … الفيفا),
// and not for persons (غسان سلامة … السلامة).
// Names already definite (الوفاق) and known places are never refused.
// Measured on 499 articles of ../shared/data/arabic-news (see
// docs/ENTITIES.md).
func (r *Resolver) indefiniteNoun(doc *docIndex, words []string, typ string, start, end int) bool {
	if len(words) != 1 || (typ != model.ORG && typ != model.PER) || strings.HasPrefix(words[0], "ال") ||
		utf8.RuneCountInString(words[0]) < 3 || len(r.gaz.lookupText(words[0])) > 0 {
		return false
	}
	if k := doc.at(end); k < len(doc.toks) {
		t := doc.toks[k]
		if t.Kind == arabic.KindArabic && strings.TrimSpace(doc.text[end:t.Start]) == "" {
			switch t.Norm {
			case "تابع", "تابعه", "تابعين", "تابعون", "تابعتين":
				return true
			}
		}
	}
	if typ != model.ORG || quotedAt(doc, start) {
		return false
	}
	return doc.hasForm("ال"+words[0]) || doc.hasForm("لل"+words[0]) || doc.hasForm("ولل"+words[0])
}

// futureVerb reports whether w (normalised) reads as سـ + an imperfect
// verb (سيرأس, ستعقد, سنواصل) rather than a word of its own: the part after
// س starts with an imperfect prefix and is at least 5 times in the news
// lexicon and twice as frequent as w (يرأس 8, سيرأس 4; ستون: تون 3).
func futureVerb(w string) bool {
	rest, ok := strings.CutPrefix(w, "س")
	if !ok || utf8.RuneCountInString(rest) < 3 {
		return false
	}
	switch r, _ := utf8.DecodeRuneInString(rest); r {
	case 'ي', 'ت', 'ن': // not ا: سأ folds to سا, the start of many names (ساكس, سانت, ساري)
	default:
		return false
	}
	f := arabic.WordFreq(rest)
	return f >= 5 && f >= 2*arabic.WordFreq(w)
}

// quotedAt reports whether the byte before start (spaces skipped) opens a
// quote or a bracket.
func quotedAt(doc *docIndex, start int) bool {
	before := strings.TrimRight(doc.text[:start], " ")
	if before == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune("\"'«“‘(»[", r)
}

// monthNames are the Gregorian month names and their Levantine (Syriac)
// equivalents, normalised; news writes both (أبريل (نيسان)), and the tagger
// reads نيسان as Nissan, شباط and آب as names.
var monthNames = map[string]bool{"يناير": true, "فبراير": true, "مارس": true, "ابريل": true, "مايو": true,
	"يونيو": true, "يوليو": true, "اغسطس": true, "سبتمبر": true, "اكتوبر": true, "نوفمبر": true, "ديسمبر": true,
	"كانون": true, "شباط": true, "اذار": true, "نيسان": true, "ايار": true, "حزيران": true, "تموز": true, "اب": true,
	"ايلول": true, "تشرين": true}

// isDateMonth reports whether a one-word name (words, spanning bytes s to
// e) is a month in a date: a month name with another month name, a number
// or الماضي/المقبل/الجاري within two tokens before or after it
// (أبريل (نيسان) الماضي, 12 نيسان 2015). A company named so (شركة «نيسان
// موتور») has other neighbours.
func isDateMonth(doc *docIndex, words []string, s, e int) bool {
	if len(words) != 1 || !monthNames[words[0]] {
		return false
	}
	dateWord := func(t arabic.Token) bool {
		return t.Kind == arabic.KindNumber || t.Kind == arabic.KindArabic && (monthNames[t.Norm] ||
			t.Norm == "الماضي" || t.Norm == "المقبل" || t.Norm == "الجاري" || t.Norm == "عام")
	}
	k := doc.at(s)
	for j, n := k-1, 0; j >= 0 && n < 2; j-- {
		if dateWord(doc.toks[j]) {
			return true
		}
		if doc.toks[j].IsWord() {
			n++
		}
	}
	for j, n := doc.at(e), 0; j < len(doc.toks) && n < 2; j++ {
		if dateWord(doc.toks[j]) {
			return true
		}
		if doc.toks[j].IsWord() {
			n++
		}
	}
	return false
}

// nisbaAdjective reports whether w is an indefinite nisba (ـي, ـية) that
// Arabic news writes more often with the article than without (دبلوماسي 11
// < الدبلوماسي 28): an adjective; names in ـي are more frequent bare.
// kindHeads are body nouns besides the lexicon's organisation heads that
// name a kind of body with an adjective (منظمة دولية، مجموعة مسلحة).
var kindHeads = map[string]bool{arabic.Normalize("منظمة"): true, arabic.Normalize("مجموعة"): true, arabic.Normalize("هيئة"): true,
	arabic.Normalize("جمعية"): true, arabic.Normalize("شركة"): true, arabic.Normalize("جهة"): true, arabic.Normalize("قوة"): true}

func nisbaAdjective(w string) bool {
	if strings.HasPrefix(w, "ال") || utf8.RuneCountInString(w) < 4 || !(strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "يه")) {
		return false
	}
	def := arabic.WordFreq("ال" + w)
	return def >= 10 && def > 2*arabic.WordFreq(w)
}

// prevDefinite returns the normalised word right before token t (only a
// space between) when it carries the article, or "".
func prevDefinite(doc *docIndex, t arabic.Token) string {
	k := doc.at(t.Start)
	if k == 0 || k > len(doc.toks) {
		return ""
	}
	p := doc.toks[k-1]
	if p.Kind != arabic.KindArabic || p.End > t.Start || strings.TrimSpace(doc.text[p.End:t.Start]) != "" || !strings.HasPrefix(p.Norm, "ال") {
		return ""
	}
	return p.Norm
}

// splitClitic decides whether the first word of a name carries a
// proclitic. A conjunction or preposition before the article (والسراج,
// بالجيش, للأمم) is split whenever three letters or more follow the article:
// inside a word the article cannot follow these letters. A proclitic before
// a bare word (لحفتر, وداعش, بسرت) is split only when the bare word is
// known: written elsewhere in the article's mentions, a title or head word
// of the lexicon, or (for places) in the gazetteer while the whole word is
// not.
func (r *Resolver) splitClitic(doc *docIndex, first, typ string, attested map[string]int) (cliticSplit, bool) {
	splits := cliticSplits(first)
	if typ == model.LOC && len(r.gaz.lookupKey(first)) > 0 {
		// a place written whole is split only at a conjunction before
		// another place the article names, or the news writes far more
		// often when the article does not name the whole's country: وجدة
		// is و + جدة (Jeddah) 28 times on arabic-news, not Oujda (جدة
		// 658, وجدة 58), unless the article names المغرب
		for _, s := range splits {
			if s.letters != 1 || s.article || !(strings.HasPrefix(first, "و") || strings.HasPrefix(first, "ف")) || len(r.gaz.lookupKey(s.word)) == 0 {
				continue
			}
			if attested[s.word] > 0 {
				return s, true
			}
			if arabic.WordFreq(s.word) > 2*arabic.WordFreq(first) {
				own := false
				for _, p := range r.gaz.lookupKey(first) {
					own = own || r.gaz.mentionsCountry(p.Country, doc.hasForm)
				}
				if !own {
					return s, true
				}
			}
		}
		return cliticSplit{}, false
	}
	// A known bare word first: لليبيا is ل + ليبيا, not ل + ال + يبيا.
	for _, s := range splits {
		if typ == model.LOC && s.letters == 1 && !s.article && (strings.HasPrefix(first, "ب") || strings.HasPrefix(first, "ل")) && r.wholePlace(first, s.word) {
			continue // لوزان is no ل + وزان, whatever else the article says
		}
		if attested[s.word] > 0 || attested[stripAl(s.word)] > 0 {
			return s, true
		}
		for _, c := range [...]string{classRank, classRole, classOrgHead, classMembers, classPlace, classFacility} {
			if r.lx.has(c, s.word) {
				return s, true
			}
		}
		if !s.article && (typ == model.LOC && r.wellKnownPlace(s.word) || r.isCountry(s.word)) {
			return s, true
		}
	}
	// The segmenter's corpus evidence (arabic.Segment: the bare stem is
	// common in Arabic news, لمجلس → ل + مجلس). Only proclitics matter here,
	// and for names only a stem more frequent than the whole word and one of
	// the prepositions or و: the segmenter is tuned for ordinary words and
	// would read بشار as ب + شار, بعلبك as ب + علبك, كابل as ك + ابل.
	if seg := arabic.Segment(first); seg.Prefix != "" && !seg.Future &&
		strings.TrimLeft(seg.Prefix, "وبل") == "" && arabic.WordFreq(seg.Stem) > arabic.WordFreq(first) {
		n := utf8.RuneCountInString(seg.Prefix)
		elided := strings.HasSuffix(seg.Prefix, "لل")
		if strings.HasSuffix(seg.Prefix, "ال") || elided {
			n -= 2
		}
		for _, s := range splits {
			if s.letters == n && s.elided == elided && (s.article || !strings.HasSuffix(seg.Prefix, "ال")) {
				return s, true
			}
		}
	}
	for _, s := range splits {
		if s.article && utf8.RuneCountInString(s.word) >= 5 && !corpusKeepsWhole(first, s.word) {
			return s, true
		}
	}
	return cliticSplit{}, false
}

// headWord reports whether token t is an organisation head without the
// article (construct state), possibly after a proclitic, and how many bytes
// of proclitic to skip.
func (r *Resolver) headWord(t arabic.Token) (int, bool) {
	if r.lx.has(classOrgHead, t.Norm) && !strings.HasPrefix(t.Norm, "ال") {
		return 0, true
	}
	for _, s := range cliticSplits(t.Norm) {
		if !s.article && r.lx.has(classOrgHead, s.word) && !strings.HasPrefix(s.word, "ال") {
			return skipLetters(t.Text, s.letters), true
		}
	}
	return 0, false
}

// corpusKeepsWhole reports whether Arabic news (the arabic package's word
// counts) writes the whole word but never the part left after a proclitic:
// باليرمو (7) is Palermo, اليرمو (0) no word; بالجيش splits, الجيش is
// everywhere.
func corpusKeepsWhole(whole, rest string) bool {
	return arabic.WordFreq(whole) >= 2 && arabic.WordFreq(rest) == 0
}

// wholePlace reports whether a place name whose first word begins with ب
// or ل keeps the letter: the gazetteer knows the whole word and not the
// rest, or it knows neither (or both) and Arabic news writes the whole word
// clearly more often than the rest (arabic.WordFreq: لوزان 26 : وزان 2,
// Lausanne). A person's name keeps it on a tie (بلاتيني); a place needs
// twice the rest and five uses, since a preposition before a place is
// common: بمقدونيا 3 : مقدونيا 3, لنيل 11 : نيل 10 (لنيل القاهرة) are cut, as
// is بغزة 1 : غزة 1,190.
func (r *Resolver) wholePlace(whole, rest string) bool {
	wg, rg := len(r.gaz.lookupText(whole)) > 0, len(r.gaz.lookupText(rest)) > 0
	switch {
	case wg && !rg:
		return true
	case rg && !wg:
		return false
	}
	f := arabic.WordFreq(whole)
	return f >= 5 && f >= 2*arabic.WordFreq(rest)
}

// wellKnownPlace reports whether the gazetteer knows k as a country, a
// Libyan place or a city of a million: evidence enough to read a proclitic
// off a place name (بسرت, لباريس), where a small foreign town would not be
// (بابل is not ب + ابل).
func (r *Resolver) wellKnownPlace(k string) bool {
	for _, p := range r.gaz.lookupText(k) {
		if p.Kind == KindCountry || p.Country == "LY" || p.Population >= 1000000 {
			return true
		}
	}
	return false
}

// allHeads reports whether every word is a head or descriptor of the
// lexicon (قصر, مدينة, قوات) rather than a name.
func (r *Resolver) allHeads(ws []arabic.Token) bool {
	for _, w := range ws {
		n := stripConj(w.Norm)
		if !r.lx.has(classFacility, n) && !r.lx.has(classPlace, n) && !r.lx.has(classOrgHead, n) &&
			!r.lx.has(classFacility, w.Norm) && !r.lx.has(classPlace, w.Norm) && !r.lx.has(classOrgHead, w.Norm) {
			return false
		}
	}
	return true
}

// bareHead reports whether t is an indefinite head word (of the lexicon or
// of the cue finder's facility, group and body heads): left alone after a
// cut, it is no name (قصر, منظمة).
func (r *Resolver) bareHead(t arabic.Token) bool {
	n := stripConj(t.Norm)
	return !strings.HasPrefix(n, "ال") && (r.allHeads([]arabic.Token{t}) || cueFacilities[n] || cueGroupHeads[n] || cueBodyHeads[n])
}

// trailingAccusative reports a word without the article that reads as
// the accusative alef of a frequent indefinite noun or adjective (رفضا,
// شقيقا, رئاسيا): its stem is clearly more frequent in the news than the
// word. Stricter than accusativeAlef, since here the word ends a name the
// tagger found: a foreign surname in ـا whose stem happens to be a word
// (ساندا: ساند, كاريكا) keeps its place, and so do names with the article
// (المهنا, جامع الفنا).
func trailingAccusative(w string) bool {
	stem, ok := strings.CutSuffix(w, "ا")
	if !ok || strings.HasPrefix(w, "ال") || utf8.RuneCountInString(stem) < 3 {
		return false
	}
	return arabic.WordFreq(stem)+arabic.WordFreq(stem+"ه") >= 2*arabic.WordFreq(w)+20
}

// nasabLink reports a word that a name follows (أبو عليا, بن باز, آل
// مكتوم, ذو الفقار).
func nasabLink(w string) bool {
	switch w {
	case "ابو", "ابي", "ابا", "ام", "ابن", "بن", "بنت", "ذو", "ذي", "ال":
		return true
	}
	return false
}

// allUnits reports whether every word is a currency (lexicon class unit).
func (r *Resolver) allUnits(ws []arabic.Token) bool {
	for _, t := range ws {
		if !r.lx.has(classUnit, t.Norm) && !r.lx.has(classUnit, stripConj(t.Norm)) {
			return false
		}
	}
	return true
}

// forcesOf reports whether w, the word after قوات or عناصر, is the head
// of a body or group in construct (مجلس, حزب, تنظيم, حكومة): indefinite,
// of the lexicon's body or orghead class, not another force word.
func (r *Resolver) forcesOf(w string) bool {
	return !strings.HasPrefix(w, "ال") && w != "قوات" && !r.lx.has(classMembers, w) &&
		(r.lx.has(classBody, w) || r.lx.has(classOrgHead, w))
}

// formulaAt returns the number of words of the religious formula
// (lexicon class formula) that ws starts with, or 0; the first word may
// carry a conjunction or a preposition (بحمد الله, وبإذن الله).
func (r *Resolver) formulaAt(ws []arabic.Token) int {
	if len(ws) == 0 {
		return 0
	}
	for _, p := range r.lx.phrases[classFormula] { // longest first
		if len(p) > len(ws) || ws[0].Norm != p[0] && !hasProclitic(ws[0].Norm, p[0]) {
			continue
		}
		ok := true
		for i := 1; i < len(p) && ok; i++ {
			ok = ws[i].Norm == p[i]
		}
		if ok {
			return len(p)
		}
	}
	return 0
}

// hasProclitic reports whether w is word with a conjunction or a
// preposition before it (بحمد, وبإذن).
func hasProclitic(w, word string) bool {
	for _, p := range [...]string{"و", "ف", "ب", "ل", "وب", "فب"} {
		if w == p+word {
			return true
		}
	}
	return false
}

// allSacred reports whether every word names God, a religion or a
// scripture (lexicon class sacred: الله, الإسلام, القرآن), with its
// proclitics (والله, بالله, لله, للإسلام), or is a word of a formula after
// one (الله عز, الله تعالى). ANERcorp tags them MISC, but
// they are no entity a reader of the news looks for, and the formulas of
// piety (حفظه الله, رحمه الله, صلى الله عليه وسلم) would make الله the
// most frequent entity of Arabic news.
func (r *Resolver) allSacred(words []string) bool {
	if len(words) == 0 {
		return false
	}
	sacred := false
	for _, w := range words {
		switch {
		case r.sacred(w):
			sacred = true
		case !r.formulaWord(w):
			return false
		}
	}
	return sacred
}

func tokenNorms(ws []arabic.Token) []string {
	out := make([]string, len(ws))
	for i, t := range ws {
		out[i] = t.Norm
	}
	return out
}

// formulaWord reports a word of a formula of piety (عز, وجل, تعالى): with
// God's name, the tagger's الله عز is no name either.
func (r *Resolver) formulaWord(w string) bool {
	for _, p := range r.lx.phrases[classFormula] {
		for _, x := range p {
			if w == x || hasProclitic(w, x) {
				return true
			}
		}
	}
	return false
}

func (r *Resolver) sacred(w string) bool {
	if r.lx.has(classSacred, w) {
		return true
	}
	for _, c := range [...]string{"و", "ف"} {
		if rest, ok := strings.CutPrefix(w, c); ok && utf8.RuneCountInString(rest) >= 3 {
			w = rest
			break
		}
	}
	if w == "لله" { // ل + الله: the alef and a lam are not written
		return true
	}
	if rest, ok := strings.CutPrefix(w, "لل"); ok {
		return r.lx.has(classSacred, "ال"+rest) // للإسلام → الإسلام
	}
	for _, p := range [...]string{"بال", "كال", "ال"} {
		if rest, ok := strings.CutPrefix(w, p); ok && r.lx.has(classSacred, "ال"+rest) {
			return true
		}
	}
	return false
}

// conjBeforeHamza reports whether a word as written is و + an alef with
// hamza (أ إ آ) + at least two more letters.
func conjBeforeHamza(text string) bool {
	rest, ok := strings.CutPrefix(text, "و")
	if !ok || utf8.RuneCountInString(rest) < 3 {
		return false
	}
	switch []rune(rest)[0] {
	case arabic.AlefHamzaAbove, arabic.AlefHamzaBelow, arabic.AlefMadda:
		return true
	}
	return false
}

// givenAli reports whether a word as written is the given name علي in a
// person's name: علي always (the preposition is written على), على only
// before بن or ابن (next, normalised; "" when unknown), as some papers
// write the name.
func givenAli(text, next string) bool {
	return text == "علي" || text == "على" && (next == "بن" || next == "ابن")
}

// tokensAfter returns up to n Arabic words that follow byte offset end,
// separated by spaces only.
func tokensAfter(doc *docIndex, end, n int) []arabic.Token {
	var out []arabic.Token
	for k := doc.at(end); k < len(doc.toks) && len(out) < n; k++ {
		t := doc.toks[k]
		if t.Kind != arabic.KindArabic || strings.TrimSpace(doc.text[end:t.Start]) != "" {
			break
		}
		out = append(out, t)
		end = t.End
	}
	return out
}

// wordsAfter returns the normalised forms of tokensAfter.
func wordsAfter(doc *docIndex, end, n int) []string {
	var out []string
	for _, t := range tokensAfter(doc, end, n) {
		out = append(out, t.Norm)
	}
	return out
}

// foldedNames are names that fold onto a function word (علي "Ali" and
// على, بان "Ban" and بأن, فان "van" and فإن), as written.
var foldedNames = map[string]bool{"علي": true, "بان": true, "فان": true}

func isLoneClitic(w string) bool {
	switch w {
	case "و", "ف", "ب", "ل", "ك", "ال", "لل", "وال", "بال":
		return true
	}
	return false
}

// stripTitles returns the index of the first word of the personal name in
// a person mention: after ranks, offices and the nisba adjectives and
// complements that follow an office (وزير الخارجية الإيطالي أنجيلينو ألفانو).
// When a rank occurs inside the mention the name starts after the last one
// (الناطق باسم الجيش الليبي اللواء أحمد المسماري).
func (r *Resolver) stripTitles(words []string) int {
	start := 0
	for i := 1; i < len(words)-1; i++ {
		if n := r.rankAt(words, i, true); n > 0 && i+n < len(words) {
			start = i + n
			i += n - 1
		}
	}
	i := start
	for i < len(words)-1 {
		// a nationality before the name (الجزائري عبد المالك سلال)
		if len(words)-i > 2 && isDefiniteNisba(words[i]) {
			if _, ok := r.gaz.NisbaCountry(words[i]); ok {
				i++
				continue
			}
		}
		if n := r.rankAt(words, i, false); n > 0 {
			i += n
			continue
		}
		if n := r.lx.match(classRole, words[i:]); n > 0 {
			i += n
			for i < len(words)-1 && isDefiniteNisba(words[i]) {
				i++
			}
			continue
		}
		break
	}
	if i >= len(words) {
		return len(words)
	}
	if len(words) == 1 && (r.lx.has(classRank, words[0]) || r.lx.has(classRole, words[0])) {
		return 1
	}
	return i
}

// countryAdjective reports whether a one-word place (words, from token t)
// is a country's name that is also its feminine nisba (السعودية) used as
// an adjective: right after a definite noun or adjective (الشركة الوطنية
// السعودية, الكوادر السعودية, بالسفارة السعودية), not after العربية (المملكة
// العربية السعودية) nor after a function word (إلى السعودية). On arabic-news
// 611 LOC mentions السعودية followed such a word.
func (r *Resolver) countryAdjective(doc *docIndex, words []string, t arabic.Token) bool {
	if len(words) != 1 || !isDefiniteNisba(words[0]) || !r.isCountry(words[0]) {
		return false
	}
	if _, ok := r.gaz.NisbaCountry(words[0]); !ok {
		return false
	}
	k := doc.at(t.Start)
	if k == 0 || k > len(doc.toks) {
		return false
	}
	w := definiteBefore(doc, k, t.Start)
	if w == "" || utf8.RuneCountInString(w) < 4 || arabic.IsStopword(w) || r.lx.has(classFunction, w) {
		return false
	}
	if w == "العربيه" {
		// العربية السعودية after a definite noun other than المملكة is the
		// name's pair of adjectives (الخطوط الجوية العربية السعودية, جمعية
		// الكشافة العربية السعودية, اللجنة الأولمبية العربية السعودية)
		if k < 2 {
			return false
		}
		v := definiteBefore(doc, k-1, doc.toks[k-1].Start)
		return v != "" && v != "المملكه" && utf8.RuneCountInString(v) >= 4 && !arabic.IsStopword(v) &&
			!r.lx.has(classFunction, v) && !r.isCountry(v) && len(r.gaz.lookupText(v)) == 0
	}
	return !r.isCountry(w) && len(r.gaz.lookupText(w)) == 0
}

// definiteBefore returns the normalised token k-1 of doc, without a
// conjunction or a preposition (الـ restored after لل), when it stands
// right before byte at with only a space between and carries the
// article; else "".
func definiteBefore(doc *docIndex, k, at int) string {
	p := doc.toks[k-1]
	if p.Kind != arabic.KindArabic || p.End > at || strings.TrimSpace(doc.text[p.End:at]) != "" {
		return ""
	}
	w := p.Norm
	for _, c := range [...]string{"و", "ف"} {
		if rest, ok := strings.CutPrefix(w, c); ok && (strings.HasPrefix(rest, "ال") || strings.HasPrefix(rest, "بال") || strings.HasPrefix(rest, "لل") || strings.HasPrefix(rest, "كال")) {
			w = rest
		}
	}
	switch {
	case strings.HasPrefix(w, "بال"), strings.HasPrefix(w, "كال"):
		w = w[len("ب"):]
	case strings.HasPrefix(w, "لل"):
		w = "ال" + w[len("لل"):]
	}
	if !strings.HasPrefix(w, "ال") {
		return ""
	}
	return w
}

// portfolioHead reports whether an organisation's words are a body or
// party head (وزارة, هيئة, الهيئة العامة, حزب) and a definite noun last
// that is no relative adjective (وزارة التجارة, not الاتحاد الأوروبي).
func (r *Resolver) portfolioHead(ws []arabic.Token) bool {
	first := stripAl(stripConj(ws[0].Norm))
	if !r.lx.has(classBody, first) && first != "حزب" {
		return false
	}
	last := ws[len(ws)-1].Norm
	if !strings.HasPrefix(last, "ال") && !strings.HasPrefix(last, "لل") || isDefiniteNisba(last) || r.sacred(last) {
		return false
	}
	return true
}

// roleRunsOn reports whether words (a name's words and those written after
// it) start with an office longer than the name's n words, the first word
// possibly after ل or ب (ل⟦ولي⟧ ولي العهد).
func (r *Resolver) roleRunsOn(words []string, n int) bool {
	if r.lx.match(classRole, words) > n {
		return true
	}
	for _, p := range [...]string{"ل", "ب", "ول", "وب"} {
		if rest, ok := strings.CutPrefix(words[0], p); ok && utf8.RuneCountInString(rest) >= 3 {
			w := append([]string{rest}, words[1:]...)
			if r.lx.match(classRole, w) > n {
				return true
			}
		}
	}
	return false
}

// rankAt returns the length of the rank that starts words[i], or 0. The
// indefinite form of a rank the lexicon lists only with the article is a
// given name, not the rank (سلطان of السلطان, أمير of الأمير), before a
// nasab link (الأمير سلطان بن سلمان, ناصر بن سلطان الشريف) and, when
// inner (searched inside the name, not reached by stripping the titles
// before it), unless another rank precedes it (اللواء ركن): on arabic-news
// 93 names had lost سلطان so (سلطان بن سلمان was بن سلمان, linked to محمد
// بن سلمان).
func (r *Resolver) rankAt(words []string, i int, inner bool) int {
	n := r.lx.match(classRank, words[i:])
	if n > 0 && i > 0 && words[i-1] == "عبد" {
		return 0 // عبد الملك, عبد الأمير: a compound name
	}
	if n != 1 || strings.HasPrefix(words[i], "ال") || r.lx.exact(classRank, words[i]) {
		return n
	}
	if i+1 < len(words) && fatherLink(words[i+1]) {
		return 0
	}
	if inner && i > 0 && r.lx.match(classRank, words[i-1:]) == 0 {
		return 0
	}
	return n
}

// stripPlaceDescriptors skips مدينة, العاصمة (and a nisba after it:
// العاصمة الليبية طرابلس) before a place name, unless the gazetteer names
// the place with the word and not without it (المدينة المنورة, المنطقة
// الشرقية).
func (r *Resolver) stripPlaceDescriptors(words []string) int {
	i := 0
	for i < len(words)-1 {
		n := r.lx.match(classPlace, words[i:])
		if n == 0 {
			break
		}
		if len(r.gaz.lookupText(strings.Join(words[i:], " "))) > 0 && len(r.gaz.lookupText(strings.Join(words[i+n:], " "))) == 0 {
			break // the word is part of the name: المدينة المنورة, المنطقة الشرقية
		}
		i += n
		for i < len(words)-1 && isDefiniteNisba(words[i]) {
			i++
		}
	}
	return i
}

// extendRank returns the start of a rank or honorific written right before
// a person mention (only spaces between), or start.
func (r *Resolver) extendRank(doc *docIndex, start int) int {
	for range 3 {
		i := doc.at(start)
		if i >= len(doc.toks) || doc.toks[i].Start != start {
			return start // the mention starts inside a word (after a clitic)
		}
		moved := false
		for k := 3; k >= 1; k-- {
			if i-k < 0 {
				continue
			}
			ws := doc.toks[i-k : i]
			ok := true
			words := make([]string, k)
			for j, t := range ws {
				if !t.IsWord() || strings.TrimSpace(doc.text[t.End:nextStart(doc, ws, j, start)]) != "" {
					ok = false
					break
				}
				words[j] = t.Norm
			}
			if ok && r.lx.match(classRank, words) == k {
				start = ws[0].Start
				// a conjunction on the rank stays outside (والملك → الملك)
				if w0 := strings.TrimPrefix(words[0], "و"); w0 != words[0] && r.lx.match(classRank, append([]string{w0}, words[1:]...)) == k {
					start += skipLetters(ws[0].Text, 1)
				}
				moved = true
				break
			}
		}
		if !moved {
			break
		}
	}
	return start
}

func nextStart(doc *docIndex, ws []arabic.Token, j, end int) int {
	if j+1 < len(ws) {
		return ws[j+1].Start
	}
	return end
}

// orgCore computes the words an organisation is compared by.
func (r *Resolver) orgCore(it *item) {
	core := it.words
	n := r.lx.match(classOrgHead, core)
	if n == 0 {
		n = r.lx.match(classMembers, core)
	}
	if n > 0 && n < len(core) {
		rest := core[n:]
		allNisba := true
		for _, w := range rest {
			if !isDefiniteNisba(w) {
				allNisba = false
			}
		}
		if !allNisba {
			core = rest
			it.headed = true
		}
	}
	if len(core) > 1 {
		if cc, ok := r.gaz.NisbaCountry(core[len(core)-1]); ok && isDefiniteNisba(core[len(core)-1]) {
			it.nisbaCC = cc
			core = core[:len(core)-1]
		}
	}
	it.core = core
}
