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
// The words that continue a long name after its second name (رجب طيب
// أردوغان، عبد الفتاح السيسي، محمد بن نايف; see nameTail) are second names
// too, so that a surname alone (أردوغان) is known.
//
// A word is kept when the pattern saw it at least minCount times and in at
// least a tenth of its occurrences: common words that happen to follow a
// title ("الوزير أمس") do not reach that share. Stop words, office nouns
// (الأمير ولي العهد) and clitic-attached common words (لرعاية، والوطن) are
// left out.
func names(data, out string, minCount int, dump, withOrgs, withMisc bool) error {
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
			j := nameAfterTitle(ws, i, titles, offices, quals, stop)
			if j < 0 {
				continue
			}
			first[ws[j]]++
			if j+1 < len(ws) && nameLike(ws[j+1], stop) && !titles[definiteForm(ws[j+1])] && !quals[ws[j+1]] && !nisba(ws[j+1]) {
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
	// Long names: the words after the second name, while the word before is
	// itself a mined name or a nasab link (رجب طيب أردوغان، عبد الفتاح
	// السيسي، محمد بن نايف), at most maxNameTail of them; each is kept as a
	// second name by the same count and share as above.
	later := map[string]int{}
	if err := corpus(data, "", func(ws []string) {
		for i := 0; i < len(ws); i++ {
			j := nameAfterTitle(ws, i, titles, offices, quals, stop)
			if j < 0 {
				continue
			}
			for _, m := range nameTail(ws, j, kind, total, minCount, titles, offices, quals, stop) {
				later[ws[m]]++
			}
		}
	}); err != nil {
		return err
	}
	for w, n := range later {
		if n >= minCount && 10*n >= total[w] && !cliticWord(w, total) && !offices[w] && !strings.Contains(kind[w], "L") {
			kind[w] += "L"
		}
	}
	// Experiments (docs/NER.md, tried and not shipped): -orgs, -misc.
	// Organisation names (O): the word after an organisation head in the
	// construct state (حركة حماس، قناة الجزيرة، شركة أرامكو); names of
	// events and prizes (M): the word after كأس، بطولة، جائزة، مهرجان،
	// دوري (كأس العالم، جائزة نوبل). Kept by the same count and share as the
	// person names.
	orgs, miscs := map[string]int{}, map[string]int{}
	oHeads, mHeads := normSet(orgNameHeads), normSet(miscNameHeads)
	if err := corpus(data, "", func(ws []string) {
		if !withOrgs && !withMisc {
			return
		}
		for i := 0; i+1 < len(ws); i++ {
			// the head as written, or after و/ف, or after ل/ب (وكالة, فريق begin with و, ف)
			h := ""
			for _, c := range []string{ws[i], stripConj(ws[i]), strings.TrimPrefix(strings.TrimPrefix(ws[i], "ل"), "ب")} {
				if oHeads[c] || mHeads[c] {
					h = c
					break
				}
			}
			if h == "" {
				continue
			}
			w := ws[i+1]
			if !nameLike(w, stop) || nisba(w) || quals[w] || offices[w] || oHeads[w] || mHeads[w] || titles[definiteForm(w)] {
				continue
			}
			if (strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "يه")) && total["ال"+w] >= total[w] {
				continue // an indefinite adjective (منظمة إرهابية), not a name
			}
			if oHeads[h] {
				orgs[w]++
			} else {
				miscs[w]++
			}
		}
	}); err != nil {
		return err
	}
	nOrg, nMisc := 0, 0
	for w, n := range orgs {
		if !withOrgs {
			break
		}
		if n >= minCount && 10*n >= total[w] && !cliticWord(w, total) {
			kind[w] += "O"
			nOrg++
		}
	}
	if withMisc {
		for w, n := range miscs {
			if n >= minCount && 10*n >= total[w] && !cliticWord(w, total) {
				kind[w] += "M"
				nMisc++
			}
		}
	}
	if withOrgs || withMisc {
		fmt.Fprintf(os.Stderr, "names: %d organisation words, %d event words\n", nOrg, nMisc)
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
		for w := range later {
			if first[w] == 0 && second[w] == 0 {
				ws = append(ws, w)
			}
		}
		seen := func(w string) int { return first[w] + second[w] + later[w] }
		sort.Slice(ws, func(a, b int) bool { return seen(ws[a]) > seen(ws[b]) })
		bw := bufio.NewWriter(os.Stdout)
		for _, w := range ws {
			fmt.Fprintf(bw, "%s\t%d\t%d\t%d\t%d\t%s\n", w, first[w], second[w], later[w], total[w], kind[w])
		}
		return bw.Flush()
	}
	lines := make([]string, 0, len(kind))
	for w, k := range kind {
		lines = append(lines, w+"\t"+k)
	}
	sort.Strings(lines)
	fmt.Fprintf(os.Stderr, "names: %d words (%d first, %d second, %d later names seen)\n", len(lines), len(first), len(second), len(later))
	return writeGz(filepath.Join(out, "names.tsv.gz"),
		"# marsad NER name list: word<TAB>F (first name) / L (second name), mined by internal/ner/gen names from the arabic-news corpus (title + name pattern; no text shipped)", lines)
}

