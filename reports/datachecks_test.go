package reports

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// TestCheckDataMatchesRowByRowCheck holds checkData, which reads a block
// of cells at a time, to the cell-by-cell check it replaced
// (refCheckData): the same warnings in the same order, on the example data
// seen from several days, and on a messy dossier book of three blocks
// (fields the plan does not list, received after due, years typed wrong).
func TestCheckDataMatchesRowByRowCheck(t *testing.T) {
	m := exampleMaker(t, 2024, 6, 16)
	d, err := m.Read()
	if err != nil {
		t.Fatal(err)
	}
	tables := map[string]*sources.Table{}
	for k, v := range d.Tables {
		tables[k] = v
	}
	tables["dossiers"] = messyDossiers(t, m.plan, 3*checkBlock+17)
	warned := 0
	for _, today := range []time.Time{time.Date(2024, 6, 16, 0, 0, 0, 0, time.UTC), time.Date(2023, 2, 28, 0, 0, 0, 0, time.UTC),
		time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)} {
		for _, ts := range []map[string]*sources.Table{d.Tables, tables} {
			got, want := checkData(m.plan, ts, today), refCheckData(m.plan, ts, today)
			if !reflect.DeepEqual(got, want) {
				for i := range min(len(got), len(want)) {
					if got[i] != want[i] {
						t.Fatalf("today %s: warning %d of %d is %+v, want %+v", today.Format(time.DateOnly), i, len(want), got[i], want[i])
					}
				}
				t.Fatalf("today %s: %d warnings, want %d", today.Format(time.DateOnly), len(got), len(want))
			}
			warned += len(got)
		}
	}
	if warned < 100 {
		t.Errorf("%d warnings in all: the test tests too little", warned)
	}
}

// messyDossiers reads n random dossier rows as a clerk might type them.
func messyDossiers(t *testing.T, p *plan.Plan, n int) *sources.Table {
	t.Helper()
	r := rand.New(rand.NewPCG(27, 3))
	day := func() string {
		return time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(4*365)).Format("02/01/2006")
	}
	fields := []string{"Xử lý đơn", "xử lý đơn ", "Tuyển sinh", "Lĩnh vực lạ", "Khiếu nại, tố cáo", "Giáo dục và Đào tạo"}
	rows := []string{"Mã hồ sơ;Lĩnh vực;Ngày tiếp nhận;Ngày hẹn trả;Ngày trả kết quả;Ngày xin lỗi"}
	for i := range n {
		ret := ""
		if r.IntN(3) > 0 {
			ret = day()
		}
		rows = append(rows, fmt.Sprintf("HS%06d;%s;%s;%s;%s;", i, fields[r.IntN(len(fields))], day(), day(), ret))
	}
	path := filepath.Join(t.TempDir(), "dossiers.csv")
	if err := os.WriteFile(path, []byte(strings.Join(rows, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := sources.Read(sources.Spec{Name: "dossiers", Path: path, Keep: p.Used("dossiers")}, p.Schema("dossiers"))
	if err != nil {
		t.Fatal(err)
	}
	return res.Table
}

// refCheckData is the cell-by-cell check checkData did.
func refCheckData(p *plan.Plan, tables map[string]*sources.Table, today time.Time) []sources.Issue {
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
