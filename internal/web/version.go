package web

import (
	"errors"
	"fmt"
	"github.com/mn2010/baocao/internal/catalog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// ref reads the report, period and version of a version URL; it says so
// (404) and returns false when they cannot name a version.
func (s *Server) ref(w http.ResponseWriter, r *http.Request) (VersionRef, bool) {
	v := VersionRef{Report: r.PathValue("report"), Period: r.PathValue("period")}
	n, err := strconv.Atoi(strings.TrimPrefix(r.PathValue("version"), "v"))
	// Only the canonical spelling names a version: v1, never v01 or v+1.
	if err != nil || n < 1 || r.PathValue("version") != "v"+strconv.Itoa(n) || !labelRe.MatchString(v.Period) {
		s.fail(w, r, http.StatusNotFound, catalog.PgNoVersion.String(), catalog.PgNoVersionFix.String())
		return v, false
	}
	v.Version = n
	return v, true
}

func (v VersionRef) path() string {
	return fmt.Sprintf("/bao-cao/%s/%s/v%d", v.Report, v.Period, v.Version)
}

// String names the version as people read it.
func (v VersionRef) String() string { return fmt.Sprintf("%s %s v%d", v.Report, v.Period, v.Version) }

type versionData struct {
	*VersionDetail
	Path     string
	PDF      string // the download URL of the PDF, "" when none
	Message  string // the result of an action just done
	Approver string // who would approve: the account logged in ("Nguyễn Thị Hồng Vân (hiệu trưởng)")
	// MayReview and MayOperate tell whether the visitor's role allows
	// the review actions and sending; NoReview says why not, when a
	// review action applies.
	MayReview, MayOperate bool
	NoReview              string
	Error                 string // why the action just asked was refused
	Hint                  string // what to do about it
	Form                  reviewForm
}

// reviewForm is what was typed in the review forms, shown again with the
// error when an action is refused.
type reviewForm struct {
	Number, Date, Note, Reason string
}

// version is a version's page: the PDF, the figures, the warnings, the
// downloads, the deliveries and the actions that apply.
func (s *Server) version(w http.ResponseWriter, r *http.Request) {
	ref, ok := s.ref(w, r)
	if !ok {
		return
	}
	s.versionPage(w, r, ref, http.StatusOK, nil)
}

// versionPage shows a version; when refused is not nil, with the refused
// action's error and its form filled in as typed.
func (s *Server) versionPage(w http.ResponseWriter, r *http.Request, ref VersionRef, status int, refused *versionData) {
	d, err := s.backend.Version(r.Context(), ref.Report, ref.Period, ref.Version)
	if err != nil {
		s.backendFail(w, r, err)
		return
	}
	vd := versionData{VersionDetail: d, Path: ref.path()}
	vd.MayReview, vd.MayOperate = s.may(r, dutyReview, ref.Report), s.may(r, dutyOperate, ref.Report)
	if ac := account(r); ac != nil {
		vd.Approver = ac.FullName + " (" + ac.Role.Label() + ")"
	}
	if !vd.MayReview {
		msg, hint := s.refusal(account(r), dutyReview)
		vd.NoReview = msg + " " + hint
	}
	for _, f := range d.Files {
		if f.Kind == "PDF" {
			vd.PDF = ref.path() + "/tep/" + f.Name
		}
	}
	if refused != nil {
		vd.Error, vd.Hint, vd.Form = refused.Error, refused.Hint, refused.Form
	}
	if m, ok := signedMessages[r.URL.Query().Get("kq")]; ok {
		vd.Message = m.String()
	}
	switch r.URL.Query().Get("kq") {
	case "da-gui":
		vd.Message = catalog.PgDoneSent.String()
	case "moi":
		vd.Message = catalog.PgDoneNew.String()
		if d.State == StateDraft {
			vd.Message = catalog.PgDoneDraft.String()
		}
	case "da-duyet":
		vd.Message = catalog.PgDoneApproved.String()
		switch d.State {
		case StateSent:
			vd.Message = catalog.PgDoneAppSent.String()
		case StatePending, StateFailed:
			vd.Message = catalog.PgDoneAppUnsent.String()
		}
	case "tra-lai":
		vd.Message = catalog.PgDoneReturned.String()
	}
	s.render(w, r, status, "version", versionName(d.Title, ref), vd)
}

// refuseReview answers a refused approval or return with the version's
// page again: the error, and the form as it was typed.
func (s *Server) refuseReview(w http.ResponseWriter, r *http.Request, ref VersionRef, status int, msg, hint string) {
	s.versionPage(w, r, ref, status, &versionData{Error: msg, Hint: hint,
		Form: reviewForm{Number: r.PostFormValue("number"), Date: r.PostFormValue("date"), Note: r.PostFormValue("note"), Reason: r.PostFormValue("reason")}})
}

// reviewFail answers a backend error of the review step: a refusal or bad
// input re-shows the form; anything else is the error page.
func (s *Server) reviewFail(w http.ResponseWriter, r *http.Request, ref VersionRef, err error) {
	switch {
	case errors.Is(err, ErrRefused):
		s.refuseReview(w, r, ref, statusOf(err), catalog.PgRefused.F(plain(err)), "")
	case errors.Is(err, ErrBadInput):
		s.refuseReview(w, r, ref, statusOf(err), catalog.PgBadRequest.F(plain(err)+"."), "")
	default:
		s.backendFail(w, r, err)
	}
}

// file serves a file the version's manifest lists; the backend picks the
// path, the request only names an entry.
func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	ref, ok := s.ref(w, r)
	if !ok {
		return
	}
	f, err := s.backend.File(r.Context(), ref.Report, ref.Period, ref.Version, r.PathValue("name"))
	if err != nil {
		s.backendFail(w, r, err)
		return
	}
	defer f.Content.Close()
	w.Header().Set("Content-Type", f.ContentType)
	disp := "attachment"
	if f.ContentType == "application/pdf" && r.URL.Query().Get("tai") == "" {
		disp = "inline"
	}
	w.Header().Set("Content-Disposition", disp+"; filename*=utf-8''"+url.PathEscape(f.Name))
	w.Header().Set("Cache-Control", "private, max-age=3600")
	http.ServeContent(w, r, f.Name, f.ModTime, f.Content)
}

