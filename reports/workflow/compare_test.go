package workflow

import (
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/render"
	"github.com/xuri/excelize/v2"
)

// TestComparisonInWorkbookAndMail checks the monthly report of March 2024:
// the workbook's change column holds numbers with a format, an earlier
// period without data says so, and the e-mail lists the indicators that
// moved by more than the threshold.
func TestComparisonInWorkbookAndMail(t *testing.T) {
	m := exampleMaker(t, 2024, 3, 16)
	cfg := m.cfg
	e, man := makeWith(t, m, "monthly", "2024-03", reports.Options{})
	f, err := excelize.OpenFile(filepath.Join(e.Dir, "bao-cao-cchc-2024-03.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(render.SheetIndicators)
	header := rows[4]
	col := map[string]int{}
	for i, h := range header {
		col[h] = i + 1
	}
	if col["So với kỳ trước"] == 0 || col["Kỳ trước"] == 0 {
		t.Fatalf("no comparison columns in %q", header)
	}
	cell := func(row, c int) string { a, _ := excelize.CoordinatesToCellName(c, row); return a }
	checked := 0
	for _, r := range man.Indicators {
		if r.Previous == nil {
			continue
		}
		for i, row := range rows {
			if len(row) < 3 || row[1] != r.ID || !strings.HasPrefix(row[2], r.Text[:5]) {
				continue
			}
			axis := cell(i+1, col["So với kỳ trước"])
			raw, _ := f.GetCellValue(render.SheetIndicators, axis, excelize.Options{RawCellValue: true})
			shown, _ := f.GetCellValue(render.SheetIndicators, axis)
			prev, _ := f.GetCellValue(render.SheetIndicators, cell(i+1, col["Kỳ trước"]))
			switch {
			case r.Previous.Reason == indicators.Undated: // 9.4: the staff list has no dates
				if raw != render.UndatedWords || prev != "" {
					t.Errorf("%s: previous %q change %q, want none and %q", r.ID, prev, raw, render.UndatedWords)
				}
			case r.Previous.Reason == indicators.SameEntry: // a carried value the previous month showed too
				if raw != render.SameEntryWords || prev == "" {
					t.Errorf("%s: previous %q change %q, want the carried value and %q", r.ID, prev, raw, render.SameEntryWords)
				}
			case r.Previous.Change == nil:
				if raw != "" || prev != r.Previous.Status {
					t.Errorf("%s: previous %q change %q, want %q and no change", r.ID, prev, raw, r.Previous.Status)
				}
			default:
				want := *r.Previous.Change
				if r.Unit == "fraction" {
					want *= 100 // percentage points
				}
				v, err := strconv.ParseFloat(raw, 64)
				typ, _ := f.GetCellType(render.SheetIndicators, axis)
				if err != nil || math.Abs(v-want) > 1e-9 || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
					t.Errorf("%s: change cell %s = %q (type %v), want the number %v", r.ID, axis, raw, typ, want)
				}
				if r.Unit == "fraction" && want != 0 && !strings.Contains(shown, "điểm %") {
					t.Errorf("%s: change shown %q, want it worded in percentage points", r.ID, shown)
				}
			}
			checked++
		}
	}
	if checked < 10 {
		t.Errorf("checked %d comparison rows", checked)
	}

	msg, err := m.Message(e)
	if err != nil {
		t.Fatal(err)
	}
	var moved, still []string
	for _, r := range man.Indicators {
		line := "- Chỉ tiêu " + r.ID + " ("
		if render.Changed(r, cfg.Reports["monthly"].Threshold()) {
			moved = append(moved, line)
		} else {
			still = append(still, line)
		}
	}
	if len(moved) == 0 {
		t.Fatal("no indicator moved more than the threshold in the example: the test checks nothing")
	}
	if !strings.Contains(msg.Body, "Các chỉ tiêu thay đổi so với kỳ trước (tháng 2 năm 2024) quá 5,00 điểm %:") {
		t.Errorf("body lacks the heading of changes:\n%s", msg.Body)
	}
	listed := map[string]bool{} // the change lines, not the assessment's
	for _, l := range strings.Split(msg.Body, "\n") {
		if strings.HasPrefix(l, "- Chỉ tiêu ") && strings.Contains(l, "(kỳ trước ") {
			listed[l[:strings.Index(l, "(")+1]] = true
		}
	}
	for _, l := range moved {
		if !listed[l] {
			t.Errorf("body lacks %q…", l)
		}
	}
	for _, l := range still {
		if listed[l] {
			t.Errorf("body lists %q…, which moved less than the threshold", l)
		}
	}
}
