package reports

import (
	"path/filepath"
	"testing"

	"github.com/mn2010/baocao/internal/testtools"
)

// loadSettings reads the maker's settings from a config file, as the
// command line does (internal/config decodes, Provision completes).
func loadSettings(t testing.TB, path string) (*Settings, error) {
	t.Helper()
	s := &Settings{}
	testtools.DecodeConfig(t, path, s)
	return s, s.Provision(path)
}

// TestSourcePathsFromTheConfigsFolder: a source's path is read relative to
// the config file's folder, and a manifest shows it as written there.
func TestSourcePathsFromTheConfigsFolder(t *testing.T) {
	s, err := loadSettings(t, "../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	got := s.Specs()["dossiers"].Path
	if want := filepath.Join(s.Dir, "examples", "data", "ho-so-tthc.xlsx"); got != want {
		t.Errorf("dossiers read from %s, want %s", got, want)
	}
	if d := s.Display(got); d != "examples/data/ho-so-tthc.xlsx" {
		t.Errorf("the manifest would show %s", d)
	}
}
