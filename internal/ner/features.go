package ner

import (
	"unicode"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
)

// FeatureSet selects feature groups. The groups that earn their cost are
// decided by the ablation table in docs/NER.md; a model records the set it
// was trained with.
type FeatureSet uint32

// Feature groups.
const (
	FeatWord          FeatureSet = 1 << iota // normalised word and its core (clitics stripped)
	FeatContext                              // words and cores at ±1, ±2
	FeatBigram                               // word pairs (w-1,w0), (w0,w+1)
	FeatAffix                                // prefixes and suffixes of 1–3 letters, the proclitic string
	FeatShape                                // script/digit/punct shape and length, of w0 and its neighbours
	FeatTrigger                              // title, place-noun, organisation-noun and speech-verb triggers nearby
	FeatGazetteer                            // gazetteer phrase matches (begin/inside) and word membership
	FeatCluster                              // word clusters from unlabelled news, of w0 and its neighbours
	FeatCharNgram                            // character 3-grams of the core
	FeatFreq                                 // corpus-frequency bucket of the word
	FeatDoc                                  // second pass: first-pass tags here and of the same word elsewhere in the document
	FeatMorph                                // definiteness × ending (nisba adjectives), long-vowel density of transliterated names
	FeatDocTrig                              // second pass: the same word elsewhere in the document after a title, place noun or organisation noun
	FeatNames                                // first and second names mined from unlabelled news, of w0 and its neighbours
	FeatBrown                                // Brown cluster path prefixes of w0 and its neighbours
	FeatConf                                 // second pass: the first pass's confidence (name vs O, type vs type) here and at ±1
	FeatTagDist                              // second pass: how a first-pass model tagged the word (and ±1) across the unlabelled news (Lexicon.WithTagDist)
	FeatTagDistX                             // with FeatTagDist: also its conjunction with the first-pass tag, and the ±1 window of summaries (experiment, not shipped)
	FeatTagDistNoTrig                        // with FeatTagDist: trigger words (titles, place and organisation nouns, speech verbs) get no distribution (experiment)
)

// TagDistGroups are the groups of the corpus tag distributions: second
// pass only, dropped from a first pass and from a single-pass model.
const TagDistGroups = FeatTagDist | FeatTagDistX | FeatTagDistNoTrig

// DefaultFeatures is the feature set of the shipped model.
const DefaultFeatures = FeatWord | FeatContext | FeatBigram | FeatAffix | FeatShape | FeatTrigger | FeatGazetteer | FeatCluster | FeatFreq | FeatCharNgram | FeatDoc |
	FeatMorph | FeatDocTrig | FeatNames | FeatBrown | FeatTagDist

var featureNames = []struct {
	f    FeatureSet
	name string
}{
	{FeatWord, "word"}, {FeatContext, "context"}, {FeatBigram, "bigram"}, {FeatAffix, "affix"},
	{FeatShape, "shape"}, {FeatTrigger, "trigger"}, {FeatGazetteer, "gazetteer"}, {FeatCluster, "cluster"},
	{FeatCharNgram, "charngram"}, {FeatFreq, "freq"}, {FeatDoc, "doc"}, {FeatMorph, "morph"}, {FeatDocTrig, "doctrig"},
	{FeatNames, "names"}, {FeatBrown, "brown"}, {FeatConf, "conf"}, {FeatTagDist, "tagdist"}, {FeatTagDistX, "tdx"}, {FeatTagDistNoTrig, "tdnotrig"},
}

// String lists the groups, comma-separated.
func (fs FeatureSet) String() string {
	s := ""
	for _, n := range featureNames {
		if fs&n.f != 0 {
			if s != "" {
				s += ","
			}
			s += n.name
		}
	}
	return s
}

// ParseFeatureGroup returns the group with the given name.
func ParseFeatureGroup(name string) (FeatureSet, bool) {
	for _, n := range featureNames {
		if n.name == name {
			return n.f, true
		}
	}
	return 0, false
}

