package event

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Month names, normalised: the Egyptian/Gulf transliterations (يناير …),
// the Levantine/Iraqi Syriac names (كانون الثاني …) and the Maghrebi
// (Moroccan يوليوز غشت شتنبر نونبر دجنبر; Algerian/Tunisian جانفي فيفري
// افريل جوان جويلية اوت). آب (normalised اب, also "father") counts only
// after a day number or another month name.
var monthNames = normKeys(map[string]int{
	"يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7, "اغسطس": 8,
	"سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
	"شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "ايلول": 9,
	"ماي": 5, "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12, "اكتوبر ": 10,
	"جانفي": 1, "فيفري": 2, "افريل": 4, "جوان": 6, "جويليه": 7, "اوت": 8,
})

// Two-word Levantine names: كانون الثاني (January), تشرين الاول …
var monthPairs = normKeys(map[string]map[string]int{
	"كانون": {"الثاني": 1, "الاول": 12},
	"تشرين": {"الاول": 10, "الثاني": 11},
})

var weekdays = normKeys(map[string]time.Weekday{
	"الاحد": time.Sunday, "الاثنين": time.Monday, "الثلاثاء": time.Tuesday, "الاربعاء": time.Wednesday,
	"الخميس": time.Thursday, "الجمعه": time.Friday, "السبت": time.Saturday,
})

// DateExpr is a date expression found in a sentence.
type DateExpr struct {
	Text       string // the original words
	First      int    // first word index
	Last       int    // last word index
	Start, End int    // byte offsets in the document
	Date       string // ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY); "" when it needs a publication date that is unknown
	Future     bool   // the expression points forward (غدا، المقبل)
	bareDay    bool   // a weekday without الماضي / المقبل: its direction follows the event's tense
	weekday    time.Weekday
	bareMonth  bool // a day and month with neither year nor الماضي / المقبل
	ahead      bool // a span ahead ("خلال الساعات القادمة"): dates only a planned event, and does not make one

}

// Resolve re-reads a bare weekday for a planned event: the coming one
// instead of the most recent.
func (e DateExpr) resolve(pub time.Time, planned bool) string {
	if e.bareDay && planned && !pub.IsZero() {
		d := (int(e.weekday) - int(pub.Weekday()) + 7) % 7 // the coming one, the publication day included
		return pub.AddDate(0, 0, d).Format("2006-01-02")
	}
	// "يزور باريس في 3 يوليو" published on 21 July: the coming 3 July
	if e.bareMonth && planned && !pub.IsZero() && e.Date != "" {
		if t, err := time.Parse("2006-01-02", e.Date); err == nil && t.Before(pub.Truncate(24*time.Hour)) {
			return t.AddDate(1, 0, 0).Format("2006-01-02")
		}
	}
	return e.Date
}

// month reads a month name at words[i] (with its other naming after a slash
// or in brackets: أغسطس/آب, تموز/يوليو) and returns the month and the
// index after it.
func month(words []word, i int) (int, int) {
	if i >= len(words) {
		return 0, i
	}
	n := words[i].base
	if _, ok := monthNames[words[i].Norm]; ok {
		n = words[i].Norm
	} else if _, ok := monthPairs[words[i].Norm]; ok {
		n = words[i].Norm
	}
	m := 0
	j := i + 1
	if v, ok := monthNames[n]; ok {
		m = v
	} else if pm, ok := monthPairs[n]; ok && j < len(words) {
		if v, ok := pm[words[j].Norm]; ok {
			m = v
			j++
		}
	}
	if m == 0 {
		return 0, i
	}
	// the other naming: "أغسطس/آب", "تموز/ يوليو", "ديسمبر/كانون الأول"
	if j < len(words) {
		n2 := words[j].Norm
		if _, ok := monthNames[n2]; ok {
			j++
		} else if n2 == "اب" {
			j++
		} else if pm, ok := monthPairs[n2]; ok && j+1 < len(words) {
			if _, ok := pm[words[j+1].Norm]; ok {
				j += 2
			}
		}
	}
	return m, j
}

// Words that put a month name right after them ("في مارس", "منذ مارس",
// "شهر مارس").
var monthBefore = normKeys(map[string]bool{
	"في": true, "فى": true, "منذ": true, "شهر": true, "خلال": true, "حتي": true, "من": true, "الي": true,
	"مطلع": true, "منتصف": true, "اواخر": true, "اوائل": true, "نهايه": true, "بدايه": true, "قبل": true, "بعد": true,
})

// practised reports the verb مارس (practised, exercised: "مارس النشاطات
// العادية", "ومارس الضغوط") read as the month March: the month's word with
// a definite noun after it and no word before it that governs a month.
func practised(words []word, i, k int) bool {
	if words[i].base != "مارس" || k >= len(words) || k != i+1 || words[i].boundary {
		return false
	}
	if i > 0 && (monthBefore[words[i-1].Norm] || monthBefore[words[i-1].base] || words[i-1].number) {
		return false
	}
	return strings.HasPrefix(words[k].Norm, "ال") && !words[k].number
}

