package plan

import (
	"math"
	"slices"
	"strings"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/sources"
)

var conditionOps = map[string]bool{
	"eq": true, "in": true, "not_in": true, "empty": true, "filled": true,
	"yes": true, "no": true, "le_column": true, "gt_column": true, "official_email": true,
}

func (p *Plan) validate() error {
	for name, s := range p.Sources {
		if s == nil {
			return catalog.PlanNoColumns.Errorf(name)
		}
		if err := s.Validate(); err != nil {
			return catalog.PlanSource.Errorf(name, err)
		}
	}
	if len(p.Indicators) == 0 {
		return catalog.PlanNoIndicators.Errorf()
	}
	seen := map[string]bool{}
	for _, in := range p.Indicators {
		if seen[in.ID] {
			return catalog.PlanIndicatorTwice.Errorf(in.ID)
		}
		seen[in.ID] = true
		if err := p.validateIndicator(in); err != nil {
			return catalog.PlanIndicator.Errorf(in.ID, err)
		}
	}
	if err := p.need(p.Tasks.Source, "task", "period", "status", "result"); err != nil {
		return catalog.PlanIn.Errorf("[tasks]", err)
	}
	if err := p.validateDone(); err != nil {
		return catalog.PlanIn.Errorf("[tasks]", err)
	}
	d := p.DossierTable
	if err := p.need(d.Source, d.ID, d.Group, d.Procedure, d.Received, d.Due, d.Returned, d.Apology); err != nil {
		return catalog.PlanIn.Errorf("[dossier_table]", err)
	}
	return p.validateNarrative()
}

// The column keys of the narrative source, read by package narrative.
const (
	NarrativePeriod = "period" // Kỳ báo cáo
	NarrativePart   = "part"   // Phần
	NarrativeText   = "text"   // Nội dung
)

// NarrativeColumns are the column keys a narrative source must have.
var NarrativeColumns = []string{NarrativePeriod, NarrativePart, NarrativeText}

// validateNarrative checks [narrative]: its source has the columns package
// narrative reads, as text (the part's vocabulary is narrative.Part, not
// a list in the plan), and its default names a workbook source and a sheet.
func (p *Plan) validateNarrative() error {
	n := p.Narrative
	if n.Source == "" {
		if n.DefaultSource != "" || n.DefaultSheet != "" {
			return catalog.PlanNarrNeedSource.Errorf()
		}
		return nil
	}
	if err := p.need(n.Source, NarrativeColumns...); err != nil {
		return catalog.PlanIn.Errorf("[narrative]", err)
	}
	s := p.Sources[n.Source]
	for _, key := range NarrativeColumns {
		if c := s.Columns[s.Index(key)]; c.Kind != sources.Text || !c.Required {
			return catalog.PlanNarrColumn.Errorf(key, n.Source)
		}
	}
	if (n.DefaultSource == "") != (n.DefaultSheet == "") {
		return catalog.PlanNarrTogether.Errorf()
	}
	if n.DefaultSource != "" {
		if _, ok := p.Sources[n.DefaultSource]; !ok || n.DefaultSource == n.Source {
			return catalog.PlanNarrDefault.Errorf(n.DefaultSource)
		}
	}
	return nil
}

func (p *Plan) validateIndicator(in Indicator) error {
	if math.IsNaN(in.Target) || math.IsInf(in.Target, 0) {
		return catalog.PlanNoTarget.Errorf(in.Target)
	}
	if in.Compare != "" && in.Compare != ">=" && in.Compare != "<=" {
		return catalog.PlanCompare.Errorf(in.Compare)
	}
	switch in.Kind {
	case "manual":
		switch in.ValueType {
		case "rank", "fraction", "yesno":
		default:
			return catalog.PlanValueType.Errorf(in.ValueType)
		}
		return p.need(Manual, "indicator", "period", "value")
	case "ratio":
	default:
		return catalog.PlanKind.Errorf(in.Kind)
	}
	cols := []string{in.PeriodCol, in.Distinct}
	if in.Breakdown != nil {
		cols = append(cols, in.Breakdown.Column)
	}
	for _, c := range append(append([]Condition{}, in.Filters...), in.Numerator...) {
		if !conditionOps[c.Op] {
			return catalog.PlanOp.Errorf(c.Column, c.Op)
		}
		if (c.Op == "le_column" || c.Op == "gt_column") && c.Other == "" {
			return catalog.PlanOpOther.Errorf(c.Column, c.Op)
		}
		cols = append(cols, c.Column, c.Other)
	}
	return p.need(in.Source, cols...)
}

// need checks that source exists and has every non-empty column key, and
// records the columns as used: validation walks every column a computation
// reads, and only those are kept in memory when sources are read.
func (p *Plan) need(source string, cols ...string) error {
	s, ok := p.Sources[source]
	if !ok {
		return catalog.PlanUnknownSource.Errorf(source)
	}
	if p.used == nil {
		p.used = map[string][]string{}
	}
	for _, c := range cols {
		if c == "" {
			continue
		}
		if s.Index(c) < 0 {
			return catalog.PlanNoColumn.Errorf(source, c)
		}
		if !slices.Contains(p.used[source], c) {
			p.used[source] = append(p.used[source], c)
		}
	}
	return nil
}

// Used lists the column keys of source that the plan's computations read:
// a new slice, never nil (nil would mean "every column" to sources.Spec).
func (p *Plan) Used(source string) []string { return append([]string{}, p.used[source]...) }

// Schema returns the schema of a source the plan names.
func (p *Plan) Schema(source string) *sources.Schema { return p.Sources[source] }

// validateDone checks that the status that means "finished" is one the
// status column lists, and takes the list's spelling of it.
func (p *Plan) validateDone() error {
	col := p.Sources[p.Tasks.Source].Columns[p.Sources[p.Tasks.Source].Index("status")]
	list := ""
	if len(col.Values) > 0 {
		list = catalog.PlanDoneList.F(col.Values)
	}
	if strings.TrimSpace(p.Tasks.Done) == "" {
		return catalog.PlanNoDone.Errorf(list)
	}
	if col.Kind != sources.Category {
		return nil
	}
	for _, v := range col.Values {
		if sources.Fold(v) == sources.Fold(p.Tasks.Done) {
			p.Tasks.Done = v
			return nil
		}
	}
	return catalog.PlanDoneNotStatus.Errorf(p.Tasks.Done, p.Tasks.Source, col.Values)
}
