package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/marsad-project/marsad/internal/model"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*/want.json from the current output")

// goldenDoc is what a golden case records of each document.
type goldenDoc struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Origin    string `json:"origin"`
	Hash      string `json:"hash"`
	Text      string `json:"text"`
}

type golden struct {
	Docs     []goldenDoc `json:"docs"`
	Rejected []string    `json:"rejected"`
}

// TestGolden reads testdata/golden/<case>/input.* and compares documents
// and rejections with want.json. go test -run TestGolden -update rewrites
// want.json; read the diff before committing it.
func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob("testdata/golden/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			inputs, _ := filepath.Glob(filepath.Join(dir, "input.*"))
			if len(inputs) != 1 {
				t.Fatalf("want one input.* in %s, have %v", dir, inputs)
			}
			data, err := os.ReadFile(inputs[0])
			if err != nil {
				t.Fatal(err)
			}
			got := golden{Docs: []goldenDoc{}, Rejected: []string{}}
			r := NewReader(DefaultOptions())
			name := filepath.Base(inputs[0])
			err = r.ReadBytes(context.Background(), name, data, func(d model.Document) error {
				g := goldenDoc{ID: d.ID, Title: d.Title, Source: d.Source, URL: d.URL, Origin: d.Origin, Hash: d.Hash, Text: d.Text}
				if d.HasDate() {
					g.Published = d.Published.UTC().Format(time.RFC3339)
				}
				got.Docs = append(got.Docs, g)
				return nil
			}, func(err error) { got.Rejected = append(got.Rejected, err.Error()) })
			if err != nil {
				t.Fatal(err)
			}
			gotJSON, _ := json.MarshalIndent(got, "", "  ")
			gotJSON = append(gotJSON, '\n')
			wantPath := filepath.Join(dir, "want.json")
			if *update {
				if err := os.WriteFile(wantPath, gotJSON, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantPath)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update to create it)", err)
			}
			if !bytes.Equal(want, gotJSON) {
				t.Errorf("%s differs from the output:\n%s", wantPath, lineDiff(string(want), string(gotJSON)))
			}
		})
	}
}

// lineDiff lists the lines that differ, for a readable failure.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("- " + wl + "\n+ " + gl + "\n")
		}
	}
	return b.String()
}
