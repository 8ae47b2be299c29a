package main

import (
	"log/slog"
	"os"
	"strings"
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
			[]string{`listen "0.0.0.0:18089" is reachable from other machines`, "[web] password_env or password_file"}},
		{"every interface via --listen", ``, []string{"--listen", ":18089"},
			[]string{`listen ":18089"`, "[web] password_env or password_file"}},
		{"password_env unset", `listen = "192.168.1.10:18089"` + "\n" + `password_env = "BAOCAO_TEST_WEB_PW_UNSET"`, nil,
			[]string{"[web]", "BAOCAO_TEST_WEB_PW_UNSET (password_env) is empty or unset"}},
		{"both password keys", `password_env = "X"` + "\n" + `password_file = "y"`, nil,
			[]string{"[web] set password_env or password_file, not both"}},
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
	set, err := WebSettings(cfg, slog.Default())
	if err != nil || set.Listen != "127.0.0.1:8080" || set.Password != "" {
		t.Fatalf("%+v %v", set, err)
	}
	webPw := t.TempDir() + "/pw"
	os.WriteFile(webPw, []byte("bí mật\n"), 0o600)
	cfg.Web = config.Web{Listen: "0.0.0.0:8080", PasswordFile: webPw}
	if set, err = WebSettings(cfg, slog.Default()); err != nil || set.Password != "bí mật" {
		t.Fatalf("%+v %v", set, err)
	}
}
