package entity

//go:generate go run ./internal/gengaz -out data/gazetteer.tsv

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/marsad-project/marsad/internal/arabic"
	"github.com/marsad-project/marsad/internal/model"
)

//go:embed data/gazetteer.tsv
var gazetteerTSV string

// Place kinds in the gazetteer.
const (
	KindCountry = "country"
	KindCapital = "capital"
	KindCity    = "city"
	KindTown    = "town"
	KindVillage = "village"
	KindHamlet  = "hamlet"
	KindRegion  = "region" // province, district or island (hand-listed, internal/gengaz/supplement.tsv)
	kindNisba   = "nisba"
)

// Place is one gazetteer entry.
type Place struct {
	Kind       string // country, capital, city, town, village, hamlet, region
	Country    string // ISO 3166-1 alpha-2
	Population int    // GeoNames population; a rank prior for OSM-only places
	Lat, Lon   float64
	// Ambiguous marks a one-word name that is more often an ordinary word
	// than a place in ANERcorp (جديد, المدينة): finders want a cue word.
	Ambiguous bool
}

// Gazetteer maps normalised Arabic place names to places. It is built from
// the embedded compiled gazetteer (see internal/gengaz and NOTICE) and is
// immutable and safe for concurrent use.
type Gazetteer struct {
	places map[string][]Place  // key → candidates, most populous first
	nisba  map[string]string   // relative adjective → country code (ليبي → LY)
	firsts map[string]bool     // first words (without ال) of names of several words
	shared map[string]bool     // country names inside another country's name (الكونغو in جمهورية الكونغو)
	forms  map[string][]string // country code → its one-word names and nisbas (المغرب, مغربي)
}

// LoadGazetteer returns the embedded gazetteer, parsed once and shared
// read-only.
func LoadGazetteer() (*Gazetteer, error) { return loadGazetteer() }

var loadGazetteer = sync.OnceValues(func() (*Gazetteer, error) { return ParseGazetteer(gazetteerTSV) })

// ParseGazetteer reads the compiled TSV format written by gengaz.
func ParseGazetteer(src string) (*Gazetteer, error) {
	g := &Gazetteer{places: map[string][]Place{}, nisba: map[string]string{}, firsts: map[string]bool{}, forms: map[string][]string{}}
	for n, line := range strings.Split(src, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 7 {
			return nil, fmt.Errorf("entity: gazetteer line %d: want 7 fields, have %d", n+1, len(f))
		}
		if f[1] == kindNisba {
			if _, ok := g.nisba[f[0]]; !ok {
				g.nisba[f[0]] = f[2]
			}
			g.forms[f[2]] = append(g.forms[f[2]], f[0])
			continue
		}
		if f[1] == KindCountry && !strings.Contains(f[0], " ") {
			g.forms[f[2]] = append(g.forms[f[2]], f[0])
		}
		pop, err := strconv.Atoi(f[3])
		if err != nil {
			return nil, fmt.Errorf("entity: gazetteer line %d: population: %w", n+1, err)
		}
		p := Place{Kind: f[1], Country: f[2], Population: pop, Ambiguous: f[6] == "1"}
		if f[4] == "" {
			continue // a country without coordinates tells nothing on a map
		}
		if p.Lat, err = strconv.ParseFloat(f[4], 64); err != nil {
			return nil, fmt.Errorf("entity: gazetteer line %d: lat: %w", n+1, err)
		}
		if p.Lon, err = strconv.ParseFloat(f[5], 64); err != nil {
			return nil, fmt.Errorf("entity: gazetteer line %d: lon: %w", n+1, err)
		}
		g.places[f[0]] = append(g.places[f[0]], p)
		if first, _, ok := strings.Cut(f[0], " "); ok {
			g.firsts[stripAl(first)] = true
		}
	}
	g.shared = sharedCountryNames(g.places)
	return g, nil
}

// sharedCountryNames returns the country names that are part of another
// country's name: الكونغو (CD) in جمهورية الكونغو (CG), غينيا in غينيا
// بيساو, السودان in جنوب السودان. Such a name may mean either country.
func sharedCountryNames(places map[string][]Place) map[string]bool {
	out := map[string]bool{}
	for k, ps := range places {
		cc := countryCode(ps)
		ws := strings.Fields(k)
		if cc == "" || len(ws) < 2 {
			continue
		}
		for i := range ws {
			for j := i + 1; j <= len(ws); j++ {
				if j-i == len(ws) {
					continue
				}
				sub := strings.Join(ws[i:j], " ")
				if c := countryCode(places[sub]); c != "" && c != cc {
					out[sub] = true
				}
			}
		}
	}
	return out
}

// countryCode returns the country of a name whose candidates are all that
// one country, or "".
func countryCode(ps []Place) string {
	if len(ps) == 0 {
		return ""
	}
	cc := ps[0].Country
	for _, p := range ps {
		if p.Kind != KindCountry || p.Country != cc {
			return ""
		}
	}
	return cc
}

// onlyCountry returns the country a name (normalised words, as written)
// means when every candidate is that one country, and whether the name is
// also part of another country's name (الكونغو, الولايات المتحدة).
func (g *Gazetteer) onlyCountry(k string) (cc string, shared bool) {
	return countryCode(g.lookupText(k)), g.shared[k] || g.shared[stripAl(k)] || g.shared["ال"+k]
}