func dayNumber(w word) (int, bool) {
	if !w.number {
		return 0, false
	}
	d := 0
	for _, r := range w.Norm {
		if r < '0' || r > '9' {
			return 0, false
		}
		d = d*10 + int(r-'0')
	}
	return d, d >= 1 && d <= 31
}

func yearNumber(w word) (int, bool) {
	if !w.number || len(w.Norm) != 4 {
		return 0, false
	}
	y := 0
	for _, r := range w.Norm {
		if r < '0' || r > '9' {
			return 0, false
		}
		y = y*10 + int(r-'0')
	}
	return y, y >= 1900 && y <= 2100
}

func isPast(n string) bool {
	switch n {
	case "الماضي", "الماضيه", "المنصرم", "المنصرمه", "السابق", "الفائت":
		return true
	}
	return false
}

func isCurrent(n string) bool {
	switch n {
	case "الجاري", "الجاريه", "الحالي", "الحاليه":
		return true
	}
	return false
}

// ofYear reads "من العام الماضي / قبل الماضي / الجاري / نفسه" (or السنة)
// at words[i] after a month: the year, the last word, whether the year is
// known (نفسه / ذاته refer to a year named earlier: not known here), and
// whether the phrase is there. A relative year needs pub.
func ofYear(words []word, i int, pub time.Time) (int, int, bool, bool) {
	if i+2 >= len(words) || words[i].Norm != "من" {
		return 0, i, false, false
	}
	if n := words[i+1].Norm; n != "العام" && n != "السنه" && n != "عام" {
		return 0, i, false, false
	}
	n := words[i+2].Norm
	switch {
	case n == "قبل" && i+3 < len(words) && isPast(words[i+3].Norm):
		return pub.Year() - 2, i + 3, !pub.IsZero(), true
	case isPast(n):
		return pub.Year() - 1, i + 2, !pub.IsZero(), true
	case isCurrent(n):
		return pub.Year(), i + 2, !pub.IsZero(), true
	case n == "نفسه" || n == "ذاته":
		return 0, i + 2, false, true
	}
	return 0, i, false, false
}

func isNext(n string) bool {
	switch n {
	case "المقبل", "المقبله", "القادم", "القادمه", "التالي":
		return true
	}
	return false
}

// conjStart is where a date expression's text begins: after the
// conjunction و glued to its first word ("والأحد، شن …" tells "الأحد").
func conjStart(text string, w word) int {
	if strings.HasPrefix(w.Text, "و") && len(w.readings) > 1 && w.readings[1] == strings.TrimPrefix(w.Norm, "و") && w.Start+len("و") < w.End {
		return w.Start + len("و")
	}
	return w.Start
}

