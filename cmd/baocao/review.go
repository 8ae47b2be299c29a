package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/render"
	"github.com/mn2010/baocao/reports/workflow"
)

func approveCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("approve", stderr)
	report, label := reportFlags(fs)
	var opt workflow.ApproveOptions
	fs.IntVar(&opt.Version, "version", 0, catalog.FlagApproveVer.String())
	as := fs.String("as", "", catalog.FlagApproveAs.String())
	fromStdin := fs.Bool("password-stdin", false, catalog.FlagApproveStdin.String())
	fs.StringVar(&opt.By, "by", "", catalog.FlagApproveBy.String())
	fs.StringVar(&opt.Note, "note", "", catalog.FlagApproveNote.String())
	issue := addIssueFlags(fs, catalog.FlagApproveNum.String(), catalog.FlagApproveDate.String())
	fs.BoolVar(&opt.NoEmail, "no-email", false, catalog.FlagApproveNoMail.String())
	forceNumber := fs.Bool("force-number", false, catalog.FlagForceNumber.String())
	line := lineOf(catalog.ArgsApprove)
	if err := parse(fs, args, line); err != nil {
		return err
	}
	if opt.By != "" {
		return errUsage.Newf(catalog.ByGone)
	}
	var err error
	if opt.Number, opt.Date, err = issue.values(fs); err != nil {
		return err
	}
	cfg, m, p, err := openReport(*cfgPath, *report, *label, "approve", line, stderr)
	if err != nil {
		return err
	}
	if err := m.CheckIssue(p, opt.Number, opt.Date); err != nil {
		return err
	}
	opt.Report, opt.Period, opt.ForceNumber = *report, p.Label(), *forceNumber
	// The password and the role first: someone refused learns nothing of
	// the report (its draft, the register's numbers).
	who, err := authorize(cfg, m, *as, *fromStdin, opt.Report, stderr)
	if err != nil {
		return err
	}
	opt.By, opt.Who = who.Signature(), who.Who()
	// Then the draft: a number is proposed only for one there is to approve.
	if _, err := workflow.NewJob(m, nil, nil).CheckDraft(opt.Report, opt.Period, opt.Version); err != nil {
		return err
	}
	issueDay := opt.Date
	if issueDay.IsZero() {
		issueDay = time.Now().In(cfg.Location)
	}
	if opt.Number > 0 && !*forceNumber {
		if err := m.CheckNumber(*report, p.Label(), opt.Number, issueDay); err != nil {
			return err
		}
	}
	if opt.Number == 0 {
		if n, err := m.NextNumber(*report, p.Label(), issueDay); err == nil {
			fmt.Fprintln(stderr, catalog.NumberProposed.F(issueDay.Year(), render.DocNumber(n)))
		}
	}
	job, err := newJob(cfg, m, opt.NoEmail, stderr)
	if err != nil {
		return err
	}
	ctx, stop := signalContext()
	defer stop()
	out, err := job.Approve(ctx, opt)
	if err != nil {
		return err
	}
	fmt.Fprintln(stderr, catalog.Approved.F(cfg.ReportName(out.Draft.Report), out.Draft.Period, out.Draft.Version, out.Approval.By,
		workflow.Stamp(out.Approval.At, cfg.Location)))
	if out.Issued.Version != out.Draft.Version {
		fmt.Fprintln(stderr, catalog.ApprovedIssued.F(out.Issued.Version, numberOrBlank(out.Approval.Number), dateOf(out.Approval.Date, cfg.Location)))
	}
	printRegisterLine(m.Maker, out.Issued, stderr)
	fmt.Fprintln(stdout, out.Issued.Dir)
	if out.AwaitingSignature {
		fmt.Fprintln(stderr, catalog.AwaitingApproved.F(opt.Report, out.Issued.Dir, opt.Report, opt.Period))
		return nil
	}
	if opt.NoEmail {
		fmt.Fprintln(stderr, catalog.ApprovedNoMail.F(opt.Report, opt.Period))
		return nil
	}
	return sent(cfg, out.Issued, out.Record, out.SendErr, stderr)
}

func numberOrBlank(n int) string {
	if n == 0 {
		return catalog.NumberBlank.String()
	}
	return fmt.Sprint(n)
}

func dateOf(s string, loc *time.Location) string {
	if t, err := time.ParseInLocation("2006-01-02", s, loc); err == nil {
		return t.Format("02/01/2006")
	}
	return catalog.DateOfDraft.String()
}

func rejectCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("reject", stderr)
	report, label := reportFlags(fs)
	var opt workflow.RejectOptions
	fs.IntVar(&opt.Version, "version", 0, catalog.FlagRejectVer.String())
	as := fs.String("as", "", catalog.FlagApproveAs.String())
	fromStdin := fs.Bool("password-stdin", false, catalog.FlagApproveStdin.String())
	fs.StringVar(&opt.By, "by", "", catalog.FlagRejectBy.String())
	fs.StringVar(&opt.Reason, "reason", "", catalog.FlagRejectReason.String())
	fs.BoolVar(&opt.NoEmail, "no-email", false, catalog.FlagRejectNoMail.String())
	line := lineOf(catalog.ArgsReject)
	if err := parse(fs, args, line); err != nil {
		return err
	}
	if opt.By != "" {
		return errUsage.Newf(catalog.ByGone)
	}
	if strings.TrimSpace(opt.Reason) == "" {
		return errUsage.Newf(catalog.RequiredReason)
	}
	cfg, m, p, err := openReport(*cfgPath, *report, *label, "reject", line, stderr)
	if err != nil {
		return err
	}
	opt.Report, opt.Period = *report, p.Label()
	// The password and the role first, as approve: someone refused learns
	// nothing of the report.
	who, err := authorize(cfg, m, *as, *fromStdin, opt.Report, stderr)
	if err != nil {
		return err
	}
	opt.By, opt.Who = who.Signature(), who.Who()
	if _, err := workflow.NewJob(m, nil, nil).CheckDraft(opt.Report, opt.Period, opt.Version); err != nil {
		return err
	}
	noMail := opt.NoEmail || cfg.SMTP.Host == "" || cfg.Unit.AdminEmail == ""
	job, err := newJob(cfg, m, noMail, stderr)
	if err != nil {
		return err
	}
	ctx, stop := signalContext()
	defer stop()
	out, err := job.Reject(ctx, opt)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, out.Draft.Dir)
	fmt.Fprintln(stderr, catalog.Rejected.F(cfg.ReportName(out.Draft.Report), out.Draft.Period, out.Draft.Version, out.Return.By, opt.Report, opt.Period))
	switch {
	case cfg.Unit.AdminEmail == "":
		fmt.Fprintln(stderr, catalog.WarnPrefix, catalog.RejectNobodyTold)
	case out.SendErr != nil:
		return catalog.RejectNoticeFail.Errorf(cfg.Unit.AdminEmail, out.SendErr)
	case out.Notice != nil:
		fmt.Fprintln(stderr, catalog.RejectTold.F(cfg.Unit.AdminEmail, out.Notice.MessageID))
	}
	return nil
}

func statusCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("status", stderr)
	report, label := reportFlags(fs)
	version := fs.Int("version", 0, catalog.FlagStatusVer.String())
	line := lineOf(catalog.ArgsStatus)
	if err := parse(fs, args, line); err != nil {
		return err
	}
	cfg, m, p, err := openReport(*cfgPath, *report, *label, "status", line, stderr)
	if err != nil {
		return err
	}
	story, err := m.Story(*report, p.Label(), *version)
	if err != nil {
		return err
	}
	for i, s := range story {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintln(stdout, catalog.StatusHead.F(cfg.ReportName(s.Entry.Report), s.Entry.Period, s.Entry.Version, s.Summary(cfg.Location)))
		fmt.Fprintf(stdout, "  %s\n", s.Entry.Dir)
		for _, ev := range s.Events {
			fmt.Fprintf(stdout, "  %s  %s\n", ev.At.Format("2006-01-02 15:04"), ev.What)
		}
		if s.Status == delivery.Draft {
			if dl, err := m.Deadline(s.Entry); err == nil {
				fmt.Fprintln(stdout, catalog.StatusWaiting.F(dl.Format("02/01/2006")))
			}
			// A draft made with --no-email, or held by the daemon for want of
			// data, never reached its approvers: say so, and what mails them.
			if _, mailed, err := delivery.LoadNamed(s.Entry.Dir, workflow.ReviewMailName); err == nil && !mailed {
				fmt.Fprintln(stdout, catalog.StatusNoReviewMail.F(s.Entry.Report, s.Entry.Period))
			}
		}
		if s.Status == delivery.AwaitingSignature && s.Signed == nil {
			fmt.Fprintln(stdout, catalog.AwaitingStatus.F(s.Entry.Report, s.Entry.Period))
		}
	}
	return nil
}
