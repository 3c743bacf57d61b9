package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/marsad-project/marsad/internal/corpus"
	"github.com/marsad-project/marsad/internal/store/sqlite"
	"github.com/marsad-project/marsad/internal/store/storetest"
)

// TestMain lets a test re-run this binary as `marsad` (for the kill test).
func TestMain(m *testing.M) {
	if os.Getenv("MARSAD_TEST_AS_MAIN") == "1" {
		err := Run(context.Background(), os.Args[1:], Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr})
		os.Exit(ExitCode(err, os.Stderr))
	}
	os.Exit(m.Run())
}

func runCLI(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := Run(context.Background(), args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb})
	return out.String(), errb.String(), err
}

func TestIngestSearchStats(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	out, _, err := runCLI(t, "ingest", "--db", db, "--demo")
	if err != nil || !strings.Contains(out, "stored 5, duplicates 0, rejected 0") {
		t.Fatalf("first ingest: %v %q", err, out)
	}
	out, errs, err := runCLI(t, "ingest", "--db", db, "--demo")
	if err != nil || !strings.Contains(out, "stored 0, duplicates 5") || !strings.Contains(errs, "already stored") {
		t.Fatalf("second ingest: %v %q %q", err, out, errs)
	}
	out, _, err = runCLI(t, "search", "--db", db, "--json", "فائز", "السراج")
	if err != nil {
		t.Fatal(err)
	}
	var res SearchJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID[:3])
		if h.Snippet == "" || len(h.Highlights) == 0 || h.Score <= 0 {
			t.Errorf("hit %+v", h)
		}
		r := []rune(h.Snippet)
		for _, hl := range h.Highlights {
			if w := string(r[hl[0]:hl[1]]); !strings.Contains(w, "السراج") && !strings.HasPrefix(w, "فا") {
				t.Errorf("highlight %q", w)
			}
		}
	}
	if strings.Join(ids, ",") != "001,003" && strings.Join(ids, ",") != "003,001" {
		t.Errorf("hits %v, want 001 and 003", ids)
	}
	out, _, err = runCLI(t, "search", "--db", db, "بسرت")
	if err != nil || !strings.Contains(out, "[سرت]") {
		t.Errorf("human search: %v\n%s", err, out)
	}
	for _, q := range []string{"", "؟؟!!", `AND OR ( ) * "`, strings.Repeat("ليبيا ", 2000)} {
		_, _, err = runCLI(t, "search", "--db", db, q)
		var ee *ExitError
		if !errors.As(err, &ee) || ee.Code != ExitUsage {
			t.Errorf("search %.30q: %v, want a usage error", q, err)
		}
	}
	out, _, err = runCLI(t, "stats", "--db", db)
	if err != nil || !strings.Contains(out, "articles   5") {
		t.Errorf("stats: %v\n%s", err, out)
	}
	_, _, err = runCLI(t, "search", "--db", filepath.Join(t.TempDir(), "none.db"), "ليبيا")
	if err == nil || !strings.Contains(err.Error(), "no store") {
		t.Errorf("search on a missing store: %v", err)
	}
}

func TestIngestRejected(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("أعلنت حكومة الوفاق في طرابلس اليوم عن خطة جديدة."), 0o644)
	out, _, err := runCLI(t, "ingest", "--db", filepath.Join(t.TempDir(), "m.db"), dir)
	var ee *ExitError
	if !errors.As(err, &ee) || ee.Code != ExitRejected {
		t.Fatalf("want exit %d, got %v", ExitRejected, err)
	}
	if !strings.Contains(out, "stored 1,") || !strings.Contains(out, "rejected 1:") {
		t.Errorf("summary:\n%s", out)
	}
}

