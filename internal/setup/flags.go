package setup

import (
	"context"
	"errors"
	"fmt"
	"github.com/mn2010/baocao/internal/catalog"
	"os"
	"path/filepath"

	"github.com/mn2010/baocao/internal/accounts"
)

// FromValues is the scripted form of the interview: values are the
// command-line flags by name (Question.Flag, plus "data",
// "smtp-password-file", "smtp-password-env", "approvers",
// "monthly-approval" and "no-mail-test" = "true"). It makes no account:
// passwords are not given on a command line.
// A flag left out takes the question's default; every wrong value is
// reported, each naming its flag.
func FromValues(values map[string]string, env Env, cfgPath string) (*Answers, error) {
	a := &Answers{Titles: titles(env.Schemas)}
	var errs []error
	var err error
	set := func(q Question) {
		if q.Skip != nil && q.Skip(a) {
			return
		}
		v, ok := values[q.Flag]
		if !ok && q.Default != nil {
			v = q.Default(a)
		}
		if err := q.Set(a, v); err != nil {
			errs = append(errs, fmt.Errorf("--%s: %w", q.Flag, err))
		}
	}
	for _, q := range Questions() {
		set(q)
	}
	if a.Approvers, err = approverList(values["approvers"]); err != nil {
		errs = append(errs, fmt.Errorf("--approvers: %w", err))
	}
	a.ReviewOthers = len(a.Approvers) > 0
	if v, ok := values["monthly-approval"]; ok {
		if a.ReviewMonthly, err = parseYesNo(v); err != nil {
			errs = append(errs, fmt.Errorf("--monthly-approval: %w", err))
		} else if a.ReviewMonthly && len(a.Approvers) == 0 {
			errs = append(errs, errNoApprovers)
		}
	}
	if as, err := accounts.Open(accounts.PathBeside(cfgPath)).List(); err == nil && len(as) > 0 {
		a.HasAccounts = true
	}
	data, ok := values["data"]
	data = Unquote(data)
	if !ok {
		data = filepath.Dir(cfgPath)
	}
	if err := setData(a, env, data); err != nil {
		errs = append(errs, fmt.Errorf("--data: %w", err))
	}
	a.Mail = values["smtp-host"] != ""
	if a.Mail {
		for _, q := range MailQuestions() {
			set(q)
		}
		if ca := Unquote(values["smtp-ca-file"]); ca != "" {
			if a.CAFile, err = filepath.Abs(ca); err != nil {
				errs = append(errs, fmt.Errorf("--smtp-ca-file: %w", err))
			}
		}
		file, pwEnv := Unquote(values["smtp-password-file"]), values["smtp-password-env"]
		switch {
		case file != "" && pwEnv != "":
			errs = append(errs, catalog.IePwBoth.Errorf())
		case file != "":
			abs, err := filepath.Abs(file)
			if err == nil {
				_, err = os.Stat(abs)
			}
			if err != nil {
				errs = append(errs, catalog.IePwFile.Errorf(file))
			}
			a.PasswordFile = abs
		case pwEnv != "":
			a.PasswordEnv = pwEnv
		default:
			errs = append(errs, catalog.IePwNone.Errorf())
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if a.Mail && values["no-mail-test"] != "true" {
		if err := a.loadPassword(); err != nil {
			return nil, err
		}
		if err := TryMail(context.Background(), env, a); err != nil {
			return nil, catalog.IeMailRefused.Errorf(err)
		}
		a.Password = "" // it stays where it was: the file or the variable
	}
	return a, nil
}

func (a *Answers) loadPassword() error {
	if a.PasswordFile != "" {
		b, err := os.ReadFile(a.PasswordFile)
		if err != nil {
			return fmt.Errorf("setup: %w", err)
		}
		a.Password = string(trimNewline(b))
		return nil
	}
	a.Password = os.Getenv(a.PasswordEnv)
	return nil
}

func trimNewline(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}
