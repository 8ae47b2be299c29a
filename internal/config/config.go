package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"

	"github.com/mn2010/baocao/internal/strictoml"
	"github.com/mn2010/baocao/sources"
)

// ErrInvalid is wrapped by every error about a config that cannot be used.
var ErrInvalid = catalog.NewClass(catalog.ClassConfig).WithFault(fault.BadInput)

// Config is the whole configuration.
type Config struct {
	TimeZone        string             `toml:"timezone"`
	Archive         string             `toml:"archive"`
	Plan            string             `toml:"plan"`
	TemplatesDir    string             `toml:"templates_dir"`
	OfficialDomains []string           `toml:"official_domains"`
	Unit            Unit               `toml:"unit"`
	Limits          Limits             `toml:"limits"`
	Sources         map[string]Source  `toml:"sources"`
	Reports         map[string]*Report `toml:"reports"`
	SMTP            SMTP               `toml:"smtp"`
	Web             Web                `toml:"web"`
	Document        Document           `toml:"document"`
	// Signed are the checks of signed copies (docs/duyet-bao-cao.md);
	// reports/workflow reads them (workflow.Settings.Signed).
	Signed Signed `toml:"signed"`

	// Set by Load.
	Warnings []string       `toml:"-"` // things that work but should be fixed
	Dir      string         `toml:"-"` // the config file's folder
	File     string         `toml:"-"`
	Location *time.Location `toml:"-"`
	data     []byte         // the file as read, for Into
}

// Signed is [signed]: how signed copies are checked.
type Signed struct {
	TrustedRoots string `toml:"trusted_roots"` // a PEM file of trusted roots
	MaxMB        int64  `toml:"max_mb"`        // the size limit of a signed copy (20)
}