// findDates returns the date expressions of a sentence, resolved against
// pub (zero: unknown, the expressions keep their words and no date). A bare
// weekday resolves to the most recent one (the publication day included);
// DateExpr.resolve moves it forward for a planned event.
func findDates(text string, words []word, pub time.Time) []DateExpr {
	var out []DateExpr
	has := !pub.IsZero()
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	emit := func(first, last int, date string, future bool) {
		end := words[last].End
		// "اليوم (الاثنين)": the bracket closes the expression
		if words[last].paren && words[first].Start < end && !words[first].paren && strings.HasPrefix(text[end:], ")") {
			end++
		}
		start := conjStart(text, words[first])
		out = append(out, DateExpr{
			Text: text[start:end], First: first, Last: last,
			Start: start, End: end, Date: date, Future: future,
		})
	}
	lead := -1 // a weekday before an explicit date: "السبت 18 يوليو"
	for i := 0; i < len(words); i++ {
		n := words[i].base
		nn := words[i].Norm
		next := func(k int) string {
			if i+k < len(words) {
				return words[i+k].Norm
			}
			return ""
		}
		switch {
		// أول أمس / أول من أمس
		case n == "اول" && (next(1) == "امس" || next(1) == "من" && next(2) == "امس"):
			last := i + 1
			if next(1) == "من" {
				last = i + 2
			}
			emit(i, last, ifDate(has, func() string { return day(pub.AddDate(0, 0, -2)) }), false)
			i = last
		case (n == "امس" || nn == "امس" || nn == "بالامس") && !rhetoricalYesterday(words, i):
			if next(1) == "الاول" { // أمس الأول
				emit(i, i+1, ifDate(has, func() string { return day(pub.AddDate(0, 0, -2)) }), false)
				i++
				continue
			}
			// "أمس الأحد": the weekday names the same day
			last, d := named(words, i, pub, -1)
			emit(i, last, ifDate(has, func() string { return day(d) }), false)
			i = last
		case nn == "الليله" && isPast(next(1)): // "الليلة الماضية": last night
			emit(i, i+1, ifDate(has, func() string { return day(pub.AddDate(0, 0, -1)) }), false)
			i++
		case (nn == "اليوم" || nn == "الليله" || nn == "واليوم") && !notToday(words, i):
			last, d := named(words, i, pub, 0)
			emit(i, last, ifDate(has, func() string { return day(d) }), false)
			i = last
		case n == "بعد" && (next(1) == "غد" || next(1) == "غدا"):
			last, d := named(words, i+1, pub, 2) // "بعد غد الأربعاء"
			emit(i, last, ifDate(has, func() string { return day(d) }), true)
			i = last
		case nn == "غدا" || nn == "وغدا" || tomorrowNoun(words, i):
			// "غدا الاثنين": the weekday names the day, as after أمس
			last, d := named(words, i, pub, 1)
			emit(i, last, ifDate(has, func() string { return day(d) }), true)
			i = last
		case nn == "الساعات" && (isNext(next(1)) || next(1) == "الماضيه" || next(1) == "الاخيره"):
			// "خلال الساعات القادمة / الماضية": the publication day
			emit(i, i+1, ifDate(has, func() string { return day(pub) }), false)
			out[len(out)-1].ahead = isNext(next(1))
			i++
		case nn == "الايام" && isNext(next(1)):
			// "خلال الأيام المقبلة": forward, no one day
			emit(i, i+1, "", false)
			out[len(out)-1].ahead = true
			i++
		case n == "اسبوع" || nn == "الاسبوع":
			if isPast(next(1)) {
				emit(i, i+1, ifDate(has, func() string { return day(pub.AddDate(0, 0, -7)) }), false)
				i++
			} else if isNext(next(1)) {
				emit(i, i+1, ifDate(has, func() string { return day(pub.AddDate(0, 0, 7)) }), true)
				i++
			}
		case nn == "الشهر" || n == "شهر" && strings.HasPrefix(nn, "ال"):
			if isPast(next(1)) {
				emit(i, i+1, ifDate(has, func() string { return pub.AddDate(0, -1, 0).Format("2006-01") }), false)
				i++
			} else if isNext(next(1)) {
				emit(i, i+1, ifDate(has, func() string { return pub.AddDate(0, 1, 0).Format("2006-01") }), true)
				i++
			} else if isCurrent(next(1)) { // "الشهر الجاري"
				emit(i, i+1, ifDate(has, func() string { return pub.Format("2006-01") }), false)
				i++
			}
		case nn == "العام" || nn == "السنه" || n == "عام" || n == "سنه":
			if next(1) == "قبل" && isPast(next(2)) { // "العام قبل الماضي"
				emit(i, i+2, ifDate(has, func() string { return fmt.Sprint(pub.Year() - 2) }), false)
				i += 2
			} else if isPast(next(1)) {
				emit(i, i+1, ifDate(has, func() string { return fmt.Sprint(pub.Year() - 1) }), false)
				i++
			} else if isNext(next(1)) {
				emit(i, i+1, ifDate(has, func() string { return fmt.Sprint(pub.Year() + 1) }), true)
				i++
			} else if isCurrent(next(1)) { // "العام الجاري"
				emit(i, i+1, ifDate(has, func() string { return fmt.Sprint(pub.Year()) }), false)
				i++
			} else if y, ok := yearNumberAt(words, i+1); ok {
				emit(i, i+1, fmt.Sprint(y), false)
				i++
			}
		default:
			if wd, ok := weekdayOf(words[i]); ok {
				first := i
				if i > 0 && words[i-1].base == "يوم" {
					first = i - 1
				}
				last := i
				dir := 0
				if isPast(next(1)) {
					dir, last = -1, i+1
				} else if isNext(next(1)) {
					dir, last = 1, i+1
				}
				// "السبت 18 يوليو", "الجمعة 17 يوليو/تموز 2015": the date
				// that follows names the day
				if dir == 0 && i+1 < len(words) {
					if _, ok := dayNumber(words[i+1]); ok {
						j := i + 2
						if j+1 < len(words) && words[j].Norm == "و" {
							j += 2
						}
						if m, _ := month(words, j); m > 0 {
							lead = first
							continue
						}
						if m, _ := hijriMonth(words, j); m > 0 { // "يوم الأحد 28 رجب 1436هـ"
							lead = first
							continue
						}
						if _, _, ok := numericDate(text, words, i+1, pub); ok { // "يوم الخميس 14 / 10 / 1436هـ"
							lead = first
							continue
						}
					}
				}
				emitWeekday(&out, text, words, first, last, wd, dir, pub)
				i = last
				continue
			}
			if last, date, ok := numericDate(text, words, i, pub); ok {
				// "30/7/2015"، "14 / 10 / 1436هـ الموافق 30 / 7 / 2015م"
				first := i
				if lead >= 0 && lead >= i-2 {
					first = lead
				}
				emit(first, last, leadWeekday(words, first, i, date), false)
				i = last
				continue
			}
			if d, ok := dayNumber(words[i]); ok {
				// "12 و13 نوفمبر", "28 أغسطس/آب الماضي", "24 أكتوبر 2018"
				j := i + 1
				if j+1 < len(words) && words[j].Norm == "و" {
					if _, ok := dayNumber(words[j+1]); ok {
						j += 2
					}
				}
				if hm, k := hijriMonth(words, j); hm > 0 {
					// "28 رجب 1436هـ الموافق 17 مايو 2015م", "12 شوال 1436هـ"
					first := i
					if lead >= 0 && lead >= i-2 {
						first = lead
					}
					last, date := hijriDate(words, k, d, hm, pub)
					emit(first, last, leadWeekday(words, first, i, date), false)
					i = last
					continue
				}
				if m, k := month(words, j); m > 0 {
					last := k - 1
					y, hasYear := 0, false
					if k < len(words) {
						if yy, ok := yearNumber(words[k]); ok {
							y, hasYear, last = yy, true, k
						} else if (words[k].base == "سنه" || words[k].base == "عام") && k+1 < len(words) {
							// "11 فبراير (شباط) سنة 2011"
							if yy, ok := yearNumber(words[k+1]); ok {
								y, hasYear, last = yy, true, k+1
							}
						}
					}
					future := false
					dir := 0
					if last+1 < len(words) {
						if isPast(words[last+1].Norm) {
							dir, last = -1, last+1
						} else if isNext(words[last+1].Norm) {
							dir, last, future = 1, last+1, true
						} else if isCurrent(words[last+1].Norm) && !hasYear && has { // "25 يوليو الجاري"
							y, hasYear, last = pub.Year(), true, last+1
						}
					}
					date := ""
					if !hasYear && dir == 0 {
						// "20 فبراير من العام الماضي"
						if yy, l, known, ok := ofYear(words, last+1, pub); ok {
							last = l
							y, hasYear = yy, known
							if !known {
								dir = 2 // "من العام نفسه": a year the text named before
							}
						}
					}
					if hasYear {
						date = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
					} else if has && dir != 2 {
						date = nearestDate(pub, m, d, dir).Format("2006-01-02")
					}
					first := i
					if lead >= 0 && lead >= i-2 {
						first = lead
					}
					emit(first, last, date, future)
					out[len(out)-1].bareMonth = !hasYear && dir == 0 && date != ""
					i = last
					continue
				}
			}
			if m, k := month(words, i); m > 0 && (i == 0 || !words[i-1].number) {
				// "في مايو/أيار", "ديسمبر/كانون الأول 2016", "يوليو الماضي"
				if n == "اب" || practised(words, i, k) {
					continue
				}
				last := k - 1
				date := ""
				if k < len(words) {
					if y, ok := yearNumber(words[k]); ok {
						date, last = fmt.Sprintf("%04d-%02d", y, m), k
					} else if (words[k].base == "عام" || words[k].base == "سنه") && k+1 < len(words) {
						// "في شهر سبتمبر (أيلول) عام 1964"
						if y, ok := yearNumber(words[k+1]); ok {
							date, last = fmt.Sprintf("%04d-%02d", y, m), k+1
						}
					}
				}
				dir := 0
				if last+1 < len(words) {
					if isPast(words[last+1].Norm) {
						dir, last = -1, last+1
					} else if isNext(words[last+1].Norm) {
						dir, last = 1, last+1
					}
				}
				if date == "" && dir == 0 {
					// "في يوليو (تموز) من العام قبل الماضي"
					if y, l, known, ok := ofYear(words, last+1, pub); ok {
						last = l
						if known {
							date = fmt.Sprintf("%04d-%02d", y, m)
						} else {
							dir = 2
						}
					}
				}
				if date == "" && has && dir != 2 {
					date = nearestDate(pub, m, 1, dir).Format("2006-01")
				}
				emit(i, last, date, dir > 0)
				i = last
				continue
			}
			if y, ok := yearNumber(words[i]); ok && i > 0 && (words[i-1].Norm == "في" || words[i-1].Norm == "فى" || words[i-1].base == "منذ") {
				emit(i, i, fmt.Sprint(y), false)
			}
		}
	}
	return out
}

