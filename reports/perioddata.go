package reports

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// SourceCover is what one dated source holds for a period: how many of
// its rows fall inside it, and the last day any row reaches.
type SourceCover struct {
	Source   string `json:"source"`
	File     string `json:"file"`
	Sheet    string `json:"sheet,omitempty"`
	InPeriod int    `json:"in_period"`
	Latest   string `json:"latest,omitempty"` // YYYY-MM-DD; absent when no row is dated
}

// PeriodCover is what every dated source holds for a period: the sources
// whose rows carry a date the plan counts by (an indicator's period
// column, a dossier's received or returned date) or a period label (the
// manual values, the task progress). Undated sources (the staff list) and
// the clerk's narrative are not counted.
type PeriodCover []SourceCover

// HasData reports whether any dated source has a row inside the period.
// With no dated source at all there is nothing to tell by: true.
func (c PeriodCover) HasData() bool {
	if len(c) == 0 {
		return true
	}
	for _, s := range c {
		if s.InPeriod > 0 {
			return true
		}
	}
	return false
}

// Words lists the sources for a person, in Vietnamese: "tệp ho-so.xlsx
// (trang Hồ sơ): số liệu mới nhất ngày 14/03/2023".
func (c PeriodCover) Words() []string {
	var out []string
	for _, s := range c {
		where := "tệp " + s.File
		if s.Sheet != "" {
			where += " (trang " + s.Sheet + ")"
		}
		latest := "không có dòng nào ghi ngày"
		if t, err := time.Parse(time.DateOnly, s.Latest); err == nil {
			latest = "số liệu mới nhất ngày " + t.Format("02/01/2006")
		}
		out = append(out, fmt.Sprintf("%s — nguồn %s: %s", where, s.Source, latest))
	}
	return out
}

// CoverOf counts, for each dated source of the plan in tables, its rows
// inside per. This is the one test of "the report has data for its
// period" (the daemon holds a report without any).
func CoverOf(p *plan.Plan, tables map[string]*sources.Table, per period.Period) PeriodCover {
	dates := map[string][]string{} // source → date column keys
	addDate := func(source, key string) {
		if source == "" || key == "" {
			return
		}
		for _, k := range dates[source] {
			if k == key {
				return
			}
		}
		dates[source] = append(dates[source], key)
	}
	for _, ind := range p.Indicators {
		if ind.Kind != "manual" {
			addDate(ind.Source, ind.PeriodCol)
		}
	}
	d := p.DossierTable
	addDate(d.Source, d.Received)
	addDate(d.Source, d.Returned)
	labelled := map[string]bool{plan.Manual: true}
	if p.Tasks.Source != "" {
		labelled[p.Tasks.Source] = true
	}
	names := map[string]bool{}
	for n := range dates {
		names[n] = true
	}
	for n := range labelled {
		names[n] = true
	}
	var out PeriodCover
	for _, n := range sortedNames(names) {
		t := tables[n]
		if t == nil {
			continue
		}
		var cols []int
		for _, k := range dates[n] {
			if c := t.Kept(k); c >= 0 {
				cols = append(cols, c)
			}
		}
		label := -1
		if labelled[n] {
			label = t.Kept("period")
		}
		if len(cols) == 0 && label < 0 {
			continue
		}
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
		out = append(out, sc)
	}
	return out
}

func sortedNames(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
