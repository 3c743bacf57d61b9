package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
)

// Lexicon holds the tagger's word lists: gazetteers (names of places,
// persons and organisations), word clusters learned from unlabelled news,
// and trigger words. It is built once and read-only afterwards.
type Lexicon struct {
	gaz       map[uint64]uint8   // hash of a phrase's token cores → type bits (gazPER …) | gazPrefix
	gazMaxLen int                // longest phrase, in tokens
	gazWords  map[string]uint8   // one-word entries by their full normalised form → type bits
	clusters  map[string]cluster // normalised word → its k-means and Brown clusters (one lookup for both)
	triggers  map[string]uint8   // core of a trigger word → trigger bits
	names     map[string]uint8   // core of a name mined from news → nameFirst | nameSecond
	td        map[string]tagDist // core → how a first model tagged it in the news (WithTagDist; nil without)
	tdn       map[string]tagDist // normalised form → the same, where the list has normalised forms (looked up first)
	hash      uint64             // fingerprint of the inputs, stored in models trained with it
	tdHash    uint64             // with td: the fingerprint that also covers the tag distributions
}

// hashFor is the fingerprint a model with features fs records: the tag
// distributions count only for models that use them, so a model trained
// without them (the one that tags the news for them) runs with either.
func (lx *Lexicon) hashFor(fs FeatureSet) uint64 {
	if fs&FeatTagDist != 0 && lx.td != nil {
		return lx.tdHash
	}
	return lx.hash
}

type cluster struct {
	coarse, fine int16 // two levels of a hierarchical clustering
	freq         uint8 // ⌊log2(count+1)⌋ in the unlabelled corpus
	has          uint8 // hasKMeans | hasBrown: which of the two tables list the word
	br           brownPath
}

const (
	hasKMeans uint8 = 1 << iota // clusters.tsv.gz: coarse, fine, freq
	hasBrown                    // brown.tsv.gz: br
)

// brownPath is a word's Brown cluster: the first n (≤ 24) bits of its
// path in the cluster tree, most significant first.
type brownPath struct {
	bits uint32
	n    uint8
	tree uint8 // 0: the shipped tree; 1: a second tree for words the first lacks (experiments: a third column "2")
}

// prefix returns the first k bits of the path (all of it when shorter).
func (b brownPath) prefix(k int) (uint32, uint8) {
	if int(b.n) <= k {
		return b.bits, b.n
	}
	return b.bits >> (uint(b.n) - uint(k)), uint8(k)
}

// Gazetteer type bits (tag order).
const (
	gazPER uint8 = 1 << iota
	gazORG
	gazLOC
	gazMISC
	gazPrefix // a longer phrase starts with these tokens
)

// Mined-name bits (names.tsv.gz).
const (
	nameFirst  uint8 = 1 << iota // seen as the first word of a name after a title
	nameSecond                   // seen as the word after it
	nameOrg                      // seen after an organisation head (حركة حماس)
	nameMisc                     // seen after an event, prize or agreement head (كأس العالم)
)

// Trigger bits: words that announce a name of one type.
const (
	trigPER    uint8 = 1 << iota // titles before a person: الرئيس، المشير، وزير
	trigLOC                      // place nouns before a place: مدينة، بلدة، قاعدة
	trigORG                      // organisation nouns: وكالة، صحيفة، حزب
	trigSpeech                   // speech verbs after a person: قال، أكد، أعلن
)

