// Command gengaz compiles marsad's place gazetteer (internal/entity/data/
// gazetteer.tsv) from the third-party gazetteers in ../shared/data/gazetteer:
//
//   - libya_osm_places.tsv: 887 Libyan places from OpenStreetMap (ODbL 1.0,
//     © OpenStreetMap contributors), via mosabsomaer/Libya-cities-dataset-JSON;
//   - geonames_cities15000_ar.tsv: world cities with population ≥ 15,000 and
//     their Arabic GeoNames alternate names (CC BY 4.0, © geonames.org);
//   - world_countries_capitals_ar.tsv: countries with Arabic common and
//     official names (mledoze/countries, ODbL 1.0);
//   - supplement.tsv (beside this file): a few hand-listed Arabic press
//     spellings of countries that the sources lack (أمريكا, بريطانيا …),
//     regions (provinces, districts, islands) that recur in Arabic news
//     but are no city (الجفرة, دارفور, صقلية), and Saudi and Yemeni towns
//     that no source lists (القنفذة, عنيزة, المجمعة), with an approximate
//     centre;
//   - names_ar.tsv (beside this file): Arabic names written for GeoNames
//     cities of Arab states that the source names in Latin letters or not
//     at all (أبها, الهفوف, سكاكا) or in a spelling the press does not use
//     (مكة beside مكة المكرمة, أربيل beside إربل); the source's coordinates
//     and population;
//   - admin1_ar.tsv (beside this file): Arabic names of first-level units
//     (القصيم, عسير, الحدود الشمالية, أبين): the source has each city's
//     unit but no unit of its own; a unit is placed at the population-
//     weighted centre of its cities in the source, with their summed
//     population (kind region).
//
// A hand-written name marked cue (a common word or a person's name: عفيف,
// عمران, القادسية) is Ambiguous unless a source already has it.
//
// Output: one line per (normalised name, place), sorted, tab-separated:
//
//	key  kind  cc  pop  lat  lon  amb
//
// amb is 1 for one-word names that the ANERcorp training split
// (../shared/data/anercorp, research use; only counts are used, no text is
// shipped) tags O more often than LOC: words such as جديد or مدينة that
// are place names only sometimes. The place finder wants a cue word before
// them.
//
// key is arabic.Normalize of the Arabic name with diacritics, tatweel and
// bidi marks removed; kind is country, capital, city, town, village, hamlet,
// region (OSM place classes; GeoNames cities are "city", or "capital" when
// mledoze/countries names them a country's capital) or nisba (a relative adjective
// such as ليبي that points to a country; lat/lon empty). pop is the GeoNames
// population; OSM places without a GeoNames twin get a rank prior by class
// (city 50000, town 10000, village 1000, hamlet 100), not a census figure.
//
// Run from internal/entity: go generate (it finds ../shared/data by walking up).
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/marsad-project/marsad/internal/arabic"
)

// regionPrior is the population given to a hand-listed region (no census
// figure): large enough that the place finder reads it without a cue word,
// as it does a city of a million.
const regionPrior = 1000000

type place struct {
	key      string
	kind     string
	cc       string
	pop      int
	lat, lon float64
	hasGeo   bool
	amb      bool
	hand     bool // a name written for marsad (names_ar.tsv, admin1_ar.tsv), not the source's
}

func main() {
	dataDir := flag.String("data", "", "folder with the gazetteer TSVs (default: find shared/data/gazetteer walking up)")
	out := flag.String("out", "data/gazetteer.tsv", "output file")
	supp := flag.String("supplement", "internal/gengaz/supplement.tsv", "hand-listed supplement")
	flag.Parse()
	if err := run(*dataDir, *supp, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gengaz:", err)
		os.Exit(1)
	}
}

// ambiguity counts, per normalised one-word name, how often ANERcorp's
// training split tags it O and how often LOC.
func ambiguity(dataDir string) (map[string][2]int, error) {
	path := filepath.Join(filepath.Dir(dataDir), "anercorp", "camel_splits_reconstructed", "ANERCorp_CamelLab_train.reconstructed.txt")
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	counts := map[string][2]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) != 2 {
			continue
		}
		k := key(fs[0])
		if k == "" {
			continue
		}
		c := counts[k]
		switch {
		case fs[1] == "O":
			c[0]++
		case strings.HasSuffix(fs[1], "LOC"):
			c[1]++
		}
		counts[k] = c
	}
	return counts, sc.Err()
}

