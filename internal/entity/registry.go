package entity

import (
	"crypto/sha1"
	"encoding/hex"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

// Registry gives entities one id across articles: "فايز السراج" in one
// article and "فائز السراج" in another get the same id. It maps (type,
// normalised canonical name) and (type, normalised alias) keys to ids.
//
// Ids are deterministic: an entity's id is derived from its type and the
// normalised name it was first registered under (per:3f2a…), so the same
// articles in the same order always give the same ids, and an id does not
// depend on how many other entities were seen before it. It is safe for
// concurrent use.
type Registry struct {
	mu      sync.RWMutex
	byKey   map[string]string         // type \x00 key → id
	entries map[string]*RegistryEntry // id → entry
}

// RegistryEntry is what the registry knows of one entity.
type RegistryEntry struct {
	ID      string
	Type    string
	Name    string   // canonical name when first registered
	Aliases []string // other names it was registered under, in order seen
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{byKey: map[string]string{}, entries: map[string]*RegistryEntry{}}
}

// nameKey is the registry key of a name of type typ: its normalised words,
// the first without the article for a name of several words other than a
// person's (نيويورك تايمز / النيويورك تايمز, البلاي ستيشن). The other words
// keep it, or descriptions would meet names (منظمة دولية "an international
// organisation" / المنظمة الدولية, مجلس شورى / مجلس الشورى); a person's
// name and a one-word name keep it too: محمد الناصر is not محمد ناصر (Gulf
// family names take the article, given names do not), الأحمد not أحمد,
// المشهد not مشهد, البنين not بنين.
func nameKey(typ, name string) string {
	return wordsKey(typ, normWords(name))
}

func wordsKey(typ string, ws []string) string {
	if len(ws) > 1 && typ != model.PER {
		ws = append([]string{stripAl(ws[0])}, ws[1:]...)
	}
	return strings.Join(ws, " ")
}

// keysOf returns the lookup keys of an entity, strongest first: the
// canonical name, its multi-word aliases (a lone surname or a bare word such
// as المرصد names different entities in different articles), and for
// persons the skeleton of the canonical name (وليامز/ويليامز).
func keysOf(e model.Entity) []string {
	if genericBody(e) {
		return nil // each article's own: which country's, city's or company's body is not said
	}
	var keys []string
	add := func(k string) {
		if k == "" {
			return
		}
		for _, x := range keys {
			if x == k {
				return
			}
		}
		keys = append(keys, k)
	}
	canon := nameKey(e.Type, e.Name)
	add(canon)
	cw := normWords(e.Name)
	for _, a := range e.Aliases {
		aw := normWords(a)
		if len(aw) < 2 {
			continue
		}
		if !aliasKey(e.Type, cw, aw) {
			continue
		}
		add(wordsKey(e.Type, aw))
	}
	if e.Type == model.PER && strings.Contains(canon, " ") {
		add("~" + skeletonKey(canon))
	}
	return keys
}

// genericBody reports an organisation named by the head of a body that
// every state, city or company has (lexicon class body: وزارة, هيئة, مجلس,
// بلدية, البنك المركزي, جمعية, شركة …) and common words alone: وزارة
// الداخلية, هيئة السياحة, المجلس البلدي, جمعية البر الخيرية, شركة
// الكهرباء. Across articles such a name says nothing of which country's,
// city's or company's body is meant, so each article keeps its own
// entity. A word that says which makes it a name: a place (بلدية طرابلس),
// a country's or an international nisba (البنك المركزي الليبي, البنك
// المركزي الأوروبي, منظمة الصحة العالمية), a title and the person after it
// (مؤسسة الملك خالد), a rare word (a proper name: بنك الإثمار, جمعية
// زمزم); and so does a curated well-known name (data/orgs.tsv: مجلس الأمن,
// المؤسسة الوطنية للنفط).
func genericBody(e model.Entity) bool {
	ws := normWords(e.Name)
	if e.Type != model.ORG || len(ws) < 2 {
		return false
	}
	lx, err := loadLexicon()
	if err != nil {
		return false
	}
	n := lx.match(classBody, ws)
	if n == 0 || strings.HasPrefix(ws[0], "و") && !lx.has(classBody, ws[0]) {
		return false // وزارة… only as written: no conjunction
	}
	gaz, err := LoadGazetteer()
	if err != nil {
		return false
	}
	kn, err := loadKnownNames()
	if err != nil {
		return false
	}
	if kn.known(ws) {
		return false
	}
	ministry := stripAl(ws[0]) == "وزاره"
	for _, w := range ws[n:] {
		if !genericWord(lx, gaz, w) && !(ministry && !properWord(lx, gaz, w)) {
			return false
		}
	}
	return true
}

// genericWord reports whether w (normalised), a word of a body's name after
// its head, is a common word that names no one thing: a function word, or a
// word frequent in Arabic news (arabic.WordFreq, as written or once a
// proclitic is set aside: لحقوق, بالمعروف) that is no place, no nisba of a
// country or of an international scope, no title or name particle (مؤسسة
// الملك خالد, جامعة أم القرى) and no family name (a definite nisba the news
// hardly writes bare: مصرف الراجحي). A definite word is common from
// minGenericFreq on (السياحة 254, التدريس 53); an indefinite one, which
// transliterated names are, from minGenericBareFreq (كبار 167, حقوق 267;
// not هارفارد 49, جوجل 78, سابك 98).
func genericWord(lx *lexicon, gaz *Gazetteer, w string) bool {
	proper := func(w string) bool { return properWord(lx, gaz, w) }
	common := func(w string) bool {
		if strings.HasPrefix(w, "ال") {
			return arabic.WordFreq(w) >= minGenericFreq
		}
		return arabic.WordFreq(w) >= minGenericBareFreq
	}
	if proper(w) {
		return false
	}
	if !strings.HasPrefix(w, "ال") && (lx.has(classFunction, w) || arabic.IsStopword(w)) {
		return true
	}
	if common(w) {
		return true
	}
	for _, s := range cliticSplits(w) {
		if proper(s.word) {
			return false
		}
		if common(s.word) {
			return true
		}
	}
	return false
}

// properWord reports a word of a body's name that says which body it is
// whatever its frequency: a place, a country's or an international nisba, a
// title or name particle, a family name (a definite nisba the news hardly
// writes bare). A ministry's portfolio is generic unless it has one (وزارة
// المعارف: a rare word, still every state's ministry).
func properWord(lx *lexicon, gaz *Gazetteer, w string) bool {
	if placeWord(gaz, w) || lx.has(classRank, w) || nameParticles[w] || fatherLink(w) || lx.has(classScope, w) {
		return true
	}
	if _, ok := gaz.NisbaCountry(w); ok {
		return true
	}
	return isDefiniteNisba(w) && arabic.WordFreq(stripAl(w)) < 5
}

// placeWord reports a word that names a place as written: a definite word
// matches a foreign place stored without the article only when that is an
// Arab town (البصرة, جامعة الطائف; not هيئة الري for Rey, as the place
// finder reads المشهد). The body's head is a cue, as مدينة is: a place that
// is more often a common word counts (الطائف).
func placeWord(gaz *Gazetteer, w string) bool {
	ps := gaz.lookupText(w)
	return len(ps) > 0 && !(strings.HasPrefix(w, "ال") && len(gaz.places[w]) == 0 && !anyArab(ps))
}

// Corpus frequencies (arabic.WordFreq) from which a word in a body's name is
// a common word rather than a proper name: with the article, without it.
const (
	minGenericFreq     = 30
	minGenericBareFreq = 100
)

// aliasKey reports whether alias (normalised words, two or more) is a key
// of the entity named canon across articles. An article's aliases are
// what its resolver linked, and a wrong link there would join two
// entities store-wide, so only aliases that are forms of the name count:
// for a person, an alias with the same first and last words in another
// spelling or with middle names (باراك أوباما of باراك حسين أوباما), not
// a compound alone (عبد العزيز) nor a title (ولي ولي العهد) nor another
// father (فهد بن محمد بن عبد العزيز, فهد بن عبد العزيز); for another
// type, the name with a head or complement (تنظيم داعش of داعش), never a
// shorter form (البنك المركزي of البنك المركزي الياباني) nor another
// name the article linked (الاتحاد السعودي to الاتحاد الدولي لكرة القدم).
func aliasKey(typ string, canon, alias []string) bool {
	if len(alias) < 2 || len(canon) == 0 {
		return false
	}
	if typ == model.PER {
		if len(alias) == 2 && nameParticles[alias[0]] {
			return false
		}
		if len(canon) < 2 || !sameWord(alias[0], canon[0], true) {
			return false
		}
		// a compound first name is two words: عبد الناصر is not عبد اللطيف
		if nameParticles[canon[0]] && (len(alias) < 3 || len(canon) < 3 || !sameWord(alias[1], canon[1], false)) {
			return false
		}
		// X بن Y names Y's son: فهد بن عبد العزيز is not فهد بن محمد بن
		// عبد العزيز; the shorter name is the longer one's start (سلمان
		// بن عبدالعزيز of سلمان بن عبدالعزيز آل سعود)
		if fatherLink(alias[1]) || fatherLink(canon[1]) {
			if len(alias) < 3 || len(canon) < 3 || !fatherLink(alias[1]) || !fatherLink(canon[1]) || !sameWord(alias[2], canon[2], false) {
				return false
			}
			short, long := alias, canon
			if len(short) > len(long) {
				short, long = long, short
			}
			for i := range short {
				if !sameWord(short[i], long[i], false) {
					return sameWord(alias[len(alias)-1], canon[len(canon)-1], false) && len(alias) == len(canon)
				}
			}
			return true
		}
		return sameWord(alias[len(alias)-1], canon[len(canon)-1], true)
	}
	return len(alias) > len(canon) && subsequence(canon, alias, false)
}

// skeletonKey is the skeleton of each word of five letters or more, marked
// with a * so that it meets only another long word's skeleton, as in
// sameWord (محمود is no spelling of محمد). A word with the article keeps
// its letters: Arabic family names differ by a long vowel (الثاني /
// الثني, الحسين / الحسن, السعيد / السعد), transliterated names, which
// the skeleton is for (وليامز / ويليامز), do not take the article; nor
// does a compound written as one word (عبدالله / عبدالاله), nor a word
// common in Arabic news (سليمان / سلمان, محمود, عثمان: transliterated names
// are rare words: وليامز 5, نتانياهو 10, فالكاو 25 in arabic.WordFreq).
func skeletonKey(k string) string {
	ws := strings.Fields(k)
	for i, w := range ws {
		if utf8.RuneCountInString(w) >= 5 && !strings.HasPrefix(w, "ال") && !strings.HasPrefix(w, "عبد") && arabic.WordFreq(w) < maxSkeletonFreq {
			ws[i] = skeleton(w) + "*"
		}
	}
	return strings.Join(ws, " ")
}

// Lookup returns the id registered for a name of type typ, if any.
func (r *Registry) Lookup(typ, name string) (string, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	id, ok := r.byKey[typ+"\x00"+nameKey(typ, name)]
	return id, ok
}

// Entry returns the entry of id.
func (r *Registry) Entry(id string) (RegistryEntry, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	e, ok := r.entries[id]
	if !ok {
		return RegistryEntry{}, false
	}
	out := *e
	out.Aliases = append([]string(nil), e.Aliases...)
	return out, true
}

// Len returns the number of entities registered.
func (r *Registry) Len() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.entries)
}

