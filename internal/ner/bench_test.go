package ner

import (
	"bytes"
	"testing"
	"time"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/corpus"
)

// BenchmarkLoad measures what Load does once per process: parse the
// embedded word lists and decode the embedded model.
//
//	go test -run '^$' -bench Load -benchmem ./internal/ner/
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		lx, err := ParseLexicon(embeddedGazetteer, embeddedClusters, embeddedNames, embeddedBrown)
		if err != nil {
			b.Fatal(err)
		}
		if lx, err = lx.WithTagDist(embeddedTagDist); err != nil {
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
	reportCPU(b, c0, 0)
}

// reportCPU adds CPU time per operation and, when tokens > 0, tokens per
// wall-second and per CPU-second.
func reportCPU(b *testing.B, c0 time.Duration, tokens int) {
	cpu := cpuTime() - c0
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
	if tokens > 0 {
		b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
		if cpu > 0 {
			b.ReportMetric(float64(tokens)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
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
	c0 := cpuTime()
	for b.Loop() {
		tg.tagDoc(texts, norms, nil)
	}
	reportCPU(b, c0, n)
}

// BenchmarkTagCold is BenchmarkTag with the per-word score cache emptied
// before every document, as for the first article a process tags.
func BenchmarkTagCold(b *testing.B) {
	tg := embedded(b)
	texts, norms, n, _ := seedSentences(b)
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		s := tg.pool.Get().(*scratch)
		s.cache = nil
		tg.pool.Put(s)
		tg.tagDoc(texts, norms, nil)
	}
	reportCPU(b, c0, n)
}

// BenchmarkMentions measures raw text to mentions: sentence splitting,
// tokenisation and normalisation included.
func BenchmarkMentions(b *testing.B) {
	tg := embedded(b)
	_, _, n, raw := seedSentences(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	c0 := cpuTime()
	for b.Loop() {
		tg.Mentions(raw)
	}
	reportCPU(b, c0, n)
}
