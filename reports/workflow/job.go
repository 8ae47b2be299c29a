package workflow

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"

	"github.com/mn2010/baocao/internal/crashpoint"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/period"
)

// Job is the one workflow of `baocao run`, `baocao send` and the daemon:
// lock the report → make → archive the version with its delivery record
// (pending when mail is on) → send → record. The mail settings are read
// before (a setting that cannot work stops everything before anything is
// archived).
type Job struct {
	maker *Flow
	mail  *delivery.Settings
	tell  func(Notice)
}

// NoticeKind is what a Job's notice is about.
type NoticeKind uint8

// The kinds of notice.
const (
	Waiting    NoticeKind = iota + 1 // another run of the report holds its lock
	Superseded                       // an older version will never be approved or sent
	Completing                       // an approval a crash interrupted is being completed
	Sending                          // a signed copy arrived: its version is sent now
	Problem                          // something the job could not record or list
)

// Notice is what a Job tells while it works: its kind, a line in English
// for the daemon's log (Text), and the same line in the language in force
// for the command line (String).
type Notice struct {
	Kind NoticeKind
	Text string
	say  string
}

func (n Notice) String() string {
	if n.say == "" {
		return n.Text
	}
	return n.say
}

// NewJob returns the workflow for a maker. mail nil archives only: the
// version is "held", sent only by `baocao send`. notify, if not nil, is
// told of waits and of versions superseded; the archive's own warnings go
// where the maker was told (WarnTo).
func NewJob(m *Flow, mail *delivery.Settings, notify func(Notice)) *Job {
	if notify == nil {
		notify = func(Notice) {}
	}
	return &Job{maker: m, mail: mail, tell: notify}
}

// notify tells the job's owner a notice of kind k.
func (j *Job) notify(k NoticeKind, m *catalog.Msg, args ...any) {
	j.tell(Notice{Kind: k, Text: m.FIn(catalog.English, args...), say: m.F(args...)})
}

// RunOptions are the details of one run.
type RunOptions struct {
	reports.Options
	// HoldWithoutData files a version whose period has no row of any
	// dated source (Manifest.NoPeriodData) as held instead of pending,
	// and without a reviewers' message: the daemon's runs, which must not
	// mail the district a report with nothing in it.
	HoldWithoutData bool
	// OnlyNew skips the run when the period has a version already (the
	// daemon's scheduled runs; `baocao run` makes a new version).
	OnlyNew bool
	// Force makes a new draft of a reviewed report even though the period
	// has an approved version not sent yet: that one is superseded.
	Force bool
	// Archived, if not nil, is told when the version is visible, before it
	// is sent.
	Archived func(e archive.Entry, man *reports.Manifest)
}

// Outcome is what a run did.
type Outcome struct {
	Entry    archive.Entry
	Manifest *reports.Manifest // nil when skipped
	Skipped  bool              // OnlyNew, and the period had the version Entry
	Record   *delivery.Record
	SendErr  error // the version is archived but not sent (Record says pending or failed)
	// Draft is set when the report has reviewers: the version waits for
	// approval, and Record and SendErr are those of the reviewers'
	// message (nil Record when mail is off).
	Draft bool
	// AwaitingSignature is set for a report with require_signed and no
	// reviewers: nothing was sent; the version waits for its signed copy.
	AwaitingSignature bool
	// NoData is set when the period has no row of any dated source
	// (reports.Manifest.NoPeriodData); with Options.HoldWithoutData nothing was
	// mailed.
	NoData bool
}

