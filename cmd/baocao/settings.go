package main

import (
	"fmt"

	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/daemon"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/workflow"
	"github.com/mn2010/baocao/reports/workflow/page"
)

// conf is the config file read into the settings of each package that
// owns some of its keys: the maker's (reports), the workflow's, the
// daemon's (schedules) and the mail server's (delivery). The command line
// is the one place that reads the file (internal/config) and hands each
// package its own settings.
type conf struct {
	*config.Config
	maker    *reports.Settings
	workflow *workflow.Settings
	daemon   *daemon.Settings
	mail     delivery.SMTP
}

// settingsOf decodes and provisions the packages' settings from a loaded
// config. An error is config.ErrInvalid naming the file and the key.
func settingsOf(cfg *config.Config) (*conf, error) {
	p := &conf{Config: cfg, maker: &reports.Settings{}, workflow: &workflow.Settings{}, daemon: &daemon.Settings{}}
	for _, v := range []any{p.maker, p.workflow, p.daemon, delivery.Table(&p.mail)} {
		if err := cfg.Into(v); err != nil {
			return nil, err
		}
	}
	invalid := func(err error) error { return fmt.Errorf("%w: %s: %v", config.ErrInvalid, cfg.File, err) }
	if err := p.maker.Provision(cfg.File); err != nil {
		return nil, invalid(err)
	}
	if err := p.workflow.Provision(p.maker); err != nil {
		return nil, invalid(err)
	}
	p.mail.Provision()
	p.daemon.Maker, p.daemon.Workflow, p.daemon.Mail = p.maker, p.workflow, p.mail
	return p, nil
}

// pageSettings are the page backend's settings: the mail server and the
// schedules it shows.
func (p *conf) pageSettings() page.Settings {
	s := page.Settings{Mail: p.mail, Schedules: map[string]string{}}
	for id, r := range p.daemon.Reports {
		if r != nil && r.Schedule != "" {
			s.Schedules[id] = r.Schedule
		}
	}
	return s
}

// newFlow opens the maker and the workflow of p; opts tune the maker.
func (p *conf) newFlow(opts ...reports.MakerOption) (*workflow.Flow, error) {
	m, err := reports.NewMaker(p.maker, nil, opts...)
	if err != nil {
		return nil, err
	}
	f := workflow.New(m, p.workflow)
	setReviewPage(p.Config, f)
	f.SetAccounts(accountsOf(p.Config))
	return f, nil
}

// ReportName is the name people read for report id (reports.Report.DisplayName).
func (p *conf) ReportName(id string) string { return p.maker.ReportName(id) }

// ReportIDs lists the reports in the order people read them: by period
// (tháng, quý, 6 tháng, năm), then by id.
func (p *conf) ReportIDs() []string { return p.maker.ReportIDs() }
