// Command traindetect trains the event detector of package event on the
// labelled sentences of arabic_event_gsr (ASSAULT and PROTEST; labels "yes",
// "easy no", "difficult no"), reports k-fold cross-validated precision,
// recall and F1 of the decision `marsad extract` makes (each sentence is
// analysed by the same NER and entity stages first), and writes the
// weights to internal/event/data/detector.tsv.
//
//	go run ./internal/event/cmd/traindetect -data ../shared/data/arabic_event_gsr -out internal/event/data/detector.tsv
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/marsad-project/marsad/internal/entity"
	"github.com/marsad-project/marsad/internal/event"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/ner"
	"github.com/marsad-project/marsad/internal/pipeline"
)

var (
	showErrors   = flag.Bool("errors", false, "print the cross-validation errors")
	withOvert    = flag.String("overt", "", "comma-separated types: evaluate the decision with them in event.Options.Overt (fully stated events pass without the detector)")
	dropPrefixes []string
	epochList    []int
	l2List       []float64
)

func filter(fs []string) []string {
	if len(dropPrefixes) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		keep := true
		for _, p := range dropPrefixes {
			if strings.HasPrefix(f, p) {
				keep = false
			}
		}
		if keep {
			out = append(out, f)
		}
	}
	return out
}

type item struct {
	ID, Text, Label string
	sents           [][]string // features per sentence, as extract sees them
	whole           []string   // features of the whole text, for training
}

func main() {
	data := flag.String("data", "../shared/data/arabic_event_gsr", "folder with assault.dev.jsonl and protest.dev.jsonl")
	out := flag.String("out", "", "write the trained detector here (empty: only cross-validate)")
	k := flag.Int("k", 5, "folds")
	drop := flag.String("drop", "", "comma-separated feature prefixes to leave out (ablation), e.g. b:,u:")
	epochs := flag.String("epochs", "10", "comma-separated epoch counts to try")
	l2s := flag.String("l2", "0.001,0.01", "comma-separated L2 penalties to try")
	flag.Parse()
	for _, e := range strings.Split(*l2s, ",") {
		var v float64
		fmt.Sscan(e, &v)
		l2List = append(l2List, v)
	}
	if *drop != "" {
		dropPrefixes = strings.Split(*drop, ",")
	}
	for _, e := range strings.Split(*epochs, ",") {
		var n int
		fmt.Sscan(e, &n)
		epochList = append(epochList, n)
	}
	if err := run(*data, *out, *k); err != nil {
		fmt.Fprintln(os.Stderr, "traindetect:", err)
		os.Exit(1)
	}
}

// load reads the labelled sentences and analyses each as extract does
// (sentences, NER, places, entities), so that the detector sees the same
// features in training as in use.
func load(path string, p *pipeline.Pipeline, x *event.Extractor) ([]item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var items []item
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var it item
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			return nil, err
		}
		text := strings.TrimSpace(it.Text)
		a, err := p.Analyze(context.Background(), model.Document{ID: it.ID, Text: text})
		if err != nil {
			return nil, err
		}
		it.whole = filter(x.SentenceFeatures(&a, model.Sentence{Start: 0, End: len(text)}))
		for _, s := range a.Sentences {
			it.sents = append(it.sents, filter(x.SentenceFeatures(&a, s)))
		}
		items = append(items, it)
	}
	return items, sc.Err()
}

// score is the decision extract makes: some sentence of the item reaches
// the threshold.
func score(m *event.LinearModel, typ string, it item) float64 {
	best := 0.0
	for _, s := range it.sents {
		if !hasFeature(s, "t:"+typ) {
			continue // extract asks the detector only about sentences with a trigger
		}
		if listed(*withOvert, typ) && hasFeature(s, "overt:"+typ) {
			return 1 // Options.Overt: a fully stated event passes without the detector
		}
		if p := m.Prob(s); p > best {
			best = p
		}
	}
	return best
}

func listed(list, typ string) bool {
	for _, t := range strings.Split(list, ",") {
		if t == typ {
			return true
		}
	}
	return false
}

func hasFeature(fs []string, f string) bool {
	for _, x := range fs {
		if x == f {
			return true
		}
	}
	return false
}

type result struct{ tp, fp, fn int }

func (r result) f1() (p, rc, f float64) {
	if r.tp+r.fp > 0 {
		p = float64(r.tp) / float64(r.tp+r.fp)
	}
	if r.tp+r.fn > 0 {
		rc = float64(r.tp) / float64(r.tp+r.fn)
	}
	if p+rc > 0 {
		f = 2 * p * rc / (p + rc)
	}
	return
}

