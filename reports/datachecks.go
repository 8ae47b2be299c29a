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
// warning naming file, sheet, row and column; the row is kept. The cells
// are read a block at a time; only a row warned about is read as a Row.
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
		texts := t.Texts(c)
		unknown := make([]int8, len(texts)) // by code: 0 not asked yet, 1 unknown, 2 known
		codes, empty := make([]uint32, checkBlock), make([]bool, checkBlock)
		for from := 0; from < t.Len(); from += checkBlock {
			n := min(checkBlock, t.Len()-from)
			t.Codes(c, from, codes[:n])
			t.Flags(c, from, empty[:n], nil)
			for i, code := range codes[:n] {
				if empty[i] {
					continue
				}
				if unknown[code] == 0 {
					unknown[code] = 2
					if m.Match(texts[code]) < 0 {
						unknown[code] = 1
					}
				}
				if unknown[code] == 1 {
					r := t.Row(from + i)
					v := r.Cell(c)
					warn(t, r.Line, ind.Breakdown.Column, v.Text, fmt.Sprintf("%s không có trong kế hoạch (chỉ tiêu %s tính theo từng %s): ghi một trong %s",
						t.Header(ind.Breakdown.Column), ind.ID, strings.ToLower(t.Header(ind.Breakdown.Column)), quoteList(known)))
				}
			}
		}
	}
	if d := p.DossierTable; d.Source != "" && tables[d.Source] != nil && d.Received != "" && d.Due != "" {
		t := tables[d.Source]
		rc, dc := t.Kept(d.Received), t.Kept(d.Due)
		if rc >= 0 && dc >= 0 {
			rd, dd := make([]int32, checkBlock), make([]int32, checkBlock)
			re, de := make([]bool, checkBlock), make([]bool, checkBlock)
			for from := 0; from < t.Len(); from += checkBlock {
				n := min(checkBlock, t.Len()-from)
				t.Days(rc, from, rd[:n])
				t.Days(dc, from, dd[:n])
				t.Flags(rc, from, re[:n], nil)
				t.Flags(dc, from, de[:n], nil)
				for i := range n {
					if re[i] || de[i] || dayOf(rd[i]) <= dayOf(dd[i]) {
						continue
					}
					r := t.Row(from + i)
					rv, dv := r.Cell(rc), r.Cell(dc)
					warn(t, r.Line, d.Due, dv.Date().Format("02/01/2006"), fmt.Sprintf("ngày hẹn trả trước ngày tiếp nhận (%s): kiểm tra lại hai ngày này",
						rv.Date().Format("02/01/2006")))
				}
			}
		}
	}
	limit := time.Date(today.Year(), today.Month(), today.Day()+FutureDays, 0, 0, 0, 0, time.UTC)
	last := limit.Unix() / secondsPerDay // the last day allowed, a midnight as every date is
	days, empty := make([]int32, checkBlock), make([]bool, checkBlock)
	for _, name := range sortedKeys(tables) {
		t := tables[name]
		for _, col := range t.Schema.Columns {
			c := t.Kept(col.Key)
			if col.Kind != sources.Date || c < 0 {
				continue
			}
			for from := 0; from < t.Len(); from += checkBlock {
				n := min(checkBlock, t.Len()-from)
				t.Days(c, from, days[:n])
				t.Flags(c, from, empty[:n], nil)
				for i := range n {
					if empty[i] || dayOf(days[i]) <= last {
						continue
					}
					r := t.Row(from + i)
					v := r.Cell(c)
					warn(t, r.Line, col.Key, v.Date().Format("02/01/2006"), "ngày ở quá xa trong tương lai (hơn một năm sau hôm nay): kiểm tra lại năm")
				}
			}
		}
	}
	return out.Issues()
}

// checkBlock is how many rows checkData reads at once, straight from a
// table's packed columns (the dates as day numbers): a row costs no
// Value.
const checkBlock = 4096

// dayOf is the day number (days since 1970-01-01) of the date a table's
// day holds (sources.Table.Days); no date is the zero time's day, as
// Value.Date gives it.
func dayOf(day int32) int64 {
	if day == 0 {
		return -719162
	}
	return int64(day) - 1
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
