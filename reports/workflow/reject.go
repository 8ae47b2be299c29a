package workflow

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
)

// RejectOptions are the details of a return.
type RejectOptions struct {
	Report  string
	Period  string
	Version int    // 0: the newest version of the period
	By      string // who returns it, as text: required unless Who is set
	Who     Who    // the account, full name, role and OS user, kept as fields
	Reason  string // why: required, mailed to admin_email
	NoEmail bool   // record only; the notice is not mailed
}

// Rejected is what a return did.
type Rejected struct {
	Draft   archive.Entry
	Return  *Return
	Notice  *delivery.Record // the notice to admin_email; nil when not mailed
	SendErr error            // returned, but the notice was not sent
}

// Reject returns a draft: the reason is recorded once, the draft is never
// approved nor sent, and admin_email is told. The next run makes a new
// draft.
func (j *Job) Reject(ctx context.Context, opt RejectOptions) (Rejected, error) {
	m := j.maker
	if strings.TrimSpace(opt.By) == "" && opt.Who.Known() {
		opt.By = opt.Who.String()
	}
	if strings.TrimSpace(opt.By) == "" || strings.TrimSpace(opt.Reason) == "" {
		return Rejected{}, ErrRequest.Newf(catalog.WfSayWhoReturns)
	}
	e, err := j.reviewable(opt.Report, opt.Period, opt.Version)
	if err != nil {
		return Rejected{}, err
	}
	unlock, err := j.lock(e.Report)
	if err != nil {
		return Rejected{}, err
	}
	defer unlock()
	if _, err := j.checkDraft(e); err != nil {
		return Rejected{}, err
	}
	r := &Return{Report: e.Report, Period: e.Period, Version: e.Version, By: strings.TrimSpace(opt.By), Who: opt.Who,
		At: m.now().In(m.cfg.Location).Format(time.RFC3339), Reason: strings.TrimSpace(opt.Reason)}
	if _, err := writeOnce(e.Dir, ReturnName, r); err != nil {
		if errors.Is(err, archive.ErrWritten) {
			return Rejected{}, ErrReturned.Newf(catalog.WfReturnedRef, j.maker.ref(e))
		}
		return Rejected{}, err
	}
	rec, _, err := delivery.LoadRecord(e.Dir)
	if err != nil {
		return Rejected{}, err
	}
	rec.Status = delivery.Returned
	if err := rec.Save(e.Dir); err != nil {
		return Rejected{}, err
	}
	out := Rejected{Draft: e, Return: r}
	if j.mail == nil || opt.NoEmail || m.cfg.Unit.AdminEmail == "" {
		return out, nil
	}
	msg, err := m.returnMessage(e, r)
	if err != nil {
		out.SendErr = err
		return out, nil
	}
	out.Notice, out.SendErr = delivery.New(*j.mail, delivery.Options{Now: m.now, Record: ReturnMailName}).Deliver(ctx, e.Dir, msg, false)
	return out, nil
}
