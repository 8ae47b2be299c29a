package workflow

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/crashpoint"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
)

// ApproveOptions are the details of an approval.
type ApproveOptions struct {
	Report string // report id
	Period string // period label
	// Version is the draft approved; 0 means the newest version of the
	// period (which must be a draft).
	Version int
	By      string // who approves, as text: required unless Who is set
	// Who is the approver's account, full name, role and OS user, kept as
	// fields of the record (By is then made from them when empty).
	Who  Who
	Note string // the reviewer's note, kept in the approval record
	// Number and Date are those of issue: when given, the district gets a
	// newer version carrying them, made from the same inputs.
	Number int
	Date   time.Time
	// ForceNumber issues with a number the outgoing register or another
	// report of the year already has (refused otherwise).
	ForceNumber bool
	// NoEmail approves without sending: the version to send is held, sent
	// only by `baocao send`.
	NoEmail bool
}

// Approved is what an approval did.
type Approved struct {
	Draft    archive.Entry
	Approval *Approval
	// Issued is the version sent to the district: the draft itself, or
	// the newer version that carries the number and date of issue.
	Issued  archive.Entry
	Record  *delivery.Record // Issued's delivery record after sending; nil with NoEmail or no mail
	SendErr error            // approved and archived, but not sent (the record says pending or failed)
	// AwaitingSignature: the report has require_signed, so nothing was
	// sent: Issued waits for its signed copy (chờ ký số).
	AwaitingSignature bool
}

// Approve approves a draft: it writes the approval record once, issues the
// document when a number or date is given, and sends it (unless NoEmail or
// mail is off). err is an approval refused or not recorded.
func (j *Job) Approve(ctx context.Context, opt ApproveOptions) (Approved, error) {
	m := j.maker
	if strings.TrimSpace(opt.By) == "" && opt.Who.Known() {
		opt.By = opt.Who.String()
	}
	if strings.TrimSpace(opt.By) == "" {
		return Approved{}, ErrRequest.Newf(catalog.WfSayWho)
	}
	e, err := j.reviewable(opt.Report, opt.Period, opt.Version)
	if err != nil {
		return Approved{}, err
	}
	if p, err := m.Period(opt.Report, opt.Period); err != nil {
		return Approved{}, err
	} else if err := m.CheckIssue(p, opt.Number, opt.Date); err != nil {
		return Approved{}, err
	} else if opt.Number > 0 && !opt.ForceNumber {
		day := opt.Date
		if day.IsZero() {
			day = m.now().In(m.cfg.Location)
		}
		if err := m.CheckNumber(opt.Report, p.Label(), opt.Number, day); err != nil {
			return Approved{}, err
		}
	}
	if j.mail != nil && !opt.NoEmail {
		if err := m.checkRecipients(opt.Report); err != nil {
			return Approved{}, err
		}
	}
	unlock, err := j.lock(e.Report)
	if err != nil {
		return Approved{}, err
	}
	defer unlock()
	man, err := j.checkDraft(e)
	if err != nil {
		return Approved{}, err
	}
	if _, err := Attachments(e.Dir, man, FileKinds); err != nil {
		return Approved{}, err
	}
	sum, err := fileSHA256(filepath.Join(e.Dir, reports.ManifestName))
	if err != nil {
		return Approved{}, err
	}
	a := &Approval{Report: e.Report, Period: e.Period, Version: e.Version, By: strings.TrimSpace(opt.By), Who: opt.Who,
		At: m.now().In(m.cfg.Location).Format(time.RFC3339), Note: strings.TrimSpace(opt.Note), Number: opt.Number,
		ManifestSHA256: sum, Inputs: man.Inputs, Outputs: man.Outputs}
	if !opt.Date.IsZero() {
		a.Date = opt.Date.Format("2006-01-02")
	}
	// The issued document is made before the approval is recorded, so
	// that an approval whose document cannot be made is refused whole.
	var b *reports.Built
	if a.Issues(man) {
		if b, err = m.issue(e, man, a, ""); err != nil {
			return Approved{}, err
		}
		// Kept beside the draft before the approval is recorded: a crash
		// between the two leaves an approval whose document is complete
		// and needs no spreadsheet of today (complete).
		if err := b.Save(filepath.Join(e.Dir, IssuePending)); err != nil {
			return Approved{}, err
		}
	}
	if _, err := writeOnce(e.Dir, ApprovalName, a); err != nil {
		if errors.Is(err, archive.ErrWritten) {
			return Approved{}, ErrAlreadyApproved.Newf(catalog.WfApprovedRef, j.maker.ref(e))
		}
		return Approved{}, err
	}
	crashpoint.Hit(crashpoint.Approved)
	out := Approved{Draft: e, Approval: a}
	if out.Issued, err = j.complete(e, man, a, b, opt.NoEmail); err != nil {
		return out, err
	}
	out.AwaitingSignature = m.requireSigned(e.Report)
	if j.mail != nil && !opt.NoEmail && !out.AwaitingSignature {
		out.Record, out.SendErr = j.send(ctx, out.Issued, false)
	}
	return out, nil
}

