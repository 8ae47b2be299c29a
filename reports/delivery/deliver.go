package delivery

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"

	"github.com/gofrs/flock"

	"github.com/mn2010/baocao/internal/crashpoint"
)

// ErrAlreadySent is returned when a version was sent before and sending
// again was not forced.
var ErrAlreadySent = catalog.NewClass(catalog.ClassAlreadySent).WithFault(fault.Refused)

// ErrSuperseded is returned for a version that must not be sent because a
// newer version of its period was sent.
var ErrSuperseded = catalog.NewClass(catalog.ClassSuperseded).WithFault(fault.Refused)

// ErrNotApproved is returned for a version that waits for a reviewer or
// was returned: it is never sent to the district.
var ErrNotApproved = catalog.NewClass(catalog.ClassNotApproved).WithFault(fault.Refused)

// ErrMaybeSent is returned for a version whose last attempt ended with
// no answer after the whole message went to the server (status
// "uncertain"): it may have arrived, so it is sent again only when forced,
// by a person who checked.
var ErrMaybeSent = catalog.NewClass(catalog.ClassMaybeSent)

// ErrBusy is returned when another process is sending the same version.
var ErrBusy = catalog.NewClass(catalog.ClassBusy).WithFault(fault.Transient)

// ErrNotRecorded is returned when the record cannot be written before an
// attempt: nothing is sent, since an unrecorded copy could be sent again.
var ErrNotRecorded = catalog.NewClass(catalog.ClassNotRecorded).WithFault(fault.Permanent)

// Options tune a Deliverer; zero values are fine.
type Options struct {
	Now  func() time.Time
	Save func(dir string, r *Record) error // writes the record; (*Record).SaveNamed by default
	// Record is the record's file name in the version folder: RecordName
	// (the district's message) by default; the review message and the
	// reminders each have their own.
	Record string
}

// Deliverer sends versions and records each attempt.
type Deliverer struct {
	settings Settings
	now      func() time.Time
	save     func(dir string, r *Record) error
	name     string
	sleep    func(context.Context, time.Duration) error
}

