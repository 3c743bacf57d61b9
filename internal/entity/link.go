package entity

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return &unionFind{parent: p}
}

func (u *unionFind) grow(n int) {
	for len(u.parent) < n {
		u.parent = append(u.parent, len(u.parent))
	}
}

func (u *unionFind) find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

// union joins two groups; the root is the one mentioned first, so group
// ids follow text order.
func (u *unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
}

// maxFuzzyForms bounds the pairwise comparison of distinct name forms, so
// that a pathological article (thousands of distinct names) stays linear;
// news articles have a few dozen.
const maxFuzzyForms = 500

// form is one distinct (type, name) in the article with its items.
type form struct {
	typ   string
	words []string
	core  []string
	cc    string
	items []int // indexes into items, in text order
}

func (f *form) first() int { return f.items[0] }

// link applies the name-matching rules.
func (r *Resolver) link(items []*item, uf *unionFind) {
	// 1. Identical names (with and without the article, any type: one sense
	// per discourse), and for places without spaces (أبو قرين / أبوقرين).
	byKey := map[string]int{}
	for i, it := range items {
		k := it.key()
		if it.typ == model.LOC {
			k = strings.ReplaceAll(k, " ", "")
		}
		if j, ok := byKey[k]; ok {
			uf.union(j, i)
		} else {
			byKey[k] = i
		}
	}
	// Distinct forms by type.
	var forms []*form
	idx := map[string]*form{}
	for i, it := range items {
		k := it.typ + "\x00" + strings.Join(it.words, " ") + "\x00" + it.nisbaCC
		f := idx[k]
		if f == nil {
			f = &form{typ: it.typ, words: it.words, core: it.core, cc: it.nisbaCC}
			idx[k] = f
			forms = append(forms, f)
		}
		f.items = append(f.items, i)
	}
	// 2. Organisations with one core (قوات الوفاق, حكومة الوفاق, الوفاق).
	coreIdx := map[string]*form{}
	for _, f := range forms {
		if f.typ != model.ORG {
			continue
		}
		k := caseFold(alKey(f.core))
		if len(f.core) == 2 && militiaHeads[stripConj(f.core[0])] && isDefiniteNisba(f.core[1]) {
			// ميليشيات الحوثي: the militias of the nisba's group, the
			// plural الحوثيين (orgCore keeps a nisba after its head whole);
			// the bare nisba stays apart, it is also a family name
			k = caseFold(alKey(f.core[1:])) + "ين"
		}
		if s, ok := orgSynonyms[k]; ok {
			k = s
		}
		if g, ok := coreIdx[k]; ok && (g.cc == f.cc || g.cc == "" || f.cc == "") {
			uf.union(g.first(), f.first())
		} else if !ok {
			coreIdx[k] = f
		}
	}
	r.linkCountries(forms, uf)
	r.linkSamePlace(forms, uf)
	r.linkEpithets(forms, uf)
	linkHeaded(forms, uf)
	if len(forms) > maxFuzzyForms {
		return
	}
	// 3. Persons: the same full name in another spelling.
	for i, f := range forms {
		if f.typ != model.PER {
			continue
		}
		for _, g := range forms[i+1:] {
			if g.typ != model.PER || len(g.words) != len(f.words) {
				continue
			}
			same := true
			for k := range f.words {
				if !sameWord(f.words[k], g.words[k], r.opt.Fuzzy) {
					same = false
					break
				}
			}
			if same {
				uf.union(f.first(), g.first())
			}
		}
	}
	// 4. A shorter name to the fuller one: the surname alone, or first name
	// and surname (إينزو ميلانيزي → إينزو موافيرو ميلانيزي). A one-word name
	// of another type joins a person whose surname it is (the tagger's type
	// is outvoted: السراج is also a Tripoli suburb, but not in an article
	// that names فائز السراج), unless it is a country's name.
	for _, f := range forms {
		var cands []*form
		for _, g := range forms {
			if g == f || g.typ != model.PER || len(g.words) <= len(f.words) {
				continue
			}
			if f.typ != model.PER && (len(f.words) > 1 || r.isCountry(f.words[0])) {
				continue
			}
			// across types only the exact surname counts
			fuzzy := r.opt.Fuzzy && f.typ == model.PER
			if !sameWord(f.words[len(f.words)-1], g.words[len(g.words)-1], fuzzy) {
				continue
			}
			// عبد الله is no surname الله; the compound must be whole
			if len(f.words) == 1 && len(g.words) >= 2 && nameParticles[g.words[len(g.words)-2]] {
				continue
			}
			// the word after بن is the father's name, not a surname: سلمان
			// alone is not محمد بن سلمان
			if len(f.words) == 1 && len(g.words) >= 2 && fatherLink(g.words[len(g.words)-2]) {
				continue
			}
			if subsequence(f.words, g.words, fuzzy) && !startsAtFather(f.words, g.words, fuzzy) && sameLineage(f.words, g.words, fuzzy) {
				cands = append(cands, g)
			}
		}
		r.joinNearest(items, uf, f, cands)
	}
	// 4a. A nasab to its longer form (محمد بن سلمان → محمد بن سلمان بن
	// عبدالعزيز, سلمان بن عبدالعزيز → سلمان بن عبدالعزيز آل سعود; عبد العزيز
	// and عبدالعزيز alike): step 4 needs the same last word, which the
	// longer lineage changes. Only when the longer forms share one group; on
	// arabic-news 79 such pairs were kept apart in one article.
	for _, f := range forms {
		if f.typ != model.PER || len(f.words) < 3 || !fatherLink(f.words[1]) && !fatherLink(f.words[len(f.words)-2]) {
			continue
		}
		fk := nasabKey(f.words)
		roots := map[int]*form{}
		for _, g := range forms {
			if g == f || g.typ != model.PER {
				continue
			}
			if gk := nasabKey(g.words); gk == fk || strings.HasPrefix(gk, fk+" ") {
				roots[uf.find(g.first())] = g
			}
		}
		if len(roots) == 1 {
			for _, g := range roots {
				uf.union(f.first(), g.first())
			}
		}
	}
	// 4b. A first name alone to the one fuller name of the article that
	// starts with it and is built with بن / ابن / آل (Gulf and classical
	// naming, where the first name is the short form: الملك سلمان → سلمان بن
	// عبدالعزيز آل سعود, الأمير متعب → متعب بن عبد الله); left alone when
	// two such names start with it, or when the word also closes another
	// person's name (a surname, handled by step 4).
	for _, f := range forms {
		if f.typ != model.PER || len(f.words) != 1 || nameParticles[f.words[0]] {
			continue
		}
		var cands []*form
		surname := false
		for _, g := range forms {
			if g == f || g.typ != model.PER || len(g.words) < 3 {
				continue
			}
			if sameWord(g.words[len(g.words)-1], f.words[0], false) && !fatherLink(g.words[len(g.words)-2]) {
				surname = true
			}
			if sameWord(g.words[0], f.words[0], false) && patronymic(g.words) {
				cands = append(cands, g)
			}
		}
		roots := map[int]bool{}
		for _, g := range cands {
			roots[uf.find(g.first())] = true
		}
		if len(roots) == 1 && !surname {
			uf.union(f.first(), cands[0].first())
		}
	}
	// 4c. A first name alone, after the article has named the person in
	// full (ريتشارد بيرتون … ريتشارد, فواز القرني … فواز): to the one earlier
	// fuller name that starts with it, when no person's name ends with the
	// word and the word is in no other group yet.
	for _, f := range forms {
		if f.typ != model.PER || len(f.words) != 1 || nameParticles[f.words[0]] || r.lx.has(classRank, f.words[0]) || r.lx.has(classRole, f.words[0]) {
			continue
		}
		if root := uf.find(f.first()); root != f.first() || r.groupHasOther(forms, uf, root, f) {
			continue
		}
		cut := false
		for _, i := range f.items {
			cut = cut || items[i].shaky
		}
		if cut {
			continue // أحمد ⟦الخميس⟧, أم ⟦محمد⟧: maybe part of another name
		}
		roots := map[int]*form{}
		surname := false
		for _, g := range forms {
			if g == f || g.typ != model.PER || len(g.words) < 2 {
				continue
			}
			if sameWord(g.words[len(g.words)-1], f.words[0], false) {
				surname = true
			}
			if sameWord(g.words[0], f.words[0], false) && g.first() < f.first() {
				roots[uf.find(g.first())] = g
			}
		}
		if len(roots) == 1 && !surname {
			for _, g := range roots {
				uf.union(f.first(), g.first())
			}
		}
	}
	// 5. Organisations: a shorter form with the same first word whose words
	// all occur in the longer one, and no conflicting country
	// (الجيش الليبي → الجيش الوطني الليبي, but not الجيش التركي).
	for _, f := range forms {
		if f.typ != model.ORG {
			continue
		}
		var cands []*form
		for _, g := range forms {
			if g == f || g.typ != model.ORG || len(g.core) <= len(f.core) {
				continue
			}
			if f.cc != "" && g.cc != "" && f.cc != g.cc {
				continue
			}
			// a country against another relative adjective: الجهاد الجزائري is not
			// الجهاد الأفغاني, الجامعة التونسية not جامعة الدول العربية
			if f.cc != "" && g.cc == "" && isDefiniteNisba(g.core[len(g.core)-1]) {
				continue
			}
			if !sameWord(f.core[0], g.core[0], false) {
				continue
			}
			if subsequence(f.core, g.core, false) {
				cands = append(cands, g)
			}
		}
		r.joinNearest(items, uf, f, cands)
	}
	// 5b. A country's army and its armed forces are one body in Arabic news
	// (الجيش المصري = القوات المسلحة المصرية; الجيش الوطني الليبي =
	// القوات المسلحة العربية الليبية, and its general command القيادة
	// العامة للقوات المسلحة الليبية).
	armies := map[string]*form{}
	for _, f := range forms {
		if f.typ != model.ORG {
			continue
		}
		if cc := armyOf(f); cc != "" {
			if g, ok := armies[cc]; ok {
				uf.union(g.first(), f.first())
			} else {
				armies[cc] = f
			}
		}
	}
	// 6. A named facility or district and its bare name (قاعدة معيتيقة /
	// معيتيقة), unless the bare name is a settlement of its own (مطار
	// طرابلس is not طرابلس).
	for _, f := range forms {
		if f.typ != model.LOC || len(f.words) < 2 {
			continue
		}
		n := r.lx.match(classFacility, f.words)
		if n == 0 || n >= len(f.words) {
			continue
		}
		bare := alKey(f.words[n:])
		if len(r.gaz.lookupKey(strings.Join(f.words[n:], " "))) > 0 {
			continue
		}
		for _, g := range forms {
			if g.typ == model.LOC && alKey(g.words) == bare {
				uf.union(f.first(), g.first())
			}
		}
	}
}

