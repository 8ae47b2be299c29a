package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/reports/render"
	"github.com/mn2010/baocao/sources"
)

// ErrUnknownReport is returned for a report id the config does not define.
var ErrUnknownReport = catalog.NewClass(catalog.ClassUnknownReport).WithFault(fault.BadInput)

// Maker makes reports for one config.
type Maker struct {
	cfg   *Settings
	plan  *plan.Plan
	texts *render.Texts
	store *archive.Store
	font  *render.Font // the documents' typeface: Times New Roman when found
	now   func() time.Time
}

// NewMaker loads the plan and texts the settings name. now may be nil.
func NewMaker(cfg *Settings, now func() time.Time, opts ...MakerOption) (*Maker, error) {
	p, err := plan.Load(cfg.Path(cfg.Plan))
	if err != nil {
		return nil, err
	}
	if err := checkSourceKeys(cfg, p); err != nil {
		return nil, err
	}
	texts, err := render.LoadTexts(cfg.Path(cfg.TemplatesDir))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSettings, err)
	}
	if now == nil {
		now = time.Now
	}
	var dirs []string
	if cfg.Document.FontsDir != "" {
		dirs = append(dirs, cfg.Path(cfg.Document.FontsDir))
	}
	font, err := render.FindFont(append(dirs, render.FontDirs()...))
	if err != nil {
		return nil, ErrSettings.Newf(catalog.CfgFontsDir, err)
	}
	m := &Maker{cfg: cfg, plan: p, texts: texts, store: &archive.Store{Root: cfg.Path(cfg.Archive)}, now: now, font: font}
	for _, o := range opts {
		o(m)
	}
	return m, nil
}

// Store is the archive the maker files into.
func (m *Maker) Store() *archive.Store { return m.store }

// Settings are the settings the maker was made with.
func (m *Maker) Settings() *Settings { return m.cfg }

// Texts are the document's texts (templates/texts.toml, or the config's).
func (m *Maker) Texts() *render.Texts { return m.texts }

// Now is the maker's clock.
func (m *Maker) Now() time.Time { return m.now() }

// Plan is the plan the maker computes.
func (m *Maker) Plan() *plan.Plan { return m.plan }

// Read reads every source.
func (m *Maker) Read() (*Data, error) { return m.readWith(sources.Read) }

func (m *Maker) readWith(read ReadFunc) (*Data, error) {
	d, err := GatherWith(m.plan, m.cfg.Specs(), func(p string) string { return m.cfg.Display(p) }, read)
	if err != nil {
		return nil, err
	}
	d.Issues = append(d.Issues, checkData(m.plan, d.Tables, m.now().In(m.cfg.Location))...)
	return d, nil
}

// Period parses a period label for a report.
func (m *Maker) Period(reportID, label string) (period.Period, error) {
	r, ok := m.cfg.Reports[reportID]
	if !ok {
		return period.Period{}, ErrUnknownReport.Newf(catalog.UnknownReport, reportID, strings.Join(m.cfg.ReportIDs(), ", "))
	}
	p, err := period.Parse(label, r.Boundary)
	if err != nil {
		return p, err
	}
	if p.Kind != r.Kind {
		words, example := catalog.KindWords(string(r.Kind))
		return p, period.ErrLabel.Newf(catalog.LabelKind, label, r.DisplayName(), words, example)
	}
	return p, nil
}

// Options are the details of one document.
type Options struct {
	Issued time.Time // the date of issue; zero means today
	Number int       // the document number; 0 leaves it blank
	// Records, if not nil, gives the records filed in the version beside
	// its documents and manifest (the workflow's delivery records), so
	// that the version is never visible without them.
	Records func(man *Manifest) ([]archive.File, error)

	// The issue of an approved draft (Approve): the version is made from
	// the same inputs, at the same generation time, so that only the
	// number and date differ.
	Generated  time.Time   // zero: now
	IssuedFrom *IssuedFrom // written in the manifest
	// Check, if not nil, sees the inputs read and the manifest made before
	// anything is archived; an error stops the run.
	Check func(man *Manifest) error
}

// Make reads, computes, renders and archives report reportID for period p.
func (m *Maker) Make(reportID string, p period.Period, opt Options) (archive.Entry, *Manifest, error) {
	b, err := m.Build(reportID, p, opt)
	if err != nil {
		return archive.Entry{}, nil, err
	}
	var records []archive.File
	if opt.Records != nil {
		if records, err = opt.Records(b.Manifest); err != nil {
			return archive.Entry{}, nil, err
		}
	}
	e, err := m.File(b, records...)
	return e, b.Manifest, err
}

// Built is a version made and not yet archived.
type Built struct {
	Report   string
	Period   period.Period
	Manifest *Manifest
	files    []archive.File
}

