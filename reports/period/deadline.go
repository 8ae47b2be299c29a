package period

import (
	"time"

	"github.com/mn2010/baocao/internal/catalog"
)

// DefaultDeadlineDay is the day of the month a report is due when its
// config sets none: the 20th, the deadline the Decree 09 cut-off on the
// 14th leaves room for.
const DefaultDeadlineDay = 20

// MaxDeadlineDay is the largest deadline day allowed: every month has a
// 28th, so a deadline never falls on a day that does not exist.
const MaxDeadlineDay = 28

// CheckDeadlineDay checks a deadline day as written in a config.
func CheckDeadlineDay(day int) error {
	if day < 1 || day > MaxDeadlineDay {
		return catalog.CfgDeadlineRange.Errorf(day, MaxDeadlineDay)
	}
	return nil
}

// Deadline is the day the report of p is due: the first day numbered day
// (1–28) after the period's cut-off (its last day, p.To). With the Decree 09
// cut-off on the 14th and day 20 that is the 20th of the period's last
// month (2024-03 → 20/03/2024); with calendar boundaries the 20th of the
// month after (2024-12 → 20/01/2025). The cut-off day itself never is the
// deadline: its data are still being recorded. A day outside 1–28 is
// taken as DefaultDeadlineDay (configs are checked with CheckDeadlineDay).
func (p Period) Deadline(day int) time.Time {
	if CheckDeadlineDay(day) != nil {
		day = DefaultDeadlineDay
	}
	d := time.Date(p.To.Year(), p.To.Month(), day, 0, 0, 0, 0, time.UTC)
	if !d.After(p.To) {
		d = d.AddDate(0, 1, 0) // day ≤ 28 exists in every month
	}
	return d
}
