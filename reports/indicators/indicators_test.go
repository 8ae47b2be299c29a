package indicators

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// headers of each source, as a clerk would write them.
var headers = map[string]string{
	"dossiers":  "Mã hồ sơ;Lĩnh vực;Ngày tiếp nhận;Ngày hẹn trả;Ngày trả kết quả;Ngày xin lỗi",
	"feedback":  "Mã;Ngày tiếp nhận;Hạn trả lời;Ngày trả lời",
	"survey":    "Thời gian;Nội dung khảo sát;Mức độ hài lòng",
	"payments":  "Mã học sinh;Ngày thanh toán;Hình thức thanh toán",
	"documents": "Số, ký hiệu;Ngày văn bản;Loại;Văn bản điện tử;Ký số;Độ mật",
	"staff":     "Họ và tên;Email công vụ",
	"manual":    "Mã chỉ tiêu;Kỳ báo cáo;Giá trị",
	"tasks":     "Mã nhiệm vụ;Kỳ báo cáo;Tình trạng;Kết quả thực hiện",
}

// compute reads the given rows of each source (the others empty) and
// computes the March 2024 report (15/02–14/03/2024).
func compute(t *testing.T, rows map[string][]string) (*Outcome, map[string]Result) {
	t.Helper()
	return computeAt(t, rows, Input{Period: mustPeriod(t, "2024-03")})
}

func mustPeriod(t *testing.T, label string) period.Period {
	t.Helper()
	p, err := period.Parse(label, period.Decree09)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// computeAt reads the given rows of each source (the others empty) and
// computes with in, its plan, tables and domains filled in.
func computeAt(t *testing.T, rows map[string][]string, in Input) (*Outcome, map[string]Result) {
	t.Helper()
	p, err := plan.Load("")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	tables := map[string]*sources.Table{}
	for name, h := range headers {
		path := filepath.Join(dir, name+".csv")
		text := h + "\n" + strings.Join(rows[name], "\n") + "\n"
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := sources.Read(sources.Spec{Name: name, Path: path, Keep: p.Used(name)}, p.Schema(name))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Issues) > 0 {
			t.Fatalf("%s: %v", name, res.Issues)
		}
		tables[name] = res.Table
	}
	in.Plan, in.Tables, in.OfficialDomains = p, tables, []string{"hcm.edu.vn", "tphcm.gov.vn"}
	out := Compute(in)
	byID := map[string]Result{}
	for _, r := range out.Indicators {
		byID[r.ID] = r
	}
	return out, byID
}

// want is a hand count: value < 0 means null.
type want struct {
	value    float64
	num, den int
	met      string // "yes", "no" or "" for null
	status   string
}

func check(t *testing.T, r Result, w want) {
	t.Helper()
	switch {
	case w.value < 0 && r.Value != nil:
		t.Errorf("%s: value %v, want null", r.ID, *r.Value)
	case w.value >= 0 && (r.Value == nil || math.Abs(*r.Value-w.value) > 1e-12):
		t.Errorf("%s: value %v, want %v", r.ID, r.Value, w.value)
	}
	if r.Numerator != nil && (*r.Numerator != w.num || *r.Denominator != w.den) {
		t.Errorf("%s: %d/%d, want %d/%d", r.ID, *r.Numerator, *r.Denominator, w.num, w.den)
	}
	met := ""
	if r.Met != nil {
		met = map[bool]string{true: "yes", false: "no"}[*r.Met]
	}
	if met != w.met || r.Status != w.status {
		t.Errorf("%s: met %q status %q, want %q %q", r.ID, met, r.Status, w.met, w.status)
	}
}

func dossier(id, field, rec, due, ret, apology string) string {
	return strings.Join([]string{id, field, rec, due, ret, apology}, ";")
}

