package web

import (
	"context"
	"github.com/mn2010/baocao/internal/catalog"
	"io"
	"time"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/fault"
)

// Errors a Backend returns for conditions the page explains. Each is a
// catalogue class (internal/catalog): its words, in the language in force,
// are what a person reads when the error comes bare; a backend gives the
// detail after them ("%w: …"), which the page shows without them.
var (
	// ErrNotFound: no such report, period, version or file.
	ErrNotFound = catalog.NewClass(catalog.PgErrNotFound).WithFault(fault.NotFound)
	// ErrNotAvailable: the action does not exist yet or does not apply.
	ErrNotAvailable = catalog.NewClass(catalog.PgErrNotAvailable).WithFault(fault.Refused)
	// ErrNeedsConfirm: the version was sent before; sending again must be
	// confirmed.
	ErrNeedsConfirm = catalog.NewClass(catalog.PgErrNeedsConfirm).WithFault(fault.Refused)
	// ErrBadInput: the request names something that cannot be used.
	ErrBadInput = catalog.NewClass(catalog.PgErrBadInput).WithFault(fault.BadInput)
	// ErrRefused: the review step refuses the action in the version's
	// state (returned, replaced, approved already, sources changed).
	ErrRefused = catalog.NewClass(catalog.PgErrRefused).WithFault(fault.Refused)
)

// SendFailure is a send from the page that reached no one: one attempt
// was made (the page never retries within a request). Transient failures
// leave the version pending, and baocao serve tries again; the others need
// something fixed first.
type SendFailure struct {
	Transient bool
	Reason    string // short, in Vietnamese: "máy chủ thư không trả lời"
	Fix       string // what to fix, in Vietnamese; "" for a transient failure
	Err       error  // the detail, in English, for the log
}

func (e *SendFailure) Error() string { return "web: not sent: " + e.Err.Error() }
func (e *SendFailure) Unwrap() error { return e.Err }

// Fault is the failure's class: transient (the daemon tries again) or
// permanent (something must be fixed first).
func (e *SendFailure) Fault() fault.Class {
	if e.Transient {
		return fault.Transient
	}
	return fault.Permanent
}

// Backend is what the page shows and does. Every method must be safe for
// concurrent use.
type Backend interface {
	// Reports lists the configured reports, sorted by id.
	Reports(ctx context.Context) ([]Report, error)
	// Versions lists every archived version of a report ("" for all),
	// newest period first, newest version first within a period.
	Versions(ctx context.Context, report string) ([]VersionSummary, error)
	// Version is one version's whole story.
	Version(ctx context.Context, report, period string, n int) (*VersionDetail, error)
	// File opens a file of a version that its manifest lists (or the
	// manifest itself); any other name is ErrNotFound.
	File(ctx context.Context, report, period string, n int, name string) (*File, error)
	// Check reads every source, as `baocao validate -p period` does.
	Check(ctx context.Context, period string) (*DataCheck, error)
	// Run makes a new version of report for period, under the same lock
	// as the daemon and the command line; progress is told in Vietnamese.
	Run(ctx context.Context, who, report, period string, progress func(string)) (VersionRef, error)
	// Send delivers a version; a version sent before needs force
	// (ErrNeedsConfirm otherwise).
	Send(ctx context.Context, who string, v VersionRef, force bool) (*Delivery, error)
	// Approve approves a draft (as `baocao approve`) and returns the
	// version that goes to the district: the draft itself, or the newer
	// version carrying the number and date of issue. A refusal is
	// ErrRefused (or ErrBadInput) with the reason in Vietnamese.
	Approve(ctx context.Context, who string, v VersionRef, a Approval) (VersionRef, error)
	// Reject returns a draft with a reason (as `baocao reject`); by is the
	// account that decided.
	Reject(ctx context.Context, by Decider, v VersionRef, reason string) error
	// Plan is the plan in force: its reference, targets (threshold, how
	// each is measured) and tasks.
	Plan(ctx context.Context) (*PlanInfo, error)
	// UploadSigned takes the PDF signed by the unit's signing tool for an
	// approved version (as `baocao signed`): checked, stored, and sent
	// when the version waits for it. A refused file is ErrRefused with
	// the reason in Vietnamese; nothing is stored or sent then.
	UploadSigned(ctx context.Context, who string, v VersionRef, data []byte) (*SignedUpload, error)
}

