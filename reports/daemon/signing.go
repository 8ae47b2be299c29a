package daemon

import (
	"time"

	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/signedcopy"
)

// signing does what a version waiting for its signed copy (require_signed)
// is owed, at each scan: a copy stored by a process that died before
// sending is sent; otherwise the signing reminders are sent when due, each
// once. It returns when something is due again.
func (d *Daemon) signing(st *state, e archive.Entry, rec *delivery.Record) time.Time {
	c, err := signedcopy.Read(e.Dir)
	if err != nil {
		d.log.Error("reading a signed copy's record", "folder", e.Dir, "error", err.Error())
		return time.Time{}
	}
	if c != nil {
		return d.retry(st, e, rec)
	}
	name, err := st.maker.DueSignReminder(e, d.now())
	if err != nil {
		d.log.Error("signing reminders", "report", e.Report, "period", e.Period, "version", e.Version, "error", err.Error())
		return time.Time{}
	}
	if name == "" {
		return time.Time{}
	}
	r, ok, err := delivery.LoadNamed(e.Dir, name)
	if err != nil || ok && !r.ToSend() {
		return time.Time{}
	}
	if ok {
		if due := NextRetry(r); due.After(d.now()) {
			return due
		}
	}
	ctx, cancel := d.jobContext()
	r, err = st.job.RemindSign(ctx, e, name)
	cancel()
	d.logMessage(name, e, r, err)
	return time.Time{}
}