func TestDossiersOnTimeByField(t *testing.T) {
	var rows []string
	// Xử lý đơn: 49 of 50 on time = 98%, its own target.
	for i := 0; i < 50; i++ {
		ret := "01/03/2024"
		if i == 0 {
			ret = "06/03/2024" // one day late, apology sent
		}
		rows = append(rows, dossier("X"+string(rune('A'+i%26))+string(rune('a'+i/26)), "Xử lý đơn", "20/02/2024", "05/03/2024", ret, map[bool]string{true: "07/03/2024"}[i == 0]))
	}
	rows = append(rows,
		dossier("G1", "Giáo dục và Đào tạo", "20/02/2024", "05/03/2024", "05/03/2024", ""),  // on the due day: on time
		dossier("G2", "giáo dục và đào tạo ", "20/02/2024", "05/03/2024", "14/03/2024", ""), // late, no apology
		dossier("G3", "Giáo dục và Đào tạo", "20/02/2024", "05/03/2024", "15/03/2024", ""),  // resolved after the period
		dossier("G4", "Giáo dục và Đào tạo", "01/02/2024", "10/02/2024", "14/02/2024", ""),  // resolved before it
		dossier("G5", "Giáo dục và Đào tạo", "10/03/2024", "20/03/2024", "", ""),            // pending, not overdue
		dossier("G6", "Giáo dục và Đào tạo", "01/03/2024", "10/03/2024", "", ""),            // pending, overdue
	)
	out, r := compute(t, map[string][]string{"dossiers": rows})
	check(t, r["3.1"], want{50.0 / 52, 50, 52, "no", NotMet})
	groups := map[string]Group{}
	for _, g := range r["3.1"].Breakdown {
		groups[g.Key] = g
	}
	if g := groups["Xử lý đơn"]; g.Numerator != 49 || g.Denominator != 50 || g.Target != 0.98 || !*g.Met {
		t.Errorf("Xử lý đơn: %+v", g)
	}
	if g := groups["Giáo dục và Đào tạo"]; g.Numerator != 1 || g.Denominator != 2 || g.Target != 1 || *g.Met {
		t.Errorf("Giáo dục và Đào tạo: %+v (groups %v)", g, groups)
	}
	check(t, r["3.3"], want{0.5, 1, 2, "no", NotMet})

	var gd FieldStats
	for _, f := range out.Fields {
		if f.Field == "Giáo dục và Đào tạo" {
			gd = f
		}
	}
	wantGD := FieldStats{Field: "Giáo dục và Đào tạo", Received: 5, Resolved: 2, OnTime: 1, Late: 1, Pending: 3, OverduePending: 2}
	gd.Rate = nil
	if gd != wantGD {
		t.Errorf("field stats %+v, want %+v", gd, wantGD)
	}
	if len(out.Late) != 2 || out.Late[0].DaysLate != 1 || out.Late[1].ID != "G2" || !out.Late[1].Apology.IsZero() {
		t.Errorf("late dossiers %+v", out.Late)
	}
}

func TestBreakdownMeetsEachFieldsTarget(t *testing.T) {
	var rows []string
	for i := 0; i < 20; i++ {
		ret := "01/03/2024"
		if i == 0 {
			ret = "09/03/2024"
		}
		rows = append(rows, dossier("K"+string(rune('A'+i)), "Khiếu nại, tố cáo", "20/02/2024", "05/03/2024", ret, "09/03/2024"))
	}
	_, r := compute(t, map[string][]string{"dossiers": rows})
	check(t, r["3.1"], want{0.95, 19, 20, "yes", Met}) // 95% meets the 95% target of its field
	check(t, r["3.3"], want{1, 1, 1, "yes", Met})
}

func TestEmptyDenominators(t *testing.T) {
	_, r := compute(t, nil)
	for _, id := range []string{"3.1", "3.3", "3.5", "4.1", "4.2", "5", "7", "9.1", "9.2", "9.4"} {
		check(t, r[id], want{-1, 0, 0, "", NoCases})
	}
	for _, id := range []string{"1", "2", "3.2", "3.4", "6", "9.3"} {
		check(t, r[id], want{-1, 0, 0, "", NoData})
	}
}

func TestPaymentsAndSurvey(t *testing.T) {
	out, r := compute(t, map[string][]string{
		"payments": {
			"HS1;20/02/2024;Yoyoschool", "HS1;01/03/2024;Tiền mặt", // paid both ways: counts as Yoyoschool
			"HS2;20/02/2024;Chuyển khoản",
			"HS3;20/02/2024;tiền mặt", "HS3;21/02/2024;Tiền mặt",
			"HS4;20/01/2024;Yoyoschool", // outside the period
		},
		"survey": {
			"20/02/2024 08:00;Thanh toán học phí qua Yoyoschool;Rất hài lòng",
			"21/02/2024;Thanh toán học phí qua Yoyoschool;Hài lòng",
			"22/02/2024;Thanh toan hoc phi qua Yoyoschool;Bình thường",
			"23/02/2024;Giải quyết thủ tục hành chính;Không hài lòng",
			"15/03/2024;Giải quyết thủ tục hành chính;Hài lòng", // after the period
		},
	})
	check(t, r["3.5"], want{1.0 / 3, 1, 3, "no", NotMet})
	check(t, r["7"], want{1, 2, 5, "yes", Met})
	check(t, r["4.1"], want{2.0 / 3, 2, 3, "no", NotMet})
	check(t, r["4.2"], want{0, 0, 1, "no", NotMet})
	if len(out.Issues) != 6 { // the manual values that are missing
		t.Errorf("issues %v", out.Issues)
	}
}

func TestCashOnlyIsNoElectronicPayment(t *testing.T) {
	_, r := compute(t, map[string][]string{"payments": {"HS1;20/02/2024;Tiền mặt"}})
	check(t, r["7"], want{0, 0, 1, "no", NotMet})
}

