package service

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite deploy/baocao.service from SystemdUnit")

// deployOptions are the paths deploy/baocao.service's header names.
var deployOptions = Options{
	Executable: "/usr/local/bin/baocao",
	Config:     "/etc/baocao/config.toml",
	User:       "baocao",
	EnvFile:    "/etc/baocao/env",
	WorkDir:    "/var/lib/baocao",
	Writable:   []string{"/var/lib/baocao"},
	Readable:   []string{"/etc/baocao", "/var/lib/baocao/data"},
}

func TestConfigPerOS(t *testing.T) {
	o := Options{
		Executable: `C:\baocao\baocao.exe`,
		Config:     `C:\baocao\config.toml`,
		LogFile:    `C:\baocao\baocao.log`,
		Env:        map[string]string{"BAOCAO_SMTP_PASSWORD": "s3cret"},
	}
	tests := []struct {
		goos    string
		args    []string
		options map[string]any
		env     bool
	}{
		{"windows", []string{"serve", "-c", `C:\baocao\config.toml`, "--log-file", `C:\baocao\baocao.log`},
			map[string]any{"StartType": "automatic", "DelayedAutoStart": true, "OnFailure": "restart",
				"OnFailureDelayDuration": "30s", "OnFailureResetPeriod": 86400}, true},
		{"darwin", []string{"serve", "-c", `C:\baocao\config.toml`, "--log-file", `C:\baocao\baocao.log`},
			map[string]any{"RunAtLoad": true, "KeepAlive": true}, true},
		{"linux", []string{"serve", "-c", `C:\baocao\config.toml`, "--log-format", "json"},
			map[string]any{"Restart": "on-failure", "ReloadSignal": "HUP"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.goos, func(t *testing.T) {
			c, err := Config(tt.goos, o)
			if err != nil {
				t.Fatal(err)
			}
			if c.Name != "baocao" || c.Executable != o.Executable {
				t.Errorf("name %q, executable %q", c.Name, c.Executable)
			}
			if !slices.Equal(c.Arguments, tt.args) {
				t.Errorf("arguments %q, want %q", c.Arguments, tt.args)
			}
			for k, v := range tt.options {
				if c.Option[k] != v {
					t.Errorf("option %s = %v, want %v", k, c.Option[k], v)
				}
			}
			if got := c.EnvVars["BAOCAO_SMTP_PASSWORD"] == "s3cret"; got != tt.env {
				t.Errorf("password in the service's environment: %v, want %v", got, tt.env)
			}
			if tt.goos == "linux" {
				unit := c.Option["SystemdScript"].(string)
				if strings.Contains(unit, "s3cret") {
					t.Error("the password is in the unit file, which anyone can read")
				}
				if !strings.Contains(unit, "ExecStart=\"C:\\\\baocao\\\\baocao.exe\" serve -c ") {
					t.Errorf("ExecStart not quoted:\n%s", unit)
				}
			}
		})
	}
	if _, err := Config("plan9", o); err == nil {
		t.Error("plan9: no error")
	}
}

// TestSystemdUnitIsDeploy checks that the unit `service install` writes is
// deploy/baocao.service for that file's paths: the same behaviour.
func TestSystemdUnitIsDeploy(t *testing.T) {
	unit, err := SystemdUnit(deployOptions)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"ExecStart=/usr/local/bin/baocao serve -c /etc/baocao/config.toml --log-format json\n",
		"ExecReload=/bin/kill -HUP $MAINPID\n", "KillSignal=SIGTERM\n", "TimeoutStopSec=11min\n",
		"Restart=on-failure\n", "RestartSec=30s\n", "User=baocao\n", "EnvironmentFile=-/etc/baocao/env\n",
		"ReadWritePaths=/var/lib/baocao\n", "ProtectHome=true\n", "WantedBy=multi-user.target\n",
	} {
		if !strings.Contains(unit, want) {
			t.Errorf("unit lacks %q", want)
		}
	}
	path := filepath.Join("..", "..", "deploy", "baocao.service")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	header, body, ok := strings.Cut(string(data), "[Unit]\n")
	if !ok {
		t.Fatalf("%s has no [Unit]", path)
	}
	if *update {
		if err := os.WriteFile(path, []byte(header+unit), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if "[Unit]\n"+body != unit {
		t.Errorf("%s differs from SystemdUnit (go test ./internal/service -update):\n%s", path, unit)
	}
}

func TestSystemdUnitQuoting(t *testing.T) {
	o := deployOptions
	o.Config = "/srv/trường học/cấu hình.toml"
	o.Writable = []string{"/srv/trường học", "/srv/trường học"}
	o.ReadOnlyHome = true
	unit, err := SystemdUnit(o)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`ExecStart=/usr/local/bin/baocao serve -c "/srv/trường học/cấu hình.toml" --log-format json`,
		`ReadWritePaths="/srv/trường học"` + "\n", "ProtectHome=read-only\n",
	} {
		if !strings.Contains(unit, want) {
			t.Errorf("unit lacks %q:\n%s", want, unit)
		}
	}
	o.Config = "/etc/{{x}}.toml"
	if _, err := SystemdUnit(o); err == nil {
		t.Error("a path with {{ went into the unit")
	}
}
