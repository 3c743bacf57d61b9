package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
)

// Corpus-level tag distributions (FeatTagDist; Ratinov & Roth 2009's
// "extended prediction history" taken to the unlabelled news): a first
// model tags the arabic-news corpus, and for every word core seen often
// enough the list records how often it was tagged as each type's name
// token and how often it began a name. A name of the 2010s that ANERcorp
// never saw (حفتر، السراج) is typed by the contexts it had in the news.

// tagDist is one word's distribution, as feature values.
type tagDist struct {
	share [4]uint8 // per type (PER, ORG, LOC, MISC): bucket of the share of its occurrences tagged as that type
	name  uint8    // bucket of the share tagged as any name
	arg   uint8    // the most frequent type among its name tags (4: none)
	b     uint8    // bucket of the share of B- among its name tags
	has   bool
}

// shareBucket buckets a share num/den: 0 none, then < 2 %, < 10 %, < 30 %,
// < 60 %, < 90 %, ≥ 90 %.
func shareBucket(num, den int) uint8 {
	if num <= 0 || den <= 0 {
		return 0
	}
	q := float64(num) / float64(den)
	switch {
	case q < 0.02:
		return 1
	case q < 0.10:
		return 2
	case q < 0.30:
		return 3
	case q < 0.60:
		return 4
	case q < 0.90:
		return 5
	}
	return 6
}

