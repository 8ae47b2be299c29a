package setup

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/reports/plan/importer"
)

// planQuestion asks for the unit's CCHC plan document, which is imported
// (package importer) into a plan file written beside the config. Left
// empty, the built-in plan is used — only when the unit is the school that
// plan belongs to.
func planQuestion() Question {
	return Question{Flag: "plan-doc",
		Help: "the unit's CCHC plan document (.docx, .txt or .md), imported into a plan file beside the config; " +
			"empty only for the built-in 2024 plan's own school",
		Prompt: "Tệp kế hoạch CCHC năm nay của đơn vị (.docx, .txt hoặc .md); để trống chỉ khi đơn vị dùng " +
			"Kế hoạch số 13/KH-MN2010 năm 2024 có sẵn của Trường Mầm non 20/10",
		Set: setPlanDoc}
}

func setPlanDoc(a *Answers, s string) error {
	a.PlanDoc, a.PlanTOML, a.PlanSummary, a.PlanYear = "", "", "", 0
	s = strings.Trim(strings.TrimSpace(s), `"'`)
	if s == "" {
		b, err := plan.Builtin()
		if err != nil {
			return err
		}
		if !plan.SameUnit(b.Unit, a.Name) {
			return fmt.Errorf("kế hoạch có sẵn là của %s, không phải của %s: cho biết tệp kế hoạch CCHC của đơn vị (.docx)", b.Unit, a.Name)
		}
		return nil
	}
	abs, err := filepath.Abs(s)
	if err != nil {
		return err
	}
	res, err := importer.Import(abs)
	if err != nil {
		return err
	}
	if res.Plan == nil {
		return fmt.Errorf("%s: có chỉ tiêu chưa đọc được ngưỡng; chạy baocao plan import %s -o ke-hoach.toml, sửa tệp rồi khai báo plan = \"ke-hoach.toml\"", s, s)
	}
	if res.Plan.Unit != "" && !plan.SameUnit(res.Plan.Unit, a.Name) {
		return fmt.Errorf("%s là kế hoạch của %s, không phải của %s: chọn kế hoạch của đơn vị", s, res.Plan.Unit, a.Name)
	}
	var table strings.Builder
	if err := res.WriteTable(&table); err != nil {
		return err
	}
	a.PlanDoc, a.PlanTOML, a.PlanSummary, a.PlanYear = abs, res.TOML, table.String(), res.Plan.ForYear()
	return nil
}

// PlanFile is the name of the plan file init writes beside the config
// ("ke-hoach-2025.toml"); "" when the built-in plan is used.
func (a *Answers) PlanFile() string {
	if a.PlanTOML == "" {
		return ""
	}
	if a.PlanYear != 0 {
		return fmt.Sprintf("ke-hoach-%d.toml", a.PlanYear)
	}
	return "ke-hoach.toml"
}
