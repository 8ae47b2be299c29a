package archive

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/mn2010/baocao/internal/atomicfile"
	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/crashpoint"
)

// File is one file of a version.
type File struct {
	Name string
	Data []byte
}

// Store is an archive folder.
type Store struct {
	Root string
	Warn func(msg string) // told of things skipped (a stray file named like a version); may be nil
}

func (s *Store) warn(format string, args ...any) {
	if s.Warn != nil {
		s.Warn(fmt.Sprintf(format, args...))
	}
}

// Entry is one archived version.
type Entry struct {
	Report  string
	Period  string
	Version int
	Dir     string
}

var versionRe = regexp.MustCompile(`^v([1-9][0-9]*)$`)

const stagingPrefix = ".staging-"

// Put files a new version of report for period. build is called with the
// version number and returns the files; if another process takes that number
// first, build is called again with the next one.
func (s *Store) Put(report, label string, build func(version int) ([]File, error)) (Entry, error) {
	dir := filepath.Join(s.Root, report, label)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Entry{}, catalog.ArchFile.Errorf(catalog.Said(err))
	}
	for attempt := 0; attempt < 10; attempt++ {
		vs, strays, err := scan(dir)
		if err != nil {
			return Entry{}, err
		}
		n := 1
		if len(vs) > 0 {
			n = vs[len(vs)-1] + 1
		}
		for _, st := range strays {
			s.warn("archive: %s is a file, not a version folder: skipped (move it away)", filepath.Join(dir, "v"+strconv.Itoa(st)))
			n = max(n, st+1) // never reuse its number
		}
		files, err := build(n)
		if err != nil {
			return Entry{}, err
		}
		e := Entry{Report: report, Period: label, Version: n, Dir: filepath.Join(dir, "v"+strconv.Itoa(n))}
		err = commit(dir, e.Dir, files)
		if err == nil {
			return e, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return Entry{}, err
		}
	}
	return Entry{}, catalog.ArchNoNum.Errorf(report, label)
}

