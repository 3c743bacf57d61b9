// Package event finds PLOVER events in analysed Arabic news: who did what to
// whom, where and when. A trigger lexicon (data/triggers.tsv) proposes events
// for all 16 PLOVER types with their modes; a learned detector confirms the
// types where a trigger word alone does not tell an event report from a
// mention (ASSAULT, PROTEST); arguments come from the resolved entities,
// dates from the publication date, counts and modality from the sentence.
package event

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/entity"
	"github.com/marsad-project/marsad/internal/model"
)

// Options controls extraction.
type Options struct {
	// Lexicon of triggers; nil: DefaultLexicon.
	Lexicon *Lexicon
	// Detector for the gated types; nil: DefaultDetector.
	Detector *Detector
	// Gated lists the types that need the detector's confirmation.
	Gated []string
	// Merge joins repeated reports of one event in a document (same type and
	// actor, no conflicting place or date) and drops argument-less repeats.
	Merge bool
	// Overt lists the gated types an event of which passes without the
	// detector when the sentence states it fully: a finite past verb (not a
	// noun), asserted, with a named actor and a named target or place
	// ("شن سلاح الجو الليبي ضربات جوية على … في مدينة أوباري"). The
	// detector was trained on 2006–2008 wire sentences and is unsure of
	// such reports elsewhere. 5-fold cross-validation on arabic_event_gsr
	// (traindetect -overt): PROTEST F1 0.35 -> 0.43, ASSAULT 0.71 -> 0.67
	// (that set's ASSAULT negatives include fully stated attacks); the
	// detector also sees it as the feature overt:TYPE.
	Overt []string
	// Stated lists the gated types an event of which passes without the
	// detector when a light verb in the past launches the attack noun
	// ("شن سلاح الجو الليبي ضربات جوية على أوكار داعش في مدينة أوباري",
	// "نفذت القوات الأمريكية 6 غارات"), asserted, with a named actor and a
	// named target or place: narrower than Overt, which for ASSAULT let in
	// the fully stated attacks that arabic_event_gsr marks as background.
	// The detector, trained on 2006–2008 wire sentences, rejected such
	// reports in 2015–2021 Libya news (docs/BENCHMARKS.md, events).
	Stated []string
	// RequireArgument drops events of non-gated types that have neither
	// actor, recipients, location nor counts.
	RequireArgument bool
}

// DefaultOptions returns the settings `marsad extract` uses.
func DefaultOptions() Options {
	return Options{Gated: []string{"ASSAULT", "PROTEST"}, Overt: []string{"PROTEST"}, Stated: []string{"ASSAULT"}, Merge: true, RequireArgument: true}
}

// Extractor is the events stage of the pipeline. It is immutable and safe
// for concurrent use.
type Extractor struct {
	opt   Options
	lex   *Lexicon
	det   *Detector
	gated map[string]bool
	overt map[string]bool   // Options.Overt
	gaz   *entity.Gazetteer // capitals and countries (governments)
	state map[string]bool   // Options.Stated
	cache *readingCache
}

// New returns an Extractor with opt.
func New(opt Options) (*Extractor, error) {
	x := &Extractor{opt: opt, lex: opt.Lexicon, det: opt.Detector, gated: map[string]bool{}, overt: map[string]bool{}, state: map[string]bool{}, cache: &readingCache{}}
	var err error
	if x.lex == nil {
		if x.lex, err = DefaultLexicon(); err != nil {
			return nil, err
		}
	}
	if x.det == nil {
		if x.det, err = DefaultDetector(); err != nil {
			return nil, err
		}
	}
	if x.gaz, err = entity.LoadGazetteer(); err != nil {
		return nil, fmt.Errorf("event: %w", err)
	}
	for _, t := range opt.Gated {
		if !IsType(t) {
			return nil, fmt.Errorf("event: gated type %q is not a PLOVER type", t)
		}
		if x.det.Model(t) != nil {
			x.gated[t] = true
		}
	}
	for _, t := range opt.Overt {
		x.overt[t] = true
	}
	for _, t := range opt.Stated {
		x.state[t] = true
	}
	return x, nil
}

// Name implements pipeline.Stage.
func (x *Extractor) Name() string { return "events" }

// Process fills a.Events from a.Sentences and a.Entities (or, before entity
// resolution, the raw a.Mentions).
func (x *Extractor) Process(ctx context.Context, a *model.Analysis) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("event: %w", err)
	}
	a.Events = x.Extract(a)
	return nil
}

// docMention is one mention with the canonical name of its entity.
type docMention struct {
	Start, End int
	Name, Type string
	Geo        *model.Geo
}