// linkCountries joins the names of one country in an article: the
// gazetteer gives السعودية and المملكة العربية السعودية, أمريكا and الولايات
// المتحدة, سوريا and سورية, بريطانيا and المملكة المتحدة the same country
// code, and news alternates between them (arabic-news: 219 articles had a
// country on two or three entities). A name is taken only when every
// candidate the gazetteer has for it is that one country, so عمان (Oman
// and Amman) and فلسطين (also a village) stay apart from سلطنة عمان and
// الأراضي الفلسطينية. A name that is part of another country's name
// (الكونغو of جمهورية الكونغو, الولايات المتحدة of الولايات المتحدة
// المكسيكية) is not joined to a longer form of it that adds a word other
// than the country's nisba: الكونغو and الكونغو الديمقراطية are two
// countries, الولايات المتحدة and الولايات المتحدة الأمريكية one.
func (r *Resolver) linkCountries(forms []*form, uf *unionFind) {
	type country struct {
		f      *form
		shared bool
	}
	byCC := map[string][]country{}
	for _, f := range forms {
		if f.typ != model.LOC {
			continue
		}
		cc, shared := r.gaz.onlyCountry(strings.Join(f.words, " "))
		if cc == "" {
			continue
		}
		for _, g := range byCC[cc] {
			if !r.restates(g.f.words, g.shared, f.words, shared, cc) {
				continue
			}
			uf.union(g.f.first(), f.first())
		}
		byCC[cc] = append(byCC[cc], country{f, shared})
	}
}

// restates reports whether two names of country cc can be one place: a
// shared name (see linkCountries) inside the other only with the
// country's nisba added.
func (r *Resolver) restates(a []string, aShared bool, b []string, bShared bool, cc string) bool {
	if len(a) > len(b) {
		a, b, aShared = b, a, bShared
	}
	if !aShared {
		return true
	}
	for i := 0; i+len(a) <= len(b); i++ {
		if slices.Equal(b[i:i+len(a)], a) {
			for _, w := range slices.Concat(b[:i], b[i+len(a):]) {
				if c, ok := r.gaz.NisbaCountry(w); !ok || c != cc {
					return false
				}
			}
			return true
		}
	}
	return true
}

