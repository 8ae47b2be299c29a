package indicators

import (
	"fmt"
	"math"

	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// manualResult is a manual indicator's value carried forward from the latest
// row on or before the period end.
func manualResult(ind plan.Indicator, rows []dated, in Input, out *Outcome) Result {
	r := base(ind, ind.ValueType)
	t := in.Tables[plan.Manual]
	vc := t.Col("value")
	d, ok := latest(rows, sources.Fold(ind.ID), in.Period, func(d dated) bool {
		_, good := manualValue(ind.ValueType, d.row.Cell(vc).Text)
		if !good {
			out.warn(t, d.row.Line, "value", d.row.Cell(vc).Text, manualHelp[ind.ValueType])
		}
		return good
	})
	if !ok {
		r.Status = NoData
		out.warnSource(t, "chưa có số liệu chỉ tiêu %s cho kỳ %s: nhập một dòng với Mã chỉ tiêu %s và Kỳ báo cáo %s",
			ind.ID, in.Period.Label(), ind.ID, in.Period.Label())
		return r
	}
	v, _ := manualValue(ind.ValueType, d.row.Cell(vc).Text)
	r.Value = &v
	r.entry = fmt.Sprintf("%s@%d", d.label, d.row.Line)
	if d.label != in.Period.Label() {
		r.Note = "Số liệu kỳ " + d.label
		if n := staleMonths(d, in); n > StaleMonths {
			out.warn(t, d.row.Line, "period", d.row.Cell(t.Col("period")).Text, fmt.Sprintf(
				"chỉ tiêu %s dùng số liệu kỳ %s, cũ hơn kỳ báo cáo %s %d tháng: nhập số liệu mới với Mã chỉ tiêu %s và Kỳ báo cáo %s nếu có",
				ind.ID, d.label, in.Period.Label(), n, ind.ID, in.Period.Label()))
		}
	}
	r.setMet(meets(v, ind.Target, r.Compare))
	return r
}

var manualHelp = map[string]string{
	"rank":     "giá trị xếp hạng phải là số nguyên dương, ví dụ 3",
	"fraction": "giá trị tỷ lệ phải từ 0 đến 100%, ví dụ 45% hoặc 0,45",
	"yesno":    "giá trị phải là \"Có\" hoặc \"Không\"",
}

func manualValue(kind, text string) (float64, bool) {
	switch kind {
	case "yesno":
		b, err := sources.ParseYesNo(text)
		if err != nil || sources.Clean(text) == "" {
			return 0, false
		}
		if b {
			return 1, true
		}
		return 0, true
	case "rank":
		v, err := sources.ParseNumber(text)
		return v, err == nil && v >= 1 && v == math.Trunc(v)
	}
	v, err := sources.ParseNumber(text)
	return v, err == nil && v >= 0 && v <= 1+epsilon
}
