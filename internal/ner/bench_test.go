package ner

import (
	"bytes"
	"testing"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/corpus"
)

// BenchmarkLoad measures what Load does once per process: parse the
// embedded word lists and decode the embedded model.
//
//	go test -run '^$' -bench Load -benchmem ./internal/ner/
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		lx, err := ParseLexicon(embeddedGazetteer, embeddedClusters)
		if err != nil {
			b.Fatal(err)
		}
		m, err := ReadModel(bytes.NewReader(embeddedModel))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := NewTagger(m, lx); err != nil {
			b.Fatal(err)
		}
	}
}

// seedSentences returns the demo articles as tokenised sentences.
func seedSentences(b *testing.B) (texts, norms [][]string, n int, raw string) {
	files, err := corpus.Seeds()
	if err != nil {
		b.Fatal(err)
	}
	var all bytes.Buffer
	for _, f := range files {
		all.Write(f.Data)
		all.WriteByte('\n')
	}
	raw = all.String()
	for _, s := range arabic.Sentences(raw) {
		toks := arabic.Tokenize(raw[s.Start:s.End])
		tx, nm := make([]string, len(toks)), make([]string, len(toks))
		for i, t := range toks {
			tx[i], nm[i] = t.Text, t.Norm
		}
		texts, norms, n = append(texts, tx), append(norms, nm), n+len(toks)
	}
	return texts, norms, n, raw
}

// BenchmarkTag measures the tagger alone on tokenised news text (the five
// seed articles), in tokens per second on one goroutine.
//
//	go test -run '^$' -bench Tag -benchmem -cpu 1 ./internal/ner/
func BenchmarkTag(b *testing.B) {
	tg := embedded(b)
	texts, norms, n, _ := seedSentences(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		tg.tagDoc(texts, norms)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkMentions measures raw text to mentions: sentence splitting,
// tokenisation and normalisation included.
func BenchmarkMentions(b *testing.B) {
	tg := embedded(b)
	_, _, n, raw := seedSentences(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	b.ResetTimer()
	for b.Loop() {
		tg.Mentions(raw)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
