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

	"github.com/mn2010/baocao/internal/catalog"

	kservice "github.com/kardianos/service"

	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/internal/service"
)

func serviceCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("service", stderr)
	userName := fs.String("user", "", catalog.FlagServiceUser.String())
	root := fs.String("root", "", catalog.FlagServiceRoot.String())
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
		return parse(fs, args[:1], lineOf(catalog.ArgsService))
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return errUsage.Newf(catalog.ServiceWhat)
	}
	action := args[0]
	if err := parse(fs, args[1:], lineOf(catalog.ArgsService)); err != nil {
		return err
	}
	if *root != "" && runtime.GOOS != "linux" {
		return errUsage.Newf(catalog.ServiceRootOnly)
	}
	switch action {
	case "install":
		return serviceInstall(*cfgPath, *userName, *root, stdout)
	case "uninstall", "start", "stop":
		if *root != "" {
			if action != "uninstall" {
				return errUsage.Newf(catalog.ServiceNeedsSys, action)
			}
			if err := (service.Offline{Root: *root}).Uninstall(); err != nil {
				return err
			}
			fmt.Fprintln(stdout, catalog.ServiceRemoved.F(service.Name, *root))
			return nil
		}
		s, err := kardianos(service.Options{})
		if err != nil {
			return err
		}
		if err := kservice.Control(s, action); err != nil {
			return catalog.ServiceFailed.Errorf(&controlError{action, err}, adminHint(err))
		}
		fmt.Fprintln(stdout, catalog.ServiceDone.F(service.Name, action))
		return nil
	case "status":
		st, err := serviceStatus(*root)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, st)
		return nil
	}
	return errUsage.Newf(catalog.ServiceUnknown, action)
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
		return catalog.ServiceArchive.Errorf(err)
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
		fmt.Fprintln(stdout, catalog.ServiceInstalledAt.F(service.Name, off.UnitPath()))
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
		return catalog.ServiceFailed.Errorf(&controlError{"install", err}, adminHint(err))
	}
	fmt.Fprintln(stdout, catalog.ServiceInstalled.F(service.Name, platformName(s.Platform())))
	fmt.Fprintln(stdout, catalog.ServiceCommand.F(o.Executable, strings.Join(o.Arguments(runtime.GOOS), " ")))
	if cfg.SMTP.PasswordEnv != "" && o.Env == nil && runtime.GOOS != "linux" {
		fmt.Fprintln(stdout, catalog.ServiceNoPwEnv.F(cfg.SMTP.PasswordEnv))
	}
	fmt.Fprintln(stdout, catalog.ServiceStartHint)
	return nil
}

// serviceOptions are the registration for cfg on this machine.
func serviceOptions(cfg *config.Config, userName, root string) (service.Options, error) {
	exe, err := os.Executable()
	if err == nil {
		exe, err = filepath.EvalSymlinks(exe)
	}
	if err != nil {
		return service.Options{}, catalog.ServiceWhere.Errorf(err)
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
	o.Readable = []string{filepath.Dir(cfg.File)}
	for _, p := range sourcePaths(cfg) {
		o.Readable = append(o.Readable, sourceFolder(p))
	}
	for _, p := range append([]string{cfg.File, archive}, sourcePaths(cfg)...) {
		if underHome(p) {
			o.ReadOnlyHome = true
		}
		if underTmp(p) {
			o.SharedTmp = true
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
	for _, s := range cfg.Sources {
		out = append(out, cfg.Path(s.Path))
	}
	return out
}

// sourceFolder is the folder a source's path reads from: the file's, the
// folder itself, or a pattern's folder before its first wildcard.
func sourceFolder(p string) string {
	if i := strings.IndexAny(p, "*?["); i >= 0 {
		return filepath.Dir(p[:i] + "x")
	}
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		return filepath.Clean(p)
	}
	return filepath.Dir(p)
}

func underTmp(p string) bool {
	return strings.HasPrefix(p, "/tmp/") || strings.HasPrefix(p, "/var/tmp/")
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
		return catalog.ServiceFailed.Errorf(err, "")
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
		return nil, errors.New(catalog.ServiceNoSystemd.String())
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
		return catalog.ServiceUnknownSt.F(service.Name, s.Where)
	case !s.Installed:
		return catalog.ServiceNotInst.F(service.Name, s.Where)
	case s.Running:
		return catalog.ServiceRunning.F(service.Name, s.Where)
	}
	return catalog.ServiceStopped.F(service.Name, s.Where)
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
		where := catalog.ServiceEnabled.F(off.UnitPath())
		if !enabled {
			where = catalog.ServiceDisabled.F(off.UnitPath())
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
		return serviceState{Known: true, Where: platformName(s.Platform())}, nil
	case err != nil:
		return serviceState{Where: platformName(s.Platform()) + ": " + (&controlError{"status", err}).Error()}, nil
	}
	return serviceState{Known: true, Installed: true, Running: st == kservice.StatusRunning, Where: platformName(s.Platform())}, nil
}

func adminHint(err error) string {
	if e := strings.ToLower(err.Error()); strings.Contains(e, "access is denied") || strings.Contains(e, "permission denied") ||
		strings.Contains(e, "interactive authentication required") {
		if runtime.GOOS == "windows" {
			return catalog.ServiceHintWin.String()
		}
		return catalog.ServiceHintSudo.String()
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
		return nil, nil, catalog.LogFileFailed.Errorf(err)
	}
	return f, func() { f.Close() }, nil
}

// platformName names the service manager the way people know it
// (kardianos' "linux-systemd" is systemd, "windows-service" Windows).
func platformName(p string) string {
	switch {
	case strings.HasSuffix(p, "systemd"):
		return "systemd"
	case strings.HasPrefix(p, "windows"):
		return "Windows"
	case strings.HasSuffix(p, "launchd"):
		return "launchd"
	case strings.HasSuffix(p, "systemv"):
		return "System V"
	case strings.HasSuffix(p, "upstart"):
		return "Upstart"
	case strings.HasSuffix(p, "openrc"):
		return "OpenRC"
	}
	return p
}

// controlError is the service manager refusing an action, said in the
// language in force: the manager's own words are English (or the
// system's language), so it names the reason it can tell and where to
// read the rest; the cause stays for errors.Is.
type controlError struct {
	action string
	err    error
}

func (e *controlError) Error() string {
	low := strings.ToLower(e.err.Error())
	switch {
	case errors.Is(e.err, kservice.ErrNotInstalled) || strings.Contains(low, "not installed") || strings.Contains(low, "not found") ||
		strings.Contains(low, "does not exist"):
		return catalog.SvcNotInstNow.String()
	case adminHint(e.err) != "":
		return catalog.SvcDenied.String()
	}
	act := map[string]*catalog.Msg{"install": catalog.SvcActInstall, "start": catalog.SvcActStart, "stop": catalog.SvcActStop,
		"uninstall": catalog.SvcActRemove, "status": catalog.SvcActStatus}[e.action]
	what := e.action
	if act != nil {
		what = act.String()
	}
	logs := catalog.SvcLogLinux
	switch runtime.GOOS {
	case "windows":
		logs = catalog.SvcLogWindows
	case "darwin":
		logs = catalog.SvcLogMac
	}
	return catalog.SvcRefused.F(what, logs)
}

func (e *controlError) Unwrap() error { return e.err }
