package main

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestNumberAndDateOfIssueAreChecked: a number below 1, a date that is not
// in the calendar, before the period or far ahead are refused (exit 2)
// with a message saying what is wrong and what is accepted; nothing is
// archived.
func TestNumberAndDateOfIssueAreChecked(t *testing.T) {
	cfg := project(t)
	far := time.Now().AddDate(0, 0, 40).Format("02/01/2006")
	tests := []struct {
		name  string
		args  []string
		words []string
	}{
		{"approve negative number", []string{"approve", "-r", "quarterly", "-p", "2024-Q1", "--as", "hieutruong", "--password-stdin", "--number", "-5"}, []string{"--number -5", "từ 1 trở lên"}},
		{"run zero number", []string{"run", "-r", "monthly", "-p", "2024-03", "--no-email", "--number", "0"}, []string{"--number 0", "từ 1 trở lên"}},
		{"run negative number", []string{"run", "-r", "monthly", "-p", "2024-03", "--no-email", "--number", "-1"}, []string{"từ 1 trở lên"}},
		{"1900", []string{"run", "-r", "monthly", "-p", "2024-03", "--no-email", "--date", "01/01/1900"}, []string{"ngày 01/01/1900 trước khi kỳ 2024-03 kết thúc", "phải từ 14/03/2024"}},
		{"inside the period", []string{"approve", "-r", "half-year", "-p", "2024-H1", "--as", "hieutruong", "--password-stdin", "--number", "9", "--date", "01/03/2024"}, []string{"ngày 01/03/2024 trước khi kỳ 2024-H1 kết thúc", "phải từ 14/06/2024 (ngày cuối kỳ)"}},
		{"day before the last", []string{"run", "-r", "monthly", "-p", "2024-03", "--no-email", "--date", "13/03/2024"}, []string{"ngày 13/03/2024 trước khi kỳ 2024-03 kết thúc"}},
		{"31 February", []string{"approve", "-r", "quarterly", "-p", "2024-Q1", "--as", "hieutruong", "--password-stdin", "--date", "31/02/2024"}, []string{"02/2024 không có ngày 31", "29 ngày"}},
		{"month 13", []string{"run", "-r", "monthly", "-p", "2024-03", "--no-email", "--date", "01/13/2024"}, []string{"không có tháng 13"}},
		{"not DD/MM/YYYY", []string{"run", "-r", "monthly", "-p", "2024-03", "--no-email", "--date", "2024-04-20"}, []string{"viết ngày/tháng/năm"}},
		{"far ahead", []string{"run", "-r", "monthly", "-p", "2024-03", "--no-email", "--date", far}, []string{"quá 31 ngày sau hôm nay", "phải từ"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := baocao(append(tt.args, "-c", cfg)...)
			if code != 2 {
				t.Errorf("exit %d, want 2: %s", code, errs)
			}
			for _, w := range tt.words {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errs)
				}
			}
			if strings.Contains(tt.name, "31 February") && strings.Contains(errs, "viết ngày/tháng/năm") {
				t.Errorf("a date written DD/MM/YYYY is told to be written so:\n%s", errs)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(cfg), "archive")); !os.IsNotExist(err) {
		t.Error("a refused number or date archived something")
	}
	code, _, errs := baocao("run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "--no-email", "--number", "15", "--date", "14/03/2024")
	if code != 0 {
		t.Errorf("a good number and date: exit %d: %s", code, errs)
	}
}

// TestUsageLinePrintedOnce: a bad command line prints run's whole usage
// line (with --number and --date) once.
func TestUsageLinePrintedOnce(t *testing.T) {
	cfg := project(t)
	for _, args := range [][]string{
		{"run", "-c", cfg, "--bogus"},
		{"run", "-c", cfg, "-p", "2024-03"},
		{"run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "extra"},
	} {
		code, _, errs := baocao(args...)
		if code != 2 {
			t.Errorf("%v: exit %d", args, code)
		}
		if n := strings.Count(errs, "-r BÁO_CÁO -p KỲ"); n != 1 {
			t.Errorf("%v: the usage line is printed %d times:\n%s", args, n, errs)
		}
		if !strings.Contains(errs, "cách dùng: baocao run -r BÁO_CÁO -p KỲ [--no-email] [--number SỐ] [--date NGÀY/THÁNG/NĂM] [--force] [-c TỆP_CẤU_HÌNH]") {
			t.Errorf("%v: stderr lacks the whole usage line:\n%s", args, errs)
		}
	}
}

// TestNothingArchivedIsBadInput: status, approve and send of a period with
// nothing archived exit 2, saying to run it first (approve, to the head
// whose password it took first).
func TestNothingArchivedIsBadInput(t *testing.T) {
	cfg := project(t)
	withPrincipal(t, cfg)
	for _, args := range [][]string{
		{"status", "-r", "quarterly", "-p", "2024-Q3"},
		{"approve", "-r", "quarterly", "-p", "2024-Q3", "--as", "hieutruong", "--password-stdin", "--no-email"},
	} {
		code, _, errs := baocao(append(args, "-c", cfg)...)
		if code != 2 || !strings.Contains(errs, "chưa có phiên bản nào được lưu") || strings.Contains(errs, "số trống") {
			t.Errorf("%v: exit %d, want 2, no number proposed: %s", args, code, errs)
		}
	}
}

func lastStatus(t *testing.T, cfg, report, label, version string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(filepath.Dir(cfg), "archive", report, label, version, "delivery.json"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDraftWithoutMailThenSendAndApprovedNotStranded (real Mailpit): a
// draft made with --no-email reaches the reviewers by `send`, once; an
// approved document held with --no-email is not stranded by a later run
// (refused, exit 2, naming it), `send` sends it; `run --force` supersedes
// the approval and makes a new draft.
func TestDraftWithoutMailThenSendAndApprovedNotStranded(t *testing.T) {
	m := startMailpit(t)
	cfg := reviewConfig(t, m)
	do := func(want int, args ...string) string {
		t.Helper()
		code, _, errs := baocao(append(args, "-c", cfg)...)
		if code != want {
			t.Fatalf("%v: exit %d, want %d: %s", args, code, want, errs)
		}
		return errs
	}
	do(0, "run", "-r", "quarterly", "-p", "2024-Q2", "--no-email")
	if n := len(m.messages(t)); n != 0 {
		t.Fatalf("run --no-email sent %d messages", n)
	}
	// status says the approver was never mailed, and how to mail her.
	if code, out, _ := baocao("status", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2"); code != 0 || !strings.Contains(out, "người duyệt chưa nhận thư xin duyệt: baocao send -r quarterly -p 2024-Q2") {
		t.Errorf("status of a draft made without mail: exit %d:\n%s", code, out)
	}
	errs := do(0, "send", "-r", "quarterly", "-p", "2024-Q2")
	msgs := m.messages(t)
	if len(msgs) != 1 || !strings.HasPrefix(msgs[0].Subject, "[Chờ duyệt]") || msgs[0].To[0].Address != "hieutruong.mn2010@hcm.edu.vn" {
		t.Fatalf("send of a draft made without mail: %+v", msgs)
	}
	if !strings.Contains(errs, "thư xin duyệt") || !strings.Contains(errs, "vừa gửi tới") {
		t.Errorf("send does not say it mailed the reviewers: %s", errs)
	}
	// The command it points to is one that runs: --as, not the --by that is gone.
	if !strings.Contains(errs, "baocao approve -r quarterly -p 2024-Q2 --as TÀI_KHOẢN") || strings.Contains(errs, "--by") {
		t.Errorf("send points to an approve command that does not run: %s", errs)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(cfg), "archive", "quarterly", "2024-Q2", "v1", "review.json")); err != nil {
		t.Errorf("the review message is not recorded: %v", err)
	}
	if _, out, _ := baocao("status", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2"); strings.Contains(out, "chưa nhận thư xin duyệt") {
		t.Errorf("status after the review message went: %s", out)
	}
	errs = do(2, "send", "-r", "quarterly", "-p", "2024-Q2")
	if !strings.Contains(errs, "thư xin duyệt đã gửi lúc") || !strings.Contains(errs, "--as TÀI_KHOẢN") || len(m.messages(t)) != 1 {
		t.Errorf("a second send: %s (%d messages)", errs, len(m.messages(t)))
	}

	do(0, "approve", "-r", "quarterly", "-p", "2024-Q2", "--as", "hieutruong", "--password-stdin", "--number", "3", "--force-number", "--date", "20/06/2024", "--no-email")
	errs = do(2, "run", "-r", "quarterly", "-p", "2024-Q2")
	for _, w := range []string{"phiên bản 2, ban hành từ bản nháp phiên bản 1", "được Nguyễn Thị Hồng Vân", "duyệt lúc", "baocao send -r quarterly -p 2024-Q2 sẽ gửi", "--force"} {
		if !strings.Contains(errs, w) {
			t.Errorf("the refused run lacks %q: %s", w, errs)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(cfg), "archive", "quarterly", "2024-Q2", "v3")); err == nil {
		t.Error("the refused run archived v3")
	}
	do(0, "send", "-r", "quarterly", "-p", "2024-Q2")
	msgs = m.messages(t)
	if len(msgs) != 2 || msgs[0].MessageID != "baocao.mn2010.quarterly.2024-q2.v2@hcm.edu.vn" || msgs[0].To[0].Address != "phongnoivu.q1@tphcm.gov.vn" {
		t.Fatalf("send of the held issued version: %+v", msgs)
	}

	// --force: the held approval is superseded, the new draft goes for review.
	do(0, "run", "-r", "half-year", "-p", "2024-H1", "--no-email")
	do(0, "approve", "-r", "half-year", "-p", "2024-H1", "--as", "hieutruong", "--password-stdin", "--no-email")
	do(2, "run", "-r", "half-year", "-p", "2024-H1")
	errs = do(0, "run", "-r", "half-year", "-p", "2024-H1", "--force")
	if !strings.Contains(errs, "phiên bản 1 đã duyệt nhưng chưa gửi, nay được thay bằng bản nháp mới phiên bản 2") {
		t.Errorf("run --force does not say the approval is superseded: %s", errs)
	}
	if rec := lastStatus(t, cfg, "half-year", "2024-H1", "v1"); !strings.Contains(rec, `"superseded"`) || !strings.Contains(rec, `"superseded_by": 2`) {
		t.Errorf("v1's record after run --force: %s", rec)
	}
	msgs = m.messages(t)
	if len(msgs) != 3 || !strings.HasPrefix(msgs[0].Subject, "[Chờ duyệt]") {
		t.Fatalf("run --force: %+v", msgs)
	}
	if errs := do(2, "send", "-r", "half-year", "-p", "2024-H1"); !strings.Contains(errs, "phiên bản 2 là bản nháp đang chờ duyệt") {
		t.Errorf("send after run --force: %s", errs)
	}
}

// TestReportWithoutRecipientsStopsBeforeArchiving: with mail on, a report
// with to = [] is refused before anything is archived; validate flags it.
func TestReportWithoutRecipientsStopsBeforeArchiving(t *testing.T) {
	m := startMailpit(t)
	cfg := reviewConfig(t, m)
	setConfig(t, cfg, `to = ["phongnoivu.q1@tphcm.gov.vn"]`, `to = []`)
	code, _, errs := baocao("run", "-c", cfg, "-r", "monthly", "-p", "2024-03")
	if code != 2 || !strings.Contains(errs, "[reports.monthly] chưa có địa chỉ nhận") || !strings.Contains(errs, "chưa lưu gì") {
		t.Errorf("run: exit %d: %s", code, errs)
	}
	if files := archivedFiles(t, cfg); len(files) != 0 {
		t.Errorf("archived %v", files)
	}
	code, _, errs = baocao("validate", "-c", cfg, "-p", "2024-03")
	if code != 0 || !strings.Contains(errs, "cảnh báo: [reports.monthly] chưa có địa chỉ nhận (to = [])") {
		t.Errorf("validate: exit %d: %s", code, errs)
	}
	if code, _, errs := baocao("run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "--no-email"); code != 0 {
		t.Errorf("run --no-email: exit %d: %s", code, errs)
	}
}

// TestUnknownSourceKey: a misspelt [sources.staf] is refused, naming the
// key, the nearest known one and the list; never an empty "()".
func TestUnknownSourceKey(t *testing.T) {
	cfg := project(t)
	setConfig(t, cfg, "[sources.staff]", "[sources.staf]")
	code, _, errs := baocao("validate", "-c", cfg)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	for _, w := range []string{`[sources.staf]: kế hoạch không đọc sổ "staf"`, "có phải [sources.staff]?", "dossiers", "staff"} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
	if strings.Contains(errs, "()") {
		t.Errorf("an empty () in:\n%s", errs)
	}
}

// setCells writes values into the first sheet of an example workbook.
func setCells(t *testing.T, path string, cells map[string]any) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	for axis, v := range cells {
		if err := f.SetCellValue(sheet, axis, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// TestValidateWarnsAboutWhatReadingMisses: an unknown field, a dossier
// received after its due date, a date in 2099, a manual row for an
// indicator the plan lacks, a value carried forward from years back, and
// a plan of another year; validate without -p checks every manual row.
func TestValidateWarnsAboutWhatReadingMisses(t *testing.T) {
	cfg := project(t)
	data := filepath.Join(filepath.Dir(cfg), "examples", "data")
	setCells(t, filepath.Join(data, "ho-so-tthc.xlsx"), map[string]any{
		"C8":  "Mầm non",                                    // row 8: an unknown field
		"E9":  time.Date(2024, 3, 20, 0, 0, 0, 0, time.UTC), // row 9: received after its due date
		"F9":  time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
		"G10": time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC), // row 10: returned in 2099
	})
	setCells(t, filepath.Join(data, "so-lieu-nhap-tay.xlsx"), map[string]any{"A17": "9.9", "B17": "2024-03", "C17": "5"})
	code, out, errs := baocao("validate", "-c", cfg)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, w := range []string{
		`dòng 8, cột "Lĩnh vực" = "Mầm non": Lĩnh vực không có trong kế hoạch (chỉ tiêu 3.1`, `"Giáo dục và Đào tạo", "Tuyển sinh", "Xử lý đơn", "Khiếu nại, tố cáo"`,
		`dòng 9, cột "Ngày hẹn trả" = "01/03/2024": ngày hẹn trả trước ngày tiếp nhận (20/03/2024)`,
		`dòng 10, cột "Ngày trả kết quả" = "01/01/2099": ngày ở quá xa trong tương lai`,
		`so-lieu-nhap-tay.xlsx, trang "Sheet1", dòng 17, cột "Mã chỉ tiêu" = "9.9": kế hoạch không có chỉ tiêu này`,
	} {
		if !strings.Contains(out, w) {
			t.Errorf("validate lacks %q:\n%s", w, out)
		}
	}
	if !strings.Contains(errs, "là của năm 2024") {
		t.Errorf("no warning that the plan is 2024's:\n%s", errs)
	}
	code, out, errs = baocao("validate", "-c", cfg, "-p", "2026-11")
	if code != 0 || !strings.Contains(out, `chỉ tiêu 1 dùng số liệu kỳ 2023, cũ hơn kỳ báo cáo 2026-11`) ||
		!strings.Contains(errs, "là của năm 2024, nhưng kỳ 2026-11 thuộc năm 2026") || strings.Count(out, `"9.9"`) != 1 {
		t.Errorf("validate -p 2026-11: exit %d:\n%s%s", code, out, errs)
	}
	if _, _, errs := baocao("run", "-c", cfg, "-r", "monthly", "-p", "2026-11", "--no-email"); !strings.Contains(errs, "là của năm 2024, nhưng kỳ 2026-11 thuộc năm 2026") {
		t.Errorf("run of 2026-11 does not warn about the plan's year:\n%s", errs)
	}
}

// TestYesNoRatioAndCarriedValuesInEveryFile: indicator 7 (any = true)
// reads "Có" with its count, never a percentage, in the PDF, the Word
// document and the workbook; a manual value carried forward says from
// which period in the PDF and the Word document too.
func TestYesNoRatioAndCarriedValuesInEveryFile(t *testing.T) {
	cfg := project(t)
	code, out, errs := baocao("run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "--no-email")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	dir := strings.TrimSpace(out)
	pdf := strings.Join(strings.Fields(pdfText(t, filepath.Join(dir, "bao-cao-cchc-2024-03.pdf"))), " ")
	for _, w := range []string{"Có áp dụng Có (158/161)", "3 (số liệu", "2023)"} {
		if !strings.Contains(pdf, w) {
			t.Errorf("the PDF lacks %q:\n%s", w, pdf)
		}
	}
	if strings.Contains(pdf, "100,00% (158/161)") {
		t.Error("the PDF shows indicator 7 as 100,00%")
	}
	z, err := zip.OpenReader(filepath.Join(dir, "bao-cao-cchc-2024-03.docx"))
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var doc string
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			r.Close()
			doc = regexp.MustCompile(`<[^>]+>`).ReplaceAllString(string(b), "")
		}
	}
	for _, w := range []string{"Có (158/161)", "(số liệu năm 2023)"} {
		if !strings.Contains(doc, w) {
			t.Errorf("the Word document lacks %q", w)
		}
	}
	if strings.Contains(doc, "100,00% (158/161)") {
		t.Error("the Word document shows indicator 7 as 100,00%")
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "bao-cao-cchc-2024-03.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := false
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for _, r := range rows {
			if len(r) > 4 && r[1] == "7" && strings.HasPrefix(r[2], "Đơn vị ứng dụng thanh toán điện tử") {
				found = true
				if r[4] != "Có" {
					t.Errorf("workbook %s: indicator 7's result reads %q, want Có", sheet, r[4])
				}
			}
		}
	}
	if !found {
		t.Error("the workbook has no row for indicator 7")
	}
}

// TestRunWarnsOfAPeriodWithoutData: `baocao run` of a period no data file
// reaches archives as before and warns, naming each source's latest day.
func TestRunWarnsOfAPeriodWithoutData(t *testing.T) {
	cfg := project(t)
	code, _, errs := baocao("run", "-c", cfg, "-r", "monthly", "-p", "2025-10", "--no-email")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, w := range []string{"cảnh báo: không sổ dữ liệu nào có dòng trong kỳ 2025-10 (15/09/2025–14/10/2025)", "Sổ theo dõi hồ sơ TTHC 2025-01-12; ", "chế độ chạy nền sẽ giữ lại"} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
	if _, _, errs := baocao("run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "--no-email"); strings.Contains(errs, "không sổ dữ liệu nào") {
		t.Errorf("2024-03 has data:\n%s", errs)
	}
}
