package setup

import (
	"fmt"
	"github.com/mn2010/baocao/internal/catalog"
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
		Prompt: catalog.IqPlanDoc, Set: setPlanDoc}
}

func setPlanDoc(a *Answers, s string) error {
	a.PlanDoc, a.PlanTOML, a.PlanSummary, a.PlanYear = "", "", "", 0
	s = strings.Trim(strings.TrimSpace(s), `"'`)
	if s == "" {
		b, err := plan.Builtin()
		if err != nil {
			return err
		}
		if a.Name != "" && !plan.SameUnit(b.Unit, a.Name) { // no name is said by its own question
			return catalog.IePlanBuiltin.Errorf(b.Unit, a.Name)
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
		return catalog.IePlanUnread.Errorf(s, s)
	}
	if res.Plan.Unit != "" && !plan.SameUnit(res.Plan.Unit, a.Name) {
		return catalog.IePlanOther.Errorf(s, res.Plan.Unit, a.Name)
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
