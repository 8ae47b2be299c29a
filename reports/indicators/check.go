package indicators

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// StaleMonths is how much older than the report's period a manual value
// carried forward may be before the report warns about it.
const StaleMonths = 12

// warnUnknown warns about each manual-values row whose indicator the plan
// does not have ("9.9"): its figure is used nowhere.
func warnUnknown(in Input, rows []dated, out *Outcome) {
	t := in.Tables[plan.Manual]
	if t == nil {
		return
	}
	known := map[string]bool{}
	var manual []string
	for _, ind := range in.Plan.Indicators {
		known[sources.Fold(ind.ID)] = true
		if ind.Kind == "manual" {
			manual = append(manual, ind.ID)
		}
	}
	ic := t.Col("indicator")
	for _, d := range rows {
		if !known[d.id] {
			out.warn(t, d.row.Line, "indicator", d.row.Cell(ic).Text, fmt.Sprintf("kế hoạch không có chỉ tiêu này, số liệu của dòng không được dùng: các chỉ tiêu nhập tay là %s",
				strings.Join(manual, ", ")))
		}
	}
}

// CheckManual checks every row of the manual values, whatever its period:
// a period label that cannot be read, an indicator the plan does not have,
// a value its indicator cannot take. `baocao validate` without a period
// uses it; Compute warns about the rows a period uses.
func CheckManual(in Input) []sources.Issue {
	out := &Outcome{}
	rows := readDated(in, plan.Manual, "indicator", out)
	warnUnknown(in, rows, out)
	t := in.Tables[plan.Manual]
	if t == nil {
		return out.Issues
	}
	kinds := map[string]string{}
	for _, ind := range in.Plan.Indicators {
		if ind.Kind == "manual" {
			kinds[sources.Fold(ind.ID)] = ind.ValueType
		}
	}
	vc := t.Col("value")
	for _, d := range rows {
		kind, ok := kinds[d.id]
		if !ok {
			continue
		}
		if _, good := manualValue(kind, d.row.Cell(vc).Text); !good {
			out.warn(t, d.row.Line, "value", d.row.Cell(vc).Text, manualHelp[kind])
		}
	}
	row := func(is sources.Issue) int { // a line about the whole file (how many more) last
		if is.Row == 0 {
			return math.MaxInt
		}
		return is.Row
	}
	sort.SliceStable(out.Issues, func(i, k int) bool { return row(out.Issues[i]) < row(out.Issues[k]) })
	return out.Issues
}

// staleMonths is how many months the carried row's period ends before the
// report's.
func staleMonths(d dated, in Input) int {
	a, b := d.period.To, in.Period.To
	return (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
}
