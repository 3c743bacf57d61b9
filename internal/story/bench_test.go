package story

import (
	"testing"
)

// BenchmarkAddArabicNews adds the 5,000 general arabic-news articles
// (near-duplicate check + story assignment) to a fresh Clusterer.
func BenchmarkAddArabicNews(b *testing.B) {
	docs := readNewsB(b, "general_saudinewsnet_5000.jsonl")
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := New(DefaultOptions())
		for _, d := range docs {
			c.Add(d)
		}
	}
}

func FuzzAdd(f *testing.F) {
	f.Add("أعلن الجيش السيطرة على المطار.", "أعلن الجيش السيطرة على المطار")
	f.Add("", "")
	f.Add("\xff\xfe", "a b c d e f")
	f.Fuzz(func(t *testing.T, a, b string) {
		c := New(DefaultOptions())
		s1, d1 := c.Add(doc("a", a))
		s2, d2 := c.Add(doc("b", b))
		if s1 != "a" || d1 != "" {
			t.Fatalf("first document: story %q dup %q", s1, d1)
		}
		if s2 != "a" && s2 != "b" || (d2 != "" && d2 != "a") {
			t.Fatalf("second document: story %q dup %q", s2, d2)
		}
		if d2 == "a" && s2 != "a" {
			t.Fatal("a duplicate outside its original's story")
		}
	})
}

// BenchmarkSignatureArabicNews computes the MinHash signatures and band
// keys of the 5,000 general arabic-news articles (what a store's Put adds
// per article).
func BenchmarkSignatureArabicNews(b *testing.B) {
	docs := readNewsB(b, "general_saudinewsnet_5000.jsonl")
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	m := NewMinHash(DefaultOptions())
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			m.Keys(m.Signature(Words(d.Text)))
		}
	}
}

// BenchmarkSignatureWords signs the words of the 5,000 general
// arabic-news articles (tokenised beforehand: what a store's Put adds to
// its analysis).
func BenchmarkSignatureWords(b *testing.B) {
	docs := readNewsB(b, "general_saudinewsnet_5000.jsonl")
	words := make([][]string, len(docs))
	for i, d := range docs {
		words[i] = Words(d.Text)
	}
	m := NewMinHash(DefaultOptions())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, w := range words {
			m.Keys(m.Signature(w))
		}
	}
}
