package arabic

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/marsad-project/marsad/internal/shareddata"
)

// sharedData returns ../shared/data or skips the test where it is absent.
func sharedData(tb testing.TB) string { return shareddata.Dir(tb, "") }

// sharedDataOrEmpty is sharedData without skipping: "" where absent.
func sharedDataOrEmpty() string {
	p, _ := shareddata.Find("")
	return p
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
