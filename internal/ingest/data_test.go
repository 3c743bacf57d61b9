package ingest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/marsad-project/marsad/internal/shareddata"
)

type newsArticle struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Title  string `json:"title"`
	Text   string `json:"text"`
}

var (
	newsOnce sync.Once
	newsDocs []newsArticle
	newsErr  error
)

// loadArabicNews reads the arabic-news corpus (Libya file and the general
// 5,000), raw; once per test binary.
func loadArabicNews(t testing.TB) []newsArticle {
	t.Helper()
	dir := shareddata.SharedDir(t, "data/arabic-news")
	newsOnce.Do(func() { newsDocs, newsErr = readArabicNews(dir) })
	if newsErr != nil {
		t.Fatal(newsErr)
	}
	return newsDocs
}

func readArabicNews(dir string) ([]newsArticle, error) {
	var out []newsArticle
	for _, f := range []string{"libya_articles.jsonl", "general_saudinewsnet_5000.jsonl"} {
		fh, err := os.Open(filepath.Join(dir, f))
		if err != nil {
			return nil, fmt.Errorf("arabic-news: %w", err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			var a newsArticle
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				return nil, fmt.Errorf("%s: %w", f, err)
			}
			out = append(out, a)
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
