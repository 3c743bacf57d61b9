// Command gen compiles the NER tagger's word lists from third-party data in
// ../shared/data into internal/ner/data:
//
//	go run ./internal/ner/gen -data ../shared/data -out internal/ner/data gazetteer
//	go run ./internal/ner/gen -data ../shared/data -out internal/ner/data clusters
//	go run ./internal/ner/gen -data ../shared/data -out internal/ner/data names
//
// gazetteer.tsv.gz: TYPE<TAB>normalised phrase, from the GeoNames cities,
// the mledoze countries and the OpenStreetMap Libyan places (ODbL / CC BY,
// see NOTICE) and, with -anergazet, Benajiba's ANERGazet.
//
// clusters.tsv.gz: word<TAB>coarse<TAB>fine<TAB>log2 frequency for the
// words seen at least -min-count times in the unlabelled news of
// arabic-news (CC BY-NC-SA 4.0; only the word list and cluster ids are
// shipped, never text). Clusters: each word's left and right neighbours
// among the most frequent words, weighted by positive PMI, randomly
// projected to a dense vector and grouped by two levels of spherical
// k-means (a cheap stand-in for Brown clusters). Deterministic for a seed.
//
// names.tsv.gz: word<TAB>F|L|FL, first and second names mined from the same
// news by a title + name pattern (names.go); only the words are shipped.
// With -orgs / -misc (experiments, not shipped) the list also marks words
// seen after an organisation head (O) or an event/prize head (M).
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
)

