package web

import (
	"github.com/mn2010/baocao/internal/catalog"
	"net/http"
)

// PlanInfo is the plan in force, as the page "Kế hoạch" shows it.
type PlanInfo struct {
	Reference string // "Kế hoạch số 13/KH-MN2010 ngày 12 tháng 01 năm 2024"
	Title     string
	Unit      string // "" when the plan does not say
	Year      int    // 0 when the plan does not say
	File      string // the plan file the config names; "" for the built-in plan
	Targets   []PlanTarget
	Tasks     []PlanTask
}

// PlanTarget is one target with its threshold and how it is measured.
type PlanTarget struct {
	ID, Text  string
	Threshold string // as the reports print it: "Từ 99% trở lên"
	How       string // "đo bằng …" or "nhập tay (…)"
	Manual    bool
}

// PlanTask is one task of the plan.
type PlanTask struct{ ID, Title string }

// plan is Kế hoạch: the plan in force, its targets and tasks.
func (s *Server) plan(w http.ResponseWriter, r *http.Request) {
	p, err := s.backend.Plan(r.Context())
	if err != nil {
		s.backendFail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "plan", catalog.PgTitlePlan.String(), p)
}
