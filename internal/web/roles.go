package web

import (
	"net/http"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/catalog"
)

// duty is a kind of action the server checks the visitor's role for.
type duty int

const (
	// dutyOperate: run, send, resend, upload a signed copy (the clerk's
	// work).
	dutyOperate duty = iota
	// dutyReview: approve or return a draft.
	dutyReview
)

// may tells whether the visitor may do d to report. With accounts, the
// role decides (accounts.Role); without accounts, everything but review,
// which always needs an approver's account.
func (s *Server) may(r *http.Request, d duty, report string) bool {
	ac := account(r)
	switch d {
	case dutyOperate:
		if ac == nil {
			return !s.usesAccounts()
		}
		return ac.Role.CanOperate()
	case dutyReview:
		return ac != nil && ac.Role.CanApprove(ac.Name, s.set.Approvers[report])
	}
	return false
}

// permit answers 403 with a Vietnamese page, and logs the refusal, when
// the visitor may not do d to report; nothing is done then.
func (s *Server) permit(w http.ResponseWriter, r *http.Request, d duty, report string) bool {
	if s.may(r, d, report) {
		return true
	}
	ac := account(r)
	name, role := current(r).Who, ""
	if ac != nil {
		role = string(ac.Role)
	}
	s.set.Logger.Warn("web: refused: role does not allow it", "who", name, "account", current(r).Account, "role", role, "path", r.URL.Path, "remote", clientIP(r))
	msg, hint := s.refusal(ac, d)
	s.renderView(w, r, http.StatusForbidden, "error", view{Title: catalog.PgTitleForbidden.String(), Nav: "-",
		Data: errorData{Status: http.StatusForbidden, Message: msg, Hint: hint}})
	return false
}

// refusal says why the visitor may not, and what to do.
func (s *Server) refusal(ac *accounts.Account, d duty) (msg, hint string) {
	if d == dutyReview {
		if ac == nil {
			return catalog.WebReviewNoAccount.String(), catalog.WebReviewNoAccHint.F(firstAccountCommand)
		}
		if ac.Role == accounts.Deputy {
			return catalog.WebReviewDeputy.F(ac.Name), catalog.WebReviewDeputyHint.String()
		}
		return catalog.WebReviewRole.F(ac.Name, ac.Role.Label()), catalog.WebReviewRoleHint.String()
	}
	return catalog.WebOperateRole.F(ac.Name, ac.Role.Label()), catalog.WebOperateRoleHint.String()
}