// WithTagDist returns a copy of lx (sharing its read-only tables) that
// also holds the tag distributions of tagdist.tsv.gz (as written by
// TagDistCounter.Gzip); its fingerprint covers the list.
func (lx *Lexicon) WithTagDist(gz []byte) (*Lexicon, error) {
	c := *lx
	c.td, c.tdn = map[string]tagDist{}, nil
	err := eachTSV(gz, func(f []string) error {
		if len(f) != 7 && (len(f) != 8 || f[7] != "n") {
			return fmt.Errorf("want 7 columns (and n for a normalised form), got %d", len(f))
		}
		var n [6]int
		for i := range n {
			v, err := strconv.Atoi(f[i+1])
			if err != nil {
				return fmt.Errorf("bad number %q", f[i+1])
			}
			n[i] = v
		}
		total, b := n[0], n[5]
		d := tagDist{has: true, arg: 4}
		names, best := 0, 0
		for t := 0; t < 4; t++ {
			d.share[t] = shareBucket(n[1+t], total)
			names += n[1+t]
			if n[1+t] > best {
				best, d.arg = n[1+t], uint8(t)
			}
		}
		d.name = shareBucket(names, total)
		d.b = shareBucket(b, names)
		if len(f) == 8 {
			if c.tdn == nil {
				c.tdn = map[string]tagDist{}
			}
			c.tdn[f[0]] = d
			return nil
		}
		c.td[f[0]] = d
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("ner: tag distributions: %w", err)
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "%016x\x00", lx.hash)
	h.Write(gz)
	c.tdHash = h.Sum64()
	return &c, nil
}

// tagDist returns the distribution of a word: of its normalised form when
// the list has it, else of its core.
func (lx *Lexicon) tagDist(norm, core string) tagDist {
	if lx.tdn != nil {
		if d, ok := lx.tdn[norm]; ok {
			return d
		}
	}
	return lx.td[core]
}

// TagDistCounter counts, per word core, the tags a model gave it.
type TagDistCounter struct {
	counts map[string]*[6]int // total, PER, ORG, LOC, MISC, B-
	// Norm also counts each normalised form apart (keyed "\x00"+form), so
	// that words whose cores collide keep their own counts (له and الله:
	// the article is stripped from الله).
	Norm bool
}

// NewTagDistCounter returns an empty counter.
func NewTagDistCounter() *TagDistCounter { return &TagDistCounter{counts: map[string]*[6]int{}} }

// Add counts the tags of one sentence (token texts and their BIO tags).
func (c *TagDistCounter) Add(words, tags []string) {
	fz := featurizer{}
	fz.prepare(words, normAll(words))
	for i := range fz.info {
		k := docKey(&fz.info[i])
		if k == "" {
			continue
		}
		c.add(k, tags[i])
		if c.Norm {
			c.add("\x00"+fz.info[i].norm, tags[i])
		}
	}
}

func (c *TagDistCounter) add(k, tag string) {
	n := c.counts[k]
	if n == nil {
		n = new([6]int)
		c.counts[k] = n
	}
	n[0]++
	t, ok := tagIndex(tag)
	if !ok || t == tagO {
		return
	}
	n[1+typeOf(t)]++
	if tagNames[t][0] == 'B' {
		n[5]++
	}
}

// Gzip writes the words seen at least minCount times, sorted, as the
// gzip'd TSV WithTagDist reads: core, total, PER, ORG, LOC, MISC, B-.
func (c *TagDistCounter) Gzip(minCount int) ([]byte, error) {
	keys := make([]string, 0, len(c.counts))
	for k, n := range c.counts {
		if n[0] >= minCount {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "# core\ttotal\tPER\tORG\tLOC\tMISC\tB (tags a first model gave the word in the arabic-news corpus; internal/ner/gen tagdist)\n")
	for _, k := range keys {
		n := c.counts[k]
		if w, ok := strings.CutPrefix(k, "\x00"); ok {
			fmt.Fprintf(bw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\tn\n", w, n[0], n[1], n[2], n[3], n[4], n[5])
			continue
		}
		fmt.Fprintf(bw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\n", k, n[0], n[1], n[2], n[3], n[4], n[5])
	}
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Len returns the number of distinct words counted.
func (c *TagDistCounter) Len() int { return len(c.counts) }

// ReadNewsDocuments reads JSON lines with "title" and "text" (the
// arabic-news corpus) and returns each article as sentences of token
// texts.
func ReadNewsDocuments(r io.Reader) ([][][]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	var docs [][][]string
	for sc.Scan() {
		var doc struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			return nil, err
		}
		text := doc.Title + "\n" + doc.Text
		var sents [][]string
		for _, s := range arabic.Sentences(text) {
			toks := arabic.Tokenize(text[s.Start:s.End])
			if len(toks) == 0 {
				continue
			}
			words := make([]string, len(toks))
			for i, t := range toks {
				words[i] = t.Text
			}
			sents = append(sents, words)
		}
		docs = append(docs, sents)
	}
	return docs, sc.Err()
}

// AddDoc counts one article (sentences of token texts and their tags) by
// presence: a word counts once per article, and once for each type it was
// tagged with anywhere in it (and for B- if it began a name there). A name
// the model types in one clear context of an article (معمر القذافي) counts
// for the article even where it stands alone (القذافي), as the second
// pass's document features do within a text.
func (c *TagDistCounter) AddDoc(sents, tags [][]string) {
	seen := map[string]*[6]int{}
	var order []string
	sub := NewTagDistCounter()
	for k := range sents {
		sub.counts = map[string]*[6]int{}
		sub.Add(sents[k], tags[k])
		for w, n := range sub.counts {
			a := seen[w]
			if a == nil {
				a = new([6]int)
				seen[w] = a
				order = append(order, w)
			}
			for i := range a {
				a[i] += n[i]
			}
		}
	}
	for _, w := range order {
		a := seen[w]
		n := c.counts[w]
		if n == nil {
			n = new([6]int)
			c.counts[w] = n
		}
		n[0]++
		for i := 1; i < 6; i++ {
			if a[i] > 0 {
				n[i]++
			}
		}
	}
}

// TagDistOf tags every document with tg and returns the counter: token
// counts, or with byDoc article counts (AddDoc); with norm, normalised
// forms are counted apart too (TagDistCounter.Norm).
func TagDistOf(tg *Tagger, docs [][][]string, byDoc, norm bool) *TagDistCounter {
	c := NewTagDistCounter()
	c.Norm = norm
	for _, d := range docs {
		if len(d) == 0 {
			continue
		}
		tags := tg.TagSentences(d)
		if byDoc {
			c.AddDoc(d, tags)
			continue
		}
		for k := range tags {
			c.Add(d[k], tags[k])
		}
	}
	return c
}
