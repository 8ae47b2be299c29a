package main

import (
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/mn2010/baocao/internal/config"
)

// webConfig appends a [web] table to the project's config.
func webConfig(t *testing.T, cfg, table string) {
	t.Helper()
	b, _ := os.ReadFile(cfg)
	if err := os.WriteFile(cfg, append(b, []byte("\n[web]\n"+table+"\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWebRefusesSettings: `baocao web` exits 2 naming the key when the
// page would be open to the network without a password, or its password
// cannot be read.
func TestWebRefusesSettings(t *testing.T) {
	tests := []struct {
		name, table string
		args        []string
		want        []string
	}{
		{"non-loopback listen without a password", `listen = "0.0.0.0:18089"`, nil,
			[]string{`listen "0.0.0.0:18089" mở trang cho các máy khác`, "[web] password_env hoặc password_file"}},
		{"every interface via --listen", ``, []string{"--listen", ":18089"},
			[]string{`listen ":18089"`, "[web] password_env hoặc password_file"}},
		{"password_env unset", `listen = "192.168.1.10:18089"` + "\n" + `password_env = "BAOCAO_TEST_WEB_PW_UNSET"`, nil,
			[]string{"[web]", "BAOCAO_TEST_WEB_PW_UNSET (password_env) chưa đặt hoặc để trống"}},
		{"both password keys", `password_env = "X"` + "\n" + `password_file = "y"`, nil,
			[]string{"[web] chỉ ghi một trong hai: password_env hoặc password_file"}},
		{"missing password file", `listen = "192.168.1.10:18089"` + "\n" + `password_file = "no-such-file"`, nil,
			[]string{"[web]", "password_file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := project(t)
			webConfig(t, cfg, tt.table)
			code, _, errs := baocao(append([]string{"web", "-c", cfg}, tt.args...)...)
			if code != exitBadInput {
				t.Fatalf("exit %d, want 2: %s", code, errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errs)
				}
			}
		})
	}
}

func TestWebSettingsDefaultIsLoopback(t *testing.T) {
	cfg, err := loadConfig(project(t), os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	set, err := WebSettings(cfg.Config, slog.Default())
	if err != nil || set.Listen != "127.0.0.1:8080" || set.Password != "" {
		t.Fatalf("%+v %v", set, err)
	}
	webPw := t.TempDir() + "/pw"
	os.WriteFile(webPw, []byte("bí mật của trường\n"), 0o600)
	cfg.Web = config.Web{Listen: "0.0.0.0:8080", PasswordFile: webPw}
	if set, err = WebSettings(cfg.Config, slog.Default()); err != nil || set.Password != "bí mật của trường" {
		t.Fatalf("%+v %v", set, err)
	}
	// A password file of spaces, or a short password, does not open the
	// page to the network.
	for _, pw := range []string{"   \n", "bí mật\n"} {
		os.WriteFile(webPw, []byte(pw), 0o600)
		if _, err = WebSettings(cfg.Config, slog.Default()); !errors.Is(err, config.ErrInvalid) {
			t.Errorf("password %q beyond loopback: %v, want refused", pw, err)
		}
	}
}

// TestWebProcess: `baocao web` prints its address, serves the page, asks
// for a login when it listens beyond this machine with a password, and
// exits 0 on SIGTERM without logging the password.
func TestWebProcess(t *testing.T) {
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, listen string
		env          []string
		want         int
	}{
		{"loopback, no password", "127.0.0.1:0", nil, http.StatusOK},
		{"every interface, a password", "0.0.0.0:0", []string{"BAOCAO_WEB_PASSWORD=mật-khẩu-web"}, http.StatusSeeOther},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := project(t)
			if tt.env != nil {
				webConfig(t, cfg, `password_env = "BAOCAO_WEB_PASSWORD"`)
			}
			cmd := exec.Command(bin, "web", "-c", cfg, "--listen", tt.listen, "--log-format", "json")
			logs := &syncBuffer{}
			cmd.Stdout, cmd.Stderr = logs, logs
			cmd.Env = append(os.Environ(), tt.env...)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
			addr := regexp.MustCompile(`(?m)^http://[^/\s]+:(\d+)/$`)
			waitFor(t, "the address", func() bool { return addr.MatchString(logs.String()) })
			port := addr.FindStringSubmatch(logs.String())[1]
			client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			r, err := client.Get("http://127.0.0.1:" + port + "/")
			if err != nil {
				t.Fatal(err)
			}
			r.Body.Close()
			if r.StatusCode != tt.want {
				t.Errorf("GET /: %d, want %d", r.StatusCode, tt.want)
			}
			cmd.Process.Signal(syscall.SIGTERM)
			if err := cmd.Wait(); err != nil {
				t.Fatalf("after SIGTERM: %v\n%s", err, logs.String())
			}
			if !strings.Contains(logs.String(), "stopping the web page") || strings.Contains(logs.String(), "mật-khẩu-web") {
				t.Errorf("logs:\n%s", logs.String())
			}
		})
	}
}
