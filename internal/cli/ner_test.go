package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNERCoNLL(t *testing.T) {
	in := "قال O\nالرئيس O\nعمر B-PERS\nالبشير I-PERS\nفي O\nالخرطوم B-LOC\n\nوصل O\n"
	out, stderr, code := run(t, in, "ner")
	if code != ExitOK {
		t.Fatalf("code %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 8 || lines[6] != "" {
		t.Fatalf("want 7 token lines and a blank line between sentences, got %q", out)
	}
	for i, l := range lines {
		if l == "" {
			continue
		}
		f := strings.Fields(l)
		if len(f) != 2 || f[0] != strings.Fields(strings.Split(in, "\n")[i])[0] {
			t.Fatalf("line %d = %q", i+1, l)
		}
	}
	// ANERcorp input writes persons as PERS: the output follows it.
	if !strings.Contains(out, "-PERS") || strings.Contains(out, "-PER\n") {
		t.Errorf("tag set does not follow the input's PERS: %q", out)
	}
	out, _, _ = run(t, in, "ner", "--tagset", "marsad")
	if strings.Contains(out, "-PERS") {
		t.Errorf("--tagset marsad still writes PERS")
	}
	// Tokens only.
	out, _, code = run(t, "عمر\nالبشير\n", "ner")
	if code != ExitOK || len(strings.Split(strings.TrimRight(out, "\n"), "\n")) != 2 {
		t.Errorf("tokens only: code %d, %q", code, out)
	}
	// --eval prints scores.
	out, _, code = run(t, in, "ner", "--eval")
	if code != ExitOK || !strings.Contains(out, "overall precision") {
		t.Errorf("--eval: code %d, %q", code, out)
	}
}

func TestNERText(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(p, []byte("قال المشير خليفة حفتر إن قواته دخلت مدينة سرت."), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := run(t, "", "ner", "--text", p)
	if code != ExitOK || !strings.Contains(out, "LOC\t") || !strings.Contains(out, "سرت") {
		t.Errorf("--text: code %d, out %q, stderr %q", code, out, stderr)
	}
	if _, _, code := run(t, "", "ner", "--tagset", "nope"); code != ExitUsage {
		t.Errorf("bad --tagset: code %d", code)
	}
	if _, _, code := run(t, "", "ner", "--model", filepath.Join(dir, "missing")); code != ExitFailure {
		t.Errorf("missing model: code %d", code)
	}
}

func TestTrainNERUsage(t *testing.T) {
	if _, _, code := run(t, "", "train"); code != ExitUsage {
		t.Errorf("train without target: code %d", code)
	}
	if _, _, code := run(t, "", "train", "ner"); code != ExitUsage {
		t.Errorf("train ner without --data: code %d", code)
	}
	if _, _, code := run(t, "", "train", "ner", "--data", "x", "--out", "y", "--features", "nonsense"); code != ExitUsage {
		t.Errorf("bad --features: code %d", code)
	}
}

func TestTrainNERSmall(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := 0; i < 40; i++ {
		name := []string{"زيد", "عمرو", "خالد", "سعيد"}[i%4]
		place := []string{"سرت", "درنة", "غات", "هون"}[i%4]
		b.WriteString("قال O\nالرئيس O\n" + name + " B-PERS\nفي O\nمدينة O\n" + place + " B-LOC\n\n")
	}
	data := filepath.Join(dir, "train.conll")
	if err := os.WriteFile(data, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	model := filepath.Join(dir, "m.bin.gz")
	_, stderr, code := run(t, "", "train", "ner", "--data", data, "--out", model, "--epochs", "3", "--features", "default,-doc")
	if code != ExitOK || !strings.Contains(stderr, "epoch  1") {
		t.Fatalf("train: code %d, %s", code, stderr)
	}
	out, stderr, code := run(t, "قال\nالرئيس\nسعيد\nفي\nمدينة\nهون\n", "ner", "--model", model)
	if code != ExitOK || !strings.Contains(out, "سعيد B-PER\n") || !strings.Contains(out, "هون B-LOC\n") {
		t.Errorf("tagging with the trained model: code %d, %q %s", code, out, stderr)
	}

	// the stacked model with corpus tag distributions: it needs news
	// articles, writes the list it reads, and runs with it
	news := filepath.Join(dir, "news")
	lex := filepath.Join(dir, "lex")
	for _, d := range []string{news, lex} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, code := run(t, "", "train", "ner", "--data", data, "--out", model, "--epochs", "2", "--first-epochs", "2", "--runs", "1", "--tagdist-corpus", news); code != ExitFailure {
		t.Errorf("train without news articles: code %d", code)
	}
	article := `{"title": "زيارة", "text": "قال الرئيس سعيد في مدينة هون إن الرئيس زيد وصل. وقال سعيد إن هون آمنة."}` + "\n"
	if err := os.WriteFile(filepath.Join(news, "a.jsonl"), []byte(strings.Repeat(article, 3)), 0o644); err != nil {
		t.Fatal(err)
	}
	td := filepath.Join(lex, "tagdist.tsv.gz")
	_, stderr, code = run(t, "", "train", "ner", "--data", data, "--out", model, "--epochs", "2", "--first-epochs", "2", "--runs", "1",
		"--tagdist-corpus", news, "--tagdist-out", td)
	if code != ExitOK || !strings.Contains(stderr, "tag distributions:") {
		t.Fatalf("train with tagdist: code %d, %s", code, stderr)
	}
	for _, name := range []string{"gazetteer.tsv.gz", "clusters.tsv.gz", "names.tsv.gz", "brown.tsv.gz"} {
		b, err := os.ReadFile(filepath.Join("..", "ner", "data", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(lex, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, stderr, code := run(t, "قال\nالرئيس\nسعيد\n", "ner", "--model", model, "--lexicon", lex); code != ExitOK {
		t.Errorf("tagging with the tagdist model and its list: code %d, %s", code, stderr)
	}
	os.Remove(td)
	if _, _, code := run(t, "قال\n", "ner", "--model", model, "--lexicon", lex); code != ExitFailure {
		t.Errorf("tagging with the tagdist model without its list: code %d", code)
	}
}
