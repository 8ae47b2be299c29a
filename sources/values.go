package sources

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// errValue marks a cell value that cannot be read as its column's kind.
var errValue = errors.New("sources: bad value")

// Dates outside these years are taken as typing mistakes.
const minYear, maxYear = 1990, 2100

var (
	dmyRe = regexp.MustCompile(`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?)?$`)
	ymdRe = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$`)
	numRe = regexp.MustCompile(`^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$`)
)

// ParseDate reads a calendar date, day first: a spreadsheet serial number
// (in the 1900 or, with date1904, the 1904 date system) or text in one of
// dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy and yyyy-mm-dd, each
// optionally followed by a time. Only the calendar date is kept.
func ParseDate(s string, date1904 bool) (time.Time, error) {
	s = Clean(s)
	if t, ok := quickDate(s, date1904); ok {
		return checkYear(t, s)
	}
	return parseDate(s, date1904)
}

// parseDate is ParseDate's general path, for a Clean s.
func parseDate(s string, date1904 bool) (time.Time, error) {
	var y, m, d int
	switch {
	case s == "":
		return time.Time{}, fmt.Errorf("%w: empty date", errValue)
	case isSerial(s) || numRe.MatchString(s):
		return serialDate(s, date1904)
	case dmyRe.MatchString(s):
		p := dmyRe.FindStringSubmatch(s)
		d, m, y = atoi(p[1]), atoi(p[2]), atoi(p[3])
	case ymdRe.MatchString(s):
		p := ymdRe.FindStringSubmatch(s)
		y, m, d = atoi(p[1]), atoi(p[2]), atoi(p[3])
	default:
		return time.Time{}, fmt.Errorf("%w: %q is not a date", errValue, s)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, fmt.Errorf("%w: %q is not a calendar date", errValue, s)
	}
	return checkYear(t, s)
}

// isSerial is a quick test for the commonest date cell, a serial number
// such as "45356" or "45289.3688425926".
func isSerial(s string) bool {
	dot := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
		case c == '.' && !dot && i > 0:
			dot = true
		default:
			return false
		}
	}
	return s != ""
}

func serialDate(s string, date1904 bool) (time.Time, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 1 || v > 2958465 {
		return time.Time{}, fmt.Errorf("%w: %q is not a date serial", errValue, s)
	}
	t, err := excelize.ExcelDateToTime(math.Floor(v), date1904)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: %q: %v", errValue, s, err)
	}
	return checkYear(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), s)
}

func checkYear(t time.Time, s string) (time.Time, error) {
	if t.Year() < minYear || t.Year() > maxYear {
		return time.Time{}, fmt.Errorf("%w: %q is outside %d–%d", errValue, s, minYear, maxYear)
	}
	return t, nil
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

var (
	yesWords = []string{"có", "x", "1", "đã", "yes", "true", "y"}
	noWords  = []string{"không", "", "0", "no", "false", "n"}
	yesNo    = NewMatcher([][]string{yesWords, noWords})
)

// ParseYesNo reads a yes/no cell: "Có", "x", "1", "Đã", "Yes", "TRUE" are
// yes; "Không", empty, "0", "No", "FALSE" are no, compared like categories.
func ParseYesNo(s string) (bool, error) {
	switch yesNo.Match(s) {
	case 0:
		return true, nil
	case 1:
		return false, nil
	}
	return false, fmt.Errorf("%w: %q is neither yes nor no", errValue, Clean(s))
}

// ParseNumber reads a number in Vietnamese or machine notation: "85,5%" is
// 0.855, "1.234,5" is 1234.5, "1.234" is 1234, "0.45" (a spreadsheet's raw
// value) is 0.45 and "3" is 3.
func ParseNumber(s string) (float64, error) {
	if n, ok := plainInteger(s); ok {
		return n, nil // the commonest cell, a spreadsheet's raw integer
	}
	t := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		return r
	}, Clean(s))
	scale := 1.0
	if strings.HasSuffix(t, "%") {
		t, scale = strings.TrimSuffix(t, "%"), 0.01
	}
	t = normaliseSeparators(t)
	if !numRe.MatchString(t) {
		return 0, fmt.Errorf("%w: %q is not a number", errValue, Clean(s))
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, fmt.Errorf("%w: %q is not a number", errValue, Clean(s))
	}
	return v * scale, nil
}

// plainInteger reads 1 to 15 ASCII digits, which a float64 holds exactly,
// so the value is the one strconv.ParseFloat gives.
func plainInteger(s string) (float64, bool) {
	if len(s) == 0 || len(s) > 15 {
		return 0, false
	}
	n := int64(0)
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int64(s[i]-'0')
	}
	return float64(n), true
}

// normaliseSeparators turns Vietnamese digit grouping and decimal comma into
// machine notation.
func normaliseSeparators(t string) string {
	dots, commas := strings.Count(t, "."), strings.Count(t, ",")
	switch {
	case dots > 0 && commas > 0:
		if strings.LastIndex(t, ",") > strings.LastIndex(t, ".") {
			return strings.ReplaceAll(strings.ReplaceAll(t, ".", ""), ",", ".")
		}
		return strings.ReplaceAll(t, ",", "")
	case commas == 1:
		return strings.Replace(t, ",", ".", 1)
	case commas > 1:
		return strings.ReplaceAll(t, ",", "")
	case dots > 1:
		return strings.ReplaceAll(t, ".", "")
	case dots == 1 && isGrouped(t):
		return strings.Replace(t, ".", "", 1)
	}
	return t
}

// isGrouped reports whether a number with one dot uses it to group
// thousands: "1.234" or "-12.500", but not "0.385" or "1.5".
func isGrouped(t string) bool {
	t = strings.TrimLeft(t, "+-")
	i := strings.IndexByte(t, '.')
	return i >= 1 && i <= 3 && t[0] != '0' && len(t)-i-1 == 3 && !strings.ContainsAny(t, "eE")
}
