package page

import (
	"context"
	"errors"
	"fmt"
	"github.com/mn2010/baocao/internal/catalog"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/web"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/workflow"
)

// Approve approves a draft with the workflow of `baocao approve`
// (reports.Job.Approve: the approval record written once, the document
// issued with the number and date, sent once when [smtp] is set). It
// returns the version that goes to the district.
func (b *ReportsBackend) Approve(ctx context.Context, who string, v web.VersionRef, a web.Approval) (web.VersionRef, error) {
	e, _, err := b.entry(v.Report, v.Period, v.Version)
	if err != nil {
		return web.VersionRef{}, err
	}
	// The review step's refusals first, before the mail settings, as the
	// command line does.
	if _, err := workflow.NewJob(b.maker, nil, nil).CheckDraft(v.Report, v.Period, v.Version); err != nil {
		return web.VersionRef{}, b.refusal(e, err)
	}
	mail, err := b.mail()
	if err != nil {
		return web.VersionRef{}, err
	}
	out, err := workflow.NewJob(b.maker, mail, nil).Approve(ctx, workflow.ApproveOptions{Report: v.Report, Period: v.Period, Version: v.Version,
		By: web.Decider{Name: a.Name, Account: a.Account, Role: a.Role}.Signature(), Who: whoOf(web.Decider{Name: a.Name, Account: a.Account, Role: a.Role}), Note: a.Note, Number: a.Number, Date: a.Date, ForceNumber: a.ForceNumber})
	if err != nil {
		return web.VersionRef{}, b.refusal(e, err)
	}
	return web.VersionRef{Report: out.Issued.Report, Period: out.Issued.Period, Version: out.Issued.Version}, nil
}

// Reject returns a draft with the workflow of `baocao reject`: the reason
// recorded once and mailed to admin_email.
func (b *ReportsBackend) Reject(ctx context.Context, who web.Decider, v web.VersionRef, reason string) error {
	e, _, err := b.entry(v.Report, v.Period, v.Version)
	if err != nil {
		return err
	}
	if _, err := workflow.NewJob(b.maker, nil, nil).CheckDraft(v.Report, v.Period, v.Version); err != nil {
		return b.refusal(e, err)
	}
	mail, err := b.mail()
	if err != nil {
		return err
	}
	by := who.Signature()
	if _, err := workflow.NewJob(b.maker, mail, nil).Reject(ctx, workflow.RejectOptions{Report: v.Report, Period: v.Period, Version: v.Version,
		By: by, Who: whoOf(who), Reason: reason}); err != nil {
		return b.refusal(e, err)
	}
	return nil
}

// mail is the mail settings when [smtp] is set, nil when it is not; one
// attempt per message.
func (b *ReportsBackend) mail() (*delivery.Settings, error) {
	if b.set.Mail.Host == "" {
		return nil, nil
	}
	s, _, err := b.set.Mail.Settings(b.cfg.Dir)
	if err != nil {
		return nil, catalog.PbMailBad.Errorf(web.ErrNotAvailable, err)
	}
	// One attempt, as for "Gửi": the person waits at the page, and the
	// daemon sends a pending message again.
	s.Backoff = []time.Duration{}
	return &s, nil
}

// refusal says in Vietnamese why the review step refused an action on e.
func (b *ReportsBackend) refusal(e archive.Entry, err error) error {
	loc := b.cfg.Location
	switch {
	case errors.Is(err, workflow.ErrReturned):
		if r, _ := workflow.ReadReturn(e.Dir); r != nil {
			return catalog.PbReturnedBy.Errorf(web.ErrRefused, e.Version, r.Decider(), when(r.At, loc), r.Reason)
		}
		return catalog.PbReturned.Errorf(web.ErrRefused)
	case errors.Is(err, workflow.ErrAlreadyApproved):
		if a, _ := workflow.ReadApproval(e.Dir); a != nil {
			return catalog.PbApprovedBy.Errorf(web.ErrRefused, e.Version, a.Decider(), when(a.At, loc))
		}
		return catalog.PbIssued.Errorf(web.ErrRefused, e.Version)
	case errors.Is(err, workflow.ErrSourcesChanged):
		what := catalog.PbSourcesWhat.String()
		if files := changedFiles(err); files != "" {
			what = catalog.PbSourcesFiles.F(files)
		}
		return catalog.PbChanged.Errorf(web.ErrRefused, what, e.Version)
	case errors.Is(err, delivery.ErrSuperseded):
		return catalog.PbSuperseded.Errorf(web.ErrRefused, e.Version)
	case errors.Is(err, workflow.ErrNoDraft):
		return catalog.PbNotDraft.Errorf(web.ErrRefused, e.Version)
	case errors.Is(err, workflow.ErrNotReviewed):
		return catalog.PbNotReviewed.Errorf(web.ErrRefused, b.title(e.Report), e.Report)
	case errors.Is(err, workflow.ErrMissingFile):
		return catalog.PbMissingFile.Errorf(web.ErrRefused, err)
	case errors.Is(err, reports.ErrNumberTaken):
		return catalog.PbNumberTaken.Errorf(web.ErrRefused, strings.Replace(err.Error(), catalog.PbForceFlag.String(), catalog.PbForceHint.String(), 1))
	case errors.Is(err, workflow.ErrRequest):
		return catalog.PbNeedName.Errorf(web.ErrBadInput)
	}
	return err
}

func when(rfc3339 string, loc *time.Location) string {
	t, err := time.Parse(time.RFC3339, rfc3339)
	if err != nil {
		return rfc3339
	}
	return t.In(loc).Format("15:04 02/01/2006")
}

func isoDate(s string) string {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("02/01/2006")
	}
	return s
}