// Run makes report id for period p, archives it and, when mail is on,
// sends it. err is a run that archived nothing; a failed delivery is
// Outcome.SendErr.
func (j *Job) Run(ctx context.Context, id string, p period.Period, opt RunOptions) (Outcome, error) {
	if err := j.maker.CheckIssue(p, opt.Number, opt.Issued); err != nil {
		return Outcome{}, err
	}
	unlock, err := j.lock(id)
	if err != nil {
		return Outcome{}, err
	}
	defer unlock()
	if opt.OnlyNew {
		if e, ok, err := j.maker.store.Latest(id, p.Label()); err != nil || ok {
			return Outcome{Entry: e, Skipped: ok}, err
		}
	}
	if j.mail != nil {
		if err := j.maker.checkRecipients(id); err != nil {
			return Outcome{}, err
		}
	}
	reviewed := j.maker.cfg.Reports[id].Reviewed()
	var stranded []archive.Entry
	if reviewed {
		if stranded, err = j.maker.approvedUnsent(id, p.Label()); err != nil {
			return Outcome{}, err
		}
		if len(stranded) > 0 && !opt.Force {
			return Outcome{}, j.maker.refuseStranding(stranded[0])
		}
	}
	// The version is filed with its delivery record (and, for a draft
	// when mail is on, the record of the reviewers' message owed), so that
	// it is never visible without them.
	rec, review := delivery.NewRecord(j.mail == nil), (*delivery.Record)(nil)
	signedFirst := !reviewed && j.maker.requireSigned(id)
	if signedFirst {
		rec.Status = delivery.AwaitingSignature
	}
	if reviewed {
		rec = delivery.NewDraft()
		if j.mail != nil {
			review = delivery.NewRecord(false)
		}
	}
	opt.Records = func(man *reports.Manifest) ([]archive.File, error) {
		if opt.HoldWithoutData && len(man.NoPeriodData) > 0 {
			if rec.Status == delivery.Pending {
				rec = delivery.NewRecord(true)
			}
			review = nil
		}
		return records(rec, review)
	}
	entry, man, err := j.maker.Make(id, p, opt.Options)
	if err != nil {
		return Outcome{}, err
	}
	crashpoint.Hit(crashpoint.Archived)
	if opt.Archived != nil {
		opt.Archived(entry, man)
	}
	out := Outcome{Entry: entry, Manifest: man, Draft: reviewed, NoData: len(man.NoPeriodData) > 0, AwaitingSignature: signedFirst}
	// Options.HoldWithoutData (the daemon's runs): a period without data is
	// archived held and mailed to no one; `baocao run` sends as before.
	hold := out.NoData && opt.HoldWithoutData
	if reviewed {
		j.supersedeApproved(entry, stranded)
		j.supersedeDrafts(entry)
		if j.mail != nil && !hold {
			out.Record, out.SendErr = j.SendReview(ctx, entry)
		}
		return out, nil
	}
	if j.mail != nil && !hold && !signedFirst {
		out.Record, out.SendErr = j.send(ctx, entry, false)
	}
	return out, nil
}

// supersedeDrafts marks the older drafts of e's period, still waiting for
// review, as replaced by e: they can no longer be approved.
func (j *Job) supersedeDrafts(e archive.Entry) {
	for _, o := range j.older(e) {
		rec, _, err := delivery.LoadRecord(o.Dir)
		if err != nil || rec.Status != delivery.Draft {
			continue
		}
		if a, _ := ReadApproval(o.Dir); a != nil {
			continue // approved; completed by send or the daemon
		}
		if ret, _ := ReadReturn(o.Dir); ret != nil {
			continue
		}
		if done, err := delivery.Supersede(o.Dir, e.Version); err != nil {
			j.notify(Problem, catalog.NoteNotSuperseded, j.maker.ref(o), err)
		} else if done {
			j.notify(Superseded, catalog.NoteReplacedDraft, j.maker.ref(o), e.Version)
		}
	}
}

// SendReview sends the reviewers' message of a draft, once: its record
// (review.json) says whether it was sent.
func (j *Job) SendReview(ctx context.Context, e archive.Entry) (*delivery.Record, error) {
	if j.mail == nil {
		return nil, delivery.ErrSettings.Newf(catalog.MailNoHost)
	}
	msg, err := j.maker.ReviewMessage(e)
	if err != nil {
		return nil, err
	}
	return delivery.New(*j.mail, delivery.Options{Now: j.maker.now, Record: ReviewMailName}).Deliver(ctx, e.Dir, msg, false)
}

// ErrReviewMailed is returned (with delivery.ErrNotApproved) by Send for
// a draft whose reviewers' message it sent: the draft itself is not sent,
// but what `send` could do for it is done.
var ErrReviewMailed = errors.New("reports: review message sent")

// reviewMailed says what Send did for a draft: it is ErrReviewMailed and
// delivery.ErrNotApproved, and reads as its message alone.
type reviewMailed string

func (e reviewMailed) Error() string { return string(e) }

