package delivery

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/reports/archive"
)

// RecordName is the delivery record's file name in a version folder.
const RecordName = "delivery.json"

// InFlight is the result of an attempt under way: it is written before
// the message is handed to the server and replaced by the outcome. A
// record whose last attempt still says so was interrupted, and the
// message may or may not have arrived.
const InFlight = "in flight"

// Record is delivery.json.
type Record struct {
	Status       Status `json:"status"`
	MessageID    string `json:"message_id"`
	SupersededBy int    `json:"superseded_by,omitempty"` // the version sent (or drafted) instead
	// IssuedAs is, for an approved draft, the newer version that carries
	// the approved document with its number and date of issue: that one is
	// sent, this one never.
	IssuedAs int `json:"issued_as,omitempty"`
	// Unapproved marks a draft superseded before it was approved: it is
	// never sent, even forced.
	Unapproved bool `json:"unapproved,omitempty"`
	// Resends counts deliberate resends (send --force of a message that
	// went out): each gets a new Message-ID, "….r2@…" for the first, so
	// that mail servers do not drop it as a duplicate. Original is the
	// Message-ID of the first message sent, which a resend refers to.
	Resends  int       `json:"resends,omitempty"`
	Original string    `json:"original_message_id,omitempty"`
	Attempts []Attempt `json:"attempts"`
}

// sentBefore reports whether a message of this record went out: the
// record says sent, or an attempt did.
func (r *Record) sentBefore() bool {
	if r.Status == Sent {
		return true
	}
	for _, a := range r.Attempts {
		if a.Result == "sent" {
			return true
		}
	}
	return false
}

// Attempt is one try to send. The tries of one delivery round (one
// `send`, one run, one daemon retry) share a round number.
type Attempt struct {
	At     string   `json:"at"`
	To     []string `json:"to"`
	Result string   `json:"result"` // "sent", "in flight", or the failure in English (the server's words)
	// Said is a failure as the person who sent it read it, in Vietnamese
	// (the language in force then, when not English): what status and
	// the page show.
	Said  string `json:"said,omitempty"`
	Round int    `json:"round,omitempty"`
}

// Words is what the attempt's result says to a person in the language in
// force: Said in Vietnamese when recorded, else Result ("sent" and "in
// flight" and a failure's class in the catalogue's words).
func (a Attempt) Words() string {
	if a.Said != "" && catalog.Current() != catalog.English {
		return a.Said
	}
	return catalog.AttemptResult(a.Result)
}

// NewRecord is the record a version starts with: pending when mail is on,
// held when it was archived with --no-email.
func NewRecord(held bool) *Record {
	if held {
		return &Record{Status: Held, Attempts: []Attempt{}}
	}
	return &Record{Status: Pending, Attempts: []Attempt{}}
}

// Bytes is the record as written to delivery.json.
func (r *Record) Bytes() ([]byte, error) {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("delivery: %w", err)
	}
	return append(b, '\n'), nil
}

// NewDraft is the record of a version that waits for a reviewer.
func NewDraft() *Record { return &Record{Status: Draft, Attempts: []Attempt{}} }

// ToSend reports whether the version is to be sent (now or on a retry):
// pending, or approved and not issued as another version.
func (r *Record) ToSend() bool {
	return r.Status == Pending || r.Status == Approved && r.IssuedAs == 0
}

// LoadRecord reads dir's delivery record. A version without one (archived
// before records were written with the version, or whose record was lost)
// is pending: ok is false and the record says so.
func LoadRecord(dir string) (rec *Record, ok bool, err error) {
	return LoadNamed(dir, RecordName)
}

// LoadNamed reads the record of one message of a version (the review
// message, a reminder) from its file name in dir; an absent one is
// pending, with ok false.
func LoadNamed(dir, name string) (rec *Record, ok bool, err error) {
	b, err := os.ReadFile(filepath.Join(dir, name))
	if errors.Is(err, fs.ErrNotExist) {
		return &Record{Status: Pending, Attempts: []Attempt{}}, false, nil
	}
	if err != nil {
		return nil, false, catalog.DlvRecord.Errorf(filepath.Join(dir, name), catalog.Why(err))
	}
	var r Record
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, false, catalog.DlvRecord.Errorf(filepath.Join(dir, name), err)
	}
	if r.Status == "" {
		r.Status = Pending
	}
	return &r, true, nil
}

// Save replaces dir's delivery record atomically.
func (r *Record) Save(dir string) error { return r.SaveNamed(dir, RecordName) }

// SaveNamed replaces the record file name in dir atomically.
func (r *Record) SaveNamed(dir, name string) error {
	b, err := r.Bytes()
	if err != nil {
		return err
	}
	if err := archive.ReplaceFile(filepath.Join(dir, name), b); err != nil {
		return catalog.DlvRecord.Errorf(filepath.Join(dir, name), catalog.Why(err))
	}
	return nil
}

// Unknown reports whether the last attempt was interrupted after it was
// recorded as in flight: the server may have accepted the message.
func (r *Record) Unknown() bool {
	return len(r.Attempts) > 0 && r.Attempts[len(r.Attempts)-1].Result == InFlight
}

// lastAt is when the last attempt began, as recorded; "" if none.
func (r *Record) lastAt() string {
	if len(r.Attempts) == 0 {
		return ""
	}
	return r.Attempts[len(r.Attempts)-1].At
}

// MaybeSent reports whether the version's message may have arrived
// without the server saying so: an attempt ended with no answer after the
// whole message was sent (status uncertain), or one was interrupted in
// flight.
func (r *Record) MaybeSent() bool { return r.Status == Uncertain || r.Unknown() && r.Status != Sent }

// Rounds counts the delivery rounds the record holds. Attempts written
// before rounds were numbered count one each.
func (r *Record) Rounds() int {
	n, last := 0, -1
	for _, a := range r.Attempts {
		if a.Round == 0 || a.Round != last {
			n++
		}
		last = a.Round
	}
	return n
}

// LastAttempt is when the last attempt was made; zero if none.
func (r *Record) LastAttempt() time.Time {
	if len(r.Attempts) == 0 {
		return time.Time{}
	}
	t, _ := time.Parse(time.RFC3339, r.Attempts[len(r.Attempts)-1].At)
	return t
}

// Supersede marks the version in dir as never to be sent because version
// by of the same period was sent (or, for a draft, made after it). A
// version sent, superseded or returned keeps its record, and so does an
// approved draft issued as another version.
func Supersede(dir string, by int) (bool, error) {
	rec, _, err := LoadRecord(dir)
	if err != nil {
		return false, err
	}
	switch {
	case rec.Status == Sent, rec.Status == Superseded, rec.Status == Returned,
		rec.Status == Approved && rec.IssuedAs != 0:
		return false, nil
	}
	if rec.Status == Draft {
		rec.Unapproved = true
	}
	rec.Status, rec.SupersededBy = Superseded, by
	return true, rec.Save(dir)
}
