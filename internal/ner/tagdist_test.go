package ner

import (
	"strings"
	"testing"
)

func TestTagDistRoundTrip(t *testing.T) {
	c := NewTagDistCounter()
	for i := 0; i < 3; i++ {
		c.Add(strings.Fields("قال المشير خليفة حفتر إن قواته دخلت سرت"), strings.Fields("O O B-PER I-PER O O O B-LOC"))
	}
	c.Add(strings.Fields("وصل حفتر"), strings.Fields("O B-ORG"))
	gz, err := c.Gzip(3)
	if err != nil {
		t.Fatal(err)
	}
	lx := testLexicon(t)
	lt, err := lx.WithTagDist(gz)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := lt.td["وصل"]; ok {
		t.Errorf("a word seen once is listed")
	}
	d, ok := lt.td["حفتر"]
	if !ok {
		t.Fatalf("حفتر not listed: %v", lt.td)
	}
	// 4 occurrences: 3 I-PER, 1 B-ORG
	if d.arg != 0 || d.share[0] != shareBucket(3, 4) || d.share[1] != shareBucket(1, 4) || d.name != 6 || d.b != shareBucket(1, 4) {
		t.Errorf("حفتر: %+v", d)
	}
	// the core is the key: وسرت counts as سرت
	if d := lt.td["سرت"]; d.arg != 2 || d.name != 6 {
		t.Errorf("سرت: %+v", d)
	}
	if d := lt.td["قال"]; !d.has || d.name != 0 || d.arg != 4 {
		t.Errorf("قال: %+v", d)
	}
	// models without the group keep the lexicon's fingerprint
	base := DefaultFeatures &^ FeatTagDist
	if lt.hashFor(base) != lx.hashFor(base) || lt.hashFor(base|FeatTagDist) == lx.hash {
		t.Errorf("fingerprints: %x %x %x", lt.hashFor(base), lx.hash, lt.hashFor(base|FeatTagDist))
	}
}

func TestTrainTagDist(t *testing.T) {
	if testing.Short() {
		t.Skip("trains models")
	}
	lx := testLexicon(t)
	var train []Sentence
	for i := 0; i < 20; i++ {
		train = append(train,
			Sentence{Tokens: strings.Fields("قال المشير خليفة حفتر إن قواته دخلت سرت"), Tags: strings.Fields("O O B-PER I-PER O O O B-LOC")},
			Sentence{Tokens: strings.Fields("وصل الوفد إلى طرابلس أمس"), Tags: strings.Fields("O O O B-LOC O")})
	}
	docs := [][][]string{{strings.Fields("التقى السراج حفتر في باريس"), strings.Fields("قال السراج إن حفتر وصل")}}
	opt := DefaultTrainOptions()
	opt.Runs, opt.Epochs, opt.FirstEpochs = 1, 2, 2
	opt.Features |= FeatTagDist
	opt.TagDistDocs = nil
	if _, _, err := Train(t.Context(), train, nil, lx, opt); err == nil {
		t.Fatal("trained the tagdist group without articles")
	}
	opt.TagDistDocs, opt.TagDistMin = docs, 1
	m, rep, err := Train(t.Context(), train, nil, lx, opt)
	if err != nil {
		t.Fatal(err)
	}
	if rep.TagDist == nil || m.First.Features&FeatTagDist != 0 {
		t.Fatalf("no list, or a first pass with the group (%s)", m.First.Features)
	}
	if _, err := NewTagger(m, lx); err == nil {
		t.Error("a tagdist model runs without its list")
	}
	lt, err := lx.WithTagDist(rep.TagDist)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := NewTagger(m, lt)
	if err != nil {
		t.Fatal(err)
	}
	if got := tg.TagWords(strings.Fields("قال المشير خليفة حفتر إن قواته دخلت سرت")); strings.Join(got, " ") != "O O B-PER I-PER O O O B-LOC" {
		t.Errorf("tags %v", got)
	}
	// the first pass alone runs with either list
	if _, err := NewTagger(m.First, lt); err != nil {
		t.Error(err)
	}
}

func TestTagDistByDoc(t *testing.T) {
	c := NewTagDistCounter()
	// one article: القذافي typed once, alone twice; another without a name
	c.AddDoc([][]string{strings.Fields("سقوط معمر القذافي"), strings.Fields("قال القذافي"), strings.Fields("نظام القذافي")},
		[][]string{strings.Fields("O B-PER I-PER"), strings.Fields("O O"), strings.Fields("O O")})
	c.AddDoc([][]string{strings.Fields("نظام القذافي")}, [][]string{strings.Fields("O O")})
	n := c.counts["قذافي"]
	if n == nil || *n != [6]int{2, 1, 0, 0, 0, 0} {
		t.Errorf("القذافي by article: %v", n)
	}
	if n := c.counts["نظام"]; n == nil || n[0] != 2 {
		t.Errorf("نظام by article: %v", n)
	}
}

func TestTagDistNorm(t *testing.T) {
	for _, norm := range []bool{false, true} {
		c := NewTagDistCounter()
		c.Norm = norm
		for i := 0; i < 3; i++ {
			c.Add(strings.Fields("قال عبد الله إن له رأيا"), strings.Fields("O B-PER I-PER O O O"))
		}
		gz, err := c.Gzip(3)
		if err != nil {
			t.Fatal(err)
		}
		lt, err := testLexicon(t).WithTagDist(gz)
		if err != nil {
			t.Fatal(err)
		}
		// الله and له share the core له
		d := lt.tagDist(normAll([]string{"له"})[0], "له")
		if want := uint8(4); norm && d.share[0] != 0 || !norm && d.share[0] != want {
			t.Errorf("norm %v: له gets %+v", norm, d)
		}
		if d := lt.tagDist(normAll([]string{"الله"})[0], "له"); d.share[0] != 6 && norm {
			t.Errorf("norm %v: الله gets %+v", norm, d)
		}
	}
}
