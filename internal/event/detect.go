package event

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/marsad-project/marsad/internal/model"
)

// Detector scores a sentence for the event types where a trigger word is
// not enough: a sentence that mentions violence or protest is not always a
// report of an attack or a demonstration (arabic_event_gsr's "difficult
// no" sentences). It is a logistic regression per type over the features
// of Features, trained by cmd/traindetect on arabic_event_gsr.
type Detector struct {
	models map[string]*LinearModel
}

// LinearModel is a logistic regression over string features.
type LinearModel struct {
	Bias      float64
	Threshold float64 // decision threshold on the probability
	W         map[string]float64
}

// Prob returns the probability that feats describe a positive.
func (m *LinearModel) Prob(feats []string) float64 {
	z := m.Bias
	for _, f := range feats {
		z += m.W[f]
	}
	return 1 / (1 + math.Exp(-z))
}

// Model returns the model for an event type, or nil.
func (d *Detector) Model(typ string) *LinearModel {
	if d == nil {
		return nil
	}
	return d.models[typ]
}

// Types returns the event types the detector has models for.
func (d *Detector) Types() []string {
	var ts []string
	for t := range d.models {
		ts = append(ts, t)
	}
	sort.Strings(ts)
	return ts
}

// NewDetector returns a detector with the given models by type.
func NewDetector(models map[string]*LinearModel) *Detector { return &Detector{models: models} }

//go:embed data/detector.tsv
var detectorTSV string

// DefaultDetector returns the detector shipped with marsad
// (data/detector.tsv, trained on arabic_event_gsr; MIT), parsed once and
// shared read-only.
func DefaultDetector() (*Detector, error) { return defaultDetector() }

var defaultDetector = sync.OnceValues(func() (*Detector, error) {
	return ReadDetector(strings.NewReader(detectorTSV))
})

// ReadDetector reads models written by WriteDetector: lines
// "TYPE<TAB>feature<TAB>weight" with the features __bias__ and __threshold__.
func ReadDetector(r io.Reader) (*Detector, error) {
	d := &Detector{models: map[string]*LinearModel{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("event: detector line %d: want 3 fields", n)
		}
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return nil, fmt.Errorf("event: detector line %d: %w", n, err)
		}
		m := d.models[f[0]]
		if m == nil {
			m = &LinearModel{W: map[string]float64{}, Threshold: 0.5}
			d.models[f[0]] = m
		}
		switch f[1] {
		case "__bias__":
			m.Bias = v
		case "__threshold__":
			m.Threshold = v
		default:
			m.W[f[1]] = v
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("event: detector: %w", err)
	}
	return d, nil
}