// reviewable finds the version a reviewer acts on: version v of the
// period, or its newest.
func (j *Job) reviewable(report, label string, v int) (archive.Entry, error) {
	m := j.maker
	p, err := m.Period(report, label)
	if err != nil {
		return archive.Entry{}, err
	}
	if !m.cfg.Reports[report].Reviewed() {
		return archive.Entry{}, ErrNotReviewed.Newf(catalog.WfNoReviewers, report)
	}
	if v == 0 {
		return m.Latest(report, p)
	}
	all, err := m.store.Versions(report, p.Label())
	if err != nil {
		return archive.Entry{}, err
	}
	for _, e := range all {
		if e.Version == v {
			return e, nil
		}
	}
	return archive.Entry{}, reports.ErrNotArchived.Newf(catalog.NoSuchVersion, report, p.Label(), v)
}

// checkDraft refuses a version that is not a draft waiting for review,
// saying why.
func (j *Job) checkDraft(e archive.Entry) (*reports.Manifest, error) {
	loc := j.maker.cfg.Location
	if ret, err := ReadReturn(e.Dir); err != nil {
		return nil, err
	} else if ret != nil {
		return nil, ErrReturned.Newf(catalog.WfReturned, j.maker.reportName(e.Report), e.Period, e.Version, ret.Decider(), stamp(ret.At, loc), ret.Reason, e.Report, e.Period)
	}
	if a, err := ReadApproval(e.Dir); err != nil {
		return nil, err
	} else if a != nil {
		return nil, ErrAlreadyApproved.Newf(catalog.WfApproved, j.maker.reportName(e.Report), e.Period, e.Version, a.Decider(), stamp(a.At, loc), e.Report, e.Period)
	}
	man, err := reports.ReadManifest(e.Dir)
	if err != nil {
		return nil, err
	}
	if f := man.IssuedFrom; f != nil {
		by := ""
		if a, err := ReadApproval(filepath.Join(filepath.Dir(e.Dir), fmt.Sprintf("v%d", f.Version))); err == nil && a != nil {
			by = catalog.WfApprovedBy.F(a.Decider(), stamp(a.At, loc))
		}
		return nil, ErrAlreadyApproved.Newf(catalog.WfIssuedDoc, j.maker.ref(e), f.Version, by, e.Report, e.Period)
	}
	rec, recorded, err := delivery.LoadRecord(e.Dir)
	if err != nil {
		return nil, err
	}
	if !recorded && j.maker.draftByDefault(e) {
		rec.Status = delivery.Draft // its record lost: a reviewed report makes drafts only
	}
	switch rec.Status {
	case delivery.Draft:
	case delivery.Superseded:
		return nil, delivery.ErrSuperseded.Newf(catalog.WfReplaced, j.maker.ref(e), rec.SupersededBy)
	default:
		return nil, ErrNoDraft.Newf(catalog.WfNotDraft, j.maker.ref(e), rec.Status)
	}
	return man, nil
}

// issue makes the document an approval issues: the draft's inputs,
// figures and texts with the approval's number and date. A source, plan,
// config or text that changed since the draft refuses it.
func (m *Flow) issue(e archive.Entry, draft *reports.Manifest, a *Approval, approvalSHA string) (*reports.Built, error) {
	p, err := m.Period(e.Report, e.Period)
	if err != nil {
		return nil, err
	}
	gen, err := time.Parse(time.RFC3339, draft.GeneratedAt)
	if err != nil {
		return nil, catalog.WfBadRecord.Errorf(e.Dir, "generated_at", draft.GeneratedAt, err)
	}
	issued, err := time.ParseInLocation("2006-01-02", draft.Issued, m.cfg.Location)
	if err != nil {
		return nil, catalog.WfBadRecord.Errorf(e.Dir, "issued", draft.Issued, err)
	}
	if a.Date != "" {
		if issued, err = time.ParseInLocation("2006-01-02", a.Date, m.cfg.Location); err != nil {
			return nil, catalog.WfBadRecord.Errorf(filepath.Join(e.Dir, ApprovalName), "date", a.Date, err)
		}
	}
	from := &reports.IssuedFrom{Version: e.Version, Approval: "../v" + fmt.Sprint(e.Version) + "/" + ApprovalName,
		ApprovalSHA256: approvalSHA, ManifestSHA256: a.ManifestSHA256, Number: a.Number, Date: issued.Format("2006-01-02")}
	rerun := catalog.WfRerun.F(e.Report, e.Period, e.Version)
	return m.Build(e.Report, p, reports.Options{Issued: issued, Number: a.Number, Generated: gen, IssuedFrom: from, Check: func(man *reports.Manifest) error {
		ch := &SourcesChangedError{Version: e.Version, Rerun: rerun}
		if ch.Files, ch.Gone = changedInputs(draft.Inputs, man.Inputs); len(ch.Files)+len(ch.Gone) > 0 {
			return ch
		}
		if ch.What = changedFigures(draft, man); ch.What != "" {
			return ch
		}
		return nil
	}})
}

