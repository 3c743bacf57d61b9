package arabic

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/registry"
)

// newsCorpus reads the title and text of every article of
// ../shared/data/arabic-news and counts its whitespace-separated words.
func newsCorpus(b *testing.B) (docs []string, words int) {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join(sharedData(b), "arabic-news", "*.jsonl"))
	if len(files) == 0 {
		b.Skip("no arabic-news/*.jsonl")
	}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var rec struct{ Title, Text string }
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				b.Fatal(err)
			}
			doc := rec.Title + "\n" + rec.Text
			docs = append(docs, doc)
			words += len(strings.Fields(doc))
		}
		fh.Close()
	}
	return docs, words
}

// BenchmarkAnalysisChain runs marsad's analysis chain (normalise + tokenise
// with run-together splitting + clitic segmentation + stemming + stop words)
// and bleve's stock Arabic analyzer (unicode tokeniser, lower case, NFKC,
// stop words, normalisation, light stemmer) over the same corpus in the same
// run, and reports words per second for both and their ratio.
func BenchmarkAnalysisChain(b *testing.B) {
	docs, words := newsCorpus(b)
	cache := registry.NewCache()
	bleve, err := cache.AnalyzerNamed(ar.AnalyzerName)
	if err != nil {
		b.Fatal(err)
	}
	a := NewAnalyzer(DefaultAnalyzerOptions())
	a.Analyze("تحميل المعجم") // load the embedded lexicon outside the timing
	b.ReportAllocs()
	b.ResetTimer()
	var ours, theirs time.Duration
	var nOurs, nTheirs int
	var terms []Term
	for range b.N {
		// interleave the two per article so that the load of a shared
		// machine falls on both alike
		for _, d := range docs {
			t0 := time.Now()
			terms = a.AppendTerms(terms[:0], d)
			t1 := time.Now()
			nTheirs += len(bleve.Analyze([]byte(d)))
			t2 := time.Now()
			nOurs += len(terms)
			ours += t1.Sub(t0)
			theirs += t2.Sub(t1)
		}
	}
	n := float64(b.N) * float64(words)
	b.ReportMetric(n/ours.Seconds(), "marsad-words/s")
	b.ReportMetric(n/theirs.Seconds(), "bleve-words/s")
	b.ReportMetric(theirs.Seconds()/ours.Seconds(), "speedup")
	b.ReportMetric(float64(words), "words")
	b.ReportMetric(float64(nOurs)/float64(b.N), "marsad-terms")
	b.ReportMetric(float64(nTheirs)/float64(b.N), "bleve-terms")
}

// BenchmarkAnalyzer measures marsad's chain alone, with allocations.
func BenchmarkAnalyzer(b *testing.B) {
	docs, words := newsCorpus(b)
	a := NewAnalyzer(DefaultAnalyzerOptions())
	a.Analyze("تحميل المعجم")
	b.ReportAllocs()
	b.ResetTimer()
	var terms []Term
	for range b.N {
		for _, d := range docs {
			terms = a.AppendTerms(terms[:0], d)
		}
	}
	b.ReportMetric(float64(b.N)*float64(words)/b.Elapsed().Seconds(), "words/s")
}
