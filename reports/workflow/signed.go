package workflow

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/crashpoint"
	"github.com/mn2010/baocao/internal/fault"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/render"
	"github.com/mn2010/baocao/reports/signature"
	"github.com/mn2010/baocao/reports/signedcopy"
)

// ErrAwaitingSignature is returned when a version of a report with
// require_signed is asked to be sent before its signed copy arrived.
var ErrAwaitingSignature = catalog.NewClass(catalog.ClassAwaitingSignature).WithFault(fault.Refused)

// SignedMailName is the record of the follow-up message that sends a
// signed copy after the version itself went out unsigned (`send --signed`).
const SignedMailName = "delivery-signed.json"

// SignedOptions are what a signed copy comes with.
type SignedOptions struct {
	Report, Period string
	// Version is the issued version signed (or the draft it was issued
	// from); 0 means the newest approved version of the period.
	Version int
	Data    []byte // the PDF as the signing tool returned it
	By      string // who brings it
	Via     string // "cli" or "web"
}

// SignedOutcome is what accepting a signed copy did.
type SignedOutcome struct {
	Entry archive.Entry      // the issued version the copy signs
	Copy  *signedcopy.Record // its record
	Fresh bool               // false: the version already had this very copy; nothing was written
	// Delivery and SendErr are those of the district's message, when the
	// copy released a version waiting for it (require_signed); Sent says a
	// message went out now.
	Delivery *delivery.Record
	SendErr  error
	Sent     bool
	// Status is the version's delivery status after it all.
	Status delivery.Status
}

// requireSigned says whether the report's district message waits for the
// signed copy.
func (m *Flow) requireSigned(report string) bool {
	r := m.cfg.Reports[report]
	return r != nil && r.RequireSigned
}

// SignedCheck is the check of signed copies as the config sets it.
func (m *Flow) SignedCheck() (signature.Options, error) {
	return m.cfg.Signed.Options(filepath.Dir(m.cfg.File))
}

// AcceptSigned checks a signed copy against the issued version it signs,
// stores it (write-once) and, for a version waiting for it, sends the
// district's message through the usual delivery (once: a second copy of
// the same file sends nothing). A refused copy is a *signature.Refusal and
// nothing is stored or sent.
func (j *Job) AcceptSigned(ctx context.Context, opt SignedOptions) (SignedOutcome, error) {
	m := j.maker
	check, err := m.SignedCheck()
	if err != nil {
		return SignedOutcome{}, fmt.Errorf("%w: %v", ErrSettings, err)
	}
	if int64(len(opt.Data)) > check.MaxBytes {
		return SignedOutcome{}, &signature.Refusal{Kind: signature.TooLarge, Size: int64(len(opt.Data)), Limit: check.MaxBytes}
	}
	p, err := m.Period(opt.Report, opt.Period)
	if err != nil {
		return SignedOutcome{}, err
	}
	unlock, err := j.lock(opt.Report)
	if err != nil {
		return SignedOutcome{}, err
	}
	defer unlock()
	e, err := m.signedTarget(opt.Report, p.Label(), opt.Version)
	if err != nil {
		return SignedOutcome{}, err
	}
	is, err := issueOf(e)
	if err != nil {
		return SignedOutcome{}, err
	}
	who := signedcopy.Arrival{At: m.now().In(m.cfg.Location), By: strings.TrimSpace(opt.By), Via: opt.Via}
	rec, fresh, err := signedcopy.Accept(is, opt.Data, who, check)
	if err != nil {
		var r *signature.Refusal
		if errors.As(err, &r) && r.Kind == signature.NotIssued {
			r.Other = m.whichVersion(e, opt.Data)
		}
		return SignedOutcome{}, err
	}
	crashpoint.Hit(crashpoint.SignedStored)
	out := SignedOutcome{Entry: e, Copy: rec, Fresh: fresh}
	released, err := j.releaseSigned(e)
	if err != nil {
		return out, err
	}
	if released && j.mail != nil {
		out.Delivery, out.SendErr = j.send(ctx, e, false)
		out.Sent = out.SendErr == nil
	}
	if dr, _, err := delivery.LoadRecord(e.Dir); err == nil {
		out.Status = dr.Status
	}
	return out, nil
}

