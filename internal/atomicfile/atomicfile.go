// Package atomicfile replaces a file whole: a reader sees the old file or
// the new one, never half of either, and the new one is on disk when
// Replace returns. (renameio does this on Unix only; baocao also runs on
// Windows, where os.Rename replaces the target.) The archive, the
// accounts and the page's sessions write their files with it.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// Replace replaces path with data atomically and durably. The file gets
// the temporary file's mode, 0600.
func Replace(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // a no-op once renamed
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil { // the entry durable; not every system allows it
		d.Sync()
		d.Close()
	}
	return nil
}
