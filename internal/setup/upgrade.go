package setup

import (
	"fmt"
	"net"
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/internal/loopback"
	"github.com/mn2010/baocao/sources"
)

// `baocao init --upgrade` moves a config of before accounts — reports
// naming `reviewers` ("Name <address>"), a page behind one shared [web]
// password — to personal accounts: each reviewer becomes an account (the
// one named like [unit] signer_name, or else the first, the principal;
// any other a deputy, who approves only the reports that name her), each
// `reviewers` becomes `approvers`, the shared password's key is commented
// out, and a page open to other machines gets a public_url. The old
// config is kept beside the new one.

// ErrNothingToUpgrade: the config names no reviewers and no shared
// password.
var ErrNothingToUpgrade = catalog.NewClass(catalog.UpgradeNothing)

// Upgrade is what init --upgrade changes.
type Upgrade struct {
	cfg *config.Config
	old []byte
	// Accounts are the accounts to make, one per reviewer without one.
	Accounts []accounts.New
	// Approvers are each reviewed report's new approvers.
	Approvers map[string][]string
	// SharedPassword is set when [web] had password_env or password_file.
	SharedPassword bool
	// PublicURL is added to [web] when the page is open to other machines
	// and had none.
	PublicURL string
	// Backup is where the old config is kept (set by Save).
	Backup string
}

// PlanUpgrade works out the upgrade of cfg, whose accounts file holds
// existing: a reviewer whose address an account has already is that
// account.
func PlanUpgrade(cfg *config.Config, existing []accounts.Account) (*Upgrade, error) {
	old, err := os.ReadFile(cfg.File)
	if err != nil {
		return nil, err
	}
	u := &Upgrade{cfg: cfg, old: old, Approvers: map[string][]string{},
		SharedPassword: cfg.Web.PasswordEnv != "" || cfg.Web.PasswordFile != ""}
	byAddr := map[string]string{} // address → account name
	taken := map[string]bool{}
	for _, a := range existing {
		taken[a.Name] = true
		if a.Email != "" && a.Role.Approver() {
			byAddr[strings.ToLower(a.Email)] = a.Name
		}
	}
	principal := slices.ContainsFunc(existing, func(a accounts.Account) bool { return a.Role == accounts.Principal })
	type reviewer struct{ addr, name string }
	var order []reviewer
	seen := map[string]bool{}
	for _, id := range cfg.ReportIDs() {
		for _, r := range cfg.Reports[id].Reviewers {
			a, err := mail.ParseAddress(r)
			if err != nil {
				continue // config.Load refused it already
			}
			addr := strings.ToLower(a.Address)
			if !seen[addr] {
				seen[addr] = true
				order = append(order, reviewer{addr, sources.Clean(a.Name)})
			}
		}
	}
	// The principal: the reviewer named like the signer, else the first.
	head := -1
	for i, r := range order {
		if r.name != "" && sources.Fold(r.name) == sources.Fold(cfg.Unit.SignerName) {
			head = i
		}
	}
	if head < 0 && len(order) > 0 {
		head = 0
	}
	for i, r := range order {
		if _, ok := byAddr[r.addr]; ok {
			continue
		}
		role := accounts.Deputy
		name := nameFrom(r.addr)
		if i == head && !principal {
			role, name = accounts.Principal, PrincipalAccount
			principal = true
		}
		full := r.name
		if full == "" && role == accounts.Principal {
			full = cfg.Unit.SignerName
		}
		if full == "" {
			full = r.addr[:strings.IndexByte(r.addr, '@')]
		}
		name = freeName(name, taken)
		taken[name] = true
		byAddr[r.addr] = name
		u.Accounts = append(u.Accounts, accounts.New{Account: accounts.Account{Name: name, FullName: full, Email: r.addr, Role: role}})
	}
	for _, id := range cfg.ReportIDs() {
		rep := cfg.Reports[id]
		if len(rep.Reviewers) == 0 {
			continue
		}
		names := slices.Clone(rep.Approvers)
		if len(names) == 0 {
			for _, r := range rep.Reviewers {
				if a, err := mail.ParseAddress(r); err == nil && !slices.Contains(names, byAddr[strings.ToLower(a.Address)]) {
					names = append(names, byAddr[strings.ToLower(a.Address)])
				}
			}
		}
		u.Approvers[id] = names
	}
	if host, port, err := net.SplitHostPort(cfg.Web.Listen); err == nil && !loopback.Host(host) && cfg.Web.PublicURL == "" {
		u.PublicURL = guessPublicURL(&Answers{Web: net.JoinHostPort(host, port)})
	}
	if len(u.Approvers) == 0 && !u.SharedPassword {
		return nil, ErrNothingToUpgrade
	}
	return u, nil
}

