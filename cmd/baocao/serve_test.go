package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/workflow"
)

// buildBinary builds baocao once for the process-level tests, with the
// crash points (-tags crashpoint) that releases leave out.
var buildBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "baocao-bin")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "baocao")
	out, err := exec.Command("go", "build", "-tags", "crashpoint", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", &buildError{string(out)}
	}
	return bin, nil
})

type buildError struct{ out string }

func (e *buildError) Error() string { return "go build: " + e.out }

// syncBuffer is a log that a test reads while the process writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func startServe(t *testing.T, bin, cfg string) (*exec.Cmd, *syncBuffer) {
	t.Helper()
	cmd := exec.Command(bin, "serve", "-c", cfg, "--log-format", "json")
	logs := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = logs, logs
	cmd.Env = append(os.Environ(), "BAOCAO_SMTP_PASSWORD=s3cret")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, logs
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(60 * time.Second); !cond(); time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// TestServeProcess: with an empty archive and a mail server, serve catches
// up the latest monthly period and mails it once; a second serve on the
// same archive exits non-zero naming the lock; SIGTERM makes the first exit
// 0; a restart sends nothing new.
func TestServeProcess(t *testing.T) {
	m := startMailpit(t)
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	cfg := project(t)
	withCurrentData(t, cfg) // its catch-up runs have data to send
	mailConfig(t, cfg, m)

	first, logs := startServe(t, bin, cfg)
	monthly := func() int {
		n := 0
		for _, msg := range m.messages(t) {
			if strings.Contains(msg.MessageID, ".monthly.") {
				n++
			}
		}
		return n
	}
	waitFor(t, "the monthly report by mail", func() bool { return monthly() == 1 })
	waitFor(t, "the four catch-up runs", func() bool { return strings.Count(logs.String(), `"msg":"run"`) == 4 })

	second := exec.Command(bin, "serve", "-c", cfg)
	second.Env = append(os.Environ(), "BAOCAO_SMTP_PASSWORD=s3cret")
	out, err := second.CombinedOutput()
	if second.ProcessState.ExitCode() != 2 || !strings.Contains(string(out), ".daemon.lock") {
		t.Errorf("a second serve: %v (want exit 2)\n%s", err, out)
	}

	first.Process.Signal(syscall.SIGTERM)
	if err := first.Wait(); err != nil {
		t.Fatalf("serve after SIGTERM: %v\n%s", err, logs.String())
	}
	if !strings.Contains(logs.String(), `"msg":"stopped"`) {
		t.Errorf("logs:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), "s3cret") {
		t.Error("the password is in the logs")
	}
	sent := len(m.messages(t))

	restart, logs2 := startServe(t, bin, cfg)
	waitFor(t, "the restart to finish what it owed", func() bool {
		return strings.Contains(logs2.String(), `"msg":"started: missed runs caught up, pending deliveries scanned"`)
	})
	if n := len(m.messages(t)); n != sent || monthly() != 1 {
		t.Errorf("after a restart: %d messages (monthly %d), want %d (monthly 1)\n%s", n, monthly(), sent, logs2.String())
	}
	restart.Process.Signal(syscall.SIGTERM)
	if err := restart.Wait(); err != nil {
		t.Errorf("restart after SIGTERM: %v", err)
	}
}

func TestScheduleCommand(t *testing.T) {
	cfg := project(t)
	code, out, errs := baocao("schedule", "-c", cfg)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, w := range []string{"Báo cáo tháng", "0 7 15 * *", "Báo cáo quý", "Báo cáo 6 tháng", "Báo cáo năm", "+07:00", "Asia/Ho_Chi_Minh"} {
		if !strings.Contains(out, w) {
			t.Errorf("schedule output lacks %q:\n%s", w, out)
		}
	}
	// Each next monthly run covers the period that ended the day before.
	checked := 0
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) == 14 && f[2] == "tháng" {
			checked++
			// The next run's date as the other columns write it: 15/12/2026, not 2026-12-15.
			if day := f[8]; len(day) != 10 || day[:3] != "15/" || day[5] != '/' || f[12][:2] != "15" || !strings.HasPrefix(f[13], "14/") {
				t.Errorf("odd monthly line %q", line)
			}
		}
	}
	if checked != scheduleRuns {
		t.Errorf("checked %d monthly lines, want %d:\n%s", checked, scheduleRuns, out)
	}
}

