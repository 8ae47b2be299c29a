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
)

// stdin is where --password-stdin reads (tests replace it).
var stdin io.Reader = os.Stdin

// errNoTerminal: a password is needed and there is no terminal to ask on.
var errNoTerminal = fmt.Errorf("%w: không có màn hình để hỏi mật khẩu: dùng --password-stdin", errUsage)

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
	again, err := ask("Nhập lại mật khẩu: ")
	if err != nil {
		return "", err
	}
	if again != pw {
		return "", fmt.Errorf("%w: hai lần nhập mật khẩu không giống nhau", errUsage)
	}
	return pw, nil
}

func userCmd(args []string, stdout, stderr io.Writer) error {
	const line = "add|passwd|edit|remove|list|lock NAME [flags] [-c CONFIG]"
	if len(args) == 0 {
		return fmt.Errorf("%w: thiếu việc cần làm: %s", errUsage, line)
	}
	sub, args := args[0], args[1:]
	fs, cfgPath := flagSet("user "+sub, stderr)
	var a accounts.Account
	var role, title string
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of stdin instead of the terminal")
	unlock := false
	usage := ""
	switch sub {
	case "add", "edit":
		fs.StringVar(&a.FullName, "full-name", "", "the person's full `NAME`: \"Nguyễn Thị Hồng Vân\"")
		fs.StringVar(&a.Email, "email", "", "the person's e-mail `ADDRESS` (approvers get review messages there)")
		fs.StringVar(&role, "role", "", "`ROLE`: hieu-truong, pho-hieu-truong, van-thu or xem")
		fs.StringVar(&title, "title", "", "how messages address the person: `cô` or thầy")
		usage = "NAME --full-name NAME --role ROLE [--email ADDRESS] [--title cô|thầy] [--password-stdin]"
	case "passwd":
		usage = "NAME [--password-stdin]"
	case "remove", "list":
		usage = "NAME"
		if sub == "list" {
			usage = ""
		}
	case "lock":
		fs.BoolVar(&unlock, "unlock", false, "unlock the account instead")
		usage = "NAME [--unlock]"
	default:
		return fmt.Errorf("%w: không có lệnh user %q: %s", errUsage, sub, line)
	}
	name, rest := "", args
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		name, rest = rest[0], rest[1:]
	}
	if err := parse(fs, rest, usage); err != nil {
		return err
	}
	if name == "" && sub != "list" {
		return fmt.Errorf("%w: thiếu tên tài khoản: baocao user %s %s", errUsage, sub, usage)
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
		pw, err := readPassword(fromStdin, "Mật khẩu cho "+name+" (ít nhất 10 ký tự): ", true, stderr)
		if err != nil {
			return err
		}
		if err := store.Add(a, pw, unit); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã tạo tài khoản %s: %s, %s. Tệp tài khoản: %s\n", strings.ToLower(name), a.FullName, a.Role.Label(), store.Path())
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
		fmt.Fprintf(stdout, "Đã sửa tài khoản %s; trang web áp dụng ngay.\n", name)
	case "passwd":
		if _, err := store.Get(name); err != nil {
			return err
		}
		pw, err := readPassword(fromStdin, "Mật khẩu mới cho "+name+" (ít nhất 10 ký tự): ", true, stderr)
		if err != nil {
			return err
		}
		if err := store.SetPassword(name, pw, unit); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã đổi mật khẩu của %s; các phiên đăng nhập cũ của tài khoản này đã kết thúc.\n", name)
	case "remove":
		if err := store.Remove(name); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã xoá tài khoản %s.\n", name)
	case "lock":
		if err := store.SetLocked(name, !unlock); err != nil {
			return err
		}
		if unlock {
			fmt.Fprintf(stdout, "Đã mở khoá tài khoản %s.\n", name)
		} else {
			fmt.Fprintf(stdout, "Đã khoá tài khoản %s; các phiên đăng nhập của tài khoản này đã kết thúc. Mở khoá: baocao user lock %s --unlock\n", name, name)
		}
	case "list":
		as, err := store.List()
		if err != nil {
			return err
		}
		if len(as) == 0 {
			fmt.Fprintf(stdout, "Chưa có tài khoản nào. Tạo tài khoản hiệu trưởng:\n  baocao user add hieutruong --full-name \"Họ Tên\" --email dia-chi@truong.edu.vn --role hieu-truong --title cô\n")
			return nil
		}
		tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "TÀI KHOẢN\tHỌ TÊN\tVAI TRÒ\tTHƯ\tTRẠNG THÁI")
		now := time.Now()
		for _, x := range as {
			state := "dùng được"
			switch {
			case x.Locked:
				state = "đã khoá"
			case x.LockedAt(now):
				state = "khoá tạm đến " + x.LockedUntil.Local().Format("15:04 02/01/2006")
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", x.Name, x.FullName, x.Role.Label(), x.Email, state)
		}
		return tw.Flush()
	}
	return nil
}
