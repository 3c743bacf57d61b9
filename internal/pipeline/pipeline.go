// Package pipeline wires marsad's stages: a cleaned document is split into
// sentences, tagged for names, its mentions resolved into entities, and its
// events extracted. Stages are plain values built once and shared read-only.
package pipeline

import (
	"context"
	"fmt"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// Stage adds what it knows to an analysis. Implementations must be safe for
// concurrent use.
type Stage interface {
	Name() string
	Process(ctx context.Context, a *model.Analysis) error
}

// Pipeline runs stages in order.
type Pipeline struct {
	stages []Stage
}

// New returns a Pipeline that splits sentences and then runs stages.
func New(stages ...Stage) *Pipeline {
	return &Pipeline{stages: append([]Stage{sentenceStage{}}, stages...)}
}

// Analyze runs every stage on doc.
func (p *Pipeline) Analyze(ctx context.Context, doc model.Document) (model.Analysis, error) {
	a := model.Analysis{Doc: doc}
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return a, err
		}
		if err := s.Process(ctx, &a); err != nil {
			return a, fmt.Errorf("pipeline: %s: %s: %w", s.Name(), doc.ID, err)
		}
	}
	return a, nil
}

type sentenceStage struct{}

func (sentenceStage) Name() string { return "sentences" }

func (sentenceStage) Process(_ context.Context, a *model.Analysis) error {
	for _, s := range arabic.Sentences(a.Doc.Text) {
		a.Sentences = append(a.Sentences, model.Sentence{Start: s.Start, End: s.End})
	}
	return nil
}