// townPrior is the population given to a hand-listed town (no census
// figure): the OSM town prior.
const townPrior = 10000

type names struct {
	source string   // the city's name in the source, checked
	arabic []string // the Arabic names written for it
	cue    bool     // also a common word: Place.Ambiguous
	used   bool
}

// readNames reads names_ar.tsv: geonameid, source name, Arabic names
// separated by |, cue.
func readNames(path string) (map[string]*names, error) {
	rows, err := readTSV(path)
	if err != nil {
		return nil, err
	}
	out := map[string]*names{}
	for _, r := range rows {
		if len(r) < 4 {
			return nil, fmt.Errorf("%s: want geonameid, name, arabic, cue: %q", path, r)
		}
		out[r[0]] = &names{source: r[1], arabic: strings.Split(r[2], "|"), cue: r[3] == "1"}
	}
	return out, nil
}

func findData() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, "shared", "data", "gazetteer")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("shared/data/gazetteer not found above the working directory; pass -data")
		}
		dir = parent
	}
}

func readTSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	first := true
	for sc.Scan() {
		if first {
			first = false
			continue
		}
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows, sc.Err()
}

// key normalises an Arabic place name; "" when it has no Arabic letter
// (GeoNames "Arabic" alternates are sometimes Latin: Ţubruq).
func key(s string) string {
	k := strings.Join(strings.Fields(arabic.Normalize(s)), " ")
	for _, r := range k {
		if arabic.IsArabicLetter(r) {
			return k
		}
	}
	return ""
}

// Prefixes GeoNames and OSM put before some names: "شعبية سرت" is the
// district of Sirte, "مدينة جرمة" the town of Germa (see SOURCE.md caveats).
var descriptorPrefixes = []string{"شعبيه ", "مدينه ", "بلديه ", "قريه ", "بلده "}

func variants(k string) []string {
	out := []string{k}
	for _, p := range descriptorPrefixes {
		if strings.HasPrefix(k, p) && len(k) > len(p)+2 {
			out = append(out, k[len(p):])
		}
	}
	return out
}

func atof(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return f, err == nil
}

// nisba derives the relative adjective of a country name as written
// (ليبيا → ليبي, لبنان → لبناني, أمريكا → أمريكي, المغرب → مغربي): drop the
// article, drop a final يا or ا, add ي; the result is normalised. A
// heuristic from Arabic morphology (the nisba suffix -iyy); it is used only
// as a context cue, never as a place name. Only ال as written is the
// article: ألمانيا, ألبانيا start with a hamza (their nisbas were ماني and
// باني, "builder", until 2026-12-04).
func nisba(name string) string {
	k := key(name)
	if strings.Contains(k, " ") {
		return ""
	}
	if strings.HasPrefix(strings.TrimSpace(name), "ال") {
		k = strings.TrimPrefix(k, "ال")
	}
	switch {
	case strings.HasSuffix(k, "يا"):
		k = strings.TrimSuffix(k, "يا")
	case strings.HasSuffix(k, "ا"):
		k = strings.TrimSuffix(k, "ا")
	}
	if len([]rune(k)) < 2 {
		return ""
	}
	return k + "ي"
}

func dist(a, b place) float64 {
	dlat := a.lat - b.lat
	dlon := (a.lon - b.lon) * math.Cos(a.lat*math.Pi/180)
	return math.Sqrt(dlat*dlat+dlon*dlon) * 111
}

