package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/araddon/dateparse"
	"github.com/marsad-project/marsad/internal/arabic"
)

// dateLayouts are tried in order; they are the forms seen in news data:
// RFC 3339 (JSON APIs, Atom), SaudiNewsNet's "2015-07-21 02:51:48"
// (arabic-news), bare dates, RFC 1123 (RSS).
var dateLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006",
	"January 2, 2006",
}

// arabicMonths maps month names (normalised) to months: the Egyptian and
// Gulf transliterations (يناير …) and the Levantine/Iraqi names (كانون الثاني
// …), both used in datelines ("28 أغسطس/آب", seed 001).
var arabicMonths = map[string]time.Month{
	"يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
	"يوليو": 7, "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
	"كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6,
	"تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
	"جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8, // Maghreb
}

// ParseDate reads a publication date in the common forms of news data:
// RFC 3339, "2015-07-21 02:51:48", "2015-07-21", RFC 1123, Unix seconds,
// "21 يوليو 2015" / "21 تموز 2015" (Arabic-Indic digits too), and what
// github.com/araddon/dateparse recognises. Times without a zone are UTC.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, fmt.Errorf("empty date")
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	if t, ok := arabicDate(s); ok {
		return t, nil
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) >= 9 && len(s) <= 13 {
		if len(s) == 13 {
			return time.UnixMilli(n).UTC(), nil
		}
		return time.Unix(n, 0).UTC(), nil
	}
	if t, err := dateparse.ParseIn(s, time.UTC); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("unrecognised date %q", s)
}

// arabicDate reads "21 يوليو 2015", "الثلاثاء 21 يوليو 2015", "21 تموز/يوليو 2015".
func arabicDate(s string) (time.Time, bool) {
	var day, year int
	var month time.Month
	words := strings.FieldsFunc(arabic.Normalize(s), func(r rune) bool {
		return r == ' ' || r == '/' || r == '-' || r == '،' || r == ','
	})
	for i := 0; i < len(words); i++ {
		w := words[i]
		if n, err := strconv.Atoi(w); err == nil {
			switch {
			case n > 31 && year == 0:
				year = n
			case n >= 1 && day == 0 && month == 0:
				day = n
			}
			continue
		}
		if i+1 < len(words) {
			if m, ok := arabicMonths[w+" "+words[i+1]]; ok && month == 0 {
				month = m
				i++
				continue
			}
		}
		if m, ok := arabicMonths[w]; ok && month == 0 {
			month = m
		}
	}
	if day == 0 || month == 0 || year < 1900 || year > 2200 || day > 31 {
		return time.Time{}, false
	}
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC), true
}