// triggerWords lists the trigger words by type. They are common Arabic news
// vocabulary (titles, place and organisation nouns, speech verbs) written as
// in the text; they are matched on their core (normalised, proclitics and
// article removed), so الرئيس, والرئيس and للرئيس all match رئيس.
var triggerWords = map[uint8][]string{
	trigPER: {
		"الرئيس", "الرئيسة", "المشير", "الفريق", "اللواء", "العميد", "العقيد", "المقدم", "الرائد", "النقيب",
		"وزير", "وزيرة", "الوزير", "السيد", "السيدة", "الشيخ", "الملك", "الملكة", "الأمير", "الأميرة",
		"الدكتور", "الدكتورة", "المهندس", "الأستاذ", "الناطق", "المتحدث", "السفير", "المبعوث", "النائب",
		"الزعيم", "القائد", "قائد", "المستشار", "الإمام", "البابا", "الكاردينال", "القاضي", "المحامي", "الحاج",
		"المدرب", "اللاعب", "الفنان", "الفنانة", "الكاتب", "الشاعر", "الصحفي", "المراسل", "رئيس", "نائب",
		"الأمين", "مدير", "المدير", "محافظ", "المحافظ", "سمو", "معالي", "فخامة", "جلالة", "المطران", "ابن", "بن", "أبو",
	},
	trigLOC: {
		"مدينة", "بلدة", "قرية", "منطقة", "ولاية", "محافظة", "العاصمة", "عاصمة", "جزيرة", "قاعدة",
		"ميناء", "مطار", "إقليم", "دولة", "حي", "شارع", "نهر", "بحر", "جبل", "مخيم", "ساحل", "صحراء",
		"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "ضواحي", "قرب", "بلاد", "جمهورية", "مملكة",
	},
	trigORG: {
		"وكالة", "صحيفة", "حزب", "تنظيم", "لواء", "كتيبة", "حركة", "جماعة", "منظمة", "شركة", "جامعة", "مجلس",
		"وزارة", "جمعية", "اتحاد", "بنك", "مصرف", "قناة", "إذاعة", "هيئة", "مؤسسة", "جبهة", "ميليشيا", "ميليشيات",
		"قوات", "جيش", "بعثة", "لجنة", "نادي", "مجموعة", "تحالف", "رابطة", "مكتب", "محكمة", "برلمان", "مركز", "معهد", "فريق",
	},
	trigSpeech: {
		"قال", "قالت", "أكد", "أكدت", "أعلن", "أعلنت", "أضاف", "أضافت", "صرح", "أوضح", "أوضحت", "أشار", "أشارت",
		"ذكر", "ذكرت", "يقول", "تقول", "اعتبر", "طالب", "دعا", "نفى", "حذر", "وصف", "التقى", "استقبل",
	},
}

