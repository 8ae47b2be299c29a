package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/catalog"

	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/render"
	"github.com/mn2010/baocao/reports/workflow"
)

func runCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("run", stderr)
	report, label := reportFlags(fs)
	noEmail := fs.Bool("no-email", false, catalog.FlagNoEmail.String())
	var opt reports.Options
	issue := addIssueFlags(fs, catalog.FlagRunNumber.String(), catalog.FlagRunDate.String())
	force := fs.Bool("force", false, catalog.FlagRunForce.String())
	line := lineOf(catalog.ArgsRun)
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
	if opt.Number > 0 { // a number already given is said, not refused: the run may be redoing an issued report
		day := opt.Issued
		if day.IsZero() {
			day = time.Now().In(cfg.Location)
		}
		if where, next, err := m.NumberTaken(*report, p.Label(), opt.Number, day); err == nil && where != "" {
			fmt.Fprintln(stderr, catalog.WarnPrefix, catalog.NumberUsedWarn.F(render.DocNumber(opt.Number), day.Year(), where, next))
		}
	}
	if w := m.PlanYearWarning(p); w != "" {
		fmt.Fprintln(stderr, catalog.WarnPrefix, w)
	}
	job, err := newJob(cfg, m, *noEmail, stderr) // a mail setting that cannot work stops the run before anything is archived
	if err != nil {
		return err
	}
	if today := period.Day(time.Now().In(cfg.Location)); !p.To.Before(today) {
		fmt.Fprintln(stderr, catalog.WarnPrefix, catalog.RunNotEnded.F(p.Label(), p.To.Format("02/01/2006")))
	}
	ctx, stop := signalContext()
	defer stop()
	out, err := job.Run(ctx, *report, p, workflow.RunOptions{Options: opt, Force: *force, Archived: func(e archive.Entry, man *reports.Manifest) {
		if n := len(man.Issues); n > 0 {
			fmt.Fprintln(stderr, catalog.RunIssues.F(n))
		}
		if len(man.NoPeriodData) > 0 {
			fmt.Fprintln(stderr, catalog.WarnPrefix, catalog.RunNoPeriodData.F(
				p.Label(), p.From.Format("02/01/2006"), p.To.Format("02/01/2006"), latestWords(m.Maker, man.NoPeriodData)))
		}
		fmt.Fprintln(stdout, e.Dir)
	}})
	if err != nil {
		return err
	}
	if out.Draft {
		return drafted(cfg, out, *noEmail, stderr)
	}
	printRegisterLine(m.Maker, out.Entry, stderr)
	if out.AwaitingSignature {
		fmt.Fprintln(stderr, catalog.AwaitingApproved.F(out.Entry.Report, out.Entry.Dir, out.Entry.Report, out.Entry.Period))
		return nil
	}
	if *noEmail {
		return nil
	}
	return sent(cfg, out.Entry, out.Record, out.SendErr, stderr)
}

// drafted says what a run of a reviewed report did: a draft, and the
// reviewers' message.
func drafted(cfg *conf, out workflow.Outcome, noEmail bool, stderr io.Writer) error {
	e := out.Entry
	fmt.Fprintln(stderr, catalog.RunDraft.F(cfg.ReportName(e.Report), e.Period, e.Version))
	switch {
	case noEmail:
		fmt.Fprintln(stderr, catalog.RunReviewNoMail)
	case out.SendErr != nil:
		return catalog.RunReviewFailed.Errorf(cfg.ReportName(e.Report), e.Period, e.Version, out.SendErr)
	default:
		fmt.Fprintln(stderr, catalog.RunReviewSent.F(out.Record.Attempts[len(out.Record.Attempts)-1].To, out.Record.MessageID))
	}
	return nil
}

// latestWords lists each dated source with the last day its rows reach.
func latestWords(m *reports.Maker, c reports.PeriodCover) string {
	var out []string
	for _, s := range c {
		latest := catalog.NoDatedRow.String()
		if s.Latest != "" {
			latest = s.Latest
		}
		out = append(out, m.SourceTitle(s.Source)+" "+latest)
	}
	return strings.Join(out, "; ") // a title may hold a comma ("Sổ phản ánh, kiến nghị")
}

// printRegisterLine prints, for an issued version with a number, the line
// the clerk copies into the outgoing register; baocao never writes there.
func printRegisterLine(m *reports.Maker, e archive.Entry, stderr io.Writer) {
	man, err := reports.ReadManifest(e.Dir)
	if err != nil {
		return
	}
	if line := m.RegisterLine(man); line != "" {
		fmt.Fprintln(stderr, catalog.RegisterLineMsg)
		fmt.Fprintln(stderr, line)
	}
}
