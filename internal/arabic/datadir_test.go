package arabic

import (
	"bufio"
	"encoding/json"
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

// sharedDataOrEmpty is sharedData without skipping: "" where absent.
func sharedDataOrEmpty() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(filepath.Dir(dir), "shared", "data")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// corpusSample returns the texts of the first n articles of arabic-news.
func corpusSample(tb testing.TB, data string, n int) []string {
	tb.Helper()
	f, err := os.Open(filepath.Join(data, "arabic-news", "libya_articles.jsonl"))
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() && len(out) < n {
		var rec struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &rec) == nil {
			out = append(out, rec.Text)
		}
	}
	return out
}
