package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"strings"

	kservice "github.com/kardianos/service"

	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/internal/service"
)

const serviceLine = "install|uninstall|start|stop|status [--user NAME] [--root DIR] [-c CONFIG]"

func serviceCmd(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return fmt.Errorf("%w: say what to do: install, uninstall, start, stop or status", errUsage)
	}
	action := args[0]
	fs, cfgPath := flagSet("service", stderr)
	userName := fs.String("user", "", "Linux: the account the unit runs as (default: baocao if it exists, else root)")
	root := fs.String("root", "", "Linux: install into the system image rooted at `DIR` with systemctl --root (no running systemd needed)")
	if err := parse(fs, args[1:], serviceLine); err != nil {
		return err
	}
	if *root != "" && runtime.GOOS != "linux" {
		return fmt.Errorf("%w: --root is for Linux (systemd) only", errUsage)
	}
	switch action {
	case "install":
		return serviceInstall(*cfgPath, *userName, *root, stdout)
	case "uninstall", "start", "stop":
		if *root != "" {
			if action != "uninstall" {
				return fmt.Errorf("%w: %s needs a running system; with --root only install, uninstall and status work", errUsage, action)
			}
			if err := (service.Offline{Root: *root}).Uninstall(); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "Đã gỡ dịch vụ %s khỏi %s\n", service.Name, *root)
			return nil
		}
		s, err := kardianos(service.Options{})
		if err != nil {
			return err
		}
		if err := kservice.Control(s, action); err != nil {
			return fmt.Errorf("service: %v%s", err, adminHint(err))
		}
		fmt.Fprintf(stdout, "%s: %s — xong\n", service.Name, action)
		return nil
	case "status":
		st, err := serviceStatus(*root)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, st)
		return nil
	}
	return fmt.Errorf("%w: unknown action %q (install, uninstall, start, stop or status)", errUsage, action)
}

// serviceInstall registers `baocao serve -c CONFIG` with the system. The
// config must be valid first: a service that cannot start helps nobody.
func serviceInstall(cfgPath, userName, root string, stdout io.Writer) error {
	cfg, err := loadConfig(cfgPath, io.Discard)
	if err != nil {
		return err
	}
	o, err := serviceOptions(cfg.Config, userName, root)
	if err != nil {
		return err
	}
	archive := cfg.Path(cfg.Archive)
	if err := os.MkdirAll(archive, 0o750); err != nil {
		return fmt.Errorf("service: the archive folder: %w", err)
	}
	if root != "" {
		unit, err := service.SystemdUnit(o)
		if err != nil {
			return err
		}
		off := service.Offline{Root: root}
		if err := off.Install(unit); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Đã cài dịch vụ %s vào %s (bật khi khởi động)\n", service.Name, off.UnitPath())
		return nil
	}
	if runtime.GOOS == "linux" {
		if o.User != "" {
			chownToUser(archive, o.User)
		}
		if err := writeEnvFile(o, cfg.Config); err != nil {
			return err
		}
	}
	s, err := kardianos(o)
	if err != nil {
		return err
	}
	if err := s.Install(); err != nil {
		return fmt.Errorf("service: install: %v%s", err, adminHint(err))
	}
	fmt.Fprintf(stdout, "Đã cài dịch vụ %s (%s): tự chạy khi máy khởi động, tự khởi động lại khi lỗi.\n", service.Name, s.Platform())
	fmt.Fprintf(stdout, "Lệnh chạy: %s %s\n", o.Executable, strings.Join(o.Arguments(runtime.GOOS), " "))
	if cfg.SMTP.PasswordEnv != "" && o.Env == nil && runtime.GOOS != "linux" {
		fmt.Fprintf(stdout, "Lưu ý: biến %s chưa được đặt, dịch vụ sẽ không có mật khẩu thư; dùng password_file trong cấu hình (baocao init làm việc này).\n", cfg.SMTP.PasswordEnv)
	}
	fmt.Fprintf(stdout, "Bắt đầu chạy: baocao service start\n")
	return nil
}

// serviceOptions are the registration for cfg on this machine.
func serviceOptions(cfg *config.Config, userName, root string) (service.Options, error) {
	exe, err := os.Executable()
	if err == nil {
		exe, err = filepath.EvalSymlinks(exe)
	}
	if err != nil {
		return service.Options{}, fmt.Errorf("service: where is this program? %w", err)
	}
	archive := cfg.Path(cfg.Archive)
	o := service.Options{
		Executable: exe,
		Config:     cfg.File,
		LogFile:    filepath.Join(cfg.Dir, "baocao.log"),
		User:       userName,
		EnvFile:    filepath.Join(cfg.Dir, "env"),
		WorkDir:    filepath.Dir(archive),
		Writable:   []string{filepath.Dir(archive)},
	}
	if userName == "" && root == "" {
		if _, err := user.Lookup("baocao"); err == nil {
			o.User = "baocao"
		}
	}
	for _, p := range append([]string{cfg.File, archive}, sourcePaths(cfg)...) {
		if underHome(p) {
			o.ReadOnlyHome = true
		}
	}
	if name := cfg.SMTP.PasswordEnv; name != "" {
		if v, ok := os.LookupEnv(name); ok {
			o.Env = map[string]string{name: v}
		}
	}
	return o, nil
}

func sourcePaths(cfg *config.Config) []string {
	var out []string
	for _, s := range cfg.Specs() {
		out = append(out, s.Path)
	}
	return out
}

func underHome(p string) bool {
	return strings.HasPrefix(p, "/home/") || strings.HasPrefix(p, "/root/") || strings.HasPrefix(p, "/run/user/")
}

