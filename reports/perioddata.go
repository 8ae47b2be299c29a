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

// Words lists the sources for a person, in Vietnamese, each by its name
// (title gives it from the source's key, as Maker.SourceTitle does):
// "Sổ theo dõi hồ sơ TTHC (tệp ho-so.xlsx, trang "Sheet1"): số liệu mới
// nhất ngày 14/03/2023".
func (c PeriodCover) Words(title func(key string) string) []string {
	var out []string
	for _, s := range c {
		where := "tệp " + s.File
		if s.Sheet != "" {
			where += ", trang \"" + s.Sheet + "\""
		}
		latest := "không có dòng nào ghi ngày"
		if t, err := time.Parse(time.DateOnly, s.Latest); err == nil {
			latest = "số liệu mới nhất ngày " + t.Format("02/01/2006")
		}
		out = append(out, fmt.Sprintf("%s (%s): %s", title(s.Source), where, latest))
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
		out = append(out, coverOne(n, t, cols, label, per))
	}
	return out
}

// coverBlock is how many rows coverOne reads at once.
const coverBlock = 4096

// coverOne counts the rows of t inside per by its date columns cols and
// its period label column (label, -1 for none), reading the dates a block
// at a time straight from the table.
func coverOne(name string, t *sources.Table, cols []int, label int, per period.Period) SourceCover {
	sc := SourceCover{Source: name, File: t.File, Sheet: t.Sheet}
	// Dates as day numbers (days since 1970-01-01): every one is a
	// midnight, as the period's bounds are.
	const zeroDay = -719162 // the zero time's
	from, to := per.From.Unix()/secondsPerDay, per.To.Unix()/secondsPerDay
	lastDay := int64(zeroDay)
	var latest time.Time // of the labels
	days := make([][]int32, len(cols))
	for j := range days {
		days[j] = make([]int32, coverBlock)
	}
	var codes []uint32
	var texts []string
	type parsed struct {
		done, ok, inside bool
		to               time.Time
	}
	var labels []parsed // by code of the label column
	if label >= 0 {
		codes, texts = make([]uint32, coverBlock), t.Texts(label)
		labels = make([]parsed, len(texts))
	}
	for start := 0; start < t.Len(); start += coverBlock {
		n := min(coverBlock, t.Len()-start)
		for j, c := range cols {
			t.Days(c, start, days[j][:n])
		}
		if label >= 0 {
			t.Codes(label, start, codes[:n])
		}
		for r := range n {
			inside := false
			for j := range cols {
				day := days[j][r]
				if day == 0 { // no date
					continue
				}
				d := int64(day) - 1
				lastDay = max(lastDay, d)
				if d >= from && d <= to {
					inside = true
				}
			}
			if label >= 0 {
				l := &labels[codes[r]]
				if !l.done {
					lp, err := indicators.ParseLabel(strings.TrimSpace(texts[codes[r]]), per.Boundary)
					*l = parsed{done: true, ok: err == nil, to: lp.To,
						inside: err == nil && !lp.From.Before(per.From) && !lp.To.After(per.To)}
				}
				if l.ok && l.to.After(latest) {
					latest = l.to
				}
				inside = inside || l.inside
			}
			if inside {
				sc.InPeriod++
			}
		}
	}
	if lastDay > zeroDay {
		if d := time.Unix(lastDay*secondsPerDay, 0).UTC(); d.After(latest) {
			latest = d
		}
	}
	if !latest.IsZero() {
		sc.Latest = latest.Format(time.DateOnly)
	}
	return sc
}

// secondsPerDay is the length of a calendar day in UTC.
const secondsPerDay = 24 * 60 * 60

func sortedNames(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