// ParseLexicon builds a Lexicon from the compiled gazetteer, clusters,
// names and Brown cluster files (gzip'd TSV, as written by the generator in
// ./gen). Any may be nil.
func ParseLexicon(gazGz, clustersGz, namesGz, brownGz []byte) (*Lexicon, error) {
	lx := &Lexicon{gaz: map[uint64]uint8{}, gazWords: map[string]uint8{}, clusters: map[string]cluster{}, triggers: map[string]uint8{}, names: map[string]uint8{}}
	fp := fnv.New64a()
	fp.Write([]byte("marsad-ner-lexicon-1\x00"))
	for bit, words := range triggerWords {
		for _, w := range words {
			_, c := splitCore(arabic.Normalize(w))
			lx.triggers[c] |= bit
		}
	}
	for _, bit := range []uint8{trigPER, trigLOC, trigORG, trigSpeech} {
		for _, w := range triggerWords[bit] {
			fmt.Fprintf(fp, "%d %s\n", bit, w)
		}
	}
	if len(gazGz) != 0 {
		fp.Write(gazGz)
		err := eachTSV(gazGz, func(f []string) error {
			if len(f) != 2 {
				return fmt.Errorf("want 2 columns, got %d", len(f))
			}
			var bit uint8
			switch f[0] {
			case "PER":
				bit = gazPER
			case "ORG":
				bit = gazORG
			case "LOC":
				bit = gazLOC
			case "MISC":
				bit = gazMISC
			default:
				return fmt.Errorf("unknown type %q", f[0])
			}
			lx.addPhrase(f[1], bit)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("ner: gazetteer: %w", err)
		}
	}
	if len(clustersGz) != 0 {
		fp.Write(clustersGz)
		err := eachTSV(clustersGz, func(f []string) error {
			if len(f) != 4 {
				return fmt.Errorf("want 4 columns, got %d", len(f))
			}
			c1, err1 := strconv.Atoi(f[1])
			c2, err2 := strconv.Atoi(f[2])
			fr, err3 := strconv.Atoi(f[3])
			if err1 != nil || err2 != nil || err3 != nil {
				return fmt.Errorf("bad numbers in %q", strings.Join(f, "\t"))
			}
			c := lx.clusters[f[0]]
			c.coarse, c.fine, c.freq, c.has = int16(c1), int16(c2), uint8(fr), c.has|hasKMeans
			lx.clusters[f[0]] = c
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("ner: clusters: %w", err)
		}
	}
	if len(namesGz) != 0 {
		fp.Write(namesGz)
		err := eachTSV(namesGz, func(f []string) error {
			if len(f) != 2 {
				return fmt.Errorf("want 2 columns, got %d", len(f))
			}
			var b uint8
			if strings.Contains(f[1], "F") {
				b |= nameFirst
			}
			if strings.Contains(f[1], "L") {
				b |= nameSecond
			}
			if strings.Contains(f[1], "O") {
				b |= nameOrg
			}
			if strings.Contains(f[1], "M") {
				b |= nameMisc
			}
			_, c := splitCore(f[0])
			lx.names[c] |= b
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("ner: names: %w", err)
		}
	}
	if len(brownGz) != 0 {
		fp.Write(brownGz)
		err := eachTSV(brownGz, func(f []string) error {
			if len(f) < 2 || len(f) > 3 || f[1] == "" {
				return fmt.Errorf("want word and bit string, got %q", strings.Join(f, "\t"))
			}
			var p brownPath
			if len(f) == 3 && f[2] == "2" {
				p.tree = 1
			}
			for i := 0; i < len(f[1]) && i < 24; i++ {
				switch f[1][i] {
				case '0':
					p.bits <<= 1
				case '1':
					p.bits = p.bits<<1 | 1
				default:
					return fmt.Errorf("bad bit string %q", f[1])
				}
				p.n++
			}
			c := lx.clusters[f[0]]
			c.br, c.has = p, c.has|hasBrown
			lx.clusters[f[0]] = c
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("ner: brown: %w", err)
		}
	}
	lx.hash = fp.Sum64()
	return lx, nil
}

// addPhrase adds a gazetteer phrase (normalised tokens separated by spaces).
func (lx *Lexicon) addPhrase(phrase string, bit uint8) {
	toks := strings.Fields(phrase)
	if len(toks) == 0 {
		return
	}
	if len(toks) == 1 {
		lx.gazWords[toks[0]] |= bit
	}
	h := gazSeed
	for i, t := range toks {
		_, c := splitCore(t)
		h = gazStep(h, c)
		if i < len(toks)-1 {
			lx.gaz[h] |= gazPrefix
		}
	}
	lx.gaz[h] |= bit
	if len(toks) > lx.gazMaxLen {
		lx.gazMaxLen = len(toks)
	}
}

const gazSeed uint64 = 14695981039346656037

// gazStep extends a phrase hash by one token core.
func gazStep(h uint64, core string) uint64 {
	for i := 0; i < len(core); i++ {
		h ^= uint64(core[i])
		h *= 1099511628211
	}
	h ^= 0x1f // token separator
	h *= 1099511628211
	return h
}

func eachTSV(gz []byte, fn func([]string) error) error {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if err := fn(strings.Split(s, "\t")); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil && err != io.EOF {
		return err
	}
	return nil
}

// Brown returns the Brown cluster of a normalised word (arabic.Normalize),
// else of its core (conjunction, glued preposition and article removed), as
// the tagger looks it up: the bit string of its path in the cluster tree,
// most significant bit first, and false when neither form is listed.
func (lx *Lexicon) Brown(norm string) (string, bool) {
	c, ok := lx.clusters[norm]
	if !ok || c.has&hasBrown == 0 {
		_, core := splitCore(norm)
		if c, ok = lx.clusters[core]; !ok || c.has&hasBrown == 0 {
			return "", false
		}
	}
	b := make([]byte, c.br.n)
	for i := range b {
		b[i] = '0' + byte(c.br.bits>>(uint(c.br.n)-1-uint(i))&1)
	}
	return string(b), true
}