// WriteDetector writes d's models, dropping weights smaller than minWeight.
func WriteDetector(w io.Writer, d *Detector, minWeight float64) error {
	bw := bufio.NewWriter(w)
	for _, t := range d.Types() {
		m := d.models[t]
		fmt.Fprintf(bw, "%s\t__bias__\t%.5g\n%s\t__threshold__\t%.4g\n", t, m.Bias, t, m.Threshold)
		keys := make([]string, 0, len(m.W))
		for k, v := range m.W {
			if math.Abs(v) >= minWeight {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(bw, "%s\t%s\t%.4g\n", t, k, m.W[k])
		}
	}
	return bw.Flush()
}

// Features returns the detector's features of one sentence: words (their
// bases: conjunction, article, glued preposition removed; word pairs
// over-fitted in cross-validation and are left out),
// the trigger lexicon's types, modes and patterns, casualty and other
// counts, date expressions, negation / future / attribution cues, question
// marks, and the sentence length.
func Features(text string, words []word, matches []Match, q map[string]int, dates []DateExpr, ms []mention) []string {
	f := make([]string, 0, 3*len(words)+16)
	// named participants and places: a report of one event names them
	for _, x := range ms {
		f = append(f, "ent:"+x.Type)
		if x.Type == model.LOC && x.locative {
			f = append(f, "ent:locative")
		}
	}
	for i := range words {
		b := words[i].base
		if words[i].number {
			b = "#"
		}
		f = append(f, "u:"+b)
		if words[i].future {
			f = append(f, "fut")
		}
		if negators[words[i].Norm] {
			f = append(f, "neg")
		}
		if claimVerbs[b] || sourceNouns[b] {
			f = append(f, "src")
		}
	}
	count := map[string]int{}
	for _, m := range matches {
		p := m.Pattern
		count[p.Type]++
		if count[p.Type] == 2 {
			f = append(f, "tmany:"+p.Type)
		}
		if m.First > 0 {
			f = append(f, "tb:"+p.Type+"/"+words[m.First-1].base)
		}
		if m.Last+1 < len(words) {
			f = append(f, "ta:"+p.Type+"/"+words[m.Last+1].base)
		}
		tw := words[m.First]
		switch {
		case p.POS == POSVerb && (tw.has(p.Words[0][0]) || tw.Norm == p.Words[0][0]):
			f = append(f, "tpast:"+p.Type) // the first form listed is the past 3ms
		case p.POS == POSVerb && strings.HasPrefix(tw.base, "ي"):
			f = append(f, "tpres:"+p.Type)
		case p.POS == POSPhrase:
			f = append(f, "tphrase:"+p.Type)
		default:
			f = append(f, "tnoun:"+p.Type)
		}
		if len(q) > 0 {
			f = append(f, "tq:"+p.Type)
		}
		if len(dates) > 0 {
			f = append(f, "tdate:"+p.Type)
		}
		if len(ms) > 0 {
			actor, recips, loc := arguments(p, words, ms, m)
			if actor != "" {
				f = append(f, "arg:actor:"+p.Type)
			}
			if len(recips) > 0 {
				f = append(f, "arg:recip:"+p.Type)
			}
			if loc != nil {
				f = append(f, "arg:loc:"+p.Type)
			}
		}
		if TriedFeatures {
			f = triedFeatures(f, p, words, m, ms)
		}
		if ClusterFeatures != "" {
			f = clusterNear(f, p.Type, words, m)
		}
		if BackgroundFeatures {
			if k := bgCue(p, words, m); k != "" {
				f = append(f, "bg:"+p.Type+"/"+k, "bg:"+p.Type)
			}
		}
		if len(ms) > 0 && overt(p.Type, words, []Match{m}, ms, q) {
			f = append(f, "overt:"+p.Type)
		}
		mod := modality(words, m.First, m.Future, nil)
		f = append(f, "t:"+p.Type, "tm:"+p.Type+"/"+p.Mode, "tp:"+p.Type+"/"+p.Words[0][0], "tpos:"+p.Type+"/"+p.POS, "tmod:"+p.Type+"/"+mod)
		if m.First < 3 {
			f = append(f, "tfirst:"+p.Type)
		}
	}
	if ClusterFeatures != "" {
		f = clusterBag(f, words)
	}
	if CueFeatures {
		f = cueFeatures(f, words, matches)
	}
	if TriggerCountFeatures {
		for t, n := range count {
			f = append(f, "tn:"+t+"/"+strconv.Itoa(min(n, 4)))
		}
	}
	for k := range q {
		f = append(f, "q:"+k)
	}
	// a crowd: a count next to people (مئات المتظاهرين، 40 متظاهرا، آلاف الأشخاص)
	for i := range words {
		if _, _, ok := parseNumber(words, i); ok && i+1 < len(words) {
			if n := words[i+1].base; crowdNouns[n] || i+2 < len(words) && crowdNouns[words[i+2].base] {
				f = append(f, "crowd")
				break
			}
		}
	}
	if len(q) > 0 {
		f = append(f, "q:any")
	}
	if len(dates) > 0 {
		f = append(f, "date")
	}
	if DateKindFeatures {
		// a date that needs the publication date (أمس، الخميس، الشهر
		// الماضي) against one stated in full (a year): a report of the day
		// against a look back
		for _, d := range dates {
			if d.Date == "" {
				f = append(f, "dk:rel")
			} else {
				f = append(f, "dk:abs")
			}
		}
	}
	if strings.ContainsAny(text, "?؟") {
		f = append(f, "question")
	}
	if strings.ContainsAny(text, "«»\"“”") {
		f = append(f, "quote")
	}
	n := len(words)
	switch {
	case n < 8:
		f = append(f, "len:short")
	case n < 20:
		f = append(f, "len:mid")
	case n < 40:
		f = append(f, "len:long")
	default:
		f = append(f, "len:vlong")
	}
	return f
}

// DateKindFeatures adds "dk:rel" / "dk:abs" per date expression: relative
// to the publication date or stated in full (cmd/traindetect -dk; tried and
// dropped).
var DateKindFeatures bool

// TriggerCountFeatures adds "tn:TYPE/n", the number of triggers of each
// type in the sentence (1, 2, 3, 4 or more; cmd/traindetect -tn; tried and
// dropped).
var TriggerCountFeatures bool

// TriedFeatures adds features that were tried and dropped (cmd/traindetect
// -tried; docs/BENCHMARKS.md gives their figures), so that the figures can
// be rerun. Off in use: the shipped detector has no weights for them.
var TriedFeatures bool

// triedFeatures: the words of the trigger's own clause (between the clause
// boundaries around it, "c:"), and the entity types of its actor and first
// recipient ("at:").
func triedFeatures(f []string, p *Pattern, words []word, m Match, ms []mention) []string {
	a, b := m.First, m.Last
	for a > 0 && !words[a-1].boundary {
		a--
	}
	for b < len(words)-1 && !words[b].boundary {
		b++
	}
	for k := a; k <= b; k++ {
		if k < m.First || k > m.Last {
			f = append(f, "c:"+p.Type+"/"+words[k].base)
		}
	}
	if len(ms) == 0 {
		return f
	}
	actor, recips, _ := arguments(p, words, ms, m)
	for _, x := range ms {
		if actor != "" && x.Name == actor {
			f = append(f, "at:actor:"+p.Type+"/"+x.Type)
			break
		}
	}
	for _, x := range ms {
		if len(recips) > 0 && x.Name == recips[0] {
			f = append(f, "at:recip:"+p.Type+"/"+x.Type)
			break
		}
	}
	return f
}

var crowdNouns = normKeys(map[string]bool{
	"متظاهرين": true, "متظاهرا": true, "متظاهر": true, "محتجين": true, "محتجا": true, "اشخاص": true, "شخص": true, "شخصا": true,
	"مواطنين": true, "مواطن": true, "طلاب": true, "عمال": true, "انصار": true, "مؤيدي": true, "مويدي": true, "مناصري": true, "ناشطين": true,
})

// Example is one labelled sentence for training.
type Example struct {
	Feats []string
	Vals  []float64 // the features' values; nil: all 1
	Pos   bool
	// Soft, if > 0, is the target of a negative instead of 0 (a soft
	// label: arabic_event_gsr's "difficult no" had a dissenting accept)
	Soft float64
	// Weight scales the example's loss; 0: 1 (PosScale for a positive)
	Weight float64
}

// TrainOptions controls Train.
type TrainOptions struct {
	Epochs   int     // passes over the data
	Rate     float64 // AdaGrad base learning rate
	L2       float64 // L2 penalty per update
	PosScale float64 // weight of a positive example (class imbalance)
	Seed     uint64  // shuffling seed
}

// DefaultTrainOptions are the settings cmd/traindetect uses (chosen by
// cross-validation on the dev part of arabic_event_gsr).
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Epochs: 30, Rate: 0.2, L2: 1e-4, PosScale: 3, Seed: 1}
}