// changedInputs names the files read now whose hashes differ from before,
// and those no longer read; each once (two sources may read one file).
func changedInputs(was, now []reports.Input) (changed, gone []string) {
	old := map[string]reports.Input{}
	for _, in := range was {
		old[in.Source+"\x00"+in.Path] = in
	}
	for _, in := range now {
		o, ok := old[in.Source+"\x00"+in.Path]
		if (!ok || o.SHA256 != in.SHA256) && !slices.Contains(changed, in.Path) {
			changed = append(changed, in.Path)
		}
		delete(old, in.Source+"\x00"+in.Path)
	}
	for _, o := range old {
		if !slices.Contains(gone, o.Path) {
			gone = append(gone, o.Path)
		}
	}
	slices.Sort(gone)
	return changed, gone
}

// SourcesChangedError is ErrSourcesChanged with what changed: the files
// whose contents differ from the draft's, those no longer read, or (when
// the files are the same) what the plan, config or texts changed.
type SourcesChangedError struct {
	Version     int      // the draft's
	Files, Gone []string // paths as the manifest names them
	What        string   // "figures", "tasks", …; set when Files and Gone are empty
	Rerun       string   // what to do, for the command line
}

func (e *SourcesChangedError) Unwrap() error { return ErrSourcesChanged }

func (e *SourcesChangedError) Error() string {
	if e.What != "" {
		return ErrSourcesChanged.Error() + ": " + catalog.WfChangedWhat.F(changedWhat[e.What], e.Version, e.Rerun)
	}
	names := slices.Clone(e.Files)
	for _, g := range e.Gone {
		names = append(names, catalog.WfNoLongerRead.F(g))
	}
	return ErrSourcesChanged.Error() + ": " + catalog.WfChangedFiles.F(strings.Join(names, ", "), e.Version, e.Rerun)
}

// changedWhat names what changedFigures finds changed.
var changedWhat = map[string]*catalog.Msg{"figures": catalog.WfWhatFigures, "dossier tables": catalog.WfWhatDossiers,
	"tasks": catalog.WfWhatTasks, "narrative": catalog.WfWhatNarrative, "data warnings": catalog.WfWhatIssues, "plan": catalog.WfWhatPlan}

// changedFigures names what the two versions show differently, apart from
// the number and date of issue; "" when nothing.
func changedFigures(a, b *reports.Manifest) string {
	same := func(x, y any) bool {
		jx, _ := json.Marshal(x)
		jy, _ := json.Marshal(y)
		return reflect.DeepEqual(jx, jy)
	}
	switch {
	case !same(a.Indicators, b.Indicators):
		return "figures"
	case !same(a.Dossiers, b.Dossiers), !same(a.Late, b.Late):
		return "dossier tables"
	case !same(a.Tasks, b.Tasks):
		return "tasks"
	case !same(a.Narrative, b.Narrative):
		return "narrative"
	case !same(a.Issues, b.Issues):
		return "data warnings"
	case a.Plan != b.Plan, a.PlanSHA256 != "" && b.PlanSHA256 != "" && a.PlanSHA256 != b.PlanSHA256:
		return "plan"
	}
	return ""
}

