package main

import (
	"bytes"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/internal/testtools"
	"github.com/mn2010/baocao/reports/archive"
)

// TestServiceInstallIntoRoot installs the systemd unit into a temporary
// root with `systemctl --root` (no running systemd needed), checks that
// `service status` reports it, and uninstalls it.
func TestServiceInstallIntoRoot(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("systemd is Linux")
	}
	testtools.Command(t, "systemctl")
	cfg := project(t)
	root := t.TempDir()
	code, out, errs := baocao("service", "status", "--root", root)
	if code != 0 || !strings.Contains(out, "chưa cài") {
		t.Fatalf("status before install: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = baocao("service", "install", "-c", cfg, "--root", root, "--user", "baocao")
	if code != 0 {
		t.Fatalf("install: exit %d\n%s%s", code, out, errs)
	}
	unitPath := filepath.Join(root, "etc", "systemd", "system", "baocao.service")
	unit, err := os.ReadFile(unitPath)
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(cfg)
	for _, want := range []string{
		" serve -c " + abs + " --log-format json\n", "Restart=on-failure\n", "User=baocao\n",
		"EnvironmentFile=-" + filepath.Join(filepath.Dir(abs), "env") + "\n",
		"ReadWritePaths=" + filepath.Dir(abs) + "\n", "KillSignal=SIGTERM\n",
		// the config's and the sources' folders, under /tmp here: readable, /tmp not hidden
		"ReadOnlyPaths=" + filepath.Dir(abs) + " " + filepath.Join(filepath.Dir(abs), "examples", "data") + "\n",
		"# Where data may live",
	} {
		if !strings.Contains(string(unit), want) {
			t.Errorf("unit lacks %q:\n%s", want, unit)
		}
	}
	if strings.HasPrefix(abs, "/tmp/") && strings.Contains(string(unit), "PrivateTmp=true") {
		t.Errorf("data under /tmp, yet PrivateTmp hides it:\n%s", unit)
	}
	if _, err := os.Lstat(filepath.Join(root, "etc", "systemd", "system", "multi-user.target.wants", "baocao.service")); err != nil {
		t.Errorf("not enabled at boot: %v", err)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(cfg), "archive")); err != nil {
		t.Errorf("the archive folder was not made: %v", err)
	}
	code, out, _ = baocao("service", "status", "--root", root)
	if code != 0 || !strings.Contains(out, "đã cài") || !strings.Contains(out, "bật khi khởi động") {
		t.Errorf("status after install: exit %d: %s", code, out)
	}
	if code, _, errs := baocao("service", "install", "-c", cfg, "--root", root); code == 0 || !strings.Contains(errs, "đã có") {
		t.Errorf("second install: exit %d: %s", code, errs)
	}
	if code, out, errs := baocao("service", "uninstall", "--root", root); code != 0 {
		t.Fatalf("uninstall: exit %d\n%s%s", code, out, errs)
	}
	if _, err := os.Stat(unitPath); !os.IsNotExist(err) {
		t.Errorf("unit left behind: %v", err)
	}
	code, out, _ = baocao("service", "status", "--root", root)
	if !strings.Contains(out, "chưa cài") {
		t.Errorf("status after uninstall: exit %d: %s", code, out)
	}
}

