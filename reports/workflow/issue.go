package workflow

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/mn2010/baocao/reports/period"
)

// ErrIssue is returned for a document number or date of issue that cannot
// be a real one: a number below 1, a date before the period ends (a
// document cannot be issued before the data it reports on ends) or far in
// the future.
var ErrIssue = errors.New("reports: bad number or date of issue")

// IssueDays is how far after today a date of issue may be: a document is
// dated when it is signed, at most a month ahead.
const IssueDays = 31

var issueDateRe = regexp.MustCompile(`^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$`)

// ParseIssueDate reads a date of issue written DD/MM/YYYY, saying what is
// wrong with one that is not a day of the calendar.
func ParseIssueDate(s string) (time.Time, error) {
	m := issueDateRe.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, fmt.Errorf("%w: date %q: write the date as DD/MM/YYYY, e.g. 20/04/2024", ErrIssue, s)
	}
	d, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 {
		return time.Time{}, fmt.Errorf("%w: date %q: there is no month %d (months are 01–12)", ErrIssue, s, mo)
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || t.Month() != time.Month(mo) {
		last := time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		return time.Time{}, fmt.Errorf("%w: date %q: %02d/%04d has no day %d (it has %d days)", ErrIssue, s, mo, y, d, last)
	}
	return t, nil
}

// CheckIssue refuses a number or date of issue for period p that cannot be
// right: number is 0 (none) or ≥ 1; the date (zero: none) is from the
// period's last day to IssueDays after today. No date (the default: today)
// is always accepted; the caller warns when the period has not ended.
func (m *Flow) CheckIssue(p period.Period, number int, date time.Time) error {
	if number < 0 {
		return fmt.Errorf("%w: number %d: a document number is 1 or more", ErrIssue, number)
	}
	if date.IsZero() {
		return nil
	}
	now := m.now().In(m.cfg.Location)
	day := time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC)
	first := time.Date(p.To.Year(), p.To.Month(), p.To.Day(), 0, 0, 0, 0, time.UTC)
	last := time.Date(now.Year(), now.Month(), now.Day()+IssueDays, 0, 0, 0, 0, time.UTC)
	accepted := fmt.Sprintf("a date of issue for %s is accepted from %s (the period's last day) to %s (%d days after today)",
		p.Label(), first.Format("02/01/2006"), last.Format("02/01/2006"), IssueDays)
	switch {
	case day.Before(first):
		return fmt.Errorf("%w: date %s is before the period %s ends: %s", ErrIssue, day.Format("02/01/2006"), p.Label(), accepted)
	case day.After(last):
		return fmt.Errorf("%w: date %s is more than %d days after today: %s", ErrIssue, day.Format("02/01/2006"), IssueDays, accepted)
	}
	return nil
}