func main() {
	data := flag.String("data", "../shared/data", "folder of the shared third-party data")
	out := flag.String("out", "internal/ner/data", "output folder")
	anerGazet := flag.Bool("anergazet", false, "include Benajiba's ANERGazet lists")
	geonames := flag.Bool("geonames", true, "include the GeoNames cities")
	minCount := flag.Int("min-count", 5, "clusters: minimum count of a word")
	contexts := flag.Int("contexts", 1000, "clusters: number of context words")
	dim := flag.Int("dim", 128, "clusters: projected dimension")
	k1 := flag.Int("k1", 64, "clusters: coarse clusters")
	k2 := flag.Int("k2", 16, "clusters: fine clusters per coarse one")
	seed := flag.Uint64("seed", 1, "clusters: random seed")
	window := flag.Int("window", 1, "clusters: context words on each side (1 or 2)")
	extra := flag.String("extra-conll", "", "clusters: also read the tokens (not tags) of this CoNLL file")
	nameCount := flag.Int("name-count", 3, "names: times the pattern must see a word")
	orgs := flag.Bool("orgs", false, "names: also mine organisation words after a head noun (O; experiment, not shipped)")
	misc := flag.Bool("misc", false, "names: also mine event and prize words after a head noun (M; experiment, not shipped)")
	dump := flag.Bool("dump", false, "names: print every candidate with its counts instead of writing the file")
	brownC := flag.Int("brown-clusters", 256, "brown: number of clusters")
	rare := flag.String("rare", "", "brownrare: a brown.tsv.gz of another tree (e.g. -min-count 3) whose paths are added for the words out/brown.tsv.gz lacks")
	tdTrain := flag.String("train", "", "tagdist: the ANERcorp training split; a model is trained on it with the shipped recipe without the tagdist group, and tags the news")
	tdModel := flag.String("model", "", "tagdist: instead of -train, a model file trained without the tagdist group")
	tdByDoc := flag.Bool("bydoc", false, "tagdist: count a word once per article (as marsad train ner --tagdist-bydoc)")
	tdNorm := flag.Bool("norm", false, "tagdist: also count normalised forms apart (as marsad train ner --tagdist-norm)")
	flag.Parse()
	var err error
	switch flag.Arg(0) {
	case "gazetteer":
		err = gazetteer(*data, *out, *anerGazet, *geonames)
	case "clusters":
		err = clusters(*data, *out, *extra, *minCount, *contexts, *dim, *k1, *k2, *window, *seed)
	case "brown":
		err = brown(*data, *out, *extra, *minCount, *brownC)
	case "brownrare":
		// experiment (docs/NER.md, not shipped): out/brown.tsv.gz keeps its
		// paths and gains, marked with a third column 2, the paths of the
		// -rare file's tree for the words it lacks
		err = brownRare(filepath.Join(*out, "brown.tsv.gz"), *rare)
	case "tagdist":
		err = tagDist(*data, *out, *tdTrain, *tdModel, *minCount, *tdByDoc, *tdNorm)
	case "names":
		err = names(*data, *out, *nameCount, *dump, *orgs, *misc)
	default:
		err = fmt.Errorf("usage: gen [flags] gazetteer|clusters|brown|brownrare|names|tagdist")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func normPhrase(s string) string {
	var parts []string
	for _, t := range arabic.Tokenize(s) {
		if t.Kind == arabic.KindArabic {
			parts = append(parts, t.Norm)
		} else if t.Kind != arabic.KindPunct {
			return "" // Latin or digits: not an Arabic name
		}
	}
	return strings.Join(parts, " ")
}

func readTSV(path string, fn func(head map[string]int, f []string)) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	head := map[string]int{}
	for i, h := range strings.Split(lines[0], "\t") {
		head[h] = i
	}
	for _, l := range lines[1:] {
		fn(head, strings.Split(l, "\t"))
	}
	return nil
}

func gazetteer(data, out string, anerGazet, geonames bool) error {
	set := map[string]bool{}
	add := func(typ, name string) {
		if p := normPhrase(name); p != "" {
			set[typ+"\t"+p] = true
			// "شعبية سرت" is the district of سرت: keep the place name too.
			if rest, ok := strings.CutPrefix(p, "شعبيه "); ok {
				set[typ+"\t"+rest] = true
			}
		}
	}
	col := func(head map[string]int, f []string, name string) string {
		if i, ok := head[name]; ok && i < len(f) {
			return f[i]
		}
		return ""
	}
	g := filepath.Join(data, "gazetteer")
	if err := readTSV(filepath.Join(g, "world_countries_capitals_ar.tsv"), func(h map[string]int, f []string) {
		add("LOC", col(h, f, "name_ar"))
		add("LOC", col(h, f, "official_name_ar"))
		add("LOC", col(h, f, "capital_ar_geonames"))
	}); err != nil {
		return err
	}
	if geonames {
		if err := readTSV(filepath.Join(g, "geonames_cities15000_ar.tsv"), func(h map[string]int, f []string) {
			add("LOC", col(h, f, "name_ar"))
		}); err != nil {
			return err
		}
	}
	if err := readTSV(filepath.Join(g, "libya_osm_places.tsv"), func(h map[string]int, f []string) {
		add("LOC", col(h, f, "name_ar"))
	}); err != nil {
		return err
	}
	if anerGazet {
		for typ, file := range map[string]string{"LOC": "AlignedLocGazetteer.txt", "ORG": "AlignedOrgGazetteer.txt", "PER": "AlignedPersGazetteer.txt"} {
			b, err := os.ReadFile(filepath.Join(data, "anercorp", "ANERGazet", file))
			if err != nil {
				return err
			}
			for _, l := range strings.Split(string(b), "\n") {
				if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "====") {
					add(typ, l)
				}
			}
		}
	}
	lines := make([]string, 0, len(set))
	for l := range set {
		lines = append(lines, l)
	}
	sort.Strings(lines)
	header := "# marsad NER gazetteer: TYPE<TAB>normalised phrase. Built by internal/ner/gen from GeoNames (CC BY 4.0), mledoze/countries and OpenStreetMap Libya places (ODbL 1.0)"
	if anerGazet {
		header += " and ANERGazet (Benajiba, research use)"
	}
	fmt.Fprintf(os.Stderr, "gazetteer: %d phrases\n", len(lines))
	return writeGz(filepath.Join(out, "gazetteer.tsv.gz"), header, lines)
}

