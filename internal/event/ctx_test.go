package event

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
)

// TestExtractorCancelled: a cancelled context comes back wrapped with the
// package prefix and still matches context.Canceled.
func TestExtractorCancelled(t *testing.T) {
	x, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = x.Process(ctx, &model.Analysis{})
	if !errors.Is(err, context.Canceled) || !strings.HasPrefix(err.Error(), "event: ") {
		t.Errorf("err = %v, want event: wrapping context.Canceled", err)
	}
}