// nameAfterTitle returns the index of the first name when ws[i] is a title
// followed by up to three nisba adjectives or qualifiers and a word without
// the article that can be a name; else -1.
func nameAfterTitle(ws []string, i int, titles, offices, quals, stop map[string]bool) int {
	if !titles[definiteForm(stripConj(ws[i]))] {
		return -1
	}
	j := i + 1
	for k := 0; k < 3 && j < len(ws); k++ {
		if !quals[ws[j]] && !nisba(ws[j]) {
			break
		}
		j++
	}
	if j >= len(ws) || !nameLike(ws[j], stop) || strings.HasPrefix(ws[j], "ال") || titles[ws[j]] || offices[ws[j]] {
		return -1
	}
	return j
}

// maxNameTail is the most name words read after a first name (nasab links
// not counted): رجب [طيب أردوغان]، محمد بن [سلمان] بن [عبد العزيز].
const maxNameTail = 3

// nameTail returns the indices of the words that continue the name whose
// first name is ws[j] beyond its second name: each follows a nasab link
// (بن، ابن، بنت، أبو، آل) or a word the first pass mined as a name (known),
// and is itself name-like — no stop word, punctuation, title, qualifier or
// office noun, nor a word in و "and" + a corpus word (total counts the
// corpus' words), which end the name. A definite nisba-like word (السيسي،
// المصري) is taken here: the share test tells the surname from the
// adjective, which is seen far more often elsewhere.
func nameTail(ws []string, j int, known map[string]string, total map[string]int, minCount int, titles, offices, quals, stop map[string]bool) []int {
	var out []int
	n := 0
	for m := j + 1; m < len(ws) && n < maxNameTail; m++ {
		w := ws[m]
		if nasabLinks[w] {
			continue
		}
		if !nameLike(w, stop) || titles[definiteForm(w)] || quals[w] || offices[w] || offices[strings.TrimSuffix(w, "ا")] {
			break // offices also in the accusative: (عيّن …) وليًّا للعهد
		}
		if rest, ok := strings.CutPrefix(w, "و"); ok && total[rest] >= minCount {
			break // و "and" begins the next phrase: وأخيه، ورئيس (وليد، وائل: ليد، ائل are no words)
		}
		n++
		if m == j+1 {
			continue // the second name itself: counted by the first pass
		}
		if !nasabLinks[ws[m-1]] && known[ws[m-1]] == "" {
			break
		}
		out = append(out, m)
	}
	return out
}

// orgNameHeads head an organisation's name in the construct state.
var orgNameHeads = []string{
	"حركة", "حزب", "جبهة", "وكالة", "صحيفة", "قناة", "شركة", "منظمة", "جمعية", "اتحاد", "نادي", "فريق",
	"جماعة", "تنظيم", "مجموعة", "مؤسسة", "جامعة", "مصرف", "بنك", "إذاعة", "مجلة",
}

// miscNameHeads head the name of an event or a prize.
var miscNameHeads = []string{"كأس", "بطولة", "جائزة", "مهرجان", "دوري"}

// nasabLinks join the parts of a name (normalised).
var nasabLinks = normSet([]string{"بن", "ابن", "بنت", "أبو", "أبي", "آل"})

// nisba: a definite word in -ي / -ية (السوداني، السعودية).
func nisba(w string) bool {
	return strings.HasPrefix(w, "ال") && (strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "يه"))
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
