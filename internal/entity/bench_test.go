package entity

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/ner"
	"github.com/marsad-project/marsad/internal/pipeline"
	"github.com/marsad-project/marsad/internal/shareddata"
)

// seedAnalyses tags the seed articles once (tagger + finder), so the
// benchmarks measure the resolver alone.
func seedAnalyses(b *testing.B) []model.Analysis {
	b.Helper()
	dir := shareddata.SharedDir(b, "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		b.Skip("no seed articles")
	}
	sort.Strings(files)
	tg, err := ner.Load()
	if err != nil {
		b.Fatal(err)
	}
	f, err := NewPlaceFinder(DefaultFinderOptions())
	if err != nil {
		b.Fatal(err)
	}
	p := pipeline.New(ner.NewStage(tg), f)
	var out []model.Analysis
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		a, err := p.Analyze(context.Background(), model.Document{ID: filepath.Base(path), Text: string(data)})
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// BenchmarkResolve resolves the five seed articles' mentions (tagger output)
// into entities, with geocoding.
func BenchmarkResolve(b *testing.B) {
	as := seedAnalyses(b)
	r, err := NewResolver(DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	bytes := 0
	for _, a := range as {
		bytes += len(a.Doc.Text)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range as {
			as[i].Entities = r.Resolve(as[i].Doc.Text, as[i].Mentions)
		}
	}
}

// BenchmarkPlaceFinder runs the gazetteer finder over the seed articles.
func BenchmarkPlaceFinder(b *testing.B) {
	as := seedAnalyses(b)
	f, err := NewPlaceFinder(DefaultFinderOptions())
	if err != nil {
		b.Fatal(err)
	}
	bytes := 0
	for _, a := range as {
		bytes += len(a.Doc.Text)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range as {
			f.Find(as[i].Doc.Text, nil)
		}
	}
}

// BenchmarkCueFinder runs the cue finder over the seed articles with the
// tagger's and place finder's mentions.
func BenchmarkCueFinder(b *testing.B) {
	as := seedAnalyses(b)
	f, err := NewCueFinder(DefaultCueOptions())
	if err != nil {
		b.Fatal(err)
	}
	bytes := 0
	for _, a := range as {
		bytes += len(a.Doc.Text)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range as {
			f.Find(as[i].Doc.Text, as[i].Mentions)
		}
	}
}

// BenchmarkDiscourse runs discourse propagation over the seed articles with
// the tagger's and place finder's mentions.
func BenchmarkDiscourse(b *testing.B) {
	as := seedAnalyses(b)
	d, err := NewDiscourse(DefaultDiscourseOptions())
	if err != nil {
		b.Fatal(err)
	}
	bytes := 0
	for _, a := range as {
		bytes += len(a.Doc.Text)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range as {
			d.Find(as[i].Doc.Text, as[i].Mentions)
		}
	}
}

// BenchmarkLoadGazetteer parses the embedded gazetteer (done once per
// process in practice).
func BenchmarkLoadGazetteer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseGazetteer(gazetteerTSV); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRegistry registers entities with a few names each.
func BenchmarkRegistry(b *testing.B) {
	reg := NewRegistry()
	es := []model.Entity{
		{Type: "PER", Name: "فايز السراج", Aliases: []string{"فائز السراج", "السراج"}},
		{Type: "ORG", Name: "حكومة الوفاق الوطني", Aliases: []string{"حكومة الوفاق", "الوفاق"}},
		{Type: "LOC", Name: "طرابلس"},
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, e := range es {
			reg.Resolve(e)
		}
	}
}
