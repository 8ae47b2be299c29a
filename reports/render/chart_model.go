package render

import (
	"math"
	"strconv"
	"strings"

	"github.com/mn2010/baocao/reports/indicators"
)

// SheetCharts is the workbook sheet of the monthly series and their charts.
const SheetCharts = "Biểu đồ"

// Vietnamese labels shared by the workbook's charts and the PDF's figures.
const (
	chartYTitle      = "Tỷ lệ (%)"
	chartValueLegend = "Kết quả"
	chartTargetLabel = "Kế hoạch"
)

// ChartTitle is a series' chart title: "3.1. Tỷ lệ giải quyết hồ sơ TTHC
// đúng hạn".
func ChartTitle(s indicators.Series) string { return s.ID + ". " + s.Text }

// MonthLabel names a month of a series on a chart axis, short enough
// for any axis (LibreOffice broke "01/2024" into "01/202" and "4"): "2024-03"
// → "T03". The year is in the axis title (ChartXTitle).
func MonthLabel(label string) string {
	_, m, ok := strings.Cut(label, "-")
	if !ok {
		return label
	}
	return "T" + m
}

// ChartXTitle is the month axis's title, the same in the workbook and the
// PDF: "Tháng (kỳ số liệu năm 2024)".
func ChartXTitle(year int) string {
	return "Tháng (kỳ số liệu năm " + strconv.Itoa(year) + ")"
}

// TargetLegend is the legend of a target line: "Kế hoạch (≥ 99%)".
func TargetLegend(s indicators.Series) string {
	cmp := "≥"
	if s.Compare == "<=" {
		cmp = "≤"
	}
	return chartTargetLabel + " (" + cmp + " " + targetText(s.Target) + ")"
}

// targetText prints a target percentage without needless decimals: "99%",
// "97,50%".
func targetText(v float64) string {
	if p := v * 100; math.Abs(p-math.Round(p)) < 1e-9 {
		return pctTick(v)
	}
	return Percent(v)
}

// axisFloor is where every ratio chart's value axis starts: 0%. Charts
// of the same kind share one range, 0–100%, so that a glance compares
// them.
func axisFloor(indicators.Series) float64 { return 0 }

// GapNote says which months of a series have no value, and why: nothing
// to count ("Không phát sinh: T02, T05"); "" when every month has one. A
// gap in the line is then read as what it is, not as missing data.
func GapNote(s indicators.Series) string {
	var months []string
	for _, p := range s.Points {
		if p.Value == nil {
			months = append(months, MonthLabel(p.Period))
		}
	}
	if len(months) == 0 {
		return ""
	}
	return "Tháng không phát sinh (để trống): " + strings.Join(months, ", ")
}

// pctTick prints an axis tick: 0.9 → "90%".
func pctTick(v float64) string { return strconv.Itoa(int(math.Round(v*100))) + "%" }
