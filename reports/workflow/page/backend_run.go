package page

import (
	"context"
	"errors"
	"github.com/mn2010/baocao/internal/catalog"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mn2010/baocao/internal/web"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/workflow"
)

// Run makes a new version with the workflow of `baocao run` (reports.Job:
// the report's lock, the same files and records). A report with reviewers
// gets exactly what `baocao run` makes: a draft, and the reviewers'
// message when [smtp] is set. A report without reviewers is archived
// "held", as `baocao run --no-email` does: the page shows it and the
// clerk sends it with "Gửi" (docs/trang-web.md).
func (b *ReportsBackend) Run(ctx context.Context, who, report, label string, progress func(string)) (web.VersionRef, error) {
	p, err := b.maker.Period(report, label)
	if err != nil {
		example := ""
		if r, ok := b.cfg.Reports[report]; ok {
			example = period.LatestEnded(r.Kind, r.Boundary, b.now().In(b.cfg.Location)).Label()
		}
		return web.VersionRef{}, catalog.PbRunBadPeriod.Errorf(web.ErrBadInput, label, lowerFirst(b.title(report)), example)
	}
	r := b.wf.Reports[report]
	var mail *delivery.Settings
	if r.Reviewed() && b.set.Mail.Host != "" {
		s, _, err := b.set.Mail.Settings(b.cfg.Dir)
		if err != nil {
			return web.VersionRef{}, catalog.PbRunMailBad.Errorf(web.ErrNotAvailable, err)
		}
		mail = &s
	}
	progress(catalog.PbRunQueued.F(lowerFirst(web.Titled(b.title(report), p.Label()))))
	job := workflow.NewJob(b.maker, mail, func(n workflow.Notice) {
		if n.Kind == workflow.Waiting {
			progress(catalog.PbRunWaiting.String())
			return
		}
		progress(catalog.PbRunNote.F(n.Text))
	})
	progress(catalog.PbRunWorking.String())
	out, err := job.Run(ctx, report, p, workflow.RunOptions{})
	if err != nil {
		return web.VersionRef{}, err
	}
	ref := web.VersionRef{Report: out.Entry.Report, Period: out.Entry.Period, Version: out.Entry.Version}
	if !out.Draft {
		progress(catalog.PbRunSaved.F(out.Entry.Version, len(out.Manifest.Issues)))
		return ref, nil
	}
	progress(catalog.PbRunDraft.F(out.Entry.Version, len(out.Manifest.Issues)))
	switch {
	case mail == nil:
		progress(catalog.PbRunNoMail.String())
	case out.SendErr != nil:
		progress(catalog.PbRunMailFailed.F(out.SendErr))
	default:
		progress(catalog.PbRunMailSent.F(strings.Join(b.maker.ReviewerNames(report), ", ")))
	}
	return ref, nil
}

// Send delivers the newest version of a period with the workflow of
// `baocao send` (reports.Job: the report's lock, delivery.json, older
// unsent versions superseded); a version sent before needs force.
func (b *ReportsBackend) Send(ctx context.Context, who string, v web.VersionRef, force bool) (*web.Delivery, error) {
	e, p, err := b.entry(v.Report, v.Period, v.Version)
	if err != nil {
		return nil, err
	}
	latest, _, err := b.maker.Store().Latest(v.Report, p.Label())
	if err != nil {
		return nil, err
	}
	if latest.Version != v.Version {
		return nil, catalog.PbNewer.Errorf(web.ErrNotAvailable, latest.Version)
	}
	rec, _, err := delivery.LoadRecord(e.Dir)
	if err != nil {
		return nil, err
	}
	if (rec.Status == delivery.Sent || rec.Status == delivery.Uncertain) && !force {
		return nil, web.ErrNeedsConfirm
	}
	s, _, err := b.set.Mail.Settings(b.cfg.Dir)
	if err != nil {
		return nil, catalog.PbSendMailBad.Errorf(web.ErrNotAvailable, err)
	}
	// One attempt: the clerk is waiting at the page; the daemon retries a
	// transient failure later (docs/trang-web.md).
	s.Backoff = []time.Duration{}
	job := workflow.NewJob(b.maker, &s, nil)
	rec, err = job.Send(ctx, e, force)
	switch {
	case errors.Is(err, delivery.ErrAlreadySent), errors.Is(err, delivery.ErrMaybeSent):
		return nil, web.ErrNeedsConfirm
	case errors.Is(err, delivery.ErrBusy):
		return nil, catalog.PbBusy.Errorf(web.ErrNotAvailable)
	case errors.Is(err, delivery.ErrNotApproved):
		return nil, catalog.PbNotApproved.Errorf(web.ErrRefused)
	case errors.Is(err, workflow.ErrReturned):
		return nil, catalog.PbReturnedNever.Errorf(web.ErrRefused)
	case errors.Is(err, delivery.ErrSuperseded):
		return nil, catalog.PbNewerSent.Errorf(web.ErrNotAvailable)
	case err != nil:
		return nil, sendFailure(err)
	}
	return &web.Delivery{Status: state(rec, true), MessageID: rec.MessageID, Attempts: attempts(rec, b.cfg.Location)}, nil
}

// sendFailure explains a failed attempt in a few Vietnamese words, from
// the fault delivery names; the English detail stays in Err for the log.
func sendFailure(err error) *web.SendFailure {
	f := &web.SendFailure{Transient: errors.Is(err, delivery.ErrTransient) && !errors.Is(err, delivery.ErrPermanent), Err: err}
	if errors.Is(err, delivery.ErrNotRecorded) {
		f.Transient = false
		f.Reason, f.Fix = catalog.PbNotRecorded.String(), catalog.PbNotRecFix.String()
		return f
	}
	fault := delivery.FaultOther
	errors.As(err, &fault)
	f.Reason = fault.String()
	if !f.Transient {
		f.Fix = fault.Fix()
	}
	return f
}

// title is a report's title: the config's, else its kind's.
func (b *ReportsBackend) title(report string) string {
	r, ok := b.cfg.Reports[report]
	if !ok {
		return report
	}
	return r.DisplayName()
}

// lowerFirst writes a title inside a sentence: "báo cáo tháng".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
