package web

import (
	"net/http"
	"regexp"
)

var labelRe = regexp.MustCompile(`^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$`)

// check is Kiểm tra dữ liệu: what `baocao validate` prints, by file.
func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	label := r.URL.Query().Get("ky")
	if label != "" && !labelRe.MatchString(label) {
		s.fail(w, r, http.StatusBadRequest, "Kỳ báo cáo “"+label+"” không đúng dạng.", "Viết kỳ như 2024-03, 2024-Q1, 2024-H1 hoặc 2024, hoặc để trống.")
		return
	}
	c, err := s.backend.Check(r.Context(), label)
	if err != nil {
		s.backendFail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "check", "Kiểm tra dữ liệu", c)
}