// linkSamePlace joins two names of a town the gazetteer gives as one
// place (the same kind, country and coordinates, and no other candidate)
// when they start with the same word or a spelling of it: مكة / مكة
// المكرمة, جازان / جيزان, محايل / محايل عسير (arabic-news: 42 articles had
// a town on two entities). Not الأحساء / الهفوف, the oasis and its city,
// which GeoNames places on one point. Countries are linkCountries'.
func (r *Resolver) linkSamePlace(forms []*form, uf *unionFind) {
	seen := map[Place][]*form{}
	for _, f := range forms {
		if f.typ != model.LOC {
			continue
		}
		cands := r.gaz.lookupText(strings.Join(f.words, " "))
		if len(cands) == 0 || cands[0].Kind == KindCountry {
			continue
		}
		p := cands[0]
		p.Population, p.Ambiguous = 0, false
		one := true
		for _, c := range cands[1:] {
			c.Population, c.Ambiguous = 0, false
			one = one && c == p
		}
		if !one {
			continue
		}
		for _, g := range seen[p] {
			if sameWord(g.words[0], f.words[0], true) {
				uf.union(g.first(), f.first())
			}
		}
		seen[p] = append(seen[p], f)
	}
}

// epithets of holy places (القدس الشريف, المسجد الأقصى المبارك).
var epithets = normSet("الشريف", "الشريفة", "المكرمة", "المنورة", "المقدسة", "المبارك", "المباركة")

// linkEpithets joins a place and the same name with one epithet, a nisba
// adjective or a holy place's, in the article: الخليج / الخليج العربي,
// القدس / القدس الشريف, الحرم / الحرم المكي (arabic-news: about 30 articles;
// any definite word: 63, half of them a place run on into the next word,
// جازان الميفا, طرابلس الصادق). Not a compass adjective (الخالدية
// الشمالية is another district), nor a country's nisba, nor after a
// country (المغرب العربي is the Maghreb, كوريا الجنوبية one Korea), and
// only when the article qualifies the name one way (الحرم المكي and الحرم
// القدسي are two).
func (r *Resolver) linkEpithets(forms []*form, uf *unionFind) {
	long := map[string][]*form{}
	for _, g := range forms {
		if g.typ != model.LOC || len(g.words) != 2 {
			continue
		}
		adj := g.words[1]
		if !(isDefiniteNisba(adj) || epithets[adj]) || compass[adj] || r.isCountry(adj) {
			continue
		}
		if _, ok := r.gaz.NisbaCountry(adj); ok {
			continue
		}
		k := stripAl(g.words[0])
		long[k] = append(long[k], g)
	}
	for _, f := range forms {
		if f.typ != model.LOC || len(f.words) != 1 {
			continue
		}
		gs := long[stripAl(f.words[0])]
		if len(gs) != 1 || r.isCountry(f.words[0]) {
			continue
		}
		uf.union(gs[0].first(), f.first())
	}
}

// nameHeads are the heads news puts before an organisation's own name and
// drops at will: منظمة أوبك / أوبك, بنك مورجان ستانلي / مورجان ستانلي, نادي
// تشيلسي / تشيلسي. Not قناة (قناة السويس is the canal), nor جامعة, مركز,
// مجلس, هيئة: جامعة تبوك, مركز الملك فيصل and مجلس هيئة حقوق الإنسان are
// other bodies than تبوك, الملك فيصل and the commission.
var nameHeads = normSet("منظمة", "شركة", "بنك", "مصرف", "نادي", "اتحاد", "وكالة", "صحيفة", "جريدة", "مجموعة")

// linkHeaded joins an organisation written with such a head to the same
// name written bare in the article (arabic-news: 38 such pairs were two
// entities).
func linkHeaded(forms []*form, uf *unionFind) {
	bare := map[string]*form{}
	for _, f := range forms {
		if f.typ == model.ORG {
			bare[alKey(f.words)] = f
		}
	}
	for _, f := range forms {
		if f.typ != model.ORG || len(f.words) < 2 || !nameHeads[stripConj(f.words[0])] {
			continue
		}
		if g, ok := bare[alKey(f.words[1:])]; ok && g != f {
			uf.union(g.first(), f.first())
		}
	}
}

// startsAtFather reports whether the shorter name (several words) starts
// where the longer one names a father: in محمد بن سلمان بن عبد العزيز,
// سلمان بن عبد العزيز is the father, not the son.
func startsAtFather(short, long []string, fuzzy bool) bool {
	if len(short) < 2 {
		return false
	}
	for i := 1; i < len(long); i++ {
		if sameWord(short[0], long[i], fuzzy) && (long[i-1] == "بن" || long[i-1] == "ابن" || long[i-1] == "بنت") {
			return !sameWord(short[0], long[0], fuzzy)
		}
	}
	return false
}

// groupHasOther reports whether the group rooted at root holds a form
// other than f.
func (r *Resolver) groupHasOther(forms []*form, uf *unionFind, root int, f *form) bool {
	for _, g := range forms {
		if g != f && uf.find(g.first()) == root {
			return true
		}
	}
	return false
}

