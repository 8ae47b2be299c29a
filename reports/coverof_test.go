package reports

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/sources"
)

// TestCoverOfMatchesRowByRowCount holds CoverOf, which reads dates a
// block at a time, to the cell-by-cell count it replaced (refCover), on
// the example data for every month, quarter, half-year and year from 2023
// to 2025, with both boundaries.
func TestCoverOfMatchesRowByRowCount(t *testing.T) {
	m := exampleMaker(t, 2024, 6, 16)
	d, err := m.Read()
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for y := 2023; y <= 2025; y++ {
		labels = append(labels, fmt.Sprint(y), fmt.Sprintf("%d-H1", y), fmt.Sprintf("%d-H2", y))
		for q := 1; q <= 4; q++ {
			labels = append(labels, fmt.Sprintf("%d-Q%d", y, q))
		}
		for mo := 1; mo <= 12; mo++ {
			labels = append(labels, fmt.Sprintf("%d-%02d", y, mo))
		}
	}
	inside := 0
	for _, b := range []period.Boundary{period.Decree09, period.Calendar} {
		for _, label := range labels {
			p, err := period.Parse(label, b)
			if err != nil {
				t.Fatal(err)
			}
			got := CoverOf(m.plan, d.Tables, p)
			want := PeriodCover{}
			for _, s := range got {
				t := d.Tables[s.Source]
				var cols []int
				for _, k := range []string{"received", "returned", "answered", "time", "paid_on", "date"} {
					if c := t.Kept(k); c >= 0 && t.Schema.Columns[t.Schema.Index(k)].Kind == sources.Date && usesDate(m, s.Source, k) {
						cols = append(cols, c)
					}
				}
				label := -1
				if s.Source == "manual" || s.Source == "tasks" {
					label = t.Kept("period")
				}
				want = append(want, refCover(s.Source, t, cols, label, p))
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s %s:\ngot  %+v\nwant %+v", b, label, got, want)
			}
			for _, s := range got {
				inside += s.InPeriod
			}
		}
	}
	if inside == 0 {
		t.Error("no row inside any period: the test tests nothing")
	}
}

// usesDate reports whether the plan counts source by its date column key
// (as CoverOf gathers them).
func usesDate(m *Maker, source, key string) bool {
	for _, ind := range m.plan.Indicators {
		if ind.Kind != "manual" && ind.Source == source && ind.PeriodCol == key {
			return true
		}
	}
	d := m.plan.DossierTable
	return source == d.Source && (key == d.Received || key == d.Returned)
}

// refCover is the cell-by-cell count CoverOf did.
func refCover(n string, t *sources.Table, cols []int, label int, per period.Period) SourceCover {
	sc := SourceCover{Source: n, File: t.File, Sheet: t.Sheet}
	var latest time.Time
	for _, r := range t.Rows() {
		inside := false
		for _, c := range cols {
			v := r.Cell(c)
			if v.Empty {
				continue
			}
			day := v.Date()
			if day.IsZero() {
				continue
			}
			if day.After(latest) {
				latest = day
			}
			if per.Contains(day) {
				inside = true
			}
		}
		if label >= 0 {
			if lp, err := indicators.ParseLabel(strings.TrimSpace(r.Cell(label).Text), per.Boundary); err == nil {
				if lp.To.After(latest) {
					latest = lp.To
				}
				if !lp.From.Before(per.From) && !lp.To.After(per.To) {
					inside = true
				}
			}
		}
		if inside {
			sc.InPeriod++
		}
	}
	if !latest.IsZero() {
		sc.Latest = latest.Format(time.DateOnly)
	}
	return sc
}
