package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/signal"
	"syscall"

	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
)

func sendCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("send", stderr)
	report, label := reportFlags(fs)
	force := fs.Bool("force", false, "send again even if this version was sent")
	const line = "-r REPORT -p PERIOD [--force] [-c CONFIG]"
	if err := parse(fs, args, line); err != nil {
		return err
	}
	_, m, p, err := openReport(*cfgPath, *report, *label, "send", line, stderr)
	if err != nil {
		return err
	}
	settings, warnings, err := m.MailSettings()
	if err != nil {
		return err
	}
	warn(stderr, warnings)
	entry, err := m.Latest(*report, p)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, entry.Dir)
	return send(m, settings, entry, *force, stderr)
}

// send delivers an archived version, saying what happened; a version sent
// before is not an error.
func send(m *reports.Maker, s delivery.Settings, e archive.Entry, force bool, stderr io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	rec, err := m.Send(ctx, s, e, force)
	switch {
	case errors.Is(err, delivery.ErrAlreadySent):
		fmt.Fprintf(stderr, "baocao: %s/%s v%d was sent before (%s); nothing sent. Use --force to send it again\n", e.Report, e.Period, e.Version, rec.MessageID)
		return nil
	case err != nil:
		status := "not sent"
		if rec != nil {
			status = rec.Status
		}
		return fmt.Errorf("%s/%s v%d is archived but %s: %w", e.Report, e.Period, e.Version, status, err)
	}
	fmt.Fprintf(stderr, "baocao: sent %s/%s v%d to %v (%s)\n", e.Report, e.Period, e.Version, rec.Attempts[len(rec.Attempts)-1].To, rec.MessageID)
	return nil
}