// Build reads, computes and renders a version, and checks it (opt.Check).
func (m *Maker) Build(reportID string, p period.Period, opt Options) (*Built, error) {
	data, err := m.Read()
	if err != nil {
		return nil, err
	}
	now := m.now().In(m.cfg.Location)
	if !opt.Generated.IsZero() {
		now = opt.Generated.In(m.cfg.Location)
	}
	f := m.figures(data, reportID, p)
	out, narr, cover := f.out, f.narr, f.cover
	data.Tables = nil // the rows are counted: let rendering reuse their memory
	issued := opt.Issued
	if issued.IsZero() {
		issued = period.Day(now)
	}
	doc := m.document(reportID, p, data, f, now, issued, opt.Number)
	pdf, xlsx, docx, err := renderDocuments(doc)
	if err != nil {
		return nil, err
	}
	base := "bao-cao-cchc-" + p.Label()
	files := []archive.File{{Name: base + ".pdf", Data: pdf}, {Name: base + ".xlsx", Data: xlsx}, {Name: base + ".docx", Data: docx}}
	man := &Manifest{Report: reportID, GeneratedAt: now.Format(time.RFC3339), Issued: issued.Format("2006-01-02"), Number: opt.Number,
		Period: ManifestPeriod{Label: p.Label(), From: p.From.Format("2006-01-02"), To: p.To.Format("2006-01-02"), Boundaries: string(p.Boundary)},
		Plan:   m.plan.Reference, PlanSHA256: m.plan.SHA256(), Inputs: data.Inputs, Indicators: out.Indicators, Dossiers: out.Fields, Late: out.Late,
		Tasks: out.Tasks, Narrative: narr, Series: out.Series, Issues: doc.Warnings, IssuedFrom: opt.IssuedFrom, Font: m.font.Name}
	if !cover.HasData() {
		man.NoPeriodData = cover
	}
	for _, f := range files {
		sum := sha256.Sum256(f.Data)
		man.Outputs = append(man.Outputs, Output{Path: f.Name, SHA256: hex.EncodeToString(sum[:]), Bytes: len(f.Data)})
	}
	if opt.Check != nil {
		if err := opt.Check(man); err != nil {
			return nil, err
		}
	}
	return &Built{Report: reportID, Period: p, Manifest: man, files: files}, nil
}

// document is what the three documents draw: the figures f counted from
// data, as issued on issued with number, generated at now.
func (m *Maker) document(reportID string, p period.Period, data *Data, f figures, now, issued time.Time, number int) *render.Doc {
	var addressees []string
	if r := m.cfg.Reports[reportID]; r != nil {
		addressees = r.Addressees
	}
	return &render.Doc{Unit: m.Unit(), ReportID: reportID, Period: p, Issued: issued, Number: number,
		PlanReference: m.plan.Reference, Outcome: f.out, Narrative: f.narr,
		Warnings: append(append(append([]sources.Issue{}, data.Issues...), f.out.Issues...), f.narrIssues...),
		Texts:    m.texts, Generated: now, Addressees: addressees, Font: m.font, SourceNames: m.sourceNames()}
}

// File archives a built version with records (delivery records) beside
// its documents and manifest.
func (m *Maker) File(b *Built, records ...archive.File) (archive.Entry, error) {
	man, files := b.Manifest, b.files
	return m.store.Put(b.Report, b.Period.Label(), func(v int) ([]archive.File, error) {
		man.Version = v
		js, err := json.MarshalIndent(man, "", "  ")
		if err != nil {
			return nil, fmt.Errorf("reports: manifest: %w", err)
		}
		out := append(append([]archive.File{}, files...), archive.File{Name: ManifestName, Data: append(js, '\n')})
		return append(out, records...), nil
	})
}

// Unit is the unit as the documents name it.
func (m *Maker) Unit() render.Unit {
	u := m.cfg.Unit
	return render.Unit{Parent: u.Parent, Name: u.Name, Place: u.Place, Symbol: u.Symbol, SignerTitle: u.SignerTitle, SignerName: u.SignerName,
		Recipients: u.Recipients, Addressees: u.Addressees, Drafter: u.Drafter, Copies: u.Copies}
}

// ErrNotArchived is returned when there is no version to send.
var ErrNotArchived = catalog.NewClass(catalog.ClassNotArchived).WithFault(fault.NotFound)

// Latest returns the newest archived version of a report for a period.
func (m *Maker) Latest(reportID string, p period.Period) (archive.Entry, error) {
	e, ok, err := m.store.Latest(reportID, p.Label())
	if err != nil {
		return e, err
	}
	if !ok {
		return e, ErrNotArchived.Newf(catalog.NothingArchived, m.cfg.ReportName(reportID), p.Label(), reportID, p.Label())
	}
	return e, nil
}

// SourceTitle is a source's Vietnamese name (the plan's title), or its key
// when the plan gives none.
func (m *Maker) SourceTitle(key string) string {
	if s := m.plan.Sources[key]; s != nil && s.Title != "" {
		return s.Title
	}
	return key
}

// sourceNames are the plan's sources' Vietnamese names by key.
func (m *Maker) sourceNames() map[string]string {
	out := map[string]string{}
	for n, s := range m.plan.Sources {
		if s != nil && s.Title != "" {
			out[n] = s.Title
		}
	}
	return out
}
