package release

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path"
	"sort"
	"strings"
	"time"
)

// Entry is one file of a zip.
type Entry struct {
	Name       string // the path inside the zip, with forward slashes
	Source     string // the file on disk
	Executable bool
}

// Zip writes entries to w, sorted by name, each modified at mtime.
func Zip(w io.Writer, entries []Entry, mtime time.Time) error {
	sorted := append([]Entry(nil), entries...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	zw := zip.NewWriter(w)
	seen := map[string]bool{}
	for _, e := range sorted {
		name := path.Clean(e.Name)
		if name != e.Name || strings.HasPrefix(name, "/") || strings.HasPrefix(name, "../") || strings.Contains(name, `\`) {
			return fmt.Errorf("release: bad entry name %q", e.Name)
		}
		if seen[name] {
			return fmt.Errorf("release: %q twice", name)
		}
		seen[name] = true
		mode := os.FileMode(0o644)
		if e.Executable {
			mode = 0o755
		}
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: mtime.UTC()}
		h.SetMode(mode)
		out, err := zw.CreateHeader(h)
		if err != nil {
			return fmt.Errorf("release: %s: %w", name, err)
		}
		f, err := os.Open(e.Source)
		if err != nil {
			return fmt.Errorf("release: %w", err)
		}
		_, err = io.Copy(out, f)
		f.Close()
		if err != nil {
			return fmt.Errorf("release: %s: %w", e.Source, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("release: %w", err)
	}
	return nil
}