// Feature templates: the first byte hashed into every feature.
const (
	tBias byte = iota + 1
	tW0
	tWm1
	tWp1
	tWm2
	tWp2
	tC0
	tCm1
	tCp1
	tPre1
	tPre2
	tPre3
	tSuf1
	tSuf2
	tSuf3
	tCSuf2
	tProclitic
	tShape0
	tShapeWin
	tLen
	tBiL
	tBiR
	tTrigM1
	tTrigM2
	tTrigP1
	tTrigP2
	tGazB
	tGazI
	tGazW
	tGazM1
	tGazP1
	tCl1
	tCl2
	tCl2M1
	tCl2P1
	tCl1M1
	tCl1P1
	tChar3
	tFreq
	tFreqWin
	tS1
	tS1Win
	tDocBits
	tDocMaj
	tDocMajW
	tDefSuf
	tVowels
	tDocTrig
	tName
	tNameWin
	tBr
	tBrM1
	tBrP1
	tBrM2
	tBrP2
	tConf
	tConf2
	tConfWin
	tTD
	tTDType
	tTDB
	tTDM1
	tTDP1
	tTDS1
	tTDWin
)

// Token shapes.
const (
	shapeArabic byte = 'a'
	shapeLatin  byte = 'l'
	shapeLatinC byte = 'L' // Latin, capitalised
	shapeDigit  byte = 'd'
	shapePunct  byte = 'p'
	shapeQuote  byte = 'q' // quotes and guillemets: names are often quoted
	shapeMixed  byte = 'm'
	shapeBound  byte = 'b' // beyond the sentence
)

// tokInfo is what the features need to know about one token.
type tokInfo struct {
	norm, core, pre string
	shape           byte
	runes           int
	cl              cluster
	hasCl           bool
	gazB, gazI      uint8 // type bits of a gazetteer phrase beginning / continuing here
	gazW            uint8 // type bits of the word alone
	trig            uint8
	name            uint8 // nameFirst | nameSecond
	br              brownPath
	hasBr           bool
	td              tagDist
}

// featurizer turns a sentence into hashed features. It holds scratch space
// and is not safe for concurrent use; the Tagger keeps them in a pool.
type featurizer struct {
	lx    *Lexicon
	set   FeatureSet
	info  []tokInfo
	s1    []int            // second pass: first-pass tags of the sentence
	conf  []uint16         // second pass: first-pass confidence of each token (confOf), with FeatConf
	doc   [][numTags]int32 // second pass: first-pass tags of the same word elsewhere in the document
	dtrig [][numTags]int32 // second pass: the triggers around the same word elsewhere in the document (docTrigOf)
	tds   []tagDist        // second pass: the corpus tag distribution of each token, with FeatTagDist
	feats []uint64         // hashed features, token after token
	offs  []int32          // feats[offs[i]:offs[i+1]] belong to token i
}

const fnvOffset uint64 = 14695981039346656037
const fnvPrime uint64 = 1099511628211

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashByte(h uint64, b byte) uint64 {
	h ^= uint64(b)
	h *= fnvPrime
	return h
}

func f1(t byte, s string) uint64 { return hashStr(hashByte(fnvOffset, t), s) }

func f2(t byte, a, b string) uint64 {
	return hashStr(hashByte(hashStr(hashByte(fnvOffset, t), a), 0x1f), b)
}

func fb(t byte, b ...byte) uint64 {
	h := hashByte(fnvOffset, t)
	for _, x := range b {
		h = hashByte(h, x)
	}
	return h
}

func fi(t byte, v int) uint64 {
	h := hashByte(fnvOffset, t)
	h = hashByte(h, byte(v))
	h = hashByte(h, byte(v>>8))
	return h
}

// maxFeatRunes caps the letters looked at in one token, so that a
// pathological 5,000-letter "word" costs no more than a long real one.
const maxFeatRunes = 64

