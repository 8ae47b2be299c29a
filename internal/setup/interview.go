package setup

import (
	"context"
	"errors"
	"fmt"
	"github.com/mn2010/baocao/internal/catalog"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/sources"
)

// Env is what the interview needs from outside.
type Env struct {
	Schemas map[string]*sources.Schema // the plan's sources
	// Mailer sends one message (delivery.Deliverer.Try): the mail check.
	Mailer func(ctx context.Context, s delivery.Settings, m *delivery.Message) error
	Now    func() time.Time
}

// Interview asks every question on p and returns the answers for a
// config to be written at cfgPath.
func Interview(p *Prompter, env Env, cfgPath string) (*Answers, error) {
	a := &Answers{Titles: titles(env.Schemas)}
	dir := filepath.Dir(cfgPath)
	ask := func(q Question) error {
		if q.Skip != nil && q.Skip(a) {
			return nil
		}
		def := ""
		if q.Default != nil {
			def = q.Default(a)
		}
		askf := p.Ask
		if q.List {
			askf = p.AskList
		}
		if err := askf(q.Prompt.String(), def, func(s string) error { return q.Set(a, s) }); err != nil {
			return err
		}
		if a.PlanSummary != "" && q.Flag == planQuestion().Flag {
			p.Say("%s", a.PlanSummary)
		}
		return nil
	}
	p.Say("%s", catalog.IiWelcome)
	p.Say("")
	qs := Questions()
	split := indexOf(qs, "to")
	for _, q := range qs[:split] {
		if err := ask(q); err != nil {
			return nil, err
		}
	}
	p.Say("")
	if err := askData(p, env, a, dir); err != nil {
		return nil, err
	}
	p.Say("")
	if err := askMail(p, env, a, dir); err != nil {
		return nil, err
	}
	p.Say("")
	for _, q := range qs[split:] {
		if err := ask(q); err != nil {
			return nil, err
		}
	}
	p.Say("")
	if err := askAccounts(p, a, cfgPath); err != nil {
		return nil, err
	}
	return a, nil
}

// askData asks for the spreadsheets' folder until one holds at least one
// source, saying what was found and what is missing.
func askData(p *Prompter, env Env, a *Answers, dir string) error {
	for {
		err := p.Ask(catalog.IiDataFolder.String(), dir, func(s string) error {
			return setData(a, env, s)
		})
		if err != nil {
			return err
		}
		describe(p, a, env)
		if len(a.Found.Missing) == 0 {
			return nil
		}
		ok, err := p.YesNo(catalog.IiMissing.F(len(a.Found.Missing)), true)
		if err != nil || ok {
			return err
		}
	}
}

func setData(a *Answers, env Env, s string) error {
	s = Unquote(s) // Windows' "Copy as path" puts the path in quotes
	f, err := FindSources(s, env.Schemas, UsualFiles)
	if errors.Is(err, ErrNoFolder) {
		return catalog.IeNoFolder.Errorf(s)
	}
	if err != nil {
		return err
	}
	if len(f.Paths) == 0 {
		return catalog.IeNoSources.Errorf(f.Dir)
	}
	a.DataDir, a.Found = s, f
	return nil
}

func describe(p *Prompter, a *Answers, env Env) {
	names := make([]string, 0, len(env.Schemas))
	for n := range env.Schemas {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if path, ok := a.Found.Paths[n]; ok {
			p.Say("%s", catalog.IiFound.F(a.Titles[n], rel(a.Found.Dir, path)))
		} else {
			p.Say("%s", catalog.IiNotFound.F(a.Titles[n], strings.Join(RequiredHeaders(env.Schemas[n]), ", ")))
		}
	}
	for _, note := range a.Found.Notes {
		p.Say("%s", catalog.IiNote.F(note))
	}
}

// askMail asks for the mail server and tries it with a test message to the
// admin address, as `baocao mail-test` does, until it works or the user
// keeps the settings anyway.
func askMail(p *Prompter, env Env, a *Answers, dir string) error {
	var err error
	if a.Mail, err = p.YesNo(catalog.IiMail.String(), true); err != nil || !a.Mail {
		return err
	}
	previous := make([]string, len(MailQuestions()))
	for {
		for i, q := range MailQuestions() {
			def := ""
			if q.Default != nil {
				def = q.Default(a)
			}
			if prev := previous[i]; prev != "" {
				def = prev
			}
			if err := p.Ask(q.Prompt.String(), def, func(s string) error { return q.Set(a, s) }); err != nil {
				return err
			}
		}
		if a.Security == "none" {
			p.Say("%s", catalog.IiNote.F(catalog.IeNoneWarning))
		}
		if a.Password, err = p.AskSecret(catalog.IiPassword.String(), false); err != nil {
			return err
		}
		a.PasswordFile = filepath.Join(dir, "smtp-password")
		previous = []string{a.Host, strconv.Itoa(a.Port), a.Security, a.Username, a.From}
		p.Say("%s", catalog.IiTrying.F(a.AdminEmail, a.Host, a.Port))
		err := TryMail(context.Background(), env, a)
		if err == nil {
			p.Say("%s", catalog.IiMailOK.F(a.AdminEmail))
			return nil
		}
		p.Say("%s", catalog.IiMailFailed.F(err))
		again, yerr := p.YesNo(catalog.IiMailAgain.String(), true)
		if yerr != nil {
			return yerr
		}
		if !again {
			p.Say("%s", catalog.IiMailKept)
			return nil
		}
	}
}

