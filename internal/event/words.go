package event

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
)

// word is one word or number of a sentence with its readings: the forms
// the lexicon is looked up under.
type word struct {
	Text       string   // original text
	Norm       string   // arabic.Normalize form
	Start, End int      // byte offsets in the document
	readings   []string // Norm and its clitic-stripped forms
	base       string   // Norm with the conjunction and article or preposition stripped
	future     bool     // carries the future prefix سـ (سيزور، وسيلتقي)
	number     bool     // a number in digits
	boundary   bool     // punctuation follows (، . ؛ : « » …): a clause boundary
	comma      bool     // a comma, full stop, semicolon or colon follows
	paren      bool     // inside brackets: "(يرأسها فايز السراج)"
	quoteOnly  bool     // the punctuation after it is quote marks only: «استشهاد» 26
	prep       string   // a one-letter preposition glued on (ب، ل، ك), or ""
}

func (w *word) has(form string) bool {
	for _, r := range w.readings {
		if r == form {
			return true
		}
	}
	return false
}

func (w *word) hasAny(forms []string) bool {
	for _, f := range forms {
		if w.has(f) {
			return true
		}
	}
	return false
}

// readingCache memoises readings per normalised word: news vocabulary is
// Zipfian, so most lookups hit. Safe for concurrent use; it stops growing at
// maxCached entries.
type readingCache struct {
	m sync.Map
	n atomic.Int64
}

type cachedReading struct {
	rs         []string
	base, prep string
	future     bool
}

const maxCached = 1 << 18

func (c *readingCache) get(w string) ([]string, string, string, bool) {
	if c == nil {
		return readings(w)
	}
	if v, ok := c.m.Load(w); ok {
		r := v.(*cachedReading)
		return r.rs, r.base, r.prep, r.future
	}
	rs, base, prep, fut := readings(w)
	if c.n.Load() < maxCached {
		if _, loaded := c.m.LoadOrStore(w, &cachedReading{rs, base, prep, fut}); !loaded {
			c.n.Add(1)
		}
	}
	return rs, base, prep, fut
}

// splitWords tokenises text[start:end] into words with document offsets.
func splitWords(text string, start, end int) []word {
	return splitWordsCached(nil, text, start, end)
}

// splitWordsCached is splitWords with a readings cache (nil: none). The
// readings slices are shared and must not be modified.
func splitWordsCached(c *readingCache, text string, start, end int) []word {
	toks := arabic.Tokenize(text[start:end])
	out := make([]word, 0, len(toks))
	depth := 0
	for _, t := range toks {
		switch t.Text {
		case "(", "[":
			depth++
		case ")", "]":
			if depth > 0 {
				depth--
			}
		}
		if !t.IsWord() {
			if len(out) > 0 && isBoundaryPunct(t.Text) {
				last := &out[len(out)-1]
				quote := strings.ContainsAny(t.Text, "«»\"“”") && strings.Trim(t.Text, "«»\"“” ") == ""
				last.quoteOnly = quote && (!last.boundary || last.quoteOnly)
				last.boundary = true
				switch t.Text {
				case "،", ",", ".", "؛", ";", ":":
					last.comma = true
				}
			}
			continue
		}
		w := word{Text: t.Text, Norm: t.Norm, Start: start + t.Start, End: start + t.End, number: t.Kind == arabic.KindNumber, paren: depth > 0}
		if t.Kind == arabic.KindArabic {
			w.readings, w.base, w.prep, w.future = c.get(t.Norm)
		} else {
			w.readings = []string{t.Norm}
			w.base = t.Norm
		}
		out = append(out, w)
	}
	return out
}

func isBoundaryPunct(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '،', ',', '.', '؛', ';', ':', '«', '»', '"', '“', '”', '(', ')', '!', '?', '؟', '-', '–', '—':
		return true
	}
	return false
}

// shortVerbs are the lexicon's verbs written with two letters (geminates:
// شنّ، حثّ): the conjunction before them is stripped too ("وشن سلاح الجو
// الليبي ضربات", "وحث الرئيس"), though a three-letter word keeps its و
// otherwise (وزن، وعد، فتح are words of their own).
var shortVerbs = normKeys(map[string]bool{"شن": true, "حث": true})

// Suffixes stripped from a word when it is looked up: subject endings of the
// past (ت وا ا تا) and present (ون ان ين), the plural ات, and object
// pronouns (ه ها هم هما). From Arabic verb morphology (Ryding, A Reference
// Grammar of Modern Standard Arabic, ch. 33-34).
var suffixes = []string{"هما", "هم", "ها", "ه", "وا", "ون", "ان", "ين", "ات", "تا", "ت", "ا"}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// Frequent news words that begin with و or ف as a root letter: not read as
// conjunction + word (وزارة is not و + زار + ة "and visited her").
var notConj = normKeys(map[string]bool{
	"وزاره": true, "وزارات": true, "وزير": true, "وزيره": true, "وزراء": true, "وزيرا": true, "وقت": true, "وضع": true, "وكاله": true,
	"وفد": true, "وفدا": true, "وفق": true, "وفقا": true, "ولايه": true, "ولايات": true, "وطني": true, "وطنيه": true, "وسط": true,
	"وصل": true, "وصول": true, "وصلت": true, "وقف": true, "وقع": true, "وقعت": true, "واقع": true, "وجود": true, "وحده": true, "وحدات": true,
	"وراء": true, "والي": true, "وثيقه": true, "وسائل": true, "واضح": true, "واسع": true, "واسعه": true, "وجه": true, "وجهت": true,
	"فريق": true, "فرنسا": true, "فرنسي": true, "فرنسيه": true, "فصائل": true, "فصيل": true, "فيسبوك": true, "فتره": true, "فتح": true,
	"فرض": true, "فرضت": true, "فشل": true, "فوز": true, "فقد": true, "فقط": true, "فيما": true, "فكره": true, "فلسطين": true,
	"فلسطيني": true, "فلسطينيه": true, "فندق": true, "فرع": true, "فرقه": true, "فجر": true, "فجرا": true, "فعل": true, "فعاليات": true,
})

