// Package shareddata finds the third-party corpora that live beside the
// repository in ../shared/data (never copied into it), for tests and
// benchmarks. Where the folder is absent, tests skip with a message.
package shareddata

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// ErrNotFound: no shared/data folder above the working directory.
var ErrNotFound = errors.New("shareddata: ../shared/data not found above the working directory")

// Find returns the path of shared/data/sub (sub may be ""), walking up from
// the working directory (a package directory, under go test).
func Find(sub string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, "shared", "data", sub)
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrNotFound
		}
		dir = parent
	}
}

// Dir is Find for tests: it skips tb with a message where the data is
// absent.
func Dir(tb testing.TB, sub string) string {
	tb.Helper()
	p, err := Find(sub)
	if err != nil {
		tb.Skipf("shared/data/%s not found above the package directory: skipping (%v)", sub, err)
	}
	return p
}