// TryMail sends a short test message to the admin address with the
// answers' mail settings.
func TryMail(ctx context.Context, env Env, a *Answers) error {
	s := delivery.Settings{Host: a.Host, Port: a.Port, Security: a.Security, Username: a.Username,
		Password: a.Password, From: a.From, Backoff: []time.Duration{}}
	if a.CAFile != "" {
		cas, err := delivery.LoadCAs(a.CAFile)
		if err != nil {
			return err
		}
		s.RootCAs = cas
	}
	now := time.Now
	if env.Now != nil {
		now = env.Now
	}
	t := now()
	domain := a.From[strings.LastIndexByte(a.From, '@')+1:]
	msg := &delivery.Message{From: a.From, To: []string{a.AdminEmail}, Date: t,
		Subject:   catalog.IiTestSubject.F(a.Name),
		Body:      catalog.IiTestBody.F(a.Host, a.Name),
		MessageID: fmt.Sprintf("baocao.init.%d@%s", t.UnixNano(), strings.TrimSuffix(domain, ">"))}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	return env.Mailer(ctx, s, msg)
}

func titles(schemas map[string]*sources.Schema) map[string]string {
	t := map[string]string{}
	for n := range schemas {
		t[n] = Title(n, schemas)
	}
	return t
}

func indexOf(qs []Question, flag string) int {
	for i, q := range qs {
		if q.Flag == flag {
			return i
		}
	}
	panic("setup: no question " + flag)
}

// Save writes the password file (mode 0600) and the config. An existing
// file is replaced only when replace says so.
func Save(a *Answers, cfgPath string, replace func(path string) (bool, error)) error {
	files := []struct {
		path string
		data []byte
		mode os.FileMode
	}{{cfgPath, Render(a, cfgPath), 0o644}}
	if f := a.PlanFile(); f != "" {
		files = append([]struct {
			path string
			data []byte
			mode os.FileMode
		}{{filepath.Join(filepath.Dir(cfgPath), f), []byte(a.PlanTOML), 0o644}}, files...)
	}
	if a.Mail && a.Password != "" && a.PasswordFile != "" {
		files = append([]struct {
			path string
			data []byte
			mode os.FileMode
		}{{a.PasswordFile, []byte(a.Password + "\n"), 0o600}}, files...)
	}
	for _, f := range files {
		if _, err := os.Stat(f.path); err == nil {
			ok, err := replace(f.path)
			if err != nil {
				return err
			}
			if !ok {
				return fmt.Errorf("%w: %s", ErrExists, f.path)
			}
		}
	}
	if err := os.MkdirAll(filepath.Dir(cfgPath), 0o755); err != nil {
		return &saveError{filepath.Dir(cfgPath), err}
	}
	for i, f := range files {
		if i == len(files)-1 && len(a.Accounts) > 0 {
			// the accounts, in one write, before the config that needs them
			if err := accounts.Open(accounts.PathBeside(cfgPath)).AddAll(a.Name, a.Accounts...); err != nil {
				return err
			}
		}
		if err := writeFile(f.path, f.data, f.mode); err != nil {
			return err
		}
	}
	return nil
}

// ErrExists is returned when a file is there and may not be replaced.
var ErrExists = catalog.NewClass(catalog.IeExists)

// writeFile writes whole or not at all: a temporary file renamed.
func writeFile(path string, data []byte, mode os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".baocao-init-*")
	if err != nil {
		return &saveError{path, err}
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return &saveError{path, err}
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return &saveError{path, err}
	}
	if err := tmp.Close(); err != nil {
		return &saveError{path, err}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &saveError{path, err}
	}
	return nil
}

// saveError is a file init could not write: it names the file and says
// why in the language in force; the cause stays for errors.Is.
type saveError struct {
	path string
	err  error
}

func (e *saveError) Error() string { return catalog.IeCannotSave.F(e.path, catalog.FileWhy(e.err)) }
func (e *saveError) Unwrap() error { return e.err }
