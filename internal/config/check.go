package config

import (
	"errors"
	"fmt"
	"net/mail"
	"regexp"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/loopback"
	"github.com/mn2010/baocao/internal/schedule"
	"github.com/robfig/cron/v3"
)

// ParseSchedule checks a cron spec (schedule.Parse).
func ParseSchedule(spec string, loc *time.Location) (cron.Schedule, error) {
	return schedule.Parse(spec, loc)
}

// reportID is what a report id may hold: it names folders of the archive
// and lock files.
var reportID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

func (c *Config) checkReport(id string, r *Report) error {
	if !reportID.MatchString(id) {
		return fmt.Errorf("[reports.%q]: a report id may hold only lower-case letters a-z, digits and \"-\" (it names archive folders), e.g. [reports.monthly]", id)
	}
	if err := checkAttach(id, r); err != nil {
		return err
	}
	if t := r.EmailThreshold; t != nil && (*t < 0 || *t > 100) {
		return fmt.Errorf("[reports.%s] email_threshold: %v is not between 0 and 100 (percentage points, e.g. 5)", id, *t)
	}
	if r.Schedule != "" {
		if _, err := ParseSchedule(r.Schedule, c.Location); err != nil {
			return fmt.Errorf("[reports.%s] schedule: %v", id, err)
		}
	}
	for _, a := range append(append([]string{}, r.To...), r.Cc...) {
		if err := checkAddress(a); err != nil {
			return fmt.Errorf("[reports.%s] to/cc: %v", id, err)
		}
	}
	return checkReview(id, r)
}

// checkReview checks the keys of the review step: the reviewers' addresses
// and the deadline day, which defaults to DefaultDeadlineDay.
func checkReview(id string, r *Report) error {
	seen := map[string]bool{}
	for _, a := range r.Reviewers {
		if err := checkAddress(a); err != nil {
			return fmt.Errorf("[reports.%s] reviewers: %v", id, err)
		}
		addr, _ := mail.ParseAddress(a)
		k := strings.ToLower(addr.Address)
		if seen[k] {
			return fmt.Errorf("[reports.%s] reviewers: %s is listed twice", id, addr.Address)
		}
		seen[k] = true
	}
	seen = map[string]bool{}
	for _, a := range r.Approvers {
		if !approverRE.MatchString(a) {
			return fmt.Errorf("[reports.%s] approvers: %q is not an account name (2-32 of a-z, 0-9, '.', '_', '-', as `baocao user list` shows them)", id, a)
		}
		if seen[a] {
			return fmt.Errorf("[reports.%s] approvers: %s is listed twice", id, a)
		}
		seen[a] = true
	}
	r.DeadlineDay = DefaultDeadlineDay
	if r.DeadlineKey != nil {
		if err := CheckDeadlineDay(*r.DeadlineKey); err != nil {
			return fmt.Errorf("[reports.%s] deadline_day = %d: want a day of the month from 1 to %d (the report is due that day after the period's cut-off)",
				id, *r.DeadlineKey, MaxDeadlineDay)
		}
		r.DeadlineDay = *r.DeadlineKey
	}
	return nil
}

// Reviewed reports whether the report waits for its reviewers' approval
// before it goes to the district.
func (r *Report) Reviewed() bool { return len(r.Reviewers) > 0 || len(r.Approvers) > 0 }

// approverRE is an account name (accounts.CleanName).
var approverRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,31}$`)

func checkAddress(a string) error {
	addr, err := mail.ParseAddress(a)
	if err != nil || !strings.Contains(addr.Address[strings.LastIndexByte(addr.Address, '@')+1:], ".") {
		return fmt.Errorf("malformed e-mail address %q", a)
	}
	return nil
}

// Security modes of [smtp].
const (
	StartTLS = "starttls"
	TLS      = "tls"
	None     = "none"
)

// checkSMTP validates [smtp] when a host is set. Warnings are returned for
// things that work but should be fixed.
func (c *Config) checkSMTP() ([]string, error) {
	s := &c.SMTP
	if s.Host == "" {
		return nil, nil
	}
	var warnings []string
	if s.Security == "" {
		s.Security = StartTLS
		if s.Port == 465 {
			s.Security = TLS
		}
	}
	if s.Port == 0 {
		s.Port = map[string]int{StartTLS: 587, TLS: 465, None: 25}[s.Security]
	}
	switch s.Security {
	case StartTLS, TLS:
	case None:
		if !loopback.Host(s.Host) {
			return nil, fmt.Errorf("[smtp] security = \"none\" is allowed only for a test server on this machine (127.0.0.1, ::1, localhost), not %q: a password would cross the network in clear; use \"starttls\" (port 587) or \"tls\" (port 465)", s.Host)
		}
	default:
		return nil, fmt.Errorf("[smtp] security %q: want \"starttls\", \"tls\" or \"none\"", s.Security)
	}
	if s.From == "" {
		return nil, errors.New("[smtp] from is required")
	}
	if err := checkAddress(s.From); err != nil {
		return nil, fmt.Errorf("[smtp] from: %v", err)
	}
	if s.Password != "" {
		warnings = append(warnings, "[smtp] password is written in the config file: move it to an environment variable (password_env) or a file only this user can read (password_file)")
	}
	if s.PasswordEnv != "" && s.PasswordFile != "" {
		return nil, errors.New("[smtp] set password_env or password_file, not both")
	}
	for _, id := range c.ReportIDs() {
		if len(c.Reports[id].To) == 0 {
			warnings = append(warnings, fmt.Sprintf("[reports.%s] has no recipients (to = []): with mail on, a run of it stops before archiving anything; "+
				"add the district's address, e.g. to = [\"phongnoivu@example.gov.vn\"], or run it with --no-email", id))
		}
	}
	return warnings, nil
}
