package story

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/marsad-project/marsad/internal/shareddata"

	"github.com/marsad-project/marsad/internal/ingest"
	"github.com/marsad-project/marsad/internal/model"
)

func doc(id, text string) model.Document {
	return model.Document{ID: id, Text: text, Hash: ingest.TextHash(text)}
}

const base = "أعلن المتحدث باسم الجيش الليبي اللواء أحمد المسماري أن قوات الجيش سيطرت على مطار تمنهنت في الجنوب بعد اشتباكات استمرت يومين مع مجموعات مسلحة قادمة من تشاد. " +
	"وأضاف المسماري في مؤتمر صحفي عقده في بنغازي مساء الاثنين أن العملية أسفرت عن مقتل ثمانية مسلحين وأسر خمسة آخرين وإصابة أربعة جنود بجروح طفيفة. " +
	"وأشار إلى أن فرق الهندسة العسكرية بدأت نزع الألغام من محيط المطار تمهيدا لإعادة تشغيله أمام الرحلات الإنسانية خلال الأيام المقبلة بالتنسيق مع البلدية."

// TestNearDuplicates: one row per way a repost differs from its original.
func TestNearDuplicates(t *testing.T) {
	tests := []struct {
		name, text string
		dup        bool
	}{
		{"same text under another name", base, true},
		{"spacing, diacritics and spelling variants", strings.NewReplacer("  ", " ", "الليبي", "الليبى", "قوات", "قوَّات", "أعلن", "اعلن").Replace(base), true},
		{"junk line appended", base + "\nشاركنا ..\nللمزيد من التفاصيل تابعونا على فيسبوك", true},
		{"a sentence edited", strings.Replace(base, "مساء الاثنين", "مساء أمس", 1), true},
		{"a different story with the same people and places", "قال المتحدث باسم الجيش الليبي اللواء أحمد المسماري إن طائرات مسيرة قصفت مواقع في مصراتة فجر الثلاثاء، ونفى أي خسائر في صفوف قوات الجيش، مؤكدا أن الدفاعات الجوية أسقطت طائرتين قرب سرت.", false},
		{"first half only", base[:len(base)/2], false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(DefaultOptions())
			c.Add(doc("orig", base))
			_, dup := c.Add(doc("new", tt.text))
			if (dup == "orig") != tt.dup {
				t.Errorf("duplicateOf = %q, want dup=%v (exact Jaccard %.2f)", dup, tt.dup, Jaccard(Shingles(base, 3), Shingles(tt.text, 3)))
			}
		})
	}
}

func TestDuplicateJoinsStoryAndWindow(t *testing.T) {
	c := New(DefaultOptions())
	d0 := doc("a", base)
	d0.Published = time.Date(2020, 7, 14, 0, 0, 0, 0, time.UTC)
	s0, _ := c.Add(d0)
	d1 := doc("b", base+" وقال شهود إن الهدوء عاد إلى المنطقة.")
	d1.Published = d0.Published.Add(24 * time.Hour)
	s1, dup := c.Add(d1)
	if s0 != "a" || s1 != "a" || dup != "a" {
		t.Errorf("stories %q %q dup %q", s0, s1, dup)
	}
	// a follow-up a month later opens its own story even though it is close
	d2 := doc("c", strings.Replace(base, "مساء الاثنين", "مساء الخميس", 1)+" وهذه متابعة بعد شهر.")
	d2.Hash = ""
	d2.Published = d0.Published.Add(30 * 24 * time.Hour)
	c2 := New(Options{ShingleSize: 3, Hashes: 128, Bands: 32, Duplicate: 1.01, SameStory: 0.3, Window: 96 * time.Hour, MaxTerms: 12})
	c2.Add(d0)
	if s, _ := c2.Add(d2); s != "c" {
		t.Errorf("a month later: story %q, want its own", s)
	}
}

type pair struct{ a, b, stance string }

func readANS(t *testing.T, split string) []pair {
	t.Helper()
	f, err := os.Open(filepath.Join(shareddata.SharedDir(t, "data/ans-arabic-news-stance"), "stance", split+".csv"))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []pair
	for _, r := range rows[1:] {
		if len(r) == 3 {
			out = append(out, pair{r[0], r[1], r[2]})
		}
	}
	return out
}