// Resolve returns the store-wide id of e, registering it (and its names as
// new keys) when none of its keys is known. Keys already pointing to
// another entity are left alone: the first registration wins.
func (r *Registry) Resolve(e model.Entity) string {
	keys := keysOf(e)
	if len(keys) == 0 && e.Name == "" {
		return ""
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(keys) == 0 {
		// a name that says nothing across articles (genericBody): an
		// entity of this article alone
		id := ""
		for n := len(r.entries) + 1; id == "" || r.entries[id] != nil; n++ {
			id = newID(e.Type, "\x00"+e.Name+"#"+itoa(n))
		}
		r.entries[id] = &RegistryEntry{ID: id, Type: e.Type, Name: e.Name, Aliases: append([]string(nil), e.Aliases...)}
		return id
	}
	id := ""
	for _, k := range keys {
		if x, ok := r.byKey[e.Type+"\x00"+k]; ok {
			id = x
			break
		}
	}
	if id == "" {
		id = newID(e.Type, keys[0])
		for n := 2; r.entries[id] != nil; n++ { // a hash collision: practically never
			id = newID(e.Type, keys[0]+"#"+itoa(n))
		}
		r.entries[id] = &RegistryEntry{ID: id, Type: e.Type, Name: e.Name}
	}
	ent := r.entries[id]
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if n != ent.Name && !contains(ent.Aliases, n) {
			ent.Aliases = append(ent.Aliases, n)
		}
	}
	for _, k := range keys {
		if _, ok := r.byKey[e.Type+"\x00"+k]; !ok {
			r.byKey[e.Type+"\x00"+k] = id
		}
	}
	return id
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func newID(typ, key string) string {
	h := sha1.Sum([]byte(typ + "\x00" + key))
	return strings.ToLower(typ) + ":" + hex.EncodeToString(h[:6])
}

// Add registers e under a known id (a store reloading the entities it
// persisted); its keys are added where free, as in Resolve.
func (r *Registry) Add(id string, e model.Entity) {
	if id == "" {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	ent := r.entries[id]
	if ent == nil {
		ent = &RegistryEntry{ID: id, Type: e.Type, Name: e.Name}
		r.entries[id] = ent
	}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if n != ent.Name && !contains(ent.Aliases, n) {
			ent.Aliases = append(ent.Aliases, n)
		}
	}
	for _, k := range keysOf(e) {
		if _, ok := r.byKey[e.Type+"\x00"+k]; !ok {
			r.byKey[e.Type+"\x00"+k] = id
		}
	}
}

// Entries returns every entry, sorted by id, for persisting.
func (r *Registry) Entries() []RegistryEntry {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]RegistryEntry, 0, len(r.entries))
	for _, e := range r.entries {
		c := *e
		c.Aliases = append([]string(nil), e.Aliases...)
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Cross-article keys for stores (internal/store resolves entities across
// articles with them, keeping the keys in its database). They follow the
// registry's rules.

// MatchKeys returns the exact lookup keys of e, strongest first, each
// prefixed with its type: the normalised canonical name (nameKey), its
// multi-word aliases, and for persons with a multi-word name
// the skeleton of that name (وليامز/ويليامز). A lone one-word name is a key
// too: it is what a later article naming the same one word finds.
func MatchKeys(e model.Entity) []string {
	ks := keysOf(e)
	for i, k := range ks {
		sep := ":"
		if strings.HasPrefix(k, "~") {
			sep, k = "~", k[1:]
		}
		ks[i] = e.Type + sep + k
	}
	return ks
}

// LoneWord returns the normalised word of a person named by one word only
// (حفتر, السراج), which may be the surname of a full name stored
// before; "" for other entities, name particles and definite nisbas: a
// tribe or family name such as الغامدي, الزهراني is shared by too many
// people for the one full name a store holds to be the right one.
func LoneWord(e model.Entity) string {
	if e.Type != model.PER {
		return ""
	}
	ws := normWords(e.Name)
	if len(ws) != 1 || nameParticles[ws[0]] || utf8.RuneCountInString(ws[0]) < 3 || isDefiniteNisba(ws[0]) {
		return ""
	}
	return ws[0]
}

// NameEnds returns the first and last words (normalised) of a person's name of two words or more; last is "" when it is
// no surname by itself: the second part of a compound (عبد الله, أبو بكر)
// or a father's name (محمد بن سلمان).
func NameEnds(typ, name string) (first, last string) {
	if typ != model.PER {
		return "", ""
	}
	ws := normWords(name)
	if len(ws) < 2 {
		return "", ""
	}
	first = ws[0]
	prev := ws[len(ws)-2]
	if !nameParticles[prev] && !fatherLink(prev) && prev != "ال" && !nameParticles[ws[len(ws)-1]] {
		last = ws[len(ws)-1]
	}
	return first, last
}

// Fuller reports whether cand is a fuller name of the entity named cur: more
// words (at most maxNameWords), and cur's words in it in order (spellings
// compared as within an article: فايز السراج → فايز مصطفى السراج).
func Fuller(typ, cur, cand string) bool {
	cw, nw := normWords(cur), normWords(cand)
	if len(nw) <= len(cw) || len(nw) > maxNameWords || len(cw) == 0 {
		return false
	}
	return subsequence(cw, nw, typ == model.PER)
}

// maxSkeletonFreq is the corpus frequency (arabic.WordFreq) from which a
// word is an Arabic word or name rather than a transliteration, and keeps
// its long vowels in skeleton keys.
const maxSkeletonFreq = 60

// maxNameWords bounds the canonical names Fuller accepts: longer ones are
// mostly a tagger's run-on spans.
const maxNameWords = 6