// signedTarget is the version a signed copy is for: version v (or the
// version issued from draft v), or the newest approved version of the
// period. One not approved is refused (signature.NotApproved).
func (m *Flow) signedTarget(report, label string, v int) (archive.Entry, error) {
	all, err := m.store.Versions(report, label)
	if err != nil {
		return archive.Entry{}, err
	}
	if len(all) == 0 {
		return archive.Entry{}, reports.ErrNotArchived.Newf(catalog.NothingArchived, m.reportName(report), label, report, label)
	}
	byNumber := func(n int) (archive.Entry, bool) {
		for _, e := range all {
			if e.Version == n {
				return e, true
			}
		}
		return archive.Entry{}, false
	}
	if v == 0 {
		for i := len(all) - 1; i >= 0; i-- {
			if ok, _, err := m.signable(all[i]); err != nil {
				return archive.Entry{}, err
			} else if ok {
				return all[i], nil
			}
		}
		_, state, err := m.signable(all[len(all)-1])
		if err != nil {
			return archive.Entry{}, err
		}
		return archive.Entry{}, &signature.Refusal{Kind: signature.NotApproved, Version: all[len(all)-1].Version, State: state}
	}
	e, ok := byNumber(v)
	if !ok {
		return archive.Entry{}, reports.ErrNotArchived.Newf(catalog.NoSuchVersion, m.reportName(report), label, v)
	}
	if rec, _, err := delivery.LoadRecord(e.Dir); err == nil && rec.IssuedAs != 0 {
		if issued, ok := byNumber(rec.IssuedAs); ok {
			e = issued
		}
	}
	ok, state, err := m.signable(e)
	if err != nil {
		return archive.Entry{}, err
	}
	if !ok {
		return archive.Entry{}, &signature.Refusal{Kind: signature.NotApproved, Version: e.Version, State: state}
	}
	return e, nil
}

// signable says whether e may get a signed copy: it is the approved
// document (the approved draft, or the version issued from one; any
// version of a report without reviewers) and not superseded nor issued
// as another. state is its state in words.
func (m *Flow) signable(e archive.Entry) (bool, string, error) {
	rec, _, err := delivery.LoadRecord(e.Dir)
	if err != nil {
		return false, "", err
	}
	state := rec.Status.String()
	switch rec.Status {
	case delivery.AwaitingSignature, delivery.Pending, delivery.Held, delivery.Sent, delivery.Failed, delivery.Uncertain:
	case delivery.Approved:
		if rec.IssuedAs != 0 {
			return false, catalog.SigIssuedAs.F(rec.IssuedAs), nil
		}
	default:
		return false, state, nil
	}
	if !m.cfg.Reports[e.Report].Reviewed() {
		return true, state, nil
	}
	ok, err := m.wasApproved(e)
	if !ok && err == nil {
		state = catalog.SigNotYet.F(state)
	}
	return ok, state, err
}

// issueOf is the issued PDF of version e, as its manifest records it.
func issueOf(e archive.Entry) (signedcopy.Issue, error) {
	man, err := reports.ReadManifest(e.Dir)
	if err != nil {
		return signedcopy.Issue{}, err
	}
	o, ok := output(man, PDF)
	if !ok {
		return signedcopy.Issue{}, ErrMissingFile.Newf(catalog.WfNoPDF, e.Dir)
	}
	return signedcopy.Issue{Dir: e.Dir, Version: e.Version, PDF: o.Path, SHA256: o.SHA256}, nil
}

// whichVersion names the other version of e's period whose PDF data
// starts with: "bản dự thảo v1", "bản v3"; "" when none.
func (m *Flow) whichVersion(e archive.Entry, data []byte) string {
	all, err := m.store.Versions(e.Report, e.Period)
	if err != nil {
		return ""
	}
	for _, o := range all {
		if o.Version == e.Version {
			continue
		}
		is, err := issueOf(o)
		if err != nil {
			continue
		}
		pdf, err := os.ReadFile(filepath.Join(o.Dir, is.PDF))
		if err != nil || !bytes.HasPrefix(data, pdf) {
			continue
		}
		if m.isDraft(o) {
			return catalog.SigDraftV.F(o.Version)
		}
		return catalog.SigVersionV.F(o.Version)
	}
	return ""
}

