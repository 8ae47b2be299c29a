package delivery

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
)

// ErrAlreadySent is returned when a version was sent before and sending
// again was not forced.
var ErrAlreadySent = errors.New("delivery: already sent")

// ErrBusy is returned when another process is sending the same version.
var ErrBusy = errors.New("delivery: another process is sending this version")

// Deliverer sends versions and records each attempt.
type Deliverer struct {
	settings Settings
	now      func() time.Time
	sleep    func(context.Context, time.Duration) error
}

// New returns a Deliverer; now may be nil.
func New(s Settings, now func() time.Time) *Deliverer {
	if now == nil {
		now = time.Now
	}
	return &Deliverer{settings: s.withDefaults(), now: now, sleep: sleepCtx}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Deliver sends msg for the version in dir, unless its record says it was
// sent (then ErrAlreadySent, unless force). Transient failures are retried
// with back-off; every attempt is recorded. It returns the final record.
func (d *Deliverer) Deliver(ctx context.Context, dir string, msg *Message, force bool) (*Record, error) {
	lock := flock.New(filepath.Join(dir, ".delivery.lock"))
	ok, err := lock.TryLock()
	if err != nil {
		return nil, fmt.Errorf("delivery: %w", err)
	}
	if !ok {
		return nil, ErrBusy
	}
	defer lock.Unlock()

	rec, _, err := LoadRecord(dir)
	if err != nil {
		return nil, err
	}
	if rec.Status == Sent && !force {
		return rec, fmt.Errorf("%w (message %s); use --force to send it again", ErrAlreadySent, rec.MessageID)
	}
	rec.MessageID = "<" + msg.MessageID + ">"
	if size := msg.Size(); size > d.settings.MaxBytes {
		err := fmt.Errorf("%w: the attachments take %s, over the limit of %s ([smtp] max_attachment_mb)", ErrPermanent, size2(size), size2(d.settings.MaxBytes))
		return rec, d.record(dir, rec, msg, err)
	}
	raw, err := Compose(msg)
	if err != nil {
		return rec, d.record(dir, rec, msg, fmt.Errorf("%w: %v", ErrPermanent, err))
	}
	for try := 0; ; try++ {
		err = sendOnce(ctx, d.settings, msg.envelopeFrom(), msg.Recipients(), raw)
		if rerr := d.record(dir, rec, msg, err); rerr != nil && err == nil {
			return rec, rerr
		}
		if err == nil || errors.Is(err, ErrPermanent) || try >= len(d.settings.Backoff) {
			return rec, err
		}
		if serr := d.sleep(ctx, d.settings.Backoff[try]); serr != nil {
			return rec, err
		}
	}
}

// record appends an attempt with its result and saves the record; it
// returns err (the attempt's) or the error saving.
func (d *Deliverer) record(dir string, rec *Record, msg *Message, err error) error {
	result := "sent"
	switch {
	case err == nil:
		rec.Status = Sent
	case errors.Is(err, ErrPermanent):
		rec.Status, result = Failed, err.Error()
	default:
		rec.Status, result = Pending, err.Error()
	}
	rec.Attempts = append(rec.Attempts, Attempt{At: d.now().Format(time.RFC3339), To: msg.Recipients(), Result: result})
	if serr := rec.Save(dir); serr != nil {
		if err != nil {
			return errors.Join(err, serr)
		}
		return serr
	}
	return err
}

func size2(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// Try sends msg once, recording nothing: a check of the settings.
func (d *Deliverer) Try(ctx context.Context, msg *Message) error {
	raw, err := Compose(msg)
	if err != nil {
		return err
	}
	return sendOnce(ctx, d.settings, msg.envelopeFrom(), msg.Recipients(), raw)
}
