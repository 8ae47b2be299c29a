package daemon

import (
	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/workflow"
)

// Settings are what the daemon runs with: its own keys (each report's
// schedule) and the settings of the packages it drives, all read from the
// one config file. A reload replaces them whole.
type Settings struct {
	Reports map[string]*Schedule `toml:"reports"`

	// The settings of what the daemon drives, provisioned by the caller.
	Maker    *reports.Settings  `toml:"-"`
	Workflow *workflow.Settings `toml:"-"`
	Mail     delivery.SMTP      `toml:"-"` // Host "": no mail
}

// Schedule is the daemon's key of one [reports.ID] table.
type Schedule struct {
	Schedule string `toml:"schedule"` // a cron spec; "" runs only by hand
}

// ErrSettings is wrapped by errors about settings the daemon cannot use
// (a schedule that does not parse).
var ErrSettings = catalog.NewClass(catalog.ClassConfig).WithFault(fault.BadInput)
