package setup

import (
	"errors"
	"fmt"
	"github.com/mn2010/baocao/internal/catalog"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/mn2010/baocao/sources"
)

// Found is what FindSources found in a folder.
type Found struct {
	Dir     string
	Paths   map[string]string // source name → file (absolute)
	Missing []string          // sources no file matched, sorted
	Notes   []string          // Vietnamese: old .xls files, several candidates
}

// ErrNoFolder is returned for a folder that does not exist.
var ErrNoFolder = catalog.NewClass(catalog.IeNoSuchFolder)

// SearchDepth is how many levels of subfolders FindSources looks in: a
// parent folder whose subfolders hold the workbooks is found.
const SearchDepth = 2

// maxFiles bounds how many files FindSources looks at.
const maxFiles = 2000

// filesBelow lists the files in dir and in its subfolders down to depth
// levels, hidden folders aside, files of a folder before its subfolders'.
func filesBelow(dir string, depth int) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files, dirs []string
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		switch {
		case strings.HasPrefix(e.Name(), "."):
		case e.IsDir():
			dirs = append(dirs, p)
		case e.Type().IsRegular():
			files = append(files, p)
		}
	}
	if depth > 0 {
		for _, d := range dirs {
			if len(files) >= maxFiles {
				break
			}
			sub, err := filesBelow(d, depth-1)
			if err == nil {
				files = append(files, sub...)
			}
		}
	}
	if len(files) > maxFiles {
		files = files[:maxFiles]
	}
	return files, nil
}

// FindSources looks at every .xlsx and .csv file in dir and its subfolders
// (SearchDepth levels down) and
// decides which source each holds by its header row, with the sources
// package's header detection (the first of the first rows holding every
// required column, names compared without regard to case, Unicode form
// and, when unambiguous, diacritics). A file the plan names by its usual
// file name wins over another candidate.
func FindSources(dir string, schemas map[string]*sources.Schema, usual map[string]string) (*Found, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("setup: %w", err)
	}
	files, err := filesBelow(abs, SearchDepth)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%w: %s", ErrNoFolder, abs)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", abs, err)
	}
	f := &Found{Dir: abs, Paths: map[string]string{}}
	names := make([]string, 0, len(schemas))
	for n := range schemas {
		names = append(names, n)
	}
	sort.Strings(names)
	candidates := map[string][]string{}
	for _, path := range files {
		name := filepath.Base(path)
		ext := strings.ToLower(filepath.Ext(name))
		if strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") {
			continue // Excel's lock files, hidden files
		}
		switch ext {
		case ".xls":
			f.Notes = append(f.Notes, catalog.IeOldXLS.F(rel(abs, path)))
			continue
		case ".xlsx", ".csv":
		default:
			continue
		}
		for _, n := range names {
			// Keep no column: only the header matters here.
			spec := sources.Spec{Name: n, Path: path, Keep: []string{}}
			if _, err := sources.Read(spec, schemas[n]); err == nil {
				candidates[n] = append(candidates[n], path)
			}
		}
	}
	for _, n := range names {
		c := candidates[n]
		switch len(c) {
		case 0:
			f.Missing = append(f.Missing, n)
			continue
		case 1:
			f.Paths[n] = c[0]
			continue
		}
		pick := c[0]
		if i := slices.IndexFunc(c, func(p string) bool { return filepath.Base(p) == usual[n] }); i >= 0 {
			pick = c[i]
		}
		f.Paths[n] = pick
		var base []string
		for _, p := range c {
			base = append(base, rel(abs, p))
		}
		f.Notes = append(f.Notes, catalog.IeSeveral.F(Title(n, schemas), strings.Join(base, ", "), rel(abs, pick), n))
	}
	return f, nil
}

// Title is a source's Vietnamese title from the plan ("sổ theo dõi hồ
// sơ"), or its name.
func Title(name string, schemas map[string]*sources.Schema) string {
	if s := schemas[name]; s != nil && s.Title != "" {
		return s.Title
	}
	return name
}

// RequiredHeaders lists a source's required column headers.
func RequiredHeaders(s *sources.Schema) []string {
	var out []string
	for _, c := range s.Columns {
		if c.Required {
			out = append(out, c.Header)
		}
	}
	return out
}
