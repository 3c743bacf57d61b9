package arabic

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedData returns ../shared/data (found by walking up from the package
// directory) or skips the test where it is absent.
func sharedData(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Skip("shared data: ", err)
	}
	for {
		p := filepath.Join(filepath.Dir(dir), "shared", "data")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("../shared/data not found above the package directory; skipping corpus test")
		}
		dir = parent
	}
}
