package period

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"
)

// Kind is the length of a period.
type Kind string

// The kinds of period.
const (
	Month    Kind = "month"
	Quarter  Kind = "quarter"
	HalfYear Kind = "half-year"
	Year     Kind = "year"
)

// Boundary says where periods start and end.
type Boundary string

// The boundaries.
const (
	Decree09 Boundary = "decree09" // 15th of the month before … 14th
	Calendar Boundary = "calendar" // 1st … last day
)

// ErrLabel is wrapped by errors for a malformed period label.
var ErrLabel = catalog.NewClass(catalog.ClassLabel).WithFault(fault.BadInput)

// Period is one reporting period.
type Period struct {
	Kind     Kind
	Boundary Boundary
	Year     int
	N        int       // month 1–12, quarter 1–4, half 1–2; 1 for a year
	From, To time.Time // inclusive calendar days
}

// ParseKind checks a kind as written in a config.
func ParseKind(s string) (Kind, error) {
	switch k := Kind(strings.ToLower(strings.TrimSpace(s))); k {
	case Month, Quarter, HalfYear, Year:
		return k, nil
	}
	return "", catalog.CfgKind.Errorf(s)
}

// ParseBoundary checks a boundary as written in a config; empty is Decree09.
func ParseBoundary(s string) (Boundary, error) {
	switch b := Boundary(strings.ToLower(strings.TrimSpace(s))); b {
	case "":
		return Decree09, nil
	case Decree09, Calendar:
		return b, nil
	}
	return "", catalog.CfgBoundary.Errorf(s)
}

// MinYear and MaxYear bound the years a label may name: a report of
// "0001" or "1900" is a typing mistake, not a period.
const (
	MinYear = 2000
	MaxYear = 2099
)

var labelRe = regexp.MustCompile(`^(\d{4})(?:-(?:(\d{1,2})|[Qq]([1-4])|[Hh]([12])))?$`)

// Parse reads a label: "2024-03" (a month), "2024-Q1", "2024-H2" or "2024".
func Parse(label string, b Boundary) (Period, error) {
	m := labelRe.FindStringSubmatch(strings.TrimSpace(label))
	if m == nil {
		return Period{}, ErrLabel.Newf(catalog.LabelForm, label)
	}
	y, _ := strconv.Atoi(m[1])
	if y < MinYear || y > MaxYear {
		return Period{}, ErrLabel.Newf(catalog.LabelYear, label, MinYear, MaxYear)
	}
	switch {
	case m[2] != "":
		n, _ := strconv.Atoi(m[2])
		if n < 1 || n > 12 {
			return Period{}, ErrLabel.Newf(catalog.LabelMonth, label)
		}
		return New(Month, b, y, n), nil
	case m[3] != "":
		n, _ := strconv.Atoi(m[3])
		return New(Quarter, b, y, n), nil
	case m[4] != "":
		n, _ := strconv.Atoi(m[4])
		return New(HalfYear, b, y, n), nil
	}
	return New(Year, b, y, 1), nil
}

// New returns period n of year y.
func New(k Kind, b Boundary, y, n int) Period {
	p := Period{Kind: k, Boundary: b, Year: y, N: n}
	first, months := time.Month(1), 12 // first calendar month, length in months
	switch k {
	case Month:
		first, months = time.Month(n), 1
	case Quarter:
		first, months = time.Month(3*n-2), 3
	case HalfYear:
		first, months = time.Month(6*n-5), 6
	}
	start := time.Date(y, first, 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(0, months, 0)
	if b == Decree09 {
		p.From, p.To = start.AddDate(0, -1, 14), end.AddDate(0, -1, 13)
	} else {
		p.From, p.To = start, end.AddDate(0, 0, -1)
	}
	return p
}

// Label prints the period as Parse reads it.
func (p Period) Label() string {
	switch p.Kind {
	case Month:
		return fmt.Sprintf("%04d-%02d", p.Year, p.N)
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", p.Year, p.N)
	case HalfYear:
		return fmt.Sprintf("%04d-H%d", p.Year, p.N)
	}
	return fmt.Sprintf("%04d", p.Year)
}

func (p Period) String() string { return p.Label() }

// Contains reports whether day d falls in the period.
func (p Period) Contains(d time.Time) bool {
	return !d.Before(p.From) && !d.After(p.To)
}

// Prev returns the period just before p.
func (p Period) Prev() Period {
	if p.N > 1 {
		return New(p.Kind, p.Boundary, p.Year, p.N-1)
	}
	return New(p.Kind, p.Boundary, p.Year-1, p.count())
}

// Next returns the period just after p.
func (p Period) Next() Period {
	if p.N < p.count() {
		return New(p.Kind, p.Boundary, p.Year, p.N+1)
	}
	return New(p.Kind, p.Boundary, p.Year+1, 1)
}

func (p Period) count() int {
	switch p.Kind {
	case Month:
		return 12
	case Quarter:
		return 4
	case HalfYear:
		return 2
	}
	return 1
}

// Containing returns the period of kind k that holds day d.
func Containing(k Kind, b Boundary, d time.Time) Period {
	d = Day(d)
	p := New(k, b, d.Year()+1, 1)
	for !p.Contains(d) {
		p = p.Prev()
	}
	return p
}

// LatestEnded returns the latest period of kind k whose last day is before
// day d: a run on 15/03/2024 covers 2024-03 under Decree 09.
func LatestEnded(k Kind, b Boundary, d time.Time) Period {
	return Containing(k, b, d).Prev()
}

// Day returns the calendar day of t in t's own location, as 00:00 UTC.
func Day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
