package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/term"

	"github.com/mn2010/baocao/internal/setup"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/plan"
)

const initLine = "[--non-interactive --data DIR --unit NAME … --force] [-c CONFIG]"

func initCmd(args []string, stdout, stderr io.Writer) error {
	return initWith(args, os.Stdin, stdout, stderr)
}

// initWith is init reading answers from stdin.
func initWith(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("init", stderr)
	batch := fs.Bool("non-interactive", false, "take every answer from flags (a scripted install); a flag left out takes its default")
	force := fs.Bool("force", false, "with --non-interactive: replace an existing config and password file")
	noMailTest := fs.Bool("no-mail-test", false, "with --non-interactive: do not send a test message")
	values := map[string]*string{}
	for _, q := range append(setup.Questions(), setup.MailQuestions()...) {
		values[q.Flag] = fs.String(q.Flag, "", q.Help)
	}
	values["data"] = fs.String("data", "", "the `DIR` holding the spreadsheets (found by their headers)")
	values["smtp-password-file"] = fs.String("smtp-password-file", "", "a `FILE` holding the SMTP password")
	values["smtp-password-env"] = fs.String("smtp-password-env", "", "the environment variable `NAME` holding the SMTP password")
	values["smtp-ca-file"] = fs.String("smtp-ca-file", "", "an extra CA `FILE` the mail server's certificate is signed by")
	if err := parse(fs, args, initLine); err != nil {
		return err
	}
	path, err := filepath.Abs(*cfgPath)
	if err != nil {
		return fmt.Errorf("init: %w", err)
	}
	p, err := plan.Load("")
	if err != nil {
		return err
	}
	env := setup.Env{Schemas: p.Required(), Mailer: func(ctx context.Context, s delivery.Settings, m *delivery.Message) error {
		return delivery.New(s, delivery.Options{}).Try(ctx, m)
	}}
	var a *setup.Answers
	replace := func(string) (bool, error) { return *force, nil }
	if *batch {
		given := map[string]string{}
		fs.Visit(func(f *flag.Flag) {
			if v, ok := values[f.Name]; ok {
				given[f.Name] = *v
			}
		})
		if *noMailTest {
			given["no-mail-test"] = "true"
		}
		if a, err = setup.FromValues(given, env, path); err != nil {
			return fmt.Errorf("%w: %w", errUsage, err)
		}
	} else {
		pr := setup.NewPrompter(stdin, stdout)
		if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			pr.Secret = func() (string, error) {
				b, err := term.ReadPassword(int(f.Fd()))
				return string(b), err
			}
		}
		if _, err := os.Stat(path); err == nil {
			ok, err := pr.YesNo(fmt.Sprintf("Đã có tệp cấu hình %s. Khai báo lại và ghi đè khi xong?", path), false)
			if err != nil {
				return err
			}
			if !ok {
				fmt.Fprintf(stdout, "Giữ nguyên %s. Kiểm tra nó bằng: baocao doctor -c %s\n", path, *cfgPath)
				return nil
			}
		}
		if a, err = setup.Interview(pr, env, path); err != nil {
			return err
		}
		replace = func(f string) (bool, error) {
			return pr.YesNo(fmt.Sprintf("Tệp %s đã có. Ghi đè?", f), f == path)
		}
	}
	if err := setup.Save(a, path, replace); err != nil {
		if errors.Is(err, setup.ErrExists) && *batch {
			return fmt.Errorf("%w: %v (--force replaces it)", errUsage, err)
		}
		return err
	}
	if a.Mail && a.Password != "" && a.PasswordFile != "" {
		protect(a.PasswordFile, stdout)
	}
	fmt.Fprintf(stdout, "Đã ghi %s.\n", path)
	fmt.Fprintf(stdout, "Tiếp theo:\n  baocao doctor -c %s            (kiểm tra mọi thứ)\n  baocao service install -c %s   (chạy tự động khi bật máy)\n  baocao service start\n", path, path)
	return nil
}

// protect lets only Administrators and SYSTEM (the service's account) read
// the password file on Windows, where mode 0600 means nothing; the groups
// are named by their well-known SIDs, whatever the system's language.
func protect(path string, stdout io.Writer) {
	if runtime.GOOS != "windows" {
		return
	}
	out, err := exec.Command("icacls", path, "/inheritance:r", "/grant:r", "*S-1-5-32-544:F", "*S-1-5-18:F").CombinedOutput()
	if err != nil {
		fmt.Fprintf(stdout, "Lưu ý: chưa giới hạn được quyền đọc %s (%v: %s) — chỉ nên để quản trị viên đọc tệp này.\n", path, err, strings.TrimSpace(string(out)))
	}
}
