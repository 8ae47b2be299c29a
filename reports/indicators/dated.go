package indicators

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
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

// readDated reads the rows of source, warning about unreadable labels. A
// row whose cells repeat those of an earlier row with the same id and
// period is left out: it can change neither which row is chosen (the
// first such row wins) nor any warning but its line, and a file of a
// million copies of one row (0.3 MB zipped) would otherwise hold a million
// entries here.
func readDated(in Input, source, idCol string, out *Outcome) []dated {
	t := in.Tables[source]
	if t == nil {
		return nil
	}
	ic, pc := t.Col(idCol), t.Col("period")
	var rows []dated
	labels := map[string]labelOf{} // each label text parsed once
	seen := map[string][]string{}  // id and label → the distinct contents of its rows
	for _, r := range t.Rows() {
		if r.Repeats() {
			continue // the same cells as the row before
		}
		raw := r.Cell(pc).Text
		lp, ok := labels[raw]
		if !ok {
			p, err := ParseLabel(raw, in.Period.Boundary)
			lp = labelOf{p: p, label: p.Label(), err: err}
			if len(labels) < maxLabels {
				labels[raw] = lp
			}
		}
		if lp.err != nil {
			out.warn(t, r.Line, "period", raw, "kỳ báo cáo không hợp lệ: ghi 2024-03 (tháng), 2024-Q1 (quý), 2024-H1 (6 tháng) hoặc 2024 (năm)")
			continue
		}
		id := sources.Fold(r.Cell(ic).Text)
		key, content := id+"\x00"+lp.label, rowContent(r)
		if slices.Contains(seen[key], content) {
			continue // a copy of an earlier row
		}
		if len(seen[key]) < maxVariants {
			seen[key] = append(seen[key], content)
		}
		rows = append(rows, dated{id: id, label: lp.label, period: lp.p, row: r})
	}
	return rows
}

// labelOf is a period label's text, parsed.
type labelOf struct {
	p     period.Period
	label string
	err   error
}

// maxLabels bounds the parsed label texts remembered; maxVariants the
// distinct rows remembered per id and period.
const (
	maxLabels   = 4096
	maxVariants = 64
)

// rowContent is a row's cells, for comparing rows.
func rowContent(r sources.Row) string {
	var b strings.Builder
	for _, c := range r.Cells() {
		b.WriteString(c.Text)
		b.WriteByte(0)
	}
	return b.String()
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
	if !o.count(t) {
		return
	}
	o.Issues = append(o.Issues, sources.Issue{Severity: sources.Warning, Source: t.Source, File: t.File,
		Sheet: t.Sheet, Row: line, Column: t.Header(key), Value: value, Message: msg})
}

// count counts a warning about t's rows and tells whether to list it: the
// first sources.MaxWarnings of a file are, then one line says more were
// found, as the reader does.
func (o *Outcome) count(t *sources.Table) bool {
	if o.warned == nil {
		o.warned = map[*sources.Table]int{}
	}
	o.warned[t]++
	switch n := o.warned[t]; {
	case n <= sources.MaxWarnings:
		return true
	case n == sources.MaxWarnings+1:
		o.Issues = append(o.Issues, sources.Issue{Severity: sources.Warning, Source: t.Source, File: t.File, Sheet: t.Sheet,
			Message: fmt.Sprintf("còn nhiều cảnh báo nữa không liệt kê (chỉ ghi %d cảnh báo đầu của tệp khi tính chỉ tiêu): sửa các lỗi trên rồi chạy lại để xem tiếp", sources.MaxWarnings)})
	}
	return false
}

func (o *Outcome) warnSource(t *sources.Table, msg string, args ...any) {
	o.Issues = append(o.Issues, sources.Issue{Severity: sources.Warning, Source: t.Source, File: t.File,
		Sheet: t.Sheet, Message: fmt.Sprintf(msg, args...)})
}
