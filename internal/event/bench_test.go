package event_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/event"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/pipeline"
	"github.com/marsad-project/marsad/internal/shareddata"
)

// newsDocs reads up to n articles of ../shared/data/arabic-news (the text
// stays there: CC BY-NC-SA) and counts their words.
func newsDocs(b *testing.B, n int) ([]model.Document, int) {
	b.Helper()
	f, err := os.Open(filepath.Join(shareddata.SharedDir(b, "data/arabic-news"), "general_saudinewsnet_5000.jsonl"))
	if err != nil {
		b.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var docs []model.Document
	words := 0
	for sc.Scan() && len(docs) < n {
		var r struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, model.Document{ID: r.ID, Text: r.Text})
		words += len(strings.Fields(r.Text))
	}
	return docs, words
}

// BenchmarkPipeline: the whole analysis (sentences, NER, places, entities,
// events) on one core, in words per second.
//
//	go test ./internal/event -run '^$' -bench Pipeline -benchtime 3x -cpu 1
func BenchmarkPipeline(b *testing.B) {
	docs, words := newsDocs(b, 300)
	p := fullPipeline(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if _, err := p.Analyze(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkEventsStage: the events stage alone, on analyses that went
// through NER and entity resolution beforehand.
//
//	go test ./internal/event -run '^$' -bench EventsStage -benchtime 3x -cpu 1
func BenchmarkEventsStage(b *testing.B) {
	docs, words := newsDocs(b, 300)
	p := fullPipeline(b)
	x, err := event.New(event.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	var as []model.Analysis
	for _, d := range docs {
		a, err := p.Analyze(context.Background(), d)
		if err != nil {
			b.Fatal(err)
		}
		as = append(as, a)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range as {
			if err := x.Process(context.Background(), &as[k]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkLongArticle: the whole analysis of one article made of news
// articles run together, at 10,000 and 100,000 words. Cost must grow with
// the text, not its square: words/s should be about the same at both sizes.
// On 2026-12-04 (one core, the same sitting): 124k and 66k words/s at
// f10c86e; 157k and 135k after the events stage took each sentence's
// mentions by binary search, the bare-head antecedent was bounded and the
// resolver looked words up in a set instead of scanning the document.
//
//	go test ./internal/event -run '^$' -bench LongArticle -benchtime 2x -cpu 1
func BenchmarkLongArticle(b *testing.B) {
	docs, _ := newsDocs(b, 5000)
	p := fullPipeline(b)
	for _, size := range []int{10000, 100000} {
		var sb strings.Builder
		words := 0
		for i := 0; words < size; i++ {
			d := docs[i%len(docs)]
			sb.WriteString(d.Text)
			sb.WriteString("\n\n")
			words += len(strings.Fields(d.Text))
		}
		doc := model.Document{ID: "long", Text: sb.String()}
		b.Run(fmt.Sprintf("words=%d", size), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := p.Analyze(context.Background(), doc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}

var _ pipeline.Stage = (*event.Extractor)(nil)