// nasabKey is a person's name words joined, with the compounds in عبد
// written as one word and آل as ال (عبد العزيز = عبدالعزيز).
func nasabKey(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 && words[i-1] != "عبد" {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// sameLineage reports whether a shorter person name skips no generation of
// the longer's nasab: where the shorter names a father (X بن Y), the longer
// starts with the same X بن Y. سلمان بن عبدالعزيز is not سلمان بن سلطان بن
// عبدالعزيز (the king and his grandson); محمد بن نايف is محمد بن نايف بن
// عبدالعزيز آل سعود, علي بن عمير الشهراني is علي بن عمير آل جرمان الشهراني.
// Only for a father's name common in the news (WordFreq ≥ 100: عبدالعزيز,
// عبد, محمد): after بن a rare word is often a family name (صالح بن حميد is
// صالح بن عبدالله بن حميد, زيد بن كمي is زيد فيصل بن كمي).
func sameLineage(short, long []string, fuzzy bool) bool {
	for j := 1; j+1 < len(short); j++ {
		if !fatherLink(short[j]) || arabic.WordFreq(short[j+1]) < 100 {
			continue
		}
		if len(long) < j+2 {
			return false
		}
		for k := 0; k <= j+1; k++ {
			if !sameWord(short[k], long[k], fuzzy) {
				return false
			}
		}
	}
	return true
}

// isCountry reports whether the normalised name is a country's.
func (r *Resolver) isCountry(k string) bool {
	for _, p := range r.gaz.lookupKey(k) {
		if p.Kind == KindCountry {
			return true
		}
	}
	return false
}

// joinNearest joins form f to one of the candidate groups: the only one, or
// else the one mentioned last before f (the usual antecedent), or else the
// first one after it.
func (r *Resolver) joinNearest(items []*item, uf *unionFind, f *form, cands []*form) {
	if len(cands) == 0 {
		return
	}
	roots := map[int]bool{}
	for _, g := range cands {
		roots[uf.find(g.first())] = true
	}
	if len(roots) == 1 {
		uf.union(f.first(), cands[0].first())
		return
	}
	at := items[f.first()].m.Start
	best, bestPos := -1, -1
	for _, g := range cands {
		for _, i := range g.items {
			if p := items[i].m.Start; p < at && p > bestPos {
				best, bestPos = i, p
			}
		}
	}
	if best < 0 {
		bestPos = int(^uint(0) >> 1)
		for _, g := range cands {
			if p := items[g.first()].m.Start; p < bestPos {
				best, bestPos = g.first(), p
			}
		}
	}
	uf.union(f.first(), best)
}

// maxBracketWords is the longest alias taken from brackets or quotes after
// an organisation: acronyms and short names have one to three words
// (أفريكوم, داعش, «البنيان المرصوص»).
const maxBracketWords = 3

// linkBrackets links an organisation to a short name written in brackets or
// quotes right after it (وزارة الدفاع الأمريكية “بنتاغون”, … (أفريكوم)),
// adding a mention when the tagger did not mark the alias.
func (r *Resolver) linkBrackets(doc *docIndex, items []*item, uf *unionFind) []*item {
	byStart := map[int]int{}
	for i, it := range items {
		byStart[it.m.Start] = i
	}
	n := len(items)
	for i := 0; i < n; i++ {
		it := items[i]
		if it.typ != model.ORG && it.typ != model.MISC {
			continue
		}
		end := it.m.End
		k := doc.at(end)
		// The name may go on with في + a place the tagger marked apart
		// (القيادة العسكرية الأمريكية | في | إفريقيا (أفريكوم)).
		if k < len(doc.toks) && doc.toks[k].Norm == "في" {
			if l, ok := byStart[tokStart(doc, k+1)]; ok && items[l].typ == model.LOC {
				end = items[l].m.End
				k = doc.at(end)
			}
		}
		for k < len(doc.toks) && isQuote(doc.toks[k].Text) && doc.toks[k].Start-end <= 2 && isClosing(doc.toks[k].Text) {
			k++
		}
		if k >= len(doc.toks) {
			continue
		}
		open := doc.toks[k].Text
		closeWith := map[string]string{"(": ")", "«": "»", "“": "”", "\"": "\"", "[": "]"}[open]
		if closeWith == "" || strings.TrimSpace(doc.text[prevEnd(doc, k, end):doc.toks[k].Start]) != "" {
			continue
		}
		j := k + 1
		for j < len(doc.toks) && doc.toks[j].IsWord() && j-k-1 < maxBracketWords+1 {
			j++
		}
		nw := j - k - 1
		if nw == 0 || nw > maxBracketWords || j >= len(doc.toks) || doc.toks[j].Text != closeWith {
			continue
		}
		inner := doc.toks[k+1 : j]
		if !r.looksLikeAlias(inner) {
			continue
		}
		s, e := inner[0].Start, inner[len(inner)-1].End
		if o, ok := byStart[s]; ok {
			uf.union(i, o)
			continue
		}
		if overlapsAny(items, s, e) {
			continue
		}
		words := make([]string, len(inner))
		for w, t := range inner {
			words[w] = t.Norm
		}
		na := &item{m: model.Mention{Text: doc.text[s:e], Start: s, End: e, Type: it.typ},
			typ: it.typ, nameStart: s, nameEnd: e, display: doc.text[s:e], words: words, order: len(items)}
		r.orgCore(na)
		items = append(items, na)
		byStart[s] = len(items) - 1
		uf.grow(len(items))
		uf.union(i, len(items)-1)
	}
	return items
}

// absorbPlace widens an organisation over "في + a place" when an alias in
// brackets follows the place: the acronym names the whole, place included
// (القيادة العسكرية الأمريكية في إفريقيا (أفريكوم), بعثة الأمم المتحدة
// للدعم في ليبيا (أونسميل)), so the place is part of the name, not a place
// of the article. The place's mention is dropped. linkBrackets then links
// the alias to the widened name.
func (r *Resolver) absorbPlace(doc *docIndex, items []*item) []*item {
	byStart := map[int]int{}
	for i, it := range items {
		byStart[it.m.Start] = i
	}
	drop := map[int]bool{}
	for i, it := range items {
		if (it.typ != model.ORG && it.typ != model.MISC) || drop[i] {
			continue
		}
		k := doc.at(it.m.End)
		if k+1 >= len(doc.toks) || doc.toks[k].Norm != "في" {
			continue
		}
		l, ok := byStart[tokStart(doc, k+1)]
		if !ok || items[l].typ != model.LOC {
			continue
		}
		loc := items[l]
		b := doc.at(loc.m.End)
		if b >= len(doc.toks) || doc.toks[b].Text != "(" || strings.TrimSpace(doc.text[loc.m.End:doc.toks[b].Start]) != "" {
			continue
		}
		j := b + 1
		for j < len(doc.toks) && doc.toks[j].IsWord() && j-b-1 <= maxBracketWords {
			j++
		}
		if n := j - b - 1; n == 0 || n > maxBracketWords || j >= len(doc.toks) || doc.toks[j].Text != ")" || !r.looksLikeAlias(doc.toks[b+1:j]) {
			continue
		}
		// keep an article restored after لل (للقيادة → القيادة)
		restored := strings.TrimSuffix(it.display, doc.text[it.nameStart:it.nameEnd])
		it.m.End, it.nameEnd = loc.m.End, loc.m.End
		it.m.Text = doc.text[it.m.Start:it.m.End]
		it.display = restored + doc.text[it.nameStart:it.nameEnd]
		it.words = append(append(append([]string(nil), it.words...), "في"), loc.words...)
		if it.typ == model.ORG {
			r.orgCore(it)
		}
		drop[l] = true
	}
	if len(drop) == 0 {
		return items
	}
	out := items[:0]
	for i, it := range items {
		if !drop[i] {
			it.order = len(out)
			out = append(out, it)
		}
	}
	return out
}

func tokStart(doc *docIndex, k int) int {
	if k < len(doc.toks) {
		return doc.toks[k].Start
	}
	return -1
}

func isClosing(s string) bool {
	switch s {
	case "»", "”", "\"", "’", "'":
		return true
	}
	return false
}

func prevEnd(doc *docIndex, k, def int) int {
	if k > 0 && doc.toks[k-1].End > def {
		return doc.toks[k-1].End
	}
	return def
}

// looksLikeAlias rejects bracketed words that are a comment rather than a
// name: function words, leader phrases (يرأسها فايز السراج), numbers.
func (r *Resolver) looksLikeAlias(ws []arabic.Token) bool {
	words := make([]string, len(ws))
	for i, t := range ws {
		if t.Kind == arabic.KindNumber || arabic.IsStopword(t.Norm) || directions[t.Norm] {
			return false // مجلس النواب في طبرق (شرق): a compass gloss on the place, no acronym
		}
		words[i] = t.Norm
	}
	for i := range words {
		if r.lx.match(classLeader, words[i:]) > 0 || r.lx.match(classRole, words[i:]) > 0 || r.lx.match(classPlace, words[i:]) > 0 {
			return false
		}
	}
	return true
}

func overlapsAny(items []*item, s, e int) bool {
	for _, it := range items {
		if it.m.Start < e && s < it.m.End {
			return true
		}
	}
	return false
}

// linkLeaders finds where the article says who leads an organisation and
// joins "حكومة X" / "قوات X" (X that person) to that organisation:
//
//	ORG [،(] برئاسة|يرأسها|بقيادة … [rank] PER   حكومة الوفاق الوطني برئاسة فائز السراج
//	PER [،] قائد|رئيس|زعيم [ل] ORG               حفتر قائد “الجيش الوطني الليبي”
//	قائد|رئيس ORG [rank] PER                       قائد الجيش الوطني الليبي المشير خليفة حفتر
func (r *Resolver) linkLeaders(doc *docIndex, items []*item, uf *unionFind) []*item {
	byStart := map[int]int{}
	for i, it := range items {
		if _, ok := byStart[it.m.Start]; !ok {
			byStart[it.m.Start] = i
		}
		if _, ok := byStart[it.nameStart]; !ok {
			byStart[it.nameStart] = i
		}
	}
	// words returns the normalised words from token k on, skipping quotes,
	// brackets and commas, up to max words, with the token index of each.
	words := func(k, max int) ([]string, []int) {
		var ws []string
		var at []int
		for ; k < len(doc.toks) && len(ws) < max; k++ {
			t := doc.toks[k]
			if !t.IsWord() {
				if isQuote(t.Text) || t.Text == "(" || t.Text == "،" || t.Text == "," {
					continue
				}
				break
			}
			ws = append(ws, t.Norm)
			at = append(at, k)
		}
		return ws, at
	}
	// items by start, for the clitic-led fallback of itemAt
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return items[order[a]].m.Start < items[order[b]].m.Start })
	itemAt := func(k int, typ string) (int, bool) {
		if k >= len(doc.toks) {
			return 0, false
		}
		t := doc.toks[k]
		if i, ok := byStart[t.Start]; ok && items[i].typ == typ {
			return i, true
		}
		// a clitic-led mention (لـ«الجيش الوطني») starts inside the token
		x := sort.Search(len(order), func(a int) bool { return items[order[a]].m.Start >= t.Start })
		for ; x < len(order) && items[order[x]].m.Start < t.End+4; x++ {
			if items[order[x]].typ == typ {
				return order[x], true
			}
		}
		return 0, false
	}
	skipTitles := func(ws []string, at []int, from int) int {
		i := from
		for i < len(ws) {
			n := r.lx.match(classRank, ws[i:])
			if n == 0 {
				break
			}
			i += n
		}
		return i
	}
	leads := map[int]int{}         // person root → organisation item
	descs := map[string]int{}      // role \x00 organisation root → person item
	establishing := map[int]bool{} // organisation items inside the apposition that set up a description
	for i, it := range items {
		switch it.typ {
		case model.ORG:
			ws, at := words(doc.at(it.m.End), 6)
			if n := r.lx.match(classLeader, ws); n > 0 {
				p := skipTitles(ws, at, n)
				if p < len(at) {
					if j, ok := itemAt(at[p], model.PER); ok {
						leads[uf.find(j)] = i
					}
				}
			}
			// قائد ORG [rank] PER: the role word right before the organisation
			// (a spokesman, الناطق باسم ORG PER, sets up a description only).
			if _, role, leader, ok := r.roleBefore(doc, it.m.Start); ok {
				ws, at := words(doc.at(it.m.End), 4)
				p := skipTitles(ws, at, 0)
				if p < len(at) {
					if j, ok := itemAt(at[p], model.PER); ok {
						if leader {
							leads[uf.find(j)] = i
						}
						descs[role+"\x00"+itoa(uf.find(i))] = j
						establishing[i] = true
					}
				}
			}
		case model.PER:
			ws, at := words(doc.at(it.m.End), 4)
			if n := r.lx.match(classRoleLink, ws); n > 0 && n < len(at) {
				if j, ok := itemAt(at[n], model.ORG); ok {
					leads[uf.find(i)] = j
					descs[alKey(ws[:n])+"\x00"+itoa(uf.find(j))] = i
					establishing[j] = true
				}
			}
		}
	}
	if r.opt.Descriptions && len(descs) > 0 {
		items = r.addDescriptions(doc, items, uf, descs, establishing)
	}
	if len(leads) == 0 {
		return items
	}
	// حكومة X / قوات X where X names a person who leads an organisation.
	perByLast := map[string][]int{}
	for j, p := range items {
		if p.typ == model.PER && !p.desc {
			if _, ok := leads[uf.find(j)]; ok {
				k := stripAl(p.words[len(p.words)-1])
				perByLast[k] = append(perByLast[k], j)
			}
		}
	}
	for i, it := range items {
		if it.typ != model.ORG || !it.headed || len(it.core) > 3 {
			continue
		}
		for _, j := range perByLast[stripAl(it.core[len(it.core)-1])] {
			org := leads[uf.find(j)]
			if org == i {
				continue
			}
			if subsequence(it.core, items[j].words, false) {
				uf.union(org, i)
				break
			}
		}
	}
	return items
}

