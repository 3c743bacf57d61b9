// Package story finds near-duplicate articles (the same text reposted by
// another site, crawled twice, or lightly edited) and groups articles about
// the same story (rewrites, follow-ups, a paraphrased headline).
//
// Near-duplicates: MinHash signatures over word shingles of the normalised
// text, with LSH banding to find candidates in sub-linear time, confirmed
// by the signatures' estimated Jaccard similarity.
//
// Stories: TF-IDF cosine over search terms (normalised, clitics stripped,
// stemmed, stop words dropped; arabic.Analyzer). Document frequencies are
// learned online from the documents added. A document joins the story of
// the most similar earlier document published within Options.Window, when
// the cosine reaches Options.SameStory; otherwise it opens a story.
//
// Usage:
//
//	c := story.New(story.DefaultOptions())
//	for _, doc := range docs { // in publication order where known
//		storyID, dupOf := c.Add(doc)
//		// storyID: the ID of the story's first document
//		// dupOf: the ID of an earlier near-duplicate, or ""
//	}
package story

import (
	"encoding/binary"
	"hash/fnv"
	"math"
	"sort"
	"sync"
	"time"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// Options controls near-duplicate detection and story clustering.
type Options struct {
	// ShingleSize: words per shingle for near-duplicates. Three keeps word
	// order (so two different stories built from the same vocabulary do
	// not match) while tolerating edits every few words.
	ShingleSize int
	// Hashes is the MinHash signature length; Bands × (Hashes/Bands) rows
	// form the LSH bands. 128 hashes in 32 bands of 4 rows make a pair with
	// Jaccard 0.8 a candidate with probability 1−(1−0.8⁴)³² ≈ 1.
	Hashes, Bands int
	// Duplicate: estimated shingle Jaccard at or above which a document is
	// a near-duplicate of an earlier one.
	Duplicate float64
	// SameStory: TF-IDF cosine at or above which a document joins the
	// story of an earlier one (calibrated on ANS headline pairs, see
	// TestSameStoryANS).
	SameStory float64
	// Window: documents more than this apart in publication date do not
	// share a story (0: no limit). Documents without a date match any.
	Window time.Duration
	// MaxTerms: a document's highest-weighted terms used to find story
	// candidates.
	MaxTerms int
	// Centroid: a document joins a story only if its cosine with the
	// story's centroid is at least Centroid × SameStory (0: no check).
	Centroid float64
}

// DefaultOptions returns the settings measured in this package's tests.
func DefaultOptions() Options {
	return Options{ShingleSize: 3, Hashes: 128, Bands: 32, Duplicate: 0.8, SameStory: 0.3, Window: 4 * 24 * time.Hour, MaxTerms: 12, Centroid: 1}
}

// Clusterer assigns documents to stories as they are added. It is safe for
// concurrent use (Add is serialised).
type Clusterer struct {
	opt      Options
	analyzer *arabic.Analyzer

	mu     sync.Mutex
	docs   []entry
	byHash map[string]int32              // exact text hash → first document
	bands  []map[uint64][]int32          // LSH buckets per band
	df     map[string]int                // term → documents containing it
	post   map[string][]int32            // top term → documents having it among their top terms
	seeds  []uint64                      // MinHash seeds
	cent   map[string]map[string]float64 // story → sum of its documents' term frequencies
}

type entry struct {
	id, story string
	pub       time.Time
	sig       []uint64
	tf        map[string]float64
	norm      float64 // length of the TF-IDF vector with the idf of when it was added
}

// New returns an empty Clusterer.
func New(opt Options) *Clusterer {
	if opt.Hashes <= 0 {
		opt.Hashes = 128
	}
	if opt.Bands <= 0 || opt.Hashes%opt.Bands != 0 {
		opt.Bands = 32
		opt.Hashes = 128
	}
	if opt.ShingleSize <= 0 {
		opt.ShingleSize = 3
	}
	if opt.MaxTerms <= 0 {
		opt.MaxTerms = 12
	}
	c := &Clusterer{
		opt:      opt,
		analyzer: arabic.NewAnalyzer(arabic.DefaultAnalyzerOptions()),
		byHash:   map[string]int32{},
		bands:    make([]map[uint64][]int32, opt.Bands),
		df:       map[string]int{},
		post:     map[string][]int32{},
		cent:     map[string]map[string]float64{},
	}
	for i := range c.bands {
		c.bands[i] = map[uint64][]int32{}
	}
	// fixed seeds: the same input gives the same stories on every run
	s := uint64(0x9E3779B97F4A7C15)
	for i := 0; i < opt.Hashes; i++ {
		s = splitmix(s)
		c.seeds = append(c.seeds, s)
	}
	return c
}

// Add assigns doc to a story and returns the story's id (the ID of its
// first document) and, when doc is a near-duplicate of an earlier
// document, that document's ID.
func (c *Clusterer) Add(doc model.Document) (storyID, duplicateOf string) {
	words := c.words(doc.Text)
	sig := c.signature(words)
	tf := c.termFreq(doc.Title, doc.Text)

	c.mu.Lock()
	defer c.mu.Unlock()
	idx := int32(len(c.docs))
	e := entry{id: doc.ID, pub: doc.Published, sig: sig, tf: tf}

	dup := int32(-1)
	if doc.Hash != "" {
		if j, ok := c.byHash[doc.Hash]; ok {
			dup = j
		}
	}
	if dup < 0 && len(words) > 0 {
		dup = c.nearDuplicate(sig)
	}
	for t := range tf {
		c.df[t]++
	}
	if dup >= 0 {
		e.story = c.docs[dup].story
		duplicateOf = c.docs[dup].id
	} else if best := c.bestStory(&e); best >= 0 {
		e.story = c.docs[best].story
	} else {
		e.story = doc.ID
	}
	for t, f := range tf {
		w := f * c.idf(t)
		e.norm += w * w
	}
	e.norm = math.Sqrt(e.norm)
	c.docs = append(c.docs, e)
	cen := c.cent[e.story]
	if cen == nil {
		cen = map[string]float64{}
		c.cent[e.story] = cen
	}
	for t, f := range tf {
		cen[t] += f
	}
	if doc.Hash != "" {
		if _, ok := c.byHash[doc.Hash]; !ok {
			c.byHash[doc.Hash] = idx
		}
	}
	if len(words) > 0 {
		rows := c.opt.Hashes / c.opt.Bands
		for b := 0; b < c.opt.Bands; b++ {
			k := bandKey(sig[b*rows : (b+1)*rows])
			c.bands[b][k] = append(c.bands[b][k], idx)
		}
	}
	for _, t := range c.topTerms(tf) {
		c.post[t] = append(c.post[t], idx)
	}
	return e.story, duplicateOf
}

// MinHash computes the near-duplicate signatures of Clusterer (same
// shingles and seeds for the same Options), for stores that find
// near-duplicates among articles stored in earlier runs: Words (or a
// tokenisation that gives the same words), Signature, then Keys to find
// candidates, then Similarity to confirm at Options.Duplicate.
//
// A store keeps fewer LSH keys per article than Clusterer's 32 bands of 4
// rows: Keys are KeyBands bands of KeyRows rows, the first
// KeyBands×KeyRows values of the signature (12×3: a pair at Jaccard 0.8 is
// a candidate with probability 1−(1−0.8³)¹² = 0.9998, at 0.75 0.9985). On
// arabic-news (5,150 articles) they find every pair Clusterer's bands find
// and 577 candidates in all against 579 (TestKeysRecall).
type MinHash struct {
	opt   Options
	seeds []uint64
}

// KeyBands and KeyRows shape MinHash.Keys.
const (
	KeyBands = 12
	KeyRows  = 3
)

// NewMinHash returns the MinHash of a Clusterer made with opt.
func NewMinHash(opt Options) *MinHash {
	c := New(opt)
	return &MinHash{opt: c.opt, seeds: c.seeds}
}

// Threshold is the estimated Jaccard at or above which two texts are
// near-duplicates (Options.Duplicate).
func (m *MinHash) Threshold() float64 { return m.opt.Duplicate }

// Hashes is the length of a signature.
func (m *MinHash) Hashes() int { return len(m.seeds) }

// Words are the normalised word tokens of text that Clusterer signs.
func Words(text string) []string {
	var words []string
	for _, t := range arabic.Tokenize(text) {
		if t.IsWord() {
			words = append(words, t.Norm)
		}
	}
	return words
}

// Signature is the MinHash signature of the words (Words of a text;
// Options.Hashes values), or nil when there are none (such a text is
// nobody's near-duplicate).
func (m *MinHash) Signature(words []string) []uint64 {
	if len(words) == 0 {
		return nil
	}
	return signature(words, m.opt.ShingleSize, m.seeds)
}

// KeySignature is the start of Signature that Keys read (its first
// KeyBands×KeyRows values), at that fraction of the cost: a store signs
// every article for its keys, and in full only the few that share one.
func (m *MinHash) KeySignature(words []string) []uint64 {
	if len(words) == 0 {
		return nil
	}
	return signature(words, m.opt.ShingleSize, m.seeds[:min(len(m.seeds), KeyBands*KeyRows)])
}

// CompleteSignature is Signature(words) given keySig = KeySignature(words):
// only the values after the key signature's are computed (a store that
// signed an article for its keys signs it once).
func (m *MinHash) CompleteSignature(words []string, keySig []uint64) []uint64 {
	k := min(len(m.seeds), KeyBands*KeyRows)
	if len(words) == 0 || len(keySig) != k {
		return m.Signature(words)
	}
	sig := make([]uint64, k, len(m.seeds))
	copy(sig, keySig)
	return append(sig, signature(words, m.opt.ShingleSize, m.seeds[k:])...)
}

// Keys are the store's LSH keys of sig (a Signature or KeySignature;
// KeyBands of them, the band's number mixed in): two signatures sharing a
// key are candidates.
func (m *MinHash) Keys(sig []uint64) []uint64 {
	if len(sig) < KeyBands*KeyRows {
		return nil
	}
	out := make([]uint64, KeyBands)
	for b := range out {
		out[b] = splitmix(bandKey(sig[b*KeyRows:(b+1)*KeyRows]) ^ uint64(b))
	}
	return out
}

// Similarity is the estimated Jaccard of two signatures (the share of
// equal values); 0 when their lengths differ.
func (m *MinHash) Similarity(a, b []uint64) float64 {
	if len(a) != len(b) || len(a) == 0 {
		return 0
	}
	return estJaccard(a, b)
}

// words are the normalised word tokens of text.
func (c *Clusterer) words(text string) []string { return Words(text) }

// Shingles returns the hashed word shingles of text (normalised words,
// size n); a text shorter than n words is one shingle.
func Shingles(text string, n int) map[uint64]struct{} {
	var words []string
	for _, t := range arabic.Tokenize(text) {
		if t.IsWord() {
			words = append(words, t.Norm)
		}
	}
	return shingles(words, n)
}

func shingles(words []string, n int) map[uint64]struct{} {
	out := map[uint64]struct{}{}
	if len(words) == 0 {
		return out
	}
	if len(words) < n {
		n = len(words)
	}
	for i := 0; i+n <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+n] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		out[h.Sum64()] = struct{}{}
	}
	return out
}