// shapeOf classifies a token's original text.
func shapeOf(s string) byte {
	var ar, lat, dig, other int
	upper := false
	n := 0
	for i, r := range s {
		if n >= maxFeatRunes {
			break
		}
		n++
		switch {
		case arabic.IsArabicLetter(r) || arabic.IsDiacritic(r) || r == arabic.Tatweel:
			ar++
		case isDigitRune(r):
			dig++
		case unicode.IsLetter(r):
			lat++
			if i == 0 && unicode.IsUpper(r) {
				upper = true
			}
		default:
			other++
		}
	}
	switch {
	case ar > 0 && lat == 0 && dig == 0:
		return shapeArabic
	case lat > 0 && ar == 0 && dig == 0:
		if upper {
			return shapeLatinC
		}
		return shapeLatin
	case dig > 0 && ar == 0 && lat == 0:
		return shapeDigit
	case ar == 0 && lat == 0 && dig == 0:
		r, _ := utf8.DecodeRuneInString(s)
		switch r {
		case '"', '\'', arabic.LeftGuillemet, arabic.RightGuillemet, '“', '”', '‘', '’':
			return shapeQuote
		}
		return shapePunct
	}
	return shapeMixed
}

func isDigitRune(r rune) bool { _, ok := arabic.DigitValue(r); return ok }

// capRunes returns s cut to at most maxFeatRunes runes.
func capRunes(s string) string {
	if len(s) <= 2*maxFeatRunes {
		return s
	}
	n := 0
	for i := range s {
		if n == maxFeatRunes {
			return s[:i]
		}
		n++
	}
	return s
}

// prepare fills f.info for a sentence given its tokens' original and
// normalised forms.
func (f *featurizer) prepare(text, norm []string) {
	n := len(norm)
	if cap(f.info) < n {
		f.info = make([]tokInfo, n)
	}
	f.info = f.info[:n]
	for i := range norm {
		w := capRunes(norm[i])
		pre, core := splitCore(w)
		ti := tokInfo{norm: w, core: core, pre: pre, shape: shapeOf(text[i]), runes: runeLen(w)}
		if f.lx != nil {
			// each table: the word, else its core
			c := f.lx.clusters[w]
			if c.has != hasKMeans|hasBrown && core != w {
				cc := f.lx.clusters[core]
				if c.has&hasKMeans == 0 && cc.has&hasKMeans != 0 {
					c.coarse, c.fine, c.freq, c.has = cc.coarse, cc.fine, cc.freq, c.has|hasKMeans
				}
				if c.has&hasBrown == 0 && cc.has&hasBrown != 0 {
					c.br, c.has = cc.br, c.has|hasBrown
				}
			}
			ti.cl, ti.hasCl = c, c.has&hasKMeans != 0
			ti.br, ti.hasBr = c.br, c.has&hasBrown != 0
			ti.trig = f.lx.triggers[core]
			ti.name = f.lx.names[core]
			if f.lx.td != nil && f.set&FeatTagDist != 0 && (f.set&FeatTagDistNoTrig == 0 || ti.trig == 0) {
				ti.td = f.lx.tagDist(w, core)
			}
			if b, ok := f.lx.gaz[gazStep(gazSeed, core)]; ok {
				ti.gazW = b &^ gazPrefix
			}
		}
		f.info[i] = ti
	}
	if f.lx != nil && f.set&FeatGazetteer != 0 {
		f.matchGazetteer()
	}
}

// matchGazetteer marks the longest gazetteer phrase starting at each token.
// Cost: O(n × longest phrase).
func (f *featurizer) matchGazetteer() {
	info := f.info
	for i := range info {
		h := gazSeed
		best, bestBits := 0, uint8(0)
		for j := i; j < len(info) && j-i < f.lx.gazMaxLen; j++ {
			h = gazStep(h, info[j].core)
			b, ok := f.lx.gaz[h]
			if !ok {
				break
			}
			if t := b &^ gazPrefix; t != 0 {
				best, bestBits = j-i+1, t
			}
			if b&gazPrefix == 0 {
				break
			}
		}
		if best > 0 {
			info[i].gazB |= bestBits
			for j := i + 1; j < i+best; j++ {
				info[j].gazI |= bestBits
			}
		}
	}
}

