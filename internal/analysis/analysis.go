// Package analysis assembles the stages that turn a document's text into
// resolved entities: sentences → name tagger → gazetteer places →
// organisations (curated list, head-noun cues) → cue-word names → other
// occurrences of the names found (discourse) → entity resolution.
//
// It is the one place that order is written down: `marsad extract` appends
// the events stage to it, and the event detector's trainer
// (internal/event/cmd/traindetect) computes its features from exactly the
// same analysis, so a stage added here reaches both (they had drifted when
// each kept its own list).
package analysis

import (
	"fmt"

	"github.com/marsad-project/marsad/internal/entity"
	"github.com/marsad-project/marsad/internal/ner"
	"github.com/marsad-project/marsad/internal/pipeline"
)

// Stages returns the analysis stages in order. The tagger's model and the
// gazetteers load once per process and are shared read-only, so calling
// Stages again is cheap and the stages are safe for concurrent use.
func Stages() ([]pipeline.Stage, error) {
	tagger, err := ner.Load()
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	places, err := entity.NewPlaceFinder(entity.DefaultFinderOptions())
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	orgs, err := entity.NewOrgFinder(entity.DefaultOrgOptions())
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	cues, err := entity.NewCueFinder(entity.DefaultCueOptions())
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	discourse, err := entity.NewDiscourse(entity.DefaultDiscourseOptions())
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	resolver, err := entity.NewResolver(entity.DefaultOptions())
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	return []pipeline.Stage{ner.NewStage(tagger), places, orgs, cues, discourse, resolver}, nil
}
