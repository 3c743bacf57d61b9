package event

import (
	"sort"
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// One name, one entity per document: a news article names a party in full
// once and then by a shorter form ("المشير خليفة حفتر" … "أن حفتر أمر"),
// and a tagger that found the form in one sentence may miss it in another
// (measured on the seeds: a third of the actor misses were such untagged
// repeats). aliasIndex holds the person and organisation forms the tagger
// found in the document, so that their untagged repeats become mentions.
type aliasIndex map[string][]aliasForm // first word's normal form → forms

type aliasForm struct {
	norms     []string // normalised words of the form
	name, typ string
	// surname: the last word of a person's full name, never seen alone;
	// it matches only a bare word or one after و ("لصالح" is not عقيلة صالح)
	surname bool
}

func buildAliases(text string, dms []docMention) aliasIndex {
	idx := aliasIndex{}
	seen := map[string]bool{}
	for _, m := range dms {
		if m.Type != model.PER && m.Type != model.ORG || m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			continue
		}
		var norms []string
		for _, t := range arabic.Tokenize(text[m.Start:m.End]) {
			if t.IsWord() {
				norms = append(norms, t.Norm)
			}
		}
		// a one-word form must be long enough not to be a common word
		if len(norms) == 0 || len(norms) == 1 && runeLen(norms[0]) < 4 {
			continue
		}
		add := func(f aliasForm) {
			key := f.name + "\x00" + strings.Join(f.norms, " ")
			if !seen[key] {
				seen[key] = true
				idx[f.norms[0]] = append(idx[f.norms[0]], f)
			}
		}
		add(aliasForm{norms: norms, name: m.Name, typ: m.Type})
		// a person named in full is then called by the family name: "رجب طيب
		// أردوغان" … "أردوغان" (Arabic news style; honorifics and first
		// names are not used alone); not a nisba with the article ("المسماري"
		// is kept: it is as distinctive as any surname)
		// an organisation is then named without its country's nisba:
		// "الجيش الوطني الليبي" … "الجيش الوطني", "القوات الخاصة الليبية"
		// … "القوات الخاصة"
		if m.Type == model.ORG && len(norms) >= 3 && nisbaAdjective(norms[len(norms)-1]) {
			add(aliasForm{norms: norms[:len(norms)-1], name: m.Name, typ: m.Type})
		}
		if sn := norms[len(norms)-1]; m.Type == model.PER && len(norms) >= 2 && runeLen(sn) >= 4 {
			add(aliasForm{norms: []string{sn}, name: m.Name, typ: m.Type, surname: true})
		}
	}
	return idx
}

// propagate returns the sentence's docMentions extended by the untagged
// repeats of the document's forms, or nil when there are none.
func (idx aliasIndex) propagate(words []word, dms []docMention) []docMention {
	if len(idx) == 0 || len(words) == 0 {
		return nil
	}
	s, e := words[0].Start, words[len(words)-1].End
	var local []docMention
	for _, m := range dms {
		if m.Start >= s && m.End <= e {
			local = append(local, m)
		}
	}
	var extra []docMention
	for i := 0; i < len(words); i++ {
		w := words[i]
		if w.number {
			continue
		}
		var hit *aliasForm
		for _, r := range w.readings {
			for k, f := range idx[r] {
				if i+len(f.norms) > len(words) || hit != nil && len(hit.norms) >= len(f.norms) {
					continue
				}
				if f.surname && r != w.Norm && "و"+r != w.Norm {
					continue
				}
				ok := true
				for j := 1; j < len(f.norms); j++ {
					if words[i+j].Norm != f.norms[j] {
						ok = false
						break
					}
				}
				if ok {
					hit = &idx[r][k]
				}
			}
		}
		if hit == nil {
			continue
		}
		last := words[i+len(hit.norms)-1]
		if overlapsAny(local, w.Start, last.End) {
			continue
		}
		start := w.Start
		// after a clitic: the name starts inside the word ("وحفتر")
		if p := len(w.Norm) - len(hit.norms[0]); p > 0 && len(w.Text) == len(w.Norm) && strings.HasSuffix(w.Norm, hit.norms[0]) {
			start += p
		}
		extra = append(extra, docMention{Start: start, End: last.End, Name: hit.name, Type: hit.typ})
		i += len(hit.norms) - 1
	}
	if len(extra) == 0 {
		return nil
	}
	local = append(local, extra...)
	sort.SliceStable(local, func(i, j int) bool { return local[i].Start < local[j].Start })
	return local
}

// overlapsAny reports whether the byte span [a, b) overlaps one of ms.
func overlapsAny(ms []docMention, a, b int) bool {
	for _, m := range ms {
		if m.Start < b && a < m.End {
			return true
		}
	}
	return false
}