type confirmData struct {
	Path       string
	Name       string // the version in words
	Sent       *Attempt
	MaybeSent  *Attempt // the last attempt, when its outcome is unknown
	Recipients []string
	Token      string // single use (confirm.go)
}

// resendConfirm asks before sending a version again, saying when and to
// whom it was sent.
func (s *Server) resendConfirm(w http.ResponseWriter, r *http.Request) {
	ref, ok := s.ref(w, r)
	if !ok || !s.permit(w, r, dutyOperate, ref.Report) {
		return
	}
	d, err := s.backend.Version(r.Context(), ref.Report, ref.Period, ref.Version)
	if err != nil {
		s.backendFail(w, r, err)
		return
	}
	cd := confirmData{Path: ref.path(), Name: versionName(d.Title, ref), Recipients: d.Recipients}
	if d.Delivery != nil {
		cd.Sent = d.Delivery.LastSent()
		if n := len(d.Delivery.Attempts); d.Delivery.Status == StateMaybeSent && n > 0 {
			cd.MaybeSent = &d.Delivery.Attempts[n-1]
		}
	}
	if !d.Can(string(ActResend)) || cd.Sent == nil && cd.MaybeSent == nil {
		s.fail(w, r, http.StatusConflict, catalog.PgNotSentYet.String(), catalog.PgNotSentYetFix.String())
		return
	}
	cd.Token = s.confirmToken(current(r), ref, d.Delivery)
	s.render(w, r, http.StatusOK, "confirm", catalog.PgTitleResend.F(cd.Name), cd)
}

