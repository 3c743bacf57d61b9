// Package shareddata finds the folder ../shared that lives beside the
// repository (the seed articles, the evaluation kit, the third-party corpora
// in data/; never copied into the repository), for tests and benchmarks.
// Where it is absent, tests skip with a message.
package shareddata

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// ErrNotFound: no shared folder above the working directory.
var ErrNotFound = errors.New("shareddata: ../shared not found above the working directory")

// FindShared returns the path of shared/sub (sub may be "", "seeds", "eval",
// "data/arabic-news" …), walking up from the working directory (a package
// directory, under go test).
func FindShared(sub string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, "shared", sub)
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

// Find returns the path of shared/data/sub (sub may be "").
func Find(sub string) (string, error) { return FindShared(filepath.Join("data", sub)) }

// SharedDir is FindShared for tests: it skips tb with a message where the
// folder is absent.
func SharedDir(tb testing.TB, sub string) string {
	tb.Helper()
	p, err := FindShared(sub)
	if err != nil {
		tb.Skipf("shared/%s not found above the package directory: skipping (%v)", sub, err)
	}
	return p
}

// Dir is Find for tests: it skips tb with a message where shared/data/sub is
// absent.
func Dir(tb testing.TB, sub string) string {
	tb.Helper()
	return SharedDir(tb, filepath.Join("data", sub))
}
