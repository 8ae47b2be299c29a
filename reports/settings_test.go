package reports

import (
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
