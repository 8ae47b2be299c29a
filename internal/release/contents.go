package release

import (
	"fmt"
	"path/filepath"
	"sort"
)

// Folder is the one folder a release zip unpacks into, whatever its
// version: unzipped into C:\ it is C:\baocao, into /opt it is
// /opt/baocao, as docs/huong-dan.md says.
const Folder = "baocao"

// contentGlobs are the files every release zip holds besides the program,
// relative to the repository root: the example config, every page of docs/
// and the pictures they show (the guide and the config point to them), the
// service unit of deploy/, and the example data.
var contentGlobs = []string{"config.example.toml", "docs/*.md", "docs/*.png", "deploy/*", "examples/data/*.xlsx"}

// Contents lists the files of root every release zip holds besides the
// program, sorted, with forward slashes (scripts/release.sh reads them
// from `go run ./scripts/mkzip -contents`).
func Contents(root string) ([]string, error) {
	var out []string
	for _, g := range contentGlobs {
		m, err := filepath.Glob(filepath.Join(root, filepath.FromSlash(g)))
		if err != nil {
			return nil, fmt.Errorf("release: %s: %w", g, err)
		}
		if len(m) == 0 {
			return nil, fmt.Errorf("release: no file matches %s in %s", g, root)
		}
		for _, p := range m {
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return nil, fmt.Errorf("release: %w", err)
			}
			out = append(out, filepath.ToSlash(rel))
		}
	}
	sort.Strings(out)
	return out, nil
}
