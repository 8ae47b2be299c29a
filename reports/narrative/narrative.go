package narrative

import (
	"fmt"
	"sort"

	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// The column keys Collect reads (the plan checks its source has them).
const (
	ColPeriod = plan.NarrativePeriod // Kỳ báo cáo
	ColPart   = plan.NarrativePart   // Phần
	ColText   = plan.NarrativeText   // Nội dung
)

// Entry is one paragraph a person wrote for a report.
type Entry struct {
	Part Part   `json:"part"`
	Text string `json:"text"`
	Row  int    `json:"row"` // the row of the source it was written in
}

// Narrative is what a person wrote for one report, in report order.
type Narrative []Entry

// Texts are the paragraphs written for part p, in row order.
func (n Narrative) Texts(p Part) []string {
	var out []string
	for _, e := range n {
		if e.Part == p {
			out = append(out, e.Text)
		}
	}
	return out
}

// Collect keeps the rows of t written for period p exactly (the same kind
// and label, read with p's boundaries: a quarter's texts are not a month's).
// Every row with a period label that cannot be read or a part outside the
// vocabulary is a warning, whichever period it is for. A nil table (no
// narrative source) gives nothing.
func Collect(t *sources.Table, p period.Period) (Narrative, []sources.Issue) {
	if t == nil {
		return nil, nil
	}
	pc, kc, tc := t.Col(ColPeriod), t.Col(ColPart), t.Col(ColText)
	var n Narrative
	var issues sources.IssueList
	said := map[string]bool{}
	warn := func(r sources.Row, key, value, msg string) {
		issues.Add(sources.Issue{Severity: sources.Warning, Source: t.Source, File: t.File, Sheet: t.Sheet,
			Row: r.Line, Column: t.Header(key), Value: value, Message: msg})
	}
	for _, r := range t.Rows() {
		label, partText := r.Cell(pc).Text, r.Cell(kc).Text
		q, err := indicators.ParseLabel(label, p.Boundary)
		if err != nil {
			warn(r, ColPeriod, label, "kỳ báo cáo không hợp lệ: ghi 2024-03 (tháng), 2024-Q1 (quý), 2024-H1 (6 tháng) hoặc 2024 (năm); nhận xét ở dòng này chưa được đưa vào báo cáo")
		}
		var part Part
		if perr := part.UnmarshalText([]byte(partText)); perr != nil {
			warn(r, ColPart, partText, "phần không có trong danh mục: ghi một trong "+Names()+"; nhận xét ở dòng này chưa được đưa vào báo cáo")
			continue
		}
		if err != nil || q.Kind != p.Kind || q.Label() != p.Label() {
			continue
		}
		text := r.Cell(tc).Text
		if k := fmt.Sprint(part, "\x00", text); !said[k] { // a text repeated word for word is said once
			said[k] = true
			n = append(n, Entry{Part: part, Text: text, Row: r.Line})
		}
	}
	sort.SliceStable(n, func(i, j int) bool { return n[i].Part < n[j].Part })
	return n, issues.Issues()
}

// Check gives the warnings of every row of t, whatever period it is for:
// they do not depend on the report (a period label is read the same way
// with either boundary), so `baocao validate` shows them without -p.
func Check(t *sources.Table) []sources.Issue {
	_, issues := Collect(t, period.Period{Boundary: period.Decree09})
	return issues
}
