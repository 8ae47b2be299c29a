package workflow

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/signedcopy"
)

// Event is one step of a version's story.
type Event struct {
	At   time.Time
	What string
	step step // orders events of the same second by cause
}

// step is where an event stands in the chain of causes: a version is made,
// then approved or returned, then the messages about it go out, then it
// is delivered. Events recorded in the same second are ordered so.
type step int

const (
	stepMade step = iota
	stepDecision
	stepMessage
	stepDelivery
)

// VersionState is where one version stands, with who and when.
type VersionState struct {
	Entry      archive.Entry
	Status     delivery.Status // as the records say, an interrupted approval or return counted done
	Record     *delivery.Record
	Approval   *Approval // the draft's approval, nil if none
	Return     *Return   // nil if not returned
	IssuedFrom *reports.IssuedFrom
	Signed     *signedcopy.Record // its signed copy (đã ký số), nil if none
	Events     []Event            // oldest first
}

// Summary is a one-line account of the state: status, who and when.
func (s *VersionState) Summary(loc *time.Location) string {
	out := s.Status.String()
	if catalog.Current() == catalog.English {
		out = string(s.Status) + " (" + s.Status.String() + ")"
	}
	if s.Status == delivery.Superseded && s.Record != nil {
		out = catalog.StorySupersededBy.F(out, s.Record.SupersededBy)
	}
	if s.Record != nil && s.Record.Unknown() {
		out = catalog.StoryInterrupted.F(out)
	}
	if s.Status == delivery.Sent && s.Record != nil && len(s.Record.Attempts) > 0 {
		out = catalog.StorySentAt.F(out, stamp(s.Record.Attempts[len(s.Record.Attempts)-1].At, loc))
	}
	switch {
	case s.Return != nil:
		out = catalog.StoryReturnedBy.F(out, s.Return.Decider(), stamp(s.Return.At, loc))
	case s.Approval != nil:
		out = catalog.StoryApprovedBy.F(out, s.Approval.Decider(), stamp(s.Approval.At, loc))
	case s.IssuedFrom != nil:
		out = catalog.StoryIssuedFrom.F(out, s.IssuedFrom.Version)
	}
	if s.Record != nil && s.Record.IssuedAs != 0 {
		out = catalog.StoryIssuedAs.F(out, s.Record.IssuedAs)
	}
	if c := s.Signed; c != nil {
		out = catalog.StorySignedSummary.F(out, c.Signer(), stamp(c.ReceivedAt, loc))
	}
	return out
}

// Brief is the version's state in a few words for a table row (the
// status, and the version that superseded it), and the rest of Summary
// as short notes, one a line: who decided and when (the person's name
// only; Summary and the story give role, account and OS user), when it
// was sent, what it was issued from or as, its signed copy, an
// interrupted attempt.
func (s *VersionState) Brief(loc *time.Location) (state string, notes []string) {
	state = s.Status.String()
	if catalog.Current() == catalog.English {
		state = string(s.Status) + " (" + s.Status.String() + ")"
	}
	if s.Status == delivery.Superseded && s.Record != nil {
		state = catalog.StorySupersededBy.F(state, s.Record.SupersededBy)
	}
	switch {
	case s.Return != nil:
		notes = append(notes, catalog.BriefReturned.F(shortDecider(s.Return.By, s.Return.Who), stamp(s.Return.At, loc)))
	case s.Approval != nil:
		notes = append(notes, catalog.BriefApproved.F(shortDecider(s.Approval.By, s.Approval.Who), stamp(s.Approval.At, loc)))
	case s.IssuedFrom != nil:
		notes = append(notes, catalog.BriefIssuedFrom.F(s.IssuedFrom.Version))
	}
	if s.Record != nil && s.Record.IssuedAs != 0 {
		notes = append(notes, catalog.BriefIssuedAs.F(s.Record.IssuedAs))
	}
	if s.Status == delivery.Sent && s.Record != nil && len(s.Record.Attempts) > 0 {
		notes = append(notes, catalog.BriefSentAt.F(stamp(s.Record.Attempts[len(s.Record.Attempts)-1].At, loc)))
	}
	if s.Record != nil && s.Record.Unknown() {
		notes = append(notes, catalog.BriefInterrupted.String())
	}
	if c := s.Signed; c != nil {
		notes = append(notes, catalog.BriefSigned.F(c.Signer(), stamp(c.ReceivedAt, loc)))
	}
	return state, notes
}

