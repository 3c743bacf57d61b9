package event

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// Types returns the 16 PLOVER event types in the manual's order
// (model.PLOVERTypes), a fresh slice on each call.
func Types() []string { return model.PLOVERTypes() }

// IsType reports whether t is a PLOVER event type.
func IsType(t string) bool { return slices.Contains(model.PLOVERTypes(), t) }

// Part-of-speech classes of a trigger entry.
const (
	POSVerb   = "V" // a verb, listed with its masdar
	POSNoun   = "N" // an event noun
	POSPhrase = "P" // a multi-word pattern
	// POSVerbOnly is a verb whose masdar is too ambiguous to trigger: the
	// noun دعم names offices ("إدارة الدعم") and aid as often as support.
	POSVerbOnly = "VO"
)

// Pattern is one entry of the trigger lexicon.
type Pattern struct {
	ID    int        // line order in the lexicon
	Words [][]string // alternatives per position (normalised); nil marks a gap
	Gaps  []int      // for a gap position, how many words it may skip
	Type  string     // PLOVER type
	Mode  string     // PLOVER mode, "" when none
	POS   string     // V, N or P
	Note  string     // English gloss
}

// Lexicon is a compiled trigger lexicon. It is immutable and safe for
// concurrent use.
type Lexicon struct {
	patterns []*Pattern
	byFirst  map[string][]*Pattern // first-word form → patterns
}

// Patterns returns the entries in file order.
func (l *Lexicon) Patterns() []*Pattern { return l.patterns }

//go:embed data/triggers.tsv
var triggersTSV string

// DefaultLexicon returns the lexicon shipped with marsad (data/triggers.tsv),
// parsed once and shared read-only.
func DefaultLexicon() (*Lexicon, error) { return defaultLexicon() }

var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	return ParseLexicon(strings.NewReader(triggersTSV))
})

// maxGap is how many words a "*" in a pattern may skip: enough for a
// verb-subject-object order such as "أرسل الجيش الليبي خلال الأيام الماضية
// تعزيزات"; before a preposition (طلب … من، بحث … مع) the subject with its
// titles may be longer: "طلب رئيس مجلس النواب الليبي، المستشار عقيلة صالح، من".
const (
	maxGap     = 6
	maxGapPrep = 9
	maxGapLong = 10 // "**": an order and its addressee, "أمر القوات الخاصة (الصاعقة) التابعة للقيادة العامة للجيش الليبي بالاستعداد"
)

var gapPreps = map[string]bool{"مع": true, "من": true, "الي": true, "عن": true, "علي": true, "في": true, "ب": true}

// ParseLexicon reads a trigger lexicon in the TSV format of
// data/triggers.tsv.
func ParseLexicon(r io.Reader) (*Lexicon, error) {
	l := &Lexicon{byFirst: map[string][]*Pattern{}}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			return nil, fmt.Errorf("event: lexicon line %d: want 4 tab-separated fields, have %d", n, len(f))
		}
		p := &Pattern{ID: len(l.patterns), Type: f[1], Mode: f[2], POS: f[3]}
		if len(f) > 4 {
			p.Note = f[4]
		}
		switch p.POS {
		case POSVerb, POSNoun, POSPhrase, POSVerbOnly:
		default:
			return nil, fmt.Errorf("event: lexicon line %d: POS %q is not V, N, P or VO", n, p.POS)
		}
		if !IsType(p.Type) {
			return nil, fmt.Errorf("event: lexicon line %d: %q is not a PLOVER type", n, p.Type)
		}
		for _, w := range strings.Fields(f[0]) {
			switch w {
			case "*":
				p.Words, p.Gaps = append(p.Words, nil), append(p.Gaps, maxGap)
				continue
			case "**":
				p.Words, p.Gaps = append(p.Words, nil), append(p.Gaps, maxGapLong)
				continue
			}
			p.Gaps = append(p.Gaps, 0)
			var alts []string
			for _, a := range strings.Split(w, "|") {
				if a = arabic.Normalize(a); a != "" {
					alts = append(alts, a)
				}
			}
			if len(alts) == 0 {
				return nil, fmt.Errorf("event: lexicon line %d: empty word", n)
			}
			p.Words = append(p.Words, alts)
		}
		if len(p.Words) == 0 || p.Words[0] == nil || p.Words[len(p.Words)-1] == nil {
			return nil, fmt.Errorf("event: lexicon line %d: a pattern must start and end with a word", n)
		}
		l.patterns = append(l.patterns, p)
		seen := map[string]bool{}
		for _, a := range p.Words[0] {
			if !seen[a] {
				seen[a] = true
				l.byFirst[a] = append(l.byFirst[a], p)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("event: lexicon: %w", err)
	}
	return l, nil
}

// Match is one trigger found in a sentence.
type Match struct {
	Pattern *Pattern
	First   int   // index of the first matched word
	Last    int   // index of the last matched word
	Used    []int // indexes of the words the pattern matched (not the gaps)
	Future  bool  // the trigger verb carries the future prefix سـ
	Next    int   // index of the first word of the next trigger of another type in the sentence (0: none)
}

// Find returns the non-overlapping trigger matches in words, longer
// patterns first (so "شن … غارات" wins over "غارات").
func (l *Lexicon) Find(words []word) []Match {
	var all []Match
	for i := range words {
		for _, r := range words[i].readings {
			for _, p := range l.byFirst[r] {
				if used, ok := matchAt(p, words, i); ok {
					all = append(all, Match{Pattern: p, First: i, Last: used[len(used)-1], Used: used, Future: words[i].future})
				}
			}
		}
	}
	if len(all) == 0 {
		return nil
	}
	sort.SliceStable(all, func(a, b int) bool {
		la, lb := len(all[a].Used), len(all[b].Used)
		if la != lb {
			return la > lb
		}
		if all[a].First != all[b].First {
			return all[a].First < all[b].First
		}
		return all[a].Pattern.ID < all[b].Pattern.ID
	})
	taken := make([]bool, len(words))
	var out []Match
	for _, m := range all {
		clash := false
		for _, u := range m.Used {
			if taken[u] {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		for _, u := range m.Used {
			taken[u] = true
		}
		out = append(out, m)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].First < out[b].First })
	// the next trigger, skipping those of the same physical type: triggers
	// of one attack, arrest … in a sentence tell one event ("مقتل 17 من داعش
	// إثر قصف جوي استهدف معسكرا قرب سرت"); a request, accusation … inside
	// another ("دعا صالح إيطاليا إلى حث البعثة") is another act
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if t := out[i].Pattern.Type; out[j].Pattern.Type != t || !physical[t] {
				out[i].Next = out[j].First
				break
			}
		}
	}
	return out
}

// matchAt matches p at words[i:], returning the matched word indexes.
func matchAt(p *Pattern, words []word, i int) ([]int, bool) {
	used := []int{i}
	j := i + 1
	gap := 0
	for k := 1; k < len(p.Words); k++ {
		if p.Words[k] == nil {
			gap = p.Gaps[k]
			if gap == maxGap && k+1 < len(p.Words) && p.Words[k+1] != nil && gapPreps[p.Words[k+1][0]] {
				gap = maxGapPrep
			}
			continue
		}
		found := -1
		for s := j; s <= j+gap && s < len(words); s++ {
			if words[s].hasAny(p.Words[k]) {
				found = s
				break
			}
			if s > j && words[s-1].Norm == "." {
				break
			}
		}
		if found < 0 {
			return nil, false
		}
		used = append(used, found)
		j = found + 1
		gap = 0
	}
	return used, true
}