func docMentions(a *model.Analysis) []docMention {
	var out []docMention
	if len(a.Entities) > 0 {
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				out = append(out, docMention{Start: m.Start, End: m.End, Name: e.Name, Type: e.Type, Geo: e.Geo})
			}
		}
	} else {
		for _, m := range a.Mentions {
			out = append(out, docMention{Start: m.Start, End: m.End, Name: m.Text, Type: m.Type})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	// drop nested mentions: keep the longest at each place
	k := 0
	end := -1
	for _, m := range out {
		if m.Start < end {
			continue
		}
		out[k] = m
		k++
		end = m.End
	}
	return out[:k]
}

// Extract returns the events of an analysis.
func (x *Extractor) Extract(a *model.Analysis) []model.Event {
	text := a.Doc.Text
	pub := a.Doc.Published
	dms := docMentions(a)
	aliases := buildAliases(text, dms)
	govs := newGovernments(x.gaz, dms)
	forces := newStates(x.gaz, dms)
	heads := newHeadAnaphora(text, dms)
	var evs []model.Event
	sents := a.Sentences
	if len(sents) == 0 && text != "" {
		sents = []model.Sentence{{Start: 0, End: len(text)}}
	}
	// A fully stated attack the detector doubts (see corroborable) passes
	// when the detector or a stated trigger confirmed an attack elsewhere in
	// the article: its sentence is read again once the whole article is.
	confirmed := map[string]bool{}
	confirmedIn := map[string]map[int]bool{} // the sentences each type was confirmed in
	var pending []int
	prevPlaces := make([]string, len(sents)+1) // the first place the sentence before puts something in
	sentence := func(si int, s model.Sentence, second bool) {
		prevPlace := prevPlaces[si]
		words := splitWordsCached(x.cache, text, s.Start, s.End)
		if len(words) == 0 {
			prevPlaces[si+1] = prevPlace
			return
		}
		// the sentence's own mentions: every step below looks only inside
		// the sentence, and the whole document's list would make their cost
		// grow with the square of the article's length
		sdms := sentenceMentions(dms, words[0].Start, words[len(words)-1].End)
		if local := aliases.propagate(words, sdms); local != nil {
			sdms = local
		}
		if local := heads.resolve(words, sdms); local != nil {
			sdms = local // "وطالب الحكومة …": the government named before
		}
		if local := forces.describe(words, sdms); local != nil {
			sdms = local // "نفذت القوات الأمريكية 6 غارات": the state's force
		}
		ms := placeMentions(text, words, sdms)
		// a future verb alone is not a name: "بأن المجلس سيستدعي نائب رئيس
		// الوزراء" (the tagger's PER): a one-word person mention that reads
		// as سـ + a trigger verb is dropped
		ms = slices.DeleteFunc(ms, func(y mention) bool {
			return y.Type == model.PER && y.First == y.Last && x.futureVerb(words[y.First])
		})
		// a name is not a verb: "وقام ساركوزي بزيارة" (سـ + اركوزي read
		// as a future verb made the visit planned)
		for _, x := range ms {
			for k := x.First; k <= x.Last; k++ {
				words[k].future = false
			}
		}
		matches := x.triggers(text, words, ms)
		q := Quantities(words)
		dates := findDates(text, words, pub)
		fire := map[string]bool{}
		only := map[string]int{}          // types confirmed by one stated trigger (Options.Stated)
		strikeAt := -1                    // the trigger whose subject is a strike (strikeSubject)
		corroborated := map[string]bool{} // in the second reading, types confirmed by the rest of the article
		var feats []string
		for t := range x.gated {
			if !hasType(matches, t) {
				continue // the detector confirms triggers, it does not find events alone
			}
			if feats == nil {
				feats = Features(text[s.Start:s.End], words, matches, q, dates, ms)
			}
			m := x.det.Model(t)
			fire[t] = m.Prob(feats) >= m.Threshold || x.overt[t] && overt(t, words, matches, ms, q)
			if !fire[t] && x.state[t] {
				if k := stated(t, words, matches, ms); k >= 0 {
					only[t] = k // that trigger alone: another of the sentence may tell an older attack
				} else if k := clashBetween(t, words, matches, ms); k >= 0 {
					only[t] = k
				} else if k := clashOccurs(t, words, matches, ms); k >= 0 {
					only[t] = k
				} else if k := clashToll(t, words, matches, ms, q, dates, pub); k >= 0 {
					only[t] = k
				} else if k := strikeSubject(t, words, matches, ms); k >= 0 {
					only[t], strikeAt = k, k
				} else if k := corroborable(t, words, matches, ms); k >= 0 {
					if !second {
						pending = append(pending, si)
					} else if confirmed[t] { // an attack of this type confirmed elsewhere
						only[t], corroborated[t] = k, true
					}
				} else if k := countedStrikes(t, words, matches); k >= 0 && q[Strikes] > 0 {
					// "شن سلاح الجو الليبي ضربات جوية على أوكار داعش …" then
					// "وقامت طائرات حربية بتوجيه 4 ضربات متتالية": the strikes
					// counted right after a confirmed air attack are its own
					// (the merge joins them to it)
					if !second {
						pending = append(pending, si)
					} else if confirmedIn[t][si-1] {
						only[t], corroborated[t] = k, true
					}
				}
			}
			if _, ok := only[t]; fire[t] || ok {
				confirmed[t] = true
				if confirmedIn[t] == nil {
					confirmedIn[t] = map[int]bool{}
				}
				confirmedIn[t][si] = true
			}
		}
		done := map[string]bool{}
		emit := func(typ string, m *Match) bool {
			ev := model.Event{Type: typ, Sentence: text[s.Start:s.End], Start: s.Start, End: s.End}
			first, future := 0, false
			if m != nil {
				p := m.Pattern
				ev.Mode = p.Mode
				if p.Mode == "artillery" && aircraftNear(words, *m) {
					ev.Mode = "aerial" // "قصف طيران التحالف", "قصفت الطائرات المقاتلة"
				}
				ev.Trigger = text[words[m.First].Start:words[m.Last].End]
				first, future = m.First, words[m.First].future
				actor, recips, loc := arguments(p, words, ms, *m)
				if b, ok := qamaGap(words, m.First); ok && !nameBetween(ms, actor, b, m.First) {
					actor = "" // "قام الحضور بزيارة": the subject is not named
				}
				if strikeAt >= 0 && m == &matches[strikeAt] {
					actor = strikeAgent(words, ms, m) // "استهدف الطيران تجمعات للحوثيين وقوات صالح": صالح is hit
				}
				if typ == "ASSAULT" {
					if a, rs, ok := clashSides(words, ms, m); ok {
						actor, recips = a, rs // "اشتباكات بين عناصر المقاومة الشعبية والحوثيين"
					}
				}
				if actor == "" && typ == "ASSAULT" {
					actor = nisbaAttacker(forces, words, matches, m)
				}
				actor = govs.of(actor, dms)
				ev.Actor, ev.Recipients = actor, recips
				if loc != nil {
					ev.Location = loc.Name
					if physical[typ] {
						ev.Location = forces.narrow(loc, ms, m, actor)
					}
				} else if physical[typ] {
					ev.Location = anaphoricPlace(words, ms, m, actor, prevPlace)
				}
				// "الحال التي وصل إليها"، "صفقة وصلت إلى مراحلها الأخيرة": an
				// arrival that names no place it reaches is no visit
				if ev.Location == "" && arrival(p, words[m.First]) {
					return false
				}
			}
			last := first
			if m != nil {
				last = m.Last
			}
			date := pickDate(words, dates, first, last)
			ev.Modality = modality(words, first, future, date)
			if ev.Modality == model.Asserted && m != nil && !verbalAt(m.Pattern, words, m.First) && futureAfter(words, m.Last) {
				ev.Modality = model.Planned // "دفعة جديدة من الفصائل سيتم نقلها", "قمة ستعقد"
			}
			// "وكشف المرصد، الإثنين، أن دفعة … سيتم نقلها": the date of the
			// statement is not the date of what it announces
			if ev.Modality == model.Planned && date != nil && !date.Future && date.Last < first && statementDate(words, date.First, date.Last) {
				date = nil
				for i := range dates {
					if dates[i].First > first {
						date = &dates[i]
						break
					}
				}
			}
			if date != nil && date.ahead && ev.Modality != model.Planned {
				date = nil
			}
			if date != nil {
				ev.DateText = date.Text
				ev.Date = date.resolve(pub, ev.Modality == model.Planned)
			}
			if m != nil && conditional(words, m.First) {
				return false // "إذا لم يوافق الحوثيون على الانسحاب": a hypothetical
			}
			ev.Quantities = quantitiesFor(typ, q)
			if x.opt.RequireArgument && !x.gated[typ] {
				// who did it is what a user of event data needs first
				// (PLOVER codes the source actor of every event); the gated
				// types, confirmed by the detector, may keep an unknown actor
				// (counts also make a report worth keeping: "ألقت القبض على رجلين وامرأة")
				// a conference or summit (CONSULT multilateral) has many
				// parties and often none named beside it: keep it when it
				// has a place and a time of its own
				multi := m != nil && m.Pattern.Mode == "multilateral" && ev.Location != "" && ev.DateText != ""
				// an impersonal passive hides its agent and names who
				// underwent the event: "وتم اطلاق سراح ويب"
				undergone := m != nil && len(ev.Recipients) > 0 && passiveNoun(m.Pattern, words, *m)
				if ev.Actor == "" && len(ev.Quantities) == 0 && !multi && !undergone {
					return false
				}
				// an event noun (زيارة، اجتماع، تهديدات) is often a mention of
				// an event told elsewhere: keep it when a party follows it
				// ("زيارة حفتر", "اجتماع مع ماكرون"), or it gives a place and
				// a time, or counts
				if m != nil && !verbalAt(m.Pattern, words, m.First) && len(ev.Quantities) == 0 &&
					!partyFollows(ms, m) && (ev.Location == "" || ev.DateText == "") {
					return false
				}
				// with the article the noun points back to an event told
				// before ("نتائج الاجتماع", "بعد اللقاء"): keep it only with
				// its partner (مع …) or a place and a time of its own
				if m != nil && definiteNoun(m.Pattern, words, m.First) && len(ev.Quantities) == 0 &&
					!partyWith(ms, m) && (ev.Location == "" || ev.DateText == "") {
					return false
				}
			}
			evs = append(evs, ev)
			return true
		}
		asked := question(text[s.Start:s.End])
		for i := range matches {
			m := &matches[i]
			t := m.Pattern.Type
			if asked {
				break // an interviewer's or a columnist's question reports nothing
			}
			if m.Pattern.POS == POSVerbOnly && !verbalAt(m.Pattern, words, m.First) {
				continue
			}
			key := t
			if m.Pattern.Mode == "multilateral" {
				key += "/multilateral" // a conference is not the visit or talks around it
			}
			if done[key] {
				continue
			}
			if x.gated[t] && len(BackgroundRule) > 0 && BackgroundRule[bgCue(m.Pattern, words, *m)] {
				continue
			}
			if habitual(m.Pattern, words, m.First) || !x.gated[t] && purpose(m.Pattern, words, m.First) || idiom(words, m) || requested(m.Pattern, words, m.First) {
				continue
			}
			// "الأمير فيصل بن تركي الى لندن" is no ف + يصل إلى: a word of
			// a person's name is no trigger
			if inPerson(ms, m.First) {
				continue
			}
			if k, ok := only[t]; ok && k != i {
				continue
			}
			if _, ok := only[t]; x.gated[t] && !fire[t] && !ok {
				continue
			}
			if second && !corroborated[t] {
				continue // read in the first pass
			}
			// one event per type and sentence: the first trigger that yields one
			done[key] = emit(t, m)
		}
		prevPlaces[si+1] = ""
		for _, x := range ms {
			if x.Type == model.LOC && x.locative {
				prevPlaces[si+1] = x.Name
				break
			}
		}
	}
	for si, s := range sents {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			prevPlaces[si+1] = prevPlaces[si]
			continue
		}
		sentence(si, s, false)
	}
	if len(pending) > 0 && len(confirmed) > 0 {
		n := len(evs)
		for _, si := range slices.Compact(pending) {
			sentence(si, sents[si], true)
		}
		if len(evs) > n {
			sort.SliceStable(evs, func(i, j int) bool { return evs[i].Start < evs[j].Start })
		}
	}
	if x.opt.Merge {
		evs = mergeEvents(evs, forces.within(dms), pub)
	}
	if p := headlinePlace(a, dms); p != "" {
		for i := range evs {
			if e := &evs[i]; physical[e.Type] && e.Location == "" && !locIn(dms, e.Start, e.End) {
				e.Location = p
			}
		}
	}
	return evs
}