// SignedUpload is what a signed copy's upload did.
type SignedUpload struct {
	Version VersionRef // the approved version it signs
	Fresh   bool       // false: that very copy was there already; nothing stored or sent
	Sent    bool       // the district's message went out now, carrying it
	Message string     // what happened, in Vietnamese
}

// SignedCopy is a version's signed copy (đã ký số).
type SignedCopy struct {
	File       string
	Bytes      int64
	Signers    []string // one line each, in Vietnamese: who, which CA, serial, validity, when
	ReceivedAt time.Time
	By, Via    string
}

// Report is one configured report.
type Report struct {
	ID         string
	Title      string    // e.g. "Báo cáo tháng"
	Schedule   string    // the cron spec, "" when none
	NextRun    time.Time // zero when not scheduled
	NextPeriod string    // the period the next run covers
	Latest     string    // the latest ended period: the default of "run now"
}

// VersionRef names one version.
type VersionRef struct {
	Report  string
	Period  string
	Version int
}

// State is where a version is in its life.
type State int

// States of a version.
const (
	StateUnknown           State = iota
	StateNotSent                 // archived, not (yet) to be sent
	StateDraft                   // waiting for approval
	StateApproved                // approved, not yet sent
	StateQueued                  // to be sent, no attempt yet
	StatePending                 // a transient failure: will be retried
	StateFailed                  // a permanent failure
	StateSent                    // delivered
	StateReturned                // returned by the reviewer
	StateSuperseded              // a newer version of the period exists
	StateMaybeSent               // the server took the message and gave no answer: it may have arrived
	StateAwaitingSignature       // approved, waiting for its signed copy (require_signed)
)

// Signing tells a version approved and waiting for its signed copy.
func (s State) Signing() bool { return s == StateAwaitingSignature }

// String is the state in Vietnamese, as the page shows it.
func (s State) String() string {
	switch s {
	case StateNotSent:
		return catalog.PgStateNotSent.String()
	case StateDraft:
		return catalog.PgStateDraft.String()
	case StateApproved:
		return catalog.PgStateApproved.String()
	case StateQueued:
		return catalog.PgStateQueued.String()
	case StatePending:
		return catalog.PgStatePending.String()
	case StateFailed:
		return catalog.PgStateFailed.String()
	case StateSent:
		return catalog.PgStateSent.String()
	case StateReturned:
		return catalog.PgStateReturned.String()
	case StateSuperseded:
		return catalog.PgStateSuperseded.String()
	case StateMaybeSent:
		return catalog.PgStateMaybeSent.String()
	case StateAwaitingSignature:
		return catalog.PgStateSignature.String()
	}
	return catalog.PgStateUnknown.String()
}

// Class is the state's CSS class.
func (s State) Class() string {
	switch s {
	case StateSent, StateApproved:
		return "ok"
	case StateFailed, StateReturned, StateMaybeSent:
		return "bad"
	case StatePending, StateDraft, StateQueued, StateAwaitingSignature:
		return "wait"
	}
	return "muted"
}

// Problem tells whether the state needs someone's attention.
func (s State) Problem() bool {
	return s == StateFailed || s == StatePending || s == StateReturned || s == StateMaybeSent
}

// VersionSummary is a line of the overview and the history.
type VersionSummary struct {
	VersionRef
	Year      int
	Generated time.Time
	State     State
	Deadline  time.Time // when the report is due; zero when unknown
	Measured  int       // indicators with a result
	Met       int
	Warnings  int
	SentAt    time.Time // the last successful attempt, zero if none
}

// Late tells whether the version is unsent past its deadline at now.
func (v VersionSummary) Late(now time.Time) bool {
	return !v.Deadline.IsZero() && now.After(v.Deadline) && v.State != StateSent && v.State != StateSuperseded
}

