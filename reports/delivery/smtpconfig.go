package delivery

import (
	"path/filepath"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
)

// SMTP is the [smtp] table of the config file: how to reach the mail
// server, as written. Settings resolves it (the password, the CA file).
type SMTP struct {
	Host         string `toml:"host"`
	Port         int    `toml:"port"`
	Security     string `toml:"security"`
	Username     string `toml:"username"`
	Password     string `toml:"password"`
	PasswordEnv  string `toml:"password_env"`
	PasswordFile string `toml:"password_file"`
	From         string `toml:"from"`
	CAFile       string `toml:"ca_file"`
	// MaxAttachmentMB refuses to send attachments larger than this (20).
	MaxAttachmentMB int64 `toml:"max_attachment_mb"`
	// RetrySeconds are the waits between tries after a transient failure
	// (5, 15, 40: four tries over about a minute).
	RetrySeconds []int `toml:"retry_seconds"`
}

// The security modes of [smtp].
const (
	StartTLS = "starttls"
	TLS      = "tls"
	None     = "none" // a test server on this machine only
)

// Provision fills the defaults: STARTTLS (TLS on port 465), and the
// mode's port.
func (c *SMTP) Provision() {
	if c.Host == "" {
		return
	}
	if c.Security == "" {
		c.Security = StartTLS
		if c.Port == 465 {
			c.Security = TLS
		}
	}
	if c.Port == 0 {
		c.Port = map[string]int{StartTLS: 587, TLS: 465, None: 25}[c.Security]
	}
}

// Settings reads the password and the extra CA; relative paths start at
// dir (the config file's folder). It fails (wrapping ErrSettings) when mail
// cannot be sent as configured; warnings are things to fix that do not
// stop sending.
func (c SMTP) Settings(dir string) (s Settings, warnings []string, err error) {
	if c.Host == "" {
		return s, nil, ErrSettings.Newf(catalog.MailNoHost)
	}
	c.Provision()
	path := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	s = Settings{Host: c.Host, Port: c.Port, Security: c.Security, Username: c.Username, From: c.From,
		MaxBytes: c.MaxAttachmentMB << 20}
	if c.RetrySeconds != nil {
		s.Backoff = []time.Duration{}
		for _, n := range c.RetrySeconds {
			s.Backoff = append(s.Backoff, time.Duration(n)*time.Second)
		}
	}
	if c.Username != "" {
		pw, warning := c.Password, ""
		if pw == "" {
			if pw, warning, err = Password(c.PasswordEnv, path(c.PasswordFile)); err != nil {
				return s, nil, err
			}
		}
		s.Password = pw
		if warning != "" {
			warnings = append(warnings, warning)
		}
	}
	if c.CAFile != "" {
		if s.RootCAs, err = LoadCAs(path(c.CAFile)); err != nil {
			return s, nil, err
		}
	}
	return s, warnings, nil
}

// Table is what decodes a whole config file's [smtp] table into s (the
// file's other keys are ignored).
func Table(s *SMTP) any {
	return &struct {
		SMTP *SMTP `toml:"smtp"`
	}{s}
}
