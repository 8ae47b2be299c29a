package daemon

import (
	"time"

	"github.com/mn2010/baocao/reports/delivery"
)

// retryLoop sends pending deliveries when they are due: every pending one
// at start-up, then each after its back-off. It sleeps until the next one
// is due or a run leaves a new one; it never polls.
func (d *Daemon) retryLoop() {
	defer d.loop.Done()
	all := true
	for {
		next := d.retryPending(all)
		all = false
		var timer *time.Timer
		var fire <-chan time.Time
		if !next.IsZero() {
			timer = time.NewTimer(max(next.Sub(d.now()), time.Second))
			fire = timer.C
		}
		select {
		case <-d.stop:
			return
		case <-d.wake:
		case <-fire:
		}
		if timer != nil {
			timer.Stop()
		}
	}
}

// poke tells the retry loop a delivery may be due.
func (d *Daemon) poke() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// retryPending sends the pending deliveries that are due (all of them when
// all is set) and returns when the next one will be.
func (d *Daemon) retryPending(all bool) time.Time {
	st, closing := d.current()
	if closing || st.mail == nil {
		return time.Time{}
	}
	entries, err := st.maker.Store().List()
	if err != nil {
		d.log.Error("listing the archive", "error", err.Error())
		return d.now().Add(time.Hour)
	}
	var next time.Time
	for _, e := range entries {
		rec, ok, err := delivery.LoadRecord(e.Dir)
		if err != nil || !ok || rec.Status != delivery.Pending {
			continue
		}
		due := NextRetry(rec)
		if !all && due.After(d.now()) {
			if next.IsZero() || due.Before(next) {
				next = due
			}
			continue
		}
		unlock, err := st.maker.Store().LockReport(e.Report, nil)
		if err != nil {
			continue
		}
		ctx, cancel := d.jobContext()
		rec, err = st.maker.Send(ctx, *st.mail, e, false)
		cancel()
		unlock()
		result := "sent"
		if err != nil {
			result = err.Error()
		}
		d.log.Info("retry", "report", e.Report, "period", e.Period, "version", e.Version, "result", result)
		if rec != nil && rec.Status == delivery.Pending {
			if due := NextRetry(rec); next.IsZero() || due.Before(next) {
				next = due
			}
		}
	}
	return next
}
