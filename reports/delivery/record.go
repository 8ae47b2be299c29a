package delivery

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/mn2010/baocao/reports/archive"
)

// RecordName is the delivery record's file name in a version folder.
const RecordName = "delivery.json"

// Statuses of a delivery.
const (
	Sent    = "sent"
	Pending = "pending" // a transient failure: to be retried
	Failed  = "failed"  // a permanent failure: needs a fix, then `baocao send`
)

// Record is delivery.json.
type Record struct {
	Status    string    `json:"status"`
	MessageID string    `json:"message_id"`
	Attempts  []Attempt `json:"attempts"`
}

// Attempt is one try to send.
type Attempt struct {
	At     string   `json:"at"`
	To     []string `json:"to"`
	Result string   `json:"result"`
}

// LoadRecord reads dir's delivery record; a version never sent has none.
func LoadRecord(dir string) (*Record, bool, error) {
	b, err := os.ReadFile(filepath.Join(dir, RecordName))
	if errors.Is(err, fs.ErrNotExist) {
		return &Record{}, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("delivery: %w", err)
	}
	var r Record
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, false, fmt.Errorf("delivery: %s: %w", filepath.Join(dir, RecordName), err)
	}
	return &r, true, nil
}

// Save replaces dir's delivery record atomically.
func (r *Record) Save(dir string) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("delivery: %w", err)
	}
	return archive.ReplaceFile(filepath.Join(dir, RecordName), append(b, '\n'))
}

// MarkPending records that a version is to be sent, unless it has a record
// already: a process that stops between archiving and sending leaves the
// version pending, for the daemon to send.
func MarkPending(dir string) error {
	if _, ok, err := LoadRecord(dir); err != nil || ok {
		return err
	}
	return (&Record{Status: Pending, Attempts: []Attempt{}}).Save(dir)
}
