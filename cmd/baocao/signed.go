package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/signature"
	"github.com/mn2010/baocao/reports/workflow"
)

func signedCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("signed", stderr)
	report, label := reportFlags(fs)
	version := fs.Int("version", 0, catalog.FlagSignedVersion.String())
	by := fs.String("by", "", catalog.FlagSignedBy.String())
	line := lineOf(catalog.ArgsSigned)
	file, err := parseWithFile(fs, args, line)
	if err != nil {
		return err
	}
	cfg, m, p, err := openReport(*cfgPath, *report, *label, "signed", line, stderr)
	if err != nil {
		return err
	}
	check, err := m.SignedCheck()
	if err != nil {
		return err
	}
	f, err := os.Open(file)
	if err != nil {
		return errUsage.Newf(catalog.SignedCannotOpen, file, catalog.FileWhy(err))
	}
	data, err := signature.ReadLimited(f, check.MaxBytes)
	f.Close()
	if err != nil {
		return err
	}
	who := strings.TrimSpace(*by)
	if who == "" {
		if u, err := user.Current(); err == nil {
			who = u.Username
		}
	}
	// Mail is needed only to send a version waiting for its copy; without
	// [smtp] the copy is stored and `baocao send` sends it later.
	job, err := newJob(cfg, m, cfg.SMTP.Host == "", stderr)
	if err != nil {
		return err
	}
	ctx, stop := signalContext()
	defer stop()
	out, err := job.AcceptSigned(ctx, workflow.SignedOptions{Report: *report, Period: p.Label(), Version: *version, Data: data, By: who, Via: "cli"})
	if err != nil {
		var r *signature.Refusal
		if errors.As(err, &r) {
			return catalog.SignedRefused.Errorf(file, err)
		}
		return err
	}
	e := out.Entry
	fmt.Fprintln(stdout, e.Dir+string(os.PathSeparator)+out.Copy.File)
	if !out.Fresh {
		fmt.Fprintln(stderr, catalog.SignedSame.F(cfg.ReportName(e.Report), e.Period, e.Version, workflow.Stamp(out.Copy.ReceivedAt, cfg.Location)))
	} else {
		fmt.Fprintln(stderr, catalog.SignedStored.F(cfg.ReportName(e.Report), e.Period, e.Version, out.Copy.File))
	}
	for _, l := range workflow.SignerLines(out.Copy, cfg.Location) {
		fmt.Fprintln(stderr, catalog.SignedSigner.F(l))
	}
	switch {
	case out.SendErr != nil:
		return catalog.SignedSendFailed.Errorf(e.Report, e.Period, out.SendErr)
	case out.Sent:
		a := out.Delivery.Attempts[len(out.Delivery.Attempts)-1]
		fmt.Fprintln(stderr, catalog.SignedSent.F(a.To, out.Delivery.MessageID))
	case out.Status == delivery.AwaitingSignature || out.Status == delivery.Approved:
		fmt.Fprintln(stderr, catalog.SignedNoMail.F(e.Report, e.Period))
	case out.Status == delivery.Sent && out.Fresh:
		fmt.Fprintln(stderr, catalog.SignedWasSent.F(e.Version, e.Report, e.Period))
	case out.Status == delivery.Pending || out.Status == delivery.Held || out.Status == delivery.Failed:
		fmt.Fprintln(stderr, catalog.SignedNextSend.F(e.Version, out.Status.String()))
	}
	return nil
}

// parseWithFile parses flags placed before or after one file argument.
func parseWithFile(fs *flag.FlagSet, args []string, line string) (string, error) {
	var files []string
	for {
		out := fs.Output()
		fs.SetOutput(io.Discard)
		err := fs.Parse(args)
		fs.SetOutput(out)
		if err != nil || fs.NArg() == 0 {
			if err := parse(fs, args, line); err != nil { // the same error, said as parse says it
				return "", err
			}
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(files) != 1 {
		return "", errUsage.Newf(catalog.SignedOneFile, len(files))
	}
	return files[0], nil
}
