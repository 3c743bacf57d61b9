package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/export"
)

func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := Run(context.Background(), args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb})
	code = ExitCode(err, &errb)
	return out.String(), errb.String(), code
}

func TestUsage(t *testing.T) {
	if _, stderr, code := run(t, ""); code != ExitUsage || !strings.Contains(stderr, "Commands:") {
		t.Errorf("no args: code %d, stderr %q", code, stderr)
	}
	if _, stderr, code := run(t, "", "frobnicate"); code != ExitUsage || !strings.Contains(stderr, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: code %d, stderr %q", code, stderr)
	}
	if out, _, code := run(t, "", "help"); code != ExitOK || !strings.Contains(out, "extract") {
		t.Errorf("help: code %d, out %q", code, out)
	}
	if _, _, code := run(t, "", "extract", "--no-such-flag"); code != ExitUsage {
		t.Errorf("bad flag: code %d", code)
	}
	if _, _, code := run(t, "", "extract", "--published", "yesterday", "x"); code != ExitUsage {
		t.Errorf("bad date: code %d", code)
	}
}

func decodeRecords(t *testing.T, out string) []export.Record {
	t.Helper()
	var recs []export.Record
	dec := json.NewDecoder(strings.NewReader(out))
	for {
		var r export.Record
		if err := dec.Decode(&r); err != nil {
			if err.Error() == "EOF" {
				break
			}
			t.Fatalf("output is not JSON Lines: %v", err)
		}
		recs = append(recs, r)
	}
	return recs
}

func TestExtractDemo(t *testing.T) {
	out, stderr, code := run(t, "", "extract", "--demo")
	if code != ExitOK {
		t.Fatalf("extract --demo: code %d, stderr %s", code, stderr)
	}
	recs := decodeRecords(t, out)
	if len(recs) != 5 {
		t.Fatalf("got %d records, want 5", len(recs))
	}
	for _, r := range recs {
		if r.Story == "" {
			t.Errorf("%s: no story id", r.Doc)
		}
		runes := []rune(r.Text)
		if len(r.Sentences) == 0 {
			t.Errorf("%s: no sentences", r.Doc)
		}
		for _, s := range r.Sentences {
			if s.Start < 0 || s.End > len(runes) || s.Start >= s.End || string(runes[s.Start:s.End]) != s.Text {
				t.Errorf("%s: sentence offsets %d-%d do not point at %q", r.Doc, s.Start, s.End, s.Text)
			}
		}
		for _, e := range r.Entities {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(runes) || string(runes[m.Start:m.End]) != m.Text {
					t.Errorf("%s: mention offsets %d-%d do not point at %q", r.Doc, m.Start, m.End, m.Text)
				}
			}
		}
	}
}

func TestExtractBadInputKeepsOthers(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("استقبل المشير خليفة حفتر المبعوث الأممي أمس."), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	out, stderr, code := run(t, "", "extract", good, empty, filepath.Join(dir, "missing.txt"))
	if code != ExitRejected {
		t.Errorf("code %d, want %d (some inputs rejected)", code, ExitRejected)
	}
	if !strings.Contains(stderr, "empty.txt") || !strings.Contains(stderr, "missing.txt") {
		t.Errorf("stderr does not name the bad inputs: %s", stderr)
	}
	if recs := decodeRecords(t, out); len(recs) != 1 || recs[0].Doc != "good.txt" {
		t.Errorf("want the good article only, got %+v", recs)
	}
}

func TestExitCode(t *testing.T) {
	var b bytes.Buffer
	if c := ExitCode(nil, &b); c != 0 {
		t.Errorf("nil: %d", c)
	}
	if c := ExitCode(errors.New("boom"), &b); c != ExitFailure || !strings.Contains(b.String(), "marsad: boom") {
		t.Errorf("plain error: %d %q", c, b.String())
	}
	if c := ExitCode(&ExitError{Code: ExitRejected, Err: errors.New("x")}, &b); c != ExitRejected {
		t.Errorf("ExitError: %d", c)
	}
}

func TestExtractMarksReposts(t *testing.T) {
	dir := t.TempDir()
	text := "أعلنت قوات البنيان المرصوص التابعة لحكومة الوفاق الليبية أن قوات تأمين سرت تقوم بإعادة الانتشار في مداخل ومخارج المدينة. وقالت القوات في بيان عبر صفحتها إن عملية إعادة الانتشار جاءت بعد تعزيز القوة العسكرية الموجودة بقوات مساندة ضمن خطة جديدة لتأمين وحماية المدينة."
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("شاركنا\n"+text), 0o644)
	out, stderr, code := run(t, "", "extract", filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"))
	if code != ExitOK {
		t.Fatalf("code %d: %s", code, stderr)
	}
	recs := decodeRecords(t, out)
	if len(recs) != 2 {
		t.Fatalf("got %d records", len(recs))
	}
	if recs[1].Duplicate != "a.txt" || recs[1].Story != recs[0].Story {
		t.Errorf("repost: duplicate_of %q story %q, want a.txt and %q", recs[1].Duplicate, recs[1].Story, recs[0].Story)
	}
	if recs[0].Duplicate != "" {
		t.Errorf("the original is marked a duplicate of %q", recs[0].Duplicate)
	}
}
