package sqlite

import (
	"context"
	"database/sql"
	"io/fs"
	"math"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/marsad-project/marsad/internal/model"
	"github.com/marsad-project/marsad/internal/store"
	"github.com/marsad-project/marsad/internal/store/sqlstore"
	"github.com/marsad-project/marsad/internal/store/storetest"
)

// before0003 is the schema as it was before migration 0003 (postings
// without positions, no term offsets).
type before0003 struct{ dialect }

// PostingsTail: none before migration 0007.
func (before0003) PostingsTail() string { return "" }

func (before0003) Migrations() fs.FS {
	sub, _ := fs.Sub(migrations, "migrations")
	m := fstest.MapFS{}
	names, _ := fs.Glob(sub, "*.sql")
	for _, n := range names {
		if n < "0003" {
			b, _ := fs.ReadFile(sub, n)
			m[n] = &fstest.MapFile{Data: b}
		}
	}
	return m
}

func (before0003) Postings() (keep, positions bool) { return true, false }

func (before0003) PostingsDDL(table string) (create, swap []string) {
	return []string{`CREATE TABLE ` + table + ` (term TEXT NOT NULL, seg INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (term, seg)) WITHOUT ROWID`},
		[]string{`DROP TABLE postings`, `ALTER TABLE ` + table + ` RENAME TO postings`}
}