// named reads the weekday that may follow a relative day word at i ("أمس
// الأحد", "اليوم (الاثنين)") and returns the last word of the expression and
// its date: pub shifted by off days, or, when the weekday named differs (a
// paper dated the morning after it was written), the day with that weekday:
// for today and yesterday the latest one up to a day after, for tomorrow
// the nearest (at most three days away).
func named(words []word, i int, pub time.Time, off int) (int, time.Time) {
	d := pub.AddDate(0, 0, off)
	if i+1 >= len(words) {
		return i, d
	}
	wd, ok := weekdayOf(words[i+1])
	if !ok {
		return i, d
	}
	diff := (int(wd) - int(d.Weekday()) + 7) % 7
	if off <= 0 {
		// today or yesterday named with another weekday: the paper's date
		// (here often the crawl time) is after the writing day, or a
		// time zone puts it one day before: "اليوم الاثنين" in a text
		// dated Friday is the Monday before, not the one after
		if diff > 1 {
			diff -= 7
		}
	} else if diff > 3 {
		diff -= 7
	}
	return i + 1, d.AddDate(0, 0, diff)
}

// notToday reports اليوم that is no date: "في نفس اليوم"، "اليوم نفسه"
// (the same day as a day told before), "اليوم التالي" (the day after),
// "اليوم الوطني / العالمي" (a national or world day).
func notToday(words []word, i int) bool {
	if i+1 < len(words) {
		switch words[i+1].Norm {
		case "نفسه", "ذاته", "التالي", "الوطني", "العالمي", "الدولي", "الاول", "الثاني", "الثالث", "الاخير", "السابق":
			return true
		}
	}
	if i > 0 {
		switch words[i-1].Norm {
		case "نفس", "ذات", "بنفس", "وبنفس":
			return true
		}
	}
	return false
}

