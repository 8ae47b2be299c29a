package schedule

import (
	"time"

	"github.com/robfig/cron/v3"
)

// zoned is a cron schedule read on the wall clock of a time zone, the
// config's (or the spec's CRON_TZ=), whatever the zone of the time it is
// asked about or of the machine. A time that the zone skips (a daylight
// saving gap: 02:30 on the night clocks go from 02:00 to 03:00) fires at
// the first valid time after the gap, once; a time the zone has twice
// fires the first time.
type zoned struct {
	spec  cron.SpecSchedule // on a UTC wall clock: no gaps, no repeats
	loc   *time.Location
	other cron.Schedule // a schedule that is not a spec (@every): as is
}

func newZoned(s cron.Schedule, loc *time.Location) cron.Schedule {
	spec, ok := s.(*cron.SpecSchedule)
	if !ok {
		return s
	}
	z := &zoned{spec: *spec, loc: loc}
	if spec.Location != time.Local && spec.Location != nil { // CRON_TZ=
		z.loc = spec.Location
	}
	z.spec.Location = time.UTC
	return z
}

// Next is the first time after t the schedule fires.
func (z *zoned) Next(t time.Time) time.Time {
	t = t.In(z.loc)
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	for range 10000 {
		w := z.spec.Next(wall)
		if w.IsZero() {
			return w
		}
		r := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), 0, 0, z.loc)
		if r.Hour() != w.Hour() || r.Minute() != w.Minute() || r.Day() != w.Day() {
			r = afterGap(r)
		}
		if r.After(t) {
			return r
		}
		wall = w
	}
	return time.Time{}
}

// afterGap is the first valid time after the gap that r's wall clock
// fell into: the instant the zone's offset changed.
func afterGap(r time.Time) time.Time {
	start, end := r.ZoneBounds()
	// Go places a skipped wall time with one of the two offsets: the
	// change is the start of r's offset period, or its end.
	if end.IsZero() || r.Sub(start) < end.Sub(r) {
		return start
	}
	return end
}
