package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"

	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/signature"
)

func signedCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("signed", stderr)
	report, label := reportFlags(fs)
	version := fs.Int("version", 0, "the approved version `N` the file signs (or the draft it was issued from); default the newest approved one")
	by := fs.String("by", "", "who brings the signed copy: `NAME`; default this computer's user")
	const line = "-r REPORT -p PERIOD FILE.pdf [--version N] [--by NAME] [-c CONFIG]"
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
		return fmt.Errorf("%w: không mở được tệp %s: %v", errUsage, file, err)
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
	job, err := newJob(m, cfg.SMTP.Host == "", stderr)
	if err != nil {
		return err
	}
	ctx, stop := signalContext()
	defer stop()
	out, err := job.AcceptSigned(ctx, reports.SignedOptions{Report: *report, Period: p.Label(), Version: *version, Data: data, By: who, Via: "cli"})
	if err != nil {
		var r *signature.Refusal
		if errors.As(err, &r) {
			return fmt.Errorf("%s: không nhận: %w", file, err)
		}
		return err
	}
	e := out.Entry
	fmt.Fprintln(stdout, e.Dir+string(os.PathSeparator)+out.Copy.File)
	if !out.Fresh {
		fmt.Fprintf(stderr, "baocao: %s/%s v%d đã có đúng bản ký số này (nhận lúc %s): không lưu lại, không gửi lại\n",
			e.Report, e.Period, e.Version, reports.Stamp(out.Copy.ReceivedAt, cfg.Location))
	} else {
		fmt.Fprintf(stderr, "baocao: đã nhận bản ký số của %s/%s v%d (đã ký số), lưu thành %s\n", e.Report, e.Period, e.Version, out.Copy.File)
	}
	for _, l := range reports.SignerLines(out.Copy, cfg.Location) {
		fmt.Fprintln(stderr, "baocao:  ", l)
	}
	switch {
	case out.SendErr != nil:
		return fmt.Errorf("bản ký số đã được lưu nhưng chưa gửi được (sẽ gửi lại: baocao send -r %s -p %s, hoặc baocao serve): %w", e.Report, e.Period, out.SendErr)
	case out.Sent:
		a := out.Delivery.Attempts[len(out.Delivery.Attempts)-1]
		fmt.Fprintf(stderr, "baocao: đã gửi bản đã ký số tới %v (%s)\n", a.To, out.Delivery.MessageID)
	case out.Status == delivery.AwaitingSignature || out.Status == delivery.Approved:
		fmt.Fprintf(stderr, "baocao: chưa gửi (chưa cấu hình [smtp]): baocao send -r %s -p %s gửi bản đã ký số\n", e.Report, e.Period)
	case out.Status == delivery.Sent && out.Fresh:
		fmt.Fprintf(stderr, "baocao: v%d đã được gửi trước đây (bản chưa ký); muốn gửi thêm bản đã ký số: baocao send -r %s -p %s --signed\n", e.Version, e.Report, e.Period)
	case out.Status == delivery.Pending || out.Status == delivery.Held || out.Status == delivery.Failed:
		fmt.Fprintf(stderr, "baocao: v%d chưa được gửi (%s): lần gửi tới sẽ kèm bản đã ký số thay cho bản PDF chưa ký\n", e.Version, out.Status.String())
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
		return "", fmt.Errorf("%w: name one signed PDF file (got %d)", errUsage, len(files))
	}
	return files[0], nil
}