// weekdayOf reads a weekday name, which takes the article: "الجمعة",
// "والأحد", "بالخميس" (bare جمعة, أحد, واحد are other words).
func weekdayOf(w word) (time.Weekday, bool) {
	if d, ok := weekdays[w.Norm]; ok {
		return d, true
	}
	if d, ok := weekdays["ال"+w.base]; ok && strings.Contains(w.Norm, "ال"+w.base) {
		return d, true
	}
	return 0, false
}

// tomorrowNoun reports غد / الغد read as "tomorrow": after a part of the day
// or يوم ("يوم غد"، "مساء الغد"، "صباح غد"). Alone, الغد is mostly "the
// future" or a title (صحيفة "الغد", read on arabic-news: a phone call
// reported by that paper was dated tomorrow and made planned).
func tomorrowNoun(words []word, i int) bool {
	if words[i].base != "غد" || i == 0 {
		return false
	}
	if words[i].Norm != "غد" && words[i].Norm != "الغد" {
		return false
	}
	return dayParts[words[i-1].base]
}

func yearNumberAt(words []word, i int) (int, bool) {
	if i < len(words) {
		return yearNumber(words[i])
	}
	return 0, false
}

func ifDate(has bool, f func() string) string {
	if !has {
		return ""
	}
	return f()
}

// emitWeekday resolves a weekday against pub: dir -1 (الماضي) the one before
// pub, +1 (المقبل) the one after, 0 (bare) left for the event's tense to decide
// (recorded as the most recent, pub included; DateExpr.resolve moves it).
func emitWeekday(out *[]DateExpr, text string, words []word, first, last int, wd time.Weekday, dir int, pub time.Time) {
	start := conjStart(text, words[first])
	e := DateExpr{Text: text[start:words[last].End], First: first, Last: last, Start: start, End: words[last].End, Future: dir > 0, bareDay: dir == 0, weekday: wd}
	if !pub.IsZero() {
		e.Date = weekdayDate(pub, wd, dir).Format("2006-01-02")
	}
	*out = append(*out, e)
}

// weekdayDate: dir -1 the latest wd strictly before pub, +1 the first strictly
// after, 0 the latest on or before pub.
func weekdayDate(pub time.Time, wd time.Weekday, dir int) time.Time {
	switch dir {
	case 1:
		d := (int(wd) - int(pub.Weekday()) + 7) % 7
		if d == 0 {
			d = 7
		}
		return pub.AddDate(0, 0, d)
	case -1:
		d := (int(pub.Weekday()) - int(wd) + 7) % 7
		if d == 0 {
			d = 7
		}
		return pub.AddDate(0, 0, -d)
	}
	d := (int(pub.Weekday()) - int(wd) + 7) % 7
	return pub.AddDate(0, 0, -d)
}

// nearestDate gives the date of day d of month m closest to pub in the
// direction dir (-1 past, +1 future, 0 the year of pub unless that lies more
// than a month ahead, then the year before: news reports the past, and
// writes المقبل before a date further ahead).
func nearestDate(pub time.Time, m, d, dir int) time.Time {
	t := time.Date(pub.Year(), time.Month(m), d, 0, 0, 0, 0, time.UTC)
	p := time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
	switch dir {
	case -1:
		if !t.Before(p) {
			t = t.AddDate(-1, 0, 0)
		}
	case 1:
		if !t.After(p) {
			t = t.AddDate(1, 0, 0)
		}
	default:
		// news dates a day and month without a year within the past
		// year ("في 5 يناير" published in August: this January, not the
		// next); a planned event moves it forward (DateExpr.resolve)
		if t.After(p.AddDate(0, 1, 0)) {
			t = t.AddDate(-1, 0, 0)
		}
	}
	return t
}

// pickDate chooses the date expression that dates the event whose trigger
// spans words[first..last]: the nearest date of the trigger's own clause;
// failing that, the date of the speech clause that reports it ("قالت
// الوزارة أمس إن مسلحين خطفوا … يوم الأربعاء الماضي": the Wednesday, not
// the day of the statement; "أعلن المرصد أمس أن الطيران شن": أمس). Dates
// of another clause or another event are not taken (read on arabic-news):
// a complement clause of another verb ("جلسة ستعقد الأسبوع المقبل، مشيرا
// إلى أن البرلمان لم يتفق"), a relative clause after the trigger ("اجتماعا
// … من الاتفاق الذي أبرم الشهر الماضي"), an earlier or later event linked
// by بعد / قبل / منذ ("دعا إلى انتخابات … بعد خسارة حزبه … في انتخابات 7
// يونيو", "استنفار اليوم … بعد تهديدات").
func pickDate(words []word, dates []DateExpr, first, last int) *DateExpr {
	var best, stmt *DateExpr
	bestD, stmtD := 1<<30, 1<<30
	for i := range dates {
		d := &dates[i]
		if bound(words, d.First) {
			continue
		}
		var dist int
		if d.First > last {
			if laterClause(words, last+1, d.First) || elapsedSince(words, first) && boundaryIn(words, last, d.First) {
				continue
			}
			dist = d.First - last
		} else {
			if d.Last >= first {
				dist = 0
			} else {
				dist = first - d.Last
				if k := complementizer(words, d.Last+1, first); k >= 0 {
					// "أعلن المرصد أمس أن"، "قال … في مؤتمر صحافي عقد اليوم
					// (الجمعة)، إن": the statement's day
					if k > d.Last+2 && !speechClause(words, d.First) {
						continue // another verb's clause governs the trigger
					}
					if dist < stmtD {
						stmt, stmtD = d, dist
					}
					continue
				}
				if sequenced(words, d.Last+1, first) || earlier(words, first) {
					continue
				}
			}
		}
		if dist < bestD {
			best, bestD = d, dist
		}
	}
	if best != nil {
		return best
	}
	return stmt
}