// isDraft says whether o was made as a draft for review (approved or not).
func (m *Flow) isDraft(o archive.Entry) bool {
	if !m.cfg.Reports[o.Report].Reviewed() {
		return false
	}
	man, err := reports.ReadManifest(o.Dir)
	return err == nil && man.IssuedFrom == nil
}

// releaseSigned lets a version that waits for its signed copy go, once
// the copy is there: its record says approved (to send). It says whether
// the version is now to be sent because of it.
func (j *Job) releaseSigned(e archive.Entry) (bool, error) {
	rec, _, err := delivery.LoadRecord(e.Dir)
	if err != nil || rec.Status != delivery.AwaitingSignature {
		return false, err
	}
	if c, err := signedcopy.Read(e.Dir); err != nil || c == nil {
		return false, err
	}
	rec.Status = delivery.Approved
	if err := rec.Save(e.Dir); err != nil {
		return false, err
	}
	j.notify(Sending, catalog.NoteSignedHere, j.maker.ref(e))
	return true, nil
}

// awaitingSignature is the error of a version that waits for its signed copy.
func (m *Flow) awaitingSignature(e archive.Entry) error {
	return ErrAwaitingSignature.Newf(catalog.WfAwaitingSignature, m.ref(e), e.Report, e.Period)
}

// SendSigned sends the district the signed copy of a version that went
// out before its copy arrived: a follow-up message "bản đã ký số", once
// (its own record, SignedMailName; force sends it again). A version not
// sent yet is sent as usual, carrying the signed copy.
func (j *Job) SendSigned(ctx context.Context, e archive.Entry, force bool) (*delivery.Record, error) {
	unlock, err := j.lock(e.Report)
	if err != nil {
		return nil, err
	}
	defer unlock()
	c, err := signedcopy.Read(e.Dir)
	if err != nil {
		return nil, err
	}
	if c == nil {
		return nil, ErrNoSignedCopy.Newf(catalog.WfNoSignedCopy, j.maker.ref(e), e.Report, e.Period)
	}
	rec, _, err := delivery.LoadRecord(e.Dir)
	if err != nil {
		return nil, err
	}
	if rec.Status != delivery.Sent {
		to, err := j.sendable(ctx, e)
		if err != nil {
			return nil, err
		}
		return j.send(ctx, to, false)
	}
	if at := lastSent(rec); !at.IsZero() && !force {
		if got, err := time.Parse(time.RFC3339, c.ReceivedAt); err == nil && got.Before(at) {
			return rec, ErrSignedSent.Newf(catalog.WfSignedWentOut, j.maker.ref(e), stamp(at.Format(time.RFC3339), j.maker.cfg.Location))
		}
	}
	if j.mail == nil {
		return nil, delivery.ErrSettings.Newf(catalog.MailNoHost)
	}
	msg, err := j.maker.signedMessage(e, c, rec)
	if err != nil {
		return nil, err
	}
	return delivery.New(*j.mail, delivery.Options{Now: j.maker.now, Record: SignedMailName}).Deliver(ctx, e.Dir, msg, force)
}

// ErrNoSignedCopy is returned by SendSigned for a version without one.
var ErrNoSignedCopy = catalog.NewClass(catalog.ClassNoSignedCopy).WithFault(fault.NotFound)

// ErrSignedSent is returned by SendSigned when the district's message
// itself carried the signed copy: there is nothing to follow up.
var ErrSignedSent = catalog.NewClass(catalog.ClassSignedSent)

func lastSent(rec *delivery.Record) time.Time {
	var at time.Time
	for _, a := range rec.Attempts {
		if a.Result == "sent" {
			at, _ = time.Parse(time.RFC3339, a.At)
		}
	}
	return at
}