func TestServiceCommandLine(t *testing.T) {
	for _, args := range [][]string{{"service"}, {"service", "restart-now"}, {"service", "start", "--root", "/tmp/x"}} {
		if code, _, errs := baocao(args...); code != exitBadInput || !strings.Contains(errs, "cách dùng:") {
			t.Errorf("%q: exit %d: %s", args, code, errs)
		}
	}
	if code, _, errs := baocao("service", "install", "-c", "/nonexistent/baocao.toml", "--root", t.TempDir()); code != exitBadInput {
		t.Errorf("install with a missing config: exit %d: %s", code, errs)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := baocao("version")
	if code != 0 || !strings.HasPrefix(out, "baocao dev (go") {
		t.Errorf("exit %d: %q", code, out)
	}
}

// TestServiceProgramRunsTheDaemon is the Windows service path with the
// real daemon: Start opens it (catch-up runs and all), Stop closes it after
// the run in hand and frees the archive for the next daemon.
func TestServiceProgramRunsTheDaemon(t *testing.T) {
	cfgPath := project(t)
	setConfig(t, cfgPath, `host = "smtp.example.vn"`, `host = ""`) // archive only
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	p := daemonProgram(cfgPath, log)
	if err := p.Start(nil); err != nil {
		t.Fatal(err)
	}
	// Stop once a run is in hand (it holds its report's lock).
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(5 * time.Millisecond) {
		if locks, _ := filepath.Glob(filepath.Join(filepath.Dir(cfgPath), "archive", ".locks", "*.lock")); len(locks) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no run started")
		}
	}
	if err := p.Stop(nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "finishing the run in hand") || !strings.Contains(logs.String(), "stopped") {
		t.Errorf("logs:\n%s", logs.String())
	}
	// Every run in hand when the stop came has finished, archived whole;
	// the runs still queued were not started.
	caught := strings.Count(logs.String(), "catching up a missed run")
	// (a period without data is archived held: result="held: …")
	ran := strings.Count(logs.String(), "result=archived") + strings.Count(logs.String(), `result="held:`)
	queued := strings.Count(logs.String(), "run not started: stopping")
	manifests, _ := filepath.Glob(filepath.Join(filepath.Dir(cfgPath), "archive", "*", "*", "v1", "manifest.json"))
	if caught == 0 || ran == 0 || ran+queued != caught || len(manifests) != ran {
		t.Errorf("%d catch-up runs: %d archived, %d not started, %d manifests when stop returned:\n%s", caught, ran, queued, len(manifests), logs.String())
	}
	// The lock is free: a second program starts.
	p2 := daemonProgram(cfgPath, log)
	if err := p2.Start(nil); err != nil {
		t.Fatalf("after stop, a new daemon cannot start: %v", err)
	}
	// A second one on the same archive cannot, and a bad config is logged.
	if err := daemonProgram(cfgPath, log).Start(nil); !errors.Is(err, archive.ErrLocked) {
		t.Errorf("a second daemon on the archive: %v", err)
	}
	if err := p2.Shutdown(nil); err != nil {
		t.Fatal(err)
	}
	logs.Reset()
	setConfig(t, cfgPath, `timezone = "Asia/Ho_Chi_Minh"`, `timezone = "Asia/HCM"`)
	if err := daemonProgram(cfgPath, log).Start(nil); !errors.Is(err, config.ErrInvalid) || !strings.Contains(logs.String(), "cannot start") {
		t.Errorf("a bad config: %v\n%s", err, logs.String())
	}
}

func TestLogFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "baocao.log")
	w, closeLog, err := logOutput(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "một dòng\n")
	closeLog()
	w, closeLog, _ = logOutput(path, nil)
	io.WriteString(w, "dòng hai\n")
	closeLog()
	if b, _ := os.ReadFile(path); string(b) != "một dòng\ndòng hai\n" {
		t.Errorf("log file %q: not appended", b)
	}
}

// TestInitKeepsAnExistingConfig: asked whether to replace, the answer no
// leaves the file as it was.
func TestInitKeepsAnExistingConfig(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "baocao.toml")
	os.WriteFile(cfg, []byte("# mine\n"), 0o644)
	var out, errs bytes.Buffer
	if err := initWith([]string{"-c", cfg}, strings.NewReader("không\n"), &out, &errs); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(cfg); string(b) != "# mine\n" || !strings.Contains(out.String(), "Giữ nguyên") {
		t.Errorf("config %q; said %s", b, out.String())
	}
}

// TestInitInteractiveThenValidate answers init's questions from a script,
// wrong answers among them, and runs `baocao validate` on what it wrote.
func TestInitInteractiveThenValidate(t *testing.T) {
	data := filepath.Join(filepath.Dir(project(t)), "examples", "data")
	os.Rename(filepath.Join(data, "van-ban.xlsx"), filepath.Join(data, "So van ban 2024.xlsx"))
	cfg := filepath.Join(t.TempDir(), "truong", "baocao.toml")
	script := strings.Join([]string{
		"Trường Mầm non 20/10", "Ủy ban nhân dân Quận 1", "", "MN2010", "", "Nguyễn Thị Hồng Vân",
		"Phòng Nội vụ Quận 1", "", "ht@mn2010", "ht@mn2010.edu.vn", "",
		filepath.Join(data, "nowhere"), data, // a folder that does not exist, then the right one
		"không", // no mail
		"phongnoivu.q1@tphcm.gov.vn", "", "", "", "127.0.0.1:80800", "",
		"", // the plan: the built-in one, this school's
	}, "\n") + "\n" + initAccountsScript
	var out, errs bytes.Buffer
	if err := initWith([]string{"-c", cfg}, strings.NewReader(script), &out, &errs); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, want := range []string{`"ht@mn2010" không phải địa chỉ thư`, "✗ không có thư mục", "✓ Sổ văn bản đi/đến: So van ban 2024.xlsx",
		`"127.0.0.1:80800" không đúng dạng máy:cổng`, "Đã ghi " + cfg} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("init did not say %q:\n%s", want, out.String())
		}
	}
	code, vout, verrs := baocao("validate", "-c", cfg)
	if code != 0 || !strings.Contains(vout, "đã đọc 9 sổ dữ liệu") {
		t.Fatalf("validate: exit %d\n%s%s", code, vout, verrs)
	}
	if code, _, errs := baocao("run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "--no-email"); code != 0 {
		t.Errorf("run: exit %d: %s", code, errs)
	}
}