// TestIngestKilled kills an ingest mid-run and checks that every stored
// article is whole (document, index, entities) and that re-running stores
// the rest, reporting the first part as duplicates.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a subprocess")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	in := filepath.Join(dir, "in.jsonl")
	files, err := corpus.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	const n = 1500
	for i := 0; i < n; i++ {
		f := files[i%len(files)]
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("k%05d", i), "text": fmt.Sprintf("(النسخة %d من المقال) %s", i, f.Data)})
		b.Write(line)
		b.WriteByte('\n')
	}
	os.WriteFile(in, b.Bytes(), 0o644)
	cmd := exec.Command(os.Args[0], "ingest", "--db", db, "--batch", "25", "--quiet", in)
	cmd.Env = append(os.Environ(), "MARSAD_TEST_AS_MAIN=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stored := 0
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
		stored = countDocs(t, db)
		if stored >= 100 {
			break
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	stored = countDocs(t, db)
	if stored == 0 || stored >= n {
		t.Skipf("the kill did not land mid-ingest (%d of %d stored)", stored, n)
	}
	checkWhole(t, db, 25)
	out, _, err := runCLI(t, "ingest", "--db", db, "--quiet", in)
	if err != nil {
		t.Fatal(err)
	}
	after := countDocs(t, db)
	want := fmt.Sprintf("stored %d, duplicates %d,", n-stored, stored)
	if after != n || !strings.Contains(out, want) {
		t.Errorf("re-run after kill at %d: %q, %d stored; want %q", stored, out, after, want)
	}
	checkWhole(t, db, 1)
}

func countDocs(t *testing.T, path string) int {
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM documents`).Scan(&n); err != nil {
		return 0 // not created yet
	}
	return n
}

// checkWhole checks that the store's tables agree: as many key and offset rows as
// documents, stored in whole batches, and each document findable.
func checkWhole(t *testing.T, path string, batch int) {
	t.Helper()
	opt := sqlite.DefaultOptions()
	opt.Analyzer = storetest.Analyzer(t)
	s, err := sqlite.Open(context.Background(), path, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// (a store made since migration 0005 has no FTS5 rows; the
	// near-duplicate keys are written last in a batch's transaction)
	var docs, keyed, positioned int
	s.SQL().QueryRow(`SELECT count(*) FROM documents`).Scan(&docs)
	s.SQL().QueryRow(`SELECT count(DISTINCT doc) FROM doc_bands`).Scan(&keyed)
	s.SQL().QueryRow(`SELECT count(*) FROM documents WHERE offsets IS NOT NULL`).Scan(&positioned)
	if docs != keyed || docs != positioned {
		t.Errorf("%d documents but %d with near-duplicate keys, %d with term offsets", docs, keyed, positioned)
	}
	if docs%batch != 0 {
		t.Errorf("%d documents: not whole batches of %d", docs, batch)
	}

}

// TestVariantsFile: a user's --variants file extends the shipped table, at
// ingest and at search; searching with another table is warned about.
func TestVariantsFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "m.db")
	vf := filepath.Join(dir, "v.txt")
	// A spelling that occurs in no seed, mapped onto one that does.
	os.WriteFile(vf, []byte("# test\nباليرمو | بالرمو | پاليرمو\n"), 0o644)
	if _, _, err := runCLI(t, "ingest", "--db", db, "--variants", vf, "--demo"); err != nil {
		t.Fatal(err)
	}
	out, errs, err := runCLI(t, "search", "--db", db, "--variants", vf, "--json", "بالرمو")
	if err != nil {
		t.Fatal(err)
	}
	var res SearchJSON
	json.Unmarshal([]byte(out), &res)
	if res.Total == 0 || !strings.HasPrefix(res.Hits[0].ID, "000") || errs != "" {
		t.Errorf("بالرمو via --variants: %+v %q", res, errs)
	}
	_, errs, err = runCLI(t, "search", "--db", db, "بالرمو")
	if err != nil || !strings.Contains(errs, "another analyzer") {
		t.Errorf("search without the variants file: %v, stderr %q (want a warning)", err, errs)
	}
	if _, _, err := runCLI(t, "ingest", "--db", db, "--demo"); err == nil || !strings.Contains(err.Error(), "another analyzer") {
		t.Errorf("ingest with another table: %v, want a refusal", err)
	}
	os.WriteFile(vf, []byte("only one spelling\n"), 0o644)
	if _, _, err := runCLI(t, "search", "--db", db, "--variants", vf, "x"); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad variants file: %v", err)
	}
}
