package daemon

import (
	"time"

	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/workflow"
)

// review does what a draft is owed, at each scan: an approval a crash
// left half done is completed and its document sent; the reviewers'
// message, if not yet sent, is sent; the deadline reminders and the
// deadline-passed notice are sent when due, each once. The daemon never
// approves. It returns when a failed message is due again.
func (d *Daemon) review(st *state, e archive.Entry) time.Time {
	if to, done, err := st.job.CompleteApproval(e); err != nil {
		d.log.Error("completing an approval", "report", e.Report, "period", e.Period, "version", e.Version, "error", err.Error())
		return time.Time{}
	} else if done {
		d.log.Info("approval completed", "report", e.Report, "period", e.Period, "version", e.Version, "send", to.Version)
		d.poke() // the document to send is approved: the next scan sends it
		return time.Time{}
	}
	var next time.Time
	owed := func(name string) bool {
		rec, ok, err := delivery.LoadNamed(e.Dir, name)
		if err != nil || !ok && name == workflow.ReviewMailName || !rec.ToSend() {
			return false
		}
		if due := NextRetry(rec); due.After(d.now()) {
			if next.IsZero() || due.Before(next) {
				next = due
			}
			return false
		}
		return true
	}
	if owed(workflow.ReviewMailName) {
		ctx, cancel := d.jobContext()
		rec, err := st.job.SendReview(ctx, e)
		cancel()
		d.logMessage("review message", e, rec, err)
	}
	name, err := st.maker.DueReminder(e, d.now())
	if err != nil {
		d.log.Error("deadline reminders", "report", e.Report, "period", e.Period, "version", e.Version, "error", err.Error())
		return next
	}
	if name != "" && owed(name) {
		ctx, cancel := d.jobContext()
		rec, err := st.job.Remind(ctx, e, name)
		cancel()
		d.logMessage(name, e, rec, err)
	}
	return next
}

func (d *Daemon) logMessage(what string, e archive.Entry, rec *delivery.Record, err error) {
	result := "sent"
	if err != nil {
		result = err.Error()
	} else if rec != nil {
		result = "sent " + rec.MessageID
	}
	d.log.Info(what, "report", e.Report, "period", e.Period, "version", e.Version, "result", result)
}
