package web

import (
	"net/http"

	"github.com/mn2010/baocao/internal/accounts"
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
	s.renderView(w, r, http.StatusForbidden, "error", view{Title: "Không được phép", Nav: "-",
		Data: errorData{Status: http.StatusForbidden, Message: msg, Hint: hint}})
	return false
}

// refusal says why the visitor may not, and what to do.
func (s *Server) refusal(ac *accounts.Account, d duty) (msg, hint string) {
	if d == dutyReview {
		if ac == nil {
			return "Duyệt và trả lại báo cáo cần tài khoản của người duyệt. Không có gì được gửi đi.",
				"Tạo tài khoản cho hiệu trưởng (" + firstAccountCommand + "), rồi hiệu trưởng đăng nhập bằng tài khoản đó để duyệt."
		}
		if ac.Role == accounts.Deputy {
			return "Tài khoản " + ac.Name + " (phó hiệu trưởng) không được giao duyệt báo cáo này. Không có gì được gửi đi.",
				"Chỉ hiệu trưởng, hoặc phó hiệu trưởng có tên trong danh sách người duyệt (approvers) của báo cáo, mới duyệt hay trả lại được."
		}
		return "Tài khoản " + ac.Name + " (" + ac.Role.Label() + ") không được duyệt hay trả lại báo cáo. Không có gì được gửi đi.",
			"Theo Nghị định 30/2020/NĐ-CP, việc duyệt thuộc về hiệu trưởng hoặc phó hiệu trưởng được giao. Báo cho người duyệt mở trang này bằng tài khoản của họ."
	}
	return "Tài khoản " + ac.Name + " (" + ac.Role.Label() + ") chỉ được xem, không được chạy hay gửi báo cáo.",
		"Việc chạy, gửi báo cáo và tải lên bản ký số do văn thư làm."
}
