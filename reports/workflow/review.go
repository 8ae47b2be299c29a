package workflow

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"net/mail"
	"os"
	"path/filepath"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
)

// The files of the review step in a version folder (docs/decisions.md).
// approval.json and return.json are written once and never rewritten; the
// others are delivery records of one message each, like delivery.json.
const (
	ApprovalName   = "approval.json"      // who approved the draft, when, and the hashes of what
	ReturnName     = "return.json"        // who returned the draft, when, and why
	ReviewMailName = "review.json"        // the reviewers' "[Chờ duyệt]" message
	ReturnMailName = "return-mail.json"   // the notice of a return to admin_email
	RemindBefore   = "remind-before.json" // the reminder two days before the deadline
	RemindDue      = "remind-due.json"    // the reminder on the deadline's morning
	OverdueName    = "overdue.json"       // the notice to admin_email that the deadline passed
)

// Sentinel errors of the review step; the CLI exits 2 on each.
var (
	// ErrNotReviewed: the report has no reviewers, so nothing waits for
	// approval (it was sent when it was made).
	ErrNotReviewed = catalog.NewClass(catalog.ClassNotReviewed).WithFault(fault.Refused)
	// ErrNoDraft: the version is not a draft waiting for a reviewer.
	ErrNoDraft = catalog.NewClass(catalog.ClassNoDraft).WithFault(fault.Refused)
	// ErrReturned: a returned draft is never approved nor sent.
	ErrReturned = catalog.NewClass(catalog.ClassReturned).WithFault(fault.Refused)
	// ErrAlreadyApproved: a draft is approved once.
	ErrAlreadyApproved = catalog.NewClass(catalog.ClassAlreadyApproved).WithFault(fault.Refused)
	// ErrSourcesChanged: a source (or the plan, config or texts) changed
	// since the draft, so the document to issue would not be the one
	// approved.
	ErrSourcesChanged = catalog.NewClass(catalog.ClassSourcesChanged).WithFault(fault.Refused)
)

// Approval is approval.json: the draft a reviewer approved, by whom and
// when, and the hashes that tie the approval to those exact files.
type Approval struct {
	Report  string `json:"report"`
	Period  string `json:"period"`
	Version int    `json:"version"`
	By      string `json:"by"` // who approved, as text (records of before accounts have only this)
	Who            // the account, full name, role and OS user, as fields
	At      string `json:"at"` // RFC 3339
	Note    string `json:"note,omitempty"`
	// Number and Date (YYYY-MM-DD) of issue, when the approval gave them:
	// the document sent is then a newer version carrying them
	// (reports.Manifest.IssuedFrom).
	Number int    `json:"number,omitempty"`
	Date   string `json:"date,omitempty"`
	// ManifestSHA256 is the hash of the draft's manifest.json, which lists
	// the hashes of every input and output.
	ManifestSHA256 string           `json:"manifest_sha256"`
	Inputs         []reports.Input  `json:"inputs"`
	Outputs        []reports.Output `json:"outputs"`
}

// Issues reports whether the approval gives the document a number or date
// other than the draft's: then it is issued as a newer version.
func (a *Approval) Issues(draft *reports.Manifest) bool {
	return a.Number != 0 || a.Date != "" && a.Date != draft.Issued
}

// Return is return.json: a draft a reviewer returned.
type Return struct {
	Report  string `json:"report"`
	Period  string `json:"period"`
	Version int    `json:"version"`
	By      string `json:"by"` // who returned it, as text (records of before accounts have only this)
	Who            // the account, full name, role and OS user, as fields
	At      string `json:"at"` // RFC 3339
	Reason  string `json:"reason"`
}

// readJSON reads a record written once; ok is false when it is absent.
func readJSON(dir, name string, v any) (ok bool, err error) {
	b, err := os.ReadFile(filepath.Join(dir, name))
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, catalog.RptFile.Errorf(catalog.Said(err))
	}
	if err := json.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
		return false, catalog.RptPath.Errorf(filepath.Join(dir, name), catalog.Said(err))
	}
	return true, nil
}

// ReadApproval reads a version's approval record, nil when it has none.
func ReadApproval(dir string) (*Approval, error) {
	var a Approval
	if ok, err := readJSON(dir, ApprovalName, &a); !ok || err != nil {
		return nil, err
	}
	return &a, nil
}

// ReadReturn reads a version's return record, nil when it has none.
func ReadReturn(dir string) (*Return, error) {
	var r Return
	if ok, err := readJSON(dir, ReturnName, &r); !ok || err != nil {
		return nil, err
	}
	return &r, nil
}

// writeOnce writes a record that is never rewritten.
func writeOnce(dir, name string, v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, catalog.RptFile.Errorf(catalog.Said(err))
	}
	b = append(b, '\n')
	if err := archive.WriteOnce(filepath.Join(dir, name), b); err != nil {
		return nil, err
	}
	return b, nil
}

func fileSHA256(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", catalog.RptFile.Errorf(catalog.Said(err))
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// personName is the name of "Name <address>", or the address.
func personName(s string) string {
	if a, err := mail.ParseAddress(s); err == nil {
		if a.Name != "" {
			return a.Name
		}
		return a.Address
	}
	return s
}

// stamp formats a record's time for people.
// Stamp writes an RFC 3339 time from the records as people read it,
// "15:04 02/01/2006" in loc; a time that does not parse is returned as is.
func Stamp(s string, loc *time.Location) string { return stamp(s, loc) }

func stamp(s string, loc *time.Location) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.In(loc).Format("15:04 02/01/2006")
}