// send delivers a version; "confirm" (the confirmation page's single-use
// token) sends one that was sent before, once.
func (s *Server) send(w http.ResponseWriter, r *http.Request) {
	ref, ok := s.ref(w, r)
	if !ok || !s.permit(w, r, dutyOperate, ref.Report) {
		return
	}
	who := current(r).Who
	token := r.PostFormValue("confirm")
	force := token != ""
	if force && !s.checkConfirm(w, r, ref, token) {
		return
	}
	s.set.Logger.Info("web: send", "who", who, "report", ref.Report, "period", ref.Period, "version", ref.Version, "resend", force, "remote", clientIP(r))
	del, err := s.backend.Send(r.Context(), who, ref, force)
	if err != nil && s.storageFail(w, r, err) {
		return
	}
	var sf *SendFailure
	if errors.As(err, &sf) {
		s.set.Logger.Warn("web: send failed", "who", who, "version", ref.String(), "transient", sf.Transient, "error", sf.Err.Error())
		d := errorData{Status: statusOf(sf), Message: catalog.PgSendFailed.F(sf.Reason), Back: ref.path(), BackText: catalog.PgBackVersion.String()}
		if sf.Transient {
			d.Hint = catalog.PgSendRetries.String()
		} else {
			d.Hint = catalog.PgSendFix.F(sf.Fix)
		}
		s.renderView(w, r, d.Status, "error", view{Title: catalog.PgTitleNotSent.String(), Nav: "-", Data: d})
		return
	}
	if err != nil {
		s.set.Logger.Warn("web: send failed", "who", who, "version", ref.String(), "error", err.Error())
		s.backendFail(w, r, err)
		return
	}
	s.set.Logger.Info("web: sent", "who", who, "version", ref.String(), "message_id", del.MessageID)
	http.Redirect(w, r, ref.path()+"?kq=da-gui", http.StatusSeeOther)
}

// approve and reject are the review actions (reports' approval step); the
// backend says in Vietnamese why one is refused.
func (s *Server) approve(w http.ResponseWriter, r *http.Request) {
	ref, ok := s.ref(w, r)
	if !ok || !s.permit(w, r, dutyReview, ref.Report) {
		return
	}
	ac := account(r)
	// The decision is the account's: its full name and role, never a
	// typed name.
	a := Approval{Name: ac.FullName, Account: ac.Name, Role: string(ac.Role), Note: strings.TrimSpace(r.PostFormValue("note")),
		ForceNumber: r.PostFormValue("force-number") != ""}
	if n := strings.TrimSpace(r.PostFormValue("number")); n != "" {
		num, err := strconv.Atoi(n)
		if err != nil || num < 1 {
			s.refuseReview(w, r, ref, http.StatusBadRequest, catalog.PgBadNumber.F(n), catalog.PgBadNumberFix.String())
			return
		}
		a.Number = num
	}
	if d := strings.TrimSpace(r.PostFormValue("date")); d != "" {
		t, err := time.ParseInLocation("02/01/2006", d, s.set.Location)
		if err != nil {
			s.refuseReview(w, r, ref, http.StatusBadRequest, catalog.PgBadDate.F(d), catalog.PgBadDateFix.String())
			return
		}
		a.Date = t
	}
	who := current(r).Who
	s.set.Logger.Info("web: approve", "who", who, "account", ac.Name, "role", string(ac.Role), "version", ref.String(), "number", a.Number, "date", r.PostFormValue("date"), "remote", clientIP(r))
	issued, err := s.backend.Approve(r.Context(), who, ref, a)
	if err != nil {
		s.set.Logger.Warn("web: approve refused", "who", who, "version", ref.String(), "error", err.Error())
		s.reviewFail(w, r, ref, err)
		return
	}
	s.set.Logger.Info("web: approved", "who", who, "version", ref.String(), "issued", issued.String())
	http.Redirect(w, r, issued.path()+"?kq=da-duyet", http.StatusSeeOther)
}

func (s *Server) reject(w http.ResponseWriter, r *http.Request) {
	ref, ok := s.ref(w, r)
	if !ok || !s.permit(w, r, dutyReview, ref.Report) {
		return
	}
	ac := account(r)
	reason := strings.TrimSpace(r.PostFormValue("reason"))
	if reason == "" {
		s.refuseReview(w, r, ref, http.StatusBadRequest, catalog.PgNoReason.String(), catalog.PgNoReasonFix.String())
		return
	}
	who := current(r).Who
	s.set.Logger.Info("web: reject", "who", who, "account", ac.Name, "role", string(ac.Role), "version", ref.String(), "reason", reason, "remote", clientIP(r))
	if err := s.backend.Reject(r.Context(), Decider{Name: ac.FullName, Account: ac.Name, Role: string(ac.Role)}, ref, reason); err != nil {
		s.set.Logger.Warn("web: reject refused", "who", who, "version", ref.String(), "error", err.Error())
		s.reviewFail(w, r, ref, err)
		return
	}
	http.Redirect(w, r, ref.path()+"?kq=tra-lai", http.StatusSeeOther)
}

// personName is the name part of "Name <address>".
func personName(addr string) string {
	if i := strings.Index(addr, "<"); i > 0 {
		return strings.TrimSpace(addr[:i])
	}
	return strings.TrimSpace(addr)
}