var (
	boundL = tokInfo{norm: "<s>", core: "<s>", shape: shapeBound}
	boundR = tokInfo{norm: "</s>", core: "</s>", shape: shapeBound}
)

func (f *featurizer) ctx(i int) *tokInfo {
	if i < 0 {
		return &boundL
	}
	if i >= len(f.info) {
		return &boundR
	}
	return &f.info[i]
}

// extract computes the features of every token of the prepared sentence.
func (f *featurizer) extract() {
	f.feats = f.feats[:0]
	f.offs = append(f.offs[:0], 0)
	for i := range f.info {
		f.feats = f.appendIntrinsic(f.feats, &f.info[i])
		f.feats = f.appendContext(f.feats, i)
		f.offs = append(f.offs, int32(len(f.feats)))
	}
}

// extractContext computes only the features that depend on a token's
// neighbours; the tagger caches the scores of the intrinsic ones per word.
func (f *featurizer) extractContext() {
	f.feats = f.feats[:0]
	f.offs = append(f.offs[:0], 0)
	for i := range f.info {
		f.feats = f.appendContext(f.feats, i)
		f.offs = append(f.offs, int32(len(f.feats)))
	}
}

// appendIntrinsic adds the features that depend only on the token itself
// (its normalised form, shape and lexicon entries).
func (f *featurizer) appendIntrinsic(fs []uint64, t *tokInfo) []uint64 {
	set := f.set
	fs = append(fs, fb(tBias))
	if set&FeatWord != 0 {
		fs = append(fs, f1(tW0, t.norm), f1(tC0, t.core))
	}
	if set&FeatAffix != 0 {
		fs = appendAffixes(fs, t.norm)
		if r := t.runes; r >= 4 {
			fs = append(fs, f1(tCSuf2, lastRunes(t.core, 2)))
		}
		fs = append(fs, f1(tProclitic, t.pre))
	}
	if set&FeatShape != 0 {
		l := t.runes
		if l > 8 {
			l = 8
		}
		fs = append(fs, fb(tShape0, t.shape), fb(tLen, byte(l)))
	}
	if set&FeatGazetteer != 0 {
		fs = append(fs, fb(tGazW, t.gazW))
	}
	if set&FeatCluster != 0 {
		fs = append(fs, clusterFeat(tCl1, t, false), clusterFeat(tCl2, t, true))
	}
	if set&FeatFreq != 0 {
		fs = append(fs, fb(tFreq, freqOf(t), t.shape))
	}
	if set&FeatCharNgram != 0 {
		fs = appendChar3(fs, t.core)
	}
	if set&FeatNames != 0 {
		fs = append(fs, fb(tName, t.name))
	}
	if set&FeatBrown != 0 {
		fs = append(fs, brownFeat(tBr, t, 4), brownFeat(tBr, t, 6), brownFeat(tBr, t, 10), brownFeat(tBr, t, 20))
	}
	if set&FeatMorph != 0 && t.shape == shapeArabic {
		fs = append(fs, f2(tDefSuf, definite(t.pre), lastRunes(t.core, 2)), vowelFeat(t.core))
	}
	return fs
}

// definite tells whether a proclitic string ends in the article: a
// definite word ending in ي / يه (ية) is mostly a nisba adjective
// (السوداني، الليبية) that follows a name rather than being one, while
// surnames also take ال (البشير); the conjunction with the ending lets the
// model tell them apart.
func definite(pre string) string {
	if len(pre) >= len(article) && pre[len(pre)-len(article):] == article || pre == lamLam || len(pre) > len(lamLam) && pre[len(pre)-len(lamLam):] == lamLam {
		return "d"
	}
	return "n"
}