// Fault is the class of delivery.ErrNotApproved: the draft is not sent.
func (e reviewMailed) Fault() fault.Class { return fault.Refused }

func (e reviewMailed) Is(target error) bool {
	return target == ErrReviewMailed || target == delivery.ErrNotApproved
}

// Send mails an archived version, under its report's lock: once, unless
// forced, and never one superseded by a newer version that was sent. A
// draft is never sent: Send completes an approval a crash interrupted and
// sends the approved document, delivers a reviewers' message still owed,
// and otherwise says why the draft cannot go.
func (j *Job) Send(ctx context.Context, e archive.Entry, force bool) (*delivery.Record, error) {
	unlock, err := j.lock(e.Report)
	if err != nil {
		return nil, err
	}
	defer unlock()
	to, err := j.sendable(ctx, e)
	if err != nil {
		return nil, err
	}
	return j.send(ctx, to, force)
}

// sendable is the version to send for e: e, or the document issued from
// it; an error says why there is none.
func (j *Job) sendable(ctx context.Context, e archive.Entry) (archive.Entry, error) {
	loc := j.maker.cfg.Location
	if ret, err := ReadReturn(e.Dir); err != nil {
		return e, err
	} else if ret != nil {
		return e, ErrReturned.Newf(catalog.WfReturnedNever, j.maker.reportName(e.Report), e.Period, e.Version, ret.Decider(), stamp(ret.At, loc), ret.Reason, e.Report, e.Period)
	}
	rec, recorded, err := delivery.LoadRecord(e.Dir)
	if err != nil {
		return e, err
	}
	if man, err := reports.ReadManifest(e.Dir); err == nil && man.IssuedFrom != nil {
		// The document issued from an approved draft: finish the draft's
		// records first if a crash left them behind.
		draft := archive.Entry{Report: e.Report, Period: e.Period, Version: man.IssuedFrom.Version,
			Dir: filepath.Join(filepath.Dir(e.Dir), fmt.Sprint("v", man.IssuedFrom.Version))}
		if a, err := ReadApproval(draft.Dir); err != nil {
			return e, err
		} else if a == nil {
			return e, delivery.ErrNotApproved.Newf(catalog.WfIssuedNoApprov, j.maker.ref(e), draft.Version, ApprovalName, draft.Version, e.Report, e.Period, draft.Version)
		}
		if _, _, err := j.completeLocked(draft); err != nil {
			return e, err
		}
		return e, nil
	}
	if !recorded && j.maker.cfg.Reports[e.Report] != nil && j.maker.cfg.Reports[e.Report].Reviewed() {
		if j.maker.draftByDefault(e) {
			// A reviewed report's version without its delivery record and
			// without an approval is a draft, whatever file was lost: it
			// never goes to the district unapproved.
			j.notify(Problem, catalog.NoteNoRecord, j.maker.ref(e), delivery.RecordName)
			rec.Status = delivery.Draft
		} else if to, done, err := j.completeLocked(e); err != nil || done {
			return to, err // an approved draft whose record was lost: what its approval sends
		}
	}
	switch {
	case rec.Status == delivery.Approved && rec.IssuedAs != 0:
		return archive.Entry{Report: e.Report, Period: e.Period, Version: rec.IssuedAs,
			Dir: filepath.Join(filepath.Dir(e.Dir), fmt.Sprint("v", rec.IssuedAs))}, nil
	case rec.Unapproved:
		return e, delivery.ErrSuperseded.Newf(catalog.WfNeverSent, j.maker.ref(e), rec.SupersededBy)
	case rec.Status != delivery.Draft:
		return e, nil
	}
	to, done, err := j.completeLocked(e)
	if err != nil || done {
		return to, err
	}
	// A draft made without mail (run --no-email) has no review message
	// yet: send is how it reaches the reviewers, once (review.json).
	status := ""
	review, ok, err := delivery.LoadNamed(e.Dir, ReviewMailName)
	switch {
	case err != nil:
		return e, err
	case (!ok || review.ToSend()) && j.mail != nil:
		rec, err := j.SendReview(ctx, e)
		if err != nil {
			status = catalog.WfReviewOwed.F(err)
			break
		}
		return e, reviewMailed(catalog.WfReviewMailed.F(j.maker.reportName(e.Report), e.Period, e.Version,
			rec.Attempts[len(rec.Attempts)-1].To, rec.MessageID, e.Report, e.Period))
	case ok && review.Status == delivery.Sent && len(review.Attempts) > 0:
		status = catalog.WfReviewSentAt.F(stamp(review.Attempts[len(review.Attempts)-1].At, loc))
	case !ok:
		status = catalog.WfReviewNotSent.String()
	}
	return e, fmt.Errorf("%w: %s", delivery.ErrNotApproved, catalog.WfWaiting.F(j.maker.reportName(e.Report), e.Period, e.Version, status, e.Report, e.Period))
}