// signedMessage is the follow-up message carrying a signed copy: it
// refers to the district's message of the version.
func (m *Flow) signedMessage(e archive.Entry, c *signedcopy.Record, sent *delivery.Record) (*delivery.Message, error) {
	man, err := reports.ReadManifest(e.Dir)
	if err != nil {
		return nil, err
	}
	r, ok := m.cfg.Reports[e.Report]
	if !ok {
		return nil, fmt.Errorf("%w %q", reports.ErrUnknownReport, e.Report)
	}
	p, err := period.Parse(man.Period.Label, r.Boundary)
	if err != nil {
		return nil, err
	}
	data, err := c.Data(e.Dir)
	if err != nil {
		return nil, err
	}
	doc := m.mailDoc(man, p)
	subject := render.Fill(m.texts.Subject, render.TextData(doc))
	when := ""
	if at := lastSent(sent); !at.IsZero() {
		when = " lúc " + at.In(m.cfg.Location).Format("15:04 ngày 02/01/2006")
	}
	body := []string{
		fmt.Sprintf("Đơn vị gửi bản đã ký số của báo cáo đã gửi%s (\"%s\").", when, subject),
		"",
		"Bản đã ký số là đúng tệp PDF đã gửi, có thêm chữ ký số:",
	}
	body = append(body, SignerLines(c, m.cfg.Location)...)
	body = append(body, "", m.texts.EmailFiles, "- "+c.File, "", render.Fill(m.texts.EmailClosing, render.TextData(doc)))
	orig := sent.Original
	if orig == "" {
		orig = sent.MessageID
	}
	id := strings.Replace(messageID(m.cfg, e, man.Version), "@", ".ky-so@", 1)
	return &delivery.Message{From: m.cfg.SMTP.From, To: r.To, Cc: r.Cc, Date: m.now(),
		Subject: "[Bản đã ký số] " + subject, MessageID: id, References: orig,
		Body:        strings.Join(body, "\n") + "\n",
		Attachments: []delivery.Attachment{{Name: c.File, ContentType: "application/pdf", Data: data}}}, nil
}

// SignerLines describes a signed copy's signers, one line each, in
// Vietnamese: name, CA, serial, validity, time of signing.
func SignerLines(c *signedcopy.Record, loc *time.Location) []string {
	var out []string
	for _, s := range c.Signers {
		who := "- Người ký: " + s.Name
		if s.Timestamp {
			who = "- Dấu thời gian: " + s.Name
		}
		line := fmt.Sprintf("%s; chứng thư số do %s cấp, số sê-ri %s, hiệu lực %s–%s", who, s.Issuer, s.Serial,
			s.NotBefore.In(loc).Format("02/01/2006"), s.NotAfter.In(loc).Format("02/01/2006"))
		if !s.SigningTime.IsZero() {
			line += "; ký lúc " + s.SigningTime.In(loc).Format("15:04 02/01/2006")
		}
		if s.Trusted != nil {
			if *s.Trusted {
				line += "; chuỗi chứng thư dẫn tới gốc tin cậy đã cấu hình"
			} else {
				line += "; chuỗi chứng thư KHÔNG dẫn tới gốc tin cậy đã cấu hình"
			}
		}
		out = append(out, line)
	}
	return out
}

// WithSignedCopy is the newest version of a period that has a signed copy.
func (m *Flow) WithSignedCopy(report, label string) (archive.Entry, error) {
	all, err := m.store.Versions(report, label)
	if err != nil {
		return archive.Entry{}, err
	}
	for i := len(all) - 1; i >= 0; i-- {
		if c, err := signedcopy.Read(all[i].Dir); err != nil {
			return archive.Entry{}, err
		} else if c != nil {
			return all[i], nil
		}
	}
	return archive.Entry{}, ErrNoSignedCopy.Newf(catalog.WfNoSignedAny, m.reportName(report), label, report, label)
}

// CanSign says whether version e may get a signed copy now: it is the
// approved document and has none yet.
func (m *Flow) CanSign(e archive.Entry) bool {
	if c, err := signedcopy.Read(e.Dir); err != nil || c != nil {
		return false
	}
	ok, _, err := m.signable(e)
	return ok && err == nil
}
