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

// DiscourseOptions controls discourse propagation.
type DiscourseOptions struct {
	// Surnames: a person's last name (خليفة حفتر → حفتر) is propagated too.
	Surnames bool
	// MaxWordFreq is the highest corpus frequency (arabic.WordFreq) of a
	// one-word name that is propagated: frequent words the tagger took for a
	// name once (الحكومة) are not spread over the article.
	MaxWordFreq int
	// MaxSurnameFreq is the same for a surname alone. A one-word name that
	// is also a common word (سلامة "safety", مالي "financial"), more
	// frequent than 50, is not propagated before a definite noun (سلامة
	// المواطنين, مالي الجنسية).
	MaxSurnameFreq int
}

// DefaultDiscourseOptions propagates names and surnames. The limits were
// set by reading the propagated mentions on the Libya news sample
// (../shared/data/arabic-news/libya_articles.jsonl).
func DefaultDiscourseOptions() DiscourseOptions {
	return DiscourseOptions{Surnames: true, MaxWordFreq: 1000, MaxSurnameFreq: 150}
}

// Discourse is an optional pipeline stage applying "one sense per
// discourse" (Gale, Church & Yarowsky 1992; used for NER by Krishnan &
// Manning 2006): once a name is found in an article, its other occurrences
// in the same article are mentions of it, with proclitics (و ب ل ف ك)
// attached, on word boundaries, never overlapping the mentions already
// there. A name whose occurrences were given two types, or a surname shared
// by two people, is left alone. Run it after the finders, before the
// Resolver. It is immutable and safe for concurrent use.
type Discourse struct {
	opt DiscourseOptions
	lx  *lexicon
}

// NewDiscourse returns a Discourse stage using the embedded lexicon.
func NewDiscourse(opt DiscourseOptions) (*Discourse, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	return &Discourse{opt: opt, lx: lx}, nil
}

// Name implements pipeline.Stage.
func (d *Discourse) Name() string { return "discourse" }

// Process implements pipeline.Stage.
func (d *Discourse) Process(ctx context.Context, a *model.Analysis) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("entity: discourse: %w", err)
	}
	a.Mentions = d.Find(a.Doc.Text, a.Mentions)
	return nil
}

// discForm is a name to propagate: its words and type ("" when the article
// gives it two), and whether it is only a surname.
type discForm struct {
	words   []string
	typ     string
	surname bool
	owner   string // for a surname: the full name it was taken from
}

// Find returns have plus the other occurrences of their names, sorted by
// offset.
func (d *Discourse) Find(text string, have []model.Mention) []model.Mention {
	forms := map[string]*discForm{}     // joined words → form
	byFirst := map[string][]*discForm{} // first word → forms
	put := func(ws []string, typ string, surname bool, owner string) {
		k := strings.Join(ws, " ")
		if f, ok := forms[k]; ok {
			switch {
			case f.typ != typ:
				f.typ = "" // two types in one article
			case surname && f.surname && f.owner != owner:
				f.typ = "" // two people with this surname
			case !surname:
				f.surname, f.owner = false, ""
			}
			return
		}
		f := &discForm{words: ws, typ: typ, surname: surname, owner: owner}
		forms[k] = f
		byFirst[ws[0]] = append(byFirst[ws[0]], f)
	}
	for _, m := range have {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			continue
		}
		if m.Type != model.PER && m.Type != model.ORG && m.Type != model.LOC {
			continue
		}
		ws := d.nameWords(text[m.Start:m.End])
		if len(ws) == 0 {
			continue
		}
		if len(ws) > 1 || d.wordOK(ws[0], d.opt.MaxWordFreq) && !(isDefiniteNisba(ws[0]) && arabic.WordFreq(ws[0]) > 50) {
			// a frequent nisba (العربي) the tagger once took for a name is an adjective elsewhere
			put(ws, m.Type, false, "")
		}
		if d.opt.Surnames && m.Type == model.PER && len(ws) >= 2 {
			sur := ws[len(ws)-1:]
			if len(ws) >= 3 && nameParticles[ws[len(ws)-2]] {
				sur = ws[len(ws)-2:] // عبد الله, بن علي
			} else if nameParticles[ws[len(ws)-2]] {
				sur = nil // the whole name is a compound (عبد الرحمن)
			}
			if len(sur) == 1 && (!d.wordOK(sur[0], d.opt.MaxSurnameFreq) || isDefiniteNisba(sur[0])) {
				sur = nil // الليبي is a nationality, not a surname
			}
			if sur != nil {
				put(sur, model.PER, true, strings.Join(ws, " "))
			}
		}
	}
	if len(forms) == 0 {
		return have
	}
	for _, fs := range byFirst {
		sort.SliceStable(fs, func(i, j int) bool { return len(fs[i].words) > len(fs[j].words) })
	}
	toks := arabic.Tokenize(text)
	taken := markTaken(toks, text, have)
	out := append([]model.Mention(nil), have...)
	added := false
	for i := 0; i < len(toks); i++ {
		if taken[i] || toks[i].Kind != arabic.KindArabic {
			continue
		}
		first := []cliticSplit{{word: toks[i].Norm}}
		for _, sp := range cliticSplits(toks[i].Norm) {
			if sp.elided {
				continue // للسراج: the span cannot show السراج
			}
			// the proclitic reading must beat the whole word (فعلي is a word)
			if arabic.WordFreq(toks[i].Norm) > arabic.WordFreq(sp.word) && arabic.WordFreq(toks[i].Norm) >= 5 {
				continue
			}
			first = append(first, sp)
		}
	next:
		for _, sp := range first {
			for _, f := range byFirst[sp.word] {
				n := len(f.words)
				if f.typ == "" || i+n > len(toks) {
					continue
				}
				for k := 1; k < n; k++ {
					if taken[i+k] || !adjacent(toks, i+k) || toks[i+k].Norm != f.words[k] {
						continue next
					}
				}
				if n == 1 && arabic.WordFreq(f.words[0]) > 50 && i+n < len(toks) && adjacent(toks, i+n) &&
					strings.HasPrefix(toks[i+n].Norm, "ال") && !arabic.IsStopword(toks[i+n].Norm) {
					continue // سلامة المواطنين, مالي الجنسية: a common word in construct
				}
				out = appendSpan(out, taken, toks, text, i, n, sp.letters, f.typ)
				added = true
				i += n - 1
				break next
			}
		}
	}
	if added {
		sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	}
	return extendCut(text, toks, out, byFirst)
}

