package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Percent formats a fraction as a Vietnamese percentage: 0.985 → "98,50%".
func Percent(v float64) string {
	return Decimal(v*100, 2) + "%"
}

// Decimal formats v with digits decimals, "." grouping thousands and ","
// before the decimals: 1234.5 → "1.234,50".
func Decimal(v float64, digits int) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', digits, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	out := group(intPart)
	if frac != "" {
		out += "," + frac
	}
	if v < 0 && strings.Trim(s, "0.") != "" {
		out = "-" + out
	}
	return out
}

// Int formats an integer with "." grouping thousands: 1234 → "1.234".
func Int(n int) string {
	if n < 0 {
		return "-" + group(strconv.Itoa(-n))
	}
	return group(strconv.Itoa(n))
}

func group(digits string) string {
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Date formats a day as dd/mm/yyyy.
func Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02/01/2006")
}

// LongDate formats the date line of a document: "ngày 05 tháng 3 năm
// 2024" — days below 10 and months 1 and 2 get a leading zero.
func LongDate(t time.Time) string {
	m := strconv.Itoa(int(t.Month()))
	if t.Month() <= 2 {
		m = "0" + m
	}
	return fmt.Sprintf("ngày %02d tháng %s năm %d", t.Day(), m, t.Year())
}

// DocNumber formats the document number: 5 → "05"; 0 leaves room for the
// clerk to write it in.
func DocNumber(n int) string {
	if n <= 0 {
		return "      "
	}
	return fmt.Sprintf("%02d", n)
}

var roman = []string{"", "I", "II", "III", "IV"}

// PeriodWords names a period in a sentence: "tháng 3 năm 2024", "quý I năm
// 2024", "6 tháng đầu năm 2024", "6 tháng cuối năm 2024", "năm 2024".
func PeriodWords(kind string, year, n int) string {
	switch kind {
	case "month":
		return fmt.Sprintf("tháng %d năm %d", n, year)
	case "quarter":
		return fmt.Sprintf("quý %s năm %d", roman[n], year)
	case "half-year":
		if n == 1 {
			return fmt.Sprintf("6 tháng đầu năm %d", year)
		}
		return fmt.Sprintf("6 tháng cuối năm %d", year)
	}
	return fmt.Sprintf("năm %d", year)
}
