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
	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/workflow"
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
func adminNotifier(cfg *conf, m *workflow.Flow) func(subject, body string) error {
	if cfg.Unit.AdminEmail == "" || cfg.SMTP.Host == "" || m == nil {
		return nil
	}
	return func(subject, body string) error {
		s, _, err := cfg.mail.Settings(cfg.Dir)
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

// Who is the decider as the records keep it, field by field.
func (d decider) Who() workflow.Who {
	return workflow.Who{Account: d.Name, FullName: d.FullName, Role: string(d.Role), OSUser: d.OSUser}
}

// authorize checks --as ACCOUNT's password (from the terminal, or stdin
// with --password-stdin) and that its role lets it approve or return
// report: a shell on the server is no way around the rule. A wrong
// password counts towards the account's lock, as on the page; the lock
// that it causes is mailed to admin_email.
func authorize(cfg *conf, m *workflow.Flow, as string, fromStdin bool, report string, stderr io.Writer) (decider, error) {
	if as == "" {
		return decider{}, errUsage.Newf(catalog.AsRequired, firstAccountHint)
	}
	store := accountsOf(cfg.Config)
	if empty, err := store.Empty(); err != nil {
		return decider{}, err
	} else if empty {
		return decider{}, saying(accounts.ErrNotFound, catalog.AsNoAccounts.Errorf(firstAccountHint))
	}
	if _, err := store.Get(as); errors.Is(err, accounts.ErrNotFound) {
		return decider{}, saying(err, catalog.AsNoSuchAccount.Errorf(as))
	} else if err != nil {
		return decider{}, err
	}
	pw, err := readPassword(fromStdin, catalog.AsPassword.F(as), false, stderr)
	if err != nil {
		return decider{}, err
	}
	if pw == "" {
		// No password given (an empty line, or nothing on stdin) is no
		// guess: it does not count towards the lock.
		return decider{}, errUsage.Newf(catalog.AsEmptyPassword, as)
	}
	l, err := store.Authenticate(as, pw)
	if l.JustLocked {
		if notify := adminNotifier(cfg, m); notify != nil {
			if nerr := notify(catalog.AsLockedSubject.F(l.Account.Name),
				catalog.AsLockedBody.F(l.Account.Name, l.Account.FullName, accounts.MaxFailures)); nerr != nil {
				fmt.Fprintln(stderr, catalog.WarnPrefix, catalog.AsNotTold.F(cfg.Unit.AdminEmail, nerr))
			}
		}
	}
	switch {
	case errors.Is(err, accounts.ErrBadLogin):
		return decider{}, saying(err, catalog.AsWrongPassword.Errorf(as, accounts.MaxFailures))
	case errors.Is(err, accounts.ErrLocked):
		return decider{}, saying(err, catalog.AsLocked.Errorf(as, as))
	case err != nil:
		return decider{}, err
	}
	a := l.Account
	if !a.Role.CanApprove(a.Name, cfg.Reports[report].Approvers) {
		return decider{}, saying(accounts.ErrForbidden, catalog.AsForbidden.Errorf(a.Name, a.Role.Label(), cfg.ReportName(report)))
	}
	d := decider{Account: a}
	if u, err := user.Current(); err == nil {
		d.OSUser = u.Username
	}
	return d, nil
}

// said is an accounts error (its class, and errors.Is) that the command
// line words in the person's language: the accounts package's own text
// is English, for the log.
type said struct{ err, words error }

func (e said) Error() string { return e.words.Error() }
func (e said) Unwrap() error { return e.err }

func saying(err, words error) error { return said{err: err, words: words} }

// firstAccountHint is the command that makes the principal's account.
const firstAccountHint = `baocao user add hieutruong --full-name "Họ và tên" --email dia-chi@truong.edu.vn --role hieu-truong --title cô`
