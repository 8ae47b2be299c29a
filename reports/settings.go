package reports

import (
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/sources"
)

// ErrSettings is wrapped by every error about settings the maker cannot
// use (a source the plan does not read, texts that do not load).
var ErrSettings = catalog.NewClass(catalog.ClassConfig).WithFault(fault.BadInput)

// Settings are what the maker reads from the config file: where the plan,
// the texts, the sources and the archive are, who the unit is, and each
// report's period. The keys are those of the file (docs/config.md);
// internal/config decodes them and Provision completes them.
type Settings struct {
	TimeZone        string             `toml:"timezone"`
	Archive         string             `toml:"archive"`
	Plan            string             `toml:"plan"`
	TemplatesDir    string             `toml:"templates_dir"`
	OfficialDomains []string           `toml:"official_domains"`
	Unit            Unit               `toml:"unit"`
	Limits          Limits             `toml:"limits"`
	Sources         map[string]Source  `toml:"sources"`
	Reports         map[string]*Report `toml:"reports"`
	Document        Document           `toml:"document"`
	// The password files ([smtp] and [web] password_file): no source may
	// be read from them (Private).
	SMTP secretFile `toml:"smtp"`
	Web  secretFile `toml:"web"`

	// Set by Provision.
	Dir      string         `toml:"-"` // the config file's folder: relative paths start there
	File     string         `toml:"-"` // the config file, absolute
	Location *time.Location `toml:"-"`
}

// Unit names the unit that issues the report and who signs it.
type Unit struct {
	Parent      string `toml:"parent"`       // "Ủy ban nhân dân Quận 1"
	Name        string `toml:"name"`         // "Trường Mầm non 20/10"
	Place       string `toml:"place"`        // "Quận 1", for the date line
	Symbol      string `toml:"symbol"`       // "MN2010", for "Số: …/BC-MN2010"
	SignerTitle string `toml:"signer_title"` // "Hiệu trưởng"
	SignerName  string `toml:"signer_name"`
	// Recipients listed under "Nơi nhận:" before "Lưu: VT."; when empty,
	// those of the texts.
	Recipients []string `toml:"recipients"`
	// Addressees follow "Kính gửi:" (Nghị định 30, Phụ lục I, ô 9a): the
	// bodies the report is sent to, unless a report names its own. When
	// empty, the recipients above.
	Addressees []string `toml:"addressees"`
	// Drafter and Copies complete "Nơi nhận"'s last line, "- Lưu: VT,
	// <drafter>, <copies>.": the drafting unit's abbreviation and the
	// number of copies kept; "- Lưu: VT." when unset.
	Drafter string `toml:"drafter"`
	Copies  int    `toml:"copies"`
}

// Document sets how the documents are typeset.
type Document struct {
	// FontsDir is a folder holding Times New Roman's four files
	// (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf or the "Times New
	// Roman*.ttf" names), looked at before the system's font folders.
	FontsDir string `toml:"fonts_dir"`
	// Numbering says how the outgoing register numbers documents: "all"
	// (one sequence a year for every type, the default) or "type" (one
	// per type: BC, CV, …); internal/config checks the value.
	Numbering string `toml:"numbering"`
}

// secretFile is a table's password_file key.
type secretFile struct {
	PasswordFile string `toml:"password_file"`
}

// Limits bound the cost of reading a source.
type Limits struct {
	MaxFileMB  int64 `toml:"max_file_mb"`
	MaxUnzipMB int64 `toml:"max_unzip_mb"`
}

// Source names one source file.
type Source struct {
	Path    string              `toml:"path"`
	Sheet   string              `toml:"sheet"`
	Aliases map[string][]string `toml:"aliases"`
}

// Report is what the maker needs of one [reports.ID] table.
type Report struct {
	// Name is what people read for the report, on the page, in the
	// workbook and on the command line ("Báo cáo quý"); by default its
	// period's (KindName). The report's key (monthly, …) never shows.
	Name       string `toml:"name"`
	Title      string `toml:"title"`
	Period     string `toml:"period"`
	Boundaries string `toml:"boundaries"`
	// Series adds the monthly values of the ratio indicators over the year
	// so far, with charts; on by default for half-year and year reports.
	Series *bool `toml:"series"`
	// Addressees follow "Kính gửi:" in this report; when empty, the
	// unit's.
	Addressees []string `toml:"addressees"`

	Kind     period.Kind     `toml:"-"` // set by Provision
	Boundary period.Boundary `toml:"-"`
}

// DefaultTimeZone is the time zone when the config names none.
const DefaultTimeZone = "Asia/Ho_Chi_Minh"