// Unit names the unit that issues the report and who signs it.
type Unit struct {
	Parent      string `toml:"parent"`       // "Ủy ban nhân dân Quận 1"
	Name        string `toml:"name"`         // "Trường Mầm non 20/10"
	Place       string `toml:"place"`        // "Quận 1", for the date line
	Symbol      string `toml:"symbol"`       // "MN2010", for "Số: …/BC-MN2010"
	SignerTitle string `toml:"signer_title"` // "Hiệu trưởng"
	SignerName  string `toml:"signer_name"`
	AdminEmail  string `toml:"admin_email"`
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
	// per type: BC, CV, …). baocao proposes the next free number from it.
	Numbering string `toml:"numbering"`
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

// Report is one report under [reports.ID].
type Report struct {
	// Name is what people read for the report (reports.Report.DisplayName).
	Name       string   `toml:"name"`
	Title      string   `toml:"title"`
	Period     string   `toml:"period"`
	Boundaries string   `toml:"boundaries"`
	Schedule   string   `toml:"schedule"`
	To         []string `toml:"to"`
	Cc         []string `toml:"cc"`
	// Attach lists the files the district's message carries (DefaultAttach
	// when unset).
	Attach []FileKind `toml:"attach"`
	// Approvers are the accounts (`baocao user`) that approve a version
	// before it goes to the district: the review message goes to their
	// e-mail addresses. The principal (role hieu-truong) approves any
	// report; a deputy only those that name the account. None (and no
	// reviewers): the report is sent at once.
	Approvers []string `toml:"approvers"`
	// Reviewers is the setting of before accounts ("Name <address>",
	// checked like to/cc): still honoured for the review message, but
	// approving needs an approver's account; `baocao init --upgrade`
	// turns it into approvers.
	Reviewers []string `toml:"reviewers"`
	// DeadlineDay is the day of the month, after the period's cut-off, by
	// which the report is due (workflow.Report.DeadlineDay): 1–28, default 20.
	// Set by Load from the deadline_day key.
	DeadlineDay int  `toml:"-"`
	DeadlineKey *int `toml:"deadline_day"`
	// Series adds the monthly values of the ratio indicators over the year
	// so far, with charts; on by default for half-year and year reports.
	Series *bool `toml:"series"`
	// EmailThreshold: the e-mail lists each indicator whose value moved
	// from the previous period by more than this many percentage points
	// (default 5); any change of a rank or a yes/no is listed.
	EmailThreshold *float64 `toml:"email_threshold"`
	// Addressees follow "Kính gửi:" in this report; when empty, the
	// unit's.
	Addressees []string `toml:"addressees"`
	// RequireSigned: the district gets only the signed copy. An approved
	// version waits ("chờ ký số") until `baocao signed` or the page brings
	// the PDF signed by the unit's signing tool, and is sent then.
	RequireSigned bool `toml:"require_signed"`

	Kind     Kind     `toml:"-"`
	Boundary Boundary `toml:"-"`
}

// kindRank orders the kinds: tháng, quý, 6 tháng, năm.
func kindRank(k Kind) int {
	for i, o := range []Kind{Month, Quarter, HalfYear, Year} {
		if k == o {
			return i
		}
	}
	return 4
}

// WantsSeries reports whether the report shows the monthly series.
func (r *Report) WantsSeries() bool {
	if r.Series != nil {
		return *r.Series
	}
	return r.Kind == HalfYear || r.Kind == Year
}

// DefaultEmailThreshold is the e-mail's change threshold in percentage
// points when a report sets none.
const DefaultEmailThreshold = 5.0

// Threshold is the report's e-mail change threshold as a fraction (5
// percentage points = 0.05).
func (r *Report) Threshold() float64 {
	if r.EmailThreshold != nil {
		return *r.EmailThreshold / 100
	}
	return DefaultEmailThreshold / 100
}

// SMTP is the mail server used for delivery.
type SMTP struct {
	Host         string `toml:"host"`
	Port         int    `toml:"port"`
	Security     string `toml:"security"`
	Username     string `toml:"username"`
	Password     string `toml:"password"`
	PasswordEnv  string `toml:"password_env"`
	PasswordFile string `toml:"password_file"`
	From         string `toml:"from"`
	CAFile       string `toml:"ca_file"`
	// MaxAttachmentMB refuses to send attachments larger than this (20).
	MaxAttachmentMB int64 `toml:"max_attachment_mb"`
	// RetrySeconds are the waits between tries after a transient failure
	// (5, 15, 40: four tries over about a minute).
	RetrySeconds []int `toml:"retry_seconds"`
}

// Web is the staff's web page (`baocao web`, and `baocao serve` when
// Listen is set).
type Web struct {
	// Listen is the address the page listens on (DefaultWebListen when
	// empty). Any address other than this machine needs a password.
	// `baocao serve` serves the page only when it is set.
	Listen       string `toml:"listen"`
	PasswordEnv  string `toml:"password_env"`
	PasswordFile string `toml:"password_file"`
	// PublicURL is the page's address as the reviewers' mail reaches it
	// (e.g. "http://192.168.1.10:8080"), for the link in review messages;
	// when empty, a loopback Listen gives http://LISTEN/ and any other
	// gives no link.
	PublicURL string `toml:"public_url"`
}

// DefaultWebListen is [web] listen when unset: this machine only.
const DefaultWebListen = "127.0.0.1:8080"

// Load reads and checks the config at path.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrInvalid, catalog.ConfigNotFound.F(path))
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrInvalid, catalog.FileError(path, err))
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	c := &Config{}
	if err := strictoml.Decode(path, data, c); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	c.File, c.Dir, c.data = abs, filepath.Dir(abs), data
	if err := c.check(); err != nil {
		return nil, ErrInvalid.Wrap(catalog.CfgInFile.Errorf(path, err))
	}
	return c, nil
}

