package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mn2010/baocao/internal/catalog"
)

// speaks runs baocao and fails the test when what it prints holds an
// English word, or lacks want (the path under test was not taken).
func speaks(t *testing.T, want string, args ...string) {
	t.Helper()
	_, out, errs := baocao(args...)
	all := out + "\n" + errs
	if words := englishWords(all); len(words) > 0 {
		t.Errorf("baocao %s: English words %q in:\n%s", strings.Join(args, " "), words, all)
	}
	if !strings.Contains(all, want) {
		t.Errorf("baocao %s: %q missing from:\n%s", strings.Join(args, " "), want, all)
	}
}

// The deeper errors speak Vietnamese too: a config that cannot be used,
// a source that cannot be read, the review step's refusals and notices,
// the plan's year, and the mail server's refusals as the command line
// shows them.
func TestErrorsSpeakVietnamese(t *testing.T) {
	t.Setenv(catalog.EnvVar, "")
	t.Cleanup(func() { catalog.Set(catalog.Vietnamese) })

	t.Run("config", func(t *testing.T) {
		for _, tt := range []struct{ old, new, want string }{
			{`period = "month"`, `period = "week"`, `period = "week"`},
			{`boundaries = "decree09"`, `boundaries = "lunar"`, `"decree09"`},
			{`schedule = "0 7 15 * *"`, `schedule = "hằng tháng"`, "lịch"},
			{`schedule = "0 7 15 * *"`, `schedule = "0 0 30 2 *"`, "không bao giờ chạy"},
			{`timezone = "Asia/Ho_Chi_Minh"`, `timezone = "Asia/HCM"`, "múi giờ"},
			{`name = "Trường Mầm non 20/10"`, `name = ""`, "[unit]"},
			{`deadline_day = 20`, `deadline_day = 40`, "deadline_day = 40"},
			{`security = "starttls"`, `security = "none"`, `security = "none"`},
			{`security = "starttls"`, `security = "ssl"`, `security = "ssl"`},
			{`max_file_mb = 100`, `max_file_mb = "100"`, "cần một số"},
			{`port = 587`, `porte = 587`, `không có khoá "smtp.porte"`},
			{`[reports.monthly]`, `[reports.Monthly]`, "chữ thường"},
			{`attach = ["pdf", "xlsx"]`, `attach = ["pdf", "odt"]`, `"odt"`},
			{`attach = ["pdf", "xlsx"]`, `attach = []`, "attach"},
			{`cc = []`, `cc = ["phong noi vu"]`, `"phong noi vu"`},
			{`to = ["phongnoivu.q1@tphcm.gov.vn"]`, `to = []`, "chưa có địa chỉ nhận"},
			{`timezone = "Asia/Ho_Chi_Minh"`, "timezone = \n", "cú pháp"},
			{`username = "mn2010@hcm.edu.vn"`, "username = \"mn2010@hcm.edu.vn\"\npassword = \"x\"", "mật khẩu ghi thẳng"},
		} {
			cfg := project(t)
			setConfig(t, cfg, tt.old, tt.new)
			speaks(t, tt.want, "validate", "-c", cfg)
		}
	})

	t.Run("sources", func(t *testing.T) {
		for _, tt := range []struct {
			name  string
			setup func(cfg, data string)
			want  string
		}{
			{"missing file", func(cfg, data string) { os.Remove(filepath.Join(data, "can-bo.xlsx")) }, "Danh sách CBCCVC ([sources.staff], tệp"},
			{"not a workbook", func(cfg, data string) {
				os.WriteFile(filepath.Join(data, "can-bo.xlsx"), []byte("không phải sổ tính"), 0o644)
			}, "không phải sổ tính"},
			{"a zip that is no workbook", func(cfg, data string) { zipBomb(t, filepath.Join(data, "can-bo.xlsx"), 1<<20) }, "Danh sách CBCCVC"},
			{"wrong sheet", func(cfg, data string) {
				setConfig(t, cfg, `path = "examples/data/can-bo.xlsx"`, "path = \"examples/data/can-bo.xlsx\"\nsheet = \"Khác\"")
			}, `trang "Khác"`},
			{"another source's file", func(cfg, data string) {
				setConfig(t, cfg, `path = "examples/data/can-bo.xlsx"`, `path = "examples/data/van-ban.xlsx"`)
			}, "thiếu cột bắt buộc"},
			{"a pattern matching nothing", func(cfg, data string) {
				setConfig(t, cfg, `path = "examples/data/can-bo.xlsx"`, `path = "examples/khac/*.xlsx"`)
			}, "không có tệp .xlsx hay .csv nào khớp"},
			{"an undeclared source", func(cfg, data string) {
				setConfig(t, cfg, "[sources.staff]\npath = \"examples/data/can-bo.xlsx\"\n", "")
			}, "chưa khai báo"},
		} {
			cfg := project(t)
			tt.setup(cfg, filepath.Join(filepath.Dir(cfg), "examples", "data"))
			speaks(t, tt.want, "validate", "-c", cfg)
			speaks(t, tt.want, "run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "--no-email")
		}
	})

	t.Run("plan and fonts", func(t *testing.T) {
		for _, tt := range []struct {
			name  string
			setup func(cfg, dir string)
			want  string
		}{
			{"a source the plan does not read", func(cfg, dir string) { setConfig(t, cfg, "[sources.staff]", "[sources.staf]") }, "có phải [sources.staff]?"},
			{"a plan's mistake", func(cfg, dir string) {
				b, _ := os.ReadFile("../../templates/plan-2024.toml")
				os.WriteFile(filepath.Join(dir, "kh.toml"), []byte(strings.Replace(string(b), "\nkind = \"ratio\"", "\nkind = \"rate\"", 1)), 0o644)
				setConfig(t, cfg, `# plan = "templates/plan-2025.toml"`, `plan = "kh.toml"`)
			}, `kind = "rate"`},
			{"a plan's unknown key", func(cfg, dir string) {
				b, _ := os.ReadFile("../../templates/plan-2024.toml")
				os.WriteFile(filepath.Join(dir, "kh.toml"), []byte(strings.Replace(string(b), "\nkind = \"ratio\"", "\nkind = \"ratio\"\nkhac = 1", 1)), 0o644)
				setConfig(t, cfg, `# plan = "templates/plan-2025.toml"`, `plan = "kh.toml"`)
			}, "không có khoá"},
			{"a font that is no font", func(cfg, dir string) {
				os.MkdirAll(filepath.Join(dir, "fonts"), 0o755)
				os.WriteFile(filepath.Join(dir, "fonts", "times.ttf"), []byte("x"), 0o644)
				setConfig(t, cfg, "# [document]\n# fonts_dir = \"fonts\"", "[document]\nfonts_dir = \"fonts\"")
			}, "không phải phông TrueType"},
		} {
			cfg := project(t)
			tt.setup(cfg, filepath.Dir(cfg))
			speaks(t, tt.want, "validate", "-c", cfg)
		}
	})

	t.Run("review", func(t *testing.T) {
		cfg := project(t)
		withPrincipal(t, cfg)
		as := []string{"--as", "hieutruong", "--password-stdin"}
		q := func(args ...string) []string {
			return append([]string{args[0], "-c", cfg, "-r", "quarterly", "-p", "2024-Q1"}, args[1:]...)
		}
		speaks(t, "phiên bản 1", q("run", "--no-email")...)
		speaks(t, "Báo cáo quý kỳ 2024-Q1, phiên bản 1 là bản nháp, nay được thay bằng phiên bản 2", q("run", "--no-email")...)
		speaks(t, "đã được thay bằng phiên bản 2", append(q("approve", "--version", "1", "--no-email"), as...)...)
		speaks(t, "không có người duyệt", append([]string{"approve", "-c", cfg, "-r", "monthly", "-p", "2024-03"}, as...)...)
		t.Setenv("BAOCAO_SMTP_PASSWORD", "x")
		speaks(t, "chưa phiên bản nào", q("send", "--signed")...)
		speaks(t, "phiên bản 2", append(q("approve", "--number", "5", "--force-number", "--date", "20/04/2024", "--no-email"), as...)...)
		speaks(t, "là văn bản ban hành từ bản nháp phiên bản 2", append(q("approve", "--version", "3", "--no-email"), as...)...)
		speaks(t, "đã được", append(q("approve", "--version", "2", "--no-email"), as...)...)
		speaks(t, "đã được", append(q("reject", "--version", "2", "--reason", "sai số liệu"), as...)...)
		speaks(t, "có phiên bản đã duyệt nhưng chưa gửi", q("run", "--no-email")...)
		speaks(t, "đã duyệt nhưng chưa gửi, nay được thay bằng bản nháp mới phiên bản 4", q("run", "--no-email", "--force")...)
		speaks(t, "trả lại", append(q("reject", "--reason", "sai số liệu"), as...)...)
		speaks(t, "đã bị", append(q("approve", "--no-email"), as...)...)
		speaks(t, "Báo cáo quý", q("status")...)
		speaks(t, "là của năm 2024, nhưng kỳ 2026-11 thuộc năm 2026", "run", "-c", cfg, "-r", "monthly", "-p", "2026-11", "--no-email")
	})

	t.Run("mail", func(t *testing.T) {
		m := startMailpitWith(t, "--smtp-allowed-recipients", `^nobody@example\.vn$`)
		cfg := project(t)
		mailConfig(t, cfg, m)
		send := func(want string) { t.Helper(); speaks(t, want, "send", "-c", cfg, "-r", "monthly", "-p", "2024-03") }
		if code, _, errs := baocao("run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "--no-email"); code != 0 {
			t.Fatalf("run: %s", errs)
		}
		t.Setenv("BAOCAO_SMTP_PASSWORD", "sai-mat-khau")
		send("sai tên đăng nhập hoặc mật khẩu")
		t.Setenv("BAOCAO_SMTP_PASSWORD", "s3cret")
		send("từ chối thư với địa chỉ người nhận phongnoivu.q1@tphcm.gov.vn (máy chủ trả lời mã 550)")
		b, _ := os.ReadFile(cfg)
		os.WriteFile(cfg, []byte(regexp.MustCompile(`(?m)^ca_file = .*$`).ReplaceAllString(string(b), "")), 0o644)
		send("chứng chỉ của máy chủ thư không được tin cậy")
		setConfig(t, cfg, fmt.Sprintf("port = %d", m.smtpPort), fmt.Sprintf("port = %d", port(t)))
		send("máy chủ không nhận kết nối")
		// The attempts as status lists them: in Vietnamese too; the record
		// keeps the server's English words beside.
		speaks(t, "(máy chủ trả lời mã 550)", "status", "-c", cfg, "-r", "monthly", "-p", "2024-03")
		b, _ = os.ReadFile(filepath.Join(filepath.Dir(cfg), "archive", "monthly", "2024-03", "v1", "delivery.json"))
		if !strings.Contains(string(b), "the server answered 550") || !strings.Contains(string(b), `"said": "máy chủ thư từ chối thư`) {
			t.Errorf("delivery.json:\n%s", b)
		}
	})
}

// The same errors in English for administrators (--lang en), from the
// same catalogue.
func TestErrorsInEnglish(t *testing.T) {
	t.Setenv(catalog.EnvVar, "")
	t.Cleanup(func() { catalog.Set(catalog.Vietnamese) })
	cfg := project(t)
	setConfig(t, cfg, `period = "month"`, `period = "week"`)
	if _, _, errs := baocao("--lang", "en", "validate", "-c", cfg); !strings.Contains(errs, `unknown kind "week" (want month, quarter, half-year or year)`) {
		t.Errorf("--lang en, a bad period: %s", errs)
	}
	cfg = project(t)
	os.Remove(filepath.Join(filepath.Dir(cfg), "examples", "data", "can-bo.xlsx"))
	// The frame is the catalogue's; what the sources say of a file is in
	// Vietnamese only (docs/decisions.md).
	if _, _, errs := baocao("--lang", "en", "validate", "-c", cfg); !strings.Contains(errs, "error: Danh sách CBCCVC ([sources.staff], /") {
		t.Errorf("--lang en, a missing source: %s", errs)
	}
	cfg = project(t)
	withPrincipal(t, cfg)
	for range 2 {
		baocao("run", "-c", cfg, "-r", "quarterly", "-p", "2024-Q1", "--no-email")
	}
	if _, _, errs := baocao("--lang", "en", "approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q1", "--version", "1", "--as", "hieutruong", "--password-stdin"); !strings.Contains(errs, "quarterly/2024-Q1 v1 was replaced by v2: review that one") {
		t.Errorf("--lang en, a replaced draft: %s", errs)
	}
}
