package web

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// countriesGz holds country outlines from world-atlas 2.0.2 (countries-50m,
// Natural Earth 1:50m, public domain), converted by tools/assets/build.mjs
// into integer hundredths of a degree, delta-encoded per ring.
//
//go:embed geodata/countries.json.gz
var countriesGz []byte

type country struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	BBox  [4]int  `json:"bbox"` // minLon, minLat, maxLon, maxLat in 1/100 degree
	Rings [][]int `json:"rings"`
}

type countryFile struct {
	Source    string    `json:"source"`
	Unit      float64   `json:"unit"`
	Countries []country `json:"countries"`
}

// loadCountries decodes the embedded outlines once; they are shared
// read-only by every request.
var loadCountries = sync.OnceValues(func() ([]country, error) {
	zr, err := gzip.NewReader(bytes.NewReader(countriesGz))
	if err != nil {
		return nil, fmt.Errorf("web: map data: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("web: map data: %w", err)
	}
	var f countryFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("web: map data: %w", err)
	}
	return f.Countries, nil
})

// MapPoint is one place to plot.
type MapPoint struct {
	Name     string
	Lat, Lon float64
	Count    int    // events at this place; sets the marker size
	Href     string // where the marker links to
}

// mapView is what the map template draws: an SVG with country outlines and
// place markers, in an equirectangular projection zoomed to the points.
type mapView struct {
	Width, Height int
	Countries     []mapCountry
	Points        []mapMarker
	Caption       string
	// The extent drawn, in degrees, for the caption.
	MinLon, MaxLon, MinLat, MaxLat float64
}

type mapCountry struct {
	Name string
	D    string // SVG path data
}

type mapMarker struct {
	MapPoint
	X, Y, R    float64
	Label      bool // drawn for the busiest places only; the others have a tooltip
	LabelX     float64
	LabelRight bool // draw the label to the right of the marker
}

// mapLabels is how many of the busiest places get a name on the map; more
// overlap in a dense region and cannot be read.
const mapLabels = 12

// Map sizing. The minimum span keeps a single place from filling the whole
// map: 6° shows a Libyan city with its neighbours.
const (
	mapWidth   = 800
	mapMaxH    = 520
	mapMinSpan = 6.0
	mapPadFrac = 0.2
)

