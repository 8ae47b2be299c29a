package service

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	kservice "github.com/kardianos/service"
)

// Offline installs the systemd unit into a root folder — a system image
// being built, or a test — with `systemctl --root`, which needs no running
// systemd. It is the counterpart of kardianos' systemd install for a root
// other than /.
type Offline struct {
	Root      string
	Systemctl string // "systemctl" if empty
}

// UnitPath is where the unit file goes.
func (o Offline) UnitPath() string {
	return filepath.Join(o.Root, "etc", "systemd", "system", Name+".service")
}

func (o Offline) systemctl(args ...string) (string, error) {
	bin := o.Systemctl
	if bin == "" {
		bin = "systemctl"
	}
	out, err := exec.Command(bin, append([]string{"--root=" + o.Root}, args...)...).CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

// Install writes unit and enables it (started at boot).
func (o Offline) Install(unit string) error {
	path := o.UnitPath()
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("service: %s already exists: uninstall first", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("service: %w", err)
	}
	if err := os.WriteFile(path, []byte(unit), 0o644); err != nil {
		return fmt.Errorf("service: %w", err)
	}
	if out, err := o.systemctl("enable", Name+".service"); err != nil {
		return fmt.Errorf("service: systemctl --root=%s enable: %v: %s", o.Root, err, out)
	}
	return nil
}

// Uninstall disables the unit and removes its file.
func (o Offline) Uninstall() error {
	if _, err := os.Stat(o.UnitPath()); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("service: %w: no %s", ErrNotInstalled, o.UnitPath())
	}
	if out, err := o.systemctl("disable", Name+".service"); err != nil {
		return fmt.Errorf("service: systemctl --root=%s disable: %v: %s", o.Root, err, out)
	}
	if err := os.Remove(o.UnitPath()); err != nil {
		return fmt.Errorf("service: %w", err)
	}
	return nil
}

// Enabled reports whether the unit is installed and enabled; an image is
// never running.
func (o Offline) Enabled() (bool, error) {
	if _, err := os.Stat(o.UnitPath()); errors.Is(err, fs.ErrNotExist) {
		return false, fmt.Errorf("service: %w: no %s", ErrNotInstalled, o.UnitPath())
	}
	out, err := o.systemctl("is-enabled", Name+".service")
	switch {
	case out == "enabled":
		return true, nil
	case out == "disabled":
		return false, nil
	case err != nil:
		return false, fmt.Errorf("service: systemctl --root=%s is-enabled: %v: %s", o.Root, err, out)
	}
	return false, fmt.Errorf("service: systemctl --root=%s is-enabled: %q", o.Root, out)
}

// ErrNotInstalled is kardianos' error for a service that is not installed.
var ErrNotInstalled = kservice.ErrNotInstalled
