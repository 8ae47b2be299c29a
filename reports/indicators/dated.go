package indicators

import (
	"fmt"
	"strconv"
	"time"

	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/sources"
)

// dated is a row of a source keyed by an id and a period label (the manual
// values and the task progress), read with the report's boundaries.
type dated struct {
	id     string // folded
	label  string
	period period.Period
	row    sources.Row
}

// readDated reads the rows of source, warning about unreadable labels.
func readDated(in Input, source, idCol string, out *Outcome) []dated {
	t := in.Tables[source]
	if t == nil {
		return nil
	}
	ic, pc := t.Col(idCol), t.Col("period")
	var rows []dated
	for _, r := range t.Rows {
		raw := r.Cells[pc].Text
		p, err := ParseLabel(raw, in.Period.Boundary)
		if err != nil {
			out.warn(t, r.Line, "period", raw, "kỳ báo cáo không hợp lệ: ghi 2024-03 (tháng), 2024-Q1 (quý), 2024-H1 (6 tháng) hoặc 2024 (năm)")
			continue
		}
		rows = append(rows, dated{id: sources.Fold(r.Cells[ic].Text), label: p.Label(), period: p, row: r})
	}
	return rows
}

// ParseLabel reads a period label; a date serial (a spreadsheet that turned
// "2024-03" into a date) stands for that date's calendar month.
func ParseLabel(raw string, b period.Boundary) (period.Period, error) {
	if v, err := strconv.ParseFloat(raw, 64); err == nil && v >= 20000 {
		d, err := sources.ParseDate(raw, false)
		if err != nil {
			return period.Period{}, err
		}
		return period.New(period.Month, b, d.Year(), int(d.Month())), nil
	}
	return period.Parse(raw, b)
}

// latest picks, among rows for id, the one whose period matches exactly,
// else the one that ends last on or before the report's period end; the
// first such row in the file wins a tie.
func latest(rows []dated, id string, p period.Period, ok func(dated) bool) (dated, bool) {
	var best dated
	found := false
	var bestTo time.Time
	for _, d := range rows {
		if d.id != id || d.period.To.After(p.To) || !ok(d) {
			continue
		}
		if d.label == p.Label() && d.period.Kind == p.Kind {
			return d, true
		}
		if !found || d.period.To.After(bestTo) {
			best, bestTo, found = d, d.period.To, true
		}
	}
	return best, found
}

func (o *Outcome) warn(t *sources.Table, line int, key, value, msg string) {
	o.Issues = append(o.Issues, sources.Issue{Severity: sources.Warning, Source: t.Source, File: t.File,
		Sheet: t.Sheet, Row: line, Column: t.Header(key), Value: value, Message: msg})
}

func (o *Outcome) warnSource(t *sources.Table, msg string, args ...any) {
	o.Issues = append(o.Issues, sources.Issue{Severity: sources.Warning, Source: t.Source, File: t.File,
		Sheet: t.Sheet, Message: fmt.Sprintf(msg, args...)})
}