// Len returns the number of distinct names.
func (g *Gazetteer) Len() int { return len(g.places) }

// Lookup returns the candidates for a place name (any spelling; it is
// normalised here), trying the forms with and without the article. It does
// not strip clitics: see LookupWord.
func (g *Gazetteer) Lookup(name string) []Place {
	k := strings.Join(strings.Fields(arabic.Normalize(name)), " ")
	return g.lookupKey(k)
}

func (g *Gazetteer) lookupKey(k string) []Place {
	if k == "" {
		return nil
	}
	// as is; without the article or with it; without spaces
	v1 := k
	var v2 string
	if s := stripAl(k); s != k {
		v2 = s
	} else if !strings.Contains(k, " ") {
		v2 = "ال" + k
	}
	var v3 string
	if strings.Contains(k, " ") {
		v3 = strings.ReplaceAll(k, " ", "")
	}
	p1, p2, p3 := g.places[v1], g.places[v2], g.places[v3]
	if len(p2)+len(p3) == 0 {
		return p1
	}
	out := make([]Place, 0, len(p1)+len(p2)+len(p3))
	out = append(out, p1...)
	out = append(out, p2...)
	return append(out, p3...)
}

// lookupText is lookupKey for a word as written in running text: a
// country's name is taken only as the gazetteer spells it, since a country
// name never gains or loses the article (تشيلي is Chile, التشيلي "the
// Chilean").
func (g *Gazetteer) lookupText(k string) []Place {
	ps := g.lookupKey(k)
	exact := len(g.places[k])
	if len(ps) == exact {
		return ps
	}
	out := append([]Place(nil), ps[:exact]...)
	for _, p := range ps[exact:] {
		if p.Kind != KindCountry {
			out = append(out, p)
		}
	}
	return out
}

// startsName reports whether a normalised word can begin a gazetteer name
// of several words.
func (g *Gazetteer) startsName(w string) bool { return g.firsts[stripAl(w)] }

// LookupWord looks up one normalised word that may carry proclitics
// (بسرت, وبراك, للجفرة): it returns the candidates and the number of clitic
// letters to skip, preferring the word as written.
func (g *Gazetteer) LookupWord(w string) ([]Place, int) {
	if ps := g.lookupKey(w); len(ps) > 0 {
		return ps, 0
	}
	for _, s := range cliticSplits(w) {
		if ps := g.lookupKey(s.word); len(ps) > 0 {
			return ps, s.letters
		}
	}
	return nil, 0
}

// NisbaCountry returns the country a relative adjective points to
// (الليبية → LY, اللبناني → LB), after removing the article, the feminine
// ending and the sound plural endings.
func (g *Gazetteer) NisbaCountry(w string) (string, bool) {
	for _, w := range [...]string{stripAl(w), w} { // ألماني: ال as written is no article
		for _, c := range [...]string{w, strings.TrimSuffix(w, "ه"), strings.TrimSuffix(w, "ين"),
			strings.TrimSuffix(w, "ون"), strings.TrimSuffix(w, "ات")} {
			if cc, ok := g.nisba[c]; ok {
				return cc, true
			}
		}
	}
	return "", false
}

// Choose picks the candidate a name most likely means in an article whose
// mentioned countries are countries (code → number of mentions, as a place
// or by a nisba adjective). Each candidate scores log10(population) plus
// 4 × the share of the article's country mentions that name its country; a
// country counts as population 10^7.5, so تونس and الجزائر name the country
// before the city. This is the usual rule of toponym resolvers (CLAVIN,
// Mordecai: context country, then population), with the context weighted by
// share so that the country an article is about outweighs a 10,000-fold
// population gap (a Libyan village over a foreign city of the same name in a
// Libya story), while a stray mention of another country does not send
// باريس to Paris, Texas.
func Choose(cands []Place, countries map[string]int) (Place, bool) {
	if len(cands) == 0 {
		return Place{}, false
	}
	total := 0
	for _, n := range countries {
		total += n
	}
	score := func(p Place) float64 {
		s := math.Log10(float64(max(p.Population, 1)))
		if p.Kind == KindCountry {
			s = 7.5
		}
		if total > 0 {
			s += 4 * float64(countries[p.Country]) / float64(total)
		}
		return s
	}
	best, bestScore := cands[0], score(cands[0])
	for _, c := range cands[1:] {
		if sc := score(c); sc > bestScore {
			best, bestScore = c, sc
		}
	}
	return best, true
}

// Geo returns the model.Geo of p.
func (p Place) Geo() *model.Geo {
	return &model.Geo{Lat: p.Lat, Lon: p.Lon, Country: p.Country}
}

// mentionsCountry reports whether the article names country cc by a
// one-word name or its nisba, with or without the article (المغرب,
// المغربية, مغربي); has tells whether the article has a word form.
func (g *Gazetteer) mentionsCountry(cc string, has func(string) bool) bool {
	for _, f := range g.forms[cc] {
		b := stripAl(f)
		for _, w := range [...]string{f, b, "ال" + b, "ال" + b + "ه", b + "ه"} {
			if has(w) {
				return true
			}
		}
	}
	return false
}
