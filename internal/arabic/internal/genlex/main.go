// Command genlex builds the data files embedded by package arabic from the
// third-party corpora in ../shared/data:
//
//   - data/lexicon.tsv.gz: normalised Arabic word forms with their counts in
//     the arabic-news corpus (SaudiNewsNet slice and the Libya subset,
//     CC BY-NC-SA 4.0 — attributed in NOTICE). Only counts are kept, never
//     text. The clitic segmenter and the run-together splitter read it.
//   - data/stopwords.txt: the union of the two MIT-licensed stop-word lists
//     (mohataher/arabic-stop-words, stopwords-iso/stopwords-ar), normalised,
//     minus content words those lists carry (months, weekdays, أبو …).
//
// Run it from the package directory with `go generate` (see gen.go).
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
)

func main() {
	data := flag.String("data", "", "path of shared/data (default: found by walking up from the working directory)")
	out := flag.String("out", "data", "output directory")
	minCount := flag.Int("min", 2, "drop word forms seen fewer times")
	maxWords := flag.Int("max", 120000, "keep at most this many word forms (most frequent first)")
	flag.Parse()
	if err := run(*data, *out, *minCount, *maxWords); err != nil {
		fmt.Fprintln(os.Stderr, "genlex:", err)
		os.Exit(1)
	}
}

func run(data, out string, minCount, maxWords int) error {
	if data == "" {
		var err error
		if data, err = findData(); err != nil {
			return err
		}
	}
	counts := map[string]int{}
	files, err := filepath.Glob(filepath.Join(data, "arabic-news", "*.jsonl"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no arabic-news/*.jsonl under %s", data)
	}
	n := arabic.NewNormalizer(arabic.DefaultNormOptions())
	words := 0
	for _, f := range files {
		w, err := countFile(f, n, counts)
		if err != nil {
			return err
		}
		words += w
	}
	type wc struct {
		w string
		c int
	}
	var list []wc
	for w, c := range counts {
		if c >= minCount {
			list = append(list, wc{w, c})
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].c != list[j].c {
			return list[i].c > list[j].c
		}
		return list[i].w < list[j].w
	})
	if len(list) > maxWords {
		list = list[:maxWords]
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	fh, err := os.Create(filepath.Join(out, "lexicon.tsv.gz"))
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(fh, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "# normalised word forms and counts from arabic-news (%d files, %d Arabic tokens); CC BY-NC-SA 4.0, see NOTICE\n", len(files), words)
	for _, e := range list {
		fmt.Fprintf(bw, "%s\t%d\n", e.w, e.c)
	}
	if err := errors.Join(bw.Flush(), zw.Close(), fh.Close()); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "genlex: %d tokens, %d forms, %d kept\n", words, len(counts), len(list))
	return stopwords(data, out, n)
}

func countFile(path string, n *arabic.Normalizer, counts map[string]int) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	words := 0
	var toks []arabic.Token
	for line := 1; sc.Scan(); line++ {
		var rec struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return 0, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		for _, s := range []string{rec.Title, rec.Text} {
			toks = arabic.AppendTokens(toks[:0], s, n)
			for _, t := range toks {
				if t.Kind == arabic.KindArabic {
					counts[t.Norm]++
					words++
				}
			}
		}
	}
	return words, sc.Err()
}

// notStop are entries of the MIT lists that are content words in news text
// and must stay searchable (checked by hand against the lists, 2026-11):
// months, weekdays, kinship words of names, currencies, and number words,
// which carry counts and dates that people search for (كانون الأول, ثلاثة
// قتلى).
func notStop() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		ابريل اغسطس اكتوبر ايار ايلول اذار اب تموز حزيران تشرين كانون شباط نيسان يناير فبراير مارس مايو يونيو يوليو
		سبتمبر نوفمبر ديسمبر جانفي فيفري افريل ماي جوان جويليه اوت
		السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه اثنين
		ابو ابا ابي اب ام اخ اخو اخي ابن بن امام دولار دينار ريال ليره جنيه درهم يورو فلس
		اتخذ ابتدا اجمع للامم لوكاله برس زياره شمال يمين حبيب رزق عدس سنتيم شيكل قرش مليم خميس سبت اربعاء ثلاثاء
		جمعه صفر ذهب حار عين حي امين وهب باسم لقاء وابو
		واحد اثنا اثنان اثني ثلاث ثلاثه ثلاثون ثلاثين اربع اربعه اربعون اربعين خمس خمسه خمسون خمسين ست سته ستون ستين
		سبع سبعه سبعون سبعين ثمان ثماني ثمانيه ثمانون ثمانين تسع تسعه تسعون تسعين عشر عشره عشرون عشرين
		مايه الف الفي مليون مليار ثلاثمايه ثلاثميه اربعمايه اربعميه خمسمايه خمسميه ستمايه ستميه سبعمايه سبعميه
		ثمانميه تسعمايه تسعميه اول الاول الاولي ثاني ثانيه الثاني الثانيه ثالث`) {
		m[w] = true
	}
	return m
}

func stopwords(data, out string, n *arabic.Normalizer) error {
	set, skip := map[string]bool{}, notStop()
	for _, p := range []string{"arabic-stopwords/mohataher/list.txt", "arabic-stopwords/stopwords-iso/stopwords-ar.txt"} {
		b, err := os.ReadFile(filepath.Join(data, p))
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(b), "\n") {
			w := n.Normalize(strings.TrimSpace(line))
			if w == "" || skip[w] {
				continue
			}
			// keep Arabic words of two letters or more (the lists also hold
			// punctuation and single letters, which the tokeniser handles)
			toks := arabic.AppendTokens(nil, w, n)
			if len(toks) != 1 || toks[0].Kind != arabic.KindArabic || len([]rune(w)) < 2 {
				continue
			}
			set[w] = true
		}
	}
	var ws []string
	for w := range set {
		ws = append(ws, w)
	}
	sort.Strings(ws)
	var b strings.Builder
	b.WriteString("# Arabic stop words, normalised: union of mohataher/arabic-stop-words (MIT) and stopwords-iso/stopwords-ar (MIT); see NOTICE; without content words: months, weekdays, currencies, number words (ثلاثة، مائة، الأول، الثاني …: they carry counts and dates that people search for, كانون الأول, ثلاثة قتلى)\n")
	for _, w := range ws {
		b.WriteString(w)
		b.WriteByte('\n')
	}
	fmt.Fprintf(os.Stderr, "genlex: %d stop words\n", len(ws))
	return os.WriteFile(filepath.Join(out, "stopwords.txt"), []byte(b.String()), 0o644)
}

func findData() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(filepath.Dir(dir), "shared", "data")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("shared/data not found above the working directory; pass -data")
		}
		dir = parent
	}
}
