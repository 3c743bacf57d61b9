package storetest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/marsad-project/marsad/internal/ingest"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/shareddata"
	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/story"
)

// repostBase and its reposts: the rows of internal/story's
// TestNearDuplicates (what a repost changes, and what is not one).
const repostBase = "أعلن المتحدث باسم الجيش الليبي اللواء أحمد المسماري أن قوات الجيش سيطرت على مطار تمنهنت في الجنوب بعد اشتباكات استمرت يومين مع مجموعات مسلحة قادمة من تشاد. " +
	"وأضاف المسماري في مؤتمر صحفي عقده في بنغازي مساء الاثنين أن العملية أسفرت عن مقتل ثمانية مسلحين وأسر خمسة آخرين وإصابة أربعة جنود بجروح طفيفة. " +
	"وأشار إلى أن فرق الهندسة العسكرية بدأت نزع الألغام من محيط المطار تمهيدا لإعادة تشغيله أمام الرحلات الإنسانية خلال الأيام المقبلة بالتنسيق مع البلدية."

func plain(id, source, text string) model.Analysis {
	return model.Analysis{Doc: model.Document{ID: id, Source: source, Title: "عنوان " + id, Text: text, Hash: ingest.TextHash(text)}}
}

// Reposts returns an article (orig), three reposts of it (variants, junk,
// edited: near-duplicates, none the same text) and two articles that are
// not reposts (other: the same people and places; half: its first half).
func Reposts() []model.Analysis {
	return []model.Analysis{
		plain("orig", "src-a", repostBase),
		plain("variants", "src-b", strings.NewReplacer("الليبي", "الليبى", "قوات", "قوَّات", "أعلن", "اعلن", "خمسة", "ستة").Replace(repostBase)),
		plain("junk", "src-c", repostBase+"\nشاركنا ..\nللمزيد من التفاصيل تابعونا على فيسبوك"),
		plain("edited", "src-d", strings.Replace(repostBase, "مساء الاثنين", "مساء أمس", 1)),
		plain("other", "src-e", "قال المتحدث باسم الجيش الليبي اللواء أحمد المسماري إن طائرات مسيرة قصفت مواقع في مصراتة فجر الثلاثاء، ونفى أي خسائر في صفوف قوات الجيش، مؤكدا أن الدفاعات الجوية أسقطت طائرتين قرب سرت."),
		plain("half", "src-f", repostBase[:len(repostBase)/2]),
	}
}

