package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/user"
	"path/filepath"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/delivery"
)

// sessionsFileName keeps the page's logins across restarts, beside the
// config and the accounts file.
const sessionsFileName = "web-sessions.json"

// accountsOf is the accounts file of cfg.
func accountsOf(cfg *config.Config) *accounts.Store {
	return accounts.Open(accounts.PathBeside(cfg.File))
}

// sessionsFile is the page's sessions file of cfg.
func sessionsFile(cfg *config.Config) string {
	return filepath.Join(filepath.Dir(cfg.File), sessionsFileName)
}

// approversOf lists each report's approvers.
func approversOf(cfg *config.Config) map[string][]string {
	out := map[string][]string{}
	for id, r := range cfg.Reports {
		out[id] = r.Approvers
	}
	return out
}

// adminNotifier mails [unit] admin_email a short notice; nil when there is
// no address or no [smtp].
func adminNotifier(cfg *config.Config, m *reports.Maker) func(subject, body string) error {
	if cfg.Unit.AdminEmail == "" || cfg.SMTP.Host == "" || m == nil {
		return nil
	}
	return func(subject, body string) error {
		s, _, err := m.MailSettings()
		if err != nil {
			return err
		}
		msg := m.TestMessage(cfg.Unit.AdminEmail)
		msg.Subject, msg.Body = subject, body
		msg.MessageID = strings.Replace(msg.MessageID, "baocao.test.", "baocao.notice.", 1)
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		return delivery.New(s, delivery.Options{}).Try(ctx, msg)
	}
}

// decider is who approves or returns from the command line: an account
// whose password was given, and the OS user who ran the command.
type decider struct {
	accounts.Account
	OSUser string
}

// Signature is who decided as the records keep it: the account's
// signature, with the OS user who ran the command.
func (d decider) Signature() string {
	s := d.Account.Signature()
	if d.OSUser != "" {
		s = strings.TrimSuffix(s, ")") + ", dòng lệnh của người dùng máy chủ " + d.OSUser + ")"
	}
	return s
}

// authorize checks --as ACCOUNT's password (from the terminal, or stdin
// with --password-stdin) and that its role lets it approve or return
// report: a shell on the server is no way around the rule. A wrong
// password counts towards the account's lock, as on the page; the lock
// that it causes is mailed to admin_email.
func authorize(cfg *config.Config, m *reports.Maker, as string, fromStdin bool, report string, stderr io.Writer) (decider, error) {
	if as == "" {
		return decider{}, fmt.Errorf("%w: --as ACCOUNT is required: approval and return are made with an approver's account (baocao user list; the first one: %s)",
			errUsage, firstAccountHint)
	}
	store := accountsOf(cfg)
	if empty, err := store.Empty(); err != nil {
		return decider{}, err
	} else if empty {
		return decider{}, fmt.Errorf("%w: chưa có tài khoản nào: duyệt và trả lại cần tài khoản của người duyệt; tạo bằng %s", accounts.ErrNotFound, firstAccountHint)
	}
	if _, err := store.Get(as); err != nil {
		return decider{}, fmt.Errorf("%w (baocao user list)", err)
	}
	pw, err := readPassword(fromStdin, "Mật khẩu của tài khoản "+as+": ", false, stderr)
	if err != nil {
		return decider{}, err
	}
	l, err := store.Authenticate(as, pw)
	if l.JustLocked {
		if notify := adminNotifier(cfg, m); notify != nil {
			if nerr := notify("[baocao] Tài khoản "+l.Account.Name+" bị khoá 15 phút",
				fmt.Sprintf("Lệnh baocao trên máy chủ vừa nhập sai mật khẩu của tài khoản %s (%s) %d lần liên tiếp, nên tài khoản bị khoá 15 phút.\n", l.Account.Name, l.Account.FullName, accounts.MaxFailures)); nerr != nil {
				fmt.Fprintf(stderr, "baocao: không báo được cho %s: %v\n", cfg.Unit.AdminEmail, nerr)
			}
		}
	}
	switch {
	case errors.Is(err, accounts.ErrBadLogin):
		return decider{}, fmt.Errorf("%w: sai mật khẩu của tài khoản %s (sai %d lần liên tiếp thì tài khoản bị khoá 15 phút)", err, as, accounts.MaxFailures)
	case errors.Is(err, accounts.ErrLocked):
		return decider{}, fmt.Errorf("%w: tài khoản %s đang bị khoá; thử lại sau 15 phút hoặc mở khoá: baocao user lock %s --unlock", err, as, as)
	case err != nil:
		return decider{}, err
	}
	a := l.Account
	if !a.Role.CanApprove(a.Name, cfg.Reports[report].Approvers) {
		why := "chỉ hiệu trưởng, hoặc phó hiệu trưởng có tên trong approvers của báo cáo, mới duyệt hay trả lại được"
		return decider{}, fmt.Errorf("%w: tài khoản %s (%s) không được duyệt hay trả lại báo cáo %s: %s; không có gì được gửi đi",
			accounts.ErrForbidden, a.Name, a.Role.Label(), report, why)
	}
	d := decider{Account: a}
	if u, err := user.Current(); err == nil {
		d.OSUser = u.Username
	}
	return d, nil
}

// firstAccountHint is the command that makes the principal's account.
const firstAccountHint = `baocao user add hieutruong --full-name "Họ và tên" --email dia-chi@truong.edu.vn --role hieu-truong --title cô`