// readings returns the forms under which a normalised word is looked up.
// Proclitics: the conjunctions و ف (keep 2 letters), the article ال and
// its fusions (بال لل كال), the prepositions ب ل ك and the future prefix س
// before a present-tense verb (keep 3 letters, so that بحث does not read حث).
func readings(w string) (rs []string, base, prep string, future bool) {
	rs = make([]string, 0, 8)
	add := func(s string) {
		for _, r := range rs {
			if r == s {
				return
			}
		}
		rs = append(rs, s)
	}
	add(w)
	stems := []string{w}
	c := w
	if (strings.HasPrefix(c, "و") || strings.HasPrefix(c, "ف")) && (runeLen(c) >= 4 && !notConj[w] || shortVerbs[c[len("و"):]]) {
		c = c[len("و"):]
		add(c)
		stems = append(stems, c)
	}
	base = c
	switch {
	case strings.HasPrefix(c, "لل") && runeLen(c) >= 4:
		prep = "ل"
		base = c[len("لل"):]
	case strings.HasPrefix(c, "بال") && runeLen(c) >= 5, strings.HasPrefix(c, "كال") && runeLen(c) >= 5:
		prep = c[:len("ب")]
		base = c[len("بال"):]
	case strings.HasPrefix(c, "ال") && runeLen(c) >= 4:
		base = c[len("ال"):]
	case (strings.HasPrefix(c, "ب") || strings.HasPrefix(c, "ل") || strings.HasPrefix(c, "ك")) && runeLen(c) >= 5:
		prep = c[:len("ب")]
		base = c[len("ب"):]
		add(base)
	case strings.HasPrefix(c, "س") && runeLen(c) >= 5:
		r, _ := utf8.DecodeRuneInString(c[len("س"):])
		if (r == 'ي' || r == 'ت' || r == 'ن' || r == 'ا') && !futureNoun(c) {
			future = true
			base = c[len("س"):]
		}
	}
	if base != c {
		add(base)
		stems = append(stems, base)
	}
	n := len(stems)
	for i := 0; i < n; i++ {
		s := stems[i]
		for round := 0; round < 2; round++ {
			stripped := false
			for _, suf := range suffixes {
				if strings.HasSuffix(s, suf) && runeLen(s)-runeLen(suf) >= 3 {
					s = s[:len(s)-len(suf)]
					add(s)
					stems = append(stems, s)
					stripped = true
					break
				}
			}
			if !stripped {
				break
			}
		}
	}
	// Present-tense person prefixes ت ن أ read as the 3ms ي (تستقبل → يستقبل).
	for _, s := range stems {
		r, sz := utf8.DecodeRuneInString(s)
		if (r == 'ت' || r == 'ن' || r == 'ا') && runeLen(s) >= 4 {
			add("ي" + s[sz:])
		}
	}
	return rs, base, prep, future
}

// futureNouns are words that the سـ reading would take for future verbs but
// are nouns, names or past verbs (read on arabic-news: "سيارتين عسكريتين
// يقودهما انتحاريان فجرا"، "بعد ساعتين من تنحي مبارك"، "بعد ثلاث سنوات
// على إطلاق النار" were coded planned). Prefixes of the normalised word
// without a conjunction, folded by normList (سائق is سايق).
var futureNouns = normList([]string{
	"سيار", "سياس", "سياح", "سياد", "سياق", "سيطر", "سينا", "سيده", "سيدات", "سيدي", "سيدني", "سينم", "سيول", "سيف",
	"ساع", "ساب", "سائ", "ساه", "سار", "ساح", "سالم", "سامي", "سامس", "سانت", "ساكن", "سادس", "ساق", "ساحل",
	"سنوات", "سنوي", "سنه", "سنتين", "سنتات", "سنغ", "ستاد", "ستار", "ستاندر", "ستانف", "ستالين", "ستيف", "ستين", "ستون", "سته",
})

// futureNoun reports a word (without its conjunction) that begins with س
// but is one of futureNouns.
func futureNoun(c string) bool {
	for _, p := range futureNouns {
		if strings.HasPrefix(c, p) {
			return true
		}
	}
	return false
}

// normKeys folds the keys of a word table with arabic.Normalize, so that
// tables can be written in ordinary spelling (مئات، يؤكد) and looked up
// with normalised words (ميات، يوكد).
func normKeys[V any](m map[string]V) map[string]V {
	out := make(map[string]V, len(m))
	for k, v := range m {
		out[arabic.Normalize(k)] = v
	}
	return out
}

// normList folds a word list with arabic.Normalize.
func normList(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = arabic.Normalize(w)
	}
	return out
}
