package cli

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestEventsCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	seeds := filepath.Join(repoRoot(t), "internal", "corpus", "seeds")
	if _, stderr, code := run(t, "", "ingest", "--db", db, seeds); code != ExitOK {
		t.Fatalf("ingest: code %d: %s", code, stderr)
	}
	out, stderr, code := run(t, "", "events", "--db", db, "--format", "csv")
	if code != ExitOK {
		t.Fatalf("events csv: code %d: %s", code, stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("events csv does not parse: %v", err)
	}
	if len(recs) < 2 || recs[0][0] != "event_id" {
		t.Fatalf("want a header and events, got %d rows", len(recs))
	}
	// Filtered by type: every row has it.
	out, _, code = run(t, "", "events", "--db", db, "--format", "jsonl", "--type", "consult")
	if code != ExitOK {
		t.Fatalf("events jsonl: code %d", code)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var ev struct{ Type string }
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("bad JSON line %q: %v", line, err)
		}
		if ev.Type != "CONSULT" {
			t.Errorf("--type consult gave %s", ev.Type)
		}
		n++
	}
	if n == 0 {
		t.Error("no CONSULT events in the seeds (Haftar receives the UN envoy)")
	}
	out, _, _ = run(t, "", "events", "--db", db, "--format", "geojson")
	var fc struct {
		Type     string
		Features []json.RawMessage
	}
	if err := json.Unmarshal([]byte(out), &fc); err != nil || fc.Type != "FeatureCollection" {
		t.Errorf("geojson: %v %q", err, fc.Type)
	}
	for _, bad := range [][]string{
		{"events", "--db", db, "--type", "PARTY"},
		{"events", "--db", db, "--from", "2016-13"},
		{"events", "--db", db, "--format", "xml"},
	} {
		if _, _, code := run(t, "", bad...); code != ExitUsage {
			t.Errorf("%v: code %d, want %d", bad, code, ExitUsage)
		}
	}
	if _, stderr, code := run(t, "", "events", "--db", filepath.Join(t.TempDir(), "none.db")); code != ExitFailure || !strings.Contains(stderr, "no store") {
		t.Errorf("missing store: code %d, %s", code, stderr)
	}
}

// repoRoot is the repository's top directory (tests run in the package dir).
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}