// vowelFeat buckets the long vowels (ا و ي) among a core's letters:
// transliterated foreign names spell their vowels out (كوندوليزا، ساركوزي),
// native words leave short vowels unwritten.
func vowelFeat(core string) uint64 {
	n, v := 0, 0
	for _, r := range core {
		if n >= maxFeatRunes {
			break
		}
		n++
		if r == 'ا' || r == 'و' || r == 'ي' {
			v++
		}
	}
	if n > 10 {
		n = 10
	}
	return fb(tVowels, byte(n), byte(v))
}

// appendContext adds the features of token i that depend on its
// neighbours (and, in a second pass, on the first pass's tags).
func (f *featurizer) appendContext(fs []uint64, i int) []uint64 {
	set := f.set
	t := &f.info[i]
	m1, p1, m2, p2 := f.ctx(i-1), f.ctx(i+1), f.ctx(i-2), f.ctx(i+2)
	if set&FeatContext != 0 {
		fs = append(fs, f1(tWm1, m1.norm), f1(tWp1, p1.norm), f1(tWm2, m2.norm), f1(tWp2, p2.norm),
			f1(tCm1, m1.core), f1(tCp1, p1.core))
	}
	if set&FeatBigram != 0 {
		fs = append(fs, f2(tBiL, m1.core, t.core), f2(tBiR, t.core, p1.core))
	}
	if set&FeatShape != 0 {
		fs = append(fs, fb(tShapeWin, m1.shape, t.shape, p1.shape))
	}
	if set&FeatTrigger != 0 {
		fs = append(fs, fb(tTrigM1, m1.trig), fb(tTrigM2, m2.trig), fb(tTrigP1, p1.trig), fb(tTrigP2, p2.trig))
	}
	if set&FeatGazetteer != 0 {
		fs = append(fs, fb(tGazB, t.gazB), fb(tGazI, t.gazI),
			fb(tGazM1, m1.gazB|m1.gazI, t.gazB), fb(tGazP1, p1.gazB|p1.gazW, t.gazW))
	}
	if set&FeatCluster != 0 {
		fs = append(fs, clusterFeat(tCl2M1, m1, true), clusterFeat(tCl2P1, p1, true),
			clusterFeat(tCl1M1, m1, false), clusterFeat(tCl1P1, p1, false))
	}
	if set&FeatBrown != 0 {
		fs = append(fs, brownFeat(tBrM1, m1, 6), brownFeat(tBrM1, m1, 10), brownFeat(tBrP1, p1, 6), brownFeat(tBrP1, p1, 10),
			brownFeat(tBrM2, m2, 6), brownFeat(tBrP2, p2, 6))
	}
	if set&FeatFreq != 0 {
		fs = append(fs, fb(tFreqWin, freqOf(m1), freqOf(t), freqOf(p1)))
	}
	if set&FeatNames != 0 {
		fs = append(fs, fb(tNameWin, m1.name, t.name, p1.name))
	}
	if set&FeatDoc != 0 && f.s1 != nil {
		fs = f.appendDoc(fs, i)
	}
	return fs
}

// appendTagDist adds a word's corpus tag distribution: the share of its
// occurrences tagged as any name with the most frequent type, the share of
// each type that it got at all, and how often it began a name.
func appendTagDist(fs []uint64, d *tagDist) []uint64 {
	if !d.has {
		return append(fs, fb(tTD, 0xff))
	}
	fs = append(fs, fb(tTD, d.name, d.arg))
	for ty, q := range d.share {
		if q != 0 {
			fs = append(fs, fb(tTDType, byte(ty), q))
		}
	}
	if d.name != 0 {
		fs = append(fs, fb(tTDB, d.arg, d.b))
	}
	return fs
}

// tdWin is the corpus tag distribution of token j, summarised.
func (f *featurizer) tdWin(tpl byte, j int) uint64 {
	switch {
	case j < 0 || j >= len(f.tds):
		return fb(tpl, 0xfe)
	case !f.tds[j].has:
		return fb(tpl, 0xff)
	}
	return fb(tpl, f.tds[j].name, f.tds[j].arg)
}