// futureVerb reports whether w carries the future prefix سـ on the
// present tense (سيـ، ستـ، سنـ) of a verb the lexicon lists.
func (x *Extractor) futureVerb(w word) bool {
	if !w.future {
		return false
	}
	b := strings.TrimPrefix(w.Norm, "و")
	b = strings.TrimPrefix(b, "ف")
	if !strings.HasPrefix(b, "سي") && !strings.HasPrefix(b, "ست") && !strings.HasPrefix(b, "سن") {
		return false
	}
	for _, r := range w.readings {
		for _, p := range x.lex.byFirst[r] {
			if p.POS == POSVerb || p.POS == POSPhrase || p.POS == POSVerbOnly {
				return true
			}
		}
	}
	return false
}

// headlinePlace returns the one place of the document that its headline
// names ("اشتباكات عنيفة ببنغازي"), or "" when it names none or several:
// an article tells the fighting of its headline's town without naming the
// town in every sentence.
func headlinePlace(a *model.Analysis, dms []docMention) string {
	title := arabicNorm(a.Doc.Title)
	if title == "" {
		return ""
	}
	tw := strings.Fields(title)
	found := ""
	for _, m := range dms {
		if m.Type != model.LOC || m.Name == found {
			continue
		}
		form := arabicNorm(a.Doc.Text[m.Start:m.End])
		if form == "" || !inWords(tw, strings.Fields(form)) {
			continue
		}
		if found != "" {
			return "" // two places: the headline does not say which
		}
		found = m.Name
	}
	return found
}

