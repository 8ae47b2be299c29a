package doctor

import (
	"context"
	"errors"
	"github.com/mn2010/baocao/reports/plan"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/delivery"
)

// example copies the example config and data into a temporary folder.
func example(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	b, err := os.ReadFile("../../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "config.toml")
	os.WriteFile(cfg, b, 0o644)
	os.MkdirAll(filepath.Join(dir, "examples", "data"), 0o755)
	files, _ := filepath.Glob("../../examples/data/*.xlsx")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		to := filepath.Join(dir, "examples", "data", filepath.Base(f))
		os.WriteFile(to, b, 0o644)
		os.Chtimes(to, saved, saved)
	}
	return cfg
}

// saved is when the example files were last saved, for the clock check.
var saved = time.Date(2024, 12, 15, 10, 0, 0, 0, time.UTC)

func text(r *Report) string {
	var b strings.Builder
	r.Print(&b)
	return b.String()
}

func TestServiceAndClock(t *testing.T) {
	cfg := example(t)
	withApprover(t, cfg) // the account the example's approvers name: no review ✗ here
	inPeriod := time.Date(2024, 12, 20, 9, 0, 0, 0, time.FixedZone("ICT", 7*3600))
	tests := []struct {
		name     string
		now      time.Time
		service  Service
		want     []string
		problems int
	}{
		{"running", inPeriod, Service{Known: true, Installed: true, Running: true, Where: "windows-service"},
			[]string{"✓ Dịch vụ baocao: đang chạy (windows-service)", "✓ Đồng hồ: 09:00 20/12/2024, múi giờ báo cáo Asia/Ho_Chi_Minh",
				`✓ Sổ văn bản đi/đến (van-ban.xlsx): 420 dòng, ngày mới nhất 14/12/2024 (cột "Ngày văn bản")`, "Kết quả: mọi thứ sẵn sàng."}, 0},
		{"not installed is a note", inPeriod, Service{Known: true, Where: "linux-systemd"},
			[]string{"! Dịch vụ baocao: chưa cài", "baocao service install -c " + cfg}, 0},
		{"installed, stopped", inPeriod, Service{Known: true, Installed: true, Where: "linux-systemd"},
			[]string{"✗ Dịch vụ baocao: đã cài nhưng không chạy (linux-systemd) — chạy: baocao service start"}, 1},
		{"clock in the past", time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC), Service{Known: true, Installed: true, Running: true},
			// the 2024 plan does not cover 2001 either
			[]string{"✗ Đồng hồ máy chỉ 00:00 01/01/2001 — đặt lại ngày giờ", "✗ Kế hoạch"}, 2},
		{"clock behind the files", time.Date(2024, 12, 10, 9, 0, 0, 0, time.UTC), Service{Known: true, Installed: true, Running: true},
			[]string{"✗ Đồng hồ máy chỉ 16:00 10/12/2024, sớm hơn một tệp được ghi lúc 17:00 15/12/2024"}, 1},
		{"a date in the future", inPeriod, Service{Known: true, Installed: true, Running: true},
			[]string{`! Sổ theo dõi hồ sơ TTHC (ho-so-tthc.xlsx): 195 dòng, ngày mới nhất 12/01/2025 (cột "Ngày trả kết quả") — ngày này ở tương lai`}, 0},
		{"stale sources", inPeriod.AddDate(0, 3, 0), Service{Known: true, Installed: true, Running: true},
			// and in March 2025 the 2024 plan is out of date: a problem
			[]string{"! Sổ văn bản đi/đến (van-ban.xlsx): 420 dòng, ngày mới nhất 14/12/2024 (cột \"Ngày văn bản\") — sổ đã 96 ngày chưa có dòng mới",
				"là kế hoạch năm 2024, nhưng kỳ báo cáo gần nhất (2025-03) thuộc năm 2025"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Run(Options{Config: cfg, NoEmail: true, Now: func() time.Time { return tt.now }, Service: func() Service { return tt.service }})
			out := text(r)
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("did not say %q:\n%s", w, out)
				}
			}
			if n := len(r.Problems()); n != tt.problems {
				t.Errorf("%d problems, want %d:\n%s", n, tt.problems, out)
			}
		})
	}
}