func freqOf(t *tokInfo) byte {
	if t.shape == shapeBound {
		return 0xfe
	}
	if !t.hasCl {
		return 0xff
	}
	return t.cl.freq
}

// brownFeat is the first k bits of a token's Brown path (its length
// tells prefixes of different k apart).
func brownFeat(tpl byte, t *tokInfo, k int) uint64 {
	switch {
	case t.shape == shapeBound:
		return fb(tpl, byte(k), 0xfe)
	case !t.hasBr:
		return fb(tpl, byte(k), 0xff)
	}
	b, n := t.br.prefix(k)
	if t.br.tree != 0 {
		return fb(tpl, byte(k), n, byte(b), byte(b>>8), byte(b>>16), 0xb0|t.br.tree)
	}
	return fb(tpl, byte(k), n, byte(b), byte(b>>8), byte(b>>16))
}

func clusterFeat(tpl byte, t *tokInfo, fine bool) uint64 {
	switch {
	case t.shape == shapeBound:
		return fi(tpl, -2)
	case !t.hasCl:
		return fi(tpl, -1)
	case fine:
		return fi(tpl, int(t.cl.fine))
	}
	return fi(tpl, int(t.cl.coarse))
}

// appendAffixes adds the first and last 1–3 letters of w.
func appendAffixes(fs []uint64, w string) []uint64 {
	// byte offsets after the first 1..3 runes and before the last 1..3 runes
	var pre [3]int
	n := 0
	for i := range w {
		if n > 0 && n <= 3 {
			pre[n-1] = i
		}
		n++
		if n > 3 {
			break
		}
	}
	if n == 0 {
		return fs
	}
	if n <= 3 {
		pre[n-1] = len(w)
	}
	tp := [3]byte{tPre1, tPre2, tPre3}
	ts := [3]byte{tSuf1, tSuf2, tSuf3}
	for k := 0; k < 3; k++ {
		if pre[k] == 0 {
			break
		}
		fs = append(fs, f1(tp[k], w[:pre[k]]))
	}
	e := len(w)
	for k := 0; k < 3 && e > 0; k++ {
		_, sz := utf8.DecodeLastRuneInString(w[:e])
		e -= sz
		fs = append(fs, f1(ts[k], w[e:]))
	}
	return fs
}

func lastRunes(s string, k int) string {
	e := len(s)
	for ; k > 0 && e > 0; k-- {
		_, sz := utf8.DecodeLastRuneInString(s[:e])
		e -= sz
	}
	return s[e:]
}

// appendChar3 adds the character trigrams of "^core$".
func appendChar3(fs []uint64, core string) []uint64 {
	var rs [maxFeatRunes + 2]rune
	n := 0
	rs[n] = '^'
	n++
	for _, r := range core {
		if n >= maxFeatRunes+1 {
			break
		}
		rs[n] = r
		n++
	}
	rs[n] = '$'
	n++
	for i := 0; i+3 <= n; i++ {
		h := hashByte(fnvOffset, tChar3)
		for _, r := range rs[i : i+3] {
			h = hashByte(hashByte(h, byte(r)), byte(r>>8))
		}
		fs = append(fs, h)
	}
	return fs
}