// complementizer returns the index of أن / إن (بأن، أنه …) among words[i:j],
// or -1.
func complementizer(words []word, i, j int) int {
	for k := i; k < j && k < len(words); k++ {
		if complementizers[words[k].Norm] {
			return k
		}
	}
	return -1
}

// Complementizers: أن / إن with their clitics (و، بـ) and pronoun suffixes,
// any hamza seat (the keys are folded: بأنهم، إنهن).
var complementizers = normKeys(map[string]bool{
	"أن": true, "بأن": true, "وأن": true, "وإن": true,
	"أنه": true, "بأنه": true, "وأنه": true, "أنها": true, "بأنها": true, "وأنها": true,
	"أنهم": true, "بأنهم": true, "وأنهم": true, "أنهن": true, "بأنهن": true, "أنهما": true, "بأنهما": true,
})

// speechClause reports a speech verb (قال، أعلن، أفاد …) or بيان up to ten
// words before words[i]: the date is the day of the statement.
func speechClause(words []word, i int) bool {
	for b := i - 1; b >= 0 && b >= i-10; b-- {
		if speechVerbs[words[b].base] || speechVerbs[words[b].Norm] {
			return true
		}
	}
	return false
}

// sequenced reports قبل / منذ right before the trigger at j (at most one
// word between: "قبل أن", "منذ اندلاع"): the trigger is another event than the one dated
// before it. بعد is not among them: "سيطرت القوات أمس … بعد مواجهات
// عنيفة" tells one day's fighting.
func sequenced(words []word, i, j int) bool {
	for k := j - 1; k >= i && k >= j-2; k-- {
		switch words[k].Norm {
		case "قبل", "وقبل", "منذ":
			return true // "منذ اندلاع الاشتباكات", "قبل أن يلتقي"
		}
		if words[k].boundary {
			return false
		}
	}
	return false
}

// Verbs of happening after a relative pronoun: the relative clause tells
// when the trigger's own event took place ("الهجوم الذي وقع أمس").
var happened = normKeys(map[string]bool{
	"وقع": true, "وقعت": true, "جرى": true, "جرت": true, "حدث": true, "حدثت": true, "تم": true, "تمت": true,
	"شهدته": true, "شهدتها": true, "نفذ": true, "نفذت": true, "نفذه": true, "نفذها": true, "شن": true, "شنت": true,
	"استهدف": true, "استهدفت": true, "عقد": true, "عقدت": true, "انعقد": true, "انعقدت": true,
})

// laterClause reports, among words[i:j] between a trigger and a date after
// it, a relative clause of another verb, a complement clause, or بعد / قبل
// before a noun ("بعد خسارة حزبه … في انتخابات 7 يونيو"): the date belongs
// to what that clause tells.
func laterClause(words []word, i, j int) bool {
	for k := i; k < j && k < len(words); k++ {
		n := words[k].Norm
		if relPronouns[n] && !(k+1 < len(words) && happened[words[k+1].Norm]) {
			return true
		}
		switch n {
		case "بعد", "وبعد", "قبل", "وقبل":
			// "قبل ظهر أمس", "بعد منتصف ليل الثلاثاء": part of the time
			// phrase; "قتل 18 … بعد أن شنت القوات عملية … أمس": one
			// sequence of the day (منذ marks a span the event fills:
			// "قتل 40 في اشتباكات يخوضها منذ أسبوع مسلحون")
			if k+1 < len(words) && words[k+1].Norm == "ان" {
				if n == "بعد" || n == "وبعد" {
					k++ // the أن of بعد أن is no complement clause either
				}
				continue
			}
			if k < j-3 || k == j-3 && words[k+1].base != "منتصف" {
				return true
			}
		}
		if complementizers[n] {
			return true
		}
	}
	return false
}

// Hijri months (normalised), one word or two: ربيع الأول، جمادى الآخرة، ذو
// القعدة. Saudi papers date by them, often with the Gregorian date after
// الموافق. Read only after a day number: صفر, رجب, رمضان are also words.
var hijriMonths = normKeys(map[string]int{"محرم": 1, "صفر": 2, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10})

