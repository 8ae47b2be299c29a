package plan

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"

	"github.com/mn2010/baocao/internal/strictoml"
	"github.com/mn2010/baocao/sources"
	"github.com/mn2010/baocao/templates"
)

// ErrInvalid is wrapped by every error for a plan file that cannot be used.
var ErrInvalid = catalog.NewClass(catalog.ClassPlan).WithFault(fault.BadInput)

// Plan is a unit's plan for a year.
type Plan struct {
	Title     string `toml:"title"`
	Reference string `toml:"reference"`
	// Year is the year the plan is for; 0 reads it from Title (ForYear).
	Year int `toml:"year"`
	// Unit is the unit that issued the plan ("Trường Mầm non 20/10");
	// empty in a plan that does not say. doctor compares it with the
	// config's unit.
	Unit         string                     `toml:"unit"`
	Sources      map[string]*sources.Schema `toml:"sources"`
	Indicators   []Indicator                `toml:"indicators"`
	DossierTable DossierTable               `toml:"dossier_table"`
	Tasks        Tasks                      `toml:"tasks"`
	Narrative    Narrative                  `toml:"narrative"`

	used   map[string][]string // source → column keys read by computations
	sha256 string              // of the plan file's bytes
}

// SHA256 is the hex SHA-256 of the plan file's bytes as loaded (the
// embedded file's for the built-in plan): what a version's manifest
// records of the plan it was computed with.
func (p *Plan) SHA256() string { return p.sha256 }

// Indicator is one target of the plan and how it is computed.
type Indicator struct {
	ID         string      `toml:"id"`
	Text       string      `toml:"text"`
	TargetText string      `toml:"target_text"`
	Kind       string      `toml:"kind"`    // "manual" or "ratio"
	Target     float64     `toml:"target"`  // a fraction, a rank, or 1 for yes
	Compare    string      `toml:"compare"` // ">=" (default) or "<="
	ValueType  string      `toml:"value_type"`
	Source     string      `toml:"source"`
	PeriodCol  string      `toml:"period_column"`
	Filters    []Condition `toml:"filters"`
	Numerator  []Condition `toml:"numerator"`
	Distinct   string      `toml:"distinct"`
	Any        bool        `toml:"any"`
	Breakdown  *Breakdown  `toml:"breakdown"`
}

// Condition tests one column of a row.
type Condition struct {
	Column string   `toml:"column"`
	Op     string   `toml:"op"`
	Values []string `toml:"values"`
	Other  string   `toml:"other"`
}

// Breakdown splits a ratio by the values of a column; each group meets its
// own target (Targets, else the indicator's). Values, when given, lists
// every value the column may hold (with Targets' keys): a row with another
// is warned about.
type Breakdown struct {
	Column  string             `toml:"column"`
	Targets map[string]float64 `toml:"targets"`
	Values  []string           `toml:"values"`
}

// Known lists the values the breakdown's column may hold, Values then
// Targets' keys (sorted); nil when the plan does not list them.
func (b *Breakdown) Known() []string {
	if b == nil || len(b.Values) == 0 {
		return nil
	}
	out := append([]string{}, b.Values...)
	var extra []string
	for k := range b.Targets {
		if sources.MatcherOf(out).Match(k) < 0 {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}

// DossierTable names the dossier columns of the "by field" table.
type DossierTable struct {
	Source    string `toml:"source"`
	ID        string `toml:"id"`
	Group     string `toml:"group"`
	Procedure string `toml:"procedure"`
	Received  string `toml:"received"`
	Due       string `toml:"due"`
	Returned  string `toml:"returned"`
	Apology   string `toml:"apology"`
}

// Tasks is section III: the key tasks and the source of their progress.
type Tasks struct {
	Title  string `toml:"title"`
	Source string `toml:"source"`
	// Done is the status that means a task is finished: one of the values
	// of the source's status column, in their spelling once loaded.
	Done  string `toml:"done"`
	Items []Task `toml:"items"`
}

// Task is one key task.
type Task struct {
	ID    string `toml:"id"`
	Title string `toml:"title"`
}

// Narrative names the optional source of the texts a person writes
// (package narrative). Without a spec for it in the config, the sheet
// DefaultSheet of DefaultSource's workbook is read when it has one, and
// nothing otherwise.
type Narrative struct {
	Source        string `toml:"source"`
	DefaultSource string `toml:"default_source"`
	DefaultSheet  string `toml:"default_sheet"`
}

// Optional reports whether source may be left out of a config: only the
// narrative is.
func (p *Plan) Optional(source string) bool {
	return source != "" && source == p.Narrative.Source
}

// Required returns the sources a config must name: all but the optional
// narrative (a new map; the schemas are shared).
func (p *Plan) Required() map[string]*sources.Schema {
	out := map[string]*sources.Schema{}
	for n, s := range p.Sources {
		if !p.Optional(n) {
			out[n] = s
		}
	}
	return out
}

// Manual is the name of the source of manual values.
const Manual = "manual"

// Load reads the plan at path, or the embedded default plan if path is empty.
func Load(path string) (*Plan, error) {
	var data []byte
	var err error
	name := path
	if path == "" {
		name = templates.DefaultPlan
		data, err = fs.ReadFile(templates.FS, templates.DefaultPlan)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrInvalid, name, err)
	}
	return Parse(name, data)
}

// Parse reads a plan file's contents; name is used in errors.
func Parse(name string, data []byte) (*Plan, error) {
	var p Plan
	if err := strictoml.Decode(name, data, &p); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if err := p.validate(); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrInvalid, name, err)
	}
	sum := sha256.Sum256(data)
	p.sha256 = hex.EncodeToString(sum[:])
	return &p, nil
}

var yearRe = regexp.MustCompile(`năm (\d{4})`)

// ForYear is the year the plan is for: its year key, else the year its
// title names ("… năm 2024"); 0 when neither says.
func (p *Plan) ForYear() int {
	if p.Year != 0 {
		return p.Year
	}
	if m := yearRe.FindStringSubmatch(p.Title); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	return 0
}

// SameUnit reports whether two spellings name the same unit: case,
// spacing and Unicode form aside ("TRƯỜNG MẦM NON 20/10" and "Trường Mầm
// non 20/10").
func SameUnit(a, b string) bool {
	return strings.Join(strings.Fields(sources.Fold(a)), " ") == strings.Join(strings.Fields(sources.Fold(b)), " ")
}