// maxExtendFreq is the corpus frequency (arabic.WordFreq) above which a word
// is too common to be added to a cut name by extendCut.
const maxExtendFreq = 100

// extendCut gives the whole of a name of two words or more to an
// occurrence where a mention holds only part of it: the article writes
// «بوكو حرام» as one name and the tagger, in another sentence, took حرام
// alone («وتشن جماعة بوكو حرام تمردا»). The part must be of the name's
// type, lie inside the occurrence, and no other mention may overlap it.
func extendCut(text string, toks []arabic.Token, out []model.Mention, byFirst map[string][]*discForm) []model.Mention {
	out = sortedByStart(out)
	var (
		removed map[int]bool
		added   []model.Mention
		p       int // out[:p] end before the current token
	)
	for i := 0; i < len(toks); i++ {
		for p < len(out) && out[p].End <= toks[i].Start {
			p++
		}
		if toks[i].Kind != arabic.KindArabic {
			continue
		}
		first := append([]cliticSplit{{word: toks[i].Norm}}, cliticSplits(toks[i].Norm)...)
	next:
		for _, sp := range first {
			for _, f := range byFirst[sp.word] {
				n := len(f.words)
				if n < 2 || f.typ == "" || i+n > len(toks) || sp.elided {
					continue
				}
				for k := 1; k < n; k++ {
					if !adjacent(toks, i+k) || toks[i+k].Norm != f.words[k] {
						continue next
					}
				}
				start := toks[i].Start + skipLetters(toks[i].Text, sp.letters)
				end := toks[i+n-1].End
				var inside []int
				for k := p; k < len(out) && out[k].Start < end; k++ {
					m := out[k]
					if m.End <= start {
						continue
					}
					if m.Start < start || m.End > end || m.Type != f.typ {
						break next // another name crosses the occurrence
					}
					if m.Start == start && m.End == end {
						break next // already whole
					}
					inside = append(inside, k)
				}
				if len(inside) == 0 {
					continue // an occurrence no mention touches is Find's
				}
				// the words the part lacks must be a name's: rare in the
				// news, no conjunction glued on ("شوداري ورحمان"), not a
				// head or common word ("قوات صالح", "السويس السفينة")
				for k := 0; k < n; k++ {
					t := toks[i+k]
					covered := false
					for _, mi := range inside {
						if out[mi].Start <= t.Start && t.End <= out[mi].End {
							covered = true
						}
					}
					w := f.words[k]
					if !covered && (arabic.WordFreq(w) > maxExtendFreq || k > 0 && strings.HasPrefix(w, "و") && arabic.WordFreq(w[len("و"):]) > arabic.WordFreq(w)) {
						continue next
					}
				}
				if removed == nil {
					removed = map[int]bool{}
				}
				for _, k := range inside {
					removed[k] = true
				}
				added = append(added, model.Mention{Text: text[start:end], Start: start, End: end, Type: f.typ})
				i += n - 1
				break next
			}
		}
	}
	return replaceMentions(out, removed, added)
}

// nameWords returns the normalised words of a mention without leading
// titles (المشير, وزير الخارجية) and with a proclitic before the article
// dropped (والسراج → السراج).
func (d *Discourse) nameWords(s string) []string {
	ws := normWords(s)
	for len(ws) > 0 {
		n := max(d.lx.match(classRank, ws), d.lx.match(classRole, ws))
		if n == 0 || n >= len(ws) {
			break
		}
		ws = ws[n:]
	}
	if len(ws) == 0 {
		return nil
	}
	for _, sp := range cliticSplits(ws[0]) {
		if sp.article {
			ws = append([]string{sp.word}, ws[1:]...)
			break
		}
	}
	for _, w := range ws {
		if !arabicWord(w) {
			return nil
		}
	}
	return ws
}

// wordOK reports whether a one-word name may be propagated: three letters
// or more, not a function or lexicon word, at most maxFreq in the corpus.
func (d *Discourse) wordOK(w string, maxFreq int) bool {
	if utf8.RuneCountInString(w) < 3 || arabic.IsStopword(w) || arabic.WordFreq(w) > maxFreq {
		return false
	}
	for _, c := range [...]string{classRank, classRole, classPlace, classFacility, classOrgHead, classMembers, classFunction} {
		if d.lx.has(c, w) {
			return false
		}
	}
	return true
}

// arabicWord reports whether w is made of Arabic letters only.
func arabicWord(w string) bool {
	for _, r := range w {
		if !arabic.IsArabicLetter(r) {
			return false
		}
	}
	return w != ""
}
