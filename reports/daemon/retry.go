package daemon

import (
	"errors"
	"time"

	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
)

// retryState is the daemon's own count of failed retries of a version, for
// failures that leave the record unchanged (it cannot be written, the
// files no longer match their hashes): without it such a version would be
// tried at every scan.
type retryState struct {
	fails int
	next  time.Time
}

// retryLoop sends pending deliveries when they are due: every pending one
// at start-up, then each after its back-off. It wakes when the next one is
// due, when a run leaves one, and every ScanInterval to find pending
// records others left and to keep the daemon lock valid.
func (d *Daemon) retryLoop(scanned chan<- struct{}) {
	defer d.loop.Done()
	all := true
	for {
		d.checkLock()
		next := d.retryPending(all)
		if all {
			close(scanned) // the first scan, of every version, is done
		} else {
			d.idle.Idle() // what the scan and the runtime touched since
		}
		all = false
		wait := ScanInterval
		if !next.IsZero() {
			wait = min(wait, max(next.Sub(d.now()), time.Second))
		}
		timer := time.NewTimer(wait)
		select {
		case <-d.stop:
			timer.Stop()
			return
		case <-d.wake:
		case <-timer.C:
		}
		timer.Stop()
	}
}

// checkLock makes the daemon lock again if its file was removed.
func (d *Daemon) checkLock() {
	renewed, err := d.lock.Check()
	switch {
	case err != nil:
		d.log.Error("the daemon lock was removed and could not be taken again: another daemon may run on this archive", "error", err.Error())
	case renewed:
		d.log.Warn("the daemon lock file was removed (archive folder deleted or moved?); made it again")
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
// all is set) and returns when the next one will be. Only the newest
// version of a period is ever sent by the daemon: an older pending one
// waits, and is marked superseded once a newer one is sent.
func (d *Daemon) retryPending(all bool) time.Time {
	st, closing := d.current()
	if closing || st.mail == nil {
		return time.Time{}
	}
	entries, err := st.maker.Store().List()
	if err != nil {
		d.log.Error("listing the archive", "error", err.Error())
		return time.Time{}
	}
	var next time.Time
	for i, e := range entries {
		if i+1 < len(entries) && sameFolder(entries[i+1], e) {
			continue // not the newest of its period
		}
		if _, closing := d.current(); closing {
			return time.Time{}
		}
		rec, _, err := delivery.LoadRecord(e.Dir)
		if err != nil {
			d.log.Error("reading a delivery record", "folder", e.Dir, "error", err.Error())
			continue
		}
		if rec.Status == delivery.Draft {
			if due := d.review(st, e); !due.IsZero() && (next.IsZero() || due.Before(next)) {
				next = due
			}
			continue
		}
		if rec.Status == delivery.AwaitingSignature {
			if due := d.signing(st, e, rec); !due.IsZero() && (next.IsZero() || due.Before(next)) {
				next = due
			}
			continue
		}
		if rec.Status == delivery.Uncertain {
			d.tellMaybeSent(st, e, rec) // never resent by the daemon
			continue
		}
		if !rec.ToSend() {
			continue
		}
		due := NextRetry(rec)
		if own := d.backoff[e.Dir]; own.next.After(due) {
			due = own.next
		}
		if !all && due.After(d.now()) {
			if next.IsZero() || due.Before(next) {
				next = due
			}
			continue
		}
		if due := d.retry(st, e, rec); !due.IsZero() && (next.IsZero() || due.Before(next)) {
			next = due
		}
	}
	return next
}

func sameFolder(a, b archive.Entry) bool { return a.Report == b.Report && a.Period == b.Period }

// retry sends one pending version and returns when it is due again.
func (d *Daemon) retry(st *state, e archive.Entry, before *delivery.Record) time.Time {
	if before.Unknown() {
		d.log.Warn("the last attempt was interrupted after the message went to the server: sending again with the same Message-ID",
			"report", e.Report, "period", e.Period, "version", e.Version, "message_id", before.MessageID)
	}
	ctx, cancel := d.jobContext()
	rec, err := st.job.Send(ctx, e, false)
	cancel()
	result := "sent"
	if err != nil {
		result = err.Error()
	}
	d.log.Info("retry", "report", e.Report, "period", e.Period, "version", e.Version, "result", result)
	switch {
	case err == nil, errors.Is(err, delivery.ErrSuperseded), errors.Is(err, delivery.ErrAlreadySent):
		delete(d.backoff, e.Dir)
		return time.Time{}
	case rec != nil && rec.Status != delivery.Pending:
		delete(d.backoff, e.Dir)
		return time.Time{}
	}
	own := d.backoff[e.Dir]
	own.fails++
	own.next = d.now().Add(RetryBackoff(own.fails))
	d.backoff[e.Dir] = own
	due := own.next
	if rec != nil {
		if n := NextRetry(rec); n.After(due) {
			due = n
		}
	}
	return due
}
