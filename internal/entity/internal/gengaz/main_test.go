package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedGazetteerIsCurrent regenerates the gazetteer and compares it
// with the committed file, so a change to the generator or its inputs is
// not forgotten (run go generate ./internal/entity).
func TestCommittedGazetteerIsCurrent(t *testing.T) {
	dir, err := findData()
	if err != nil {
		t.Skip(err)
	}
	out := filepath.Join(t.TempDir(), "gazetteer.tsv")
	if err := run(dir, "supplement.tsv", out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../data/gazetteer.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatal("internal/entity/data/gazetteer.tsv is stale: run go generate ./internal/entity")
	}
}