// Jaccard is the exact Jaccard similarity of two shingle sets.
func Jaccard(a, b map[uint64]struct{}) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	inter := 0
	for k := range a {
		if _, ok := b[k]; ok {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

func (c *Clusterer) signature(words []string) []uint64 {
	return signature(words, c.opt.ShingleSize, c.seeds)
}

func signature(words []string, n int, seeds []uint64) []uint64 {
	sig := make([]uint64, len(seeds))
	for i := range sig {
		sig[i] = math.MaxUint64
	}
	if len(words) == 0 {
		return sig
	}
	if len(words) < n {
		n = len(words)
	}
	// the shingles' hashes as shingles computes them, without its set: a
	// shingle seen twice changes no minimum
	for i := 0; i+n <= len(words); i++ {
		h := uint64(fnvOffset)
		for _, w := range words[i : i+n] {
			for k := 0; k < len(w); k++ {
				h = (h ^ uint64(w[k])) * fnvPrime
			}
			h *= fnvPrime // the 0 byte after each word
		}
		sig := sig[:len(seeds)]
		for j, s := range seeds {
			sig[j] = min(sig[j], splitmix(h^s)) // branchless: after the first shingles a new minimum is rare and unpredictable
		}
	}
	return sig
}

// FNV-1a, 64 bits (hash/fnv's New64a, inlined).
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func splitmix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

func bandKey(rows []uint64) uint64 {
	var b [8]byte
	h := fnv.New64a()
	for _, r := range rows {
		binary.LittleEndian.PutUint64(b[:], r)
		h.Write(b[:])
	}
	return h.Sum64()
}

// estJaccard is the share of equal MinHash slots.
func estJaccard(a, b []uint64) float64 {
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / float64(len(a))
}

// nearDuplicate returns the earliest most similar earlier document whose
// estimated Jaccard reaches Options.Duplicate, or -1.
func (c *Clusterer) nearDuplicate(sig []uint64) int32 {
	rows := c.opt.Hashes / c.opt.Bands
	seen := map[int32]bool{}
	best, bestSim := int32(-1), 0.0
	for b := 0; b < c.opt.Bands; b++ {
		for _, j := range c.bands[b][bandKey(sig[b*rows:(b+1)*rows])] {
			if seen[j] {
				continue
			}
			seen[j] = true
			if s := estJaccard(sig, c.docs[j].sig); s >= c.opt.Duplicate && (s > bestSim || (s == bestSim && j < best)) {
				best, bestSim = j, s
			}
		}
	}
	return best
}

// termFreq counts the search terms of the title and text (the title
// counted twice: it names the story).
func (c *Clusterer) termFreq(title, text string) map[string]float64 {
	tf := map[string]float64{}
	for _, t := range c.analyzer.Analyze(title) {
		if len([]rune(t.Term)) > 1 {
			tf[t.Term] += 2
		}
	}
	for _, t := range c.analyzer.Analyze(text) {
		if len([]rune(t.Term)) > 1 {
			tf[t.Term]++
		}
	}
	// sub-linear term frequency: a name repeated ten times is not ten
	// times the evidence
	for t, n := range tf {
		tf[t] = 1 + math.Log(n)
	}
	return tf
}

func (c *Clusterer) idf(t string) float64 {
	n := float64(len(c.docs) + 1)
	return math.Log((n+1)/(float64(c.df[t])+1)) + 1
}

func (c *Clusterer) topTerms(tf map[string]float64) []string {
	type tw struct {
		t string
		w float64
	}
	all := make([]tw, 0, len(tf))
	for t, f := range tf {
		all = append(all, tw{t, f * c.idf(t)})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].w != all[j].w {
			return all[i].w > all[j].w
		}
		return all[i].t < all[j].t
	})
	if len(all) > c.opt.MaxTerms {
		all = all[:c.opt.MaxTerms]
	}
	out := make([]string, len(all))
	for i, x := range all {
		out[i] = x.t
	}
	return out
}

