package workflow

import (
	"time"

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/render"
)

// Flow is the life of a config's versions after they are made: the
// messages (to the district, to reviewers, reminders, notices), the
// review step's records and each version's story. It makes versions with
// the reports.Maker it embeds; a Job runs the steps under the report's
// lock.
type Flow struct {
	*reports.Maker
	cfg   *Settings
	texts *render.Texts
	store *archive.Store
	now   func() time.Time
	// reviewLink, if set, links a draft's page on the staff web page.
	reviewLink func(e archive.Entry) string
	// localPage tells that the staff page listens on the server only:
	// the review message says the draft is there, with no link.
	localPage bool
	// accounts, if set, give the approvers' names, titles and addresses.
	accounts *accounts.Store
}

// New returns the workflow of the versions m makes; s is provisioned
// (Settings.Provision) with m's settings.
func New(m *reports.Maker, s *Settings) *Flow {
	return &Flow{Maker: m, cfg: s, texts: m.Texts(), store: m.Store(), now: m.Now}
}

// Settings are the settings the workflow was made with.
func (m *Flow) Settings() *Settings { return m.cfg }

func (m *Flow) unit() render.Unit { return m.Unit() }

// reportName is the name people read for a report (reports.Report.DisplayName).
func (m *Flow) reportName(id string) string { return m.Maker.Settings().ReportName(id) }

// ref names version e for a person: "Báo cáo quý kỳ 2024-Q1, phiên bản 2"
// ("quarterly/2024-Q1 v2" in English).
func (m *Flow) ref(e archive.Entry) catalog.Phrase {
	return catalog.WfVersion.P(m.reportName(e.Report), e.Report, e.Period, e.Version)
}