// TestSameStoryANS calibrates and checks SameStory on the ANS headline
// pairs: a paraphrase ("agree") or a contradicting rewrite ("disagree") is
// the same story; a headline paired with another pair's headline is not.
// Document frequencies come from the train split; the figures are on test.
func TestSameStoryANS(t *testing.T) {
	train, test := readANS(t, "train"), readANS(t, "test")
	c := New(DefaultOptions())
	for i, p := range train {
		c.Add(model.Document{ID: fmt.Sprintf("tr%d", i), Text: p.a})
	}
	var same, diff []float64
	for i, p := range test {
		if p.stance == "other" {
			continue
		}
		same = append(same, c.Similarity(p.a, p.b))
		q := test[(i+7)%len(test)]
		diff = append(diff, c.Similarity(p.a, q.b))
	}
	rate := func(xs []float64, th float64) float64 {
		n := 0
		for _, x := range xs {
			if x >= th {
				n++
			}
		}
		return float64(n) / float64(len(xs))
	}
	for _, th := range []float64{0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5} {
		t.Logf("threshold %.2f: same-story pairs found %.1f%%, unrelated pairs merged %.1f%%", th, 100*rate(same, th), 100*rate(diff, th))
	}
	th := DefaultOptions().SameStory
	if r := rate(same, th); r < 0.8 {
		t.Errorf("at %.2f only %.1f%% of same-story headline pairs match (want ≥ 80%%)", th, 100*r)
	}
	if r := rate(diff, th); r > 0.02 {
		t.Errorf("at %.2f %.1f%% of unrelated headline pairs match (want ≤ 2%%)", th, 100*r)
	}

	// and through Add: the second headline of each pair joins the first's story
	c2 := New(DefaultOptions())
	for i, p := range train {
		c2.Add(model.Document{ID: fmt.Sprintf("tr%d", i), Text: p.a})
	}
	joined, n := 0, 0
	pairsIn := map[string]map[int]bool{} // story → test pairs with a headline in it
	for i, p := range test {
		if p.stance == "other" {
			continue
		}
		s1, _ := c2.Add(model.Document{ID: fmt.Sprintf("a%d", i), Text: p.a})
		s2, _ := c2.Add(model.Document{ID: fmt.Sprintf("b%d", i), Text: p.b})
		n++
		if s1 == s2 {
			joined++
		}
		for _, s := range []string{s1, s2} {
			if pairsIn[s] == nil {
				pairsIn[s] = map[int]bool{}
			}
			pairsIn[s][i] = true
		}
	}
	mixed, largest := 0, 0
	largestStory := ""
	for st, ps := range pairsIn {
		if len(ps) > 1 {
			mixed++
		}
		if len(ps) > largest || (len(ps) == largest && st < largestStory) {
			largest, largestStory = len(ps), st
		}
	}
	var shown []int
	for i := range pairsIn[largestStory] {
		shown = append(shown, i)
	}
	sort.Ints(shown)
	for _, i := range shown[:min(6, len(shown))] {
		t.Logf("    largest story: %s", test[i].a)
	}
	t.Logf("Add: %d of %d test pairs (%.1f%%) end in one story; %d of %d stories mix headlines of different test pairs (largest: %d pairs)",
		joined, n, 100*float64(joined)/float64(n), mixed, len(pairsIn), largest)
	if float64(joined) < 0.75*float64(n) {
		t.Errorf("only %d of %d same-story pairs joined", joined, n)
	}
}

type newsDoc struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
}

func readNews(t *testing.T, file string) []model.Document { return readNewsB(t, file) }

func readNewsB(t testing.TB, file string) []model.Document {
	t.Helper()
	f, err := os.Open(filepath.Join(shareddata.SharedDir(t, "data/arabic-news"), file))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	var out []model.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var d newsDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		pub, _ := ingest.ParseDate(d.Published)
		out = append(out, model.Document{ID: d.ID, Source: d.Source, Title: d.Title, Text: d.Text, Published: pub, Hash: ingest.TextHash(d.Text)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Published.Before(out[j].Published) })
	return out
}