func writeGz(path, header string, lines []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	bw.WriteString(header + "\n")
	for _, l := range lines {
		bw.WriteString(l + "\n")
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

// sentencesOf yields the normalised word sequence of each line of text.
func corpus(data, extra string, fn func(words []string)) error {
	for _, name := range []string{"libya_articles.jsonl", "general_saudinewsnet_5000.jsonl"} {
		f, err := os.Open(filepath.Join(data, "arabic-news", name))
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
		for sc.Scan() {
			var doc struct{ Title, Text string }
			if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
				f.Close()
				return err
			}
			for _, s := range arabic.Sentences(doc.Title + "\n" + doc.Text) {
				toks := arabic.Tokenize((doc.Title + "\n" + doc.Text)[s.Start:s.End])
				words := make([]string, len(toks))
				for i, t := range toks {
					words[i] = t.Norm
				}
				fn(words)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return err
		}
	}
	if extra != "" {
		b, err := os.ReadFile(extra)
		if err != nil {
			return err
		}
		var words []string
		for _, l := range strings.Split(string(b), "\n") {
			fs := strings.Fields(l)
			if len(fs) == 0 {
				if len(words) > 0 {
					fn(words)
				}
				words = nil
				continue
			}
			words = append(words, arabic.Normalize(fs[0]))
		}
		if len(words) > 0 {
			fn(words)
		}
	}
	return nil
}

// vocabulary counts the words of the corpus and returns those seen at
// least minCount times, most frequent first (ties in string order), with
// every word's count.
func vocabulary(data, extra string, minCount int) ([]string, map[string]int, error) {
	counts := map[string]int{}
	if err := corpus(data, extra, func(ws []string) {
		for _, w := range ws {
			counts[w]++
		}
	}); err != nil {
		return nil, nil, err
	}
	var vocab []string
	for w, c := range counts {
		if c >= minCount {
			vocab = append(vocab, w)
		}
	}
	slices.SortFunc(vocab, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return strings.Compare(a, b)
	})
	return vocab, counts, nil
}

func clusters(data, out, extra string, minCount, nctx, dim, k1, k2, window int, seed uint64) error {
	vocab, counts, err := vocabulary(data, extra, minCount)
	if err != nil {
		return err
	}
	vid := map[string]int{}
	for i, w := range vocab {
		vid[w] = i
	}
	if nctx > len(vocab) {
		nctx = len(vocab)
	}
	// co-occurrence with the nctx most frequent words, one block of nctx
	// dimensions per relative position (-window … -1, +1 … +window)
	if window < 1 {
		window = 1
	}
	nblocks := 2 * window
	co := make([]map[int32]float32, len(vocab))
	for i := range co {
		co[i] = map[int32]float32{}
	}
	ctxTotal := make([]float64, nblocks*nctx)
	total := 0.0
	if err := corpus(data, extra, func(ws []string) {
		for i, w := range ws {
			id, ok := vid[w]
			if !ok {
				continue
			}
			for b := 0; b < nblocks; b++ {
				d := b - window // -window … -1
				if d >= 0 {
					d++ // +1 … +window
				}
				j := i + d
				if j < 0 || j >= len(ws) {
					continue
				}
				if c, ok := vid[ws[j]]; ok && c < nctx {
					k := b*nctx + c
					co[id][int32(k)]++
					ctxTotal[k]++
					total++
				}
			}
		}
	}); err != nil {
		return err
	}
	// random ±1 projection of each context dimension, seeded
	rng := rand.New(rand.NewPCG(seed, 0xc1a5))
	proj := make([]float32, nblocks*nctx*dim)
	for i := range proj {
		if rng.IntN(2) == 0 {
			proj[i] = 1
		} else {
			proj[i] = -1
		}
	}
	vecs := make([][]float32, len(vocab))
	for i := range vocab {
		v := make([]float32, dim)
		rowTotal := 0.0
		for _, n := range co[i] {
			rowTotal += float64(n)
		}
		for c, n := range co[i] {
			pmi := math.Log(float64(n) * total / (rowTotal * ctxTotal[c]))
			if pmi <= 0 {
				continue
			}
			p := proj[int(c)*dim : int(c+1)*dim]
			for d := range v {
				v[d] += float32(pmi) * p[d]
			}
		}
		normalize(v)
		vecs[i] = v
	}
	all := make([]int, len(vocab))
	for i := range all {
		all[i] = i
	}
	coarse := kmeans(vecs, all, k1, 12, rng)
	fine := make([]int, len(vocab))
	for c := 0; c < k1; c++ {
		var members []int
		for i, a := range coarse {
			if a == c {
				members = append(members, i)
			}
		}
		sub := kmeans(vecs, members, k2, 10, rng)
		for j, i := range members {
			fine[i] = c*k2 + sub[j]
		}
	}
	lines := make([]string, len(vocab))
	for i, w := range vocab {
		lines[i] = fmt.Sprintf("%s\t%d\t%d\t%d", w, coarse[i], fine[i], int(math.Log2(float64(counts[w]+1))))
	}
	sort.Strings(lines)
	fmt.Fprintf(os.Stderr, "clusters: %d words (count >= %d), %d tokens of context\n", len(vocab), minCount, int(total))
	header := "# marsad NER word clusters: word<TAB>coarse<TAB>fine<TAB>log2(count+1). Built by internal/ner/gen from the word counts of arabic-news (SaudiNewsNet, CC BY-NC-SA 4.0)"
	return writeGz(filepath.Join(out, "clusters.tsv.gz"), header, lines)
}

func normalize(v []float32) {
	s := 0.0
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= inv
	}
}