// TestStoreBefore0003: a store with articles from before migration 0003
// keeps working after it: the articles stored before and after are
// ranked like FTS5 (phrases by FTS5: its postings have no positions for
// the old articles), merged, and their snippets are made by analysis, the
// same as a fresh store's; no positions or offsets are written into it.
// A store created empty gets both for every article.
func TestStoreBefore0003(t *testing.T) {
	ctx := context.Background()
	an := storetest.Analyzer(t)
	path := filepath.Join(t.TempDir(), "old.db")
	seeds := storetest.Seeds(t)
	{
		db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(30000)&_txlock=immediate")
		if err != nil {
			t.Fatal(err)
		}
		old, err := sqlstore.Open(ctx, db, before0003{dialect{path: path}}, sqlstore.Options{Analyzer: an})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range seeds[:3] {
			if _, err := old.Put(ctx, []model.Analysis{a}); err != nil {
				t.Fatal(err)
			}
		}
		old.Close()
	}
	open := func(path string, fts bool) *sqlstore.DB {
		opt := DefaultOptions()
		opt.Analyzer = an
		opt.Synchronous = "OFF"
		opt.FTSRanking = fts
		s, err := Open(ctx, path, opt)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	s := open(path, false)
	if _, err := s.Put(ctx, seeds[3:]); err != nil {
		t.Fatal(err)
	}
	if err := s.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	fresh := open(filepath.Join(t.TempDir(), "new.db"), false)
	for _, a := range seeds {
		if _, err := fresh.Put(ctx, []model.Analysis{a}); err != nil {
			t.Fatal(err)
		}
	}
	if err := fresh.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	count := func(s *sqlstore.DB, q string) int {
		var n int
		if err := s.SQL().QueryRowContext(ctx, q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(s, `SELECT count(*) FROM documents WHERE offsets IS NOT NULL`) + count(s, `SELECT count(*) FROM postings WHERE pos IS NOT NULL`); n != 0 {
		t.Errorf("old store: %d rows with offsets or positions", n)
	}
	if n := count(fresh, `SELECT count(*) FROM documents WHERE offsets IS NULL`) + count(fresh, `SELECT count(*) FROM postings WHERE pos IS NULL`); n != 0 {
		t.Errorf("fresh store: %d rows without offsets or positions", n)
	}
	ftsRank := open(path, true)
	texts := map[string]string{}
	for _, a := range seeds {
		texts[a.Doc.ID] = a.Doc.Text
	}
	for _, qs := range storetest.RankingQueries {
		q, err := an.ParseQuery(qs)
		if err != nil {
			continue
		}
		sq := store.SearchQuery{Text: qs, Limit: 100}
		got, err := s.Search(ctx, sq)
		if err != nil {
			t.Fatalf("%q: %v", qs, err)
		}
		want, err := ftsRank.Search(ctx, sq)
		if err != nil {
			t.Fatalf("%q: %v", qs, err)
		}
		other, err := fresh.Search(ctx, sq)
		if err != nil {
			t.Fatalf("%q: %v", qs, err)
		}
		if got.Total != want.Total || len(got.Hits) != len(want.Hits) || other.Total != want.Total {
			t.Errorf("%q: %d / %d (fresh store) hits, FTS5 %d", qs, got.Total, other.Total, want.Total)
			continue
		}
		for i, h := range got.Hits {
			w := want.Hits[i]
			if h.ID != w.ID || math.Abs(h.Score-w.Score) > 1e-9*math.Abs(w.Score) {
				t.Errorf("%q hit %d: %s %g, FTS5 %s %g", qs, i, h.ID, h.Score, w.ID, w.Score)
			}
			if !reflect.DeepEqual(h.Snippet, store.MakeSnippet(an, texts[h.ID], q)) {
				t.Errorf("%q %s: snippet %q", qs, h.ID, h.Snippet.Text)
			}
			// The fresh store cuts the same snippet from its offsets (its
			// ids name the same articles).
			for _, o := range other.Hits {
				if o.ID == h.ID && !reflect.DeepEqual(o.Snippet, h.Snippet) {
					t.Errorf("%q %s: fresh store's snippet %q", qs, h.ID, strings.TrimSpace(o.Snippet.Text))
				}
			}
		}
	}
}

// before0005 is the schema before the near-duplicates (migration 0005).
type before0005 struct{ dialect }

// PostingsTail: none before migration 0007.
func (before0005) PostingsTail() string { return "" }

func (before0005) Migrations() fs.FS {
	sub, _ := fs.Sub(migrations, "migrations")
	m := fstest.MapFS{}
	names, _ := fs.Glob(sub, "*.sql")
	for _, n := range names {
		if n < "0005" {
			b, _ := fs.ReadFile(sub, n)
			m[n] = &fstest.MapFile{Data: b}
		}
	}
	return m
}

// TestStoreBefore0005: articles stored before the near-duplicates get their
// signatures and links when the store is next opened (in the order they
// were stored), and a repost stored afterwards joins their group.
func TestStoreBefore0005(t *testing.T) {
	ctx := context.Background()
	an := storetest.Analyzer(t)
	path := filepath.Join(t.TempDir(), "old.db")
	docs := storetest.Reposts() // orig variants junk edited other half
	{
		db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(30000)&_txlock=immediate")
		if err != nil {
			t.Fatal(err)
		}
		old, err := sqlstore.Open(ctx, db, before0005{dialect{path: path}}, sqlstore.Options{Analyzer: an})
		if err != nil {
			t.Fatal(err)
		}
		res, err := old.Put(ctx, []model.Analysis{docs[0], docs[1], docs[4], docs[5]})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res {
			if r.Status != store.Stored || r.NearDuplicateOf != "" {
				t.Errorf("old schema: %+v", r)
			}
		}
		if a, err := old.Article(ctx, "variants"); err != nil || a.DuplicateOf != "" || a.Duplicates != nil {
			t.Fatalf("old schema: %+v, %v", a, err)
		}
		old.Close()
	}
	opt := DefaultOptions()
	opt.Analyzer = an
	opt.Synchronous = "OFF"
	s, err := Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Put(ctx, docs[2:4])
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.NearDuplicateOf != "orig" {
			t.Errorf("after the migration: %+v, want a near-duplicate of orig", r)
		}
	}
	for id, want := range map[string]string{"orig": "", "variants": "orig", "junk": "orig", "edited": "orig", "other": "", "half": ""} {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if a.DuplicateOf != want || (want != "" || id == "orig") != (len(a.Duplicates) == 3) {
			t.Errorf("%s: duplicate of %q, %d others in its group; want %q", id, a.DuplicateOf, len(a.Duplicates), want)
		}
	}
	var n int
	if err := s.SQL().QueryRowContext(ctx, `SELECT count(DISTINCT doc) FROM doc_bands`).Scan(&n); err != nil || n != len(docs) {
		t.Errorf("%d articles with near-duplicate keys, want %d (%v)", n, len(docs), err)
	}
	// a store from before 0005 goes on writing FTS5; one created since
	// does not, unless created for FTS5 ranking
	if err := s.SQL().QueryRowContext(ctx, `SELECT count(*) FROM documents_fts_docsize`).Scan(&n); err != nil || n != len(docs) {
		t.Errorf("old store: %d articles in FTS5, want %d (%v)", n, len(docs), err)
	}
	for _, fts := range []bool{false, true} {
		opt.FTSRanking = fts
		path := filepath.Join(t.TempDir(), "new.db")
		fresh, err := Open(ctx, path, opt)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fresh.Put(ctx, docs); err != nil {
			t.Fatal(err)
		}
		want := 0
		if fts {
			want = len(docs)
		}
		if err := fresh.SQL().QueryRowContext(ctx, `SELECT count(*) FROM documents_fts_docsize`).Scan(&n); err != nil || n != want {
			t.Errorf("new store (FTSRanking %v): %d articles in FTS5, want %d (%v)", fts, n, want, err)
		}
		// all but other (half is the first half of orig)
		if r, err := fresh.Search(ctx, store.SearchQuery{Text: `"الجيش الليبي" تمنهنت`}); err != nil || r.Total != 5 {
			t.Errorf("new store (FTSRanking %v): search: %v hits, %v", fts, r.Total, err)
		}
		fresh.Close()
		if !fts {
			// FTS5 ranking cannot start on a store with articles it lacks
			opt.FTSRanking = true
			if again, err := Open(ctx, path, opt); err == nil {
				again.Close()
				t.Error("FTS5 ranking opened on a store without the index")
			}
		}
	}
}

// before0006 is the schema before doc_lengths (migration 0006).
type before0006 struct{ dialect }

// PostingsTail: none before migration 0007.
func (before0006) PostingsTail() string { return "" }

func (before0006) Migrations() fs.FS {
	sub, _ := fs.Sub(migrations, "migrations")
	m := fstest.MapFS{}
	names, _ := fs.Glob(sub, "*.sql")
	for _, n := range names {
		if n < "0006" {
			b, _ := fs.ReadFile(sub, n)
			m[n] = &fstest.MapFile{Data: b}
		}
	}
	return m
}

// TestStoreBefore0006: a store from before doc_lengths ranks from
// documents.nterms; opened since, it gets the packed lengths of the
// articles it holds (and ranks the same without documents.nterms).
func TestStoreBefore0006(t *testing.T) {
	ctx := context.Background()
	an := storetest.Analyzer(t)
	path := filepath.Join(t.TempDir(), "old.db")
	docs := storetest.SentenceDocs(t)
	rank := func(s store.Store) map[string]string {
		out := map[string]string{}
		for _, q := range storetest.RankingQueries {
			r, err := s.Search(ctx, store.SearchQuery{Text: q, Limit: 1000, NoSnippets: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range r.Hits {
				out[q] += h.ID + " " + strconv.FormatFloat(h.Score, 'g', 12, 64) + "; "
			}
		}
		return out
	}
	var want map[string]string
	{
		db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(30000)&_txlock=immediate")
		if err != nil {
			t.Fatal(err)
		}
		old, err := sqlstore.Open(ctx, db, before0006{dialect{path: path}}, sqlstore.Options{Analyzer: an})
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < len(docs); i += 7 {
			if _, err := old.Put(ctx, docs[i:min(i+7, len(docs))]); err != nil {
				t.Fatal(err)
			}
		}
		want = rank(old)
		old.Close()
	}
	opt := DefaultOptions()
	opt.Analyzer = an
	opt.Synchronous = "OFF"
	for round := range 2 {
		s, err := Open(ctx, path, opt)
		if err != nil {
			t.Fatal(err)
		}
		var rows int
		if err := s.SQL().QueryRowContext(ctx, `SELECT count(*) FROM doc_lengths`).Scan(&rows); err != nil || rows != 1 {
			t.Errorf("round %d: %d rows of lengths (%v), want the backfill's one", round, rows, err)
		}
		if !reflect.DeepEqual(rank(s), want) {
			t.Errorf("round %d: ranks otherwise than the old store", round)
		}
		if _, err := s.SQL().ExecContext(ctx, `UPDATE documents SET nterms = 0`); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
}