// TestNearDuplicatesLibya compares LSH near-duplicates with brute-force
// exact Jaccard over every pair of the 150 Libya articles.
func TestNearDuplicatesLibya(t *testing.T) {
	docs := readNews(t, "libya_articles.jsonl")
	opt := DefaultOptions()
	sh := make([]map[uint64]struct{}, len(docs))
	for i, d := range docs {
		sh[i] = Shingles(d.Text, opt.ShingleSize)
	}
	// exact: for each document, is there an earlier one at ≥ 0.9?
	wantDup := map[string]bool{}
	for i := range docs {
		for j := 0; j < i; j++ {
			if Jaccard(sh[i], sh[j]) >= 0.9 {
				wantDup[docs[i].ID] = true
				break
			}
		}
	}
	c := New(opt)
	found, wrong := 0, 0
	idx := map[string]int{}
	for i, d := range docs {
		idx[d.ID] = i
		_, dup := c.Add(d)
		if dup == "" {
			continue
		}
		found++
		if j := Jaccard(sh[i], sh[idx[dup]]); j < 0.6 {
			wrong++
			t.Errorf("%s flagged a duplicate of %s at exact Jaccard %.2f", d.ID, dup, j)
		}
		if wantDup[d.ID] {
			delete(wantDup, d.ID)
		}
	}
	t.Logf("Libya: %d near-duplicates flagged; %d documents with an earlier one at exact Jaccard ≥ 0.9 missed", found, len(wantDup))
	if len(wantDup) > 0 {
		t.Errorf("missed near-duplicates: %v", wantDup)
	}
}

// TestStoriesArabicNews runs the 5,000 general articles through Add in
// publication order: the near-duplicates must be real (exact Jaccard), and
// stories must not chain into a giant cluster. Run with -v to read the
// largest stories' titles.
func TestStoriesArabicNews(t *testing.T) {
	if testing.Short() {
		t.Skip("5,000 articles")
	}
	docs := readNews(t, "general_saudinewsnet_5000.jsonl")
	opt := DefaultOptions()
	c := New(opt)
	stories := map[string][]int{}
	byID := map[string]int{}
	dups, lowDup := 0, 0
	for i, d := range docs {
		byID[d.ID] = i
		s, dup := c.Add(d)
		stories[s] = append(stories[s], i)
		if dup != "" {
			dups++
			if j := Jaccard(Shingles(d.Text, 3), Shingles(docs[byID[dup]].Text, 3)); j < 0.6 {
				lowDup++
				t.Logf("weak duplicate %s ~ %s (exact %.2f)", d.ID, dup, j)
			}
		}
	}
	var sizes []int
	multi := 0
	for _, m := range stories {
		sizes = append(sizes, len(m))
		if len(m) > 1 {
			multi++
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(sizes)))
	t.Logf("%d articles: %d near-duplicates (%d below exact Jaccard 0.6), %d stories, %d with more than one article, largest %v",
		len(docs), dups, lowDup, len(stories), multi, sizes[:min(8, len(sizes))])
	// print the largest stories for reading
	type st struct {
		id string
		m  []int
	}
	var all []st
	for id, m := range stories {
		all = append(all, st{id, m})
	}
	sort.Slice(all, func(i, j int) bool {
		return len(all[i].m) > len(all[j].m) || (len(all[i].m) == len(all[j].m) && all[i].id < all[j].id)
	})
	for _, s := range all[:min(6, len(all))] {
		t.Logf("story %s (%d):", s.id, len(s.m))
		for _, i := range s.m[:min(6, len(s.m))] {
			t.Logf("    %s %s | %s", docs[i].Published.Format("01-02"), docs[i].Source, docs[i].Title)
		}
	}
	if lowDup > dups/20 {
		t.Errorf("%d of %d near-duplicates are below exact Jaccard 0.6", lowDup, dups)
	}
	if sizes[0] > len(docs)/50 {
		t.Errorf("largest story has %d articles: stories chain", sizes[0])
	}
}
