package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
)

// names mines person names from the unlabelled news with one high-precision
// pattern: a title (الرئيس، الوزير، الشيخ، الدكتور …), optionally followed by
// definite nisba adjectives and a few fixed qualifiers (الرئيس السوداني
// السابق), then a word without the article — a first name — and the word
// after it — a second name (عمر البشير، عبدالله البرقان). Only the words are
// written, with how they were seen: F (first name) and/or L (second name).
//
// A word is kept when the pattern saw it at least minCount times and in at
// least a tenth of its occurrences: common words that happen to follow a
// title ("الوزير أمس") do not reach that share. Stop words, office nouns
// (الأمير ولي العهد) and clitic-attached common words (لرعاية، والوطن) are
// left out.
func names(data, out string, minCount int, dump bool) error {
	stop, err := stopWords(data)
	if err != nil {
		return err
	}
	titles := normSet(nameTitles)
	offices := normSet(officeNouns)
	quals := normSet(nameQualifiers)
	total := map[string]int{}
	first := map[string]int{}
	second := map[string]int{}
	if err := corpus(data, "", func(ws []string) {
		for _, w := range ws {
			total[w]++
		}
		for i := 0; i < len(ws); i++ {
			if !titles[definiteForm(stripConj(ws[i]))] {
				continue
			}
			j := i + 1
			for k := 0; k < 3 && j < len(ws); k++ {
				w := ws[j]
				if !quals[w] && !(strings.HasPrefix(w, "ال") && (strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "يه"))) {
					break
				}
				j++
			}
			if j >= len(ws) || !nameLike(ws[j], stop) || strings.HasPrefix(ws[j], "ال") || titles[ws[j]] || offices[ws[j]] {
				continue
			}
			first[ws[j]]++
			if j+1 < len(ws) && nameLike(ws[j+1], stop) && !titles[definiteForm(ws[j+1])] && !quals[ws[j+1]] &&
				!(strings.HasPrefix(ws[j+1], "ال") && (strings.HasSuffix(ws[j+1], "ي") || strings.HasSuffix(ws[j+1], "يه"))) {
				second[ws[j+1]]++
			}
		}
	}); err != nil {
		return err
	}
	kind := map[string]string{}
	for w, n := range first {
		if n >= minCount && 10*n >= total[w] && !cliticWord(w, total) {
			kind[w] += "F"
		}
	}
	for w, n := range second {
		if n >= minCount && 10*n >= total[w] && !cliticWord(w, total) && !offices[w] {
			kind[w] += "L"
		}
	}
	if dump {
		var ws []string
		for w := range first {
			ws = append(ws, w)
		}
		for w := range second {
			if first[w] == 0 {
				ws = append(ws, w)
			}
		}
		sort.Slice(ws, func(a, b int) bool { return first[ws[a]]+second[ws[a]] > first[ws[b]]+second[ws[b]] })
		bw := bufio.NewWriter(os.Stdout)
		for _, w := range ws {
			fmt.Fprintf(bw, "%s\t%d\t%d\t%d\t%s\n", w, first[w], second[w], total[w], kind[w])
		}
		return bw.Flush()
	}
	lines := make([]string, 0, len(kind))
	for w, k := range kind {
		lines = append(lines, w+"\t"+k)
	}
	sort.Strings(lines)
	fmt.Fprintf(os.Stderr, "names: %d words (%d first, %d second names seen)\n", len(lines), len(first), len(second))
	return writeGz(filepath.Join(out, "names.tsv.gz"),
		"# marsad NER name list: word<TAB>F (first name) / L (second name), mined by internal/ner/gen names from the arabic-news corpus (title + name pattern; no text shipped)", lines)
}