func run(dataDir, suppPath, out string) error {
	if dataDir == "" {
		d, err := findData()
		if err != nil {
			return err
		}
		dataDir = d
	}
	var places []place
	seenNisba := map[string]bool{}

	// Countries: common and official Arabic names, centroid coordinates.
	countries, err := readTSV(filepath.Join(dataDir, "world_countries_capitals_ar.tsv"))
	if err != nil {
		return err
	}
	addCountry := func(cc, name string, lat, lon float64, ok bool) {
		k := key(name)
		if k == "" {
			return
		}
		places = append(places, place{key: k, kind: "country", cc: cc, lat: lat, lon: lon, hasGeo: ok})
		if n := nisba(name); n != "" && !seenNisba[n+cc] {
			seenNisba[n+cc] = true
			places = append(places, place{key: n, kind: "nisba", cc: cc})
		}
	}
	capitals := map[string]bool{}
	for _, r := range countries {
		if len(r) < 12 {
			continue
		}
		if r[7] != "" {
			capitals[r[7]] = true
		}
		lat, ok1 := atof(r[10])
		lon, ok2 := atof(r[11])
		addCountry(r[0], r[3], lat, lon, ok1 && ok2)
		if r[4] != r[3] {
			addCountry(r[0], r[4], lat, lon, ok1 && ok2)
		}
	}
	coords := map[string][2]float64{}
	for _, p := range places {
		if p.kind == "country" && p.hasGeo {
			if _, ok := coords[p.cc]; !ok {
				coords[p.cc] = [2]float64{p.lat, p.lon}
			}
		}
	}
	supp, err := readTSV(suppPath)
	if err != nil {
		return err
	}
	for _, r := range supp { // cc, kind, arabic name[, lat, lon]
		if len(r) < 3 {
			continue
		}
		k := key(r[2])
		if k == "" {
			continue
		}
		c, ok := coords[r[0]]
		switch r[1] {
		case "country":
			places = append(places, place{key: k, kind: "country", cc: r[0], lat: c[0], lon: c[1], hasGeo: ok})
		case "nisba":
			places = append(places, place{key: k, kind: "nisba", cc: r[0]})
		case "region":
			// a province, district or island the city sources lack; the
			// population is a rank prior (a region is found like a city of a
			// million), the coordinates an approximate centre
			if len(r) < 5 {
				return fmt.Errorf("supplement: region %s: want cc, kind, name, lat, lon", r[2])
			}
			lat, ok1 := atof(r[3])
			lon, ok2 := atof(r[4])
			if !ok1 || !ok2 {
				return fmt.Errorf("supplement: region %s: bad coordinates", r[2])
			}
			places = append(places, place{key: k, kind: "region", cc: r[0], pop: regionPrior, lat: lat, lon: lon, hasGeo: true})
		case "town":
			// a town no source lists: the OSM town prior, an approximate centre
			if len(r) < 5 {
				return fmt.Errorf("supplement: town %s: want cc, kind, name, lat, lon", r[2])
			}
			lat, ok1 := atof(r[3])
			lon, ok2 := atof(r[4])
			if !ok1 || !ok2 {
				return fmt.Errorf("supplement: town %s: bad coordinates", r[2])
			}
			places = append(places, place{key: k, kind: "town", cc: r[0], pop: townPrior, lat: lat, lon: lon, hasGeo: true})
		}
	}

	// GeoNames cities, with the Arabic names written for those the source
	// names in Latin letters or not at all (names_ar.tsv).
	cities, err := readTSV(filepath.Join(dataDir, "geonames_cities15000_ar.tsv"))
	if err != nil {
		return err
	}
	named, err := readNames(filepath.Join(filepath.Dir(suppPath), "names_ar.tsv"))
	if err != nil {
		return err
	}
	cue := map[string]bool{} // hand-written names that are also common words
	var lyCities []place
	for _, r := range cities {
		if len(r) < 11 {
			continue
		}
		keys := []string{key(r[2])}
		if n, ok := named[r[0]]; ok {
			if n.source != r[1] {
				return fmt.Errorf("names_ar.tsv: geonameid %s is %q in the source, not %q", r[0], r[1], n.source)
			}
			n.used = true
			for _, a := range n.arabic {
				keys = append(keys, key(a))
				if n.cue {
					cue[key(a)] = true
				}
			}
		}
		pop, _ := strconv.Atoi(r[8])
		lat, ok1 := atof(r[9])
		lon, ok2 := atof(r[10])
		if !ok1 || !ok2 {
			continue
		}
		kind := "city"
		if capitals[r[0]] {
			kind = "capital"
		}
		for _, k := range keys {
			if k == "" {
				continue
			}
			for _, v := range variants(k) {
				p := place{key: v, kind: kind, cc: r[5], pop: pop, lat: lat, lon: lon, hasGeo: true, hand: k != keys[0]}
				places = append(places, p)
				if r[5] == "LY" {
					lyCities = append(lyCities, p)
				}
			}
		}
	}
	for id, n := range named {
		if !n.used {
			return fmt.Errorf("names_ar.tsv: geonameid %s (%s) is not in the source", id, n.source)
		}
	}

	// First-level units (provinces, governorates): the source has each
	// city's unit but no unit of its own; a unit named in admin1_ar.tsv is
	// placed at its cities' population-weighted centre, with their summed
	// population.
	units, err := readTSV(filepath.Join(filepath.Dir(suppPath), "admin1_ar.tsv"))
	if err != nil {
		return err
	}
	for _, u := range units { // cc, code, English name, Arabic names, cue
		if len(u) < 5 {
			return fmt.Errorf("admin1_ar.tsv: want cc, code, name, arabic, cue: %q", u)
		}
		var pop, lat, lon float64
		for _, r := range cities {
			if len(r) < 11 || r[5] != u[0] || r[3] != u[1] {
				continue
			}
			if r[4] != u[2] {
				return fmt.Errorf("admin1_ar.tsv: %s %s is %q in the source, not %q", u[0], u[1], r[4], u[2])
			}
			p, _ := strconv.Atoi(r[8])
			la, ok1 := atof(r[9])
			lo, ok2 := atof(r[10])
			if !ok1 || !ok2 || p <= 0 {
				continue
			}
			pop += float64(p)
			lat += float64(p) * la
			lon += float64(p) * lo
		}
		if pop == 0 {
			return fmt.Errorf("admin1_ar.tsv: %s %s (%s) has no city in the source", u[0], u[1], u[2])
		}
		for _, a := range strings.Split(u[3], "|") {
			k := key(a)
			if k == "" {
				continue
			}
			if u[4] == "1" {
				cue[k] = true
			}
			places = append(places, place{key: k, kind: "region", cc: u[0], pop: int(pop), lat: lat / pop, lon: lon / pop, hasGeo: true, hand: true})
		}
	}

	// Libyan OSM places; a GeoNames twin (same key within 30 km) gives its
	// population and the OSM duplicate is dropped.
	osm, err := readTSV(filepath.Join(dataDir, "libya_osm_places.tsv"))
	if err != nil {
		return err
	}
	prior := map[string]int{"city": 50000, "town": 10000, "village": 1000, "hamlet": 100}
	for _, r := range osm {
		if len(r) < 7 || r[2] == "" {
			continue
		}
		k := key(r[2])
		if k == "" {
			continue
		}
		lat, ok1 := atof(r[5])
		lon, ok2 := atof(r[6])
		if !ok1 || !ok2 {
			continue
		}
	next:
		for _, v := range variants(k) {
			p := place{key: v, kind: r[1], cc: "LY", pop: prior[r[1]], lat: lat, lon: lon, hasGeo: true}
			for _, c := range lyCities {
				if c.key == v && dist(c, p) < 30 {
					continue next
				}
			}
			places = append(places, p)
		}
	}

	amb, err := ambiguity(dataDir)
	if err != nil {
		return err
	}
	// a hand-written name that is also a common word wants a cue word,
	// unless a source already has it (its places would lose their reading
	// without one)
	sourced := map[string]bool{}
	for _, p := range places {
		if p.kind != "nisba" && !p.hand {
			sourced[p.key] = true
		}
	}
	for i := range places {
		if c := amb[places[i].key]; c[0] >= 2 && c[0] > c[1] || cue[places[i].key] && !sourced[places[i].key] {
			places[i].amb = true
		}
	}
	sort.Slice(places, func(i, j int) bool {
		a, b := places[i], places[j]
		if a.key != b.key {
			return a.key < b.key
		}
		if a.pop != b.pop {
			return a.pop > b.pop
		}
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		if a.cc != b.cc {
			return a.cc < b.cc
		}
		if a.lat != b.lat {
			return a.lat < b.lat
		}
		return a.lon < b.lon
	})
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "# marsad place gazetteer, generated by internal/entity/internal/gengaz (go generate). Do not edit.")
	fmt.Fprintln(w, "# Sources: OpenStreetMap (ODbL 1.0), GeoNames (CC BY 4.0), mledoze/countries (ODbL 1.0). See NOTICE.")
	fmt.Fprintln(w, "# key\tkind\tcc\tpop\tlat\tlon\tamb")
	var last string
	n := 0
	for _, p := range places {
		lat, lon := "", ""
		if p.hasGeo {
			lat, lon = strconv.FormatFloat(p.lat, 'f', 4, 64), strconv.FormatFloat(p.lon, 'f', 4, 64)
		}
		a := "0"
		if p.amb {
			a = "1"
		}
		line := fmt.Sprintf("%s\t%s\t%s\t%d\t%s\t%s\t%s", p.key, p.kind, p.cc, p.pop, lat, lon, a)
		if line == last {
			continue
		}
		last = line
		fmt.Fprintln(w, line)
		n++
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gengaz: wrote %d entries to %s\n", n, out)
	return nil
}
