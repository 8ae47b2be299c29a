package workflow

import (
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/testtools"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
)

// loadExample reads the maker's and the workflow's settings from a config
// file, as the command line does, archiving into a temporary folder.
func loadExample(t testing.TB, path string) (*reports.Settings, *Settings) {
	t.Helper()
	rs, ws := &reports.Settings{}, &Settings{}
	testtools.DecodeConfig(t, path, rs, ws)
	if err := rs.Provision(path); err != nil {
		t.Fatal(err)
	}
	if err := ws.Provision(rs); err != nil {
		t.Fatal(err)
	}
	rs.Archive = t.TempDir()
	return rs, ws
}

// newFlow is the workflow of a maker of rs and ws with the clock now.
func newFlow(t testing.TB, rs *reports.Settings, ws *Settings, now func() time.Time, opts ...reports.MakerOption) *Flow {
	t.Helper()
	m, err := reports.NewMaker(rs, now, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return New(m, ws)
}

// exampleMaker is the workflow of the example config, archiving into a
// temporary folder, whose clock says 07:00 on the given day.
func exampleMaker(t *testing.T, year int, month time.Month, day int) *Flow {
	t.Helper()
	rs, ws := loadExample(t, "../../config.example.toml")
	return newFlow(t, rs, ws, func() time.Time { return time.Date(year, month, day, 7, 0, 0, 0, rs.Location) })
}

// makeWith makes a report with m.
func makeWith(t *testing.T, m *Flow, report, label string, opt reports.Options) (archive.Entry, *reports.Manifest) {
	t.Helper()
	p, err := m.Period(report, label)
	if err != nil {
		t.Fatal(err)
	}
	e, man, err := m.Make(report, p, opt)
	if err != nil {
		t.Fatal(err)
	}
	return e, man
}