// complete carries out a recorded approval: it issues the document (b, or
// made again when a crash lost it) and marks the records. It is what
// Approve does after writing the approval, and what `send` and the daemon
// do for an approval a crash left half done. It returns the version to
// send.
func (j *Job) complete(e archive.Entry, draft *reports.Manifest, a *Approval, b *reports.Built, held bool) (archive.Entry, error) {
	m := j.maker
	rec, recorded, err := delivery.LoadRecord(e.Dir)
	if err != nil {
		return archive.Entry{}, err
	}
	if !recorded {
		rec = delivery.NewDraft() // an approved draft whose record was lost
	}
	if !a.Issues(draft) {
		if rec.Status == delivery.Draft {
			rec.Status = delivery.Approved
			if held {
				rec.Status = delivery.Held
			}
			if m.requireSigned(e.Report) {
				rec.Status = delivery.AwaitingSignature
			}
			if err := rec.Save(e.Dir); err != nil {
				return archive.Entry{}, err
			}
		}
		return e, nil
	}
	if rec.IssuedAs != 0 {
		return archive.Entry{Report: e.Report, Period: e.Period, Version: rec.IssuedAs,
			Dir: filepath.Join(filepath.Dir(e.Dir), "v"+fmt.Sprint(rec.IssuedAs))}, nil
	}
	issued, found, err := j.issuedFrom(e)
	if err != nil {
		return archive.Entry{}, err
	}
	if !found {
		asum, err := fileSHA256(filepath.Join(e.Dir, ApprovalName))
		if err != nil {
			return archive.Entry{}, err
		}
		if b == nil {
			b = m.pendingIssue(e, a)
		}
		if b == nil {
			if b, err = m.issue(e, draft, a, asum); err != nil {
				return archive.Entry{}, catalog.WfNotIssued.Errorf(m.ref(e), err)
			}
		}
		b.Manifest.IssuedFrom.ApprovalSHA256 = asum
		first := delivery.NewRecord(false)
		first.Status = delivery.Approved
		if held {
			first.Status = delivery.Held
		}
		if m.requireSigned(e.Report) {
			first.Status = delivery.AwaitingSignature
		}
		recs, err := records(first, nil)
		if err != nil {
			return archive.Entry{}, err
		}
		if issued, err = m.File(b, recs...); err != nil {
			return archive.Entry{}, err
		}
		crashpoint.Hit(crashpoint.Issued)
	}
	rec.Status, rec.IssuedAs = delivery.Approved, issued.Version
	if err := rec.Save(e.Dir); err != nil {
		return archive.Entry{}, err
	}
	os.RemoveAll(filepath.Join(e.Dir, IssuePending)) // archived: the copy is no longer needed
	return issued, nil
}

// IssuePending is the folder, in a draft's version folder, holding the
// document its approval issues, made and saved before the approval is
// recorded and removed once that document is archived.
const IssuePending = ".issue-pending"

// pendingIssue is the document saved for approval a of draft e, if one
// was saved whole and is the one a describes (the same draft, number and
// date); nil otherwise.
func (m *Flow) pendingIssue(e archive.Entry, a *Approval) *reports.Built {
	b, ok, err := m.LoadBuilt(filepath.Join(e.Dir, IssuePending))
	if err != nil || !ok {
		if err != nil {
			m.store.Warn(catalog.NotePendingUnusable.F(m.ref(e), err))
		}
		return nil
	}
	f := b.Manifest.IssuedFrom
	if f == nil || f.Version != e.Version || f.Number != a.Number || f.ManifestSHA256 != a.ManifestSHA256 || (a.Date != "" && f.Date != a.Date) {
		return nil
	}
	return b
}

// issuedFrom finds the version issued from draft e, if there is one.
func (j *Job) issuedFrom(e archive.Entry) (archive.Entry, bool, error) {
	all, err := j.maker.store.Versions(e.Report, e.Period)
	if err != nil {
		return archive.Entry{}, false, err
	}
	for _, o := range all {
		if o.Version <= e.Version {
			continue
		}
		if man, err := reports.ReadManifest(o.Dir); err == nil && man.IssuedFrom != nil && man.IssuedFrom.Version == e.Version {
			return o, true, nil
		}
	}
	return archive.Entry{}, false, nil
}

// CompleteApproval finishes, under the report's lock, an approval a crash
// left half done (the approval recorded, the draft's record not yet
// saying so), and returns the version to send. done is false when e has
// nothing to complete.
func (j *Job) CompleteApproval(e archive.Entry) (archive.Entry, bool, error) {
	unlock, err := j.lock(e.Report)
	if err != nil {
		return archive.Entry{}, false, err
	}
	defer unlock()
	return j.completeLocked(e)
}

func (j *Job) completeLocked(e archive.Entry) (archive.Entry, bool, error) {
	rec, recorded, err := delivery.LoadRecord(e.Dir)
	if err != nil || recorded && rec.Status != delivery.Draft {
		return archive.Entry{}, false, err
	}
	a, err := ReadApproval(e.Dir)
	if err != nil || a == nil {
		return archive.Entry{}, false, err
	}
	man, err := reports.ReadManifest(e.Dir)
	if err != nil {
		return archive.Entry{}, false, err
	}
	j.notify(Completing, catalog.NoteCompleting, j.maker.ref(e), a.Decider())
	to, err := j.complete(e, man, a, nil, false)
	return to, err == nil, err
}

// CheckDraft says, without changing anything, whether version v of a
// period (its newest when 0) can be approved or returned: the error says
// why not. The CLI asks it before reading the mail settings, so that a
// refusal names its reason first.
func (j *Job) CheckDraft(report, label string, v int) (archive.Entry, error) {
	e, err := j.reviewable(report, label, v)
	if err != nil {
		return e, err
	}
	_, err = j.checkDraft(e)
	return e, err
}