// kmeans runs spherical k-means over vecs[members]; it returns each
// member's cluster.
func kmeans(vecs [][]float32, members []int, k, iters int, rng *rand.Rand) []int {
	assign := make([]int, len(members))
	if len(members) <= k {
		for i := range assign {
			assign[i] = i
		}
		return assign
	}
	dim := len(vecs[members[0]])
	cent := make([][]float32, k)
	perm := rng.Perm(len(members))
	for c := range cent {
		cent[c] = slices.Clone(vecs[members[perm[c]]])
	}
	for it := 0; it < iters; it++ {
		for j, i := range members {
			best, arg := float32(-2), 0
			for c := range cent {
				var d float32
				for x, v := range vecs[i] {
					d += v * cent[c][x]
				}
				if d > best {
					best, arg = d, c
				}
			}
			assign[j] = arg
		}
		for c := range cent {
			clear(cent[c])
		}
		size := make([]int, k)
		for j, i := range members {
			size[assign[j]]++
			for x, v := range vecs[i] {
				cent[assign[j]][x] += v
			}
		}
		for c := range cent {
			if size[c] == 0 {
				cent[c] = slices.Clone(vecs[members[rng.IntN(len(members))]])
				continue
			}
			normalize(cent[c])
		}
		_ = dim
	}
	return assign
}

// brownRare merges the Brown paths of a second tree into path: the words
// path lacks get the other tree's path with a third column "2", which the
// tagger hashes apart from the first tree's paths.
func brownRare(path, rare string) error {
	read := func(p string) ([]string, map[string]string, error) {
		f, err := os.Open(p)
		if err != nil {
			return nil, nil, err
		}
		defer f.Close()
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, nil, err
		}
		var order []string
		m := map[string]string{}
		sc := bufio.NewScanner(zr)
		for sc.Scan() {
			l := sc.Text()
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			w, b, _ := strings.Cut(l, "\t")
			b, _, _ = strings.Cut(b, "\t")
			order = append(order, w)
			m[w] = b
		}
		return order, m, sc.Err()
	}
	order, base, err := read(path)
	if err != nil {
		return err
	}
	rOrder, second, err := read(rare)
	if err != nil {
		return err
	}
	lines := make([]string, 0, len(order)+len(rOrder))
	for _, w := range order {
		lines = append(lines, w+"\t"+base[w])
	}
	n := 0
	for _, w := range rOrder {
		if _, ok := base[w]; !ok {
			lines = append(lines, w+"\t"+second[w]+"\t2")
			n++
		}
	}
	fmt.Fprintf(os.Stderr, "brownrare: %d words, %d from the second tree\n", len(lines), n)
	return writeGz(path, "# marsad NER Brown clusters: word<TAB>bit string[<TAB>2 = second tree], merged by internal/ner/gen brownrare (experiment)", lines)
}