func TestDocumentsFeedbackStaff(t *testing.T) {
	_, r := compute(t, map[string][]string{
		"documents": {
			"1/CV;20/02/2024;Đến;x;;", "2/CV;20/02/2024;Đến;Không;;",
			"3/BC;20/02/2024;Đi;Có;Có;", "4/BC;20/02/2024;Đi;Có;Không;", "5/BC;20/02/2024;Đi;Không;Không;",
			"6/CV;20/02/2024;Đến;Không;;Mật", // secret: left out of 9.1
		},
		"feedback": {"P1;01/03/2024;05/03/2024;05/03/2024", "P2;01/03/2024;05/03/2024;06/03/2024", "P3;01/03/2024;05/03/2024;"},
		"staff": {"A;a@hcm.edu.vn", "B;b@mn2010.hcm.edu.vn", "C;c@tphcm.gov.vn", "D;d@gmail.com", "E;", "F;e@xhcm.edu.vn",
			"G;not an address", "H;Trần Văn H <h@hcm.edu.vn>"},
	})
	check(t, r["9.1"], want{3.0 / 5, 3, 5, "no", NotMet})
	check(t, r["9.2"], want{0.5, 1, 2, "no", NotMet})
	check(t, r["5"], want{0.5, 1, 2, "no", NotMet})
	check(t, r["9.4"], want{3.0 / 8, 3, 8, "no", NotMet})
}

func TestManualValuesCarriedForward(t *testing.T) {
	out, r := compute(t, map[string][]string{
		"manual": {
			"1;2023;3",
			"2;2024-Q1;38,5%", "2;2024-02;45%", // the quarter ends on 14/03, the same day as the report: latest wins
			"3.2;2024-03;Không", "3.2;2024-02;Có", // an exact match wins
			"3.4;2024-04;100%", // after the period: not used
			"6;2024-02;Có",
			"9.3;2024-01;150%", // not a fraction: a warning, skipped
			"9.3;2023-12;0,75", // carried forward instead
			"9.9;2024-03;1",    // not an indicator of the plan: unused
			"2;tháng 3;50%",    // a bad label: a warning
		},
		"tasks": {"1.1;2024-01;Hoàn thành;Đã kiện toàn", "1.1;2024-04;Đang thực hiện;later", "7.8;2024-Q1;Đang thực hiện;Zoom"},
	})
	check(t, r["1"], want{3, 0, 0, "yes", Met})
	check(t, r["2"], want{0.385, 0, 0, "no", NotMet})
	check(t, r["3.2"], want{0, 0, 0, "no", NotMet})
	check(t, r["3.4"], want{-1, 0, 0, "", NoData})
	check(t, r["6"], want{1, 0, 0, "yes", Met})
	check(t, r["9.3"], want{0.75, 0, 0, "no", NotMet})
	if r["6"].Note != "Số liệu kỳ 2024-02" {
		t.Errorf("note %q", r["6"].Note)
	}
	var words []string
	for _, i := range out.Issues {
		words = append(words, i.Message)
	}
	all := strings.Join(words, "\n")
	for _, w := range []string{"kỳ báo cáo không hợp lệ", "giá trị tỷ lệ phải từ 0 đến 100%", "chưa có số liệu chỉ tiêu 3.4 cho kỳ 2024-03"} {
		if !strings.Contains(all, w) {
			t.Errorf("no warning saying %q in:\n%s", w, all)
		}
	}
	tasks := map[string]TaskStatus{}
	for _, s := range out.Tasks {
		tasks[s.ID] = s
	}
	if s := tasks["1.1"]; s.Status != "Hoàn thành" || s.Period != "2024-01" {
		t.Errorf("task 1.1 = %+v", s)
	}
	if s := tasks["7.8"]; s.Status != "Đang thực hiện" || s.Result != "Zoom" {
		t.Errorf("task 7.8 = %+v", s)
	}
	if s := tasks["2.1"]; s.Status != NoUpdate {
		t.Errorf("task 2.1 = %+v", s)
	}
}

func TestOfficialEmail(t *testing.T) {
	domains := []string{"hcm.edu.vn", " TPHCM.gov.vn "}
	for addr, ok := range map[string]bool{
		"a@hcm.edu.vn": true, "a@MN2010.HCM.EDU.VN": true, "a@tphcm.gov.vn": true,
		"a@xhcm.edu.vn": false, "a@hcm.edu.vn.evil.com": false, "a@gmail.com": false, "": false,
		"a b@hcm.edu.vn": false, "<a@hcm.edu.vn>": false, "a@hcm": false, "a@@hcm.edu.vn": false,
	} {
		if got := OfficialEmail(addr, domains); got != ok {
			t.Errorf("OfficialEmail(%q) = %v, want %v", addr, got, ok)
		}
	}
}
