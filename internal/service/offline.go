package service

import (
	"errors"
	"github.com/mn2010/baocao/internal/catalog"
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
		return catalog.SvcExists.Errorf(path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return &writeError{filepath.Dir(path), err}
	}
	if err := os.WriteFile(path, []byte(unit), 0o644); err != nil {
		return &writeError{path, err}
	}
	if out, err := o.systemctl("enable", Name+".service"); err != nil {
		return catalog.SvcSystemctl.Errorf(o.Root, "enable", err, out)
	}
	return nil
}

// Uninstall disables the unit and removes its file.
func (o Offline) Uninstall() error {
	if _, err := os.Stat(o.UnitPath()); errors.Is(err, fs.ErrNotExist) {
		return &notThere{o.UnitPath()}
	}
	if out, err := o.systemctl("disable", Name+".service"); err != nil {
		return catalog.SvcSystemctl.Errorf(o.Root, "disable", err, out)
	}
	if err := os.Remove(o.UnitPath()); err != nil {
		return &writeError{o.UnitPath(), err}
	}
	return nil
}

// Enabled reports whether the unit is installed and enabled; an image is
// never running.
func (o Offline) Enabled() (bool, error) {
	if _, err := os.Stat(o.UnitPath()); errors.Is(err, fs.ErrNotExist) {
		return false, &notThere{o.UnitPath()}
	}
	out, err := o.systemctl("is-enabled", Name+".service")
	switch {
	case out == "enabled":
		return true, nil
	case out == "disabled":
		return false, nil
	case err != nil:
		return false, catalog.SvcSystemctl.Errorf(o.Root, "is-enabled", err, out)
	}
	return false, catalog.SvcSystemctl.Errorf(o.Root, "is-enabled", nil, out)
}

// ErrNotInstalled is kardianos' error for a service that is not installed.
var ErrNotInstalled = kservice.ErrNotInstalled

// notThere is an image without the unit: ErrNotInstalled, said in the
// language in force.
type notThere struct{ path string }

func (e *notThere) Error() string { return catalog.SvcNotThere.F(e.path) }
func (e *notThere) Unwrap() error { return ErrNotInstalled }

// writeError is a file of the image that could not be written or
// removed, said in the language in force; the cause stays for errors.Is.
type writeError struct {
	path string
	err  error
}

func (e *writeError) Error() string { return catalog.SvcWrite.F(e.path, catalog.FileWhy(e.err)) }
func (e *writeError) Unwrap() error { return e.err }