// inWords reports the words of a name among the headline's words, the
// first of them with up to two proclitics (و ف ب ل ك) before it: "ببنغازي".
func inWords(tw, name []string) bool {
	for i := 0; i+len(name) <= len(tw); i++ {
		ok := true
		for j, n := range name {
			w := tw[i+j]
			if j == 0 && strings.HasSuffix(w, n) {
				pre := strings.TrimSuffix(w, n)
				ok = utf8.RuneCountInString(pre) <= 2 && strings.Trim(pre, "وفبلك") == ""
			} else {
				ok = w == n
			}
			if !ok {
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// locIn reports a place mention inside [start, end).
func locIn(dms []docMention, start, end int) bool {
	for _, m := range dms {
		if m.Type == model.LOC && m.Start >= start && m.End <= end {
			return true
		}
	}
	return false
}

// nisbaAttacker returns the state whose nisba qualifies an attack noun of
// the event (the trigger or another of its type before the next event's):
// "مقتل 17 من داعش إثر قصف جوي أمريكي", "غارات روسية على إدلب". The
// adjective follows the noun at once (or past جوي، حربية): a verb's subject
// is a noun, found by arguments.
func nisbaAttacker(st *states, words []word, matches []Match, m *Match) string {
	for _, o := range matches {
		if o.Pattern.Type != m.Pattern.Type || o.First < m.First || m.Next > 0 && o.First >= m.Next {
			continue
		}
		if n, _ := st.nisbaAfter(words, o.Last); n != "" {
			return n
		}
	}
	return ""
}

// statementDate reports a date expression (words i..j) in the clause of a
// speech verb up to five words before it and closed by أن / إن right after
// it: "وكشف المرصد السوري، الإثنين، أن".
func statementDate(words []word, i, j int) bool {
	if j+1 >= len(words) {
		return false
	}
	if !complementizers[words[j+1].Norm] {
		return false
	}
	for b := i - 1; b >= 0 && b >= i-5; b-- {
		if speechVerbs[words[b].base] || speechVerbs[words[b].Norm] {
			return true
		}
	}
	return false
}

// Future verbs that make an event noun before them planned. A closed list:
// the سـ reading alone also takes nouns (سيارات، سائقي) for future verbs.
var futureVerbs = normKeys(map[string]bool{
	"سيتم": true, "ستتم": true, "سوف": true, "ستعقد": true, "سيعقد": true, "ستجري": true, "سيجري": true, "ستصل": true,
	"سيصل": true, "ستبدأ": true, "سيبدأ": true, "ستنطلق": true, "سينطلق": true, "ستقام": true, "سيقام": true,
})

// futureAfter reports a future verb within three words after an event
// noun, in its clause: the noun is the subject or object of what will
// happen ("دفعة جديدة من الفصائل سيتم نقلها", "قمة ستعقد في").
func futureAfter(words []word, last int) bool {
	for k := last + 1; k < len(words) && k <= last+3; k++ {
		if futureVerbs[words[k].Norm] || futureVerbs[words[k].base] {
			return true
		}
		if words[k].boundary {
			return false
		}
	}
	return false
}

// Relative pronouns (Wright, Grammar of the Arabic Language II §172).
var relPronouns = normKeys(map[string]bool{
	"الذي": true, "التي": true, "الذين": true, "اللذان": true, "اللذين": true, "اللتان": true, "اللتين": true, "اللاتي": true, "اللواتي": true,
})

// habitual reports whether the trigger is a present-tense verb right after
// a relative pronoun: "الفصائل التي تدعم الحكومة", "الدول التي تدعمها
// أنقرة" describe a standing relation of a noun, not an event of the day.
// (Measured on the seeds: such clauses gave SUPPORT events no gold lists;
// a past verb there, "القوات التي قصفت المدينة أمس", still reports one.)
func habitual(p *Pattern, words []word, i int) bool {
	if i == 0 || !relPronouns[words[i-1].Norm] || p.POS == POSNoun {
		return false
	}
	w := words[i]
	if len(p.Words) == 0 || len(p.Words[0]) == 0 || w.has(p.Words[0][0]) {
		return false // the past form
	}
	for _, a := range p.Words[0][1:] {
		if strings.HasPrefix(a, "ي") && w.has(a) {
			return true
		}
	}
	return false
}

// purpose reports whether a noun trigger carries the lām of purpose
// (لام التعليل): "وفد … للتوصل إلى اتفاق", "زار روما لبحث الأزمة" give the
// aim of another event, not an event. After تعرض the lām marks what was
// undergone ("تعرضت للقصف"), which is an event.
func purpose(p *Pattern, words []word, i int) bool {
	w := words[i]
	if verbalAt(p, words, i) {
		return false
	}
	// "كان في ألمانيا من أجل لقاء مدير أعمال دراكسلر", "بهدف التوصل
	// إلى اتفاق": the same aim, written out
	if i > 0 && w.prep == "" {
		switch pw := words[i-1]; {
		case pw.base == "اجل" && i > 1 && words[i-2].Norm == "من", pw.base == "هدف" && pw.prep == "ب",
			pw.Norm == "بهدف" || pw.Norm == "بغرض" || pw.Norm == "لغرض" || pw.Norm == "بقصد":
			return true
		}
	}
	if w.prep != "ل" {
		return false
	}
	if i > 0 && strings.HasPrefix(words[i-1].base, "تعرض") || i > 0 && strings.HasPrefix(words[i-1].base, "يتعرض") {
		return false
	}
	return true
}

// definiteNoun reports an event noun with the article (الاجتماع،
// بالزيارة، للقاء), not a light-verb phrase (ألقى القبض).
func definiteNoun(p *Pattern, words []word, i int) bool {
	w := words[i]
	if p.POS == POSPhrase || lightVerbBefore(words, i) || verbalAt(p, words, i) {
		return false
	}
	return strings.HasPrefix(w.Norm, "ال") || strings.HasPrefix(w.Norm, "لل") || w.base != w.Norm && strings.Contains(w.Norm, "ال"+w.base)
}

// partyWith reports whether a person or organisation after مع follows the
// trigger closely: "الاجتماع مع الرئيس الفرنسي ماكرون".
func partyWith(ms []mention, m *Match) bool {
	for _, x := range ms {
		if x.First > m.Last && x.with && x.First-m.Last <= 6 && (x.Type == model.PER || x.Type == model.ORG) {
			return true
		}
	}
	return false
}

// partyFollows reports whether a person or organisation stands right after
// the trigger (within two words), or after مع.
func partyFollows(ms []mention, m *Match) bool {
	for _, x := range ms {
		if x.First > m.Last && (x.Type == model.PER || x.Type == model.ORG) {
			if x.First-m.Last <= 4 || x.with && x.First-m.Last <= 6 {
				return true
			}
		}
	}
	return false
}

func hasType(ms []Match, t string) bool {
	for _, m := range ms {
		if m.Pattern.Type == t {
			return true
		}
	}
	return false
}

// verbal reports whether the trigger word is a verb form: the past 3ms
// (listed first in the lexicon) or a present form (ي…), not a masdar or
// event noun.
func verbal(p *Pattern, w word) bool {
	return verbalAt(p, []word{w}, 0)
}

// Commitment words that govern ب + masdar.
var commitWords = normKeys(map[string]bool{
	"التزم": true, "التزمت": true, "يلتزم": true, "تلتزم": true, "التزموا": true, "يلتزمون": true,
	"ملتزم": true, "ملتزمة": true, "ملتزمون": true, "ملتزمين": true, "ملتزمان": true, "ملتزمه": true,
})

// qamaGap finds قام before the masdar at i with words between: its subject
// ("قام شاند بزيارة"), a quantifier with ب ("يقوم بعدة زيارات"), or both
// ("يقوم سلامة بعدة زيارات"); up to three words, no punctuation. It returns
// the index of قام. The subject must then be a name between the two (see
// Extract): in arabic-news, "قام الحضور بزيارة", "أن الفريق قام بزيارة"
// otherwise drew the actor from a name elsewhere in the sentence.
func qamaGap(words []word, i int) (int, bool) {
	w := words[i]
	if i < 2 || w.prep != "ب" && !quantifiersB[words[i-1].Norm] {
		return 0, false
	}
	for b := i - 2; b >= 0 && b >= i-4; b-- {
		if words[b].boundary || words[b].number {
			return 0, false
		}
		switch words[b].base { // "وقام", "وسيقوم" (conjunction and future stripped)
		case "قام", "قامت", "يقوم", "تقوم", "قاموا", "يقومون":
			return b, true
		}
	}
	return 0, false
}

// Verbs of starting (أفعال الشروع) that govern a masdar: "بدأت القوات
// بالانسحاب", "بدأ البرنامج توزيع مساعدات", "شرعت في نشر".
var startVerbs = normKeys(map[string]bool{
	"بدأ": true, "بدأت": true, "بدأوا": true, "بدؤوا": true, "يبدأ": true, "تبدأ": true, "يبدؤون": true, "يبدأون": true,
	"شرع": true, "شرعت": true, "شرعوا": true, "يشرع": true, "تشرع": true,
	"باشر": true, "باشرت": true, "باشروا": true, "يباشر": true, "تباشر": true,
})

// startGap reports a masdar (words[i]) that a verb of starting governs
// with ب or في, its subject (up to two words) between: the masdar carries
// that verb's tense and subject as after قام ب ("بدأوا بالانسحاب من
// شبوة"). A masdar in the accusative after بدأ is as often its object, a
// process begun ("بدأ محادثات سلام … عام 2012"; "بدأت اليوم فعاليات
// مؤتمر الرياض"): on arabic-news 5 of 6 such were wrong.
func startGap(words []word, i int) bool {
	w := words[i]
	if i == 0 || w.prep != "ب" && words[i-1].Norm != "في" {
		return false
	}
	e := i - 1
	if words[e].Norm == "في" {
		e--
	}
	for b := e; b >= 0 && b >= e-2; b-- {
		if startVerbs[words[b].Norm] || startVerbs[words[b].base] {
			return true
		}
		if words[b].boundary || words[b].number || words[b].prep != "" {
			return false // "يبدأ بالتفكير في إرسال": the masdar of another
		}
	}
	return false
}

// nameBetween reports whether a mention of name lies between word indexes
// a and b (exclusive).
func nameBetween(ms []mention, name string, a, b int) bool {
	for _, x := range ms {
		if x.Name == name && x.First > a && x.Last < b {
			return true
		}
	}
	return false
}

// Quantifiers with ب between قام and a masdar: "يقوم بعدة زيارات".
var quantifiersB = normKeys(map[string]bool{"بعدة": true, "بسلسلة": true, "بجولة": true, "بعدد": true})

// verbalAt is verbal with the word's context: a masdar after قام / يقوم
// ب carries the verb ("تقوم بإعادة الانتشار" = "are redeploying").
func verbalAt(p *Pattern, words []word, i int) bool {
	w := words[i]
	if i > 0 && w.prep == "ب" {
		switch words[i-1].base {
		case "قام", "قامت", "يقوم", "تقوم", "قاموا", "يقومون":
			return true
		}
	}
	if _, ok := qamaGap(words, i); ok {
		return true
	}
	if startGap(words, i) {
		return true
	}
	if i > 0 && w.prep == "ب" {
		// a commitment to do it: "ملتزم بتوقيع اتفاق", "التزمت الحكومة
		// بتنفيذ" (PLOVER AGREE codes promises; the commitment carries the
		// subject and tense of the masdar after it)
		if commitWords[words[i-1].Norm] {
			return true
		}
	}
	if p.POS != POSNoun && alifLamVerbs[strings.TrimPrefix(strings.TrimPrefix(w.Norm, "و"), "ف")] {
		return true // "التقى أردوغان تميم": the root's own ال, no article
	}
	if p.POS == POSNoun || strings.HasPrefix(w.Norm, "ال") || w.base != w.Norm && strings.Contains(w.Norm, "ال"+w.base) ||
		strings.Contains(w.Norm, "لل"+w.base) { // ل + the article fused: "للتوصل" is a noun
		return false // a word with the article is a noun
	}
	for i, a := range p.Words[0] {
		if w.has(a) && (i == 0 || strings.HasPrefix(a, "ي")) {
			return true
		}
	}
	return false
}

// alifLamVerbs are the lexicon's past verbs whose first letters ال belong
// to the word (التقى: افتعل of لقي), not the article: read as nouns they
// lost their subject and tense, and a meeting with no place and date was
// dropped as a mention. Not the first person (التقيت، التقينا: memoirs and
// interviews), nor ألقى القبض (lightVerbBefore; أُلقي القبض is its
// passive, written the same).
var alifLamVerbs = normKeys(map[string]bool{
	"التقى": true, "التقت": true, "التقوا": true, "التقيا": true, "التقتا": true,
})

// overt reports whether a sentence states an event of type t fully (see
// Options.Overt).
func overt(t string, words []word, matches []Match, ms []mention, q map[string]int) bool {
	for _, m := range matches {
		p := m.Pattern
		if p.Type != t || !verbalAt(p, words, m.First) || strings.HasPrefix(words[m.First].base, "ي") {
			continue
		}
		if modality(words, m.First, words[m.First].future, nil) != model.Asserted {
			continue
		}
		actor, recips, loc := arguments(p, words, ms, m)
		if actor != "" && (len(recips) > 0 || loc != nil) {
			return true
		}
	}
	return false
}

// Light verbs that launch an attack noun: شن غارات، نفذ ضربات، وجه ضربة.
var launchVerbs = normKeys(map[string]bool{"شن": true, "شنت": true, "شنوا": true, "نفذ": true, "نفذت": true, "نفذوا": true, "وجه": true, "وجهت": true, "وجهوا": true})

// Heads of the craft or arm an organisation strikes with, between a launch
// verb and its name: "شنت طائرات التحالف غارات", "شنت مقاتلات التحالف".
var strikerHeads = normKeys(map[string]bool{
	"طائرات": true, "طائره": true, "مقاتلات": true, "طيران": true, "مروحيات": true, "بوارج": true, "مدفعيه": true, "قوات": true,
})

// stated returns the index of a trigger that states an attack with a light
// verb in the past (see Options.Stated), or -1: the verb opens the clause
// (no relative pronoun or أن before it), the event is asserted, its actor a
// named organisation (a person who "شن هجوما على" a minister or a treaty
// attacks with words: 3 of 3 such in arabic-news), and it names a target or
// a place.
func stated(t string, words []word, matches []Match, ms []mention) int {
	for i, m := range matches {
		p := m.Pattern
		if p.Type != t || p.POS != POSPhrase || !launchVerbs[words[m.First].Norm] && !launchVerbs[words[m.First].base] || words[m.First].prep != "" {
			continue // "لشن غارات": the aim, not the attack
		}
		if m.First > 0 && (relPronouns[words[m.First-1].Norm] || words[m.First-1].Norm == "ان") {
			continue
		}
		// "شن الجيش حملة": a campaign may be of arrests or of words
		if words[m.Last].has("حمله") {
			continue
		}
		if modality(words, m.First, words[m.First].future, nil) != model.Asserted {
			continue
		}
		actor, recips, loc := arguments(p, words, ms, m)
		if actor == "" || len(recips) == 0 && loc == nil {
			continue
		}
		// the actor stands next to the verb, before it or after it (a
		// date word may come between): "شن سلاح الجو الليبي، ضربات",
		// "الجيش شن غارات"; farther, the verb is often a masdar ("بدأت
		// بلاده شن غارات ضد …") whose agent is not the name found
		for _, x := range ms {
			if x.Name == actor && x.Type == model.ORG && (x.Last == m.First-1 || x.First == m.First+1 ||
				x.First == m.First+2 && (words[m.First+1].Norm == "اليوم" || strikerHeads[words[m.First+1].base])) {
				return i
			}
		}
	}
	return -1
}

// corroborable returns the index of a trigger that states an attack with a
// finite verb in the past, asserted or reported ("أوضحت المصادر أن طيران
// التحالف العربي قصف مواقع … في جبهة الجفينة", "هاجم مقاتلو الدولة
// الإسلامية نقطة التفتيش"), with an organisation or a state for actor and
// a named target or place, or -1. The detector, trained on 2006–2008 wire
// sentences, rejects many such reports in articles; Extract lets them pass
// only where the detector or a stated trigger confirmed an attack in
// another sentence of the same article (a report of fighting), never on
// the sentence alone.
func corroborable(t string, words []word, matches []Match, ms []mention) int {
	for i, m := range matches {
		p := m.Pattern
		w := words[m.First]
		if p.Type != t || !verbalAt(p, words, m.First) || strings.HasPrefix(w.base, "ي") || strings.HasPrefix(w.base, "ت") || w.prep != "" {
			continue
		}
		if m.First > 0 {
			switch prev := words[m.First-1]; {
			case relPronouns[prev.Norm]:
				continue // "الذي قصف …": told of something else
			case gapPreps[prev.Norm] || adverbialPreps[prev.Norm] || prev.Norm == "في":
				continue // "بتوخي الدقة في قصف تجمعات داعش": a noun
			case prev.base == "حمله" || prev.base == "حملات":
				continue // "حملة استهدفت أفرادا يشتبه في انتمائهم": arrests
			}
		}
		// فجر is dawn (فجر اليوم) and a name (فجر ليبيا) as often as a blast
		if w.base == "فجر" {
			continue
		}
		if md := modality(words, m.First, w.future, nil); md != model.Asserted && md != model.Reported {
			continue
		}
		actor, recips, loc := arguments(p, words, ms, m)
		if actor == "" || len(recips) == 0 && loc == nil {
			continue
		}
		for _, x := range ms {
			if x.Name == actor && (x.Type == model.ORG || x.Type == model.LOC) {
				return i
			}
		}
	}
	return -1
}

// countedStrikes returns the index of an air strike trigger of type t
// (the lexicon's aerial mode: غارات، ضربات جوية، توجيه ضربات) asserted in
// the sentence, or -1; the caller asks for a count of strikes too.
func countedStrikes(t string, words []word, matches []Match) int {
	for i, m := range matches {
		if m.Pattern.Type != t || m.Pattern.Mode != "aerial" {
			continue
		}
		if md := modality(words, m.First, words[m.First].future, nil); md == model.Asserted || md == model.Reported {
			return i
		}
	}
	return -1
}

// clashNoun reports a trigger read as the noun of fighting (معارك،
// اشتباكات، مواجهات: the lexicon's firearms verbs' masdars), not after a
// preposition ("لوقف الاشتباكات" is the aim of another act).
func clashNoun(p *Pattern, words []word, m Match) bool {
	return p.Mode == "firearms" && p.POS == POSVerb && !verbalAt(p, words, m.First) && words[m.First].prep == ""
}

// clashBetween returns the index of a clash noun (معارك، اشتباكات،
// مواجهات) followed by بين and two named armed parties joined by و
// ("تجدد المعارك بين قوات الجيش الليبي … وفصائل المعارضة التشادية"), or -1:
// the sentence names both sides of the fighting, as a report of it does.
// Asserted only, and not in the aim of another act ("لوقف الاشتباكات").
func clashBetween(t string, words []word, matches []Match, ms []mention) int {
	for i, m := range matches {
		p := m.Pattern
		if p.Type != t || !clashNoun(p, words, m) {
			continue
		}
		b := -1
		for k := m.Last + 1; k < len(words) && k <= m.Last+2; k++ {
			if words[k].Norm == "بين" {
				b = k
				break
			}
			if words[k].boundary {
				break
			}
		}
		if b < 0 || m.First > 0 && (words[m.First-1].Norm == "وقف" || words[m.First-1].base == "وقف" || askVerbs[words[m.First-1].Norm]) {
			continue
		}
		if modality(words, m.First, words[m.First].future, nil) != model.Asserted {
			continue
		}
		// "قد تتجدد المعارك", "ستتجدد المعارك": may or will, not a report
		if k := m.First - 1; k >= 0 && (words[k].future || k > 0 && (words[k-1].Norm == "قد" || words[k-1].Norm == "وقد") &&
			(strings.HasPrefix(words[k].Norm, "ت") || strings.HasPrefix(words[k].Norm, "ي"))) {
			continue
		}
		var sides []mention
		for _, x := range ms {
			if x.First > b && x.First-b <= 10 && (x.Type == model.ORG || x.Type == model.PER) && !x.affil && !x.patron {
				sides = append(sides, x)
			}
		}
		if len(sides) < 2 || sides[0].First > b+2 || sides[0].Name == sides[1].Name {
			continue
		}
		// the second side joined by و, on the name or on its head
		// ("وفصائل المعارضة التشادية")
		joined := sides[1].conj
		for k := sides[1].First - 1; k > sides[0].Last && k >= sides[1].First-2; k-- {
			joined = joined || strings.HasPrefix(words[k].Norm, "و") && !words[k-1].comma
		}
		if joined {
			return i
		}
	}
	return -1
}

// Verbs that make fighting break out, happen or go on (دارت اشتباكات،
// اندلعت معارك، تجددت المواجهات، تدور اشتباكات) and that say a place saw
// it (شهدت المدينة اشتباكات).
var occurVerbs = normKeys(map[string]bool{
	"دار": true, "دارت": true, "تدور": true, "يدور": true, "اندلع": true, "اندلعت": true, "تندلع": true, "تفجرت": true,
	"اشتعلت": true, "احتدم": true, "احتدمت": true, "تجدد": true, "تجددت": true, "تتجدد": true, "استمر": true, "استمرت": true,
	"تستمر": true, "تواصل": true, "تواصلت": true, "تتواصل": true, "وقع": true, "وقعت": true, "جرت": true, "تجري": true,
	"شهد": true, "شهدت": true, "يشهد": true, "تشهد": true,
})

// clashOccurs returns the index of a clash noun (اشتباكات، معارك، مواجهات)
// that is the subject or object of a verb of occurrence next to it, with a
// named place or party ("استمرت الاشتباكات في محافظة تعز", "دارت معارك
// عنيفة في جبهة الضباب", "شهدت مدينة بنغازي اشتباكات", "قالت المصادر إن
// الاشتباكات اندلعت في قرية الجنادبة"), asserted or reported, or -1: the
// sentence tells fighting that took place, as a report of it does. Not in a
// relative clause (المعارك التي دارت), after a time preposition (منذ اندلاع)
// or a negation, nor with قد before a present verb.
func clashOccurs(t string, words []word, matches []Match, ms []mention) int {
	for i, m := range matches {
		p := m.Pattern
		if p.Type != t || !clashNoun(p, words, m) {
			continue
		}
		// the verb before the noun (a date word or the place that saw it
		// may stand between) or right after it ("الاشتباكات اندلعت")
		v := -1
		for k := m.First - 1; k >= 0 && k >= m.First-3; k-- {
			if occurVerbs[words[k].Norm] || occurVerbs[words[k].base] {
				v = k
				break
			}
			if words[k].boundary {
				break
			}
		}
		if v < 0 && m.Last+1 < len(words) && !words[m.Last].boundary {
			if w := words[m.Last+1]; occurVerbs[w.Norm] || occurVerbs[w.base] {
				v = m.Last + 1
			}
		}
		if v < 0 {
			v = frontedPlaceVerb(words, ms, m.First)
		}
		if v < 0 || words[v].prep != "" || words[v].future {
			continue
		}
		if v > 0 {
			prev := words[v-1]
			if relPronouns[prev.Norm] || adverbialPreps[prev.Norm] || gapPreps[prev.Norm] ||
				(prev.Norm == "قد" || prev.Norm == "وقد") && (strings.HasPrefix(words[v].base, "ت") || strings.HasPrefix(words[v].base, "ي")) {
				continue // "التي دارت", "منذ اندلاع"; "قد تندلع" may
			}
		}
		if v < m.First && m.First > 0 {
			if prev := words[m.First-1]; relPronouns[prev.Norm] {
				continue
			}
		}
		// "يذكر أن مدينة درنة تشهد معارك": an aside recalling the
		// background; "تشهد مدينة تعز مواجهات عنيفة منذ أربعة أشهر": a
		// standing state, not the day's fighting (منذ أمس is)
		if n := words[0].Norm; n == "يذكر" || n == "ويذكر" || n == "يشار" || n == "ويشار" {
			continue
		}
		standing := false
		for k := m.Last + 1; k+1 < len(words) && k <= m.Last+8; k++ {
			if words[k].Norm == "منذ" {
				_, day := weekdays[words[k+1].base]
				standing = !timeWords[words[k+1].Norm] && !timeWords[words[k+1].base] && !day
				break
			}
			if words[k].boundary {
				break
			}
		}
		if standing {
			continue
		}
		first := min(v, m.First)
		if md := modality(words, first, words[first].future, nil); md != model.Asserted && md != model.Reported {
			continue
		}
		actor, recips, loc := arguments(p, words, ms, m)
		if loc == nil && actor == "" && len(recips) == 0 {
			continue
		}
		return i
	}
	return -1
}

// frontedPlaceVerb returns the index of a verb of occurrence before a
// fronted place that stands between it and the clash noun at i ("وتدور في
// شمال شرق تعز اشتباكات عنيفة": في, place nouns or directions, and the
// named place right before the noun), or -1.
func frontedPlaceVerb(words []word, ms []mention, i int) int {
	for _, x := range ms {
		if x.Type != model.LOC || !x.locative || x.Last != i-1 || words[x.Last].boundary {
			continue
		}
		for k := x.First - 1; k > 0 && k >= x.First-4; k-- {
			if words[k].boundary {
				break
			}
			if n := words[k].Norm; n == "في" || n == "فى" {
				if w := words[k-1]; !w.boundary && (occurVerbs[w.Norm] || occurVerbs[w.base]) {
					return k - 1
				}
				break
			}
			if !placeHeads[words[k].base] && !placeHeads[words[k].Norm] {
				break
			}
		}
	}
	return -1
}

// Words of the dead and wounded that open a toll: قتل، مقتل، قتلى، لقي
// مصرعه، أصيب، جرحى، أسفر عن مقتل.
var tollWords = normKeys(map[string]bool{
	"قتل": true, "يقتل": true, "مقتل": true, "قتلي": true, "قتيل": true, "قتيلا": true, "لقي": true, "يلقي": true,
	"اصيب": true, "يصاب": true, "جرح": true, "جرحي": true, "اصابه": true, "مصابين": true, "اسفر": true, "اسفرت": true, "ادي": true, "ادت": true,
})

// Nouns of a span of months or years: "قبل ستة أشهر"، "قبل عامين".
var durationNouns = normKeys(map[string]bool{
	"اشهر": true, "شهور": true, "شهرين": true, "سنوات": true, "سنه": true, "سنتين": true, "اعوام": true, "عام": true, "عامين": true, "عقود": true, "عقد": true,
})

// Prepositions that set fighting as the cause or time of a toll: "في
// اشتباكات"، "خلال المواجهات"، "جراء الاشتباكات"، "إثر معارك"، "أثناء".
var tollPreps = normKeys(map[string]bool{"في": true, "خلال": true, "جراء": true, "اثر": true, "اثناء": true, "وسط": true})

// clashToll returns the index of a clash noun that a toll of dead or
// wounded names as its cause or time ("سقط عدد من القتلى والجرحى من
// الطرفين في معارك عنيفة", "قتل 9 من مسلحي الحوثيين … خلال 24 ساعة من
// الاشتباكات", "أصيب خمسة جنود في الاشتباكات"), asserted or reported, with
// counts or a named place or party, or -1: the toll of fighting is a
// report of it. The toll word opens the clause within twelve words before
// the noun; not in a relative clause (الذي قتل في المعارك: a person's
// past), an aside (يذكر أن), nor with a date weeks before publication or a
// year ("قتل في مارس 2014 في المعارك").
func clashToll(t string, words []word, matches []Match, ms []mention, q map[string]int, dates []DateExpr, pub time.Time) int {
	if n := words[0].Norm; n == "يذكر" || n == "ويذكر" || n == "يشار" || n == "ويشار" {
		return -1
	}
	for _, d := range dates {
		if d.Date != "" && background(d.resolve(pub, false), pub) || pub.IsZero() && len(d.Date) == 4 {
			return -1
		}
	}
	// "قتل في معارك … قبل ستة أشهر": long ago
	for k := 0; k+1 < len(words); k++ {
		if words[k].base == "قبل" && (durationNouns[words[k+1].base] || k+2 < len(words) && durationNouns[words[k+2].base]) {
			return -1
		}
	}
	for i, m := range matches {
		p := m.Pattern
		if p.Type != t || p.Mode != "firearms" || p.POS != POSVerb || verbalAt(p, words, m.First) || m.First == 0 {
			continue
		}
		if w := words[m.First]; w.prep != "ب" && !tollPreps[words[m.First-1].Norm] && !tollPreps[words[m.First-1].base] {
			continue
		}
		c := -1
		for k := m.First - 1; k >= 0 && k >= m.First-12; k-- {
			if words[k].comma {
				break // "لغة العنف والقتل، إلا أن استمرارهم في المواجهات"
			}
			if w := words[k]; (tollWords[w.Norm] || tollWords[w.base]) && !strings.HasSuffix(w.Norm, "القتل") {
				c = k // the masdar with the article names killing in general
			}
		}
		if c < 0 || c > 0 && relPronouns[words[c-1].Norm] {
			continue
		}
		if md := modality(words, c, words[c].future, nil); md != model.Asserted && md != model.Reported {
			continue
		}
		actor, recips, loc := arguments(p, words, ms, m)
		if len(quantitiesFor(t, q)) == 0 && loc == nil && actor == "" && len(recips) == 0 {
			continue
		}
		return i
	}
	return -1
}

// Verbs whose subject a strike or its craft is: استهدفت الغارات، طال القصف.
var strikeVerbs = normKeys(map[string]bool{
	"استهدف": true, "استهدفت": true, "طال": true, "طالت": true,
})

// Strikes and the craft that make them, as the subject of a strike verb.
var strikerNouns = normKeys(map[string]bool{
	"غارات": true, "غاره": true, "الغارات": true, "الغاره": true, "ضربات": true, "ضربه": true, "الضربات": true, "الضربه": true,
	"القصف": true, "طائرات": true, "الطائرات": true, "الطيران": true, "طيران": true, "مقاتلات": true, "المقاتلات": true,
})

// strikeSubject returns the index of a strike verb in the past whose
// subject is a strike or its craft ("واستهدفت الغارات مواقع الحوثيين في
// الكود", "واستهدفت عشر ضربات شنها التحالف … وحدات تكتيكية", "كما استهدفت
// الطائرات منطقة ضلاع همدان", "وطال القصف قرى في جبل صبر"), asserted or
// reported, with a named target or place, or -1: a strike told by what it
// hit is a report of it. The subject follows the verb within three words
// (a count or a date word before it, an adjective after); not after a
// relative pronoun or بعد أن (a past strike recalled), nor after an attack
// the sentence states with its actor (corroborable decides that one).
// Tried before corroborable, which would take the target after the verb
// ("استهدفت الغارات مواقع الحوثيين") for the actor.
func strikeSubject(t string, words []word, matches []Match, ms []mention) int {
	for i, m := range matches {
		p := m.Pattern
		w := words[m.First]
		if p.Type != t || !strikeVerbs[w.Norm] && !strikeVerbs[w.base] || w.prep != "" {
			continue
		}
		if k := m.First - 1; k >= 0 && (relPronouns[words[k].Norm] || words[k].Norm == "ان" && k > 0 && adverbialPreps[words[k-1].Norm]) {
			continue
		}
		subj := false
		for k := m.Last + 1; k < len(words) && k <= m.Last+3; k++ {
			if strikerNouns[words[k].Norm] || strikerNouns[words[k].base] {
				subj = true
				break
			}
			if words[k].boundary {
				break
			}
		}
		if !subj {
			continue
		}
		// "التحالف استهدف موقعا … كما استهدف القصف مواقع": the attack
		// stated before, with its actor, is the one to corroborate
		if c := corroborable(t, words, matches, ms); c >= 0 && c < i {
			return -1
		}
		if md := modality(words, m.First, w.future, nil); md != model.Asserted && md != model.Reported {
			continue
		}
		_, recips, loc := arguments(p, words, ms, m)
		if len(recips) == 0 && loc == nil {
			continue
		}
		return i
	}
	return -1
}

// strikeAgent returns the organisation in construct after the strike noun
// that is the subject of a strike verb ("استهدفت طائرات التحالف", "غارات
// التحالف"), or "": the names after the verb are its targets.
func strikeAgent(words []word, ms []mention, m *Match) string {
	for k := m.Last + 1; k < len(words) && k <= m.Last+3; k++ {
		if strikerNouns[words[k].Norm] || strikerNouns[words[k].base] {
			for _, x := range ms {
				if x.First == k+1 && x.Type == model.ORG && !words[k].boundary {
					return x.Name
				}
			}
			return ""
		}
	}
	return ""
}

// clashSides returns the two sides of a clash noun followed by بين (ما
// بين), as PLOVER codes a clash: the first side named after بين acts, the
// sides joined to it by و are its recipients ("دارت اشتباكات بين عناصر
// المقاومة الشعبية والحوثيين": actor المقاومة الشعبية, recipient
// الحوثيين). The first side stands within three words of بين (a head such
// as عناصر، قوات، مسلحي may come between); a unit named by its patron
// ("مجموعات مسلحة مؤيدة لحكومة الوحدة") is no side. ok is false when no
// side is named so.
func clashSides(words []word, ms []mention, m *Match) (actor string, recips []string, ok bool) {
	p := m.Pattern
	if p.Mode != "firearms" || p.POS != POSVerb || verbalAt(p, words, m.First) {
		return "", nil, false
	}
	b := -1
	for k := m.Last + 1; k < len(words) && k <= m.Last+3; k++ {
		if words[k].Norm == "بين" {
			b = k
			break
		}
		if words[k].boundary && words[k].Norm != "ما" {
			break
		}
	}
	if b < 0 {
		return "", nil, false
	}
	var sides []mention
	for _, x := range ms {
		if x.First <= b || x.First-b > 12 || x.Type != model.ORG && x.Type != model.PER || x.affil || x.patron {
			continue
		}
		if len(sides) == 0 {
			if x.First-b > 3 {
				return "", nil, false
			}
			// only a head between: "بين المقاومة، وميليشيات الحوثي" names
			// the second side first
			for k := b + 1; k < x.First; k++ {
				if words[k].boundary || strings.HasPrefix(words[k].Norm, "و") {
					return "", nil, false
				}
			}
			sides = append(sides, x)
			continue
		}
		// a later side joins the first by و, on its name or on its head
		// ("والحوثيين", "وميليشيات الحوثي")
		joined := x.conj
		for k := x.First - 1; k > sides[len(sides)-1].Last && k >= x.First-2; k-- {
			joined = joined || strings.HasPrefix(words[k].Norm, "و")
		}
		if !joined {
			break
		}
		sides = append(sides, x)
	}
	if len(sides) == 0 {
		return "", nil, false
	}
	for _, x := range sides[1:] {
		if x.Name != sides[0].Name && !slices.Contains(recips, x.Name) {
			recips = append(recips, x.Name)
		}
	}
	return sides[0].Name, recips, true
}

// triggers finds the trigger matches of a sentence, leaving out those inside
// a name: "إدارة الدعم والتوجيه" (but "مؤتمر برلين" names a meeting).
func (x *Extractor) triggers(text string, words []word, ms []mention) []Match {
	matches := x.lex.Find(words)
	kept := matches[:0]
	for _, m := range matches {
		if quotedAlone(text, words, m) {
			continue // a slogan: "رفعهم شعار «ارحل»"
		}
		inside := false
		for _, mm := range ms {
			if mm.First <= m.First && m.Last <= mm.Last {
				inside = true
			}
		}
		if !inside || m.Pattern.Mode == "multilateral" {
			kept = append(kept, m)
		}
	}
	return kept
}

// Nouns that cite a quoted word: a slogan, a name, a title.
var citingNouns = normKeys(map[string]bool{
	"شعار": true, "شعارات": true, "هتاف": true, "هتافات": true, "كلمه": true, "عباره": true, "لافته": true, "لافتات": true,
	"وسم": true, "هاشتاق": true, "هاشتاج": true, "بعنوان": true, "عنوان": true, "اسم": true, "حمله": true, "مسمي": true,
})

// quotedAlone reports a trigger that is the whole of a quotation after a
// noun that cites it: a slogan or a title ("رفعهم شعار «ارحل»", "حملة
// «اعتقلوهم»"), not a report. A word in scare quotes inside a sentence
// ("بوقف «ترحيل» اللاجئين") stays a trigger.
func quotedAlone(text string, words []word, m Match) bool {
	if m.First == 0 {
		return false
	}
	pw := words[m.First-1]
	if !citingNouns[pw.Norm] && !citingNouns[pw.base] {
		return false
	}
	a, b := words[m.First].Start, words[m.Last].End
	open, _ := utf8.DecodeLastRuneInString(text[:a])
	closing, _ := utf8.DecodeRuneInString(text[b:])
	switch {
	case open == '«' && closing == '»', open == '"' && closing == '"', open == '“' && closing == '”', open == '\'' && closing == '\'':
		return true
	}
	return false
}

// quantitiesFor keeps the counts that measure an event of type typ (PLOVER
// size fields: casualties for ASSAULT, arrests for COERCE, …).
func quantitiesFor(typ string, q map[string]int) map[string]int {
	var keys []string
	switch typ {
	case "ASSAULT":
		keys = []string{Dead, Injured, Strikes, Vehicles, Prisoners}
	case "COERCE":
		keys = []string{Arrested, Vehicles, Dead, Injured}
	case "RETREAT":
		keys = []string{Prisoners, Fighters, Vehicles}
	case "MOBILIZE":
		keys = []string{Fighters, Vehicles}
	case "PROTEST":
		keys = []string{Dead, Injured, Arrested}
	case "CONCEDE", "AGREE":
		keys = []string{Prisoners} // a release agreed or conceded
	}
	out := map[string]int{}
	for _, k := range keys {
		if v, ok := q[k]; ok {
			out[k] = v
		}
	}
	return out
}

// mergeEvents joins repeated reports of one event in a document: same type
// and modality, same actor (or none), no conflicting location or date.
// News repeats the lead event in the headline and again in the body.
//
// A place inside a country does not conflict with the country ("قرب سرت"
// … "شمالي ليبيا": within reports whether the first lies in the second;
// nil: names only); the merged event keeps the narrower place.
func mergeEvents(evs []model.Event, within func(place, country string) bool, pub time.Time) []model.Event {
	in := func(a, b string) bool { return within != nil && within(a, b) }
	var out []model.Event
	for _, e := range evs {
		merged := false
		for i := range out {
			o := &out[i]
			// a claim of an event told as fact elsewhere in the article is
			// the same event ("زار حفتر باريس" … "وأكد مصدر أن زيارة حفتر")
			if o.Type != e.Type || o.Modality != e.Modality && !factual(o.Modality, e.Modality) {
				continue
			}
			if e.Actor != "" && o.Actor != "" && e.Actor != o.Actor {
				continue
			}
			if e.Location != "" && o.Location != "" && e.Location != o.Location && !in(e.Location, o.Location) && !in(o.Location, e.Location) {
				continue
			}
			if e.DateText != "" && o.DateText != "" && (e.Date != o.Date || e.Date == "" && e.DateText != o.DateText) {
				continue
			}
			// news tells what just happened without a date and the
			// background with one: an undated report with counts of its
			// own is not the event of a date weeks before publication
			// ("الاشتباكات … اندلعت منذ أكتوبر 2014" … "جنديين ليبيين قتلا
			// وأصيب عشرة … في قتال"); an undated mention without counts
			// is often the same background event named again (تنحي ميليباند)
			if e.DateText == "" && len(e.Quantities) > 0 && background(o.Date, pub) ||
				o.DateText == "" && len(o.Quantities) > 0 && background(e.Date, pub) {
				continue
			}
			// a tally over a month or a year ("25 جنديا قتلوا … في شهر
			// يوليو وحده") is not one undated incident of the article
			// ("يقتل انتحاري ثلاثة جنود"), nor does it lend it its counts;
			// the same tally told again is ("25 جنديا قتلوا وأصيب 35 آخرون
			// في شهر يوليو" … "25 قتيلا و35 جريحا … خلال معاركها")
			if (e.DateText == "" && coarse(o.Date) && len(o.Quantities) > 0 ||
				o.DateText == "" && coarse(e.Date) && len(e.Quantities) > 0) && !sameTally(e.Quantities, o.Quantities) {
				continue
			}
			if o.Type == "CONSULT" && e.Mode != o.Mode && e.Mode != "" && o.Mode != "" && !(e.Mode == "visit" || o.Mode == "visit") {
				continue
			}
			// the same actor, or the same place, or nothing to tell them apart
			same := e.Actor != "" && e.Actor == o.Actor || e.Location != "" && e.Location == o.Location ||
				e.Actor == "" && e.Location == "" && len(e.Recipients) == 0 ||
				// the same tally told again ("قتل 25 جندياً … وأصيب 35"
				// … "إن 25 من قوات الصاعقة قتلوا وأصيب 35 آخرون")
				sameTally(e.Quantities, o.Quantities)
			if !same {
				continue
			}
			if len(e.Quantities) > 0 && len(o.Quantities) > 0 && !sameCounts(e.Quantities, o.Quantities) {
				continue
			}
			merged = true
			if o.Actor == "" {
				o.Actor = e.Actor
			}
			if o.Location == "" || in(e.Location, o.Location) {
				o.Location = e.Location
			}
			if o.DateText == "" {
				o.Date, o.DateText = e.Date, e.DateText
			}
			if o.Mode == "" {
				o.Mode = e.Mode
			}
			for _, r := range e.Recipients {
				if !contains(o.Recipients, r) && r != o.Actor {
					o.Recipients = append(o.Recipients, r)
				}
			}
			for k, v := range e.Quantities {
				if _, ok := o.Quantities[k]; !ok {
					o.Quantities[k] = v
				}
			}
			break
		}
		if !merged {
			out = append(out, e)
		}
	}
	return out
}

// sameTally reports two count sets that are one tally told twice: the
// same keys and numbers, and more than one number or one of at least 5
// (two reports of "قتل جنديان" may be two incidents).
func sameTally(a, b map[string]int) bool {
	if len(a) == 0 || len(a) != len(b) {
		return false
	}
	big := len(a) > 1
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
		big = big || v >= 5
	}
	return big
}

// factual reports whether two modalities both tell the event happened.
func factual(a, b string) bool {
	return (a == model.Asserted || a == model.Reported) && (b == model.Asserted || b == model.Reported)
}

// coarse reports an ISO date of a month or a year, not of a day.
func coarse(date string) bool {
	return date != "" && len(date) < len("2006-01-02")
}

// sameCounts reports whether two count sets agree on every shared key.
// background reports an ISO date (day, month or year) that ends more
// than a week before the publication date.
func background(date string, pub time.Time) bool {
	if date == "" || pub.IsZero() {
		return false
	}
	var end time.Time
	for _, layout := range [...]string{"2006-01-02", "2006-01", "2006"} {
		t, err := time.Parse(layout, date)
		if err != nil {
			continue
		}
		switch layout {
		case "2006-01":
			end = t.AddDate(0, 1, 0)
		case "2006":
			end = t.AddDate(1, 0, 0)
		default:
			end = t.AddDate(0, 0, 1)
		}
		break
	}
	return !end.IsZero() && end.Before(pub.AddDate(0, 0, -7))
}

func sameCounts(a, b map[string]int) bool {
	for k, v := range a {
		if w, ok := b[k]; ok && w != v {
			return false
		}
	}
	return true
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// sentenceMentions returns the mentions of dms (sorted by start) that start
// in [s, e).
func sentenceMentions(dms []docMention, s, e int) []docMention {
	lo := sort.Search(len(dms), func(i int) bool { return dms[i].Start >= s })
	hi := lo + sort.Search(len(dms)-lo, func(i int) bool { return dms[lo+i].Start >= e })
	return dms[lo:hi:hi]
}

// arabicNorm folds s with arabic.Normalize and turns every character that
// is no letter or digit into a space.
func arabicNorm(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, arabic.Normalize(s))
}

// question reports whether a sentence is a question: it ends with a
// question mark, closing quotes and brackets aside. "قمتم أخيرا برعاية اتفاق
// لتبادل الأسرى بين الحوثيين والمقاومة، حدثنا عن هذا؟" (devgold2: an
// interview's question coded RETREAT), "ولماذا رفضت دمشق …؟": 14 events on
// arabic-news, all but one or two no report of an event.
func question(s string) bool {
	s = strings.TrimRight(s, " \t\n\"'»”)]")
	return strings.HasSuffix(s, "؟") || strings.HasSuffix(s, "?")
}
