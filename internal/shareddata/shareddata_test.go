package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFind(t *testing.T) {
	root := t.TempDir()
	pkg := filepath.Join(root, "repo", "internal", "x")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(pkg)
	if _, err := Find("gazetteer"); err == nil {
		t.Fatal("found shared/data where there is none")
	}
	want := filepath.Join(root, "shared", "data", "gazetteer")
	if err := os.MkdirAll(want, 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := Find("gazetteer")
	if err != nil || got != want {
		t.Fatalf("Find = %q, %v; want %q", got, err, want)
	}
}
