package reports

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// FutureDays is how far after today a date in a source may be: a dossier's
// due date is weeks ahead at most; a date a year ahead (2099, a year typed
// wrong) is a mistake to fix.
const FutureDays = 366

// checkData finds, in every row whatever its period, what reading alone
// cannot: a breakdown value the plan does not list, a dossier received
// after its due date, a date more than a year after today. Each is a
// warning naming file, sheet, row and column; the row is kept.
func checkData(p *plan.Plan, tables map[string]*sources.Table, today time.Time) []sources.Issue {
	var out sources.IssueList
	warn := func(t *sources.Table, line int, key, value, msg string) {
		out.Add(sources.Issue{Severity: sources.Warning, Source: t.Source, File: t.File, Sheet: t.Sheet,
			Row: line, Column: t.Header(key), Value: value, Message: msg})
	}
	seen := map[string]bool{}
	for _, ind := range p.Indicators {
		known := ind.Breakdown.Known()
		t := tables[ind.Source]
		if known == nil || t == nil || seen[ind.Source+"\x00"+ind.Breakdown.Column] {
			continue
		}
		seen[ind.Source+"\x00"+ind.Breakdown.Column] = true
		c := t.Kept(ind.Breakdown.Column)
		if c < 0 {
			continue
		}
		m := sources.MatcherOf(known)
		for _, r := range t.Rows() {
			if v := r.Cell(c); !v.Empty && m.Match(v.Text) < 0 {
				warn(t, r.Line, ind.Breakdown.Column, v.Text, fmt.Sprintf("%s không có trong kế hoạch (chỉ tiêu %s tính theo từng %s): ghi một trong %s",
					t.Header(ind.Breakdown.Column), ind.ID, strings.ToLower(t.Header(ind.Breakdown.Column)), quoteList(known)))
			}
		}
	}
	if d := p.DossierTable; d.Source != "" && tables[d.Source] != nil && d.Received != "" && d.Due != "" {
		t := tables[d.Source]
		rc, dc := t.Kept(d.Received), t.Kept(d.Due)
		if rc >= 0 && dc >= 0 {
			for _, r := range t.Rows() {
				rv, dv := r.Cell(rc), r.Cell(dc)
				if !rv.Empty && !dv.Empty && rv.Date().After(dv.Date()) {
					warn(t, r.Line, d.Due, dv.Date().Format("02/01/2006"), fmt.Sprintf("ngày hẹn trả trước ngày tiếp nhận (%s): kiểm tra lại hai ngày này",
						rv.Date().Format("02/01/2006")))
				}
			}
		}
	}
	limit := time.Date(today.Year(), today.Month(), today.Day()+FutureDays, 0, 0, 0, 0, time.UTC)
	for _, name := range sortedKeys(tables) {
		t := tables[name]
		for _, col := range t.Schema.Columns {
			c := t.Kept(col.Key)
			if col.Kind != sources.Date || c < 0 {
				continue
			}
			for _, r := range t.Rows() {
				if v := r.Cell(c); !v.Empty && v.Date().After(limit) {
					warn(t, r.Line, col.Key, v.Date().Format("02/01/2006"), "ngày ở quá xa trong tương lai (hơn một năm sau hôm nay): kiểm tra lại năm")
				}
			}
		}
	}
	return out.Issues()
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
