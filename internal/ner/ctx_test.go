package ner

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
)

// TestStageCancelled: a cancelled context comes back wrapped with the
// package prefix and still matches context.Canceled.
func TestStageCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := NewStage(nil).Process(ctx, &model.Analysis{})
	if !errors.Is(err, context.Canceled) || !strings.HasPrefix(err.Error(), "ner: ") {
		t.Errorf("err = %v, want ner: wrapping context.Canceled", err)
	}
}