// State reads a version's records.
func (m *Flow) State(e archive.Entry) (*VersionState, error) {
	s := &VersionState{Entry: e}
	var err error
	var recorded bool
	if s.Record, recorded, err = delivery.LoadRecord(e.Dir); err != nil {
		return nil, err
	}
	s.Status = s.Record.Status
	if !recorded && m.draftByDefault(e) {
		s.Status = delivery.Draft // its record lost: nothing says it may be sent
	}
	if s.Approval, err = ReadApproval(e.Dir); err != nil {
		return nil, err
	}
	if s.Return, err = ReadReturn(e.Dir); err != nil {
		return nil, err
	}
	switch {
	case s.Return != nil:
		s.Status = delivery.Returned
	case s.Approval != nil && s.Status == delivery.Draft:
		s.Status = delivery.Approved // interrupted: send or the daemon completes it
	}
	loc := m.cfg.Location
	add := func(st step, at, what string) {
		t, _ := time.Parse(time.RFC3339, at)
		s.Events = append(s.Events, Event{At: t.In(loc), What: what, step: st})
	}
	man, err := reports.ReadManifest(e.Dir)
	if err != nil {
		return nil, err
	}
	s.IssuedFrom = man.IssuedFrom
	made := catalog.StoryMade.F(e.Version, len(man.Issues), dateText(man.Issued))
	if f := man.IssuedFrom; f != nil {
		made = catalog.StoryIssued.F(e.Version, f.Version, numberText(f.Number), dateText(f.Date))
		at := man.GeneratedAt
		if a, err := ReadApproval(filepath.Join(filepath.Dir(e.Dir), fmt.Sprint("v", f.Version))); err == nil && a != nil {
			add(stepDecision, a.At, catalog.StoryDraftApproved.F(f.Version, a.Decider()))
			at = a.At // issued when approved
		}
		add(stepMessage, at, made) // issued because it was approved
	} else {
		if m.cfg.Reports[e.Report].Reviewed() && (s.Record.Status == delivery.Draft || s.Approval != nil || s.Return != nil || s.Record.Unapproved) {
			made = catalog.StoryMadeDraft.F(e.Version, len(man.Issues), dateText(man.Issued))
		}
		add(stepMade, man.GeneratedAt, made)
	}
	for _, name := range []string{ReviewMailName, RemindBefore, RemindDue, OverdueName, ReturnMailName, SignBefore, SignDue, SignOverdue} {
		r, ok, err := delivery.LoadNamed(e.Dir, name)
		if err != nil || !ok {
			continue
		}
		what := map[string]*catalog.Msg{ReviewMailName: catalog.StoryReviewMail, RemindBefore: catalog.StoryRemindBefore,
			RemindDue: catalog.StoryRemindDue, OverdueName: catalog.StoryOverdue, ReturnMailName: catalog.StoryReturnMail,
			SignBefore: catalog.StorySignBefore, SignDue: catalog.StorySignDue, SignOverdue: catalog.StorySignOverdue}[name]
		for _, a := range r.Attempts {
			add(stepMessage, a.At, catalog.StoryMessage.F(what, strings.Join(a.To, ", "), a.Words()))
		}
	}
	if a := s.Approval; a != nil {
		what := catalog.StoryApproved.F(a.Decider())
		if a.Note != "" {
			what = catalog.StoryNote.F(what, a.Note)
		}
		if a.Number != 0 || a.Date != "" {
			what = catalog.StoryNumberDate.F(what, numberText(a.Number), dateText(a.Date))
		}
		add(stepDecision, a.At, what)
	}
	if r := s.Return; r != nil {
		add(stepDecision, r.At, catalog.StoryReturned.F(r.Decider(), r.Reason))
	}
	for _, a := range s.Record.Attempts {
		add(stepDelivery, a.At, catalog.StoryAttempt.F(strings.Join(a.To, ", "), a.Words()))
	}
	if s.Signed, err = signedcopy.Read(e.Dir); err != nil {
		return nil, err
	}
	if c := s.Signed; c != nil {
		by := ""
		if c.By != "" {
			by = catalog.StorySignedFrom.F(c.By)
		}
		add(stepDecision, c.ReceivedAt, catalog.StorySignedReceived.F(by, viaText(c.Via), c.File, c.Bytes, c.SHA256[:16]))
		for _, l := range SignerLines(c, loc) {
			add(stepDecision, c.ReceivedAt, "  "+strings.TrimPrefix(l, "- "))
		}
	}
	if r, ok, err := delivery.LoadNamed(e.Dir, SignedMailName); err == nil && ok {
		for _, a := range r.Attempts {
			add(stepDelivery, a.At, catalog.StoryMessage.F(catalog.StorySignedFollowUp, strings.Join(a.To, ", "), a.Words()))
		}
	}
	sortEvents(s.Events)
	return s, nil
}

