// Package date declares the result type of the stand-in dateparser.
package date

import "time"

// Period is how precise a date is (same values as upstream).
type Period uint8

const (
	None Period = iota
	Second
	Minute
	Hour
	Day
	Week
	Month
	Year
)

// Date is a parse result.
type Date struct {
	Locale string
	Period Period
	Time   time.Time
}

// IsZero reports whether the date is empty.
func (d Date) IsZero() bool { return d.Period == None || d.Time.IsZero() }