// Train fits a logistic regression with AdaGrad. Deterministic for a seed.
func Train(ex []Example, opt TrainOptions) *LinearModel {
	// features as dense indices: the inner loop then runs on slices
	index := map[string]int32{}
	var names []string
	xs := make([][]int32, len(ex))
	vals := make([][]float64, len(ex))
	for i, e := range ex {
		vals[i] = e.Vals
		xs[i] = make([]int32, len(e.Feats))
		for j, f := range e.Feats {
			k, ok := index[f]
			if !ok {
				k = int32(len(names))
				index[f] = k
				names = append(names, f)
			}
			xs[i][j] = k
		}
	}
	w := make([]float64, len(names))
	g2 := make([]float64, len(names))
	var bias, gb float64
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	s := opt.Seed | 1
	for ep := 0; ep < opt.Epochs; ep++ {
		for i := len(order) - 1; i > 0; i-- { // Fisher-Yates with xorshift
			s ^= s << 13
			s ^= s >> 7
			s ^= s << 17
			j := int(s % uint64(i+1))
			order[i], order[j] = order[j], order[i]
		}
		for _, k := range order {
			z := bias
			v := vals[k]
			for j, f := range xs[k] {
				if v != nil {
					z += w[f] * v[j]
				} else {
					z += w[f]
				}
			}
			p := 1 / (1 + math.Exp(-z))
			y := ex[k].Soft
			wt := 1.0
			if ex[k].Pos {
				y, wt = 1, opt.PosScale
			}
			if ex[k].Weight > 0 {
				wt *= ex[k].Weight
			}
			g := (p - y) * wt
			gb += g * g
			bias -= opt.Rate * g / math.Sqrt(gb+1e-8)
			for j, f := range xs[k] {
				gf := g + opt.L2*w[f]
				if v != nil {
					gf = g*v[j] + opt.L2*w[f]
				}
				g2[f] += gf * gf
				w[f] -= opt.Rate * gf / math.Sqrt(g2[f]+1e-8)
			}
		}
	}
	m := &LinearModel{Bias: bias, W: make(map[string]float64, len(names)), Threshold: 0.5}
	for i, n := range names {
		m.W[n] = w[i]
	}
	return m
}

// SentenceFeatures returns the detector features of one sentence of an
// analysis (its entities included), as Extract computes them.
func (x *Extractor) SentenceFeatures(a *model.Analysis, s model.Sentence) []string {
	text := a.Doc.Text
	words := splitWordsCached(x.cache, text, s.Start, s.End)
	ms := placeMentions(text, words, docMentions(a))
	matches := x.triggers(text, words, ms)
	return Features(text[s.Start:s.End], words, matches, Quantities(words), findDates(text, words, time.Time{}), ms)
}
