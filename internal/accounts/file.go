package accounts

import (
	"os"
	"path/filepath"

	"github.com/mn2010/baocao/internal/catalog"
)

// WriteFile writes data to path whole or not at all, mode 0600: into a
// temporary file beside it, synced, then renamed over it (a reader sees
// the old file or the new one). The page's sessions file uses it too.
func WriteFile(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-")
	if err != nil {
		return catalog.AccFileWrite.Errorf(path, err)
	}
	defer os.Remove(f.Name()) // a no-op once renamed
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o600)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		return catalog.AccFileWrite.Errorf(path, err)
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}
