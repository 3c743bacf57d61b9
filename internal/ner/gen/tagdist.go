package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/marsad-project/marsad/internal/ner"
)

// tagDist writes tagdist.tsv.gz: a model without the tagdist group (the
// first pass of the shipped recipe, trained on the ANERcorp training
// split, or the -model file) tags every article of the arabic-news corpus,
// and the list records for each word core seen at least minCount times the
// tags it got (docs/NER.md, corpus tag distributions). Deterministic: the
// training is; `marsad train ner --tagdist-out` writes the same file.
func tagDist(data, out, train, modelPath string, minCount int, byDoc, norm bool) error {
	lx, err := ner.DefaultLexicon()
	if err != nil {
		return err
	}
	var m *ner.Model
	switch {
	case modelPath != "":
		f, err := os.Open(modelPath)
		if err != nil {
			return err
		}
		m, err = ner.ReadModel(f)
		f.Close()
		if err != nil {
			return err
		}
	case train != "":
		f, err := os.Open(train)
		if err != nil {
			return err
		}
		sents, err := ner.ReadCoNLL(f)
		f.Close()
		if err != nil {
			return err
		}
		// the first pass of the shipped recipe, as ner.Train trains it
		opt := ner.DefaultTrainOptions()
		opt.Features &^= ner.FeatDoc | ner.TagDistGroups
		opt.Epochs, opt.OBias = opt.FirstEpochs, opt.FirstOBias
		opt.Progress = os.Stderr
		if m, _, err = ner.Train(context.Background(), sents, nil, lx, opt); err != nil {
			return err
		}
	default:
		return fmt.Errorf("tagdist: -train or -model is required")
	}
	if m.Features&(ner.FeatTagDist|ner.FeatDoc) != 0 {
		return fmt.Errorf("tagdist: the model must be a first-pass model (no doc, no tagdist group)")
	}
	tg, err := ner.NewTagger(m, lx)
	if err != nil {
		return err
	}
	var docs [][][]string
	for _, name := range []string{"libya_articles.jsonl", "general_saudinewsnet_5000.jsonl"} {
		f, err := os.Open(filepath.Join(data, "arabic-news", name))
		if err != nil {
			return err
		}
		d, err := ner.ReadNewsDocuments(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		docs = append(docs, d...)
	}
	c := ner.TagDistOf(tg, docs, byDoc, norm)
	gz, err := c.Gzip(minCount)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "tagdist: %d articles, %d words counted\n", len(docs), c.Len())
	return os.WriteFile(filepath.Join(out, "tagdist.tsv.gz"), gz, 0o644)
}