// buildMap projects points and the countries around them. It returns nil
// when there is nothing to plot.
func buildMap(points []MapPoint) (*mapView, error) {
	var pts []MapPoint
	for _, p := range points {
		if p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 || (p.Lat == 0 && p.Lon == 0) {
			continue
		}
		pts = append(pts, p)
	}
	if len(pts) == 0 {
		return nil, nil
	}
	countries, err := loadCountries()
	if err != nil {
		return nil, err
	}
	minLon, maxLon, minLat, maxLat := pts[0].Lon, pts[0].Lon, pts[0].Lat, pts[0].Lat
	for _, p := range pts[1:] {
		minLon, maxLon = math.Min(minLon, p.Lon), math.Max(maxLon, p.Lon)
		minLat, maxLat = math.Min(minLat, p.Lat), math.Max(maxLat, p.Lat)
	}
	// Pad, then enforce the minimum span around the centre.
	padLon, padLat := (maxLon-minLon)*mapPadFrac, (maxLat-minLat)*mapPadFrac
	minLon, maxLon, minLat, maxLat = minLon-padLon, maxLon+padLon, minLat-padLat, maxLat+padLat
	widen := func(lo, hi, span float64) (float64, float64) {
		if hi-lo >= span {
			return lo, hi
		}
		c := (lo + hi) / 2
		return c - span/2, c + span/2
	}
	minLon, maxLon = widen(minLon, maxLon, mapMinSpan)
	minLat, maxLat = widen(minLat, maxLat, mapMinSpan*0.6)
	// Equirectangular with the standard parallel at the centre, so shapes
	// near the centre keep their proportions.
	midLat := (minLat + maxLat) / 2
	kx := math.Cos(midLat * math.Pi / 180)
	if kx < 0.2 {
		kx = 0.2
	}
	spanX, spanY := (maxLon-minLon)*kx, maxLat-minLat
	// Fit into mapWidth × at most mapMaxH, widening the shorter side.
	if spanY/spanX > float64(mapMaxH)/mapWidth {
		want := spanY * mapWidth / mapMaxH / kx
		minLon, maxLon = widen(minLon, maxLon, want)
		spanX = (maxLon - minLon) * kx
	}
	scale := mapWidth / spanX
	height := int(math.Ceil(spanY * scale))
	project := func(lon, lat float64) (float64, float64) {
		return (lon - minLon) * kx * scale, (maxLat - lat) * scale
	}
	v := &mapView{Width: mapWidth, Height: height,
		Caption: "أماكن الأحداث بإحداثيات المعجم الجغرافي؛ مساحة الدائرة بعدد الأحداث. أسماء أكثر الأماكن أحداثًا مكتوبة، ولغيرها تلميح عند المرور؛ الضغط على الدائرة يعرض أحداث المكان."}
	v.MinLon, v.MaxLon, v.MinLat, v.MaxLat = minLon, maxLon, minLat, maxLat
	// Countries whose box meets the view (in 1/100 degree).
	vb := [4]int{int(minLon*100) - 1, int(minLat*100) - 1, int(maxLon*100) + 1, int(maxLat*100) + 1}
	for _, c := range countries {
		if c.BBox[2] < vb[0] || c.BBox[0] > vb[2] || c.BBox[3] < vb[1] || c.BBox[1] > vb[3] {
			continue
		}
		d := ringsPath(c.Rings, project)
		if d != "" {
			v.Countries = append(v.Countries, mapCountry{Name: c.Name, D: d})
		}
	}
	maxCount := 1
	for _, p := range pts {
		maxCount = max(maxCount, p.Count)
	}
	for _, p := range pts {
		x, y := project(p.Lon, p.Lat)
		// Marker area grows with the count: r ∝ √count, 4–14 px.
		r := 4 + 10*math.Sqrt(float64(max(p.Count, 1))/float64(maxCount))
		m := mapMarker{MapPoint: p, X: round1(x), Y: round1(y), R: round1(r)}
		// Labels go on the side with more room.
		if x < mapWidth/2 {
			m.LabelRight, m.LabelX = true, round1(x+r+3)
		} else {
			m.LabelX = round1(x - r - 3)
		}
		v.Points = append(v.Points, m)
	}
	// Big markers first so small ones stay clickable on top.
	sort.SliceStable(v.Points, func(i, j int) bool { return v.Points[i].R > v.Points[j].R })
	// Name the busiest places whose labels do not collide with a label
	// already placed (a label is about 7px a letter at 13px, 16px high).
	type box struct{ x0, y0, x1, y1 float64 }
	var placed []box
	byCount := make([]int, len(v.Points))
	for i := range byCount {
		byCount[i] = i
	}
	sort.SliceStable(byCount, func(a, b int) bool { return v.Points[byCount[a]].Count > v.Points[byCount[b]].Count })
	for _, i := range byCount {
		if len(placed) == mapLabels {
			break
		}
		m := &v.Points[i]
		w := 7*float64(utf8.RuneCountInString(m.Name)) + 28
		b := box{m.LabelX - w, m.Y - 10, m.LabelX, m.Y + 8}
		if m.LabelRight {
			b.x0, b.x1 = m.LabelX, m.LabelX+w
		}
		free := true
		for _, o := range placed {
			if b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1 {
				free = false
				break
			}
		}
		if free {
			m.Label = true
			placed = append(placed, b)
		}
	}
	return v, nil
}

// ringsPath writes SVG path data for delta-encoded rings, dropping points
// closer than half a pixel to the last one kept (they cannot be seen).
func ringsPath(rings [][]int, project func(lon, lat float64) (float64, float64)) string {
	var b strings.Builder
	for _, ring := range rings {
		x, y := 0, 0
		var lastX, lastY float64
		n := 0
		for i := 0; i+1 < len(ring); i += 2 {
			x += ring[i]
			y += ring[i+1]
			px, py := project(float64(x)/100, float64(y)/100)
			// A ring crossing the antimeridian (Russia, Fiji) jumps 360 degrees:
			// lift the pen instead of drawing a line across the world.
			jump := i > 0 && (ring[i] > 18000 || ring[i] < -18000)
			if n > 0 && !jump && math.Abs(px-lastX) < 0.5 && math.Abs(py-lastY) < 0.5 && i+2 < len(ring) {
				continue
			}
			if n == 0 || jump {
				b.WriteByte('M')
			} else {
				b.WriteByte('L')
			}
			b.WriteString(strconv.FormatFloat(round1(px), 'f', -1, 64))
			b.WriteByte(',')
			b.WriteString(strconv.FormatFloat(round1(py), 'f', -1, 64))
			lastX, lastY = px, py
			n++
		}
		if n > 0 {
			b.WriteByte('Z')
		}
	}
	return b.String()
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }
