package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/marsad-project/marsad/internal/corpus"
	"github.com/marsad-project/marsad/internal/model"
)

// BenchmarkCleanArabicNews cleans the 5,150 arabic-news articles (18 MB);
// reports MB/s through b.SetBytes.
func BenchmarkCleanArabicNews(b *testing.B) {
	docs := loadArabicNews(b)
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	c := NewCleaner(DefaultCleanOptions())
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			c.Clean(d.Source, d.Text)
		}
	}
}

// BenchmarkReadSeeds reads the five seeds as text files (decode, title,
// clean, hash).
func BenchmarkReadSeeds(b *testing.B) {
	files, err := corpus.Seeds()
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, f := range files {
		size += int64(len(f.Data))
	}
	r := NewReader(DefaultOptions())
	ctx := context.Background()
	b.SetBytes(size)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			r.ReadBytes(ctx, f.Name, f.Data, func(model.Document) error { return nil }, func(error) {})
		}
	}
}

// BenchmarkReadHTML reads the Arabic test pages of testdata/golden with
// go-trafilatura (fallback extractors on).
func BenchmarkReadHTML(b *testing.B) {
	var pages [][]byte
	var size int64
	for _, c := range []string{"html-article-rtl", "html-wordpress-widgets", "html-br-paragraphs"} {
		data, err := os.ReadFile(filepath.Join("testdata/golden", c, "input.html"))
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
		size += int64(len(data))
	}
	r := NewReader(DefaultOptions())
	ctx := context.Background()
	b.SetBytes(size)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			r.ReadBytes(ctx, "page.html", p, func(model.Document) error { return nil }, func(error) {})
		}
	}
}
