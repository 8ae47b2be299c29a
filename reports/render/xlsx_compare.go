package render

import (
	"math"

	"github.com/mn2010/baocao/reports/indicators"
)

// The comparison columns of the indicator sheet, after "Ghi chú".
var (
	comparisonHeaders = []string{"Kỳ trước", "So với kỳ trước", "Cùng kỳ năm trước", "So với cùng kỳ năm trước"}
	comparisonWidths  = []float64{13, 17, 13, 17}
)

// comparisonCells are an indicator's earlier values and its changes since
// them. A change is a number with a format that words it ("tăng 2.50
// điểm %": the cell holds 2.5 percentage points; "lên 2 bậc": -2 places;
// "Không → Có": 1); an earlier period without data says so in words,
// never 0.
func comparisonCells(r indicators.Result) []cell {
	out := make([]cell, 0, 4)
	for _, c := range []*indicators.Comparison{r.Previous, r.YearAgo} {
		switch {
		case c == nil:
			out = append(out, cell{"", "text"}, cell{"", "text"})
		case c.Reason == indicators.Undated:
			out = append(out, cell{"", "text"}, cell{UndatedWords, "text"})
		case c.Reason == indicators.SameEntry: // the earlier value is this one, carried: no new figure
			out = append(out, resultCell(r.Unit, c.Value, c.Status), cell{SameEntryWords, "text"})
		case c.Value == nil:
			out = append(out, cell{c.Status, "text"}, cell{"", "text"})
		default:
			out = append(out, resultCell(r.Unit, c.Value, c.Status), changeCell(r.Unit, c.Change))
		}
	}
	return out
}

func changeCell(unit string, ch *float64) cell {
	if ch == nil {
		return cell{"", "text"}
	}
	if math.Abs(*ch) < changeEpsilon { // float noise is no change, not "giảm 0.00"
		ch = new(float64)
	}
	switch {
	case unit == "rank":
		return cell{*ch, "chg_rank"}
	case unit == "yesno":
		return cell{*ch, "chg_yesno"}
	}
	return cell{*ch * 100, "chg_pct"} // percentage points
}