// commit writes files to a staging folder in dir and renames it to final.
func commit(dir, final string, files []File) error {
	tmp, err := os.MkdirTemp(dir, stagingPrefix)
	if err != nil {
		return catalog.ArchFile.Errorf(catalog.Said(err))
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	if err := writeAllSynced(tmp, files); err != nil {
		return err
	}
	if err := syncDir(tmp); err != nil {
		return err
	}
	crashpoint.Hit(crashpoint.Staged)
	if _, err := os.Stat(final); err == nil {
		return fs.ErrExist
	}
	if err := os.Rename(tmp, final); err != nil {
		if _, serr := os.Stat(final); serr == nil {
			return fs.ErrExist
		}
		return catalog.ArchFile.Errorf(catalog.Said(err))
	}
	return syncDir(dir)
}

// writeAllSynced writes files into the new folder dir and returns when
// every one is on disk. Each file's fsync starts as soon as it is written,
// in its own goroutine, while the next is written: the fsyncs of a
// version's files overlap (a journaling file system commits them
// together) instead of waiting one after the other. What is durable when
// it returns is the same as with one write-and-sync after another: every
// file, whole; the caller syncs the folder and renames it.
func writeAllSynced(dir string, files []File) error {
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		path := filepath.Join(dir, f.Name)
		fh, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err != nil {
			errs[i] = catalog.ArchFile.Errorf(catalog.Said(err))
			break
		}
		if _, err := fh.Write(f.Data); err != nil {
			fh.Close()
			errs[i] = catalog.ArchPath.Errorf(path, catalog.Said(err))
			break
		}
		wg.Go(func() {
			if err := fill(fh, nil); err != nil {
				errs[i] = catalog.ArchPath.Errorf(path, catalog.Said(err))
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return catalog.ArchFile.Errorf(catalog.Said(err))
	}
	if err := fill(f, data); err != nil {
		return catalog.ArchPath.Errorf(path, catalog.Said(err))
	}
	return nil
}

// fill writes data to f, syncs and closes it.
func fill(f *os.File, data []byte) error {
	var err error
	if len(data) > 0 {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// writeBeside writes data durably into a new temporary file beside path
// and returns its name: the caller puts it in place, then removes it.
func writeBeside(path string, data []byte) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-")
	if err != nil {
		return "", catalog.ArchFile.Errorf(catalog.Said(err))
	}
	if err := fill(f, data); err != nil {
		os.Remove(f.Name())
		return "", catalog.ArchPath.Errorf(path, catalog.Said(err))
	}
	return f.Name(), nil
}

// syncDir makes a folder's entries durable; not every system allows it.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return catalog.ArchFile.Errorf(catalog.Said(err))
	}
	defer d.Close()
	_ = d.Sync()
	return nil
}

func versions(dir string) ([]int, error) {
	vs, _, err := scan(dir)
	return vs, err
}

// scan lists the version folders of a period folder, and the numbers of
// stray files named like versions (which are not versions).
func scan(dir string) (vs, strays []int, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, catalog.ArchFile.Errorf(catalog.Said(err))
	}
	for _, e := range entries {
		if m := versionRe.FindStringSubmatch(e.Name()); m != nil {
			n, _ := strconv.Atoi(m[1])
			if e.IsDir() {
				vs = append(vs, n)
			} else {
				strays = append(strays, n)
			}
		}
	}
	sort.Ints(vs)
	return vs, strays, nil
}

// CleanStaging removes the .staging-* folders that runs killed while
// writing a version left behind, for each report whose run lock it can
// take at once (no run of it is writing). It returns what it removed.
func (s *Store) CleanStaging() ([]string, error) {
	reports, err := os.ReadDir(s.Root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, catalog.ArchFile.Errorf(catalog.Said(err))
	}
	var removed []string
	for _, r := range reports {
		if !r.IsDir() || strings.HasPrefix(r.Name(), ".") {
			continue
		}
		stale, _ := filepath.Glob(filepath.Join(s.Root, r.Name(), "*", stagingPrefix+"*"))
		if len(stale) == 0 {
			continue
		}
		unlock, ok, err := s.TryLockReport(r.Name())
		if err != nil || !ok {
			continue
		}
		for _, dir := range stale {
			if err := os.RemoveAll(dir); err == nil {
				removed = append(removed, dir)
			}
		}
		unlock()
	}
	return removed, nil
}

// Latest returns the newest version of report for period.
func (s *Store) Latest(report, label string) (Entry, bool, error) {
	dir := filepath.Join(s.Root, report, label)
	vs, err := versions(dir)
	if err != nil || len(vs) == 0 {
		return Entry{}, false, err
	}
	n := vs[len(vs)-1]
	return Entry{Report: report, Period: label, Version: n, Dir: filepath.Join(dir, "v"+strconv.Itoa(n))}, true, nil
}

// Versions returns the versions of report for period, oldest first.
func (s *Store) Versions(report, label string) ([]Entry, error) {
	dir := filepath.Join(s.Root, report, label)
	vs, err := versions(dir)
	var out []Entry
	for _, v := range vs {
		out = append(out, Entry{Report: report, Period: label, Version: v, Dir: filepath.Join(dir, "v"+strconv.Itoa(v))})
	}
	return out, err
}

// List returns every archived version, by report, period and version.
func (s *Store) List() ([]Entry, error) {
	var out []Entry
	reports, err := os.ReadDir(s.Root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, catalog.ArchFile.Errorf(catalog.Said(err))
	}
	for _, r := range reports {
		if !r.IsDir() || strings.HasPrefix(r.Name(), ".") { // .locks
			continue
		}
		periods, err := os.ReadDir(filepath.Join(s.Root, r.Name()))
		if err != nil {
			return nil, catalog.ArchFile.Errorf(catalog.Said(err))
		}
		for _, p := range periods {
			dir := filepath.Join(s.Root, r.Name(), p.Name())
			vs, err := versions(dir)
			if err != nil {
				return nil, err
			}
			for _, v := range vs {
				out = append(out, Entry{Report: r.Name(), Period: p.Name(), Version: v, Dir: filepath.Join(dir, "v"+strconv.Itoa(v))})
			}
		}
	}
	return out, nil
}

// ReplaceFile replaces path with data atomically: a reader sees the old
// file or the new one, never half of either (atomicfile.Replace).
func ReplaceFile(path string, data []byte) error {
	if err := atomicfile.Replace(path, data); err != nil {
		return catalog.ArchFile.Errorf(catalog.Said(err))
	}
	return nil
}

// ErrWritten is returned by WriteOnce when the file exists: a record that
// is written once is never rewritten.
var ErrWritten = errors.New("archive: written once, and already there")

// WriteOnce creates path with data, durably, and fails with ErrWritten if
// it exists: the approval and return records of a version are written
// once and never rewritten. A crash part-way leaves no file or a whole one
// (it is written beside, then linked into place).
func WriteOnce(path string, data []byte) error {
	tmp, err := writeBeside(path, data)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	// A hard link fails if the target exists, where a rename would
	// replace it; a file system without links gets an exclusive create.
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%w: %s", ErrWritten, path)
		}
		if err := writeSynced(path, data); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("%w: %s", ErrWritten, path)
			}
			return err
		}
	}
	return syncDir(filepath.Dir(path))
}