// TestArchiveCommand: one row a version, 80 columns wide at most (the
// archive's own path aside), with the report as -r takes it; who decided
// and when on short lines below, by name only: status keeps the role,
// account and OS user.
func TestArchiveCommand(t *testing.T) {
	cfg := probeProject(t) // quarterly 2024-Q2 v1, a draft
	as := []string{"--no-email", "--as", "hieutruong", "--password-stdin"}
	for _, args := range [][]string{
		append([]string{"approve", "-r", "quarterly", "-p", "2024-Q2", "--number", "15"}, as...),
		{"run", "-r", "monthly", "-p", "2024-03", "--no-email"},
		{"run", "-r", "quarterly", "-p", "2024-Q3", "--no-email"},
		append([]string{"reject", "-r", "quarterly", "-p", "2024-Q3", "--reason", "Sai số liệu"}, as...),
		{"run", "-r", "annual", "-p", "2023", "--no-email"},
		{"run", "-r", "annual", "-p", "2023", "--no-email"},
	} {
		if code, _, errs := baocao(append(args, "-c", cfg)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
	}
	code, out, _ := baocao("archive", "-c", cfg)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) < 12 || !strings.HasPrefix(lines[0], "Kho lưu trữ: "+filepath.Join(filepath.Dir(cfg), "archive")) {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	for _, l := range lines[1:] {
		if n := utf8.RuneCountInString(l); n > 80 {
			t.Errorf("a line of %d columns: %q", n, l)
		}
	}
	column := utf8.RuneCountInString(lines[1][:strings.Index(lines[1], "TRẠNG THÁI")])
	for _, w := range []string{
		"monthly    2024-03  v1", "quarterly  2024-Q2  v1", "quarterly  2024-Q2  v2", "quarterly  2024-Q3  v1", "annual     2023     v1",
		"    Nguyễn Thị Hồng Vân duyệt lúc ", "    ban hành thành phiên bản 2", "    ban hành từ bản nháp phiên bản 1",
		"    Nguyễn Thị Hồng Vân trả lại lúc ", "đã thay thế bởi phiên bản 2", "baocao status -r BÁO_CÁO -p KỲ",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("archive lacks %q:\n%s", w, out)
		}
	}
	rows := 0
	for _, l := range lines[2:] {
		if r := []rune(l); r[0] != ' ' && strings.Contains(l, "  ") {
			rows++
			if len(r) <= column || string(r[column-2:column]) != "  " || r[column] == ' ' {
				t.Errorf("the state is not in its column (%d): %q", column, l)
			}
		}
	}
	if rows != 6 {
		t.Errorf("%d rows, want 6:\n%s", rows, out)
	}
	// tháng, quý, năm, as everywhere, not annual first by its key.
	if m, q, a := strings.Index(out, "monthly    2024-03"), strings.Index(out, "quarterly  2024-Q2  v1"), strings.Index(out, "annual     2023"); !(m < q && q < a) {
		t.Errorf("the reports are not in the order tháng, quý, năm:\n%s", out)
	}
	if strings.Contains(out, "tài khoản hieutruong") || strings.Contains(out, "(hiệu trưởng") {
		t.Errorf("the table carries the approver's full description:\n%s", out)
	}
	if _, st, _ := baocao("status", "-c", cfg, "-r", "quarterly", "-p", "2024-Q2"); !strings.Contains(st, "Nguyễn Thị Hồng Vân (hiệu trưởng, tài khoản hieutruong") {
		t.Errorf("status lost the full description:\n%s", st)
	}
}

// TestExitCodeOfALockedArchive: serve on an archive another daemon holds
// exits 2, naming the lock (docs/daemon.md).
func TestExitCodeOfALockedArchive(t *testing.T) {
	cfg := project(t)
	t.Setenv("BAOCAO_SMTP_PASSWORD", "s3cret")
	store := &archive.Store{Root: filepath.Join(filepath.Dir(cfg), "archive")}
	held, err := store.LockDaemon()
	if err != nil {
		t.Fatal(err)
	}
	defer held.Unlock()
	code, _, errs := baocao("serve", "-c", cfg)
	if code != 2 || !strings.Contains(errs, ".daemon.lock") || !strings.Contains(errs, "một tiến trình baocao serve khác") {
		t.Errorf("exit %d, stderr %q; want 2 naming the lock", code, errs)
	}
}

// TestExitCodes: every error the docs promise a code for.
func TestExitCodes(t *testing.T) {
	tests := []struct {
		err  error
		code int
	}{
		{nil, 0},
		{fmt.Errorf("x: %w", archive.ErrLocked), 2},
		{fmt.Errorf("x: %w", config.ErrInvalid), 2},
		{fmt.Errorf("x: %w", delivery.ErrSettings), 2},
		{fmt.Errorf("x: %w", errUsage), 2},
		{fmt.Errorf("x: %w", reports.ErrUnknownReport), 2},
		{fmt.Errorf("x: %w", delivery.ErrTransient), 1},
		{fmt.Errorf("x: %w", delivery.ErrNotRecorded), 1},
		{fmt.Errorf("x: %w", workflow.ErrIssue), 2},
		{fmt.Errorf("x: %w", reports.ErrNotArchived), 2},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.err), func(t *testing.T) {
			if got := exitCode(tt.err, io.Discard, command{name: "run"}); got != tt.code {
				t.Errorf("exit %d, want %d", got, tt.code)
			}
		})
	}
}
