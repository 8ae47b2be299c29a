package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/period"
)

func runCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("run", stderr)
	report, label := reportFlags(fs)
	noEmail := fs.Bool("no-email", false, "archive only; do not send")
	var opt reports.Options
	issue := addIssueFlags(fs, "document `NUMBER` (\"Số: 15/BC-…\"); default blank for the clerk", "date of issue `DD/MM/YYYY` for a late run; default today")
	force := fs.Bool("force", false, "a reviewed report: make a new draft even though an approved version of the period is not sent yet (that one is superseded)")
	const line = "-r REPORT -p PERIOD [--no-email] [--number N] [--date DD/MM/YYYY] [--force] [-c CONFIG]"
	if err := parse(fs, args, line); err != nil {
		return err
	}
	var err error
	if opt.Number, opt.Issued, err = issue.values(fs); err != nil {
		return err
	}
	cfg, m, p, err := openReport(*cfgPath, *report, *label, "run", line, stderr)
	if err != nil {
		return err
	}
	if err := m.CheckIssue(p, opt.Number, opt.Issued); err != nil {
		return err
	}
	if w := m.PlanYearWarning(p); w != "" {
		fmt.Fprintln(stderr, "baocao: warning:", w)
	}
	job, err := newJob(m, *noEmail, stderr) // a mail setting that cannot work stops the run before anything is archived
	if err != nil {
		return err
	}
	if today := period.Day(time.Now().In(cfg.Location)); !p.To.Before(today) {
		fmt.Fprintf(stderr, "baocao: warning: period %s has not ended (its data runs to %s): the report covers what is recorded so far\n",
			p.Label(), p.To.Format("02/01/2006"))
	}
	ctx, stop := signalContext()
	defer stop()
	out, err := job.Run(ctx, *report, p, reports.RunOptions{Options: opt, Force: *force, Archived: func(e archive.Entry, man *reports.Manifest) {
		if n := len(man.Issues); n > 0 {
			fmt.Fprintf(stderr, "baocao: %d warnings; see the sheet \"Dữ liệu cần kiểm tra\" or run baocao validate\n", n)
		}
		if len(man.NoPeriodData) > 0 {
			fmt.Fprintf(stderr, "baocao: warning: no data file has a row in period %s (%s–%s); the latest: %s. The report has no figures of its own (the daemon would hold it and tell admin_email); update the data and run again\n",
				p.Label(), p.From.Format("02/01/2006"), p.To.Format("02/01/2006"), latestWords(man.NoPeriodData))
		}
		fmt.Fprintln(stdout, e.Dir)
	}})
	if err != nil {
		return err
	}
	if out.Draft {
		return drafted(out, *noEmail, stderr)
	}
	if out.AwaitingSignature {
		fmt.Fprintf(stderr, "baocao: chờ ký số: [reports.%s] require_signed: nothing sent. Sign its PDF with the unit's signing tool, then baocao signed -r %s -p %s FILE.pdf sends the signed copy\n",
			out.Entry.Report, out.Entry.Report, out.Entry.Period)
		return nil
	}
	if *noEmail {
		return nil
	}
	return sent(out.Entry, out.Record, out.SendErr, stderr)
}

// drafted says what a run of a reviewed report did: a draft, and the
// reviewers' message.
func drafted(out reports.Outcome, noEmail bool, stderr io.Writer) error {
	e := out.Entry
	fmt.Fprintf(stderr, "baocao: %s/%s v%d is a draft waiting for review (chờ duyệt); nothing goes to the district until it is approved (baocao approve)\n", e.Report, e.Period, e.Version)
	switch {
	case noEmail:
		fmt.Fprintln(stderr, "baocao: the reviewers were not mailed (--no-email)")
	case out.SendErr != nil:
		return fmt.Errorf("%s/%s v%d is archived as a draft, but the review message was not sent (the daemon or baocao send retries it): %w", e.Report, e.Period, e.Version, out.SendErr)
	default:
		fmt.Fprintf(stderr, "baocao: review message sent to %v (%s)\n", out.Record.Attempts[len(out.Record.Attempts)-1].To, out.Record.MessageID)
	}
	return nil
}

// latestWords lists each dated source with the last day its rows reach.
func latestWords(c reports.PeriodCover) string {
	var out []string
	for _, s := range c {
		latest := "no dated row"
		if s.Latest != "" {
			latest = s.Latest
		}
		out = append(out, s.Source+" "+latest)
	}
	return strings.Join(out, ", ")
}
