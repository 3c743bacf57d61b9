// Package storetest is the conformance suite every store.Store passes:
// run it from a backend's tests with Run. Match sets are checked against a
// reference matcher evaluated in Go over the analyzer's terms, so two
// backends that pass match the same documents for the same queries.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/marsad-project/marsad/internal/analysis"
	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/corpus"
	"github.com/marsad-project/marsad/internal/ingest"
	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/pipeline"
	"github.com/marsad-project/marsad/internal/search"
	"github.com/marsad-project/marsad/internal/store"
)

// Analyzer returns the analyzer the suite expects stores to be opened with.
func Analyzer(t testing.TB) *search.Analyzer {
	t.Helper()
	a, err := search.NewAnalyzer(search.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// Run runs the suite. newStore returns a fresh, empty store opened with
// Analyzer(t); the suite closes it.
func Run(t *testing.T, newStore func(t *testing.T) store.Store) {
	open := func(t *testing.T) store.Store {
		s := newStore(t)
		t.Cleanup(func() { s.Close() })
		return s
	}
	t.Run("PutArticle", func(t *testing.T) { testPutArticle(t, open(t)) })
	t.Run("Duplicates", func(t *testing.T) { testDuplicates(t, open(t)) })
	t.Run("AtomicBatch", func(t *testing.T) { testAtomicBatch(t, open(t)) })
	t.Run("SeedRecall", func(t *testing.T) { testSeedRecall(t, open(t)) })
	t.Run("MatchesReference", func(t *testing.T) { testMatchesReference(t, open(t)) })
	t.Run("Filters", func(t *testing.T) { testFilters(t, open(t)) })
	t.Run("IDsOnly", func(t *testing.T) { testIDsOnly(t, open(t)) })
	t.Run("Snippets", func(t *testing.T) { testSnippets(t, open(t)) })
	t.Run("SnippetsLikeAnalysis", func(t *testing.T) { testSnippetsLikeAnalysis(t, open(t)) })
	t.Run("BadQueries", func(t *testing.T) { testBadQueries(t, open(t)) })
	t.Run("EntitiesEvents", func(t *testing.T) { testEntitiesEvents(t, open(t)) })
	t.Run("Stats", func(t *testing.T) { testStats(t, open(t)) })
	t.Run("ConcurrentSearchDuringIngest", func(t *testing.T) { testConcurrent(t, open(t)) })
	t.Run("ConcurrentWriters", func(t *testing.T) { testConcurrentWriters(t, open(t)) })
	t.Run("CrossArticle", func(t *testing.T) { testCrossArticle(t, open) })
	t.Run("NearDuplicates", func(t *testing.T) { testNearDuplicates(t, open(t)) })
	t.Run("NearDuplicatesConcurrent", func(t *testing.T) { testNearDuplicatesConcurrent(t, open) })
	t.Run("NearDuplicatesArabicNews", func(t *testing.T) { testNearDuplicatesArabicNews(t, newStore) })
}

// Seeds returns the five demo articles as analyses with a source and date
// each (seed i: source "src-a" or "src-b" by parity, published 2016-11-0i).
func Seeds(t testing.TB) []model.Analysis {
	t.Helper()
	files, err := corpus.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	r := ingest.NewReader(ingest.DefaultOptions())
	var out []model.Analysis
	for i, f := range files {
		err := r.ReadBytes(context.Background(), f.Name, f.Data, func(d model.Document) error {
			d.Source = []string{"src-a", "src-b"}[i%2]
			d.Published = time.Date(2016, 11, i+1, 10, 0, 0, 0, time.UTC)
			d.Title = firstLine(d.Text)
			out = append(out, model.Analysis{Doc: d})
			return nil
		}, func(err error) { t.Fatal(err) })
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// SentenceDocs returns the seeds' sentences as articles of their own
// (short and long, words repeated or not), with the seed's source and date:
// many articles of varied lengths for comparing rankings.
func SentenceDocs(t testing.TB) []model.Analysis {
	t.Helper()
	var docs []model.Analysis
	for _, a := range Seeds(t) {
		for k, sn := range arabic.Sentences(a.Doc.Text) {
			d := a.Doc
			d.ID = fmt.Sprintf("%s-%d", a.Doc.ID, k)
			d.Text = a.Doc.Text[sn.Start:sn.End]
			d.Hash = fmt.Sprintf("%s-%d", a.Doc.Hash, k)
			docs = append(docs, model.Analysis{Doc: d})
		}
	}
	if len(docs) < 50 {
		t.Fatalf("only %d sentences in the seeds", len(docs))
	}
	return docs
}

// RankingQueries are queries whose ranking tests compare between search
// paths: frequent and rare words, alternatives, exclusions, phrases.
var RankingQueries = append([]string{"ليبيا", "المتحدة", "الأمم", "الليبي الوطني", "حفتر OR السراج", "ليبيا -حفتر",
	"ليبيا NOT طرابلس NOT سرت", "السراج السراج", "كلمة-لا-توجد", "ليبيا كلمةلاتوجد", `"الأمم المتحدة"`, `"خليفة حفتر" ليبيا`,
	`"المشير خليفة حفتر"`, `"حفتر خليفة"`, `ليبيا -"خليفة حفتر"`}, ReferenceQueries...)

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len([]rune(s)) > 80 {
		s = string([]rune(s)[:80])
	}
	return strings.TrimSpace(s)
}

func put(t testing.TB, s store.Store, as ...model.Analysis) []store.PutResult {
	t.Helper()
	res, err := s.Put(context.Background(), as)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	return res
}

// rich is an analysis with entities, mentions and events.
func rich(id, text string) model.Analysis {
	i := strings.Index(text, "السراج")
	j := strings.Index(text, "طرابلس")
	return model.Analysis{
		Doc: model.Document{ID: id, Source: "test", Title: "عنوان " + id, URL: "https://example.org/" + id, Text: text,
			Published: time.Date(2017, 5, 2, 8, 30, 0, 0, time.UTC), Origin: id + ".txt", Hash: ingest.TextHash(text)},
		Sentences: []model.Sentence{{Start: 0, End: len(text)}},
		Mentions:  []model.Mention{{Text: "السراج", Start: i, End: i + len("السراج"), Type: model.PER}},
		Entities: []model.Entity{
			{ID: "e1", Name: "فايز السراج", Type: model.PER, Aliases: []string{"السراج"},
				Mentions: []model.Mention{{Text: "السراج", Start: i, End: i + len("السراج"), Type: model.PER}}},
			{ID: "e2", Name: "طرابلس", Type: model.LOC, Geo: &model.Geo{Lat: 32.9, Lon: 13.18, Country: "LY"},
				Mentions: []model.Mention{{Text: "طرابلس", Start: j, End: j + len("طرابلس"), Type: model.LOC}}},
		},
		Events: []model.Event{{Type: "CONSULT", Mode: "meet", Actor: "فايز السراج", Recipients: []string{"مارتن كوبلر"},
			Location: "طرابلس", Date: "2017-05-01", DateText: "أمس", Modality: model.Asserted,
			Quantities: map[string]int{"dead": 2}, Trigger: "التقى", Sentence: text, Start: 0, End: len(text)}},
	}
}

const richText = "التقى فايز السراج في طرابلس أمس المبعوث الأممي مارتن كوبلر لبحث الوضع في سرت."

func testPutArticle(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := rich("r1", richText)
	res := put(t, s, a)
	if len(res) != 1 || res[0].Status != store.Stored || res[0].ID != "r1" {
		t.Fatalf("Put result %+v", res)
	}
	got, err := s.Article(ctx, "r1")
	if err != nil {
		t.Fatal(err)
	}
	d := got.Doc
	if d.ID != "r1" || d.Text != richText || d.Title != a.Doc.Title || d.Source != "test" || d.URL != a.Doc.URL ||
		!d.Published.Equal(a.Doc.Published) || d.Hash != a.Doc.Hash || d.Origin != a.Doc.Origin {
		t.Errorf("document round trip:\n got %+v\nwant %+v", d, a.Doc)
	}
	if !slices.Equal(got.Sentences, a.Sentences) || !slices.Equal(got.Mentions, a.Mentions) {
		t.Errorf("sentences/mentions: %+v %+v", got.Sentences, got.Mentions)
	}
	if len(got.Entities) != 2 || got.Entities[0].Name != "فايز السراج" || got.Entities[0].ID != store.EntityKey(a.Entities[0]) ||
		!slices.Equal(got.Entities[0].Aliases, []string{"السراج"}) || len(got.Entities[0].Mentions) != 1 ||
		got.Entities[1].Geo == nil || got.Entities[1].Geo.Country != "LY" {
		t.Errorf("entities: %+v", got.Entities)
	}
	if len(got.Events) != 1 {
		t.Fatalf("events: %+v", got.Events)
	}
	ev := got.Events[0]
	want := a.Events[0]
	if ev.Type != want.Type || ev.Mode != want.Mode || ev.Actor != want.Actor || !slices.Equal(ev.Recipients, want.Recipients) ||
		ev.Location != want.Location || ev.Date != want.Date || ev.Quantities["dead"] != 2 || ev.Start != 0 || ev.End != len(richText) ||
		ev.Trigger != want.Trigger || ev.Modality != want.Modality || ev.DateText != want.DateText {
		t.Errorf("event round trip:\n got %+v\nwant %+v", ev, want)
	}
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing article: %v, want ErrNotFound", err)
	}
}

func testDuplicates(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := rich("d1", richText)
	sameText := rich("d2", richText)            // other id, same text hash
	sameID := rich("d1", richText+" نص مختلف.") // same id, other text
	res := put(t, s, a, sameText, a)
	want := []store.Status{store.Stored, store.Duplicate, store.Duplicate}
	for i, r := range res {
		if r.Status != want[i] || r.DuplicateOf != []string{"", "d1", "d1"}[i] {
			t.Errorf("in-batch result %d: %+v, want %s", i, r, want[i])
		}
	}
	// The same id with another text is a conflict, never silently a
	// duplicate: two folders each with a 001.txt are two articles.
	res = put(t, s, sameID, sameText, rich("d3", "نص آخر تماما عن بنغازي."))
	for i, st := range []store.Status{store.Conflict, store.Duplicate, store.Stored} {
		if res[i].Status != st {
			t.Errorf("second batch result %d: %+v, want %s", i, res[i], st)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 {
		t.Errorf("stored %d articles, want 2", st.Articles)
	}
	// Counters are not bumped by duplicates.
	e, err := s.Entity(ctx, store.EntityKey(a.Entities[0]))
	if err != nil {
		t.Fatal(err)
	}
	if e.Articles != 2 || e.Mentions != 2 || len(e.ArticleRefs) != 2 {
		t.Errorf("entity counts after duplicates: %d articles, %d mentions, want 2, 2", e.Articles, e.Mentions)
	}
}

// NothingLeft fails t when a store that had only a failed batch put to it
// holds anything of it: the article id, index terms matching term, or any
// entity.
func NothingLeft(t *testing.T, s store.Store, id, term string) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.Article(ctx, id); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a failed batch left article %s behind: %v", id, err)
	}
	r, err := s.Search(ctx, store.SearchQuery{Text: term})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 0 {
		t.Errorf("a failed batch left index terms behind: %d hits", r.Total)
	}
	p, err := s.Entities(ctx, store.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 0 {
		t.Errorf("a failed batch left entities behind: %+v", p.Entities)
	}
}

func testAtomicBatch(t *testing.T, s store.Store) {
	ctx := context.Background()
	good := rich("a1", richText)
	bad := rich("", "نص بلا معرف") // no id: the store refuses it
	if _, err := s.Put(ctx, []model.Analysis{good, bad}); err == nil {
		t.Fatal("Put with an id-less article: want an error")
	}
	NothingLeft(t, s, "a1", "كوبلر")
	// A cancelled context fails the batch the same way.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Put(cctx, []model.Analysis{good}); err == nil {
		t.Error("Put with a cancelled context: want an error")
	}
	if _, err := s.Article(ctx, "a1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a cancelled batch stored a1: %v", err)
	}
	// And the store still works.
	put(t, s, good)
	if _, err := s.Article(ctx, "a1"); err != nil {
		t.Error(err)
	}
}

func hitIDs(r *store.SearchResult) []string {
	var ids []string
	for _, h := range r.Hits {
		ids = append(ids, h.ID[:3])
	}
	sort.Strings(ids)
	return ids
}

func testSeedRecall(t *testing.T, s store.Store) {
	put(t, s, Seeds(t)...)
	for _, tc := range []struct {
		name, q string
		want    []string // seed numbers that must be found
	}{
		{"hamza on yeh", "فائز السراج", []string{"001", "003"}},
		{"yeh without hamza", "فايز السراج", []string{"001", "003"}},
		{"proclitic ba", "بسرت", []string{"001", "003"}},
		{"American, two spellings", "الأمريكية", []string{"001", "003"}},
		{"Arabic-Indic digits and glued و", "١٢ نوفمبر", []string{"000"}},
		{"phrase", `"خليفة حفتر"`, []string{"000", "003", "004"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := s.Search(context.Background(), store.SearchQuery{Text: tc.q, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			got := hitIDs(r)
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q found %v, want %s among them", tc.q, got, w)
				}
			}
			if r.Total != len(r.Hits) {
				t.Errorf("total %d, hits %d", r.Total, len(r.Hits))
			}
		})
	}
}

// ReferenceQueries are the queries whose match sets the suite checks
// against the reference matcher.
var ReferenceQueries = []string{
	"حفتر", "فايز السراج", `"فايز السراج"`, `"السراج فايز"`, "سرت OR بنغازي", "حفتر -سرت", "الأميركية",
	"١٢ نوفمبر", "ماكرون", "الجيش الوطني الليبي", `"الجيش الوطني"`, "Macron", "طرابلس NOT حفتر", "وقف إطلاق النار",
	"بسرت", "روما", "المبعوث الأممي",
}

// refMatch evaluates q on a document's term sequence, as the backends
// must: clauses ANDed, alternatives ORed, an alternative is a run of
// consecutive terms.
func refMatch(q store.Query, terms []string) bool {
	has := func(alt []string) bool {
		for i := 0; i+len(alt) <= len(terms); i++ {
			if slices.Equal(terms[i:i+len(alt)], alt) {
				return true
			}
		}
		return false
	}
	clause := func(c store.Clause) bool {
		for _, alt := range c.Alts {
			if has(alt) {
				return true
			}
		}
		return false
	}
	for _, c := range q.Must {
		if !clause(c) {
			return false
		}
	}
	for _, c := range q.Not {
		if clause(c) {
			return false
		}
	}
	return true
}

func testMatchesReference(t *testing.T, s store.Store) {
	an := Analyzer(t)
	seeds := Seeds(t)
	extra := []model.Analysis{rich("x1", richText), rich("x2", "وقال السراج فايز إن روما تدعم وقف إطلاق النار في بنغازي.")}
	all := append(seeds, extra...)
	put(t, s, all...)
	docTerms := map[string][]string{}
	for _, a := range all {
		for _, tm := range an.Terms(a.Doc.Text) {
			docTerms[a.Doc.ID] = append(docTerms[a.Doc.ID], tm.Term)
		}
	}
	for _, qs := range ReferenceQueries {
		q, err := an.ParseQuery(qs)
		if err != nil {
			t.Fatalf("%q: %v", qs, err)
		}
		var want []string
		for id, terms := range docTerms {
			if refMatch(q, terms) {
				want = append(want, id)
			}
		}
		sort.Strings(want)
		r, err := s.Search(context.Background(), store.SearchQuery{Text: qs, Limit: 100})
		if err != nil {
			t.Fatalf("%q: %v", qs, err)
		}
		var got []string
		for _, h := range r.Hits {
			got = append(got, h.ID)
		}
		sort.Strings(got)
		if !slices.Equal(got, want) {
			t.Errorf("%q matched %v, reference %v", qs, got, want)
		}
		for i := 1; i < len(r.Hits); i++ {
			if r.Hits[i].Score > r.Hits[i-1].Score {
				t.Errorf("%q: hits not best first: %v", qs, r.Hits)
			}
		}
	}
}

func testFilters(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, Seeds(t)...)
	q := "حفتر"
	all, err := s.Search(ctx, store.SearchQuery{Text: q, Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total < 4 {
		t.Fatalf("%q: %d hits, want at least 4", q, all.Total)
	}
	r, err := s.Search(ctx, store.SearchQuery{Text: q, Sources: []string{"src-b"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range r.Hits {
		if h.Source != "src-b" {
			t.Errorf("source filter let through %s (%s)", h.ID, h.Source)
		}
	}
	if r.Total == 0 || r.Total >= all.Total {
		t.Errorf("source filter: %d of %d", r.Total, all.Total)
	}
	// Seeds are published 2016-11-01 … 05: [02, 04) keeps seeds 1 and 2.
	r, err = s.Search(ctx, store.SearchQuery{Text: q, From: time.Date(2016, 11, 2, 0, 0, 0, 0, time.UTC), To: time.Date(2016, 11, 4, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range r.Hits {
		if d := h.Published.Day(); d < 2 || d >= 4 {
			t.Errorf("date filter let through %s (%v)", h.ID, h.Published)
		}
	}
	// Paging: two pages of 2 make up the first 4 hits, total unchanged.
	p1, err1 := s.Search(ctx, store.SearchQuery{Text: q, Limit: 2})
	p2, err2 := s.Search(ctx, store.SearchQuery{Text: q, Limit: 2, Offset: 2})
	if err := errors.Join(err1, err2); err != nil {
		t.Fatal(err)
	}
	if p1.Total != all.Total || p2.Total != all.Total || len(p1.Hits) != 2 {
		t.Errorf("paging totals %d %d, want %d", p1.Total, p2.Total, all.Total)
	}
	for i, h := range append(p1.Hits, p2.Hits...) {
		if h.ID != all.Hits[i].ID {
			t.Errorf("paging hit %d: %s, want %s", i, h.ID, all.Hits[i].ID)
		}
	}
	past, err := s.Search(ctx, store.SearchQuery{Text: q, Offset: 100})
	if err != nil || len(past.Hits) != 0 || past.Total != all.Total {
		t.Errorf("past the last page: %v %+v", err, past)
	}
	// Facets count every match.
	n := 0
	for _, c := range all.Facets.Sources {
		n += c.N
	}
	if n != all.Total || len(all.Facets.Days) == 0 {
		t.Errorf("facets %+v, total %d", all.Facets, all.Total)
	}
}

// testIDsOnly: a search for ids only (store.SearchQuery.IDsOnly) gives
// the hits of the search with every field, in the same order, with the
// same scores and total, and nothing but their ids and scores; with a
// source filter and an offset too, after a Put (the new articles among
// them) and after Optimize.
func testIDsOnly(t *testing.T, s store.Store) {
	ctx := context.Background()
	docs := SentenceDocs(t)
	put(t, s, docs[:len(docs)/2]...)
	check := func(stage string) {
		t.Helper()
		for _, q := range RankingQueries {
			for _, sq := range []store.SearchQuery{{Text: q, Limit: 20}, {Text: q, Limit: 3, Offset: 2},
				{Text: q, Limit: 5, Sources: []string{"src-a"}}} {
				ids := sq
				ids.IDsOnly = true
				got, err1 := s.Search(ctx, ids)
				sq.NoSnippets = true
				want, err2 := s.Search(ctx, sq)
				if (err1 == nil) != (err2 == nil) {
					t.Fatalf("%s, %q: ids only: %v, all fields: %v", stage, q, err1, err2)
				}
				if err1 != nil {
					continue
				}
				if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
					t.Fatalf("%s, %q %+v: ids only %d hits of %d, all fields %d of %d", stage, q, sq, len(got.Hits), got.Total,
						len(want.Hits), want.Total)
				}
				for i, w := range want.Hits {
					if g := got.Hits[i]; !reflect.DeepEqual(g, store.Hit{ID: w.ID, Score: w.Score}) {
						t.Fatalf("%s, %q %+v hit %d: %+v, want only id %s and score %g", stage, q, sq, i, g, w.ID, w.Score)
					}
				}
			}
		}
	}
	check("half the articles")
	put(t, s, docs[len(docs)/2:]...)
	check("after a second Put")
	if o, ok := s.(store.Optimizer); ok {
		if err := o.Optimize(ctx); err != nil {
			t.Fatal(err)
		}
		check("after Optimize")
	}
}

func testSnippets(t *testing.T, s store.Store) {
	seeds := Seeds(t)
	put(t, s, seeds...)
	texts := map[string]string{}
	for _, a := range seeds {
		texts[a.Doc.ID] = a.Doc.Text
	}
	r, err := s.Search(context.Background(), store.SearchQuery{Text: "فايز السراج"})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range r.Hits {
		sn := h.Snippet
		text := texts[h.ID]
		if sn.Start < 0 || sn.End > len(text) || text[sn.Start:sn.End] != sn.Text {
			t.Fatalf("%s: snippet is not a slice of the original text: %+v", h.ID, sn)
		}
		if len(sn.Highlights) == 0 {
			t.Errorf("%s: no highlights in %q", h.ID, sn.Text)
		}
		for _, hl := range sn.Highlights {
			w := sn.Text[hl.Start:hl.End]
			if !strings.Contains(w, "السراج") && !strings.Contains(w, "فايز") && !strings.Contains(w, "فائز") {
				t.Errorf("%s: highlighted %q", h.ID, w)
			}
		}
	}
}

// testSnippetsLikeAnalysis: whatever way a store finds a hit's matched
// words (the offsets and positions it keeps, or analysing the text), its
// snippets are the ones store.MakeSnippet makes from the text, for every
// hit of every ranking query, on articles stored in several batches.
func testSnippetsLikeAnalysis(t *testing.T, s store.Store) {
	seeds := Seeds(t)
	for i := range seeds {
		put(t, s, seeds[i])
	}
	an := Analyzer(t)
	texts := map[string]string{}
	for _, a := range seeds {
		texts[a.Doc.ID] = a.Doc.Text
	}
	n := 0
	for _, qs := range RankingQueries {
		q, err := an.ParseQuery(qs)
		if err != nil {
			continue
		}
		r, err := s.Search(context.Background(), store.SearchQuery{Text: qs, Limit: 100})
		if err != nil {
			t.Fatalf("%q: %v", qs, err)
		}
		for _, h := range r.Hits {
			want := store.MakeSnippet(an, texts[h.ID], q)
			if !reflect.DeepEqual(h.Snippet, want) {
				t.Errorf("%q %s: snippet\n%+v\nby analysis\n%+v", qs, h.ID, h.Snippet, want)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no hits")
	}
}

func testBadQueries(t *testing.T, s store.Store) {
	put(t, s, Seeds(t)...)
	for _, tc := range []struct {
		name, q string
		want    error // nil: must run (maybe with no hits)
	}{
		{"empty", "", search.ErrEmptyQuery},
		{"punctuation only", "؟!،.«»()", search.ErrEmptyQuery},
		{"10,000 characters", strings.Repeat("حفتر ", 2000), search.ErrQueryTooLong},
		{"10,000 characters of one word", strings.Repeat("ح", 10000), nil},
		{"FTS operators", `AND OR NOT NEAR * ^ : " ( ) -`, search.ErrEmptyQuery},
		{"operators around words", `حفتر* ^سرت NEAR(ليبيا, 3) col:value "unbalanced`, nil},
		{"SQL", `'; DROP TABLE documents; --`, nil},
		{"quotes inside", `"حفتر" "" """ '`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Search(context.Background(), store.SearchQuery{Text: tc.q})
			if tc.want == nil && err != nil {
				t.Errorf("%.50q: %v", tc.q, err)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("%.50q: error %v, want %v", tc.q, err, tc.want)
			}
		})
	}
	st, err := s.Stats(context.Background())
	if err != nil || st.Articles != 5 {
		t.Errorf("store damaged by bad queries: %v %+v", err, st)
	}
}

func testEntitiesEvents(t *testing.T, s store.Store) {
	ctx := context.Background()
	a1 := rich("n1", richText)
	a2 := rich("n2", "وصل فائز السراج إلى طرابلس مع مارتن كوبلر.")
	a2.Entities[0].Name = "فائز السراج" // other spelling: same key after normalisation
	a2.Entities[0].Aliases = []string{"رئيس المجلس الرئاسي"}
	a2.Events[0].Type = "ASSAULT"
	a2.Events[0].Date = "2017-06-10"
	a2.Events[0].Location = "بنغازي"
	a2.Doc.Source = "other"
	put(t, s, a1, a2)
	p, err := s.Entities(ctx, store.EntityFilter{Type: model.PER})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 1 || p.Entities[0].Articles != 2 || p.Entities[0].Mentions != 2 {
		t.Fatalf("PER entities: %+v", p)
	}
	id := p.Entities[0].ID
	for _, name := range []string{"السراج", "فائز", "رئيس المجلس"} {
		p, err := s.Entities(ctx, store.EntityFilter{Name: name})
		if err != nil || p.Total != 1 || p.Entities[0].ID != id {
			t.Errorf("entities named %q: %v %+v", name, err, p)
		}
	}
	if p, _ := s.Entities(ctx, store.EntityFilter{Name: "100%_"}); p == nil || p.Total != 0 {
		t.Errorf("LIKE wildcards not escaped: %+v", p)
	}
	e, err := s.Entity(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(e.Aliases, "رئيس المجلس الرئاسي") || len(e.ArticleRefs) != 2 || len(e.Cooccurring) != 1 ||
		e.Cooccurring[0].Name != "طرابلس" || e.Cooccurring[0].Shared != 2 || len(e.Events) != 2 {
		t.Errorf("entity detail: %+v", e)
	}
	if _, err := s.Entity(ctx, "PER:nobody"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing entity: %v", err)
	}
	for _, tc := range []struct {
		name string
		f    store.EventFilter
		want []string // article ids
	}{
		{"all", store.EventFilter{}, []string{"n2", "n1"}},
		{"type", store.EventFilter{Type: "consult"}, []string{"n1"}},
		{"actor by alias", store.EventFilter{Actor: "السراج"}, []string{"n2", "n1"}},
		{"recipient", store.EventFilter{Actor: "مارتن كوبلر"}, []string{"n2", "n1"}},
		{"place", store.EventFilter{Place: "بنغازي"}, []string{"n2"}},
		{"source", store.EventFilter{Source: "other"}, []string{"n2"}},
		{"from", store.EventFilter{From: "2017-06-01"}, []string{"n2"}},
		{"to month", store.EventFilter{To: "2017-05"}, []string{"n1"}},
		{"paging", store.EventFilter{Limit: 1, Offset: 1}, []string{"n1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := s.Events(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ev := range p.Events {
				got = append(got, ev.ArticleID)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("events %+v: %v, want %v", tc.f, got, tc.want)
			}
		})
	}
}

func testStats(t *testing.T, s store.Store) {
	put(t, s, append(Seeds(t), rich("s1", richText))...)
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 6 || st.Entities != 2 || st.Events != 1 || st.Terms == 0 || len(st.Sources) != 3 ||
		st.FirstPublished.Year() != 2016 || st.LastPublished.Year() != 2017 || st.Analyzer == "" || st.Backend == "" {
		t.Errorf("stats %+v", st)
	}
}

func testConcurrent(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s, Seeds(t)...)
	base := rich("c", richText)
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	stop := make(chan struct{})
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				r, err := s.Search(ctx, store.SearchQuery{Text: []string{"حفتر", "كوبلر", `"فايز السراج"`}[i%3]})
				if err != nil {
					errs <- err
					return
				}
				if r.Total != len(r.Hits) && len(r.Hits) != 10 {
					errs <- fmt.Errorf("inconsistent page: total %d, %d hits", r.Total, len(r.Hits))
					return
				}
			}
		}()
	}
	for b := 0; b < 20; b++ {
		var batch []model.Analysis
		for i := 0; i < 5; i++ {
			a := base
			a.Doc.ID = fmt.Sprintf("c%d-%d", b, i)
			a.Doc.Text = fmt.Sprintf("%s رقم %d-%d.", richText, b, i)
			a.Doc.Hash = ingest.TextHash(a.Doc.Text)
			batch = append(batch, a)
		}
		if _, err := s.Put(ctx, batch); err != nil {
			t.Errorf("Put during searches: %v", err)
			break
		}
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("search during ingest: %v", err)
	}
	r, err := s.Search(ctx, store.SearchQuery{Text: "كوبلر"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 100 {
		t.Errorf("after ingest: %d hits, want 100", r.Total)
	}
}

// testConcurrentWriters: several writers at once, each batch carrying the
// same shared article, while a reader searches. Every writer succeeds, the
// shared article is stored once, and the reader, whose cached statistics
// were refreshed between the writers' commits, ranks every written article
// (all of the same length and term frequency) with the same score: an
// article committed after a later rowid had been seen would keep no length
// and outrank the others.
func testConcurrentWriters(t *testing.T, s store.Store) {
	ctx := context.Background()
	const writers, batches, size = 4, 8, 3
	shared := rich("shared", richText+" نسخة مشتركة.")
	stop := make(chan struct{})
	readerDone := make(chan error, 1)
	go func() {
		for {
			select {
			case <-stop:
				readerDone <- nil
				return
			default:
			}
			if _, err := s.Search(ctx, store.SearchQuery{Text: "طبرق", NoSnippets: true}); err != nil {
				readerDone <- err
				return
			}
		}
	}()
	var wg sync.WaitGroup
	stored := make([]int, writers)
	errs := make(chan error, writers)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := 0; b < batches; b++ {
				var batch []model.Analysis
				if b == 0 {
					batch = append(batch, shared)
				}
				for i := 0; i < size; i++ {
					text := fmt.Sprintf("وصل فايز السراج إلى طبرق من طرابلس في زيارة رقم %d.", (w*batches+b)*size+i)
					a := rich(fmt.Sprintf("w%d-%d-%d", w, b, i), text)
					batch = append(batch, a)
				}
				res, err := s.Put(ctx, batch)
				if err != nil {
					errs <- fmt.Errorf("writer %d, batch %d: %w", w, b, err)
					return
				}
				for _, r := range res {
					if r.Status == store.Stored && r.ID == "shared" {
						stored[w]++
					}
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := <-readerDone; err != nil {
		t.Fatalf("search during concurrent writes: %v", err)
	}
	if p, err := s.Entities(ctx, store.EntityFilter{Type: model.PER}); err != nil || p.Total != 1 {
		t.Errorf("concurrent writers made %+v of one person (err %v), want one entity", p, err)
	}
	if n := stored[0] + stored[1] + stored[2] + stored[3]; n != 1 {
		t.Errorf("shared article stored %d times, want once (the others duplicates)", n)
	}
	r, err := s.Search(ctx, store.SearchQuery{Text: "طبرق", Limit: 1000, NoSnippets: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := writers * batches * size; r.Total != want || len(r.Hits) != want {
		t.Fatalf("طبرق: %d hits (total %d), want %d", len(r.Hits), r.Total, want)
	}
	lo, hi := r.Hits[len(r.Hits)-1].Score, r.Hits[0].Score
	if hi-lo > 1e-9*math.Abs(hi) {
		t.Errorf("articles of equal length and term frequency ranked apart: scores %g (%s) to %g (%s)",
			hi, r.Hits[0].ID, lo, r.Hits[len(r.Hits)-1].ID)
	}
}

// AnalysedSeeds returns Seeds with their sentences and entities found by
// the analysis chain of `extract` (no events).
func AnalysedSeeds(t testing.TB) []model.Analysis {
	t.Helper()
	stages, err := analysis.Stages()
	if err != nil {
		t.Fatal(err)
	}
	p := pipeline.New(stages...)
	var out []model.Analysis
	for _, a := range Seeds(t) {
		r, err := p.Analyze(context.Background(), a.Doc)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// person is an article naming the given persons (one mention each).
func person(id string, names ...string) model.Analysis {
	text := "ذكر الخبر " + id + " " + strings.Join(names, " و") + "."
	a := model.Analysis{Doc: model.Document{ID: id, Source: "test", Text: text, Hash: ingest.TextHash(text),
		Published: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)}}
	for _, n := range names {
		i := strings.Index(text, n)
		m := model.Mention{Text: n, Start: i, End: i + len(n), Type: model.PER}
		a.Entities = append(a.Entities, model.Entity{Name: n, Type: model.PER, Mentions: []model.Mention{m}})
	}
	return a
}

// aliased sets the aliases of a's first entity (the article also calls
// the person so).
func aliased(a model.Analysis, aliases ...string) model.Analysis {
	a.Entities[0].Aliases = aliases
	return a
}

// groups returns, for every stored PER entity, the sorted ids of its
// articles, as a sorted list of "id id …" strings (ids of entities left out:
// they depend on the order of ingest).
func groups(t *testing.T, s store.Store) []string {
	t.Helper()
	ctx := context.Background()
	p, err := s.Entities(ctx, store.EntityFilter{Type: model.PER, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range p.Entities {
		d, err := s.Entity(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range d.ArticleRefs {
			ids = append(ids, a.ID)
		}
		sort.Strings(ids)
		if len(ids) != e.Articles {
			t.Errorf("%s: %d articles listed, %d counted", e.Name, len(ids), e.Articles)
		}
		out = append(out, strings.Join(ids, " "))
	}
	sort.Strings(out)
	return out
}

// entityNamed returns the stored PER entity whose display name is name.
func entityNamed(t *testing.T, s store.Store, name string) store.EntitySummary {
	t.Helper()
	p, err := s.Entities(context.Background(), store.EntityFilter{Type: model.PER, Name: name, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range p.Entities {
		if store.NameKey(e.Name) == store.NameKey(name) {
			return e
		}
	}
	t.Fatalf("no PER entity named %s in %+v", name, p.Entities)
	return store.EntitySummary{}
}

// testCrossArticle: entities resolved across articles (sqlstore/resolve.go).
func testCrossArticle(t *testing.T, newStore func(t *testing.T) store.Store) {
	ctx := context.Background()
	seeds := AnalysedSeeds(t)
	t.Run("seeds", func(t *testing.T) {
		s := newStore(t)
		for _, a := range seeds { // one Put each: keys persist between transactions
			put(t, s, a)
		}
		sarraj := entityNamed(t, s, "فايز السراج")
		if sarraj.Articles != 2 {
			t.Errorf("فايز السراج / فائز السراج: %+v, want one entity in 2 articles", sarraj)
		}
		haftar := entityNamed(t, s, "خليفة حفتر")
		if haftar.Articles != len(seeds) {
			t.Errorf("خليفة حفتر: %+v, want one entity in all %d seeds (حفتر alone in one)", haftar, len(seeds))
		}
		d, err := s.Entity(ctx, haftar.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.ArticleRefs) != len(seeds) || !slices.Contains(d.Aliases, "حفتر") {
			t.Errorf("خليفة حفتر's page: %d articles, aliases %q", len(d.ArticleRefs), d.Aliases)
		}
		for _, a := range seeds {
			art, err := s.Article(ctx, a.Doc.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range art.Entities {
				if e.Type == model.PER && strings.HasSuffix(e.Name, "حفتر") && e.ID != haftar.ID {
					t.Errorf("%s: %s has id %s, want %s", a.Doc.ID, e.Name, e.ID, haftar.ID)
				}
			}
		}
		want := groups(t, s)
		// the same articles in the other order, and in one batch
		r := newStore(t)
		for i := len(seeds) - 1; i >= 0; i-- {
			put(t, r, seeds[i])
		}
		if got := groups(t, r); !slices.Equal(got, want) {
			t.Errorf("reverse order: entities\n%q\nwant\n%q", got, want)
		}
		b := newStore(t)
		put(t, b, seeds...)
		if got := groups(t, b); !slices.Equal(got, want) {
			t.Errorf("one batch: entities\n%q\nwant\n%q", got, want)
		}
	})
	t.Run("surname", func(t *testing.T) {
		// lone surname first, then its one full name: merged, and the old
		// id leads to the full name
		s := newStore(t)
		put(t, s, person("s1", "الحداد"))
		lone := entityNamed(t, s, "الحداد")
		put(t, s, aliased(person("s2", "سامر الحداد"), "الحداد"))
		full := entityNamed(t, s, "سامر الحداد")
		if full.Articles != 2 {
			t.Errorf("سامر الحداد after الحداد: %+v, want 2 articles", full)
		}
		if d, err := s.Entity(ctx, lone.ID); err != nil || d.ID != full.ID {
			t.Errorf("merged id %s: %v %+v", lone.ID, err, d)
		}
		// the other order
		r := newStore(t)
		put(t, r, aliased(person("s2", "سامر الحداد"), "الحداد"))
		put(t, r, person("s1", "الحداد"))
		if got, want := groups(t, r), groups(t, s); !slices.Equal(got, want) {
			t.Errorf("reverse order: %q, want %q", got, want)
		}
		// two persons sharing a surname stay apart, and a lone surname
		// joins neither
		a := newStore(t)
		put(t, a, aliased(person("a1", "سامر الحداد"), "الحداد"), aliased(person("a2", "ليث الحداد"), "الحداد"))
		put(t, a, person("a3", "الحداد"))
		if got, want := groups(t, a), []string{"a1", "a2", "a3"}; !slices.Equal(got, want) {
			t.Errorf("shared surname: %q, want %q", got, want)
		}
		// a word that is also a first name stays alone
		f := newStore(t)
		put(t, f, aliased(person("f1", "علي سالم"), "سالم"), person("f2", "سالم خليل"), person("f3", "سالم"))
		if got, want := groups(t, f), []string{"f1", "f2", "f3"}; !slices.Equal(got, want) {
			t.Errorf("first name: %q, want %q", got, want)
		}
		// an article naming both a full name and the lone surname kept
		// apart by its resolver is not merged across articles
		k := newStore(t)
		put(t, k, person("k1", "صدام الحداد", "الحداد"), person("k2", "الحداد"))
		if got, want := groups(t, k), []string{"k1", "k1 k2"}; !slices.Equal(got, want) {
			t.Errorf("kept apart in an article: %q, want %q", got, want)
		}
		// a full name never called by its last word alone does not take
		// that word when it stands alone (الآيس كريم, كريم)
		u := newStore(t)
		put(t, u, person("u1", "الآيس كريم"), person("u2", "كريم"))
		if got, want := groups(t, u), []string{"u1", "u2"}; !slices.Equal(got, want) {
			t.Errorf("unattested surname: %q, want %q", got, want)
		}
		// a tribe's nisba stays alone, in either order
		for i, order := range [][]model.Analysis{
			{person("n1", "الغامدي"), aliased(person("n2", "منصور الغامدي"), "الغامدي")},
			{aliased(person("n2", "منصور الغامدي"), "الغامدي"), person("n1", "الغامدي")},
		} {
			n := newStore(t)
			for _, a := range order {
				put(t, n, a)
			}
			if got, want := groups(t, n), []string{"n1", "n2"}; !slices.Equal(got, want) {
				t.Errorf("nisba, order %d: %q, want %q", i, got, want)
			}
		}
		// the father's name is no surname
		m := newStore(t)
		put(t, m, person("m1", "محمد بن سلمان"), person("m2", "سلمان"))
		if got, want := groups(t, m), []string{"m1", "m2"}; !slices.Equal(got, want) {
			t.Errorf("father's name: %q, want %q", got, want)
		}
	})
	t.Run("countryless bodies", func(t *testing.T) {
		// وزارة الداخلية, هيئة السياحة are every country's: two articles,
		// two entities; with the country's nisba or a place it is one name
		// across articles (entity.genericBody)
		s := newStore(t)
		orgOf := func(id, name string) model.Analysis {
			a := person(id, name)
			a.Entities[0].Type = model.ORG
			a.Entities[0].Mentions[0].Type = model.ORG
			return a
		}
		put(t, s, orgOf("o1", "وزارة الداخلية"), orgOf("o2", "وزارة الخارجية الأمريكية"), orgOf("o5", "هيئة السياحة"), orgOf("o6", "بلدية طرابلس"))
		put(t, s, orgOf("o3", "وزارة الداخلية"), orgOf("o4", "وزارة الخارجية الأمريكية"), orgOf("o7", "هيئة السياحة"), orgOf("o8", "بلدية طرابلس"))
		p, err := s.Entities(ctx, store.EntityFilter{Type: model.ORG, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		count := map[string][]int{}
		for _, e := range p.Entities {
			count[e.Name] = append(count[e.Name], e.Articles)
		}
		if got := count["وزارة الداخلية"]; !slices.Equal(got, []int{1, 1}) {
			t.Errorf("وزارة الداخلية: entities with %v articles, want two of 1", got)
		}
		if got := count["وزارة الخارجية الأمريكية"]; !slices.Equal(got, []int{2}) {
			t.Errorf("وزارة الخارجية الأمريكية: entities with %v articles, want one of 2", got)
		}
		if got := count["هيئة السياحة"]; !slices.Equal(got, []int{1, 1}) {
			t.Errorf("هيئة السياحة: entities with %v articles, want two of 1", got)
		}
		if got := count["بلدية طرابلس"]; !slices.Equal(got, []int{2}) {
			t.Errorf("بلدية طرابلس: entities with %v articles, want one of 2", got)
		}
	})
	t.Run("spellings and fuller names", func(t *testing.T) {
		s := newStore(t)
		put(t, s, person("w1", "ستيفاني وليامز"))
		put(t, s, person("w2", "ستيفاني ويليامز"), person("w3", "فايز السراج"))
		a := person("w4", "فايز مصطفى السراج")
		a.Entities[0].Aliases = []string{"فائز السراج", "رئيس المجلس الرئاسي"} // the article writes both
		put(t, s, a)
		put(t, s, person("w5", "محمود عباس"), person("w6", "محمد عباس"))
		if got, want := groups(t, s), []string{"w1 w2", "w3 w4", "w5", "w6"}; !slices.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
		// a fuller name becomes the name once two articles use it
		entityNamed(t, s, "فايز السراج")
		b := person("w7", "فايز مصطفى السراج")
		b.Entities[0].Aliases = []string{"السراج"}
		put(t, s, b)
		e := entityNamed(t, s, "فايز مصطفى السراج")
		d, err := s.Entity(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(d.Aliases, "فايز السراج") || !slices.Contains(d.Aliases, "رئيس المجلس الرئاسي") {
			t.Errorf("aliases of %s: %q", d.Name, d.Aliases)
		}
		if e.ID != store.EntityKey(model.Entity{Type: model.PER, Name: "فايز السراج"}) {
			t.Errorf("id changed with the name: %s", e.ID)
		}
		// events by any of its names
		p, err := s.Events(ctx, store.EventFilter{Actor: "فايز مصطفى السراج"})
		if err != nil || p.Total != 0 {
			t.Errorf("events: %v %+v", err, p)
		}
	})
}
