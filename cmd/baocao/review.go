package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/delivery"
)

func approveCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("approve", stderr)
	report, label := reportFlags(fs)
	var opt reports.ApproveOptions
	fs.IntVar(&opt.Version, "version", 0, "the draft `N` to approve; default the newest version of the period")
	as := fs.String("as", "", "the approver's `ACCOUNT` (required): its password is asked for")
	fromStdin := fs.Bool("password-stdin", false, "read the account's password from the first line of stdin")
	fs.StringVar(&opt.By, "by", "", "gone: use --as ACCOUNT")
	fs.StringVar(&opt.Note, "note", "", "the reviewer's note, kept in the approval record")
	issue := addIssueFlags(fs, "document `NUMBER` of issue; the district's document carries it", "date of issue `DD/MM/YYYY`; default the draft's")
	fs.BoolVar(&opt.NoEmail, "no-email", false, "approve only; `baocao send` sends it later")
	const line = "-r REPORT -p PERIOD --as ACCOUNT [--password-stdin] [--version N] [--note TEXT] [--number N] [--date DD/MM/YYYY] [--no-email] [-c CONFIG]"
	if err := parse(fs, args, line); err != nil {
		return err
	}
	if opt.By != "" {
		return fmt.Errorf("%w: --by NAME is gone: a typed name proves nothing; approve with your account: --as ACCOUNT", errUsage)
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
	opt.Report, opt.Period = *report, p.Label()
	if _, err := reports.NewJob(m, nil, nil).CheckDraft(opt.Report, opt.Period, opt.Version); err != nil {
		return err
	}
	who, err := authorize(cfg, m, *as, *fromStdin, opt.Report, stderr)
	if err != nil {
		return err
	}
	opt.By = who.Signature()
	job, err := newJob(m, opt.NoEmail, stderr)
	if err != nil {
		return err
	}
	ctx, stop := signalContext()
	defer stop()
	out, err := job.Approve(ctx, opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "baocao: %s/%s v%d approved by %s at %s\n", out.Draft.Report, out.Draft.Period, out.Draft.Version, out.Approval.By,
		reports.Stamp(out.Approval.At, cfg.Location))
	if out.Issued.Version != out.Draft.Version {
		fmt.Fprintf(stderr, "baocao: issued as v%d, with number %s and date %s\n", out.Issued.Version, numberOrBlank(out.Approval.Number), dateOf(out.Approval.Date, cfg.Location))
	}
	fmt.Fprintln(stdout, out.Issued.Dir)
	if opt.NoEmail {
		fmt.Fprintf(stderr, "baocao: not sent (--no-email): baocao send -r %s -p %s sends it\n", opt.Report, opt.Period)
		return nil
	}
	return sent(out.Issued, out.Record, out.SendErr, stderr)
}

func numberOrBlank(n int) string {
	if n == 0 {
		return "blank"
	}
	return fmt.Sprint(n)
}

func dateOf(s string, loc *time.Location) string {
	if t, err := time.ParseInLocation("2006-01-02", s, loc); err == nil {
		return t.Format("02/01/2006")
	}
	return "of the draft"
}

func rejectCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("reject", stderr)
	report, label := reportFlags(fs)
	var opt reports.RejectOptions
	fs.IntVar(&opt.Version, "version", 0, "the draft `N` to return; default the newest version of the period")
	as := fs.String("as", "", "the approver's `ACCOUNT` (required): its password is asked for")
	fromStdin := fs.Bool("password-stdin", false, "read the account's password from the first line of stdin")
	fs.StringVar(&opt.By, "by", "", "gone: use --as ACCOUNT")
	fs.StringVar(&opt.Reason, "reason", "", "why: `TEXT` (required), mailed to admin_email")
	fs.BoolVar(&opt.NoEmail, "no-email", false, "record only; do not mail admin_email")
	const line = "-r REPORT -p PERIOD --as ACCOUNT --reason TEXT [--password-stdin] [--version N] [--no-email] [-c CONFIG]"
	if err := parse(fs, args, line); err != nil {
		return err
	}
	if opt.By != "" {
		return fmt.Errorf("%w: --by NAME is gone: a typed name proves nothing; return with your account: --as ACCOUNT", errUsage)
	}
	if strings.TrimSpace(opt.Reason) == "" {
		return fmt.Errorf("%w: --reason TEXT is required", errUsage)
	}
	cfg, m, p, err := openReport(*cfgPath, *report, *label, "reject", line, stderr)
	if err != nil {
		return err
	}
	opt.Report, opt.Period = *report, p.Label()
	if _, err := reports.NewJob(m, nil, nil).CheckDraft(opt.Report, opt.Period, opt.Version); err != nil {
		return err
	}
	who, err := authorize(cfg, m, *as, *fromStdin, opt.Report, stderr)
	if err != nil {
		return err
	}
	opt.By = who.Signature()
	noMail := opt.NoEmail || cfg.SMTP.Host == "" || cfg.Unit.AdminEmail == ""
	job, err := newJob(m, noMail, stderr)
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
	fmt.Fprintf(stderr, "baocao: %s/%s v%d returned by %s; it will never be sent. baocao run -r %s -p %s makes a new draft\n",
		out.Draft.Report, out.Draft.Period, out.Draft.Version, out.Return.By, opt.Report, opt.Period)
	switch {
	case cfg.Unit.AdminEmail == "":
		fmt.Fprintln(stderr, "baocao: warning: [unit] admin_email is empty: nobody was told")
	case out.SendErr != nil:
		return fmt.Errorf("the return is recorded, but the notice to %s was not sent: %w", cfg.Unit.AdminEmail, out.SendErr)
	case out.Notice != nil:
		fmt.Fprintf(stderr, "baocao: told %s (%s)\n", cfg.Unit.AdminEmail, out.Notice.MessageID)
	}
	return nil
}

func statusCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("status", stderr)
	report, label := reportFlags(fs)
	version := fs.Int("version", 0, "version `N` and the version issued from it or it was issued from; default every version of the period")
	const line = "-r REPORT -p PERIOD [--version N] [-c CONFIG]"
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
		fmt.Fprintf(stdout, "%s %s v%d: %s\n", s.Entry.Report, s.Entry.Period, s.Entry.Version, s.Summary(cfg.Location))
		fmt.Fprintf(stdout, "  %s\n", s.Entry.Dir)
		for _, ev := range s.Events {
			fmt.Fprintf(stdout, "  %s  %s\n", ev.At.Format("2006-01-02 15:04"), ev.What)
		}
		if s.Status == delivery.Draft {
			if dl, err := m.Deadline(s.Entry); err == nil {
				fmt.Fprintf(stdout, "  waiting for review; due to the district by %s\n", dl.Format("02/01/2006"))
			}
		}
	}
	return nil
}
