package daemon

import (
	"time"

	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/period"
	"github.com/robfig/cron/v3"
)

// LastRun returns the latest time at or before now that schedule fires,
// looking back at most four years; ok is false if it never fired.
func LastRun(s cron.Schedule, now time.Time) (time.Time, bool) {
	for _, back := range []time.Duration{time.Hour, 24 * time.Hour, 32 * 24 * time.Hour, 366 * 24 * time.Hour, 4 * 366 * 24 * time.Hour} {
		var last time.Time
		for t := s.Next(now.Add(-back)); !t.IsZero() && !t.After(now); t = s.Next(t) {
			last = t
		}
		if !last.IsZero() {
			return last, true
		}
	}
	return time.Time{}, false
}

// Report is what the daemon needs to know of a report.
type Report struct {
	ID       string
	Kind     period.Kind
	Boundary period.Boundary
	Schedule cron.Schedule
}

// CatchUp is a run the daemon owes at start-up.
type CatchUp struct {
	Report string
	Period period.Period
	Missed time.Time // the scheduled time that was missed
	Gaps   []string  // older periods with no archived version, to log
}

// PlanCatchUp returns, for each report whose latest scheduled run is in the
// past and whose period has no archived version, the run to make now.
// archived tells whether a report has a version for a period label. Older
// periods without a version (up to a year back) are listed as gaps, to be
// logged, not run.
//
// now is taken in the zone of the schedules (the config's): the last
// scheduled run and its period are that zone's, whatever the machine's.
func PlanCatchUp(reports []Report, now time.Time, archived func(report, label string) bool) []CatchUp {
	var out []CatchUp
	for _, r := range reports {
		last, ok := LastRun(r.Schedule, now)
		if !ok {
			continue
		}
		p := period.LatestEnded(r.Kind, r.Boundary, last)
		if archived(r.ID, p.Label()) {
			continue
		}
		c := CatchUp{Report: r.ID, Period: p, Missed: last}
		for q, n := p.Prev(), 0; n < 12 && q.To.After(now.AddDate(-1, 0, 0)); q, n = q.Prev(), n+1 {
			if !archived(r.ID, q.Label()) {
				c.Gaps = append(c.Gaps, q.Label())
			}
		}
		out = append(out, c)
	}
	return out
}

// RetryBackoff is the wait after the n-th failed delivery round (n ≥ 1)
// before the daemon tries a pending delivery again. A round is one `send`,
// one run or one retry, and holds several attempts ([smtp] retry_seconds).
func RetryBackoff(n int) time.Duration {
	steps := []time.Duration{time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 30 * time.Minute}
	if n < 1 {
		return 0
	}
	if n > len(steps) {
		return time.Hour
	}
	return steps[n-1]
}

// NextRetry is when a pending delivery is due: its last attempt plus the
// back-off for the number of rounds. A record with no attempt (a run that
// stopped between archiving and sending) is due at once.
func NextRetry(rec *delivery.Record) time.Time {
	last := rec.LastAttempt()
	if last.IsZero() {
		return time.Time{}
	}
	return last.Add(RetryBackoff(rec.Rounds()))
}
