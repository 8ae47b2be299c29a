package sources

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
)

// A source's path may name several files: a glob pattern
// ("exports/Yoyoschool*.xlsx") or a folder. Then the newest file (by
// modification time) whose headers are the source's is read; a newer
// file that is not, or two equally new files, are warnings naming both.

// IsPattern reports whether path is a glob pattern or a folder, rather
// than one file.
func IsPattern(path string) bool {
	if strings.ContainsAny(path, "*?[") {
		return true
	}
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// candidate is a file a pattern or folder names.
type candidate struct {
	path string
	mod  time.Time
}

// readable is what a pattern or folder may pick: workbooks and CSV files,
// not Excel's lock files (~$name.xlsx) nor hidden ones.
func readable(name string) bool {
	if strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") {
		return false
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm", ".csv":
		return true
	}
	return false
}

// candidates lists the files path names, newest first (then by name).
func candidates(path string) ([]candidate, error) {
	var paths []string
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		entries, err := os.ReadDir(path)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			paths = append(paths, filepath.Join(path, e.Name()))
		}
	} else {
		var err error
		if paths, err = filepath.Glob(path); err != nil {
			return nil, err
		}
	}
	var out []candidate
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || !st.Mode().IsRegular() || !readable(filepath.Base(p)) {
			continue
		}
		out = append(out, candidate{p, st.ModTime().Truncate(time.Second)})
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].mod.Equal(out[j].mod) {
			return out[i].mod.After(out[j].mod)
		}
		return out[i].path < out[j].path
	})
	return out, nil
}

// readNewest reads the newest of the files spec.Path names whose headers
// are the schema's.
func readNewest(spec Spec, schema *Schema) (*Result, error) {
	fail := func(msg string, err error) error {
		return &SourceError{Source: spec.Name, File: spec.Path, Message: msg, Err: err}
	}
	cands, err := candidates(spec.Path)
	if err != nil {
		return nil, fail(catalog.SourceNoCandidate.F(spec.Path), err)
	}
	if len(cands) == 0 {
		if st, err := os.Stat(spec.Path); err == nil && st.IsDir() {
			return nil, fail(catalog.SourceEmptyFolder.F(spec.Path), nil)
		}
		return nil, fail(catalog.SourceNoCandidate.F(spec.Path), nil)
	}
	var firstErr error
	for i, c := range cands {
		one := spec
		one.Path = c.path
		res, err := readOne(one, schema)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		res.Path = c.path
		var warn []string
		if i > 0 { // a newer file was not the source's
			warn = append(warn, catalog.SourceNewerSkip.F(cands[0].path, reason(firstErr), c.path))
		}
		for _, o := range cands {
			if o.path != c.path && o.mod.Equal(c.mod) {
				warn = append(warn, catalog.SourceSameTime.F(c.path, o.path, c.mod.Local().Format("15:04:05 02/01/2006"), c.path))
				break
			}
		}
		for _, w := range warn {
			res.Issues = append([]Issue{{Severity: Warning, Source: spec.Name, File: c.path, Message: w}}, res.Issues...)
		}
		res.Notes = warn
		return res, nil
	}
	return nil, fail(catalog.SourceNoneMatch.F(spec.Path, cands[0].path, reason(firstErr)), nil)
}

// reason is what a source error says, without its source and file.
func reason(err error) string {
	var se *SourceError
	if errors.As(err, &se) {
		return se.Message
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

// Files lists the files path names: the one file, or a pattern's or
// folder's readable files, newest first.
func Files(path string) []string {
	if !IsPattern(path) {
		return []string{path}
	}
	cands, _ := candidates(path)
	out := make([]string, len(cands))
	for i, c := range cands {
		out[i] = c.path
	}
	return out
}