// roleBefore finds a role phrase written right before byte offset start,
// over quotes and a lone proclitic (القائد العام لـ«الجيش الوطني»): a leader
// (rolelink class: قائد, رئيس) or a spokesman (الناطق باسم). It returns the
// phrase's start, its normalised key and whether it names a leader.
func (r *Resolver) roleBefore(doc *docIndex, start int) (int, string, bool, bool) {
	b := doc.at(start) - 1
	for b >= 0 && (isQuote(doc.toks[b].Text) || isLoneClitic(doc.toks[b].Norm)) {
		b--
	}
	for n := 3; n >= 1; n-- {
		if b-n+1 < 0 {
			continue
		}
		ws := make([]string, 0, n)
		ok := true
		for j := b - n + 1; j <= b; j++ {
			t := doc.toks[j]
			if !t.IsWord() || (j > b-n+1 && strings.TrimSpace(doc.text[doc.toks[j-1].End:t.Start]) != "") {
				ok = false
				break
			}
			ws = append(ws, t.Norm)
		}
		if !ok {
			continue
		}
		first := doc.toks[b-n+1]
		for _, class := range [...]string{classRoleLink, classSpokesman} {
			roleStart := first.Start
			w := append([]string(nil), ws...)
			if r.lx.match(class, w) != n {
				w[0] = stripConj(w[0])
				if r.lx.match(class, w) != n {
					continue
				}
				roleStart += skipLetters(first.Text, 1)
			}
			return roleStart, alKey(w), class == classRoleLink, true
		}
	}
	return 0, "", false, false
}

