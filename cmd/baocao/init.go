package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/fault"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/catalog"

	"golang.org/x/term"

	"github.com/mn2010/baocao/internal/setup"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/plan"
)

func initCmd(args []string, stdout, stderr io.Writer) error {
	return initWith(args, stdin, stdout, stderr)
}

// initWith is init reading answers from stdin.
func initWith(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("init", stderr)
	batch := fs.Bool("non-interactive", false, catalog.FlagInitBatch.String())
	force := fs.Bool("force", false, catalog.FlagInitForce.String())
	noMailTest := fs.Bool("no-mail-test", false, catalog.FlagInitNoTest.String())
	upgrade := fs.Bool("upgrade", false, catalog.FlagInitUpgrade.String())
	values := map[string]*string{}
	for _, q := range append(setup.Questions(), setup.MailQuestions()...) {
		values[q.Flag] = fs.String(q.Flag, "", q.FlagHelp())
	}
	values["data"] = fs.String("data", "", catalog.FlagInitData.String())
	values["smtp-password-file"] = fs.String("smtp-password-file", "", catalog.FlagInitPwFile.String())
	values["smtp-password-env"] = fs.String("smtp-password-env", "", catalog.FlagInitPwEnv.String())
	values["smtp-ca-file"] = fs.String("smtp-ca-file", "", catalog.FlagInitCA.String())
	values["approvers"] = fs.String("approvers", "", catalog.FlagInitApprovers.String())
	values["monthly-approval"] = fs.String("monthly-approval", "", catalog.FlagInitMonthlyApproval.String())
	if err := parse(fs, args, lineOf(catalog.ArgsInit)); err != nil {
		return err
	}
	path, err := filepath.Abs(*cfgPath)
	if err != nil {
		return err
	}
	if *upgrade {
		return upgradeConfig(path, *batch, stdin, stdout, stderr)
	}
	if err := checkWritable(path); err != nil { // before any question: no answers lost
		return err
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
			return errUsage.Wrap(err)
		}
	} else {
		pr := setup.NewPrompter(stdin, stdout)
		if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			pr.Secret = func() (string, error) {
				b, err := term.ReadPassword(int(f.Fd()))
				return string(b), err
			}
			pr.Waiting = setup.TerminalWaiting(f.Fd())
		}
		if _, err := os.Stat(path); err == nil {
			ok, err := pr.YesNo(catalog.InitExists.F(path), false)
			if err != nil {
				return err
			}
			if !ok {
				fmt.Fprintln(stdout, catalog.InitKept.F(path, *cfgPath))
				return nil
			}
		}
		if a, err = setup.Interview(pr, env, path); err != nil {
			return err
		}
		replace = func(f string) (bool, error) {
			return pr.YesNo(catalog.InitReplace.F(f), f == path)
		}
	}
	if err := setup.Save(a, path, replace); err != nil {
		if errors.Is(err, setup.ErrExists) && *batch {
			return errUsage.Wrap(catalog.InitForceHint.Errorf(err))
		}
		return err
	}
	if a.Mail && a.Password != "" && a.PasswordFile != "" {
		protect(a.PasswordFile, stdout)
	}
	fmt.Fprintln(stdout, catalog.InitWritten.F(path))
	fmt.Fprintln(stdout, catalog.InitNext.F(path, path))
	if len(a.Accounts) > 0 {
		var lines strings.Builder
		for _, x := range a.Accounts {
			lines.WriteString(catalog.InitNextAccountLine.F(x.Name, x.FullName, x.Role.Label()))
		}
		fmt.Fprintln(stdout, catalog.InitNextAccounts.F(accounts.PathBeside(path), lines.String(), path))
	} else if !a.HasAccounts {
		fmt.Fprintln(stdout, catalog.InitNextNoAccounts.F(path, path))
	}
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
		fmt.Fprintln(stdout, catalog.InitProtect.F(path, err, strings.TrimSpace(string(out))))
	}
}

// errCannotWrite: init cannot write the config where it was asked to.
var errCannotWrite = catalog.NewClass(catalog.ClassInitPath).WithFault(fault.BadInput)

// checkWritable makes sure the config can be written at path: its folder
// exists or can be made, and a file can be made in it.
func checkWritable(path string) error {
	dir := filepath.Dir(path)
	err := os.MkdirAll(dir, 0o755)
	if err == nil {
		var f *os.File
		if f, err = os.CreateTemp(dir, ".baocao-init-*"); err == nil {
			f.Close()
			os.Remove(f.Name())
		}
	}
	if err == nil {
		return nil
	}
	why := catalog.FileWhy(err)
	if errors.Is(err, fs.ErrPermission) {
		why = catalog.InitWhy.String()
	}
	admin, other := catalog.InitAdminUnix.String(), filepath.Join("~", "baocao", "baocao.toml")
	if runtime.GOOS == "windows" {
		admin, other = catalog.InitAdminWin.String(), `C:\baocao\baocao.toml`
	} else if home, herr := os.UserHomeDir(); herr == nil {
		other = filepath.Join(home, "baocao", "baocao.toml")
	}
	return errCannotWrite.Newf(catalog.InitCannotWrite, dir, why, admin, other)
}

// upgradeConfig is `init --upgrade`: a config of before accounts
// (reviewers, a shared [web] password) moved to personal accounts. With
// --non-interactive, or when the answers run out, no password is asked:
// the accounts are made without one and the commands that set them are
// printed.
func upgradeConfig(path string, batch bool, stdin io.Reader, stdout, stderr io.Writer) error {
	cfg, err := loadConfig(path, stderr)
	if err != nil {
		return err
	}
	store := accountsOf(cfg.Config)
	existing, err := store.List()
	if err != nil {
		return err
	}
	u, err := setup.PlanUpgrade(cfg.Config, existing)
	if errors.Is(err, setup.ErrNothingToUpgrade) {
		fmt.Fprintln(stdout, catalog.UpgradeNothing)
		return nil
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, catalog.UpgradeIntro.F(path))
	if batch {
		u.NoPasswords()
	} else {
		pr := setup.NewPrompter(stdin, stdout)
		if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			pr.Secret = func() (string, error) {
				b, err := term.ReadPassword(int(f.Fd()))
				return string(b), err
			}
		}
		if err := u.Ask(pr); err != nil {
			return err
		}
	}
	if err := u.Save(time.Now()); err != nil {
		return err
	}
	fmt.Fprintln(stdout, catalog.UpgradeDone.F(path, u.Backup))
	var later strings.Builder
	clerk := false
	for _, n := range u.Accounts {
		fmt.Fprint(stdout, catalog.UpgradeMade.F(n.Name, n.FullName, n.Role.Label()))
		if n.Later {
			later.WriteString(catalog.UpgradePasswdLine.F(n.Name, path))
		}
		clerk = clerk || n.Role == accounts.Clerk
	}
	for _, a := range existing {
		clerk = clerk || a.Role == accounts.Clerk
	}
	if later.Len() > 0 {
		fmt.Fprint(stdout, catalog.UpgradeSetLater.F(later.String()))
	}
	if u.SharedPassword && !clerk {
		fmt.Fprintln(stdout, catalog.UpgradeClerkLater.F(path))
	}
	if f := cfg.Web.PasswordFile; f != "" {
		fmt.Fprintln(stdout, catalog.UpgradeSharedFile.F(cfg.Path(f)))
	}
	fmt.Fprintln(stdout, catalog.UpgradeNext.F(path))
	return nil
}