// story fills the version's story (reports.Maker.Story: the draft and
// the document issued from it) in Vietnamese, and its review line.
func (b *ReportsBackend) story(d *web.VersionDetail, e archive.Entry, rec *delivery.Record) error {
	loc := b.cfg.Location
	d.IssuedAs = rec.IssuedAs
	states, err := b.maker.Story(e.Report, e.Period, e.Version)
	if err != nil {
		return err
	}
	var evs []web.Event
	add := func(v int, at, what string) {
		t, _ := time.Parse(time.RFC3339, at)
		if len(states) > 1 {
			what = catalog.PbStoryVersion.F(v, what)
		}
		evs = append(evs, web.Event{At: t.In(loc), What: what})
	}
	reviewed := b.wf.Reports[e.Report].Reviewed()
	for _, st := range states {
		v := st.Entry.Version
		man, err := reports.ReadManifest(st.Entry.Dir)
		if err != nil {
			return err
		}
		if f := st.IssuedFrom; f != nil {
			at := man.GeneratedAt
			if a, _ := workflow.ReadApproval(filepath.Join(filepath.Dir(st.Entry.Dir), fmt.Sprint("v", f.Version))); a != nil {
				at = a.At
			}
			add(v, at, catalog.PbStoryIssued.F(f.Version, numberVN(f.Number), isoDate(f.Date)))
			if v == e.Version {
				d.IssuedFrom = f.Version
			}
		} else {
			made := catalog.PbStoryMade.F(len(man.Issues))
			if reviewed && (st.Record.Status == delivery.Draft || st.Approval != nil || st.Return != nil || st.Record.Unapproved) {
				made = catalog.PbStoryDraft.F(len(man.Issues))
			}
			add(v, man.GeneratedAt, made)
		}
		for _, n := range []struct {
			file string
			what *catalog.Msg
		}{
			{workflow.ReviewMailName, catalog.PbMailReview}, {workflow.RemindBefore, catalog.PbMailRemind},
			{workflow.RemindDue, catalog.PbMailDue}, {workflow.OverdueName, catalog.PbMailOverdue}, {workflow.ReturnMailName, catalog.PbMailReturn},
		} {
			r, ok, err := delivery.LoadNamed(st.Entry.Dir, n.file)
			if err != nil || !ok {
				continue
			}
			for _, a := range attempts(r, loc) {
				add(v, a.At.Format(time.RFC3339), catalog.PbStoryMail.F(n.what, strings.Join(a.To, ", "), a.Result))
			}
		}
		if a := st.Approval; a != nil {
			what := catalog.PbStoryApproved.F(a.Decider())
			if a.Note != "" {
				what += catalog.PbStoryNote.F(a.Note)
			}
			if a.Number != 0 || a.Date != "" {
				what += catalog.PbStoryNumber.F(numberVN(a.Number), isoDate(a.Date))
			}
			add(v, a.At, what)
		}
		if r := st.Return; r != nil {
			add(v, r.At, catalog.PbStoryReturned.F(r.Decider(), r.Reason))
		}
		for _, a := range attempts(st.Record, loc) {
			add(v, a.At.Format(time.RFC3339), catalog.PbStorySent.F(strings.Join(a.To, ", "), a.Result))
		}
		if v != e.Version {
			continue
		}
		switch {
		case st.Return != nil:
			d.Review = catalog.PbRevReturned.F(st.Return.Decider(), when(st.Return.At, loc), st.Return.Reason)
		case st.Approval != nil && rec.IssuedAs != 0:
			d.Review = catalog.PbRevIssuedAs.F(st.Approval.Decider(), when(st.Approval.At, loc), rec.IssuedAs)
		case st.Approval != nil:
			d.Review = catalog.PbRevApproved.F(st.Approval.Decider(), when(st.Approval.At, loc))
		case st.IssuedFrom != nil:
			d.Review = catalog.PbRevIssued.F(st.IssuedFrom.Version, numberVN(st.IssuedFrom.Number), isoDate(st.IssuedFrom.Date))
		case st.Record.Unapproved:
			d.Review = catalog.PbRevReplaced.F(st.Record.SupersededBy)
		case st.Status == delivery.Draft:
			d.Review = catalog.PbRevWaiting.F(strings.Join(b.maker.ReviewerNames(e.Report), ", "))
			// Made without mail, or held by the daemon for want of data: the
			// approvers were never told (as baocao status says).
			if _, mailed, err := delivery.LoadNamed(e.Dir, workflow.ReviewMailName); err == nil && !mailed {
				d.Review += " " + catalog.PbRevNotMailed.F(e.Report, e.Period)
			}
		}
	}
	sort.SliceStable(evs, func(i, k int) bool { return evs[i].At.Before(evs[k].At) })
	d.Story = evs
	return nil
}

func numberVN(n int) string {
	if n == 0 {
		return catalog.PbNumberBlank.String()
	}
	return fmt.Sprint(n)
}

// changedFiles is the files a sources-changed error names, in Vietnamese
// ("a.xlsx, b.xlsx (không còn được đọc)"); "" when it names none (the
// plan, config or texts changed).
func changedFiles(err error) string {
	var ch *workflow.SourcesChangedError
	if !errors.As(err, &ch) {
		return ""
	}
	out := slices.Clone(ch.Files)
	for _, g := range ch.Gone {
		out = append(out, catalog.PbGone.F(g))
	}
	return strings.Join(out, ", ")
}

// whoOf is the page's decider as the records keep it, field by field (a
// decider without an account keeps only the by text).
func whoOf(d web.Decider) workflow.Who {
	if d.Account == "" {
		return workflow.Who{}
	}
	return workflow.Who{Account: d.Account, FullName: d.Name, Role: d.Role}
}
