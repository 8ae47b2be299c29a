package config

import (
	"net/mail"
	"regexp"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
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
		return catalog.CfgReportID.Errorf(id)
	}
	if err := checkAttach(id, r); err != nil {
		return err
	}
	if t := r.EmailThreshold; t != nil && (*t < 0 || *t > 100) {
		return catalog.CfgThreshold.Errorf(id, *t)
	}
	if r.Schedule != "" {
		if _, err := ParseSchedule(r.Schedule, c.Location); err != nil {
			return catalog.CfgKey.Errorf(id, "schedule", err)
		}
	}
	for _, a := range append(append([]string{}, r.To...), r.Cc...) {
		if err := checkAddress(a); err != nil {
			return catalog.CfgKey.Errorf(id, "to/cc", err)
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
			return catalog.CfgKey.Errorf(id, "reviewers", err)
		}
		addr, _ := mail.ParseAddress(a)
		k := strings.ToLower(addr.Address)
		if seen[k] {
			return catalog.CfgTwice.Errorf(id, "reviewers", addr.Address)
		}
		seen[k] = true
	}
	seen = map[string]bool{}
	for _, a := range r.Approvers {
		if !approverRE.MatchString(a) {
			return catalog.CfgApprover.Errorf(id, a)
		}
		if seen[a] {
			return catalog.CfgTwice.Errorf(id, "approvers", a)
		}
		seen[a] = true
	}
	r.DeadlineDay = DefaultDeadlineDay
	if r.DeadlineKey != nil {
		if err := CheckDeadlineDay(*r.DeadlineKey); err != nil {
			return catalog.CfgDeadlineDay.Errorf(id, *r.DeadlineKey, MaxDeadlineDay)
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
		return catalog.CfgAddress.Errorf(a)
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
			return nil, catalog.CfgSecurityNone.Errorf(s.Host)
		}
	default:
		return nil, catalog.CfgSecurity.Errorf(s.Security)
	}
	if s.From == "" {
		return nil, catalog.CfgFromRequired.Errorf()
	}
	if err := checkAddress(s.From); err != nil {
		return nil, catalog.CfgFrom.Errorf(err)
	}
	if s.Password != "" {
		warnings = append(warnings, catalog.CfgPasswordInFile.String())
	}
	if s.PasswordEnv != "" && s.PasswordFile != "" {
		return nil, catalog.CfgPasswordBoth.Errorf("smtp")
	}
	for _, id := range c.ReportIDs() {
		if len(c.Reports[id].To) == 0 {
			warnings = append(warnings, catalog.CfgNoRecipients.F(id))
		}
	}
	return warnings, nil
}
