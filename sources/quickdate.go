package sources

import "time"

// quickDate reads the two commonest date cells without a regular
// expression or a float: a serial number ("45356", "45289.3688425926") and
// dd/mm/yyyy text. ok is false for anything else, and for the corners
// where only ParseDate's general path gives the right answer (serials up
// to 61, where Excel's calendar has its 1900 leap-year bug; the top of the
// range; fractions long enough to round up to the next day); the caller
// then takes that path. s is already Clean.
func quickDate(s string, date1904 bool) (time.Time, bool) {
	if n, ok := quickSerial(s); ok {
		epoch := int64(-25569) // 1899-12-30, in days since 1970-01-01
		if date1904 {
			epoch = -24107 // 1904-01-01
		}
		return time.Unix((epoch+int64(n))*secondsPerDay, 0).UTC(), true
	}
	return quickDMY(s)
}

// quickSerial reads a serial with 1–7 integer digits and a fraction that
// cannot round up to a whole day (at most 8 digits, or more when one of
// the first 8 is not a 9: the float's step near 3 million days is below
// 1e-9), whose whole days are 62 through 2958464; it gives the whole days.
func quickSerial(s string) (int, bool) {
	n, i := 0, 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		if i++; i > 7 {
			return 0, false
		}
	}
	if i == 0 || n <= 61 || n >= 2958465 {
		return 0, false
	}
	if i < len(s) {
		if s[i] != '.' {
			return 0, false
		}
		nines := true
		for k, ch := range []byte(s[i+1:]) {
			if ch < '0' || ch > '9' {
				return 0, false
			}
			if k < 8 && ch != '9' {
				nines = false
			}
		}
		if nines && len(s)-i-1 > 8 {
			return 0, false
		}
	}
	return n, true
}

// quickDMY reads d/m/yyyy with one or two digits for the day and month and
// "/", "." or "-" between, perhaps followed by a time of day (dropped);
// the date must exist.
func quickDMY(s string) (time.Time, bool) {
	d, m, y, ok := dmyParts(s)
	if !ok {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, false // ParseDate says why
	}
	return t, true
}

// dmyParts reads the day, month and year of text quickDMY takes, whether
// or not the date exists.
func dmyParts(s string) (d, m, y int, ok bool) {
	d, i, ok := quickDigits(s, 0, 1, 2)
	if !ok || i >= len(s) || !isDateSep(s[i]) {
		return 0, 0, 0, false
	}
	m, i, ok = quickDigits(s, i+1, 1, 2)
	if !ok || i >= len(s) || !isDateSep(s[i]) {
		return 0, 0, 0, false
	}
	y, i, ok = quickDigits(s, i+1, 4, 4)
	if !ok || i != len(s) && !quickTimeOfDay(s[i:]) {
		return 0, 0, 0, false
	}
	return d, m, y, true
}

// quickDay is ParseDate's quick path for a table's cell: the day a Value
// holds (DateValue's), without a time.Time. ok is false wherever the quick
// path gives up or ParseDate would refuse the date (out of its years);
// where ok, ParseDate(s) succeeds and DateValue of its date holds day
// (FuzzQuickDayAgrees). Only text Clean leaves as it is is taken.
func quickDay(s string, date1904 bool) (day int32, ok bool) {
	if !cleanASCII(s) {
		return 0, false
	}
	var days int64
	if n, ok := quickSerial(s); ok {
		epoch := int64(-25569) // as in quickDate
		if date1904 {
			epoch = -24107
		}
		days = epoch + int64(n)
	} else {
		d, m, y, ok := dmyParts(s)
		if !ok || y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 || d > daysIn(m, y) {
			return 0, false
		}
		days = civilDays(y, m, d)
	}
	if days < minDays || days > maxDays {
		return 0, false
	}
	return int32(days) + 1, true
}

// The first and last days ParseDate accepts, in days since 1970-01-01.
var minDays, maxDays = civilDays(minYear, 1, 1), civilDays(maxYear, 12, 31)

// civilDays is the number of days from 1970-01-01 to the date y-m-d of
// the proleptic Gregorian calendar, for y ≥ 1 (H. Hinnant's
// days_from_civil).
func civilDays(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12 // March is 0
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// daysIn is the number of days of month m of year y.
func daysIn(m, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// quickDigits reads min to max decimal digits of s from i.
func quickDigits(s string, i, min, max int) (n, end int, ok bool) {
	j := i
	for j < len(s) && j-i < max && s[j] >= '0' && s[j] <= '9' {
		n = n*10 + int(s[j]-'0')
		j++
	}
	return n, j, j-i >= min
}

func isDateSep(ch byte) bool { return ch == '/' || ch == '.' || ch == '-' }

// quickTimeOfDay reports whether s is a time of day after a date as
// ParseDate's pattern allows it: spaces or "T", h:mm, perhaps :ss and a
// fraction, perhaps AM/PM ("[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?").
func quickTimeOfDay(s string) bool {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == 'T') {
		i++
	}
	if i == 0 {
		return false
	}
	_, j, ok := quickDigits(s, i, 1, 2)
	if !ok || j >= len(s) || s[j] != ':' {
		return false
	}
	if _, j, ok = quickDigits(s, j+1, 2, 2); !ok {
		return false
	}
	if j < len(s) && s[j] == ':' {
		if _, j, ok = quickDigits(s, j+1, 2, 2); !ok {
			return false
		}
		if j < len(s) && s[j] == '.' {
			k := j + 1
			for k < len(s) && s[k] >= '0' && s[k] <= '9' {
				k++
			}
			if k == j+1 {
				return false
			}
			j = k
		}
	}
	k := j
	for k < len(s) && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\f' || s[k] == '\r') {
		k++
	}
	if k+2 == len(s) && (s[k]|0x20 == 'a' || s[k]|0x20 == 'p') && s[k+1]|0x20 == 'm' {
		return true
	}
	return j == len(s)
}