// nameTitles are titles that precede a person's name in news text.
var nameTitles = []string{
	"الرئيس", "الرئيسة", "المشير", "الفريق", "اللواء", "العميد", "العقيد", "المقدم", "الرائد", "النقيب",
	"الوزير", "الوزيرة", "السيد", "السيدة", "الشيخ", "الملك", "الملكة", "الأمير", "الأميرة",
	"الدكتور", "الدكتورة", "المهندس", "الأستاذ", "الأستاذة", "السفير", "المبعوث", "النائب", "الزعيم",
	"المستشار", "الإمام", "البابا", "القاضي", "المحامي", "الحاج", "المدرب", "اللاعب", "الفنان", "الفنانة",
	"الكاتب", "الكاتبة", "الشاعر", "الصحفي", "الزميل", "الزميلة", "المواطن", "المواطنة", "سمو", "معالي", "فخامة",
}

// cliticWord tells a clitic on a common word (لرعاية، بالديوان، والوطن), which
// is no name, from a name that begins with the same letter: the word is
// dropped when its first letter ب ل ك, replaced by the article, or و ف,
// removed, gives a word of the corpus at least as common (بندر، باراك، لطفي،
// وليد are kept: البندر, ليد … are rare or absent). total counts the corpus'
// words.
func cliticWord(w string, total map[string]int) bool {
	if strings.HasPrefix(w, "لل") {
		return true // ل + ال
	}
	for _, p := range []string{"ب", "ل", "ك"} {
		if rest, ok := strings.CutPrefix(w, p); ok && (strings.HasPrefix(rest, "ال") || total["ال"+rest] >= 3 || total[rest] >= total[w]) {
			return true
		}
	}
	for _, p := range []string{"و", "ف"} {
		if rest, ok := strings.CutPrefix(w, p); ok && total[rest] >= total[w] {
			return true
		}
	}
	return false
}

// officeNouns head an office after a title (الأمير ولي العهد، الشيخ رئيس
// المجلس): not names.
var officeNouns = []string{
	"وزير", "رئيس", "أمير", "ولي", "نائب", "مساعد", "وكيل", "مدير", "أمين", "عضو", "قائد", "مستشار", "سفير",
	"مندوب", "محافظ", "ملك", "شيخ", "رئيسة", "وزيرة", "مديرة", "عميد", "نجل", "شقيق", "خادم", "دكتور", "وزراء",
}

// nameQualifiers may stand between a title and the name.
var nameQualifiers = []string{"السابق", "الأسبق", "الراحل", "الجديد", "الحالي", "المخلوع", "الأعلى", "العام"}

func normSet(ws []string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		m[arabic.Normalize(w)] = true
	}
	return m
}

// stripConj removes a conjunction و or ف from a word of four letters or more.
func stripConj(w string) string {
	if len([]rune(w)) >= 4 && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) {
		return w[len("و"):]
	}
	return w
}

// definiteForm turns للرئيس / بالرئيس into الرئيس.
func definiteForm(w string) string {
	if strings.HasPrefix(w, "لل") && len([]rune(w)) >= 4 {
		return "ال" + w[len("لل"):]
	}
	for _, p := range []string{"بال", "كال"} {
		if strings.HasPrefix(w, p) {
			return w[len(p)-len("ال"):]
		}
	}
	return w
}

// nameLike: two or more Arabic letters and not a stop word.
func nameLike(w string, stop map[string]bool) bool {
	n := 0
	for _, r := range w {
		if !arabic.IsArabicLetter(r) {
			return false
		}
		n++
	}
	return n >= 2 && !stop[w]
}

// stopWords reads the MIT stop-word lists of arabic-stopwords (used only to
// filter candidates; nothing of them is shipped).
func stopWords(data string) (map[string]bool, error) {
	m := map[string]bool{}
	for _, f := range []string{"mohataher/list.txt", "stopwords-iso/stopwords-ar.txt"} {
		b, err := os.ReadFile(filepath.Join(data, "arabic-stopwords", f))
		if err != nil {
			return nil, err
		}
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				m[arabic.Normalize(l)] = true
			}
		}
	}
	return m, nil
}
