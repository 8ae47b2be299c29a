package indicators

import (
	"time"

	"github.com/mn2010/baocao/reports/period"
)

// Comparison is an indicator's value in an earlier period and how the
// report's value differs from it.
type Comparison struct {
	Period string   `json:"period"` // the earlier period's label
	From   string   `json:"from"`
	To     string   `json:"to"`
	Value  *float64 `json:"value"`
	// Status is the earlier period's status word; "Chưa có số liệu" when
	// the sources do not reach back to it (never a zero).
	Status string `json:"status"`
	// Change is the report's value minus the earlier one, in the
	// indicator's unit: a fraction for ratios (0.025 = 2,5 percentage
	// points), places for a rank (positive = a lower place), -1, 0 or 1
	// for yes/no. Nil when either value is missing, or not comparable
	// (Reason).
	Change *float64 `json:"change"`
	// Reason says why an earlier value is not compared: Undated (counted
	// from a source whose rows carry no date, the same rows in every
	// period: no earlier value) or SameEntry (a carried manual value that
	// is the very entry the earlier period showed: no new figure).
	Reason string `json:"reason,omitempty"`
}

// Reasons a comparison has no change.
const (
	Undated   = "undated"
	SameEntry = "same_entry"
)

// Covered reports whether an earlier period had a value to compare with.
func (c *Comparison) Covered() bool { return c != nil && c.Status != NoData }

// span is the set of periods one Compute counts in a single pass over each
// source: the report's period first, then the previous one, the same period
// a year earlier and the months of the year so far, each once.
type span struct {
	periods []period.Period
	prev    int   // index in periods, -1 when not compared
	yearAgo int   // -1 when not compared, or when it is the previous period
	months  []int // the months of the series
}

func newSpan(in Input) *span {
	s := &span{periods: []period.Period{in.Period}, prev: -1, yearAgo: -1}
	index := map[string]int{in.Period.Label(): 0}
	add := func(p period.Period) int {
		if i, ok := index[p.Label()]; ok {
			return i
		}
		index[p.Label()] = len(s.periods)
		s.periods = append(s.periods, p)
		return len(s.periods) - 1
	}
	if in.Compare {
		s.prev = add(in.Period.Prev())
		if i := add(YearEarlier(in.Period)); i != s.prev {
			s.yearAgo = i
		}
	}
	if in.Series {
		for _, m := range YearSoFar(in.Period) {
			s.months = append(s.months, add(m))
		}
	}
	return s
}

// YearEarlier is the same period a year before p.
func YearEarlier(p period.Period) period.Period {
	return period.New(p.Kind, p.Boundary, p.Year-1, p.N)
}

// compare sets r's comparisons from the results of every period of the
// span. covered tells whether the sources reach back to a period; undated
// that the indicator counts a source without dates, which has no earlier
// value (only the previous period says so).
func (s *span) compare(r *Result, rs []Result, covered func(period.Period, Result) bool, undated bool) {
	if r.Value == nil {
		return
	}
	if undated {
		if s.prev >= 0 {
			p := s.periods[s.prev]
			r.Previous = &Comparison{Period: p.Label(), From: p.From.Format(time.DateOnly), To: p.To.Format(time.DateOnly), Reason: Undated}
		}
		return
	}
	if s.prev >= 0 {
		r.Previous = comparison(*r, rs[s.prev], s.periods[s.prev], covered(s.periods[s.prev], rs[s.prev]))
	}
	if s.yearAgo >= 0 && covered(s.periods[s.yearAgo], rs[s.yearAgo]) {
		r.YearAgo = comparison(*r, rs[s.yearAgo], s.periods[s.yearAgo], true)
	}
}

func comparison(cur, old Result, p period.Period, covered bool) *Comparison {
	c := &Comparison{Period: p.Label(), From: p.From.Format(time.DateOnly), To: p.To.Format(time.DateOnly), Value: old.Value, Status: old.Status}
	if !covered {
		c.Value, c.Status = nil, NoData
	}
	if cur.entry != "" && cur.entry == old.entry && c.Value != nil {
		c.Reason = SameEntry // the same carried row: no new figure, not "no change"
		return c
	}
	if cur.Value != nil && c.Value != nil {
		c.Change = ptr(*cur.Value - *c.Value)
	}
	return c
}

// reaches tells whether a dated source whose first date is earliest holds
// rows for period p: a row dated on or before its last day. A source with
// no dated row reaches no period.
func reaches(earliest time.Time, p period.Period) bool {
	return !earliest.IsZero() && !earliest.After(p.To)
}
