package workflow

import (
	"regexp"
	"strconv"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"

	"github.com/mn2010/baocao/reports/period"
)

// ErrIssue is returned for a document number or date of issue that cannot
// be a real one: a number below 1, a date before the period ends (a
// document cannot be issued before the data it reports on ends) or far in
// the future.
var ErrIssue = catalog.NewClass(catalog.ClassIssue).WithFault(fault.BadInput)

// IssueDays is how far after today a date of issue may be: a document is
// dated when it is signed, at most a month ahead.
const IssueDays = 31

var issueDateRe = regexp.MustCompile(`^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$`)

// ParseIssueDate reads a date of issue written DD/MM/YYYY, saying what is
// wrong with one that is not a day of the calendar.
func ParseIssueDate(s string) (time.Time, error) {
	m := issueDateRe.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, ErrIssue.Newf(catalog.IssueDateForm, s)
	}
	d, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 {
		return time.Time{}, ErrIssue.Newf(catalog.IssueDateMonth, s, mo)
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if d < 1 || t.Month() != time.Month(mo) {
		last := time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		return time.Time{}, ErrIssue.Newf(catalog.IssueDateDay, s, mo, y, d, last)
	}
	return t, nil
}

// CheckIssue refuses a number or date of issue for period p that cannot be
// right: number is 0 (none) or ≥ 1; the date (zero: none) is from the
// period's last day to IssueDays after today. No date (the default: today)
// is always accepted; the caller warns when the period has not ended.
func (m *Flow) CheckIssue(p period.Period, number int, date time.Time) error {
	if number < 0 {
		return ErrIssue.Newf(catalog.IssueNumber, number)
	}
	if date.IsZero() {
		return nil
	}
	now := m.now().In(m.cfg.Location)
	day := time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC)
	first := time.Date(p.To.Year(), p.To.Month(), p.To.Day(), 0, 0, 0, 0, time.UTC)
	last := time.Date(now.Year(), now.Month(), now.Day()+IssueDays, 0, 0, 0, 0, time.UTC)
	accepted := catalog.IssueAccepted.F(p.Label(), first.Format("02/01/2006"), last.Format("02/01/2006"), IssueDays)
	switch {
	case day.Before(first):
		return ErrIssue.Newf(catalog.IssueBefore, day.Format("02/01/2006"), p.Label(), accepted)
	case day.After(last):
		return ErrIssue.Newf(catalog.IssueAfter, day.Format("02/01/2006"), IssueDays, accepted)
	}
	return nil
}
