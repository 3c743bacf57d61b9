package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/ner"
)

// runTrain dispatches `marsad train TARGET`.
func runTrain(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(env.Stderr, "Usage: marsad train ner [flags]\n\nTargets:\n  ner       the named-entity tagger (docs/NER.md)")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
			return nil
		}
		return usageError("train: name what to train (ner)")
	}
	switch args[0] {
	case "ner":
		return runTrainNER(ctx, env, args[1:])
	}
	return usageError("train: unknown target %q (want ner)", args[0])
}

func runTrainNER(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "train ner", "--data FILE --out FILE [flags]")
	def := ner.DefaultTrainOptions()
	data := fs.String("data", "", "training data: CoNLL file, `token TAG` lines (ANERcorp's PERS is read as PER)")
	out := fs.String("out", "", "where to write the model (gzip'd binary; internal/ner/data/model.bin.gz is the embedded one)")
	epochs := fs.Int("epochs", def.Epochs, "passes over the training data (of the second pass, with document features); with --select the most")
	patience := fs.Int("patience", def.Patience, "with --select: stop after this many epochs without a better dev F1 (0: never)")
	seed := fs.Uint64("seed", def.Seed, "random seed (sentence order): same data and seed, same model")
	devFrac := fs.Float64("dev-fraction", 0, "the last fraction of sentences held out as the development set, scored after every epoch (0: none, train on all: the shipped model)")
	sel := fs.Bool("select", false, "choose the epoch (early stopping) and the O penalties on the development set instead of --epochs, --first-epochs, --obias, --first-obias")
	features := fs.String("features", "default", "feature groups: default, all, or a comma list; -name removes one from default (e.g. default,-cluster)")
	writeDev := fs.String("write-dev", "", "also write the development sentences (tags canonical: PER) to this CoNLL file")
	lexDir := fs.String("lexicon", "", "folder with gazetteer.tsv.gz, clusters.tsv.gz and (optional) names.tsv.gz, brown.tsv.gz and tagdist.tsv.gz to use instead of the embedded ones (experiments)")
	prune := fs.Float64("prune", def.Prune, "drop features whose weights are all below this fraction of the largest weight (smaller, faster model)")
	firstEpochs := fs.Int("first-epochs", def.FirstEpochs, "with document features: epochs of the first pass (0: --epochs)")
	obias := fs.Float64("obias", float64(def.OBias), "the O penalty (recall bias) of the model")
	firstOBias := fs.Float64("first-obias", float64(def.FirstOBias), "with document features: the O penalty of the first pass")
	margin := fs.Float64("margin", float64(def.Margin), "cost-augmented training: margin the gold tag must win by where it is O")
	marginEnt := fs.Float64("margin-entity", float64(def.MarginEntity), "cost-augmented training: margin where the gold tag is a name")
	runs := fs.Int("runs", def.Runs, "train this many perceptrons on different sentence orders and average their weights")
	cv := fs.Int("cv", 0, "instead of training one model, cross-validate over N contiguous folds of the data and print the scores (for feature ablations)")
	tbGrid := fs.String("type-bias-grid", "", "with --cv: also score each fold with these per-type recall biases added to the B-/I- scores at decoding (semicolon-separated PER,ORG,LOC,MISC vectors; experiments)")
	tdCorpus := fs.String("tagdist-corpus", "../shared/data/arabic-news", "with the tagdist feature group: the folder of unlabelled news articles (*.jsonl) that first-pass models tag for the corpus tag distributions (required with tagdist)")
	tdOut := fs.String("tagdist-out", "", "with the tagdist feature group: write the tag distributions the model reads (tagdist.tsv.gz) to this file")
	tdMin := fs.Int("tagdist-min", 3, "with the tagdist feature group: minimum count of a word in the news")
	tdByDoc := fs.Bool("tagdist-bydoc", false, "with the tagdist feature group: count a word once per article and type it got there, instead of once per token")
	tdNorm := fs.Bool("tagdist-norm", false, "with the tagdist feature group: also count normalised forms apart (looked up before the core)")
	tdTwoPass := fs.Bool("tagdist-twopass", false, "with the tagdist feature group: count the list the model reads with the two-pass model instead of its first pass (an experiment)")
	tdDump := fs.String("tagdist-dump", "", "with --cv and the tagdist feature group: write fold k's list to this prefix + k + .tsv.gz")
	selfW := fs.Float64("self-weight", 0, "self-training (an experiment): the update weight of news sentences (--tagdist-corpus) the first pass tagged with a large margin, added to its training data (0: off)")
	selfMargin := fs.Float64("self-margin", 4, "self-training: the smallest path margin of a news sentence kept")
	selfMax := fs.Int("self-max", 4000, "self-training: at most this many news sentences (a sample by the seed; 0: all)")
	selfNames := fs.Bool("self-names", true, "self-training: keep only news sentences with at least one name")
	selfMinLen := fs.Int("self-min-len", 5, "self-training: shortest news sentence kept (tokens)")
	selfMaxLen := fs.Int("self-max-len", 60, "self-training: longest news sentence kept (tokens; 0: any)")
	selfRounds := fs.Int("self-rounds", 1, "self-training: rounds of relabelling and retraining")
	selfOuter := fs.Bool("self-outer", false, "self-training: retrain only the first pass run at tagging time, on the news as the two-pass model tagged it (the inner first passes stay gold-only)")
	selfSecond := fs.Bool("self-second", false, "self-training: retrain the second pass on gold plus the news as the two-pass model tagged it")
	selfRelist := fs.Bool("self-relist", false, "with --self-outer: recount the corpus tag distributions with the retrained first pass")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *data == "" || *out == "" {
		fs.Usage()
		return usageError("train ner: --data and --out are required")
	}
	fset, err := parseFeatures(*features)
	if err != nil {
		return usageError("train ner: %v", err)
	}
	f, err := os.Open(*data)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	sents, err := ner.ReadCoNLL(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("train ner: %s: %w", *data, err)
	}
	self := ner.SelfTrainOptions{Weight: float32(*selfW), MinMargin: float32(*selfMargin), Max: *selfMax, Names: *selfNames,
		MinLen: *selfMinLen, MaxLen: *selfMaxLen, Rounds: *selfRounds, Outer: *selfOuter, Relist: *selfRelist, Second: *selfSecond}
	if *cv > 1 {
		o := opt0(*epochs, *patience, *seed, fset)
		o.Self = self
		o.TagDistTwoPass = *tdTwoPass
		o.Prune = *prune
		o.FirstEpochs, o.OBias, o.FirstOBias, o.Select = *firstEpochs, float32(*obias), float32(*firstOBias), *sel
		o.Margin, o.MarginEntity, o.Runs = float32(*margin), float32(*marginEnt), *runs
		return crossValidate(ctx, env, sents, *cv, *devFrac, *lexDir, *tbGrid, o, tdOptions{corpus: *tdCorpus, min: *tdMin, dump: *tdDump, byDoc: *tdByDoc, norm: *tdNorm})
	}
	train, dev := ner.SplitDev(sents, *devFrac)
	fmt.Fprintf(env.Stderr, "data: %d sentences; training on %d, dev = last %d (%.0f%%)\n", len(sents), len(train), len(dev), 100**devFrac)
	if *writeDev != "" {
		cdev, err := ner.CanonicalSentences(dev)
		if err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
		if err := writeConllFile(*writeDev, cdev); err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
	}
	lx, err := loadLexicon(*lexDir)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	opt := def
	if fset&ner.FeatDoc == 0 {
		fset &^= ner.TagDistGroups // second-pass groups
	}
	opt.Self = self
	opt.TagDistTwoPass = *tdTwoPass
	if fset&ner.FeatTagDist != 0 || self.Weight > 0 {
		if *tdCorpus == "" {
			return usageError("train ner: the tagdist features and self-training need --tagdist-corpus")
		}
		if opt.TagDistDocs, err = readNewsDir(*tdCorpus); err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
		opt.TagDistMin, opt.TagDistByDoc, opt.TagDistNorm = *tdMin, *tdByDoc, *tdNorm
	}
	opt.Epochs, opt.Patience, opt.Seed, opt.Features, opt.Progress = *epochs, *patience, *seed, fset, env.Stderr
	opt.Prune = *prune
	opt.FirstEpochs, opt.OBias, opt.FirstOBias, opt.Select = *firstEpochs, float32(*obias), float32(*firstOBias), *sel
	opt.Margin, opt.MarginEntity, opt.Runs = float32(*margin), float32(*marginEnt), *runs
	t0 := time.Now()
	m, rep, err := ner.Train(ctx, train, dev, lx, opt)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	n, err := writeModel(m, *out)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	if rep.TagDist != nil {
		if *tdOut != "" {
			if err := os.WriteFile(*tdOut, rep.TagDist, 0o644); err != nil {
				return fmt.Errorf("train ner: %w", err)
			}
		}
		if lx, err = lx.WithTagDist(rep.TagDist); err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
	}
	if len(dev) > 0 {
		// the written model as `marsad ner` will run it (O penalty included)
		tg, err := ner.NewTagger(m, lx)
		if err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
		cdev, err := ner.CanonicalSentences(dev)
		if err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
		words := make([][]string, len(cdev))
		gold := make([][]string, len(cdev))
		for i, s := range cdev {
			words[i], gold[i] = s.Tokens, s.Tags
		}
		fmt.Fprintf(env.Stderr, "dev scores of the written model (epoch %d):\n", rep.BestEpoch)
		ner.Evaluate(gold, tg.TagSentences(words)).Print(env.Stderr)
	}
	fmt.Fprintf(env.Stderr, "wrote %s (%d bytes, %d features) in %.1fs\n", *out, n, rep.Features, time.Since(t0).Seconds())
	return nil
}

