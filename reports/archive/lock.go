package archive

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"

	"github.com/gofrs/flock"
)

// ErrLocked is returned when another process holds a lock.
var ErrLocked = catalog.NewClass(catalog.ClassLocked).WithFault(fault.Refused)

// DaemonLock is the archive's daemon lock, held.
type DaemonLock struct {
	path string
	l    *flock.Flock
	file os.FileInfo // the file locked, to notice it was removed
}

// LockDaemon takes the archive's daemon lock, so that two daemons never
// work on one archive. It fails at once, naming the lock file, if another
// process holds it.
func (s *Store) LockDaemon() (*DaemonLock, error) {
	d := &DaemonLock{path: filepath.Join(s.Root, ".daemon.lock")}
	return d, d.take()
}

func (d *DaemonLock) take() error {
	if err := os.MkdirAll(filepath.Dir(d.path), 0o755); err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	l := flock.New(d.path)
	ok, err := l.TryLock()
	if err != nil {
		return catalog.ArchLockFile.Errorf(d.path, catalog.FileWhy(err))
	}
	if !ok {
		return ErrLocked.Newf(catalog.ArchLockedServe, d.path)
	}
	fi, err := os.Stat(d.path)
	if err != nil {
		l.Unlock()
		return fmt.Errorf("archive: %w", err)
	}
	d.l, d.file = l, fi
	return nil
}

// Check keeps the lock valid: if its file was removed (the archive folder
// deleted or moved while the daemon runs), it is made again and locked,
// so that a second daemon still finds it taken. renewed says it was.
func (d *DaemonLock) Check() (renewed bool, err error) {
	if fi, err := os.Stat(d.path); err == nil && os.SameFile(fi, d.file) {
		return false, nil
	}
	d.l.Unlock()
	return true, d.take()
}

// Unlock releases the lock.
func (d *DaemonLock) Unlock() {
	if d.l != nil {
		d.l.Unlock()
	}
}

// TryLockReport takes a report's run lock if no one holds it.
func (s *Store) TryLockReport(report string) (unlock func(), ok bool, err error) {
	path := filepath.Join(s.Root, ".locks", report+".lock")
	l, err := s.lockFile(path)
	if err != nil {
		return nil, false, err
	}
	if ok, err = l.TryLock(); err != nil || !ok {
		return nil, false, err
	}
	return func() { l.Unlock() }, true, nil
}

// LockReport takes a report's run lock, waiting for another run of the same
// report (from the daemon or the command line) to finish. waiting, if not
// nil, is called once before waiting.
func (s *Store) LockReport(report string, waiting func(path string)) (unlock func(), err error) {
	path := filepath.Join(s.Root, ".locks", report+".lock")
	l, err := s.lockFile(path)
	if err != nil {
		return nil, err
	}
	ok, err := l.TryLock()
	if err == nil && !ok {
		if waiting != nil {
			waiting(path)
		}
		err = l.Lock()
	}
	if err != nil {
		return nil, fmt.Errorf("archive: %s: %w", path, err)
	}
	return func() { l.Unlock() }, nil
}

func (s *Store) lockFile(path string) (*flock.Flock, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	return flock.New(path), nil
}