// writeEnvFile keeps the password (from the installer's environment) out of
// the unit, which anyone can read: it goes in the unit's EnvironmentFile,
// mode 0600, when that file does not exist yet.
func writeEnvFile(o service.Options, cfg *config.Config) error {
	if len(o.Env) == 0 {
		return nil
	}
	if _, err := os.Stat(o.EnvFile); err == nil {
		return nil
	}
	name := cfg.SMTP.PasswordEnv
	if err := os.WriteFile(o.EnvFile, []byte(name+"="+o.Env[name]+"\n"), 0o600); err != nil {
		return fmt.Errorf("service: %w", err)
	}
	return nil
}

func chownToUser(dir, name string) {
	u, err := user.Lookup(name)
	if err != nil {
		return
	}
	var uid, gid int
	if _, err := fmt.Sscan(u.Uid, &uid); err != nil {
		return
	}
	if _, err := fmt.Sscan(u.Gid, &gid); err != nil {
		return
	}
	_ = os.Chown(dir, uid, gid)
}

// kardianos is the service as the system's service manager sees it.
func kardianos(o service.Options) (kservice.Service, error) {
	if runtime.GOOS == "linux" && kservice.Platform() != "linux-systemd" {
		return nil, fmt.Errorf("service: this machine does not run systemd (%s): install deploy/baocao.service by hand, or use --root DIR to prepare an image", kservice.Platform())
	}
	c, err := service.Config(runtime.GOOS, o)
	if err != nil {
		return nil, err
	}
	return kservice.New(&service.Program{}, c)
}

// serviceState is what `service status` and `doctor` report.
type serviceState struct {
	Installed, Running, Known bool
	Where                     string
}

func (s serviceState) String() string {
	switch {
	case !s.Known:
		return fmt.Sprintf("Dịch vụ %s: không rõ trạng thái (%s)", service.Name, s.Where)
	case !s.Installed:
		return fmt.Sprintf("Dịch vụ %s: chưa cài (%s) — cài bằng: baocao service install -c CONFIG", service.Name, s.Where)
	case s.Running:
		return fmt.Sprintf("Dịch vụ %s: đã cài, đang chạy (%s)", service.Name, s.Where)
	}
	return fmt.Sprintf("Dịch vụ %s: đã cài, không chạy (%s) — chạy bằng: baocao service start", service.Name, s.Where)
}

func serviceStatus(root string) (serviceState, error) {
	if root != "" {
		off := service.Offline{Root: root}
		enabled, err := off.Enabled()
		switch {
		case errors.Is(err, service.ErrNotInstalled):
			return serviceState{Known: true, Where: off.UnitPath()}, nil
		case err != nil:
			return serviceState{}, err
		}
		where := off.UnitPath() + ", bật khi khởi động"
		if !enabled {
			where = off.UnitPath() + ", không bật khi khởi động"
		}
		return serviceState{Known: true, Installed: true, Where: where}, nil
	}
	s, err := kardianos(service.Options{})
	if err != nil {
		return serviceState{Where: err.Error()}, nil
	}
	st, err := s.Status()
	switch {
	case errors.Is(err, kservice.ErrNotInstalled):
		return serviceState{Known: true, Where: s.Platform()}, nil
	case err != nil:
		return serviceState{Where: s.Platform() + ": " + err.Error()}, nil
	}
	return serviceState{Known: true, Installed: true, Running: st == kservice.StatusRunning, Where: s.Platform()}, nil
}

func adminHint(err error) string {
	if e := strings.ToLower(err.Error()); strings.Contains(e, "access is denied") || strings.Contains(e, "permission denied") {
		if runtime.GOOS == "windows" {
			return " (mở cửa sổ lệnh bằng \"Run as administrator\" rồi chạy lại)"
		}
		return " (chạy lại với sudo)"
	}
	return ""
}

// underServiceManager runs the daemon under the Windows service control
// manager: Start opens it, Stop and shutdown close it as SIGTERM does.
// Elsewhere, and on Windows from a console, it does nothing: systemd and
// launchd send SIGTERM and SIGHUP, which serve handles itself.
// The config is loaded in Start, so that a bad one is reported to the
// service manager (and logged) rather than ending the process unseen.
func underServiceManager(cfgPath string, log *slog.Logger) (bool, error) {
	if runtime.GOOS != "windows" || kservice.Interactive() {
		return false, nil
	}
	s, err := kservice.New(daemonProgram(cfgPath, log), &kservice.Config{Name: service.Name})
	if err != nil {
		return true, err
	}
	return true, s.Run()
}

// daemonProgram is the daemon as a service manager's program: Start loads
// the config and opens the daemon, logging why it cannot.
func daemonProgram(cfgPath string, log *slog.Logger) *service.Program {
	return &service.Program{
		Open: func(ctx context.Context) (service.Daemon, error) {
			cfg, err := config.Load(cfgPath)
			var p *conf
			if err == nil {
				p, err = settingsOf(cfg)
			}
			if err == nil {
				for _, w := range cfg.Warnings {
					log.Warn(w)
				}
				var u *serving
				if u, err = openServe(ctx, p, log); err == nil {
					return u, nil
				}
			}
			log.Error("cannot start", "error", err.Error())
			return nil, err
		},
		Logf: func(format string, args ...any) { log.Info(fmt.Sprintf(format, args...)) },
	}
}

// logOutput is where serve logs: --log-file FILE (appended), else stderr.
func logOutput(path string, stderr io.Writer) (io.Writer, func(), error) {
	if path == "" {
		return stderr, func() {}, nil
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o640)
	if err != nil {
		return nil, nil, fmt.Errorf("serve: log file: %w", err)
	}
	return f, func() { f.Close() }, nil
}