func parseFeatures(spec string) (ner.FeatureSet, error) {
	var fs ner.FeatureSet
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		switch {
		case part == "default":
			fs |= ner.DefaultFeatures
		case part == "all":
			fs |= ^ner.FeatureSet(0)
		case strings.HasPrefix(part, "-"):
			g, ok := ner.ParseFeatureGroup(part[1:])
			if !ok {
				return 0, fmt.Errorf("unknown feature group %q", part[1:])
			}
			fs &^= g
		default:
			g, ok := ner.ParseFeatureGroup(part)
			if !ok {
				return 0, fmt.Errorf("unknown feature group %q", part)
			}
			fs |= g
		}
	}
	return fs, nil
}

func writeConllFile(path string, sents []ner.Sentence) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	tags := make([][]string, len(sents))
	for i, s := range sents {
		tags[i] = s.Tags
	}
	err = ner.WriteCoNLL(f, sents, tags)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func runNER(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "ner", "[flags] [FILE|- ...]")
	text := fs.Bool("text", false, "input is raw text: print the mentions found (TYPE, start, end in code points, text)")
	modelPath := fs.String("model", "", "use this model file instead of the embedded one")
	lexDir := fs.String("lexicon", "", "with --model: the folder of word lists it was trained with (default: the embedded ones)")
	tagset := fs.String("tagset", "auto", "person tag in CoNLL output: PER (marsad), PERS (anercorp), or auto: PERS when the input's tag column uses PERS")
	eval := fs.Bool("eval", false, "CoNLL input with gold tags: print entity-level scores instead of tags")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch *tagset {
	case "auto", "marsad", "anercorp":
	default:
		return usageError("ner: --tagset %q: want auto, marsad or anercorp", *tagset)
	}
	tg, err := loadTagger(*modelPath, *lexDir)
	if err != nil {
		return err
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, err := readInput(p, env.Stdin)
		if err != nil {
			return fmt.Errorf("ner: %w", err)
		}
		if *text {
			writeMentions(out, p, len(paths) > 1, string(b), tg.Mentions(string(b)))
			continue
		}
		sents, err := ner.ReadCoNLL(strings.NewReader(string(b)))
		if err != nil {
			return fmt.Errorf("ner: %s: %w", p, err)
		}
		words := make([][]string, len(sents))
		for i, s := range sents {
			words[i] = s.Tokens
		}
		tags := tg.TagSentences(words)
		pers := *tagset == "anercorp"
		for _, s := range sents {
			if *tagset == "auto" && !pers {
				for _, t := range s.Tags {
					if strings.HasSuffix(t, "-PERS") {
						pers = true
						break
					}
				}
			}
		}
		if *eval {
			gold, err := ner.CanonicalSentences(sents)
			if err != nil {
				return fmt.Errorf("ner: --eval: %s: %w", p, err)
			}
			g := make([][]string, len(gold))
			for i := range gold {
				g[i] = gold[i].Tags
			}
			ner.Evaluate(g, tags).Print(out)
			continue
		}
		if pers {
			for _, ts := range tags {
				for j, t := range ts {
					if strings.HasSuffix(t, "-PER") {
						ts[j] = t + "S"
					}
				}
			}
		}
		if err := ner.WriteCoNLL(out, sents, tags); err != nil {
			return err
		}
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("ner: writing output: %w", err)
	}
	return nil
}

