package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/corpus"
)

// TestExtractSeedsJunkGone: `marsad extract` on the five seeds drops their
// page junk and keeps every other sentence verbatim (the table of junk is
// internal/ingest's seedJunk, read off the seeds; repeated here at the
// level of the command).
func TestExtractSeedsJunkGone(t *testing.T) {
	junk := map[string][]string{
		"003_6180295ae112573a.txt": {"0 تعليق ارسل لصديق نسخة للطباعة", "يافع نيوز – وكالات", "شاركنا ..", "إعجاب تحميل...",
			"للمزيد من التفاصيل والاخبار تابع حضرموت نت على الشبكات الاجتماعية", "0 تعليق"},
		"004_3c7b16306e099204.txt": {"قد يهمك ايضا", "معارك طرابلس تجدد الاتهامات", "خليفة حفتر يبحث مع أنغيلا ميركل"},
	}
	out, stderr, code := run(t, "", "extract", "--demo")
	if code != ExitOK {
		t.Fatalf("code %d: %s", code, stderr)
	}
	recs := decodeRecords(t, out)
	files, err := corpus.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(files) {
		t.Fatalf("%d records for %d seeds", len(recs), len(files))
	}
	for i, f := range files {
		r := recs[i]
		if r.Doc != f.Name {
			t.Fatalf("record %d is %q, want %q (input order)", i, r.Doc, f.Name)
		}
		for _, j := range junk[f.Name] {
			if strings.Contains(r.Text, j) {
				t.Errorf("%s: junk %q in the output text", f.Name, j)
			}
		}
		raw := string(f.Data)
	sentences:
		for _, s := range arabic.Sentences(raw) {
			sent := strings.TrimSpace(raw[s.Start:s.End])
			for _, j := range junk[f.Name] {
				if strings.Contains(sent, j) || strings.Contains(j, sent) {
					continue sentences
				}
			}
			if !strings.Contains(r.Text, sent) {
				t.Errorf("%s: sentence lost: %q", f.Name, sent)
			}
		}
	}
}

// TestExtractBadInputsNamed: each bad input is named on stderr with its
// reason (and line or item), the exit status is 3, and every good article
// is in the output.
func TestExtractBadInputsNamed(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := "استقبل المشير خليفة حفتر المبعوث الأممي غسان سلامة في الرجمة أمس، وبحثا تطورات العملية السياسية."
	paths := []string{
		write("a.txt", good),
		write("b_invalid.txt", "نص \xff\xfe مكسور"),
		write("c_binary.txt", "\x89PNG\r\n\x1a\n\x00\x00"),
		write("d_empty.txt", ""),
		write("e_big.txt", strings.Repeat("كلمة ", 400)),
		write("f_404.html", `<html lang="ar"><body><nav><a href="/">الرئيسية</a></nav><p>الصفحة غير موجودة</p></body></html>`),
		write("g.rss", `<rss version="2.0"><channel><title>ف</title><item><title>خبر</title><description>`+good+`</description></item><item></item></channel></rss>`),
		write("h.jsonl", `{"id":"j1","text":"`+good+`"}`+"\n"+`{"id":"j2","text":`+"\n"),
	}
	out, stderr, code := run(t, "", append([]string{"extract", "--max-bytes", "2000"}, paths...)...)
	if code != ExitRejected {
		t.Errorf("code %d, want %d", code, ExitRejected)
	}
	for _, want := range []string{
		"b_invalid.txt: unknown text encoding: invalid UTF-8 at byte",
		"c_binary.txt: binary file",
		"d_empty.txt: empty",
		"e_big.txt: too large",
		"f_404.html: no article found in the page",
		"g.rss#item 2: item has neither text nor title",
		"h.jsonl:2: malformed JSON",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	var docs []string
	for _, r := range decodeRecords(t, out) {
		docs = append(docs, r.Doc)
	}
	if got := strings.Join(docs, " "); got != "a.txt g.rss#1 j1" {
		t.Errorf("documents %q, want the three good ones", got)
	}
}

func TestExtractIngestFlags(t *testing.T) {
	if _, stderr, code := run(t, "", "extract", "--format", "pdf", "x"); code != ExitUsage || !strings.Contains(stderr, "want one of") {
		t.Errorf("--format pdf: code %d %s", code, stderr)
	}
	// ingest and extract share the input flags and their checks (readFlags):
	// a bad value is the usage status 2 before any store is opened.
	for _, cmd := range []string{"extract", "ingest"} {
		for _, bad := range [][]string{
			{"--format", "xml"},
			{"--published", "23/11/2026"},
			{"--max-bytes", "-1"},
		} {
			args := append(append([]string{cmd, "--db", filepath.Join(t.TempDir(), "m.db")}, bad...), "x")
			if cmd == "extract" {
				args = append([]string{cmd}, append(bad, "x")...)
			}
			if _, stderr, code := run(t, "", args...); code != ExitUsage || !strings.Contains(stderr, cmd+": "+bad[0]) {
				t.Errorf("%s %s %s: code %d, stderr %s", cmd, bad[0], bad[1], code, stderr)
			}
		}
	}
	if _, _, code := run(t, "", "extract", "--learn-boilerplate", "-"); code != ExitUsage {
		t.Errorf("--learn-boilerplate with stdin: code %d", code)
	}
	in := "أعلن الجيش السيطرة على المطار بعد اشتباكات عنيفة.\nشاركنا .."
	out, _, code := run(t, in, "extract", "--keep-junk", "-")
	if code != ExitOK || !strings.Contains(out, "شاركنا") {
		t.Errorf("--keep-junk: code %d out %s", code, out)
	}
	out, _, _ = run(t, in, "extract", "-")
	if strings.Contains(out, "شاركنا") {
		t.Errorf("junk kept without --keep-junk: %s", out)
	}
	// learned boilerplate: a footer in six files of one folder goes
	dir := t.TempDir()
	for i, s := range []string{"الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس"} {
		os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".txt"), []byte("هذا هو الخبر "+s+" عن الانتخابات.\nزوروا موقعنا لمتابعة كل جديد"), 0o644)
	}
	out, stderr, code := run(t, "", "extract", "--learn-boilerplate", dir)
	if code != ExitOK || strings.Contains(out, "زوروا موقعنا") || len(decodeRecords(t, out)) != 6 {
		t.Errorf("--learn-boilerplate: code %d stderr %s out %s", code, stderr, out)
	}
}
