package delivery

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

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
	Status       Status    `json:"status"`
	MessageID    string    `json:"message_id"`
	SupersededBy int       `json:"superseded_by,omitempty"` // the version sent instead
	Attempts     []Attempt `json:"attempts"`
}

// Attempt is one try to send. The tries of one delivery round (one
// `send`, one run, one daemon retry) share a round number.
type Attempt struct {
	At     string   `json:"at"`
	To     []string `json:"to"`
	Result string   `json:"result"`
	Round  int      `json:"round,omitempty"`
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

// LoadRecord reads dir's delivery record. A version without one (archived
// before records were written with the version, or whose record was lost)
// is pending: ok is false and the record says so.
func LoadRecord(dir string) (rec *Record, ok bool, err error) {
	b, err := os.ReadFile(filepath.Join(dir, RecordName))
	if errors.Is(err, fs.ErrNotExist) {
		return &Record{Status: Pending, Attempts: []Attempt{}}, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("delivery: %w", err)
	}
	var r Record
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, false, fmt.Errorf("delivery: %s: %w", filepath.Join(dir, RecordName), err)
	}
	if r.Status == "" {
		r.Status = Pending
	}
	return &r, true, nil
}

// Save replaces dir's delivery record atomically.
func (r *Record) Save(dir string) error {
	b, err := r.Bytes()
	if err != nil {
		return err
	}
	if err := archive.ReplaceFile(filepath.Join(dir, RecordName), b); err != nil {
		return fmt.Errorf("delivery: %w", err)
	}
	return nil
}

// Unknown reports whether the last attempt was interrupted after it was
// recorded as in flight: the server may have accepted the message.
func (r *Record) Unknown() bool {
	return len(r.Attempts) > 0 && r.Attempts[len(r.Attempts)-1].Result == InFlight
}

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
// by of the same period was sent. A version already sent keeps its record.
func Supersede(dir string, by int) (bool, error) {
	rec, _, err := LoadRecord(dir)
	if err != nil {
		return false, err
	}
	if rec.Status == Sent || rec.Status == Superseded {
		return false, nil
	}
	rec.Status, rec.SupersededBy = Superseded, by
	return true, rec.Save(dir)
}