func loadLexicon(dir string) (*ner.Lexicon, error) {
	if dir == "" {
		return ner.DefaultLexicon()
	}
	gaz, err := os.ReadFile(filepath.Join(dir, "gazetteer.tsv.gz"))
	if err != nil {
		return nil, err
	}
	cl, err := os.ReadFile(filepath.Join(dir, "clusters.tsv.gz"))
	if err != nil {
		return nil, err
	}
	names, err := os.ReadFile(filepath.Join(dir, "names.tsv.gz"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	brown, err := os.ReadFile(filepath.Join(dir, "brown.tsv.gz"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	lx, err := ner.ParseLexicon(gaz, cl, names, brown)
	if err != nil {
		return nil, err
	}
	td, err := os.ReadFile(filepath.Join(dir, "tagdist.tsv.gz"))
	if errors.Is(err, fs.ErrNotExist) {
		return lx, nil
	} else if err != nil {
		return nil, err
	}
	return lx.WithTagDist(td)
}

func loadTagger(path, lexDir string) (*ner.Tagger, error) {
	if path == "" {
		return ner.Load()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	defer f.Close()
	m, err := ner.ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("ner: %s: %w", path, err)
	}
	lx, err := loadLexicon(lexDir)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	return ner.NewTagger(m, lx)
}

func readInput(path string, stdin io.Reader) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(stdin)
	}
	return os.ReadFile(path)
}

func writeMentions(w *bufio.Writer, name string, withName bool, text string, ms []model.Mention) {
	idx := model.NewRuneIndex(text)
	for _, m := range ms {
		if withName {
			fmt.Fprintf(w, "%s\t", name)
		}
		fmt.Fprintf(w, "%s\t%d\t%d\t%s\n", m.Type, idx.Rune(m.Start), idx.Rune(m.End), m.Text)
	}
}

func opt0(epochs, patience int, seed uint64, fs ner.FeatureSet) ner.TrainOptions {
	o := ner.DefaultTrainOptions()
	o.Epochs, o.Patience, o.Seed, o.Features = epochs, patience, seed, fs
	return o
}

// crossValidate trains on all folds but one and scores the held-out fold,
// in turn; the development set for early stopping is the last tenth of
// the training part.
// tdOptions are the corpus tag-distribution settings of crossValidate.
type tdOptions struct {
	corpus, dump string
	min          int
	byDoc, norm  bool
}

func readNewsDir(dir string) ([][][]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no news articles (*.jsonl) in %s (--tagdist-corpus)", dir)
	}
	sort.Strings(paths)
	var docs [][][]string
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		d, err := ner.ReadNewsDocuments(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		docs = append(docs, d...)
	}
	return docs, nil
}

func crossValidate(ctx context.Context, env Env, sents []ner.Sentence, k int, devFrac float64, lexDir, grid string, opt ner.TrainOptions, td tdOptions) error {
	lx, err := loadLexicon(lexDir)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	var docs [][][]string
	if opt.Features&ner.FeatDoc == 0 {
		opt.Features &^= ner.TagDistGroups // second-pass groups
	}
	if opt.Features&ner.FeatTagDist != 0 || opt.Self.Weight > 0 {
		if td.corpus == "" {
			return usageError("train ner: the tagdist features and self-training need --tagdist-corpus")
		}
		if docs, err = readNewsDir(td.corpus); err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
	}
	var gold, pred [][]string
	var tbGold [][]string
	tbPred := map[string][][]string{}
	for f := 0; f < k; f++ {
		lo, hi := f*len(sents)/k, (f+1)*len(sents)/k
		rest := append(append([]ner.Sentence(nil), sents[:lo]...), sents[hi:]...)
		tr, dv := ner.SplitDev(rest, devFrac)
		held, err := ner.CanonicalSentences(sents[lo:hi])
		if err != nil {
			return err
		}
		opt.TagDistDocs, opt.TagDistMin, opt.TagDistByDoc, opt.TagDistNorm = docs, td.min, td.byDoc, td.norm
		m, rep, err := ner.Train(ctx, tr, dv, lx, opt)
		if err != nil {
			return fmt.Errorf("train ner: fold %d: %w", f+1, err)
		}
		lxf := lx
		if rep.TagDist != nil {
			if lxf, err = lx.WithTagDist(rep.TagDist); err != nil {
				return err
			}
			if td.dump != "" {
				if err := os.WriteFile(fmt.Sprintf("%s%d.tsv.gz", td.dump, f+1), rep.TagDist, 0o644); err != nil {
					return err
				}
			}
		}
		tg, err := ner.NewTagger(m, lxf)
		if err != nil {
			return err
		}
		words := make([][]string, len(held))
		var g [][]string
		for i, s := range held {
			words[i] = s.Tokens
			g = append(g, s.Tags)
		}
		if grid != "" {
			typeBiasGrid(env, tg, m, grid, g, words, f, &tbGold, tbPred)
		}
		p := tg.TagSentences(words)
		ev := ner.Evaluate(g, p)
		fmt.Fprintf(env.Stdout, "fold %d (sentences %d-%d): F1 %.4f (epochs %d/%d, O bias %.1f/%.1f)\n", f+1, lo+1, hi, ev.Overall.F1(),
			rep.FirstBestEpoch, rep.BestEpoch, rep.FirstOBias, rep.OBias)
		gold, pred = append(gold, g...), append(pred, p...)
	}
	fmt.Fprintf(env.Stdout, "cross-validation, %d folds, features %s:\n", k, opt.Features)
	ner.Evaluate(gold, pred).Print(env.Stdout)
	if len(tbPred) > 0 {
		keys := make([]string, 0, len(tbPred))
		for key := range tbPred {
			keys = append(keys, key)
		}
		sort.Strings(keys)
		for _, key := range keys {
			ev := ner.Evaluate(tbGold, tbPred[key])
			fmt.Fprintf(env.Stdout, "type bias %s: F1 %.4f  PER %.4f ORG %.4f LOC %.4f MISC %.4f\n", key, ev.Overall.F1(),
				ev.ByType["PER"].F1(), ev.ByType["ORG"].F1(), ev.ByType["LOC"].F1(), ev.ByType["MISC"].F1())
		}
	}
	return nil
}

// typeBiasGrid tags one fold's sentences with every per-type bias of the
// grid (--type-bias-grid: semicolon-separated PER,ORG,LOC,MISC vectors)
// and collects the tags by setting (experiments).
func typeBiasGrid(env Env, tg *ner.Tagger, m *ner.Model, grid string, g, words [][]string, f int, gold *[][]string, pred map[string][][]string) {
	*gold = append(*gold, g...)
	for _, spec := range strings.Split(grid, ";") {
		var b [4]float32
		for i, x := range strings.Split(spec, ",") {
			if i < 4 {
				v, _ := strconv.ParseFloat(strings.TrimSpace(x), 32)
				b[i] = float32(v)
			}
		}
		m.TypeBias = b
		p := tg.TagSentences(words)
		pred[spec] = append(pred[spec], p...)
		ev := ner.Evaluate(g, p)
		fmt.Fprintf(env.Stderr, "fold %d type bias %s: F1 %.4f\n", f+1, spec, ev.Overall.F1())
	}
	m.TypeBias = [4]float32{}
}

// writeModel writes m to path through a temporary file and a rename, so a
// failed write never destroys the model already there. os.DevNull discards.
func writeModel(m *ner.Model, path string) (int64, error) {
	if path == os.DevNull {
		return m.WriteTo(io.Discard)
	}
	o, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return 0, err
	}
	n, err := m.WriteTo(o)
	if cerr := o.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(o.Name(), path)
	}
	if err != nil {
		os.Remove(o.Name())
	}
	return n, err
}
