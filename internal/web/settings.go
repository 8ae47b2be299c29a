package web

import (
	"fmt"
	"github.com/mn2010/baocao/internal/catalog"
	"log/slog"
	"net"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/fault"
	"github.com/mn2010/baocao/internal/loopback"
)

// ErrSettings is wrapped by every error about settings that cannot be used.
var ErrSettings = catalog.NewClass(catalog.PgSettingsClass).WithFault(fault.BadInput)

// Settings configure a Server; cmd builds them from the config's [web].
type Settings struct {
	// Listen is the address to listen on, e.g. "127.0.0.1:8080".
	Listen string
	// Password is required unless Listen is a loopback address; empty
	// means no login on loopback.
	Password string
	// PublicURL is [web] public_url: the address people open the page
	// at through a proxy; its host is accepted in the Host header.
	PublicURL string
	// PasswordKey names where a password is set, for messages
	// ("[web] password_env hoặc password_file").
	PasswordKey string
	// Unit is the unit whose reports these are ("Trường Mầm non 20/10"),
	// named beside the product on every page.
	Unit string
	// Location is the time zone dates are shown in.
	Location *time.Location
	// Logger receives every action, with who did it.
	Logger *slog.Logger
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// LoginDelay is the wait after a failed login (1 s when zero); it
	// doubles with each further failure from the same address, up to 8×.
	// Every attempt from that address waits it out before its password
	// is checked (auth.go).
	LoginDelay time.Duration
	// SessionTTL is how long a login lasts in all (12 h when zero).
	SessionTTL time.Duration
	// SessionIdle ends a login after this long without a request (30 min
	// when zero).
	SessionIdle time.Duration
	// SessionFile keeps the logins and the key of the CSRF tokens across
	// restarts (mode 0600); "" keeps them in memory only.
	SessionFile string
	// Accounts are the personal accounts; once one exists, people log in
	// with their account, and approval and return need an approver's
	// account. Nil or empty: the page works as before accounts (no login
	// on loopback, else the shared Password), but nobody can approve or
	// return from it.
	Accounts *accounts.Store
	// Approvers lists, per report id, the accounts that approve it (a
	// deputy approves only the reports that name the account).
	Approvers map[string][]string
	// Notify mails admin_email (an account locked after failed logins);
	// nil tells nobody.
	Notify func(subject, body string) error
	// SignedMaxBytes is the size limit of an uploaded signed copy
	// ([signed] max_mb; 20 MB when zero).
	SignedMaxBytes int64
}

func (s Settings) withDefaults() Settings {
	if s.Location == nil {
		s.Location = time.Local
	}
	if s.Logger == nil {
		s.Logger = slog.Default()
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	if s.LoginDelay == 0 {
		s.LoginDelay = time.Second
	}
	if s.SessionTTL == 0 {
		s.SessionTTL = 12 * time.Hour
	}
	if s.SessionIdle == 0 {
		s.SessionIdle = 30 * time.Minute
	}
	if s.SignedMaxBytes <= 0 {
		s.SignedMaxBytes = 20 << 20
	}
	if s.PasswordKey == "" {
		s.PasswordKey = catalog.PgPasswordKey.String()
	}
	return s
}

// Check refuses a listen address that is not this machine with neither
// accounts nor the old shared password.
func (s Settings) Check() error {
	if s.Listen == "" {
		return catalog.PgNoListen.Errorf(ErrSettings)
	}
	if _, _, err := net.SplitHostPort(s.Listen); err != nil {
		return catalog.PgBadListen.Errorf(ErrSettings, s.Listen)
	}
	if s.Password != "" && strings.TrimSpace(s.Password) == "" {
		return catalog.PgBlankPassword.Errorf(ErrSettings, s.withDefaults().PasswordKey, MinPassword)
	}
	if !loopback.NeedsPassword(s.Listen) {
		return nil
	}
	if s.Accounts != nil {
		empty, err := s.Accounts.Empty()
		if err != nil {
			return fmt.Errorf("%w: %v", ErrSettings, err)
		}
		if !empty {
			return nil // people log in with their accounts
		}
	}
	if s.Password == "" {
		return catalog.PgNeedAccounts.Errorf(ErrSettings, s.Listen, firstAccountCommand, s.withDefaults().PasswordKey)
	}
	if n := utf8.RuneCountInString(strings.TrimSpace(s.Password)); n < MinPassword {
		return catalog.PgShortPassword.Errorf(ErrSettings, s.Listen, s.withDefaults().PasswordKey, n, MinPassword)
	}
	return nil
}

// MinPassword is the shortest password a page reachable from other
// machines accepts, counted in characters, spaces at either end aside.
const MinPassword = 10

// IsLoopback tells whether host (a name or an IP, maybe in brackets) is
// this machine only (loopback.Host decides).
func IsLoopback(host string) bool { return loopback.Host(host) }