// addDescriptions adds, for each description the article set up
// ("قائد الجيش الوطني الليبي المشير خليفة حفتر"), a mention of the person at
// every later use of the same role and organisation without the name
// ("وصول قائد الجيش الوطني الليبي إلى العاصمة"). The mention spans role and
// organisation; the organisation keeps its own mention.
func (r *Resolver) addDescriptions(doc *docIndex, items []*item, uf *unionFind, descs map[string]int, establishing map[int]bool) []*item {
	n := len(items)
	for i := 0; i < n; i++ {
		it := items[i]
		if it.typ != model.ORG || establishing[i] {
			continue
		}
		roleStart, role, _, ok := r.roleBefore(doc, it.m.Start)
		if !ok {
			continue
		}
		j, ok := descs[role+"\x00"+itoa(uf.find(i))]
		if !ok || overlapsAny(items[:n], roleStart, it.m.Start) {
			continue
		}
		end := it.m.End
		// a quote opened inside the description closes inside it too
		if k := doc.at(end); k < len(doc.toks) && doc.toks[k].Start == end && isClosing(doc.toks[k].Text) &&
			strings.ContainsAny(doc.text[roleStart:it.m.Start], "«“\"") {
			end = doc.toks[k].End
		}
		d := &item{m: model.Mention{Text: doc.text[roleStart:end], Start: roleStart, End: end, Type: model.PER},
			typ: model.PER, nameStart: roleStart, nameEnd: end, display: doc.text[roleStart:end],
			words: normWords(doc.text[roleStart:end]), order: len(items), desc: true}
		items = append(items, d)
		uf.grow(len(items))
		uf.union(j, len(items)-1)
	}
	return items
}