// testNearDuplicates: reposts under another text are stored, linked to
// the group's earliest article (in one batch or many), listed on the
// article and carried by search hits; others are not linked.
func testNearDuplicates(t *testing.T, s store.Store) {
	ctx := context.Background()
	docs := Reposts()
	// orig and variants in one batch, the rest one by one
	res := put(t, s, docs[0], docs[1])
	for _, a := range docs[2:] {
		res = append(res, put(t, s, a)...)
	}
	want := map[string]string{"variants": "orig", "junk": "orig", "edited": "orig"}
	for _, r := range res {
		if r.Status != store.Stored || r.NearDuplicateOf != want[r.ID] {
			t.Errorf("%s: %+v, want stored, near-duplicate of %q", r.ID, r, want[r.ID])
		}
	}
	for _, a := range docs {
		got, err := s.Article(ctx, a.Doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, d := range got.Duplicates {
			ids = append(ids, d.ID+"/"+d.Source)
		}
		var wantIDs []string
		if a.Doc.ID == "orig" || want[a.Doc.ID] != "" {
			for _, b := range docs[:4] {
				if b.Doc.ID != a.Doc.ID {
					wantIDs = append(wantIDs, b.Doc.ID+"/"+b.Doc.Source)
				}
			}
		}
		if got.DuplicateOf != want[a.Doc.ID] || !slices.Equal(ids, wantIDs) {
			t.Errorf("article %s: duplicate of %q, group %v; want %q, %v", a.Doc.ID, got.DuplicateOf, ids, want[a.Doc.ID], wantIDs)
		}
	}
	// the same article again: a duplicate as before, nothing changes
	// (spelling variants alone are the same text: its hash)
	res = put(t, s, docs[1])
	if res[0].Status != store.Duplicate || res[0].NearDuplicateOf != "" {
		t.Errorf("variants again: %+v", res[0])
	}
	for _, noSnip := range []bool{false, true} {
		r, err := s.Search(ctx, store.SearchQuery{Text: "تمنهنت", Limit: 20, NoSnippets: noSnip})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, h := range r.Hits {
			got[h.ID] = h.DuplicateOf
		}
		if len(got) != 5 {
			t.Errorf("تمنهنت: hits %v, want the five articles naming it", got)
		}
		for id, d := range got {
			if d != want[id] {
				t.Errorf("تمنهنت (no snippets %v): hit %s duplicate of %q, want %q", noSnip, id, d, want[id])
			}
		}
	}
}

// testNearDuplicatesConcurrent: an article and its repost put at the same
// time by two writers: exactly one of them is linked to the other.
func testNearDuplicatesConcurrent(t *testing.T, newStore func(t *testing.T) store.Store) {
	docs := Reposts()
	for round := 0; round < 4; round++ {
		s := newStore(t)
		var wg sync.WaitGroup
		res := make([]store.PutResult, 2)
		errs := make([]error, 2)
		for i := 0; i < 2; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := s.Put(context.Background(), []model.Analysis{docs[3*i]})
				if err == nil {
					res[i] = r[0]
				}
				errs[i] = err
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		a, b := res[0].NearDuplicateOf, res[1].NearDuplicateOf
		if !(a == "" && b == "orig" || a == "edited" && b == "") || res[0].Status != store.Stored || res[1].Status != store.Stored {
			t.Errorf("round %d: concurrent puts linked %+v", round, res)
		}
	}
}

// newsDocs reads an arabic-news file (raw text, no cleaning) in file order.
func newsDocs(t *testing.T, file string) []model.Analysis {
	t.Helper()
	f, err := os.Open(filepath.Join(shareddata.SharedDir(t, "data/arabic-news"), file))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	var out []model.Analysis
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var d struct{ ID, Source, Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		out = append(out, model.Analysis{Doc: model.Document{ID: d.ID, Source: d.Source, Title: d.Title, Text: d.Text, Hash: ingest.TextHash(d.Text)}})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// testNearDuplicatesArabicNews stores real articles (arabic-news: the Libya
// file and the first 500 of the general file) in batches of 7 and checks the store flags exactly the
// articles story.Clusterer (extract's duplicate_of) flags in the same
// order, each under the root of the clusterer's chain; then the same in
// reverse order in a fresh store. (The groups may differ between orders:
// similarity is not transitive, and the first stored of A~B~C decides
// whether A and C meet; extract's duplicate_of depends on its input order
// the same way.)
func testNearDuplicatesArabicNews(t *testing.T, newStore func(t *testing.T) store.Store) {
	docs := newsDocs(t, "libya_articles.jsonl")
	docs = append(docs, newsDocs(t, "general_saudinewsnet_5000.jsonl")[:500]...)
	groups := func(docs []model.Analysis) (map[string]string, []string) {
		s := newStore(t)
		defer s.Close()
		root := map[string]string{}
		for i := 0; i < len(docs); i += 7 {
			res := put(t, s, docs[i:min(i+7, len(docs))]...)
			for _, r := range res {
				switch {
				case r.Status == store.Duplicate:
					root[r.ID] = root[r.DuplicateOf]
					if root[r.ID] == "" {
						root[r.ID] = r.DuplicateOf
					}
				case r.NearDuplicateOf != "":
					root[r.ID] = r.NearDuplicateOf
				}
			}
		}
		var parts []string
		members := map[string][]string{}
		for id, r := range root {
			members[r] = append(members[r], id)
		}
		for r, ms := range members {
			ms = append(ms, r)
			sort.Strings(ms)
			parts = append(parts, strings.Join(ms, " "))
		}
		sort.Strings(parts)
		return root, parts
	}
	clusterer := func(docs []model.Analysis) map[string]string {
		c := story.New(story.DefaultOptions())
		dup := map[string]string{}
		for _, a := range docs {
			if _, d := c.Add(a.Doc); d != "" {
				dup[a.Doc.ID] = d
			}
		}
		root := map[string]string{}
		for id, d := range dup {
			for dup[d] != "" {
				d = dup[d]
			}
			root[id] = d
		}
		return root
	}
	got, parts := groups(docs)
	want := clusterer(docs)
	if len(want) == 0 {
		t.Fatal("the clusterer finds no near-duplicate in arabic-news")
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("store's near-duplicates (id → group's first):\n%v\nclusterer's:\n%v", got, want)
	}
	rev := slices.Clone(docs)
	slices.Reverse(rev)
	gotRev, revParts := groups(rev)
	if wantRev := clusterer(rev); fmt.Sprint(gotRev) != fmt.Sprint(wantRev) {
		t.Errorf("reverse order: store's near-duplicates:\n%v\nclusterer's:\n%v", gotRev, wantRev)
	}
	same := 0
	for _, p := range parts {
		if slices.Contains(revParts, p) {
			same++
		}
	}
	t.Logf("reverse order: %d of %d groups the same, %d flagged", same, len(parts), len(gotRev))
	t.Logf("arabic-news: %d articles, %d flagged (exact or near duplicates) in %d groups", len(docs), len(got), len(parts))
}