var hijriPairs = normKeys(map[string]map[string]int{
	"ربيع":  {"الاول": 3, "الثاني": 4, "الاخر": 4},
	"جمادي": {"الاولي": 5, "الاول": 5, "الاخره": 6, "الثانيه": 6, "الاخر": 6, "الثاني": 6},
	"ذو":    {"القعده": 11, "الحجه": 12},
	"ذي":    {"القعده": 11, "الحجه": 12},
})

func hijriMonth(words []word, i int) (int, int) {
	if i >= len(words) {
		return 0, i
	}
	if m, ok := hijriMonths[words[i].Norm]; ok {
		return m, i + 1
	}
	if pm, ok := hijriPairs[words[i].Norm]; ok && i+1 < len(words) {
		if m, ok := pm[words[i+1].Norm]; ok {
			return m, i + 2
		}
	}
	return 0, i
}

// hijriDate reads what follows "d <Hijri month>" at words[k]: a year (1300–
// 1600), the letter هـ, and "الموافق <Gregorian date>", whose date wins.
// Without it the tabular Islamic calendar converts (Umm al-Qura, the Saudi
// calendar, differs by a day or two at most); without a year, the one that
// puts the date nearest before pub (or just after). It returns the last
// word and the ISO date ("" when there is nothing to anchor it).
func hijriDate(words []word, k, d, m int, pub time.Time) (int, string) {
	last := k - 1
	y := 0
	if k < len(words) && words[k].number {
		if v, err := strconv.Atoi(words[k].Norm); err == nil && v >= 1300 && v <= 1600 {
			y, last = v, k
		}
	}
	if last+1 < len(words) && words[last+1].Norm == "ه" {
		last++
	}
	if last+2 < len(words) && words[last+1].base == "موافق" {
		if gd, ok := dayNumber(words[last+2]); ok {
			if gm, k2 := month(words, last+3); gm > 0 && k2 < len(words) {
				if gy, ok := yearNumber(words[k2]); ok {
					last = k2
					if last+1 < len(words) && words[last+1].Norm == "م" {
						last++
					}
					return last, fmt.Sprintf("%04d-%02d-%02d", gy, gm, gd)
				}
			}
		}
	}
	if y > 0 {
		return last, hijriToGregorian(y, m, d).Format("2006-01-02")
	}
	if pub.IsZero() {
		return last, ""
	}
	// the Hijri year: about 1.0307 Hijri years per Gregorian one since 622
	y0 := int(float64(pub.Year()-622)*1.0307) + 1
	best := time.Time{}
	for y := y0 - 2; y <= y0+2; y++ {
		t := hijriToGregorian(y, m, d)
		if t.After(pub.AddDate(0, 1, 0)) {
			continue
		}
		if best.IsZero() || t.After(best) {
			best = t
		}
	}
	return last, best.Format("2006-01-02")
}

// hijriToGregorian converts a date of the tabular Islamic calendar (the
// arithmetic one, epoch 16 July 622 Julian) to the Gregorian calendar.
func hijriToGregorian(y, m, d int) time.Time {
	jd := d + int(math.Ceil(29.5*float64(m-1))) + (y-1)*354 + (3+11*y)/30 + 1948440 - 1
	// Julian Day Number to Unix days: JDN 2440588 is 1970-01-01
	return time.Unix(int64(jd-2440588)*86400, 0).UTC()
}

// onWeekday moves an ISO date by at most two days to the weekday the text
// names with it: the tabular Hijri calendar and the Saudi Umm al-Qura
// calendar differ by a day or two ("يوم الثلاثاء 12 شوال 1436هـ" is
// Tuesday 28 July 2015, tabular 29 July).
func onWeekday(date string, wd time.Weekday) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return date
	}
	for _, off := range []int{0, -1, 1, -2, 2} {
		if u := t.AddDate(0, 0, off); u.Weekday() == wd {
			return u.Format("2006-01-02")
		}
	}
	return date
}

// leadWeekday moves date to the weekday named in the words that lead to
// the day number at i (words[first], or the one after it): "يوم الخميس 14 /
// 10 / 1436هـ", "الثلاثاء 12 شوال 1436هـ".
func leadWeekday(words []word, first, i int, date string) string {
	for k := first; k < i && k <= first+1; k++ {
		if wd, ok := weekdayOf(words[k]); ok {
			return onWeekday(date, wd)
		}
	}
	return date
}

// Parts of the day (and يوم) that make غد / الأمس a day: "يوم غد"، "مساء
// الأمس".
var dayParts = map[string]bool{"يوم": true, "صباح": true, "مساء": true, "ظهر": true, "فجر": true, "ليل": true,
	"ليله": true, "عصر": true, "نهار": true}

// rhetoricalYesterday reports الأمس as "the past" ("نموذج الأمس من أجل
// الغد", read on arabic-news): with the article it is yesterday only after
// يوم or a part of the day ("يوم الأمس"، "مساء الأمس").
func rhetoricalYesterday(words []word, i int) bool {
	if words[i].Norm != "الامس" && words[i].Norm != "والامس" {
		return false
	}
	if i == 0 {
		return true
	}
	b := words[i-1].base
	return !dayParts[b] && b != "منتصف"
}