func (c *Config) check() error {
	if c.TimeZone == "" {
		c.TimeZone = "Asia/Ho_Chi_Minh"
	}
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		return catalog.CfgTimezone.Errorf(c.TimeZone)
	}
	c.Location = loc
	if c.Archive == "" {
		c.Archive = "archive"
	}
	if c.Unit.Name == "" {
		return catalog.CfgUnitName.Errorf()
	}
	for _, id := range c.ReportIDs() {
		r := c.Reports[id]
		if r.Kind, err = ParseKind(r.Period); err != nil {
			return catalog.CfgKey.Errorf(id, "period", err)
		}
		if r.Boundary, err = ParseBoundary(r.Boundaries); err != nil {
			return catalog.CfgKey.Errorf(id, "boundaries", err)
		}
		if err := c.checkReport(id, r); err != nil {
			return err
		}
	}
	if n := c.Document.Numbering; n != "" && n != "all" && n != "type" {
		return catalog.CfgNumbering.Errorf(n)
	}
	if c.Unit.Copies < 0 {
		return catalog.CfgCopies.Errorf(c.Unit.Copies)
	}
	if c.Unit.AdminEmail != "" {
		if err := checkAddress(c.Unit.AdminEmail); err != nil {
			return catalog.CfgAdminEmail.Errorf(err)
		}
	}
	if c.Warnings, err = c.checkSMTP(); err != nil {
		return err
	}
	if c.Web.PasswordEnv != "" && c.Web.PasswordFile != "" {
		return catalog.CfgPasswordBoth.Errorf("web")
	}
	if u := c.Web.PublicURL; u != "" {
		if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.RawQuery != "" || p.Fragment != "" {
			return catalog.CfgPublicURL.Errorf(u)
		}
	}
	if len(c.Reports) == 0 {
		return catalog.CfgNoReports.Errorf()
	}
	if c.Signed.MaxMB < 0 {
		return catalog.CfgSignedMaxMB.Errorf(c.Signed.MaxMB)
	}
	return c.checkPlaces()
}

// Into decodes the file's keys that v declares into v: the settings of a
// package (reports.Settings, workflow.Settings, …), which the caller then
// provisions. A value that does not fit is ErrInvalid naming its line.
func (c *Config) Into(v any) error {
	if err := strictoml.DecodeKnown(c.File, c.data, v); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return nil
}

// ReportIDs lists the reports, sorted.
func (c *Config) ReportIDs() []string {
	ids := make([]string, 0, len(c.Reports))
	for id := range c.Reports {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { // tháng, quý, 6 tháng, năm
		ki, kj := kindRank(c.Reports[ids[i]].Kind), kindRank(c.Reports[ids[j]].Kind)
		if ki != kj {
			return ki < kj
		}
		return ids[i] < ids[j]
	})
	return ids
}

// Path resolves p relative to the config file's folder.
func (c *Config) Path(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(c.Dir, p)
}

// Private lists what no source may be read from: the archive and the
// password files.
func (c *Config) Private() []string {
	out := []string{c.Path(c.Archive)}
	for _, f := range []string{c.SMTP.PasswordFile, c.Web.PasswordFile} {
		if f != "" {
			out = append(out, c.Path(f))
		}
	}
	return out
}

// checkPlaces refuses an archive that is a source's file or holds one, or
// sits inside one, and a source that is (or links into) a password file:
// the archive would be read as data, and a password echoed.
func (c *Config) checkPlaces() error {
	archive := c.Path(c.Archive)
	names := make([]string, 0, len(c.Sources))
	for name := range c.Sources {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		src := c.Path(c.Sources[name].Path)
		if src == "" {
			continue
		}
		if sources.InsideAny(archive, []string{src}) {
			return fmt.Errorf("archive %q trùng với (hoặc nằm trong) đường dẫn của nguồn [sources.%s] %q: chọn một thư mục riêng cho kho lưu trữ, ví dụ archive = \"archive\"",
				c.Archive, name, c.Sources[name].Path)
		}
		if sources.InsideAny(src, c.Private()) {
			return fmt.Errorf("[sources.%s] path %q nằm trong kho lưu trữ (archive) hoặc là tệp mật khẩu (password_file), trực tiếp hay qua liên kết tượng trưng: trỏ nó vào đúng tệp dữ liệu",
				name, c.Sources[name].Path)
		}
	}
	return nil
}
