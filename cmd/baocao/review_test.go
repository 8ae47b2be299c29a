package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/mn2010/baocao/internal/crashpoint"
	"github.com/mn2010/baocao/internal/testtools"
)

// pdfText is pdftotext's text of a PDF; the test skips (fails on CI)
// without the tool.
func pdfText(t *testing.T, pdf string) string {
	t.Helper()
	testtools.Command(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return string(out)
}

// reviewConfig is the example project mailing through m, with an admin.
func reviewConfig(t *testing.T, m *mailpit) string {
	cfg := project(t)
	mailConfig(t, cfg, m)
	b, _ := os.ReadFile(cfg)
	text := strings.Replace(string(b), `admin_email = ""`, `admin_email = "vanthu@mn2010.hcm.edu.vn"`, 1)
	os.WriteFile(cfg, []byte(text), 0o644)
	t.Setenv("BAOCAO_SMTP_PASSWORD", "s3cret")
	withPrincipal(t, cfg)
	return cfg
}

type mpFull struct {
	Text        string
	Attachments []struct{ PartID, FileName string }
}

func readManifest(t *testing.T, dir string) map[string]any {
	t.Helper()
	var man map[string]any
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil || json.Unmarshal(b, &man) != nil {
		t.Fatalf("manifest of %s: %v", dir, err)
	}
	return man
}

// TestReviewThroughMailpit: a reviewed report's run mails its reviewers
// only; send refuses the draft; approve with a number and date sends the
// district exactly one message whose PDF carries them and whose figures
// are the draft's; a second approve or send sends nothing.
func TestReviewThroughMailpit(t *testing.T) {
	m := startMailpit(t)
	cfg := reviewConfig(t, m)

	code, out, errs := baocao("run", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2")
	if code != 0 || !strings.Contains(errs, "là bản nháp chờ duyệt") {
		t.Fatalf("run: exit %d: %s", code, errs)
	}
	v1 := strings.TrimSpace(out)
	msgs := m.messages(t)
	if len(msgs) != 1 {
		t.Fatalf("%d messages after the run, want 1 (to the reviewers)", len(msgs))
	}
	review := msgs[0]
	if !strings.HasPrefix(review.Subject, "[Chờ duyệt] Báo cáo kết quả thực hiện công tác CCHC quý II năm 2024") {
		t.Errorf("subject %q", review.Subject)
	}
	if len(review.To) != 1 || review.To[0].Address != "hieutruong.mn2010@hcm.edu.vn" || len(review.Cc) != 0 {
		t.Errorf("review message to %+v cc %+v, want the reviewer only", review.To, review.Cc)
	}
	var full mpFull
	m.get(t, "/api/v1/message/"+review.ID, &full)
	var names []string
	for _, a := range full.Attachments {
		names = append(names, a.FileName)
	}
	if want := []string{"bao-cao-cchc-2024-Q2.pdf", "bao-cao-cchc-2024-Q2.xlsx", "bao-cao-cchc-2024-Q2.docx"}; !reflect.DeepEqual(names, want) {
		t.Errorf("review attachments %v, want %v", names, want)
	}
	for _, w := range []string{"Trong kỳ, đơn vị đạt", "Cảnh báo dữ liệu:", "Hạn gửi cấp trên: 20/06/2024",
		"Kính gửi cô Nguyễn Thị Hồng Vân,", "Xin cô duyệt", "Dành cho quản trị",
		"baocao approve -c " + cfg + " -r quarterly -p 2024-Q2 --version 1 --as hieutruong",
		"baocao reject -c " + cfg + " -r quarterly -p 2024-Q2 --version 1"} {
		if !strings.Contains(full.Text, w) {
			t.Errorf("review message lacks %q:\n%s", w, full.Text)
		}
	}

	// A draft is never sent to the district.
	if code, _, errs := baocao("send", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--force"); code != 2 || !strings.Contains(errs, "đang chờ duyệt") {
		t.Errorf("send of a draft: exit %d: %s", code, errs)
	}

	// A number the register already has is refused like any bad number (exit 2), nothing sent.
	if code, _, errs := baocao("approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--as", "hieutruong", "--password-stdin",
		"--number", "15", "--date", "19/06/2024"); code != 2 || !strings.Contains(errs, "số trống tiếp theo là") || len(m.messages(t)) != 1 {
		t.Errorf("approve with a taken number: exit %d, %d messages: %s", code, len(m.messages(t)), errs)
	}
	code, out, errs = baocao("approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--as", "hieutruong", "--password-stdin",
		"--note", "Đồng ý ban hành.", "--number", "15", "--force-number", "--date", "19/06/2024")
	if code != 0 {
		t.Fatalf("approve: exit %d: %s", code, errs)
	}
	if !regexp.MustCompile(`đã được Nguyễn Thị Hồng Vân \(hiệu trưởng, tài khoản hieutruong, dòng lệnh của người dùng máy chủ [^)]+\) duyệt lúc \d\d:\d\d \d\d/\d\d/\d{4}\n`).MatchString(errs) {
		t.Errorf("approve says when as HH:MM DD/MM/YYYY:\n%s", errs)
	}
	v2 := strings.TrimSpace(out)
	if filepath.Base(v2) != "v2" {
		t.Fatalf("approve printed %q, want the issued v2", v2)
	}
	msgs = m.messages(t)
	if len(msgs) != 2 {
		t.Fatalf("%d messages after approve, want 2", len(msgs))
	}
	sentMsg := msgs[0] // newest first
	if sentMsg.MessageID != "baocao.mn2010.quarterly.2024-Q2.v2@hcm.edu.vn" && sentMsg.MessageID != "baocao.mn2010.quarterly.2024-q2.v2@hcm.edu.vn" {
		t.Errorf("message id %q", sentMsg.MessageID)
	}
	if len(sentMsg.To) != 1 || sentMsg.To[0].Address != "phongnoivu.q1@tphcm.gov.vn" {
		t.Errorf("approved report to %+v, want the district", sentMsg.To)
	}
	if strings.HasPrefix(sentMsg.Subject, "[") {
		t.Errorf("district subject %q", sentMsg.Subject)
	}
	// The PDF the district got is v2's, carries the number and date, and
	// says what v1 says otherwise.
	m.get(t, "/api/v1/message/"+sentMsg.ID, &full)
	var pdf []byte
	for _, a := range full.Attachments {
		if strings.HasSuffix(a.FileName, ".pdf") {
			pdf = m.get(t, "/api/v1/message/"+sentMsg.ID+"/part/"+a.PartID, nil)
		}
	}
	got := filepath.Join(t.TempDir(), "got.pdf")
	os.WriteFile(got, pdf, 0o644)
	issued, draft := pdfText(t, got), pdfText(t, filepath.Join(v1, "bao-cao-cchc-2024-Q2.pdf"))
	for _, w := range []string{"Số: 15/BC-MN2010", "ngày 19 tháng 6 năm 2024"} {
		if !strings.Contains(issued, w) {
			t.Errorf("the sent PDF lacks %q", w)
		}
	}
	il, dl := strings.Split(issued, "\n"), strings.Split(draft, "\n")
	if len(il) != len(dl) {
		t.Fatalf("the sent PDF has %d lines, the draft %d", len(il), len(dl))
	}
	for i := range il {
		if strings.Join(strings.Fields(il[i]), " ") != strings.Join(strings.Fields(dl[i]), " ") && !strings.Contains(il[i], "Số") && !strings.Contains(il[i], "ngày") && !strings.Contains(il[i], "19/06/2024") {
			t.Errorf("line %d differs beyond the number and date:\n  sent:  %s\n  draft: %s", i+1, il[i], dl[i])
		}
	}
	m1, m2 := readManifest(t, v1), readManifest(t, v2)
	for _, k := range []string{"inputs", "indicators", "dossiers_by_field", "late_dossiers", "tasks", "narrative", "issues", "generated_at"} {
		if !reflect.DeepEqual(m1[k], m2[k]) {
			t.Errorf("manifest %q differs between the draft and the issued version", k)
		}
	}
	from, _ := m2["issued_from"].(map[string]any)
	if from == nil || from["version"] != float64(1) || from["number"] != float64(15) || from["date"] != "2024-06-19" || from["approval"] != "../v1/approval.json" {
		t.Errorf("issued_from %v", m2["issued_from"])
	}
	var approval map[string]any
	b, _ := os.ReadFile(filepath.Join(v1, "approval.json"))
	if json.Unmarshal(b, &approval) != nil || !strings.HasPrefix(fmt.Sprint(approval["by"]), "Nguyễn Thị Hồng Vân (hiệu trưởng, tài khoản hieutruong, dòng lệnh của người dùng máy chủ ") || approval["note"] != "Đồng ý ban hành." ||
		!reflect.DeepEqual(approval["inputs"], m1["inputs"]) || !reflect.DeepEqual(approval["outputs"], m1["outputs"]) {
		t.Errorf("approval.json %s", b)
	}
	info, _ := os.Stat(filepath.Join(v1, "approval.json"))

	// Nothing more is sent: a second approve, send, and the records stay.
	for _, args := range [][]string{
		{"approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--as", "hieutruong", "--password-stdin", "--number", "16"},
		{"approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--version", "1", "--as", "hieutruong", "--password-stdin"},
	} {
		if code, _, errs := baocao(args...); code != 2 || !strings.Contains(errs, "bản nháp đã được duyệt") {
			t.Errorf("%v: exit %d: %s", args, code, errs)
		}
	}
	if code, _, errs := baocao("send", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2"); code != 0 || !strings.Contains(errs, "đã gửi trước đây") {
		t.Errorf("send after approve: exit %d: %s", code, errs)
	}
	if n := len(m.messages(t)); n != 2 {
		t.Errorf("%d messages, want still 2", n)
	}
	if again, _ := os.Stat(filepath.Join(v1, "approval.json")); !again.ModTime().Equal(info.ModTime()) {
		t.Error("approval.json was rewritten")
	}

	// The daemon, started now, sends nothing more for 2024-Q2 (it makes and
	// mails today's catch-up runs, which are other periods).
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	serve, logs := startServe(t, bin, cfg)
	waitFor(t, "the catch-up runs and the first scan", func() bool {
		return strings.Contains(logs.String(), `"msg":"started: missed runs caught up, pending deliveries scanned"`)
	})
	serve.Process.Signal(syscall.SIGTERM)
	serve.Wait()
	q2 := 0
	for _, msg := range m.messages(t) {
		if strings.Contains(strings.ToLower(msg.MessageID), "quarterly.2024-q2") {
			q2++
		}
	}
	if q2 != 2 {
		t.Errorf("%d messages of quarterly 2024-Q2 after serve, want still 2 (review, approved)\n%s", q2, logs)
	}

	code, out, _ = baocao("status", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2")
	for _, w := range []string{"Báo cáo quý kỳ 2024-Q2, phiên bản 1: đã duyệt, Nguyễn Thị Hồng Vân (hiệu trưởng, tài khoản hieutruong, dòng lệnh của người dùng máy chủ ", "ban hành thành phiên bản 2",
		"lập phiên bản 1 thành bản nháp chờ duyệt", "thư xin duyệt tới hieutruong.mn2010@hcm.edu.vn: đã gửi", `ghi chú "Đồng ý ban hành."`,
		"số 15, ngày 19/06/2024", "Báo cáo quý kỳ 2024-Q2, phiên bản 2: đã gửi lúc",
		"ban hành từ bản nháp đã duyệt phiên bản 1: số 15, ngày 19/06/2024, cùng số liệu", "gửi tới phongnoivu.q1@tphcm.gov.vn: đã gửi"} {
		if code != 0 || !strings.Contains(out, w) {
			t.Errorf("status lacks %q:\n%s", w, out)
		}
	}
	// A date in its sentences as the clerk writes it (19/06/2024), not 2024-06-19.
	if iso := regexp.MustCompile(`ngày (ban hành )?\d{4}-\d\d-\d\d`).FindString(out); iso != "" {
		t.Errorf("status writes %q:\n%s", iso, out)
	}
}

// TestRejectThenRun: a returned draft is never approved nor sent, the
// admin is told why, and the next run makes a new draft; an older draft
// replaced by a newer one cannot be approved either; a source changed
// since the draft refuses an approval with a new number.
func TestRejectThenRun(t *testing.T) {
	m := startMailpit(t)
	cfg := reviewConfig(t, m)
	run := func(report, label string) string {
		code, out, errs := baocao("run", "-c", cfg, "-r", report, "-p", label)
		if code != 0 {
			t.Fatalf("run %s %s: exit %d: %s", report, label, code, errs)
		}
		return strings.TrimSpace(out)
	}
	run("half-year", "2024-H1")
	code, _, errs := baocao("reject", "-c", cfg, "-r", "half-year", "-p", "2024-H1", "--as", "hieutruong", "--password-stdin", "--reason", "Bổ sung nguyên nhân chưa đạt chỉ tiêu 3.1.")
	if code != 0 {
		t.Fatalf("reject: exit %d: %s", code, errs)
	}
	msgs := m.messages(t)
	if len(msgs) != 2 || !strings.HasPrefix(msgs[0].Subject, "[Trả lại]") || msgs[0].To[0].Address != "vanthu@mn2010.hcm.edu.vn" {
		t.Fatalf("after reject: %+v", msgs)
	}
	var full mpFull
	m.get(t, "/api/v1/message/"+msgs[0].ID, &full)
	if !strings.Contains(full.Text, "Bổ sung nguyên nhân chưa đạt chỉ tiêu 3.1.") || !strings.Contains(full.Text, "baocao run -c "+cfg+" -r half-year -p 2024-H1") {
		t.Errorf("return notice:\n%s", full.Text)
	}
	for _, args := range [][]string{
		{"approve", "-c", cfg, "-r", "half-year", "-p", "2024-H1", "--as", "hieutruong", "--password-stdin"},
		{"send", "-c", cfg, "-r", "half-year", "-p", "2024-H1", "--force"},
		{"reject", "-c", cfg, "-r", "half-year", "-p", "2024-H1", "--as", "hieutruong", "--password-stdin", "--reason", "again"},
	} {
		if code, _, errs := baocao(args...); code != 2 || !strings.Contains(errs, "đã bị Nguyễn Thị Hồng Vân") || !strings.Contains(errs, "Bổ sung nguyên nhân") {
			t.Errorf("%v on a returned draft: exit %d: %s", args, code, errs)
		}
	}
	if v2 := run("half-year", "2024-H1"); filepath.Base(v2) != "v2" {
		t.Fatalf("the run after the return made %s", v2)
	}
	if code, _, errs := baocao("approve", "-c", cfg, "-r", "half-year", "-p", "2024-H1", "--version", "1", "--as", "hieutruong", "--password-stdin"); code != 2 || !strings.Contains(errs, "bản nháp đã bị trả lại") {
		t.Errorf("approve v1 after v2: exit %d: %s", code, errs)
	}
	if code, _, errs := baocao("send", "-c", cfg, "-r", "half-year", "-p", "2024-H1"); code != 2 || !strings.Contains(errs, "phiên bản 2 là bản nháp đang chờ duyệt") {
		t.Errorf("send of the v2 draft: exit %d: %s", code, errs)
	}
	if code, out, errs := baocao("status", "-c", cfg, "-r", "half-year", "-p", "2024-H1"); code != 0 ||
		!strings.Contains(out, "Báo cáo 6 tháng kỳ 2024-H1, phiên bản 1: trả lại, Nguyễn Thị Hồng Vân (hiệu trưởng, tài khoản hieutruong, dòng lệnh") || !strings.Contains(out, "Báo cáo 6 tháng kỳ 2024-H1, phiên bản 2: chờ duyệt") {
		t.Errorf("status of the period shows every version: exit %d: %s%s", code, out, errs)
	}

	// A draft replaced by a newer draft.
	run("annual", "2023")
	run("annual", "2023")
	if code, _, errs := baocao("approve", "-c", cfg, "-r", "annual", "-p", "2023", "--version", "1", "--as", "hieutruong", "--password-stdin"); code != 2 || !strings.Contains(errs, "đã được thay bằng phiên bản 2") {
		t.Errorf("approve of a replaced draft: exit %d: %s", code, errs)
	}
	if code, out, _ := baocao("archive", "-c", cfg); code != 0 || !strings.Contains(out, "trả lại\n    Nguyễn Thị Hồng Vân trả lại lúc") ||
		!strings.Contains(out, "đã thay thế bởi phiên bản 2") || !strings.Contains(out, "chờ duyệt") {
		t.Errorf("archive:\n%s", out)
	}

	// A source changed since the draft: approving with a number is
	// refused, saying to run again; without one, the draft is sent as is.
	manual := filepath.Join(filepath.Dir(cfg), "examples", "data", "so-lieu-nhap-tay.xlsx")
	moved := filepath.Join(filepath.Dir(cfg), "examples", "data", "so-lieu-nhap-tay-2.xlsx")
	copyFile(t, manual, moved)
	b, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, []byte(strings.Replace(string(b), "so-lieu-nhap-tay.xlsx", "so-lieu-nhap-tay-2.xlsx", 1)), 0o644)
	before := len(m.messages(t))
	code, _, errs = baocao("approve", "-c", cfg, "-r", "half-year", "-p", "2024-H1", "--as", "hieutruong", "--password-stdin", "--number", "3")
	if code != 2 || !strings.Contains(errs, "sổ dữ liệu đã thay đổi") || !strings.Contains(errs, "baocao run -r half-year -p 2024-H1") {
		t.Errorf("approve with changed sources: exit %d: %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(cfg), "archive", "half-year", "2024-H1", "v2", "approval.json")); err == nil {
		t.Error("a refused approval was recorded")
	}
	if code, _, errs := baocao("approve", "-c", cfg, "-r", "half-year", "-p", "2024-H1", "--as", "hieutruong", "--password-stdin"); code != 0 {
		t.Errorf("approve as is: exit %d: %s", code, errs)
	}
	if got := m.messages(t); len(got) != before+1 || got[0].MessageID != "baocao.mn2010.half-year.2024-h1.v2@hcm.edu.vn" {
		t.Errorf("approve as is sent %d messages; newest %+v", len(got)-before, got[0])
	}
}

// TestCrashBetweenApprovalAndSending: a process killed after the approval
// is recorded, or after the issued version is archived, leaves a state
// that `send` completes: the issued document sent once.
func TestCrashBetweenApprovalAndSending(t *testing.T) {
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ step, by string }{
		{crashpoint.Approved, "send"}, {crashpoint.Issued, "send"}, {crashpoint.Approved, "serve"}, {crashpoint.Issued, "serve"},
		{crashpoint.Approved, "run"}, {crashpoint.Issued, "run"}, {crashpoint.Approved, "edit"}, {crashpoint.Issued, "edit"},
		{crashpoint.InFlight, "send"}, {crashpoint.InFlight, "serve"}, {crashpoint.InFlight, "run"}, {crashpoint.InFlight, "edit"},
	} {
		step := c.step
		t.Run(step+" then "+c.by, func(t *testing.T) {
			cmd := c.by // "run" and "edit" end with a send
			m := startMailpit(t)
			cfg := reviewConfig(t, m)
			if code, _, errs := baocao("run", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2"); code != 0 {
				t.Fatalf("run: %s", errs)
			}
			approve := child(bin, step, "approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2", "--as", "hieutruong", "--password-stdin", "--number", "7")
			approve.Stdin = strings.NewReader(principalPassword + "\n")
			err := approve.Run()
			if !killed(err) {
				t.Fatalf("approve was not killed at %s: %v", step, err)
			}
			if n := len(m.messages(t)); n != 1 {
				t.Fatalf("%d messages after the crash, want the review message only", n)
			}
			var out []byte
			switch c.by {
			case "run":
				// The next run sees the approval and refuses a new draft,
				// saying what completes it.
				code, _, errs := baocao("run", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2")
				if code == 0 || !strings.Contains(errs, "baocao send -r quarterly -p 2024-Q2") || !strings.Contains(errs, "Nguyễn Thị Hồng Vân") {
					t.Errorf("run after the crash: exit %d: %s", code, errs)
				}
			case "edit":
				// A spreadsheet corrected after the crash: the approval is
				// completed from what was approved, not today's files.
				manual := filepath.Join(filepath.Dir(cfg), "examples", "data", "so-lieu-nhap-tay.xlsx")
				copyFile(t, filepath.Join(filepath.Dir(cfg), "examples", "data", "can-bo.xlsx"), manual)
			}
			if c.by == "serve" {
				serve, logs := startServe(t, bin, cfg)
				waitFor(t, "the approved document sent by serve", func() bool {
					for _, msg := range m.messages(t) {
						if strings.HasSuffix(msg.MessageID, "quarterly.2024-q2.v2@hcm.edu.vn") {
							return true
						}
					}
					return false
				})
				waitFor(t, "serve to finish what it owed", func() bool {
					return strings.Contains(logs.String(), `"msg":"started: missed runs caught up, pending deliveries scanned"`)
				})
				serve.Process.Signal(syscall.SIGTERM)
				serve.Wait()
				out = []byte(logs.String())
			} else {
				_ = cmd
				var errOut error
				out, errOut = child(bin, "", "send", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2").CombinedOutput()
				if errOut != nil {
					t.Fatalf("send after the crash: %v\n%s", errOut, out)
				}
			}
			out2, _ := child(bin, "", "send", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2").CombinedOutput()
			q2 := 0
			for _, msg := range m.messages(t) {
				if strings.Contains(msg.MessageID, "quarterly.2024-q2.v2") {
					q2++
				}
			}
			if q2 != 1 {
				t.Fatalf("the approved v2 was sent %d times, want once\n%s\n%s", q2, out, out2)
			}
			v1 := filepath.Join(filepath.Dir(cfg), "archive", "quarterly", "2024-Q2", "v1")
			var rec struct {
				Status   string `json:"status"`
				IssuedAs int    `json:"issued_as"`
			}
			b, _ := os.ReadFile(filepath.Join(v1, "delivery.json"))
			if json.Unmarshal(b, &rec) != nil || rec.Status != "approved" || rec.IssuedAs != 2 {
				t.Errorf("v1 delivery.json %s", b)
			}
			if vs, _ := filepath.Glob(filepath.Join(filepath.Dir(v1), "v*")); len(vs) != 2 {
				t.Errorf("versions %v, want v1 and the one issued v2", vs)
			}
		})
	}
}
