package ner

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// Mentions tags text sentence by sentence and returns the names found, with
// byte offsets into text. A mention never includes surrounding punctuation
// or quotes («الوفاق» → الوفاق), nor a proclitic attached to its first word
// (لحفتر → حفتر, والجيش الوطني → الجيش الوطني; see procliticBytes).
func (t *Tagger) Mentions(text string) []model.Mention {
	ss := arabic.Sentences(text)
	spans := make([]model.Sentence, len(ss))
	for i, s := range ss {
		spans[i] = model.Sentence{Start: s.Start, End: s.End}
	}
	return t.appendMentions(nil, text, spans)
}

// appendMentions tags the sentences (byte spans of text) of one document.
func (t *Tagger) appendMentions(dst []model.Mention, text string, sents []model.Sentence) []model.Mention {
	toks := make([][]arabic.Token, 0, len(sents))
	texts := make([][]string, 0, len(sents))
	norms := make([][]string, 0, len(sents))
	bases := make([]int, 0, len(sents))
	for _, sp := range sents {
		ts := arabic.Tokenize(text[sp.Start:sp.End])
		if len(ts) == 0 {
			continue
		}
		tx, nm := make([]string, len(ts)), make([]string, len(ts))
		for i, tok := range ts {
			tx[i], nm[i] = tok.Text, tok.Norm
		}
		toks, texts, norms, bases = append(toks, ts), append(texts, tx), append(norms, nm), append(bases, sp.Start)
	}
	all := t.tagDoc(texts, norms, nil)
	forms := t.lx.shortForms(toks)
	for k, tags := range all {
		t.lx.trimNames(toks[k], tags)
		t.lx.addOrgPhrases(toks[k], tags)
		t.lx.addShortForms(toks[k], tags, forms)
		t.lx.dropPlaceNouns(toks[k], tags)
	}
	t.lx.surnamesAsPersons(toks, all)
	for k, tags := range all {
		for i := 0; i < len(tags); {
			if tags[i] == tagO {
				i++
				continue
			}
			// an entity: a B-X (or a stray I-X) and the I-X that follow
			typ, j := entityAt(tags, i)
			if m, ok := t.mention(text, bases[k], toks[k][i:j], typ); ok {
				dst = append(dst, m)
			}
			i = j
		}
	}
	return dst
}

// mention builds the mention of toks (offsets relative to base), trimming
// punctuation at either end and a proclitic on the first word.
func (t *Tagger) mention(text string, base int, toks []arabic.Token, typ int) (model.Mention, bool) {
	for len(toks) > 0 && toks[0].Kind == arabic.KindPunct {
		toks = toks[1:]
	}
	for len(toks) > 0 && toks[len(toks)-1].Kind == arabic.KindPunct {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return model.Mention{}, false
	}
	start := base + toks[0].Start + t.lx.procliticBytes(toks[0])
	end := base + toks[len(toks)-1].End
	// a function word alone is no name: "له" left of "ولله" once the
	// proclitics are cut
	if len(toks) == 1 && arabic.IsStopword(arabic.Normalize(text[start:end])) {
		return model.Mention{}, false
	}
	return model.Mention{Text: text[start:end], Start: start, End: end, Type: entityTypes[typ]}, true
}

// procliticBytes returns how many bytes at the start of tok's original text
// are a proclitic that is not part of the name: the conjunctions و ف, the
// prepositions ب ل ك, or a pair of them (وب، ول، فب …).
//
// A first و ف ب ل ك may be the name's own letter (وليد, بغداد, لبنان,
// كندا, فرنسا, براك), so the split is arabic.Segment's, which accepts a
// clitic only when the news lexicon attests the stem clearly (لحفتر → حفتر,
// بسرت → سرت, والجيش → الجيش); a word that is a gazetteer name as it
// stands is kept whole (براك, باليرمو), and a rest that is one is cut to
// although news rarely names it (وغات → غات, ومرزق → مرزق). The article
// stays in the mention. ل + ال is written لل with the alef dropped, so
// للأمم cannot be cut to a substring that reads الأمم; it is kept whole.
func (lx *Lexicon) procliticBytes(tok arabic.Token) int {
	if tok.Kind != arabic.KindArabic {
		return 0
	}
	w := tok.Norm
	if lx.gazWords[w] != 0 {
		return 0
	}
	if n := procliticLetters(arabic.Segment(w).Prefix); n > 0 {
		return letterBytes(tok.Text, n)
	}
	for _, p := range [...]string{"وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"} {
		if rest, ok := strings.CutPrefix(w, p); ok && runeLen(rest) >= 2 && lx.gazWords[rest] != 0 {
			return letterBytes(tok.Text, runeLen(p))
		}
	}
	return 0
}

// procliticLetters returns how many letters of a segmentation prefix are
// conjunctions and prepositions to cut: all of them before the article
// (وال → و, بال → ب) but none of لل, whose ل and ال share a letter.
func procliticLetters(prefix string) int {
	switch {
	case strings.HasSuffix(prefix, lamLam):
		prefix = strings.TrimSuffix(prefix, lamLam)
		if strings.HasSuffix(prefix, prepLam) || strings.HasSuffix(prefix, prepBa) || strings.HasSuffix(prefix, prepKaf) {
			return 0 // not a written form
		}
	case strings.HasSuffix(prefix, article):
		prefix = strings.TrimSuffix(prefix, article)
	}
	n := 0
	for _, r := range prefix {
		switch string(r) {
		case conjWaw, conjFa, prepBa, prepLam, prepKaf:
			n++
		default:
			return 0 // the future marker س: a verb, not a name
		}
	}
	return n
}

// letterBytes returns the byte length of the first n letters of s, with the
// marks (diacritics, tatweel) that follow each letter.
func letterBytes(s string, n int) int {
	i := 0
	for i < len(s) && n > 0 {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
		for i < len(s) {
			r2, sz2 := utf8.DecodeRuneInString(s[i:])
			if !arabic.IsDiacritic(r2) && r2 != arabic.Tatweel && !arabic.IsFormatMark(r2) {
				break
			}
			i += sz2
		}
		n--
	}
	return i
}

// Stage is the pipeline stage that fills model.Analysis.Mentions, tagging
// each of a.Sentences in turn. It is safe for concurrent use.
type Stage struct {
	t *Tagger
}

// NewStage returns a pipeline stage tagging with t.
func NewStage(t *Tagger) *Stage { return &Stage{t: t} }

// Name implements pipeline.Stage.
func (*Stage) Name() string { return "ner" }

// Process appends the mentions of every sentence of a to a.Mentions.
func (s *Stage) Process(ctx context.Context, a *model.Analysis) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("ner: %w", err)
	}
	text := a.Doc.Text
	for _, sent := range a.Sentences {
		if sent.Start < 0 || sent.End > len(text) || sent.Start > sent.End {
			return fmt.Errorf("ner: sentence [%d,%d) outside the text (%d bytes)", sent.Start, sent.End, len(text))
		}
	}
	a.Mentions = s.t.appendMentions(a.Mentions, text, a.Sentences)
	return nil
}
