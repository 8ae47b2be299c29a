package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/catalog"
)

// stdin is where --password-stdin reads (tests replace it).
var stdin io.Reader = os.Stdin

// errNoTerminal: a password is needed and there is no terminal to ask on.
var errNoTerminal = errUsage.Newf(catalog.UserNoTerminal)

// readPassword reads a password: the first line of stdin with
// --password-stdin, else from the terminal without echo (twice when
// confirm, for a new password).
func readPassword(fromStdin bool, prompt string, confirm bool, stderr io.Writer) (string, error) {
	if fromStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", err
		}
		return strings.TrimRight(line, "\r\n"), nil
	}
	f, ok := stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return "", errNoTerminal
	}
	ask := func(p string) (string, error) {
		fmt.Fprint(stderr, p)
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stderr)
		return string(b), err
	}
	pw, err := ask(prompt)
	if err != nil || !confirm {
		return pw, err
	}
	again, err := ask(catalog.UserAgain.String())
	if err != nil {
		return "", err
	}
	if again != pw {
		return "", errUsage.Newf(catalog.UserMismatch)
	}
	return pw, nil
}

func userCmd(args []string, stdout, stderr io.Writer) error {
	line := lineOf(catalog.ArgsUser)
	if len(args) == 0 {
		return errUsage.Newf(catalog.UserNoAction, line)
	}
	sub, args := args[0], args[1:]
	fs, cfgPath := flagSet("user "+sub, stderr)
	var a accounts.Account
	var role, title string
	fromStdin := fs.Bool("password-stdin", false, catalog.FlagUserStdin.String())
	unlock := false
	usage := ""
	switch sub {
	case "add", "edit":
		fs.StringVar(&a.FullName, "full-name", "", catalog.FlagUserFullName.String())
		fs.StringVar(&a.Email, "email", "", catalog.FlagUserEmail.String())
		fs.StringVar(&role, "role", "", catalog.FlagUserRole.String())
		fs.StringVar(&title, "title", "", catalog.FlagUserTitle.String())
		usage = lineOf(catalog.ArgsUserAdd)
	case "passwd":
		usage = lineOf(catalog.ArgsUserPasswd)
	case "remove", "list":
		usage = lineOf(catalog.ArgsUserName)
		if sub == "list" {
			usage = lineOf(nil)
		}
	case "lock":
		fs.BoolVar(&unlock, "unlock", false, catalog.FlagUserUnlock.String())
		usage = lineOf(catalog.ArgsUserLock)
	case "-h", "--help", "-help", "help":
		fmt.Fprintln(stderr, catalog.UsageLine.F("user", line))
		return errHelp
	default:
		return errUsage.Newf(catalog.UserUnknown, sub, line)
	}
	name, rest := "", args
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		name, rest = rest[0], rest[1:]
	}
	if err := parse(fs, rest, usage); err != nil {
		return err
	}
	if name == "" && sub != "list" {
		return errUsage.Newf(catalog.UserNoName, sub, usage)
	}
	cfg, err := loadConfig(*cfgPath, stderr)
	if err != nil {
		return err
	}
	store := accounts.Open(accounts.PathBeside(cfg.File))
	return userDo(sub, store, name, a, role, title, unlock, *fromStdin, cfg.Unit.Name, fs, stdout, stderr)
}

func userDo(sub string, store *accounts.Store, name string, a accounts.Account, role, title string, unlock, fromStdin bool, unit string,
	fs *flag.FlagSet, stdout, stderr io.Writer) error {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var err error
	switch sub {
	case "add":
		a.Name = name
		if a.Role, err = accounts.ParseRole(role); err != nil {
			return err
		}
		if a.Title, err = accounts.ParseTitle(title); err != nil {
			return err
		}
		if _, err := accounts.CleanName(name); err != nil {
			return err
		}
		pw, err := readPassword(fromStdin, catalog.UserPassword.F(name), true, stderr)
		if err != nil {
			return err
		}
		if err := store.Add(a, pw, unit); err != nil {
			return err
		}
		fmt.Fprintln(stdout, catalog.UserAdded.F(strings.ToLower(name), a.FullName, a.Role.Label(), store.Path()))
	case "edit":
		var r accounts.Role
		var t accounts.Title
		if set["role"] {
			if r, err = accounts.ParseRole(role); err != nil {
				return err
			}
		}
		if set["title"] {
			if t, err = accounts.ParseTitle(title); err != nil {
				return err
			}
		}
		err := store.Update(name, func(x *accounts.Account) {
			if set["role"] {
				x.Role = r
			}
			if set["title"] {
				x.Title = t
			}
			if set["full-name"] {
				x.FullName = a.FullName
			}
			if set["email"] {
				x.Email = a.Email
			}
		})
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, catalog.UserEdited.F(name))
	case "passwd":
		if _, err := store.Get(name); err != nil {
			return err
		}
		pw, err := readPassword(fromStdin, catalog.UserNewPassword.F(name), true, stderr)
		if err != nil {
			return err
		}
		if err := store.SetPassword(name, pw, unit); err != nil {
			return err
		}
		fmt.Fprintln(stdout, catalog.UserPasswdSet.F(name))
	case "remove":
		if err := store.Remove(name); err != nil {
			return err
		}
		fmt.Fprintln(stdout, catalog.UserRemoved.F(name))
	case "lock":
		if err := store.SetLocked(name, !unlock); err != nil {
			return err
		}
		if unlock {
			fmt.Fprintln(stdout, catalog.UserUnlocked.F(name))
		} else {
			fmt.Fprintln(stdout, catalog.UserLocked.F(name, name))
		}
	case "list":
		as, err := store.List()
		if err != nil {
			return err
		}
		if len(as) == 0 {
			fmt.Fprintln(stdout, catalog.UserNone)
			return nil
		}
		tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, catalog.UserHeader)
		now := time.Now()
		for _, x := range as {
			state := catalog.UserUsable.String()
			switch {
			case x.NoPassword():
				state = catalog.UserNoPasswordState.F(x.Name)
			case x.Locked:
				state = catalog.UserLockedState.String()
			case x.LockedAt(now):
				state = catalog.UserLockedUntil.F(x.LockedUntil.Local().Format("15:04 02/01/2006"))
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", x.Name, x.FullName, x.Role.Label(), x.Email, state)
		}
		return tw.Flush()
	}
	return nil
}
