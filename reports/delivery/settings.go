package delivery

import (
	"crypto/tls"
	"crypto/x509"
	"os"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"
)

// ErrSettings is wrapped by errors in the mail settings (a missing password,
// an unreadable CA file): the config must be fixed.
var ErrSettings = catalog.NewClass(catalog.ClassMailSettings).WithFault(fault.BadInput)

// Settings are how to reach the mail server.
type Settings struct {
	Host     string
	Port     int
	Security string // "starttls", "tls" or "none" (loopback only)
	Username string
	Password string
	From     string
	RootCAs  *x509.CertPool // nil: the system's

	DialTimeout    time.Duration
	CommandTimeout time.Duration
	DataTimeout    time.Duration
	AttemptTimeout time.Duration   // one attempt, greeting to QUIT, plus 1 s per 128 KiB of message
	MaxReply       int             // bytes the server may send in one reply
	MaxBytes       int64           // attachments larger than this are not sent
	Backoff        []time.Duration // waits between tries; len(Backoff)+1 tries
	LocalName      string          // EHLO name
}

// Defaults for unset settings.
const (
	DefaultMaxBytes = 20 << 20
	defaultDial     = 30 * time.Second
	defaultCommand  = 60 * time.Second
	defaultData     = 5 * time.Minute
	defaultAttempt  = 60 * time.Second
	defaultMaxReply = 64 << 10
)

// DefaultBackoff is a few tries over about a minute.
var DefaultBackoff = []time.Duration{5 * time.Second, 15 * time.Second, 40 * time.Second}

func (s *Settings) withDefaults() Settings {
	c := *s
	if c.DialTimeout == 0 {
		c.DialTimeout = defaultDial
	}
	if c.CommandTimeout == 0 {
		c.CommandTimeout = defaultCommand
	}
	if c.DataTimeout == 0 {
		c.DataTimeout = defaultData
	}
	if c.AttemptTimeout == 0 {
		c.AttemptTimeout = defaultAttempt
	}
	if c.MaxReply == 0 {
		c.MaxReply = defaultMaxReply
	}
	if c.MaxBytes == 0 {
		c.MaxBytes = DefaultMaxBytes
	}
	if c.Backoff == nil {
		c.Backoff = DefaultBackoff
	}
	if c.LocalName == "" {
		c.LocalName = "localhost"
	}
	return c
}

func (s *Settings) tlsConfig() *tls.Config {
	return &tls.Config{ServerName: s.Host, RootCAs: s.RootCAs, MinVersion: tls.VersionTLS12}
}

// Password reads a password from the environment variable env or from
// file. A file others can read yields a warning.
func Password(env, file string) (password string, warning string, err error) {
	switch {
	case env != "":
		p := os.Getenv(env)
		if p == "" {
			return "", "", ErrSettings.Newf(catalog.MailPasswordEnv, env)
		}
		return p, "", nil
	case file != "":
		st, err := os.Stat(file)
		if err != nil {
			return "", "", ErrSettings.Newf(catalog.MailPasswordFile, catalog.FileError(file, err))
		}
		b, err := os.ReadFile(file)
		if err != nil {
			return "", "", ErrSettings.Newf(catalog.MailPasswordFile, catalog.FileError(file, err))
		}
		if st.Mode().Perm()&0o044 != 0 {
			warning = catalog.CfgPasswordFilePub.F(file, file)
		}
		p := strings.TrimRight(string(b), "\r\n")
		if p == "" {
			return "", warning, ErrSettings.Newf(catalog.MailPasswordEmpty, file)
		}
		return p, warning, nil
	}
	return "", "", ErrSettings.Newf(catalog.MailNoPassword)
}

// LoadCAs reads extra trusted certificates (PEM) on top of the system's.
func LoadCAs(file string) (*x509.CertPool, error) {
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	pem, err := os.ReadFile(file)
	if err != nil {
		return nil, ErrSettings.Newf(catalog.MailCAFile, catalog.FileError(file, err))
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, ErrSettings.Newf(catalog.MailCANoPEM, file)
	}
	return pool, nil
}