// Provision completes settings decoded from the config file at file:
// defaults, the time zone, each report's period kind and boundaries. An
// error names the key.
func (s *Settings) Provision(file string) error {
	if file != "" {
		abs, err := filepath.Abs(file)
		if err != nil {
			return err
		}
		s.File, s.Dir = abs, filepath.Dir(abs)
	}
	if s.TimeZone == "" {
		s.TimeZone = DefaultTimeZone
	}
	loc, err := time.LoadLocation(s.TimeZone)
	if err != nil {
		return catalog.CfgTimezone.Errorf(s.TimeZone)
	}
	s.Location = loc
	if s.Archive == "" {
		s.Archive = "archive"
	}
	for _, id := range s.ReportIDs() {
		r := s.Reports[id]
		if r.Kind, err = period.ParseKind(r.Period); err != nil {
			return catalog.CfgKey.Errorf(id, "period", err)
		}
		if r.Boundary, err = period.ParseBoundary(r.Boundaries); err != nil {
			return catalog.CfgKey.Errorf(id, "boundaries", err)
		}
	}
	if len(s.Reports) == 0 {
		return catalog.CfgNoReports.Errorf()
	}
	return nil
}

// WantsSeries reports whether the report shows the monthly series.
func (r *Report) WantsSeries() bool {
	if r.Series != nil {
		return *r.Series
	}
	return r.Kind == period.HalfYear || r.Kind == period.Year
}

// ReportIDs lists the reports: by period (tháng, quý, 6 tháng, năm), then
// by id.
func (s *Settings) ReportIDs() []string {
	ids := make([]string, 0, len(s.Reports))
	for id := range s.Reports {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		ki, kj := kindRank(s.Reports[ids[i]].Kind), kindRank(s.Reports[ids[j]].Kind)
		if ki != kj {
			return ki < kj
		}
		return ids[i] < ids[j]
	})
	return ids
}

// KindName is the Vietnamese name of a report of kind k: "Báo cáo tháng",
// "Báo cáo quý", "Báo cáo 6 tháng", "Báo cáo năm".
func KindName(k period.Kind) string {
	switch k {
	case period.Month:
		return "Báo cáo tháng"
	case period.Quarter:
		return "Báo cáo quý"
	case period.HalfYear:
		return "Báo cáo 6 tháng"
	case period.Year:
		return "Báo cáo năm"
	}
	return "Báo cáo"
}

func kindRank(k period.Kind) int {
	for i, o := range []period.Kind{period.Month, period.Quarter, period.HalfYear, period.Year} {
		if k == o {
			return i
		}
	}
	return 4
}

// DisplayName is the report's name for people: name, else title, else
// its period's (KindName).
func (r *Report) DisplayName() string {
	switch {
	case strings.TrimSpace(r.Name) != "":
		return strings.TrimSpace(r.Name)
	case strings.TrimSpace(r.Title) != "":
		return strings.TrimSpace(r.Title)
	}
	return KindName(r.Kind)
}

// ReportName is the display name of report id, or id itself when the
// settings have no such report.
func (s *Settings) ReportName(id string) string {
	if r, ok := s.Reports[id]; ok {
		return r.DisplayName()
	}
	return id
}

// Path resolves p relative to the config file's folder.
func (s *Settings) Path(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(s.Dir, p)
}

// Display gives a path as written relative to the config's folder, with
// forward slashes, for manifests.
func (s *Settings) Display(p string) string {
	if rel, err := filepath.Rel(s.Dir, p); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(p)
}

// Specs returns the source specs, paths resolved, limits applied.
func (s *Settings) Specs() map[string]sources.Spec {
	lim := sources.DefaultLimits
	if s.Limits.MaxFileMB > 0 {
		lim.MaxFileBytes = s.Limits.MaxFileMB << 20
	}
	if s.Limits.MaxUnzipMB > 0 {
		lim.MaxUnzipBytes = s.Limits.MaxUnzipMB << 20
	}
	specs := map[string]sources.Spec{}
	private := s.Private()
	for name, src := range s.Sources {
		specs[name] = sources.Spec{Name: name, Path: s.Path(src.Path), Sheet: src.Sheet, Aliases: src.Aliases, Limits: lim, Private: private}
	}
	return specs
}

// Private lists what no source may be read from: the archive and the
// password files.
func (s *Settings) Private() []string {
	out := []string{s.Path(s.Archive)}
	for _, f := range []string{s.SMTP.PasswordFile, s.Web.PasswordFile} {
		if f != "" {
			out = append(out, s.Path(f))
		}
	}
	return out
}