// appendDoc adds the second-pass features of token i: the first pass's tag
// here and at ±1, and the tags the first pass gave the same word elsewhere
// in the document (names recur in an article, and a name tagged in a clear
// context elsewhere is evidence here: Krishnan & Manning 2006, Ratinov &
// Roth 2009).
func (f *featurizer) appendDoc(fs []uint64, i int) []uint64 {
	s1 := func(j int) byte {
		if j < 0 || j >= len(f.s1) {
			return 0xff
		}
		return byte(f.s1[j])
	}
	fs = append(fs, fb(tS1, s1(i)), fb(tS1Win, s1(i-1), s1(i), s1(i+1)))
	if f.set&FeatConf != 0 && f.conf != nil {
		cf := func(j int) uint16 {
			if j < 0 || j >= len(f.conf) {
				return 0xffff
			}
			return f.conf[j]
		}
		c := cf(i)
		fs = append(fs, fb(tConf, s1(i), byte(c)), fb(tConf2, s1(i), byte(c>>8)), fb(tConfWin, byte(cf(i-1)), byte(c), byte(cf(i+1))))
	}
	if f.set&FeatTagDist != 0 && f.tds != nil {
		fs = appendTagDist(fs, &f.tds[i])
		fs = append(fs, f.tdWin(tTDM1, i-1), f.tdWin(tTDP1, i+1))
		if f.set&FeatTagDistX != 0 {
			d := &f.tds[i]
			w := func(j int) (byte, byte) {
				if j < 0 || j >= len(f.tds) {
					return 0xfe, 0xfe
				}
				return f.tds[j].name, f.tds[j].arg
			}
			a, b := w(i - 1)
			c, e := w(i + 1)
			fs = append(fs, fb(tTDS1, s1(i), d.name, d.arg), fb(tTDWin, a, b, d.name, d.arg, c, e))
		}
	}
	c := &f.doc[i]
	var bits uint16
	total, best, arg := int32(0), int32(0), -1
	for t, n := range c {
		if n > 0 {
			bits |= 1 << t
		}
		total += n
		if t != tagO && n > best {
			best, arg = n, t
		}
	}
	if total == 0 {
		return append(fs, fb(tDocBits, 0xff))
	}
	fs = append(fs, fb(tDocBits, byte(bits), byte(bits>>8)))
	if arg >= 0 {
		// share of the other occurrences tagged as a name, in quarters
		q := byte(4 * best / total)
		fs = append(fs, fb(tDocMaj, byte(arg), q), fb(tDocMajW, byte(arg), s1(i)))
	}
	if f.set&FeatDocTrig != 0 && f.dtrig != nil {
		var b byte
		for v, n := range f.dtrig[i] {
			if v > 0 && n > 0 {
				b |= byte(v)
			}
		}
		fs = append(fs, fb(tDocTrig, b))
	}
	return fs
}

// docTrigOf is the trigger context of token i, counted for the same word
// elsewhere in the document (FeatDocTrig): the type bits (trigPER, trigLOC,
// trigORG) of the word before it, or, without one, 8 when a speech verb
// follows. A word once introduced by a title (المشير حفتر) is a name in its
// other occurrences too, where the title is left out. The value indexes a
// [numTags]int32 count, so it stays below numTags.
func docTrigOf(info []tokInfo, i int) int {
	if i > 0 {
		if b := info[i-1].trig & (trigPER | trigLOC | trigORG); b != 0 {
			return int(b)
		}
	}
	if i+1 < len(info) && info[i+1].trig&trigSpeech != 0 {
		return 8
	}
	return 0
}

// confOf buckets the first pass's emission scores of one token (before
// its O penalty and Viterbi): the low byte is the margin of the best name
// tag over O, the high byte the margin of the best type over the second
// best, each as a signed log2 bucket. The second pass learns how far to
// trust a first-pass tag from how clearly the first pass chose it.
func confOf(row []float32) uint16 {
	var best [4]float32
	for t := range best {
		best[t] = max(row[1+2*t], row[2+2*t])
	}
	b1, b2 := float32(-1e30), float32(-1e30)
	for _, v := range best {
		if v > b1 {
			b1, b2 = v, b1
		} else if v > b2 {
			b2 = v
		}
	}
	return uint16(logBucket(b1-row[tagO])) | uint16(logBucket(b1-b2))<<8
}

func logBucket(d float32) byte {
	neg := byte(0)
	if d < 0 {
		neg, d = 0x80, -d
	}
	n := byte(0)
	for d >= 1 && n < 20 {
		d /= 2
		n++
	}
	return neg | n
}