func TestEachProblemNamed(t *testing.T) {
	cfg := example(t)
	withApprover(t, cfg) // the account the example's approvers name: no review ✗ here
	dir := filepath.Dir(cfg)
	os.WriteFile(filepath.Join(dir, "examples", "data", "van-ban.xlsx"), []byte("not a workbook"), 0o644)
	os.Chtimes(filepath.Join(dir, "examples", "data", "van-ban.xlsx"), saved, saved)
	os.Remove(filepath.Join(dir, "examples", "data", "can-bo.xlsx"))
	b, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, []byte(strings.Replace(string(b), `archive = "archive"`, `archive = "config.toml/archive"`, 1)), 0o644)
	now := time.Date(2024, 12, 20, 9, 0, 0, 0, time.UTC)
	r := Run(Options{Config: cfg, NoEmail: true, Now: func() time.Time { return now }})
	out := text(r)
	for _, w := range []string{
		"✗ Sổ văn bản đi/đến (" + filepath.Join(dir, "examples", "data", "van-ban.xlsx") + "): tệp không phải sổ tính",
		"✗ Danh sách CBCCVC (" + filepath.Join(dir, "examples", "data", "can-bo.xlsx") + "): không tìm thấy tệp",
		"✗ Thư mục lưu báo cáo " + filepath.Join(dir, "config.toml", "archive") + " không ghi được",
		"! Máy chủ thư: bỏ qua (--no-email)", "Kết quả: 3 việc cần sửa",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("did not say %q:\n%s", w, out)
		}
	}
	os.WriteFile(cfg, []byte("[unit]\nname = 1\n"), 0o644)
	r = Run(Options{Config: cfg, NoEmail: true})
	if out := text(r); len(r.Problems()) != 1 || !strings.Contains(out, "✗ Tệp cấu hình "+cfg) {
		t.Errorf("bad config:\n%s", out)
	}
}

// TestReportWithoutRecipients: with mail on, a report with to = [] is a
// problem doctor names.
func TestReportWithoutRecipients(t *testing.T) {
	cfg := example(t)
	b, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, []byte(strings.Replace(string(b), `to = ["phongnoivu.q1@tphcm.gov.vn"]`, `to = []`, 1)), 0o644)
	t.Setenv("BAOCAO_SMTP_PASSWORD", "x")
	now := time.Date(2024, 12, 20, 9, 0, 0, 0, time.UTC)
	r := Run(Options{Config: cfg, Now: func() time.Time { return now }, Login: func(context.Context, delivery.Settings) error { return nil }})
	if out := text(r); !strings.Contains(out, "✗ Báo cáo tháng: chưa có địa chỉ nhận (to = [])") {
		t.Errorf("doctor does not name the report without recipients:\n%s", out)
	}
}

// TestPlanOfAnotherYear: the 2024 plan, checked in 2026, is a problem
// naming both years and how to import this year's plan; in 2024 it is
// the line that says which plan is in force.
func TestPlanOfAnotherYear(t *testing.T) {
	cfg := example(t)
	withApprover(t, cfg) // the account the example's approvers name: no review ✗ here
	now := time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)
	r := Run(Options{Config: cfg, NoEmail: true, Now: func() time.Time { return now }})
	out := text(r)
	if !strings.Contains(out, "✗ Kế hoạch \"Kế hoạch thực hiện công tác cải cách hành chính năm 2024\"") ||
		!strings.Contains(out, "là kế hoạch năm 2024, nhưng kỳ báo cáo gần nhất (2026-11) thuộc năm 2026") ||
		!strings.Contains(out, "baocao plan import TỆP.docx -o ke-hoach-2026.toml") || len(r.Problems()) != 1 || !errors.Is(r.Problems()[0].Err, plan.ErrInvalid) {
		t.Errorf("doctor does not flag the plan's year:\n%s", out)
	}
	now = time.Date(2024, 12, 20, 9, 0, 0, 0, time.UTC)
	if out := text(Run(Options{Config: cfg, NoEmail: true, Now: func() time.Time { return now }})); strings.Contains(out, "là kế hoạch năm") ||
		!strings.Contains(out, "✓ Kế hoạch: Kế hoạch số 13/KH-MN2010 ngày 12 tháng 01 năm 2024 (năm 2024, 16 chỉ tiêu, 58 nhiệm vụ)") {
		t.Errorf("in the plan's own year:\n%s", out)
	}
}

// TestPlanOfAnotherUnit: the built-in plan (Trường Mầm non 20/10's) under
// another school's config is a problem naming both units; the same unit
// written in capitals is not.
func TestPlanOfAnotherUnit(t *testing.T) {
	cfg := example(t)
	withApprover(t, cfg) // the account the example's approvers name: no review ✗ here
	now := time.Date(2024, 12, 20, 9, 0, 0, 0, time.UTC)
	b, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, []byte(strings.Replace(string(b), `name = "Trường Mầm non 20/10"`, `name = "TRƯỜNG MẦM NON  20/10"`, 1)), 0o644)
	if r := Run(Options{Config: cfg, NoEmail: true, Now: func() time.Time { return now }}); len(r.Problems()) != 0 {
		t.Errorf("the same unit in capitals:\n%s", text(r))
	}
	os.WriteFile(cfg, []byte(strings.Replace(string(b), `name = "Trường Mầm non 20/10"`, `name = "Trường Mầm non Hoa Sen"`, 1)), 0o644)
	r := Run(Options{Config: cfg, NoEmail: true, Now: func() time.Time { return now }})
	if out := text(r); len(r.Problems()) != 1 ||
		!strings.Contains(out, "là kế hoạch của Trường Mầm non 20/10, không phải của Trường Mầm non Hoa Sen ([unit] name trong tệp cấu hình)") {
		t.Errorf("another unit's plan:\n%s", out)
	}
}