// New returns a Deliverer.
func New(s Settings, o Options) *Deliverer {
	d := &Deliverer{settings: s.withDefaults(), now: o.Now, save: o.Save, name: o.Record, sleep: sleepCtx}
	if d.now == nil {
		d.now = time.Now
	}
	if d.name == "" {
		d.name = RecordName
	}
	if d.save == nil {
		d.save = func(dir string, r *Record) error { return r.SaveNamed(dir, d.name) }
	}
	return d
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
// sent or superseded (then ErrAlreadySent or ErrSuperseded, unless force).
// Before each attempt the record says it is in flight; if that cannot be
// written nothing is sent. Transient failures are retried with back-off
// until ctx ends; an attempt under way when ctx ends is finished (it is
// bounded by its own deadline). It returns the final record.
func (d *Deliverer) Deliver(ctx context.Context, dir string, msg *Message, force bool) (*Record, error) {
	lockName := ".delivery.lock"
	if d.name != RecordName {
		lockName = "." + strings.TrimSuffix(d.name, ".json") + ".lock"
	}
	lock := flock.New(filepath.Join(dir, lockName))
	ok, err := lock.TryLock()
	if err != nil { // the folder cannot be written: neither can the record
		return nil, ErrNotRecorded.Newf(catalog.DlvNotRecorded, dir, catalog.Why(err))
	}
	if !ok {
		return nil, ErrBusy
	}
	defer lock.Unlock()
	rec, _, err := LoadNamed(dir, d.name)
	if err != nil {
		return nil, err
	}
	switch {
	case rec.Status == Draft || rec.Status == Returned: // even forced
		return rec, ErrNotApproved.Newf(catalog.DlvNotApproved, rec.Status)
	case rec.Status == AwaitingSignature && d.name == RecordName: // even forced: the caller releases it
		return rec, ErrNotApproved.Newf(catalog.DlvAwaitSigned)
	case rec.Unapproved: // even forced
		return rec, ErrSuperseded.Newf(catalog.DlvReplacedDraft, rec.SupersededBy)
	case rec.Status == Sent && !force:
		return rec, fmt.Errorf("%w%s", ErrAlreadySent, catalog.DlvSentBefore.F(rec.MessageID))
	case rec.Status == Uncertain && !force:
		return rec, fmt.Errorf("%w%s", ErrMaybeSent, catalog.DlvMaybeSent.F(rec.MessageID, rec.lastAt()))
	case rec.Status == Superseded && !force:
		return rec, fmt.Errorf("%w%s", ErrSuperseded, catalog.DlvNewerSent.F(rec.SupersededBy))
	}
	msg = d.identify(rec, msg, force)
	round := 1
	for _, a := range rec.Attempts {
		round = max(round, a.Round+1)
	}
	if size := msg.Size(); size > d.settings.MaxBytes {
		err := fail(FaultTooLarge, ErrPermanent, "the attachments take %s, over the limit of %s ([smtp] max_attachment_mb)", size2(size), size2(d.settings.MaxBytes)).
			where(catalog.SmtpAtSize.P(size2(size), size2(d.settings.MaxBytes)))
		return rec, d.finish(dir, d.begin(rec, msg, round), err)
	}
	raw, err := Compose(msg)
	if err != nil {
		return rec, d.finish(dir, d.begin(rec, msg, round), fail(FaultOther, ErrPermanent, "%v", err))
	}
	for try := 0; ; try++ {
		if try > 0 && ctx.Err() != nil {
			return rec, err
		}
		a := d.begin(rec, msg, round)
		if serr := d.save(dir, a.rec); serr != nil {
			a.undo()
			return rec, ErrNotRecorded.Newf(catalog.DlvNotRecorded, dir, catalog.Why(serr))
		}
		crashpoint.Hit(crashpoint.InFlight)
		// The attempt is not cut short by ctx: its deadline bounds it,
		// and a stop (SIGTERM) lets it finish.
		err = sendOnce(context.WithoutCancel(ctx), d.settings, msg.envelopeFrom(), msg.Recipients(), raw, len(raw))
		if rerr := d.finish(dir, a, err); rerr != nil && err == nil {
			return rec, rerr
		}
		if err == nil {
			crashpoint.Hit(crashpoint.Recorded)
		}
		// An uncertain outcome is never retried: the message may be in
		// the district's mailbox already.
		if err == nil || errors.Is(err, ErrPermanent) || errors.Is(err, ErrUncertain) || try >= len(d.settings.Backoff) {
			return rec, err
		}
		if serr := d.sleep(ctx, d.settings.Backoff[try]); serr != nil {
			return rec, err
		}
	}
}

// attempt is an attempt appended to a record, in flight.
type attempt struct {
	rec    *Record
	status Status
}

func (d *Deliverer) begin(rec *Record, msg *Message, round int) attempt {
	a := attempt{rec: rec, status: rec.Status}
	rec.Attempts = append(rec.Attempts, Attempt{At: d.now().Format(time.RFC3339), To: msg.Recipients(), Result: InFlight, Round: round})
	return a
}

func (a attempt) undo() {
	a.rec.Attempts = a.rec.Attempts[:len(a.rec.Attempts)-1]
	a.rec.Status = a.status
}

// finish gives the attempt its result and saves the record; it returns err
// (the attempt's) or the error saving.
func (d *Deliverer) finish(dir string, a attempt, err error) error {
	rec := a.rec
	result := "sent"
	switch {
	case err == nil:
		rec.Status = Sent
	case errors.Is(err, ErrPermanent):
		rec.Status, result = Failed, English(err)
	case errors.Is(err, ErrUncertain):
		rec.Status, result = Uncertain, English(err)
	default:
		rec.Status, result = Pending, English(err)
	}
	rec.Attempts[len(rec.Attempts)-1].Result = result
	if err != nil && catalog.Current() != catalog.English {
		rec.Attempts[len(rec.Attempts)-1].Said = err.Error()
	}
	if serr := d.save(dir, rec); serr != nil {
		if err != nil {
			return errors.Join(err, serr)
		}
		return catalog.DlvSentUnrecord.Errorf(catalog.Why(serr))
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
	return sendOnce(ctx, d.settings, msg.envelopeFrom(), msg.Recipients(), raw, len(raw))
}

// identify gives msg its Message-ID and records it. A forced send of a
// message that went out before is a deliberate resend: it gets a new
// Message-ID (the stable one with ".r2", ".r3"… before the "@") referring
// to the original, since Gmail and Exchange drop a second message with a
// Message-ID they have seen. Anything else — a first send, an automatic
// retry, the repeat of an attempt interrupted after the server may have
// taken it — keeps the record's Message-ID, so a copy that did arrive
// is recognised as the same message.
func (d *Deliverer) identify(rec *Record, msg *Message, force bool) *Message {
	out := *msg
	switch {
	case rec.Status == Uncertain && rec.MessageID != "":
		// A resend decided after an unknown outcome repeats that message
		// with its Message-ID: a mail server that did take it drops the
		// copy, one that did not delivers it.
		out.MessageID = strings.Trim(rec.MessageID, "<>")
		if rec.Original != "" && rec.Original != rec.MessageID {
			out.References = strings.Trim(rec.Original, "<>")
		}
	case force && rec.sentBefore():
		if rec.Original == "" {
			rec.Original = rec.MessageID
			if rec.Original == "" {
				rec.Original = "<" + msg.MessageID + ">"
			}
		}
		rec.Resends++
		out.MessageID = ResendID(msg.MessageID, rec.Resends+1)
		out.References = strings.Trim(rec.Original, "<>")
	case rec.Original != "" && rec.MessageID != "": // a resend not finished: the same one again
		out.MessageID = strings.Trim(rec.MessageID, "<>")
		out.References = strings.Trim(rec.Original, "<>")
	}
	rec.MessageID = "<" + out.MessageID + ">"
	return &out
}

// ResendID is the Message-ID of the n-th copy (n ≥ 2) of the message with
// Message-ID id: "baocao.x.v1@hcm.edu.vn" gives "baocao.x.v1.r2@hcm.edu.vn".
func ResendID(id string, n int) string {
	at := strings.LastIndexByte(id, '@')
	if at < 0 {
		return fmt.Sprintf("%s.r%d", id, n)
	}
	return fmt.Sprintf("%s.r%d%s", id[:at], n, id[at:])
}
