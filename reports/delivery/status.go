package delivery

import "github.com/mn2010/baocao/internal/catalog"

// Status is where a version stands: made, reviewed, sent. A closed
// vocabulary, so that a record with an unknown word is an error, not a
// guess.
type Status string

// Statuses of a version. A report without reviewers starts pending (or
// held); one with reviewers starts as a draft, which is returned or
// approved, and only an approved version is sent.
const (
	Draft      Status = "draft"      // waiting for a reviewer: never sent to the district
	Returned   Status = "returned"   // a reviewer returned it: never sent nor approved
	Approved   Status = "approved"   // approved: to be sent (or issued as a newer version, Record.IssuedAs)
	Pending    Status = "pending"    // to be sent (or retried after a transient failure)
	Sent       Status = "sent"       // the server accepted it
	Failed     Status = "failed"     // a permanent failure: needs a fix, then `baocao send`
	Held       Status = "held"       // archived with --no-email: sent only by `baocao send`
	Superseded Status = "superseded" // a newer version of the period was sent or drafted: never sent
	// AwaitingSignature: approved (or made, without reviewers) for a
	// report with require_signed: sent once its signed copy arrives.
	AwaitingSignature Status = "awaiting-signature"
	// Uncertain: the whole message went to the server, which then neither
	// accepted nor refused it (the connection dropped or timed out before
	// its answer): it may have arrived. Never retried automatically; a
	// resend is a person's decision (send --force, the page's "Gửi lại").
	Uncertain Status = "uncertain"
)

var statusNames = map[Status]*catalog.Msg{
	Draft:             catalog.StatusDraft,
	Returned:          catalog.StatusReturned,
	Approved:          catalog.StatusApproved,
	Pending:           catalog.StatusPending,
	Sent:              catalog.StatusSent,
	Failed:            catalog.StatusFailed,
	Held:              catalog.StatusHeld,
	Superseded:        catalog.StatusSuperseded,
	Uncertain:         catalog.StatusUncertain,
	AwaitingSignature: catalog.StatusAwaitingSignature,
}

// String is the name of the status in the language in force (Vietnamese
// by default).
func (s Status) String() string {
	if n, ok := statusNames[s]; ok {
		return n.String()
	}
	return string(s)
}

// MarshalText writes the status's English word, as delivery.json has it.
func (s Status) MarshalText() ([]byte, error) {
	if _, ok := statusNames[s]; !ok {
		return nil, catalog.DlvUnknownStatus.Errorf(string(s))
	}
	return []byte(s), nil
}

// UnmarshalText reads a status word, refusing unknown ones.
func (s *Status) UnmarshalText(b []byte) error {
	v := Status(b)
	if _, ok := statusNames[v]; !ok {
		return catalog.DlvUnknownStatus.Errorf(string(b))
	}
	*s = v
	return nil
}