// dateText is a record's date (2024-06-19) as the clerk writes it,
// 19/06/2024; anything else (a blank date) as it is.
func dateText(iso string) string {
	if t, err := time.Parse(time.DateOnly, iso); err == nil {
		return t.Format("02/01/2006")
	}
	return iso
}

// viaText is how a signed copy came in ("cli", "web"), in words.
func viaText(via string) string {
	switch via {
	case "cli":
		return catalog.StoryViaCLI.String()
	case "web":
		return catalog.StoryViaWeb.String()
	}
	return via
}

func numberText(n int) string {
	if n == 0 {
		return catalog.NumberBlank.String()
	}
	return fmt.Sprint(n)
}

// Story is the whole story of a period: every version, oldest first, when
// version is 0 (a returned draft, its replacement, the issued document);
// otherwise version's story: the draft and, when it was approved with a
// number and date, the version issued from it, or the draft the given
// version was issued from.
func (m *Flow) Story(report, label string, version int) ([]*VersionState, error) {
	p, err := m.Period(report, label)
	if err != nil {
		return nil, err
	}
	all, err := m.store.Versions(report, p.Label())
	if err != nil {
		return nil, err
	}
	if len(all) == 0 {
		return nil, reports.ErrNotArchived.Newf(catalog.NothingArchived, m.reportName(report), p.Label(), report, p.Label())
	}
	if version == 0 {
		var out []*VersionState
		for _, e := range all {
			st, err := m.State(e)
			if err != nil {
				return nil, err
			}
			out = append(out, st)
		}
		return out, nil
	}
	pick := all[len(all)-1]
	{
		found := false
		for _, e := range all {
			if e.Version == version {
				pick, found = e, true
			}
		}
		if !found {
			return nil, reports.ErrNotArchived.Newf(catalog.NoSuchVersion, m.reportName(report), p.Label(), version)
		}
	}
	st, err := m.State(pick)
	if err != nil {
		return nil, err
	}
	out := []*VersionState{st}
	at := func(v int) archive.Entry {
		return archive.Entry{Report: report, Period: p.Label(), Version: v, Dir: filepath.Join(filepath.Dir(pick.Dir), fmt.Sprint("v", v))}
	}
	switch {
	case st.IssuedFrom != nil:
		if d, err := m.State(at(st.IssuedFrom.Version)); err == nil {
			out = append([]*VersionState{d}, out...)
		}
	case st.Record.IssuedAs != 0:
		if d, err := m.State(at(st.Record.IssuedAs)); err == nil {
			out = append(out, d)
		}
	}
	return out, nil
}

// sortEvents orders events oldest first and, within the same second (the
// records' resolution), by cause: a return before its notice.
func sortEvents(ev []Event) {
	sort.SliceStable(ev, func(i, k int) bool {
		if !ev[i].At.Equal(ev[k].At) {
			return ev[i].At.Before(ev[k].At)
		}
		return ev[i].step < ev[k].step
	})
}
