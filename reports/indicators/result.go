package indicators

import (
	"time"

	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// Status words of an indicator, as printed in reports.
const (
	Met     = "Đạt"
	NotMet  = "Không đạt"
	NoCases = "Không phát sinh"
	NoData  = "Chưa có số liệu"
)

// Result is an indicator's outcome for a period. Value is nil when there is
// nothing to measure (an empty denominator or no manual value); Met is nil
// then too.
type Result struct {
	ID          string   `json:"id"`
	Text        string   `json:"text"`
	TargetText  string   `json:"target_text"`
	Value       *float64 `json:"value"`
	Numerator   *int     `json:"numerator,omitempty"`
	Denominator *int     `json:"denominator,omitempty"`
	Target      float64  `json:"target"`
	Compare     string   `json:"compare"`
	Met         *bool    `json:"met"`
	Status      string   `json:"status"`
	Unit        string   `json:"unit"` // "fraction", "rank" or "yesno" (a manual yes/no, or a ratio with any = true)
	Note        string   `json:"note,omitempty"`
	Breakdown   []Group  `json:"breakdown,omitempty"`
	// Previous compares a value with the previous period, YearAgo with the
	// same period a year earlier when the sources reach back that far and
	// it is not the previous period (Input.Compare).
	Previous *Comparison `json:"previous,omitempty"`
	YearAgo  *Comparison `json:"year_ago,omitempty"`

	entry string // a manual value: the label of the row it comes from (same-entry comparisons)
}

// Group is one group of a ratio's breakdown.
type Group struct {
	Key         string   `json:"key"`
	Value       *float64 `json:"value"`
	Numerator   int      `json:"numerator"`
	Denominator int      `json:"denominator"`
	Target      float64  `json:"target"`
	Met         *bool    `json:"met"`
}

// FieldStats is one line of the dossiers-by-field table.
type FieldStats struct {
	Field          string   `json:"field"`
	Received       int      `json:"received"`
	Resolved       int      `json:"resolved"`
	OnTime         int      `json:"on_time"`
	Late           int      `json:"late"`
	Pending        int      `json:"pending"`
	OverduePending int      `json:"overdue_pending"`
	Rate           *float64 `json:"rate"`
}

// LateDossier is a dossier resolved late in the period.
type LateDossier struct {
	ID        string    `json:"id"`
	Field     string    `json:"field"`
	Procedure string    `json:"procedure"`
	Received  time.Time `json:"received"`
	Due       time.Time `json:"due"`
	Returned  time.Time `json:"returned"`
	DaysLate  int       `json:"days_late"`
	Apology   time.Time `json:"apology,omitzero"`
}

// TaskStatus is the progress of a key task at the end of the period.
type TaskStatus struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Status string `json:"status"`         // a Tình trạng value, or "Chưa cập nhật"
	Done   bool   `json:"done,omitempty"` // Status is the plan's status for a finished task
	Result string `json:"result,omitempty"`
	Period string `json:"period,omitempty"` // the label of the row shown
}

// NoUpdate is a task's status when no progress row applies.
const NoUpdate = "Chưa cập nhật"

// Input is what Compute works from.
type Input struct {
	Plan            *plan.Plan
	Period          period.Period
	Tables          map[string]*sources.Table // by source name
	OfficialDomains []string
	// Compare compares each indicator with a value with the previous
	// period and the same period a year earlier (Result.Previous, YearAgo).
	Compare bool
	// Series adds the monthly values of the ratio indicators over the
	// year so far (Outcome.Series).
	Series bool
}

// Outcome is everything computed for a period.
type Outcome struct {
	Indicators []Result
	Fields     []FieldStats // by field, then a total line with Field "Tổng cộng"
	Late       []LateDossier
	Tasks      []TaskStatus
	Series     []Series        // with Input.Series: one per ratio indicator
	Issues     []sources.Issue // warnings found while computing

	warned map[*sources.Table]int // warnings about each table's rows, listed or not
}

// Total is the Field of the total line of the dossiers table.
const Total = "Tổng cộng"

// Compute computes every indicator of the plan, the dossier tables and the
// tasks for the period.
//
// The ratios and the dossier tables only read the tables and warn about
// nothing: they are counted on every core, the largest tables first, while
// the manual values are read; the results and warnings keep the plan's
// order.
func Compute(in Input) *Outcome {
	out := &Outcome{}
	s := newSpan(in)
	type counted struct {
		rs       []Result
		earliest time.Time
	}
	ratios := make([]counted, len(in.Plan.Indicators))
	var jobs []job
	for i, ind := range in.Plan.Indicators {
		if ind.Kind != "manual" {
			jobs = append(jobs, job{rows: rows(in.Tables[ind.Source]), run: func() {
				ratios[i].rs, ratios[i].earliest = ratio(ind, in, s.periods)
			}})
		}
	}
	jobs = append(jobs, job{rows: rows(in.Tables[in.Plan.DossierTable.Source]), run: func() {
		out.Fields, out.Late = dossiers(in)
	}})
	wait := runAll(jobs)
	manual := readDated(in, plan.Manual, "indicator", out)
	warnUnknown(in, manual, out)
	manuals := make([][]Result, len(in.Plan.Indicators))
	for i, ind := range in.Plan.Indicators {
		if ind.Kind != "manual" {
			continue
		}
		rs := make([]Result, len(s.periods))
		rs[0] = manualResult(ind, manual, in, out)
		for i, p := range s.periods[1:] {
			at := in
			at.Period = p
			rs[i+1] = manualResult(ind, manual, at, &Outcome{}) // no warnings for other periods
		}
		manuals[i] = rs
	}
	wait()
	for i, ind := range in.Plan.Indicators {
		var rs []Result
		var covered func(period.Period, Result) bool
		undated := false
		if ind.Kind == "manual" {
			rs = manuals[i]
			covered = func(_ period.Period, r Result) bool { return r.Status != NoData }
		} else {
			rs = ratios[i].rs
			earliest := ratios[i].earliest
			covered = func(p period.Period, _ Result) bool { return ind.PeriodCol == "" || reaches(earliest, p) }
			undated = ind.PeriodCol == ""
		}
		r := rs[0]
		s.compare(&r, rs, covered, undated)
		out.Indicators = append(out.Indicators, r)
		if sr, ok := s.series(ind, rs); ok {
			out.Series = append(out.Series, sr)
		}
	}
	out.Tasks = tasks(in, out)
	return out
}

func ptr[T any](v T) *T { return &v }