// cosine of two term-frequency maps under the current idf.
func (c *Clusterer) cosine(a, b map[string]float64) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	var dot, na, nb float64
	for t, fa := range a {
		w := c.idf(t)
		wa := fa * w
		na += wa * wa
		if fb, ok := b[t]; ok {
			dot += wa * fb * w
		}
	}
	for t, fb := range b {
		w := fb * c.idf(t)
		nb += w * w
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// maxPosting bounds how many earlier documents one term brings as
// candidates (the most recent ones), so that a frequent term does not make
// Add linear in the corpus.
const maxPosting = 400

func (c *Clusterer) bestStory(e *entry) int32 {
	top := c.topTerms(e.tf)
	need := 2
	if len(e.tf) < 8 { // a headline: one shared rare term can be enough
		need = 1
	}
	shared := map[int32]int{}
	for _, t := range top {
		p := c.post[t]
		if len(p) > maxPosting {
			p = p[len(p)-maxPosting:]
		}
		for _, j := range p {
			shared[j]++
		}
	}
	// the new document's weights once; candidates' lengths were cached
	// when they were added (the idf drifts little between the two)
	type tw struct{ w, idf float64 }
	wa := make(map[string]tw, len(e.tf))
	na := 0.0
	for t, f := range e.tf {
		idf := c.idf(t)
		wa[t] = tw{f * idf, idf}
		na += f * idf * f * idf
	}
	na = math.Sqrt(na)
	if na == 0 {
		return -1
	}
	best, bestSim := int32(-1), 0.0
	for j, n := range shared {
		d := &c.docs[j]
		if n < need || d.norm == 0 || !c.inWindow(e.pub, d.pub) {
			continue
		}
		dot := 0.0
		for t, x := range wa {
			if fb, ok := d.tf[t]; ok {
				dot += x.w * fb * x.idf
			}
		}
		s := dot / (na * d.norm)
		if s < c.opt.SameStory {
			continue
		}
		// the document must also be close to the story as a whole (its
		// centroid), or stories chain: A~B, B~C, … until A and Z share
		// nothing
		if c.opt.Centroid > 0 {
			if cs := c.cosine(e.tf, c.cent[d.story]); cs < c.opt.SameStory*c.opt.Centroid {
				continue
			}
		}
		if s > bestSim || (s == bestSim && j < best) {
			best, bestSim = j, s
		}
	}
	return best
}

func (c *Clusterer) inWindow(a, b time.Time) bool {
	if c.opt.Window <= 0 || a.IsZero() || b.IsZero() {
		return true
	}
	d := a.Sub(b)
	if d < 0 {
		d = -d
	}
	return d <= c.opt.Window
}

// Similarity is the TF-IDF cosine of two texts under the document
// frequencies learned so far (for calibration and reports).
func (c *Clusterer) Similarity(a, b string) float64 {
	ta, tb := c.termFreq("", a), c.termFreq("", b)
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cosine(ta, tb)
}

// Len is the number of documents added.
func (c *Clusterer) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.docs)
}
