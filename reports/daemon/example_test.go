package daemon

import (
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/testtools"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/workflow"
)

// loadSettings reads the daemon's settings, with the maker's, the
// workflow's and the mail server's, from a config file as the command line
// does.
func loadSettings(t testing.TB, path string) (*Settings, error) {
	t.Helper()
	s := &Settings{Maker: &reports.Settings{}, Workflow: &workflow.Settings{}}
	testtools.DecodeConfig(t, path, s, s.Maker, s.Workflow, delivery.Table(&s.Mail))
	if err := s.Maker.Provision(path); err != nil {
		return nil, err
	}
	if err := s.Workflow.Provision(s.Maker); err != nil {
		return nil, err
	}
	s.Mail.Provision()
	return s, nil
}

// newFlow is the workflow of cfg with the clock now.
func newFlow(cfg *Settings, now func() time.Time) (*workflow.Flow, error) {
	m, err := reports.NewMaker(cfg.Maker, now)
	if err != nil {
		return nil, err
	}
	return workflow.New(m, cfg.Workflow), nil
}
