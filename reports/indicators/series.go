package indicators

import (
	"time"

	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/plan"
)

// Series is a ratio indicator's value month by month.
type Series struct {
	ID      string  `json:"id"`
	Text    string  `json:"text"`
	Target  float64 `json:"target"`
	Compare string  `json:"compare"`
	Points  []Point `json:"points"`
}

// Point is one month of a series. Value is nil for a month with nothing
// to count (an empty denominator): a gap, never a zero.
type Point struct {
	Period      string   `json:"period"`
	From        string   `json:"from"`
	To          string   `json:"to"`
	Value       *float64 `json:"value"`
	Numerator   int      `json:"numerator"`
	Denominator int      `json:"denominator"`
}

// InSeries reports whether an indicator has a monthly series: a share
// counted from dated rows. Manual values are given per period by hand,
// "any" indicators are a yes/no, and an undated source (the staff list)
// has no months.
func InSeries(ind plan.Indicator) bool {
	return ind.Kind == "ratio" && ind.PeriodCol != "" && !ind.Any
}

// YearSoFar lists the months, with p's boundaries, from the first month of
// p's year to the month p ends with: the twelve months of an annual
// report, the six of the first half-year, January to September for the
// third quarter.
func YearSoFar(p period.Period) []period.Period {
	last := map[period.Kind]int{period.Month: p.N, period.Quarter: 3 * p.N, period.HalfYear: 6 * p.N, period.Year: 12}[p.Kind]
	var months []period.Period
	for m := 1; m <= last; m++ {
		months = append(months, period.New(period.Month, p.Boundary, p.Year, m))
	}
	return months
}

func (s *span) series(ind plan.Indicator, rs []Result) (Series, bool) {
	if len(s.months) == 0 || !InSeries(ind) {
		return Series{}, false
	}
	out := Series{ID: ind.ID, Text: ind.Text, Target: ind.Target, Compare: rs[0].Compare}
	for _, i := range s.months {
		p, r := s.periods[i], rs[i]
		pt := Point{Period: p.Label(), From: p.From.Format(time.DateOnly), To: p.To.Format(time.DateOnly), Value: r.Value}
		if r.Numerator != nil {
			pt.Numerator, pt.Denominator = *r.Numerator, *r.Denominator
		}
		out.Points = append(out.Points, pt)
	}
	return out, true
}