// nameFrom is an account name made from an address's local part.
func nameFrom(addr string) string {
	local := strings.ToLower(addr[:strings.IndexByte(addr, '@')])
	var b strings.Builder
	for _, r := range local {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.', r == '_', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	n := strings.TrimLeft(b.String(), "._-")
	if len(n) > 28 {
		n = n[:28]
	}
	if len(n) < 2 {
		n = "nguoiduyet"
	}
	return n
}

// freeName is name, or name2, name3… when taken.
func freeName(name string, taken map[string]bool) string {
	n := name
	for i := 2; taken[n]; i++ {
		n = fmt.Sprintf("%s%d", name, i)
	}
	return n
}

// Ask asks, on a terminal or from a script, how each new account is
// addressed and its password (empty: set later with baocao user passwd),
// the clerk's account when a shared password goes away, and the page's
// public_url.
func (u *Upgrade) Ask(p *Prompter) error {
	for i := range u.Accounts {
		n := &u.Accounts[i]
		p.Say("%s", catalog.UpgradeAccountHead.F(n.Name, n.FullName, n.Role.Label(), n.Email))
		if err := p.Ask(catalog.InitAccountTitle.String(), string(accounts.Co), func(s string) error {
			t, err := accounts.ParseTitle(strings.ToLower(s))
			n.Title = t
			return trimClass(err)
		}); err != nil {
			return err
		}
		if err := askPassword(p, n, u.cfg.Unit.Name, true); err != nil {
			return err
		}
	}
	if u.SharedPassword && !slices.ContainsFunc(u.Accounts, func(n accounts.New) bool { return n.Role == accounts.Clerk }) {
		existing, _ := accounts.Open(accounts.PathBeside(u.cfg.File)).List()
		if !slices.ContainsFunc(existing, func(a accounts.Account) bool { return a.Role == accounts.Clerk }) {
			var full string
			if err := p.Ask(catalog.UpgradeClerk.String(), "", func(s string) error { full = s; return nil }); err != nil {
				return err
			}
			if full != "" {
				taken := map[string]bool{}
				for _, a := range u.Accounts {
					taken[a.Name] = true
				}
				for _, a := range existing {
					taken[a.Name] = true
				}
				n := accounts.New{Account: accounts.Account{Name: freeName(ClerkAccount, taken), FullName: full, Email: u.cfg.Unit.AdminEmail, Role: accounts.Clerk, Title: accounts.Co}}
				if err := askPassword(p, &n, u.cfg.Unit.Name, true); err != nil {
					return err
				}
				u.Accounts = append(u.Accounts, n)
			}
		}
	}
	if host, _, err := net.SplitHostPort(u.cfg.Web.Listen); err == nil && !loopback.Host(host) && u.cfg.Web.PublicURL == "" {
		a := &Answers{}
		if err := p.Ask(catalog.InitPublicURL.String(), u.PublicURL, func(s string) error { return setPublicURL(a, s) }); err != nil {
			return err
		}
		u.PublicURL = a.PublicURL
	}
	return nil
}

// NoPasswords marks every new account to get its password later (no
// terminal to ask on).
func (u *Upgrade) NoPasswords() {
	for i := range u.Accounts {
		u.Accounts[i].Later = true
	}
}

// askPassword asks n's password until the rules take it; empty, when
// later is allowed, leaves it for baocao user passwd.
func askPassword(p *Prompter, n *accounts.New, unit string, later bool) error {
	for {
		pw, err := p.AskSecret(catalog.UpgradePassword.F(n.Name), later)
		if err != nil {
			return err
		}
		if pw == "" {
			n.Later = true
			return nil
		}
		if err := accounts.Check(n.Account, pw, unit); err != nil {
			p.Say("%s", catalog.InitAccountRefuse.F(trimClass(err)))
			continue
		}
		if p.Secret != nil {
			again, err := p.AskSecret(catalog.InitAccountPwConf.F(n.Name), false)
			if err != nil {
				return err
			}
			if again != pw {
				p.Say("%s", catalog.InitAccountPwDiff)
				continue
			}
		}
		n.Password = pw
		return nil
	}
}

var (
	tableRE = regexp.MustCompile(`^\s*\[\s*([^\]]+?)\s*\]`)
	keyRE   = regexp.MustCompile(`^\s*([A-Za-z0-9_-]+)\s*=`)
)

// Text is the upgraded config: each reviewed report's `reviewers` turned
// into a comment and `approvers`, [web]'s shared password commented out,
// public_url added after listen.
func (u *Upgrade) Text() []byte {
	lines := strings.SplitAfter(string(u.old), "\n")
	var out strings.Builder
	table := ""
	inArray := false
	for _, l := range lines {
		if inArray { // the rest of a multi-line reviewers array
			out.WriteString("# " + l)
			if strings.Contains(stripComment(l), "]") {
				inArray = false
			}
			continue
		}
		if m := tableRE.FindStringSubmatch(l); m != nil && !strings.HasPrefix(strings.TrimSpace(l), "[[") {
			table = m[1]
		}
		key := ""
		if m := keyRE.FindStringSubmatch(l); m != nil {
			key = m[1]
		}
		id, isReport := strings.CutPrefix(table, "reports.")
		switch {
		case isReport && key == "reviewers":
			out.WriteString(catalog.UpgradeReviewersNote.String() + "\n")
			out.WriteString("# " + l)
			v := stripComment(l)
			inArray = strings.Contains(v, "[") && !strings.Contains(v, "]")
			if !inArray && !strings.HasSuffix(l, "\n") {
				out.WriteString("\n")
			}
			if len(u.cfg.Reports[id].Approvers) == 0 { // else approvers is there already
				fmt.Fprintf(&out, "approvers = %s\n", list(u.Approvers[id]))
			}
			continue
		case table == "web" && (key == "password_env" || key == "password_file"):
			out.WriteString(catalog.UpgradeWebNote.String() + "\n")
			out.WriteString("# " + l)
			continue
		case table == "web" && key == "listen" && u.PublicURL != "":
			out.WriteString(l)
			if !strings.HasSuffix(l, "\n") {
				out.WriteString("\n")
			}
			out.WriteString(fmt.Sprintf("public_url = %s   %s\n", q(u.PublicURL), catalog.UpgradePublicNote))
			continue
		}
		out.WriteString(l)
	}
	return []byte(out.String())
}

// stripComment is a line without its comment (a # outside a string).
func stripComment(l string) string {
	inStr := false
	for i, r := range l {
		switch {
		case r == '"':
			inStr = !inStr
		case r == '#' && !inStr:
			return l[:i]
		}
	}
	return l
}

// Save keeps the old config beside it (NAME.truoc-nang-cap-YYYYMMDD-HHMMSS),
// makes the accounts in one write, then writes the new config; a config
// that would not load is not written (the accounts stay: they are right
// for the old one too).
func (u *Upgrade) Save(now time.Time) error {
	text := u.Text()
	path := u.cfg.File
	tmp, err := os.CreateTemp(filepath.Dir(path), ".baocao-upgrade-*.toml")
	if err != nil {
		return fmt.Errorf("setup: %w", err)
	}
	tmp.Write(text)
	tmp.Close()
	defer os.Remove(tmp.Name())
	if _, err := config.Load(tmp.Name()); err != nil {
		return catalog.IeUpgradeLoad.Errorf(err)
	}
	u.Backup = path + ".truoc-nang-cap-" + now.Format("20060102-150405")
	if err := writeFile(u.Backup, u.old, 0o644); err != nil {
		return err
	}
	if len(u.Accounts) > 0 {
		if err := accounts.Open(accounts.PathBeside(path)).AddAll(u.cfg.Unit.Name, u.Accounts...); err != nil {
			return err
		}
	}
	st, err := os.Stat(path)
	mode := os.FileMode(0o644)
	if err == nil {
		mode = st.Mode().Perm()
	}
	return writeFile(path, text, mode)
}
