package testtools

import (
	"os"
	"testing"

	"github.com/mn2010/baocao/internal/strictoml"
)

// DecodeConfig decodes the keys of the config file at path that each of
// into declares (a package's Settings), as internal/config does for the
// command line; the test provisions them. Tests of packages under
// reports/ read the example config this way, without internal/config.
func DecodeConfig(t testing.TB, path string, into ...any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range into {
		if err := strictoml.DecodeKnown(path, data, v); err != nil {
			t.Fatal(err)
		}
	}
}