// bound reports a date that is a limit, not a day of the event: "قبل (يوم)
// 25 يوليو"، "حتى 30 يونيو" (read on arabic-news: a pledge to finish "قبل
// يوم 25 يوليو الجاري" was dated 25 July).
func bound(words []word, i int) bool {
	k := i - 1
	if k >= 0 && (words[k].base == "يوم" || words[k].base == "تاريخ") {
		k--
	}
	if k < 0 {
		return false
	}
	switch words[k].Norm {
	case "قبل", "وقبل", "حتي", "وحتي", "لغايه", "غايه":
		return true
	}
	return false
}

// earlier reports "سبق أن" / "سبق ل" up to three words before the trigger:
// an event before the one the sentence dates ("بيانها الذي صدر اليوم …
// جليبيب الذي سبق أن وجه تهديدا").
func earlier(words []word, first int) bool {
	for k := first - 1; k >= 0 && k >= first-3; k-- {
		if words[k].base == "سبق" || words[k].Norm == "سبق" {
			return true
		}
	}
	return false
}

// Durations of "بعد أربعة أيام على", "بعد ساعتين من".
var durations = normKeys(map[string]bool{
	"ساعه": true, "ساعات": true, "ساعتين": true, "يوم": true, "ايام": true, "يومين": true, "اسبوع": true, "اسابيع": true,
	"اسبوعين": true, "شهر": true, "اشهر": true, "شهرين": true, "شهور": true, "عام": true, "اعوام": true, "عامين": true,
	"سنه": true, "سنوات": true, "سنتين": true, "دقائق": true,
})

// elapsedSince reports a trigger inside a fronted "بعد / قبل <duration>
// على / من" at the head of the sentence: "وبعد أربعة أيام على هجوم انتحاري
// …، شن سلاح الجو التركي اليوم أولى غاراته" (read on arabic-news): the
// attack is days before the date of the main clause, which follows a comma.
// Not inside the sentence: "صرح هيكل بعد ساعتين من تنحي مبارك في 11 فبراير"،
// "وتأتي الزيارة بعد يوم من محادثات أجراها حفتر، في روما الثلاثاء" date
// the trigger itself.
func elapsedSince(words []word, first int) bool {
	if first < 2 {
		return false
	}
	if n := words[first-1].Norm; n != "علي" && n != "من" {
		return false
	}
	dur := false
	for k := first - 2; k >= 0 && k >= first-5; k-- {
		if durations[words[k].Norm] || durations[words[k].base] {
			dur = true
			continue
		}
		switch words[k].Norm {
		case "بعد", "وبعد", "قبل", "وقبل":
			return dur && k <= 1
		}
		if words[k].boundary {
			return false
		}
	}
	return false
}

// boundaryIn reports a clause boundary after words[i] and before words[j].
func boundaryIn(words []word, i, j int) bool {
	for k := i; k < j && k < len(words); k++ {
		if words[k].boundary {
			return true
		}
	}
	return false
}

// numericDate reads a date written in figures at words[i]: one token
// "30/7/2015" or "2015/07/30", or three numbers with slashes between them in
// the text ("14 / 10 / 1436"). A year 1300–1600 is Hijri (هـ may follow),
// converted by the tabular calendar unless "الموافق" gives the Gregorian
// date after it. It returns the last word and the ISO date.
func numericDate(text string, words []word, i int, pub time.Time) (int, string, bool) {
	var parts []int
	last := i
	if strings.Contains(words[i].Norm, "/") {
		for _, p := range strings.Split(words[i].Norm, "/") {
			v, err := strconv.Atoi(p)
			if err != nil {
				return 0, "", false
			}
			parts = append(parts, v)
		}
	} else {
		for k := i; k < len(words) && k < i+3; k++ {
			if !words[k].number {
				return 0, "", false
			}
			if k > i && !strings.Contains(text[words[k-1].End:words[k].Start], "/") {
				return 0, "", false
			}
			v, err := strconv.Atoi(words[k].Norm)
			if err != nil {
				return 0, "", false
			}
			parts = append(parts, v)
			last = k
		}
	}
	if len(parts) != 3 {
		return 0, "", false
	}
	d, m, y := parts[0], parts[1], parts[2]
	if parts[0] > 31 { // "2015/07/30"
		y, m, d = parts[0], parts[1], parts[2]
	}
	if d < 1 || d > 31 || m < 1 || m > 12 {
		return 0, "", false
	}
	switch {
	case y >= 1900 && y <= 2100:
		return last, fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
	case y >= 1300 && y <= 1600:
		if last+1 < len(words) && words[last+1].Norm == "ه" {
			last++
		}
		if last+2 < len(words) && words[last+1].base == "موافق" {
			if l2, g, ok := numericDate(text, words, last+2, pub); ok {
				if l2+1 < len(words) && words[l2+1].Norm == "م" {
					l2++
				}
				return l2, g, true
			}
		}
		return last, hijriToGregorian(y, m, d).Format("2006-01-02"), true
	}
	return 0, "", false
}
