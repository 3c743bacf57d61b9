package web

import (
	"fmt"
	"math"
	"net/url"
	"sort"
	"time"
)

// timelineView is an SVG bar chart of event counts over time. Each bar links
// to the events of its period, so the chart needs no JavaScript.
type timelineView struct {
	Width, Height int
	Bars          []timelineBar
	Ticks         []timelineTick
	Unit          string // "يوم", "أسبوع" or "شهر": what one bar covers
	Total         int
	Undated       int // events whose date is unknown or only a year
}

type timelineBar struct {
	X, Y, W, H float64
	Count      int
	From, To   string // ISO dates, inclusive
	Label      string // Arabic date of the period, for the tooltip
	Href       string
}

type timelineTick struct {
	X      float64
	Label  string
	Anchor string // SVG text-anchor: the end ticks stay inside the chart
}

const (
	tlWidth   = 800
	tlHeight  = 140
	tlAxis    = 22 // room for tick labels under the bars
	tlMaxBars = 90 // more periods than this and bars are grouped by week, then month
)

// buildTimeline counts dates (YYYY-MM-DD, or YYYY-MM counted on the 1st) into
// days, weeks or months. link builds the URL of a period's events from the
// base query q (its from/to are replaced). It returns nil when no date is known.
func buildTimeline(dates []string, base string, q url.Values) *timelineView {
	var days []time.Time
	undated := 0
	for _, d := range dates {
		t, ok := parseEventDate(d)
		if !ok {
			undated++
			continue
		}
		days = append(days, t)
	}
	if len(days) == 0 {
		return nil
	}
	sort.Slice(days, func(i, j int) bool { return days[i].Before(days[j]) })
	first, last := days[0], days[len(days)-1]
	unit, step := "يوم", func(t time.Time) time.Time { return t }
	next := func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }
	spanDays := int(last.Sub(first).Hours()/24) + 1
	switch {
	case spanDays <= tlMaxBars:
	case spanDays <= tlMaxBars*7:
		unit = "أسبوع"
		// Weeks start on Saturday, as the working week in most Arab countries.
		step = func(t time.Time) time.Time { return t.AddDate(0, 0, -((int(t.Weekday()) + 1) % 7)) }
		next = func(t time.Time) time.Time { return t.AddDate(0, 0, 7) }
	default:
		unit = "شهر"
		step = func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) }
		next = func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }
	}
	type bucket struct {
		start time.Time
		n     int
	}
	var buckets []bucket
	for t := step(first); !t.After(last); t = next(t) {
		buckets = append(buckets, bucket{start: t})
	}
	i := 0
	for _, d := range days {
		for i+1 < len(buckets) && !d.Before(buckets[i+1].start) {
			i++
		}
		buckets[i].n++
	}
	maxN := 1
	for _, b := range buckets {
		maxN = max(maxN, b.n)
	}
	v := &timelineView{Width: tlWidth, Height: tlHeight + tlAxis, Unit: unit, Total: len(days), Undated: undated}
	slot := float64(tlWidth) / float64(len(buckets))
	// Bars fill 80% of their slot, but no wider than 40px: one day alone
	// should not look like a wall.
	w := math.Min(40, math.Max(1, slot*0.8))
	for k, b := range buckets {
		end := next(b.start).AddDate(0, 0, -1)
		// Right-to-left page, so time runs from right to left like the text.
		x := float64(tlWidth) - float64(k+1)*slot + (slot-w)/2
		h := 0.0
		if b.n > 0 {
			h = math.Max(2, float64(b.n)/float64(maxN)*(tlHeight-8))
		}
		qq := url.Values{}
		for key, vals := range q {
			if key != "from" && key != "to" && key != "page" {
				qq[key] = vals
			}
		}
		qq.Set("from", b.start.Format(time.DateOnly))
		qq.Set("to", end.Format(time.DateOnly))
		label := arabicDate(b.start)
		if unit != "يوم" {
			label = arabicDate(b.start) + " – " + arabicDate(end)
		}
		if unit == "شهر" {
			label = arabicMonth(b.start)
		}
		v.Bars = append(v.Bars, timelineBar{
			X: round1(x), Y: round1(tlHeight - h), W: round1(w), H: round1(h), Count: b.n,
			From: b.start.Format(time.DateOnly), To: end.Format(time.DateOnly),
			Label: label, Href: base + "?" + qq.Encode(),
		})
	}
	// Ticks: first, last and a few between.
	nt := min(len(buckets), 5)
	for k := 0; k < nt; k++ {
		idx := 0
		if nt > 1 {
			idx = k * (len(buckets) - 1) / (nt - 1)
		}
		b := v.Bars[idx]
		lab := arabicDate(buckets[idx].start)
		if unit == "شهر" {
			lab = arabicMonth(buckets[idx].start)
		}
		anchor := "middle"
		switch {
		case nt == 1:
		case k == 0:
			anchor = "end" // the rightmost tick: text runs leftwards from the bar's right edge
		case k == nt-1:
			anchor = "start"
		}
		x := b.X + b.W/2
		if anchor == "end" {
			x = math.Min(float64(tlWidth)-2, b.X+b.W)
		} else if anchor == "start" {
			x = math.Max(2, b.X)
		}
		v.Ticks = append(v.Ticks, timelineTick{X: round1(x), Label: lab, Anchor: anchor})
	}
	return v
}

// parseEventDate reads an event date: YYYY-MM-DD, or YYYY-MM (the 1st).
// A bare year is too coarse for a timeline.
func parseEventDate(s string) (time.Time, bool) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return t, true
	}
	return time.Time{}, false
}

// Month names as used in Egyptian and Libyan news (the seed corpus); the
// Levantine names (كانون الثاني …) appear in the search variants table.
var arabicMonths = [12]string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}

// arabicDate formats t as "12 سبتمبر 2018" (Western digits, as the sources write them).
func arabicDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", t.Day(), arabicMonths[t.Month()-1], t.Year())
}

func arabicMonth(t time.Time) string {
	return fmt.Sprintf("%s %d", arabicMonths[t.Month()-1], t.Year())
}
