package daemon

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/workflow"
)

// runReport makes and sends one report; it logs one line with the outcome.
func (d *Daemon) runReport(id string, t time.Time) {
	st, _ := d.current()
	p, ok := st.periodOf(id, t)
	if !ok {
		return
	}
	mu, _ := d.running.LoadOrStore(id, &sync.Mutex{})
	if !mu.(*sync.Mutex).TryLock() {
		d.log.Warn("run skipped: the previous run of this report is still going", "report", id, "period", p.Label())
		return
	}
	defer mu.(*sync.Mutex).Unlock()
	began := d.now()
	ctx, cancel := d.jobContext()
	defer cancel()
	out, err := st.job.Run(ctx, id, p, workflow.RunOptions{OnlyNew: true, HoldWithoutData: true})
	switch {
	case err != nil:
		d.fail(st, id, p.Label(), began, err)
		return
	case out.Skipped:
		d.log.Info("run", "report", id, "period", p.Label(), "version", out.Entry.Version, "duration", d.now().Sub(began).String(),
			"result", "skipped: already archived (baocao run makes a new version by hand)")
		return
	}
	if out.NoData {
		d.noData(st, id, p.Label(), began, out)
		return
	}
	result := "archived"
	if out.Draft {
		review := "not mailed (no [smtp] host)"
		switch {
		case st.mail == nil:
		case out.SendErr != nil:
			review = "not sent, retried at the next scans: " + out.SendErr.Error()
		default:
			review = "sent " + out.Record.MessageID
		}
		d.log.Info("run", "report", id, "period", p.Label(), "version", out.Entry.Version, "duration", d.now().Sub(began).String(),
			"result", result, "state", "draft: waiting for review, nothing sent to the district", "review_message", review)
		return
	}
	switch {
	case st.mail == nil:
	case out.SendErr != nil:
		d.poke()
		status := "not sent"
		if out.Record != nil {
			status = string(out.Record.Status)
		}
		result = status + ": " + out.SendErr.Error()
	default:
		result = "sent " + out.Record.MessageID
	}
	d.log.Info("run", "report", id, "period", p.Label(), "version", out.Entry.Version, "duration", d.now().Sub(began).String(), "result", result)
}

// noData logs a version held because its period has no data, and tells
// the unit's admin (workflow.Flow.NoDataNotice).
func (d *Daemon) noData(st *state, id, label string, began time.Time, out workflow.Outcome) {
	var sources []string
	for _, s := range out.Manifest.NoPeriodData {
		sources = append(sources, s.Source+" latest "+s.Latest)
	}
	d.log.Warn("run", "report", id, "period", label, "version", out.Entry.Version, "duration", d.now().Sub(began).String(),
		"result", "held: no dated source has a row in the period, nothing sent (update the data, then baocao run or baocao send)",
		"sources", strings.Join(sources, "; "))
	admin := st.cfg.Workflow.Unit.AdminEmail
	if admin == "" || st.mail == nil {
		d.log.Warn("no admin_email or no [smtp] host: nobody was told of the held report", "report", id, "period", label)
		return
	}
	ctx, cancel := d.jobContext()
	defer cancel()
	msg := st.maker.NoDataNotice(out.Entry, out.Manifest)
	if err := delivery.New(*st.mail, delivery.Options{Now: d.now}).Try(ctx, msg); err != nil {
		d.log.Error("could not mail the admin", "to", admin, "error", err.Error())
		return
	}
	d.log.Info("admin told of the held report", "to", admin, "report", id, "period", label)
}

// jobContext ends when the daemon is told to stop, so that no new attempt
// starts; an attempt under way finishes first.
func (d *Daemon) jobContext() (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		select {
		case <-d.stop:
			cancel()
		case <-ctx.Done():
		}
	}()
	return ctx, cancel
}

// fail logs a run that made nothing to send, and tells the unit's admin.
func (d *Daemon) fail(st *state, id, label string, began time.Time, err error) {
	d.log.Error("run", "report", id, "period", label, "duration", d.now().Sub(began).String(), "result", "failed", "error", err.Error())
	admin := st.cfg.Workflow.Unit.AdminEmail
	if admin == "" || st.mail == nil {
		return
	}
	msg := &delivery.Message{From: st.cfg.Workflow.SMTP.From, To: []string{admin}, Date: d.now(),
		Subject:   fmt.Sprintf("baocao: báo cáo %s kỳ %s chưa được tạo", id, label),
		Body:      fmt.Sprintf("Báo cáo %s kỳ %s không tạo được, chưa gửi gì cho cấp trên.\n\nLỗi:\n%s\n\nSửa lỗi rồi chạy: baocao run -r %s -p %s\n", id, label, strings.TrimSpace(err.Error()), id, label),
		MessageID: fmt.Sprintf("baocao.failure.%s.%s.%d@localhost", id, label, d.now().UnixNano())}
	ctx, cancel := d.jobContext()
	defer cancel()
	if err := delivery.New(*st.mail, delivery.Options{Now: d.now}).Try(ctx, msg); err != nil {
		d.log.Error("could not mail the admin", "to", admin, "error", err.Error())
	}
}