// crossValidate returns out-of-fold scores, folds stratified by label.
func crossValidate(items []item, typ string, k int, opt event.TrainOptions) []float64 {
	fold := make([]int, len(items))
	var pos, neg []int
	for i, it := range items {
		if it.Label == "yes" {
			pos = append(pos, i)
		} else {
			neg = append(neg, i)
		}
	}
	for j, i := range pos {
		fold[i] = j % k
	}
	for j, i := range neg {
		fold[i] = j % k
	}
	scores := make([]float64, len(items))
	for f := 0; f < k; f++ {
		var ex []event.Example
		for i, it := range items {
			if fold[i] != f {
				ex = append(ex, event.Example{Feats: it.whole, Pos: it.Label == "yes"})
			}
		}
		m := event.Train(ex, opt)
		for i, it := range items {
			if fold[i] == f {
				scores[i] = score(m, typ, it)
			}
		}
	}
	return scores
}

func evaluate(items []item, scores []float64, thr float64) result {
	var r result
	for i, it := range items {
		hit, pos := scores[i] >= thr, it.Label == "yes"
		switch {
		case hit && pos:
			r.tp++
		case hit:
			r.fp++
		case pos:
			r.fn++
		}
	}
	return r
}

func run(data, out string, k int) error {
	tagger, err := ner.Load()
	if err != nil {
		return err
	}
	places, err := entity.NewPlaceFinder(entity.DefaultFinderOptions())
	if err != nil {
		return err
	}
	resolver, err := entity.NewResolver(entity.DefaultOptions())
	if err != nil {
		return err
	}
	p := pipeline.New(ner.NewStage(tagger), places, resolver)
	x, err := event.New(event.DefaultOptions())
	if err != nil {
		return err
	}
	models := map[string]*event.LinearModel{}
	for _, typ := range []string{"ASSAULT", "PROTEST"} {
		items, err := load(filepath.Join(data, strings.ToLower(typ)+".dev.jsonl"), p, x)
		if err != nil {
			return err
		}
		type cfg struct {
			opt    event.TrainOptions
			thr    float64
			r      result
			scores []float64
		}
		var best *cfg
		for _, ps := range []float64{1, 3} {
			for _, l2 := range l2List {
				for _, ep := range epochList {
					opt := event.DefaultTrainOptions()
					opt.PosScale, opt.L2, opt.Epochs = ps, l2, ep
					scores := crossValidate(items, typ, k, opt)
					// threshold: the F1-best on the pooled out-of-fold scores
					ths := append([]float64(nil), scores...)
					sort.Float64s(ths)
					for _, t := range ths {
						r := evaluate(items, scores, t)
						_, _, f := r.f1()
						if best == nil || f > func() float64 { _, _, bf := best.r.f1(); return bf }() {
							best = &cfg{opt: opt, thr: t, r: r, scores: scores}
						}
					}
					_, _, f := best.r.f1()
					fmt.Fprintf(os.Stderr, "%s posScale=%g l2=%g epochs=%d: best so far F1 %.3f\n", typ, ps, l2, ep, f)
				}
			}
		}
		p, rc, f := best.r.f1()
		fmt.Printf("%s: %d-fold CV on %d sentences (%d yes): precision %.3f recall %.3f F1 %.3f (tp %d fp %d fn %d) posScale=%g l2=%g epochs=%d threshold=%.3f\n",
			typ, k, len(items), best.r.tp+best.r.fn, p, rc, f, best.r.tp, best.r.fp, best.r.fn, best.opt.PosScale, best.opt.L2, best.opt.Epochs, best.thr)
		if *showErrors {
			for i, it := range items {
				hit := best.scores[i] >= best.thr
				if hit != (it.Label == "yes") {
					fmt.Printf("%s\t%s\t%.2f\t%s\n", typ, it.Label, best.scores[i], it.Text)
				}
			}
		}
		var ex []event.Example
		for _, it := range items {
			ex = append(ex, event.Example{Feats: it.whole, Pos: it.Label == "yes"})
		}
		m := event.Train(ex, best.opt)
		m.Threshold = best.thr
		models[typ] = m
	}
	if out == "" {
		return nil
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	fmt.Fprintln(f, "# marsad event detector: logistic regression per type over event.Features, trained by")
	fmt.Fprintln(f, "# internal/event/cmd/traindetect on arabic_event_gsr dev sentences (openeventdata, MIT).")
	if err := event.WriteDetector(f, event.NewDetector(models), 1e-3); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
