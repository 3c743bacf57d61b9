package cli

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCountLines(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, text string
		want       int64
	}{
		{"empty", "", 0},
		{"one line with newline", "a\n", 1},
		{"last line without newline", "a\nb", 2},
		{"longer than the buffer", strings.Repeat(strings.Repeat("x", 1000)+"\n", 200), 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_"))
			if err := os.WriteFile(path, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := countLines(context.Background(), path)
			if err != nil || got != tc.want {
				t.Errorf("countLines = %d, %v; want %d", got, err, tc.want)
			}
		})
	}
}

// The bar's position inside a JSON Lines file comes from a line count made
// by a goroutine streaming the file, not from seen (called under the
// ingester's mutex).
func TestProgressLineFraction(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(path, []byte("{}\n{}\n{}\n{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := newProgress(context.Background(), io.Discard, []string{dir})
	p.seen(path + ":1")
	p.wg.Wait() // the counter has finished
	p.seen(path + ":2")
	if f := p.files[path]; f.lines.Load() != 4 || f.frac != 0.5 {
		t.Errorf("lines %d, frac %v; want 4, 0.5", f.lines.Load(), f.frac)
	}
	p.stop()
}
