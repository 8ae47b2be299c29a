package workflow

import (
	"fmt"
	"path/filepath"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/period"
)

// ErrApprovedUnsent is returned by a run of a reviewed report whose period
// has an approved version not yet sent: a new draft would strand it
// (docs/duyet-bao-cao.md). `baocao send` sends it; RunOptions.Force makes
// the new draft anyway and supersedes the approval.
var ErrApprovedUnsent = catalog.NewClass(catalog.ClassApprovedUnsent).WithFault(fault.Refused)

// approvedUnsent lists the versions of report's period p that were approved
// (the approved draft or the document issued from it) and are still to be
// sent: approved, held, pending, failed or waiting for its signed copy,
// newest first.
func (m *Flow) approvedUnsent(report, label string) ([]archive.Entry, error) {
	all, err := m.store.Versions(report, label)
	if err != nil {
		return nil, err
	}
	var out []archive.Entry
	for i := len(all) - 1; i >= 0; i-- {
		e := all[i]
		rec, _, err := delivery.LoadRecord(e.Dir)
		if err != nil {
			return nil, err
		}
		switch rec.Status {
		case delivery.Approved, delivery.Held, delivery.Pending, delivery.Failed, delivery.AwaitingSignature:
		case delivery.Draft: // with an approval (wasApproved): one a crash interrupted before the records said so
		default:
			continue
		}
		if rec.IssuedAs != 0 {
			continue // the approved draft: its issued version is the one to send
		}
		if approved, err := m.wasApproved(e); err != nil {
			return nil, err
		} else if approved {
			out = append(out, e)
		}
	}
	return out, nil
}

// wasApproved reports whether e is an approved draft or a document issued
// from one.
func (m *Flow) wasApproved(e archive.Entry) (bool, error) {
	if a, err := ReadApproval(e.Dir); err != nil || a != nil {
		return a != nil, err
	}
	from, err := reports.ReadIssuedFrom(e.Dir)
	if err != nil {
		return false, err
	}
	return from != nil, nil
}

// refuseStranding is the error of a run that would strand the approved
// version e.
func (m *Flow) refuseStranding(e archive.Entry) error {
	rec, _, _ := delivery.LoadRecord(e.Dir)
	what := m.ref(e).String()
	draft := e
	if man, err := reports.ReadManifest(e.Dir); err == nil && man.IssuedFrom != nil {
		what += catalog.WfIssuedFrom.F(man.IssuedFrom.Version)
		draft.Version = man.IssuedFrom.Version
		draft.Dir = filepath.Join(filepath.Dir(e.Dir), fmt.Sprint("v", draft.Version))
	}
	if a, err := ReadApproval(draft.Dir); err == nil && a != nil {
		what += catalog.WfApprovedAt.F(a.Decider(), stamp(a.At, m.cfg.Location))
	}
	status := catalog.WfNotSent.String()
	if rec != nil {
		status = rec.Status.String()
		if rec.Status == delivery.Draft {
			status = catalog.WfInterrupted.String()
		}
	}
	return ErrApprovedUnsent.Newf(catalog.WfApprovedUnsent, what, status, e.Report, e.Period)
}

// supersedeApproved marks the approved, unsent versions of e's period as
// replaced by the new draft e (a run with Force).
func (j *Job) supersedeApproved(e archive.Entry, old []archive.Entry) {
	for _, o := range old {
		if done, err := delivery.Supersede(o.Dir, e.Version); err != nil {
			j.notify(Problem, catalog.NoteNotSuperseded, j.maker.ref(o), err)
		} else if done {
			j.notify(Superseded, catalog.NoteSupersededForce, j.maker.ref(o), e.Version)
		}
	}
}

// ToSend is the version `baocao send -r report -p label` sends: the
// newest, unless that is a draft waiting for review and an older version
// was approved and not sent yet; then that one.
func (m *Flow) ToSend(report string, p period.Period) (archive.Entry, error) {
	e, err := m.Latest(report, p)
	if err != nil {
		return e, err
	}
	rec, _, err := delivery.LoadRecord(e.Dir)
	if err != nil || rec.Status != delivery.Draft {
		return e, err
	}
	if a, err := ReadApproval(e.Dir); err != nil || a != nil {
		return e, err
	}
	older, err := m.approvedUnsent(report, p.Label())
	if err != nil || len(older) == 0 {
		return e, err
	}
	return older[0], nil
}

// draftByDefault reports whether e, a version of a reviewed report with no
// approval and not issued from one, counts as a draft when its delivery
// record is lost: a report with reviewers makes only drafts, so nothing
// written about e says it may go to the district.
func (m *Flow) draftByDefault(e archive.Entry) bool {
	if r := m.cfg.Reports[e.Report]; r == nil || !r.Reviewed() {
		return false
	}
	if a, err := ReadApproval(e.Dir); err != nil || a != nil {
		return err != nil // an unreadable approval is no approval to send on
	}
	man, err := reports.ReadManifest(e.Dir)
	return err != nil || man.IssuedFrom == nil
}
