package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/signal"
	"syscall"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/workflow"
)

func sendCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("send", stderr)
	report, label := reportFlags(fs)
	force := fs.Bool("force", false, catalog.FlagSendForce.String())
	signed := fs.Bool("signed", false, catalog.FlagSendSigned.String())
	line := lineOf(catalog.ArgsSend)
	if err := parse(fs, args, line); err != nil {
		return err
	}
	cfg, m, p, err := openReport(*cfgPath, *report, *label, "send", line, stderr)
	if err != nil {
		return err
	}
	job, err := newJob(cfg, m, false, stderr)
	if err != nil {
		return err
	}
	if *signed {
		return sendSigned(m, job, *report, p, *force, stdout, stderr)
	}
	entry, err := m.ToSend(*report, p)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, entry.Dir)
	if rec, _, err := delivery.LoadRecord(entry.Dir); err == nil && rec.Unknown() && rec.Status != delivery.Sent {
		fmt.Fprintln(stderr, catalog.SendInterrupted.F(rec.Attempts[len(rec.Attempts)-1].At, rec.MessageID))
	}
	ctx, stop := signalContext()
	defer stop()
	rec, err := job.Send(ctx, entry, *force)
	if errors.Is(err, workflow.ErrReviewMailed) { // a draft made with --no-email reaches its reviewers
		fmt.Fprintln(stderr, "baocao:", err)
		return nil
	}
	return sent(cfg, entry, rec, err, stderr)
}

// signalContext ends on SIGINT or SIGTERM: no new attempt starts, the one
// under way finishes. A second signal stops the process at once.
func signalContext() (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // back to the default: the next signal ends the process
	}()
	return ctx, stop
}

// sent says what a delivery did; a version sent before is not an error.
func sent(cfg *conf, e archive.Entry, rec *delivery.Record, err error, stderr io.Writer) error {
	name := cfg.ReportName(e.Report)
	switch {
	case errors.Is(err, delivery.ErrAlreadySent):
		fmt.Fprintln(stderr, catalog.SentBefore.F(name, e.Period, e.Version, rec.MessageID))
		return nil
	case errors.Is(err, delivery.ErrMaybeSent):
		return catalog.SendMaybeSent.Errorf(name, e.Period, e.Version, rec.MessageID, err)
	case errors.Is(err, delivery.ErrUncertain):
		return catalog.SendUncertain.Errorf(name, e.Period, e.Version, e.Report, e.Period, err)
	case err != nil:
		status := catalog.NotSent.String()
		if rec != nil {
			status = rec.Status.String()
		}
		return catalog.ArchivedBut.Errorf(name, e.Period, e.Version, status, err)
	}
	fmt.Fprintln(stderr, catalog.Sent.F(name, e.Period, e.Version, rec.Attempts[len(rec.Attempts)-1].To, rec.MessageID))
	return nil
}

// sendSigned is send --signed: the follow-up message with the signed copy
// of the newest version that has one.
func sendSigned(m *workflow.Flow, job *workflow.Job, report string, p period.Period, force bool, stdout, stderr io.Writer) error {
	entry, err := m.WithSignedCopy(report, p.Label())
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, entry.Dir)
	ctx, stop := signalContext()
	defer stop()
	rec, err := job.SendSigned(ctx, entry, force)
	switch {
	case errors.Is(err, workflow.ErrSignedSent):
		fmt.Fprintln(stderr, catalog.SendSignedNothing.F(err))
		return nil
	case errors.Is(err, delivery.ErrAlreadySent):
		fmt.Fprintln(stderr, catalog.SendSignedBefore.F(m.Maker.Settings().ReportName(entry.Report), entry.Period, entry.Version, rec.MessageID))
		return nil
	case err != nil:
		return err
	}
	fmt.Fprintln(stderr, catalog.SendSignedDone.F(m.Maker.Settings().ReportName(entry.Report), entry.Period, entry.Version, rec.Attempts[len(rec.Attempts)-1].To, rec.MessageID))
	return nil
}
