package reports

import (
	"github.com/mn2010/baocao/internal/catalog"

	"github.com/mn2010/baocao/reports/period"
)

// PlanYearWarning says, when period p falls outside the year the plan is
// for (the 2024 plan used for 2026-11), that the targets and tasks are that
// year's; "" otherwise. The run goes on: a report of last year's targets
// is better than none, but the clerk should name this year's plan.
func (m *Maker) PlanYearWarning(p period.Period) string {
	y := m.plan.ForYear()
	if y == 0 || y == p.Year {
		return ""
	}
	return catalog.PlanYearRun.F(m.PlanName(), y, p.Label(), p.Year, y, p.Year)
}

// PlanName names the plan: its file as the config names it, else its title
// (the built-in plan).
func (m *Maker) PlanName() string {
	if m.cfg.Plan != "" {
		return m.cfg.Plan
	}
	return catalog.PlanBuiltIn.F(m.plan.Title)
}

// LatestMonth is the latest month period ended today (Decree 09
// boundaries): what validate and doctor compare the plan's year with.
func (m *Maker) LatestMonth() period.Period {
	return period.LatestEnded(period.Month, period.Decree09, m.now().In(m.cfg.Location))
}

// PlanYear is the year the plan is for (0 when it does not say).
func (m *Maker) PlanYear() int { return m.plan.ForYear() }