func (j *Job) lock(id string) (func(), error) {
	return j.maker.store.LockReport(id, func(path string) {
		j.notify(Waiting, catalog.NoteWaitingLock, j.maker.reportName(id), path)
	})
}

func (j *Job) send(ctx context.Context, e archive.Entry, force bool) (*delivery.Record, error) {
	if j.mail == nil {
		return nil, delivery.ErrSettings.Newf(catalog.MailNoHost)
	}
	if rec, _, err := delivery.LoadRecord(e.Dir); err != nil {
		return nil, err
	} else if rec.Status == delivery.AwaitingSignature {
		// Its signed copy may have been stored by a process that died
		// before sending: it goes now; without one it waits.
		if ok, err := j.releaseSigned(e); err != nil {
			return nil, err
		} else if !ok {
			return rec, j.maker.awaitingSignature(e)
		}
	}
	newer, err := j.newestSent(e)
	if err != nil {
		return nil, err
	}
	if newer > e.Version && !force {
		if _, err := delivery.Supersede(e.Dir, newer); err != nil {
			return nil, err
		}
		rec, _, _ := delivery.LoadRecord(e.Dir)
		return rec, delivery.ErrSuperseded.Newf(catalog.WfSentAfter, j.maker.ref(e), newer, e.Version)
	}
	msg, err := j.maker.Message(e)
	if err != nil {
		return nil, err
	}
	rec, err := delivery.New(*j.mail, delivery.Options{Now: j.maker.now}).Deliver(ctx, e.Dir, msg, force)
	if err == nil {
		j.supersedeOlder(e)
	}
	return rec, err
}

// newestSent is the newest version of e's period whose record says sent.
func (j *Job) newestSent(e archive.Entry) (int, error) {
	all, err := j.maker.store.Versions(e.Report, e.Period)
	if err != nil {
		return 0, err
	}
	for i := len(all) - 1; i >= 0; i-- {
		if rec, ok, err := delivery.LoadRecord(all[i].Dir); err == nil && ok && rec.Status == delivery.Sent {
			return all[i].Version, nil
		}
	}
	return 0, nil
}

// supersedeOlder marks the unsent older versions of e's period, now that
// e was sent: they are never to be sent.
func (j *Job) supersedeOlder(e archive.Entry) {
	for _, o := range j.older(e) {
		if done, err := delivery.Supersede(o.Dir, e.Version); err != nil {
			j.notify(Problem, catalog.NoteNotSuperseded, j.maker.ref(o), err)
		} else if done {
			j.notify(Superseded, catalog.NoteSupersededSent, j.maker.ref(o), e.Version)
		}
	}
}

// older lists the versions of e's period before e; an archive that cannot
// be listed is told (notify) and gives none.
func (j *Job) older(e archive.Entry) []archive.Entry {
	all, err := j.maker.store.Versions(e.Report, e.Period)
	if err != nil {
		j.notify(Problem, catalog.NoteError, err)
		return nil
	}
	var out []archive.Entry
	for _, o := range all {
		if o.Version < e.Version {
			out = append(out, o)
		}
	}
	return out
}

// records are the files of a version's delivery record and of its
// reviewers' message record (nil: none).
func records(rec, review *delivery.Record) ([]archive.File, error) {
	var out []archive.File
	for _, r := range []struct {
		name string
		rec  *delivery.Record
	}{{delivery.RecordName, rec}, {ReviewMailName, review}} {
		if r.rec == nil {
			continue
		}
		b, err := r.rec.Bytes()
		if err != nil {
			return nil, err
		}
		out = append(out, archive.File{Name: r.name, Data: b})
	}
	return out, nil
}
