package ner

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// Mentions tags text sentence by sentence and returns the names found, with
// byte offsets into text. A mention never includes surrounding punctuation
// or quotes («الوفاق» → الوفاق), nor a proclitic attached to its first word
// (لحفتر → حفتر, والجيش الوطني → الجيش الوطني; see trimProclitic).
func (t *Tagger) Mentions(text string) []model.Mention {
	var out []model.Mention
	for _, s := range arabic.Sentences(text) {
		out = t.appendMentions(out, text, s.Start, s.End)
	}
	return out
}

// appendMentions tags text[start:end] as one sentence.
func (t *Tagger) appendMentions(dst []model.Mention, text string, start, end int) []model.Mention {
	toks := arabic.Tokenize(text[start:end])
	if len(toks) == 0 {
		return dst
	}
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	s.text, s.norm = s.text[:0], s.norm[:0]
	for _, tok := range toks {
		s.text = append(s.text, tok.Text)
		s.norm = append(s.norm, tok.Norm)
	}
	tags := t.tag(s)
	for i := 0; i < len(tags); {
		if tags[i] == tagO {
			i++
			continue
		}
		// an entity: a B-X (or a stray I-X) and the I-X that follow
		typ := typeOf(tags[i])
		j := i + 1
		for j < len(tags) && isInside(tags[j]) && typeOf(tags[j]) == typ {
			j++
		}
		if m, ok := t.mention(text, start, toks[i:j], typ); ok {
			dst = append(dst, m)
		}
		i = j
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
	return model.Mention{Text: text[start:end], Start: start, End: end, Type: entityTypes[typ]}, true
}

// procliticBytes returns how many bytes at the start of tok's original text
// are a proclitic that is not part of the name: the conjunctions و ف, the
// prepositions ب ل ك, or a pair of them (وب، ول، فب …).
//
// Before the article it is certain: وال/فال/بال/كال are clitic + ال, so
// والجيش → الجيش. (ل + ال is written لل with the alef dropped, so للأمم
// cannot be cut to a substring that reads الأمم; it is kept whole.)
// Elsewhere a first و ب ل ك ف may be the name's own letter (وليد, بغداد,
// لبنان, كندا, فرنسا), so the letter is cut only when the rest is the better
// attested word: a gazetteer name, or a more frequent word in the
// unlabelled news than the whole (لحفتر → حفتر, بسرت → سرت).
func (lx *Lexicon) procliticBytes(tok arabic.Token) int {
	if tok.Kind != arabic.KindArabic {
		return 0
	}
	w := tok.Norm
	best := 0 // letters to cut
	for _, p := range [...]string{"وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"} {
		rest, ok := strings.CutPrefix(w, p)
		if !ok || runeLen(rest) < 2 {
			continue
		}
		n := runeLen(p)
		if strings.HasPrefix(rest, article) && runeLen(rest) >= 4 {
			best = n
			break
		}
		if strings.HasPrefix(rest, prepLam) && strings.HasSuffix(p, prepLam) {
			continue // ل + لل…: leave
		}
		if lx.betterAttested(rest, w) {
			best = n
			break
		}
	}
	if best == 0 {
		return 0
	}
	return letterBytes(tok.Text, best)
}

// betterAttested reports whether rest is more likely a word of its own than
// whole.
func (lx *Lexicon) betterAttested(rest, whole string) bool {
	fr, okR := lx.clusters[rest]
	fw, okW := lx.clusters[whole]
	if okR && (!okW || fr.freq > fw.freq) {
		return true
	}
	if b := lx.gaz[gazStep(gazSeed, rest)]; b&^gazPrefix != 0 && !okW {
		if bw := lx.gaz[gazStep(gazSeed, whole)]; bw&^gazPrefix == 0 {
			return true
		}
	}
	return false
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
	text := a.Doc.Text
	for i, sent := range a.Sentences {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if sent.Start < 0 || sent.End > len(text) || sent.Start > sent.End {
			continue
		}
		a.Mentions = s.t.appendMentions(a.Mentions, text, sent.Start, sent.End)
	}
	return nil
}
