package setup

import (
	"errors"
	"net"
	"net/url"
	"strings"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/loopback"
)

// The accounts init makes, unless the accounts file beside the config
// already has some: the principal's (role hieu-truong), who approves, and
// the clerk's (van-thu), who runs and sends. They are written with the
// config (Save), in one write, or not at all.

// Default account names.
const (
	PrincipalAccount = "hieutruong"
	ClerkAccount     = "vanthu"
)

// askAccounts asks for the principal's and the clerk's accounts, then who
// approves which report.
func askAccounts(p *Prompter, a *Answers, cfgPath string) error {
	store := accounts.Open(accounts.PathBeside(cfgPath))
	existing, err := store.List()
	if err != nil {
		return err
	}
	p.Say("%s", catalog.InitAccountsIntro)
	a.HasAccounts = true
	if len(existing) > 0 {
		p.Say("%s", catalog.InitAccountsKept.F(store.Path(), len(existing)))
		for _, x := range existing {
			if x.Role == accounts.Principal && !x.Locked {
				a.Approvers = []string{x.Name}
				break
			}
		}
	} else {
		p.Say("%s", catalog.InitPrincipalHead)
		pr, err := askAccount(p, a, accounts.Principal, PrincipalAccount, a.SignerName, "")
		if err != nil {
			return err
		}
		p.Say("%s", catalog.InitClerkHead)
		cl, err := askAccount(p, a, accounts.Clerk, ClerkAccount, "", pr.Name)
		if err != nil {
			return err
		}
		a.Accounts = []accounts.New{pr, cl}
		a.Approvers = []string{pr.Name}
	}
	p.Say("")
	if len(a.Approvers) == 0 {
		p.Say("%s", catalog.InitNoApproverAccount)
		return nil
	}
	if a.ReviewOthers, err = p.YesNo(catalog.InitReviewOthers.String(), true); err != nil {
		return err
	}
	a.ReviewMonthly, err = p.YesNo(catalog.InitReviewMonthly.String(), false)
	return err
}

// askAccount asks for one account of role; taken is a name already used.
func askAccount(p *Prompter, a *Answers, role accounts.Role, name, full, taken string) (accounts.New, error) {
	n := accounts.New{Account: accounts.Account{Role: role}}
	steps := []struct {
		q, def string
		set    func(string) error
	}{
		{catalog.InitAccountName.String(), name, func(s string) error {
			v, err := accounts.CleanName(s)
			if err == nil && v == taken {
				err = catalog.InitSameAccount.Errorf(v)
			}
			n.Name = v
			return trimClass(err)
		}},
		{catalog.InitAccountFull.String(), full, func(s string) error { n.FullName = s; return need(s) }},
		{emailPrompt(role), "", func(s string) error {
			if s != "" {
				if err := address(s); err != nil {
					return err
				}
				if err := a.checkTypo([]string{s}); err != nil {
					return err
				}
			}
			n.Email = s
			if s == "" && role.Approver() {
				// The accounts package names its flag (--email), which no
				// question here has.
				return errors.New(catalog.InitNeedsEmail.String())
			}
			return trimClass(accounts.CheckEmail(s, role))
		}},
		{catalog.InitAccountTitle.String(), string(accounts.Co), func(s string) error {
			t, err := accounts.ParseTitle(strings.ToLower(s))
			n.Title = t
			return trimClass(err)
		}},
	}
	if role == accounts.Clerk {
		steps[2].def = a.AdminEmail
	}
	for _, s := range steps {
		if err := p.Ask(s.q, s.def, s.set); err != nil {
			return n, err
		}
	}
	for {
		pw, err := p.AskSecret(catalog.InitAccountPw.F(n.Name), false)
		if err != nil {
			return n, err
		}
		if err := accounts.Check(n.Account, pw, a.Name); err != nil {
			p.Say("%s", catalog.InitAccountRefuse.F(trimClass(err)))
			continue
		}
		if p.Secret != nil { // typed unseen: typed twice
			again, err := p.AskSecret(catalog.InitAccountPwConf.F(n.Name), false)
			if err != nil {
				return n, err
			}
			if again != pw {
				p.Say("%s", catalog.InitAccountPwDiff)
				continue
			}
		}
		n.Password = pw
		return n, nil
	}
}

func emailPrompt(role accounts.Role) string {
	if role.Approver() {
		return catalog.InitAccountEmail.String()
	}
	return catalog.InitClerkEmail.String()
}

// trimClass drops the accounts package's class words ("accounts:
// invalid: …"): the interview says only what to change.
func trimClass(err error) error {
	if err == nil {
		return nil
	}
	for _, c := range []error{accounts.ErrInvalid, accounts.ErrWeakPassword, accounts.ErrExists} {
		if errors.Is(err, c) {
			return errors.New(strings.TrimPrefix(err.Error(), c.Error()+": "))
		}
	}
	return err
}

// webBeyond tells whether the page's address is open to other machines.
func (a *Answers) webBeyond() bool {
	if a.Web == "" {
		return false
	}
	host, _, err := net.SplitHostPort(a.Web)
	return err == nil && !loopback.Host(host)
}

// guessPublicURL is the page's address as a phone on the LAN opens it:
// the listen address, or for 0.0.0.0 the machine's first LAN address.
func guessPublicURL(a *Answers) string {
	host, port, err := net.SplitHostPort(a.Web)
	if err != nil {
		return ""
	}
	if host != "" && host != "0.0.0.0" && host != "::" {
		return "http://" + a.Web
	}
	addrs, _ := net.InterfaceAddrs()
	for _, x := range addrs {
		if n, ok := x.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() && !n.IP.IsLinkLocalUnicast() {
			return "http://" + net.JoinHostPort(n.IP.String(), port)
		}
	}
	return ""
}

// setPublicURL checks [web] public_url: an http(s) address that is not
// this machine's loopback.
func setPublicURL(a *Answers, s string) error {
	s = strings.TrimRight(strings.TrimSpace(s), "/")
	a.PublicURL = s
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return catalog.InitPublicURLBad.Errorf(s)
	}
	if loopback.Host(u.Hostname()) {
		return catalog.InitPublicURLLocal.Errorf(s)
	}
	return nil
}

// approversOf are the approvers written for the report id.
func (a *Answers) approversOf(id string) []string {
	switch {
	case len(a.Approvers) == 0:
		return nil
	case id == "monthly" && !a.ReviewMonthly:
		return nil
	case id != "monthly" && !a.ReviewOthers:
		return nil
	}
	return a.Approvers
}

// approverList is the accounts named on a flag, checked.
func approverList(s string) ([]string, error) {
	var out []string
	for _, n := range addressList(s) {
		v, err := accounts.CleanName(n)
		if err != nil {
			return nil, trimClass(err)
		}
		out = append(out, v)
	}
	return out, nil
}

var errNoApprovers = catalog.NewClass(catalog.IeNoApprovers)
