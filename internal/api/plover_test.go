package api_test

import (
	"slices"
	"testing"

	"github.com/marsad-project/marsad/internal/api"
	"github.com/marsad-project/marsad/internal/model"
)

// TestPLOVERTypesMatchModel keeps the API's filter list equal to the
// canonical model.PLOVERTypes until api uses it directly.
func TestPLOVERTypesMatchModel(t *testing.T) {
	if !slices.Equal(api.PLOVERTypes, model.PLOVERTypes()) {
		t.Errorf("api.PLOVERTypes = %v, want model.PLOVERTypes() %v", api.PLOVERTypes, model.PLOVERTypes())
	}
}
