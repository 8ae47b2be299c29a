package archive

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gofrs/flock"
)

// ErrLocked is returned when another process holds a lock.
var ErrLocked = errors.New("archive: locked by another process")

// LockDaemon takes the archive's daemon lock, so that two daemons never
// work on one archive. It fails at once, naming the lock file, if another
// process holds it.
func (s *Store) LockDaemon() (unlock func(), err error) {
	path := filepath.Join(s.Root, ".daemon.lock")
	l, err := s.lockFile(path)
	if err != nil {
		return nil, err
	}
	ok, err := l.TryLock()
	if err != nil {
		return nil, fmt.Errorf("archive: %s: %w", path, err)
	}
	if !ok {
		return nil, fmt.Errorf("%w: another baocao serve is running on this archive (lock file %s)", ErrLocked, path)
	}
	return func() { l.Unlock() }, nil
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
