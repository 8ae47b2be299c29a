package reports

import (
	"os"
	"path/filepath"
	"strings"
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

// TestEmptyRecipientsKeptEmpty: `recipients = []` (what baocao init writes
// when the clerk names no other recipient) reaches the document as an
// empty list, which means none, not as a missing key, which means the
// texts' list (render.Doc.recipientList).
func TestEmptyRecipientsKeptEmpty(t *testing.T) {
	b, err := os.ReadFile("../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	const line = `recipients = ["Phòng Nội vụ Quận 1"]`
	if !strings.Contains(string(b), line) {
		t.Fatalf("the example config no longer has %s", line)
	}
	for _, tt := range []struct {
		with string
		none bool // an empty, non-nil list
	}{{"recipients = []", true}, {"", false}} {
		path := filepath.Join(t.TempDir(), "config.toml")
		text := strings.Replace(string(b), line, tt.with, 1)
		text = strings.ReplaceAll(text, `path = "examples/`, `path = "`+filepath.ToSlash(filepath.Join(must(filepath.Abs("..")), "examples"))+`/`)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := loadSettings(t, path)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Unit.Recipients; (got != nil && len(got) == 0) != tt.none {
			t.Errorf("%q: Unit.Recipients = %#v", tt.with, got)
		}
	}
}

func must(s string, err error) string {
	if err != nil {
		panic(err)
	}
	return s
}