// VersionDetail is what the version page shows.
type VersionDetail struct {
	VersionSummary
	Title      string // the report's title
	From, To   string // the period's first and last day, dd/mm/yyyy
	Issued     string
	Files      []FileInfo // the manifest's outputs, then the manifest
	Indicators []Indicator
	Issues     []Issue
	Delivery   *Delivery   // nil when there is no record
	Recipients []string    // whom a send would reach
	Reviewers  []string    // who approves the report; empty when it is sent without review
	Story      []Event     // the version's story, oldest first: made, review messages, approval, return, deliveries
	Review     string      // one line on the review: approved by whom, returned why, issued from which draft
	IssuedAs   int         // for an approved draft: the version that carries its number and date, 0 if none
	IssuedFrom int         // for an issued document: the approved draft it was made from, 0 if none
	Signed     *SignedCopy // its signed copy, nil if none
	// NextNumber is, for a draft to approve, the next free number of the
	// year NextNumberYear (the draft's date of issue) in the unit's
	// outgoing register (0 when it cannot be read).
	NextNumber, NextNumberYear int
	Actions                    []Action
}

// Event is one step of a version's story.
type Event struct {
	At   time.Time
	What string
}

// Can tells whether an action applies.
func (d *VersionDetail) Can(a string) bool {
	for _, x := range d.Actions {
		if string(x) == a {
			return true
		}
	}
	return false
}

// Action is something a person can do to a version.
type Action string

// Actions on a version.
const (
	ActSend    Action = "send"
	ActResend  Action = "resend"
	ActApprove Action = "approve"
	ActReject  Action = "reject"
	ActSign    Action = "sign" // upload the signed copy
)

// FileInfo is one downloadable file.
type FileInfo struct {
	Name  string
	Kind  string // "PDF", "Excel", "Word", "Manifest"
	Bytes int64
}

// File is an open file of a version.
type File struct {
	Name        string
	ContentType string
	ModTime     time.Time
	Content     io.ReadSeekCloser
}

// Indicator is one row of the indicator table, formatted for display.
type Indicator struct {
	ID, Text, Target, Value, Numerator, Denominator, Status, Note string
	Met                                                           *bool
	Breakdown                                                     []Group
}

// Group is one line of an indicator's breakdown.
type Group struct {
	Key, Value, Numerator, Denominator, Target string
	Met                                        *bool
}

// Issue is a data warning or error.
type Issue struct {
	Severity, Source, File, Sheet, Column, Value, Message string
	Row                                                   int
}

// Delivery is a version's delivery record.
type Delivery struct {
	Status    State
	MessageID string
	Attempts  []Attempt
}

// LastSent is the latest successful attempt, nil if none.
func (d *Delivery) LastSent() *Attempt {
	for i := len(d.Attempts) - 1; i >= 0; i-- {
		if d.Attempts[i].OK {
			return &d.Attempts[i]
		}
	}
	return nil
}

// Attempt is one try to send.
type Attempt struct {
	At     time.Time
	To     []string
	Result string
	OK     bool
}

// Decider is the account that approves or returns: its full name, account
// name and role (accounts.Role), as the records keep them.
type Decider struct {
	Name, Account, Role string
}

// Signature is who decided as the records keep it: "Nguyễn Thị Hồng Vân
// (hiệu trưởng, tài khoản hieutruong)"; the name alone without an account.
func (d Decider) Signature() string {
	if d.Account == "" {
		return d.Name
	}
	return accounts.Account{Name: d.Account, FullName: d.Name, Role: accounts.Role(d.Role)}.Signature()
}

// Approval is what the reviewer gives when approving: who (from the
// account logged in, never typed), the note, the number and date.
type Approval struct {
	Name, Account, Role string
	Note                string
	Number              int
	Date                time.Time
	// ForceNumber issues with a number the outgoing register or another
	// report of the year already has.
	ForceNumber bool
}

// DataCheck is what `baocao validate` finds.
type DataCheck struct {
	Period  string
	Sources []Source
	Files   []FileIssues // warnings grouped by file, in source order
	Errors  int
	Total   int
}

// Source is one source file as read.
type Source struct {
	Name, Path string
	Title      string // the plan's title of the source: "Sổ theo dõi hồ sơ TTHC"
	Bytes      int64
	ModTime    time.Time
	Rows       int
	Error      string // the source cannot be used: what to fix
}

// FileIssues are the warnings of one file.
type FileIssues struct {
	File   string
	Issues []Issue
}