// build turns groups into entities in order of first mention.
func (r *Resolver) build(doc *docIndex, items []*item, uf *unionFind) []model.Entity {
	groups := map[int][]*item{}
	var roots []int
	for i, it := range items {
		root := uf.find(i)
		if _, ok := groups[root]; !ok {
			roots = append(roots, root)
		}
		groups[root] = append(groups[root], it)
	}
	for _, g := range groups {
		sort.SliceStable(g, func(a, b int) bool { return g[a].m.Start < g[b].m.Start })
	}
	sort.SliceStable(roots, func(a, b int) bool { return groups[roots[a]][0].m.Start < groups[roots[b]][0].m.Start })
	ents := make([]model.Entity, 0, len(roots))
	for _, root := range roots {
		g := groups[root]
		typ := voteType(g)
		canon := canonical(g, typ)
		e := model.Entity{Type: typ, Name: canon.display}
		seen := map[string]bool{canon.display: true}
		for _, it := range g {
			m := it.m
			m.Type = typ
			e.Mentions = append(e.Mentions, m)
			if !it.desc && !seen[it.display] {
				seen[it.display] = true
				e.Aliases = append(e.Aliases, it.display)
			}
		}
		e.ID = "e" + itoa(len(ents)+1)
		ents = append(ents, e)
	}
	if r.opt.Geocode {
		r.geocode(doc, ents)
	}
	return ents
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// voteType returns the type the group's mentions vote for, each mention
// weighing its number of words: a full name (برناردينو ليون, PER) is
// stronger evidence than a lone word the tagger read as a place (ليون). A
// tie goes to the type of the longest mention, then to the first.
func voteType(g []*item) string {
	weight := map[string]int{}
	longest := map[string]int{}
	var order []string
	for _, it := range g {
		if it.desc {
			continue
		}
		if _, ok := weight[it.typ]; !ok {
			order = append(order, it.typ)
		}
		weight[it.typ] += len(it.words)
		longest[it.typ] = max(longest[it.typ], len(it.words))
	}
	best := ""
	for _, t := range order {
		if best == "" || weight[t] > weight[best] || (weight[t] == weight[best] && longest[t] > longest[best]) {
			best = t
		}
	}
	if best == "" && len(g) > 0 {
		best = g[0].typ
	}
	return best
}

// orgSynonyms: the cores (alKey form) of one group's names that share no
// word. داعش is the Arabic acronym of الدولة الإسلامية في العراق والشام,
// and the press mixes the two in one article ("مقاتلو الدولة الإسلامية" …
// "كمينا لداعش": devgold, one group kept as two).
var orgSynonyms = map[string]string{
	"دوله اسلاميه":                "داعش",
	"دوله اسلاميه في عراق والشام": "داعش",
	"دوله اسلاميه في عراق وشام":   "داعش",
}

// caseFold reads a sound masculine plural in the nominative (-ون) as the
// oblique (-ين) in an organisation's key: the press writes a group named by
// a plural in both cases, by its place in the sentence (الحوثيون انسحبوا،
// مواقع الحوثيين; الإخوان المسلمون، جماعة الإخوان المسلمين). Found on the
// blind development gold (testdata/devgold): one group kept as two.
func caseFold(k string) string {
	if !strings.Contains(k, "ون") {
		return k
	}
	ws := strings.Split(k, " ")
	for i, w := range ws {
		if strings.HasSuffix(w, "ون") && utf8.RuneCountInString(w) >= 5 {
			ws[i] = strings.TrimSuffix(w, "ون") + "ين"
		}
	}
	return strings.Join(ws, " ")
}

// descriptiveHeads are organisation heads that describe rather than name.
var descriptiveHeads = map[string]bool{"تنظيم": true, "قوات": true, "جماعه": true,
	"ميليشيا": true, "ميليشيات": true, "مليشيا": true, "مليشيات": true}

// militiaHeads: militias "of" a party are how the press describes it, not
// its name (ميليشيات الحوثي: devgold, Yemen reports).
var militiaHeads = map[string]bool{"ميليشيا": true, "ميليشيات": true, "مليشيا": true, "مليشيات": true}

// canonical picks the fullest name of a group: most words among mentions
// of the voted type (for organisations, most words besides a generic head:
// الجيش الوطني الليبي over قوات الجيش الليبي), then the most frequent
// spelling, then the first.
func canonical(g []*item, typ string) *item {
	freq := map[string]int{}
	for _, it := range g {
		freq[it.display]++
	}
	size := func(it *item) (int, int) {
		if it.typ == model.ORG && it.core != nil {
			n := len(it.core)
			if it.nisbaCC != "" {
				n++
			}
			// تنظيم and قوات describe a group ("the organisation", "the
			// forces of"), they are no part of its name: داعش over تنظيم
			// داعش, الوفاق over قوات الوفاق when the article has both (حكومة,
			// لواء, حركة are: حكومة الوفاق over الوفاق)
			if it.headed && len(it.words) > 1 && descriptiveHeads[stripConj(it.words[0])] {
				return n, 2*len(it.words) - 3
			}
			if !it.headed && len(it.words) > 1 && militiaHeads[stripConj(it.words[0])] {
				return n - 1, 2*len(it.words) - 3 // ميليشيات الحوثي: the head is in its core
			}
			return n, 2 * len(it.words)
		}
		return len(it.words), 2 * len(it.words)
	}
	var best *item
	for _, it := range g {
		if it.typ != typ || it.desc {
			continue
		}
		if best == nil {
			best = it
			continue
		}
		a1, a2 := size(it)
		b1, b2 := size(best)
		if a1 > b1 || (a1 == b1 && (a2 > b2 || (a2 == b2 && freq[it.display] > freq[best.display]))) {
			best = it
		}
	}
	if best == nil {
		best = g[0]
	}
	return best
}

// largePlace is the population above which a place is well known enough to
// be placed on the map without its country being mentioned in the article.
const largePlace = 100000

// geocode sets Geo on places: the candidate whose country the article
// mentions (as a place or by a nisba adjective: الليبية), else a country or
// a large city.
func (r *Resolver) geocode(doc *docIndex, ents []model.Entity) {
	countries := map[string]int{}
	for _, e := range ents {
		if e.Type != model.LOC {
			continue
		}
		for _, p := range r.gaz.lookupKey(strings.Join(normWords(e.Name), " ")) {
			if p.Kind == KindCountry {
				countries[p.Country] += len(e.Mentions)
				break
			}
		}
	}
	for _, t := range doc.toks {
		if t.Kind == arabic.KindArabic && utf8.RuneCountInString(t.Norm) >= 4 {
			if cc, ok := r.gaz.NisbaCountry(t.Norm); ok {
				countries[cc]++
			}
		}
	}
	for k := range ents {
		e := &ents[k]
		if e.Type != model.LOC {
			continue
		}
		var cands []Place
		names := append([]string{e.Name}, e.Aliases...)
		for _, n := range names {
			if cands = r.gaz.lookupKey(strings.Join(normWords(n), " ")); len(cands) > 0 {
				break
			}
		}
		if len(cands) == 0 {
			continue
		}
		p, ok := Choose(cands, countries)
		if !ok {
			continue
		}
		if countries[p.Country] == 0 && p.Kind != KindCountry && p.Population < largePlace {
			continue
		}
		e.Geo = p.Geo()
	}
}

// armyOf returns the country of an organisation form that names a country's
// army or armed forces: الجيش or القوات المسلحة, then only الوطني or
// العربي adjectives, then the country's nisba; optionally after القيادة
// العامة ل (the general command). Otherwise "".
func armyOf(f *form) string {
	if f.cc == "" {
		return ""
	}
	ws := make([]string, len(f.words))
	for i, w := range f.words {
		if rest, ok := strings.CutPrefix(w, "لل"); ok {
			w = "ال" + rest // للقوات → القوات
		}
		ws[i] = w
	}
	if len(ws) > 2 && ws[0] == "القياده" && ws[1] == "العامه" {
		ws = ws[2:]
	}
	i := 0
	switch {
	case len(ws) >= 2 && ws[0] == "الجيش":
		i = 1
	case len(ws) >= 3 && ws[0] == "القوات" && ws[1] == "المسلحه":
		i = 2
	default:
		return ""
	}
	for ; i < len(ws)-1; i++ {
		switch ws[i] {
		case "الوطني", "الوطنيه", "العربي", "العربيه":
		default:
			return ""
		}
	}
	return f.cc
}

// fatherLink reports whether w (normalised) links a name to the father's:
// بن, ابن, بنت.
func fatherLink(w string) bool { return w == "بن" || w == "ابن" || w == "بنت" }

// patronymic reports whether a person's name words are built with بن, ابن,
// بنت or آل after the first name (normalised: آل is ال).
func patronymic(words []string) bool {
	for _, w := range words[1:] {
		switch w {
		case "بن", "ابن", "بنت", "ال":
			return true
		}
	}
	return false
}

// linkOffices adds, for each office the article gives a person in
// apposition ("وزير الخارجية الأمريكي جون كيري", "الرئيس المصري عبد الفتاح
// السيسي", "الأمير محمد بن سلمان ولي ولي العهد"), a mention of the person at
// every later use of the office without a name ("وأكد وزير الخارجية
// الأمريكي أنه …", "وبحث ولي ولي العهد مع …"). An office is a role of two
// words or more ending in a definite word (وزير الخارجية، ولي العهد) or a
// role or a head of state with a nationality adjective (الرئيس المصري،
// العاهل الأردني); a lone رئيس or وزير says too little, and ولي عهد أبو
// ظبي names its country after it. An office the article gives two people is linked
// to neither after the second.
func (r *Resolver) linkOffices(doc *docIndex, items []*item, uf *unionFind) []*item {
	n := len(items)
	startTok := map[int]int{} // token where a person's mention (or its name) starts → item
	endTok := map[int]int{}   // token right after a person's mention → item
	for i, it := range items {
		if it.typ != model.PER {
			continue
		}
		for _, s := range []int{it.m.Start, it.nameStart} {
			if k := doc.at(s); k < len(doc.toks) && doc.toks[k].Start == s {
				if _, ok := startTok[k]; !ok {
					startTok[k] = i
				}
			}
		}
		endTok[doc.at(it.m.End)] = i
	}
	if len(startTok) == 0 {
		return items
	}
	holder := map[string]int{} // office key → person root; -1 when two people hold it
	establish := func(key string, i int) {
		root := uf.find(i)
		if h, ok := holder[key]; ok && h != root {
			root = -1
		}
		holder[key] = root
	}
	for k := 0; k < len(doc.toks); k++ {
		start, e, key, ok := r.officeAt(doc, k)
		if !ok {
			continue
		}
		// the office before the name, over ranks: "وزير الخارجية الأمريكي السيد جون كيري"
		p := e
		for p < len(doc.toks) {
			ws := make([]string, 0, 3)
			for q := p; q < len(doc.toks) && q < p+3 && doc.toks[q].IsWord(); q++ {
				ws = append(ws, doc.toks[q].Norm)
			}
			m := r.lx.match(classRank, ws)
			if m == 0 {
				break
			}
			p += m
		}
		if i, ok := startTok[p]; ok {
			establish(key, i)
			k = e - 1
			continue
		}
		// the office after the name: "محمد بن سلمان ولي ولي العهد", "كيري، وزير الخارجية الأمريكي"
		b := k
		if b > 0 && (doc.toks[b-1].Text == "،" || doc.toks[b-1].Text == ",") {
			b--
		}
		if i, ok := endTok[b]; ok && start == doc.toks[k].Start {
			establish(key, i)
			k = e - 1
			continue
		}
		// "الرئيس الأمريكي السابق جورج بوش": the office goes on (السابق،
		// الراحل، الجديد) and may be another holder's
		if e < len(doc.toks) && doc.toks[e].IsWord() && strings.HasPrefix(doc.toks[e].Norm, "ال") && !officeTimeWords[doc.toks[e].Norm] {
			continue
		}
		// "الأمين العام لمنظمة التعاون الإسلامي", "وزير الداخلية بدولة
		// الكويت", "مساعد وزير الدفاع لشؤون الأمن": a complement makes it
		// another office
		if e < len(doc.toks) && doc.toks[e].IsWord() && officeComplement(doc.toks[e].Norm) {
			continue
		}
		// "نائب الأمين العام", "مساعد وزير الدفاع", "ولي ولي العهد" (ولي
		// العهد inside it): another office holds this one in its genitive
		if k > 0 && doc.toks[k-1].IsWord() {
			prev := []string{stripConj(doc.toks[k-1].Norm)}
			if r.lx.match(classRole, prev) > 0 || r.lx.match(classRank, prev) > 0 || deputyWords[prev[0]] || deputyWords[doc.toks[k-1].Norm] {
				continue
			}
		}
		root, ok := holder[key]
		end := doc.toks[e-1].End
		if !ok || root < 0 || overlapsAny(items[:n], start, end) {
			continue
		}
		d := &item{m: model.Mention{Text: doc.text[start:end], Start: start, End: end, Type: model.PER},
			typ: model.PER, nameStart: start, nameEnd: end, display: doc.text[start:end],
			words: normWords(doc.text[start:end]), order: len(items), desc: true}
		items = append(items, d)
		uf.grow(len(items))
		uf.union(root, len(items)-1)
		k = e - 1
	}
	return items
}

// officeAt reads an office (see linkOffices) starting at token k: its start
// byte (after a conjunction glued on), the token after it, and its key.
func (r *Resolver) officeAt(doc *docIndex, k int) (int, int, string, bool) {
	var ws []string
	for q := k; q < len(doc.toks) && q < k+6; q++ {
		t := doc.toks[q]
		if !t.IsWord() || q > k && strings.TrimSpace(doc.text[doc.toks[q-1].End:t.Start]) != "" {
			break
		}
		ws = append(ws, t.Norm)
	}
	if len(ws) < 2 {
		return 0, 0, "", false
	}
	start := doc.toks[k].Start
	// a conjunction or preposition glued on (والرئيس، ووزير، لوزير) is no
	// part of the office's key
	if w := stripConj(ws[0]); w != ws[0] {
		ws2 := append([]string{w}, ws[1:]...)
		if r.lx.match(classRole, ws2) > 0 || headOfState[w] {
			ws = ws2
			start += skipLetters(doc.toks[k].Text, 1)
		}
	}
	n := r.lx.match(classRole, ws)
	if n == 0 && headOfState[ws[0]] && isDefiniteNisba(ws[1]) {
		n = 1
	}
	if n == 0 {
		return 0, 0, "", false
	}
	e := n
	for e < len(ws) && e < n+2 && isDefiniteNisba(ws[e]) {
		e++
	}
	// "ولي عهد أبو ظبي", "رئيس وزراء باكستان": an indefinite office names
	// its country after it
	if !strings.HasPrefix(ws[e-1], "ال") {
		return 0, 0, "", false
	}
	// a spokesman's office names its body after باسم (addDescriptions)
	if ws[n-1] == "باسم" || e < 2 || e == n && n < 2 {
		return 0, 0, "", false
	}
	if e == n && n == 2 && e < len(ws) && !isDefiniteNisba(ws[e]) && strings.HasPrefix(ws[e], "ال") {
		// "رئيس الوزراء الإسرائيلي" is read above; "وزير الخارجية
		// الأمريكية" (the ministry) too; a definite noun after a two-word
		// role may be its complement ("وزير الدولة لشؤون …"): stop there
		return 0, 0, "", false
	}
	return start, k + e, alKey(ws[:e]), true
}

// officeTimeWords may follow an office used alone: "وقال وزير الخارجية
// الأمريكي الأربعاء".
var officeTimeWords = normSet("اليوم", "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة")

// headOfState are the ranks that make an office with a nationality
// adjective (الرئيس المصري، العاهل الأردني); not الفريق (a general, and a
// team: الفريق القدساوي).
var headOfState = normSet("الرئيس", "الملك", "العاهل", "السلطان", "الأمير", "الملكة")

// deputyWords hold an office in their genitive: نائب الأمين العام is
// someone else.
var deputyWords = normSet("نائب", "مساعد", "وكيل", "مستشار", "مستشارة", "ولي", "سلف", "خلف")

// officeComplement reports a word with ل or ب glued on that completes an
// office ("لمنظمة", "لشؤون", "بدولة"), not a particle (بعد، لدى، بأن).
func officeComplement(w string) bool {
	if !strings.HasPrefix(w, "ل") && !strings.HasPrefix(w, "ب") || utf8.RuneCountInString(w) < 4 {
		return false
	}
	switch w {
	case "بعد", "بين", "لدي", "بان", "لان", "بشكل", "بعدما", "بينما", "لكنه", "لكن", "بدوره", "لذلك", "بذلك", "بالقول":
		return false
	}
	return true
}
