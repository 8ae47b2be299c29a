package workflow

import (
	"fmt"
	"path/filepath"
	"sort"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/signature"
)

// ErrSettings is wrapped by every error about settings the workflow
// cannot use (a report with no one to send it to, when mail is on).
var ErrSettings = catalog.NewClass(catalog.ClassConfig).WithFault(fault.BadInput)

// ErrRequest is wrapped by errors about a request that lacks what it needs
// (who approves, why a draft is returned).
var ErrRequest = catalog.NewClass(catalog.ClassUsage).WithFault(fault.BadInput)

// Settings are what the workflow reads from the config file: who each
// report goes to and who reviews it, the unit's admin address, the
// sender. The keys are those of the file; Provision completes them.
type Settings struct {
	Unit    Unit               `toml:"unit"`
	SMTP    SMTP               `toml:"smtp"`
	Reports map[string]*Report `toml:"reports"`
	// Signed is how signed copies are checked ([signed]).
	Signed signature.Settings `toml:"signed"`

	// Set by Provision, from the maker's settings.
	File     string         `toml:"-"` // the config file, for the commands the mails quote
	Location *time.Location `toml:"-"`
}

// Unit is the part of [unit] the workflow reads.
type Unit struct {
	Symbol     string `toml:"symbol"`      // names the unit in message ids
	AdminEmail string `toml:"admin_email"` // returns, overdue drafts, periods without data
}

// SMTP is the part of [smtp] the workflow reads: the sender of every
// message (how to reach the server is delivery.Settings).
type SMTP struct {
	Host string `toml:"host"` // "" when mail is off
	From string `toml:"from"`
}

// Report is what the workflow needs of one [reports.ID] table.
type Report struct {
	To []string `toml:"to"`
	Cc []string `toml:"cc"`
	// Attach lists the files the district's message carries (DefaultAttach
	// when unset).
	Attach []FileKind `toml:"attach"`
	// Approvers are the accounts (`baocao user`) that approve a version
	// before it goes to the district: the review message goes to their
	// e-mail addresses (Flow.SetAccounts). The principal approves any
	// report; a deputy only those that name the account.
	Approvers []string `toml:"approvers"`
	// Reviewers is the setting of before accounts ("Name <address>"):
	// still honoured for the review message, but approving needs an
	// approver's account; `baocao init --upgrade` turns it into
	// approvers. None of either: the report is sent at once.
	Reviewers []string `toml:"reviewers"`
	// RequireSigned: the district gets only the signed copy. An approved
	// version waits ("chờ ký số") until `baocao signed` or the page brings
	// the PDF signed by the unit's signing tool, and is sent then.
	RequireSigned bool `toml:"require_signed"`
	// DeadlineDay is the day of the month, after the period's cut-off, by
	// which the report is due (period.Period.Deadline): 1–28, default 20.
	// Set by Provision from the deadline_day key.
	DeadlineDay int  `toml:"-"`
	DeadlineKey *int `toml:"deadline_day"`
	// EmailThreshold: the e-mail lists each indicator whose value moved
	// from the previous period by more than this many percentage points
	// (default 5); any change of a rank or a yes/no is listed.
	EmailThreshold *float64 `toml:"email_threshold"`

	// The report's periods, from the maker's settings (Provision).
	Kind     period.Kind     `toml:"-"`
	Boundary period.Boundary `toml:"-"`
}

// Reviewed reports whether the report waits for its reviewers' approval
// before it goes to the district.
func (r *Report) Reviewed() bool { return len(r.Reviewers) > 0 || len(r.Approvers) > 0 }

// DefaultEmailThreshold is the e-mail's change threshold in percentage
// points when a report sets none.
const DefaultEmailThreshold = 5.0

// Threshold is the report's e-mail change threshold as a fraction (5
// percentage points = 0.05).
func (r *Report) Threshold() float64 {
	if r.EmailThreshold != nil {
		return *r.EmailThreshold / 100
	}
	return DefaultEmailThreshold / 100
}

// Provision completes settings decoded from the config file with the
// maker's (provisioned) settings: defaults, the reports' periods; an error
// names the key.
func (s *Settings) Provision(rs *reports.Settings) error {
	s.File, s.Location = rs.File, rs.Location
	if s.Reports == nil {
		s.Reports = map[string]*Report{}
	}
	ids := make([]string, 0, len(rs.Reports))
	for id := range rs.Reports {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		r := s.Reports[id]
		if r == nil {
			r = &Report{}
			s.Reports[id] = r
		}
		r.Kind, r.Boundary = rs.Reports[id].Kind, rs.Reports[id].Boundary
		if err := checkAttach(id, r); err != nil {
			return err
		}
		if err := checkDeadline(id, r); err != nil {
			return err
		}
	}
	if _, err := s.Signed.Options(filepath.Dir(s.File)); err != nil {
		return fmt.Errorf("%w: %v", ErrSettings, err)
	}
	return nil
}

// checkDeadline sets the deadline day, which defaults to
// period.DefaultDeadlineDay. (internal/config checks the reviewers'
// addresses with the other addresses of the file.)
func checkDeadline(id string, r *Report) error {
	r.DeadlineDay = period.DefaultDeadlineDay
	if r.DeadlineKey != nil {
		if err := period.CheckDeadlineDay(*r.DeadlineKey); err != nil {
			return catalog.WfDeadlineDay.Errorf(id, *r.DeadlineKey, period.MaxDeadlineDay)
		}
		r.DeadlineDay = *r.DeadlineKey
	}
	return nil
}
