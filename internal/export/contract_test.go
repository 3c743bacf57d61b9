package export

import (
	"errors"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
)

var errDiskFull = errors.New("disk full")

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }

// TestJSONLWriterWrapsErrors: a failed write names the package and keeps the
// writer's error for errors.Is.
func TestJSONLWriterWrapsErrors(t *testing.T) {
	err := NewJSONLWriter(failWriter{}).Write(&model.Analysis{Doc: model.Document{ID: "a", Text: "نص"}})
	if !errors.Is(err, errDiskFull) || !strings.HasPrefix(err.Error(), "export: write record: ") {
		t.Errorf("err = %v, want export: write record: wrapping %v", err, errDiskFull)
	}
}
