package reports

import (
	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/narrative"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/sources"
)

// Validation is what `baocao validate` and the page's data check report:
// every source read, and every warning about the data.
type Validation struct {
	*Data
	// Period is the period asked for, or the latest month ended when none
	// was (the plan's year is compared with it).
	Period period.Period
	Asked  bool
}

// Validate reads every source and lists every warning: the rows the
// sources dropped or doubt, every manual row whatever its period, the
// narrative's, and, when a period label is given, what computing that
// period finds (its manual values carried forward, its tasks). It writes
// nothing. An unusable source is an error, as for a run.
func (m *Maker) Validate(label string) (*Validation, error) { return m.validate(label, sources.Read) }

// ValidateCached is Validate reading the sources through cache: a source
// whose file did not change since it was last read is not read again.
func (m *Maker) ValidateCached(label string, cache *SourceCache) (*Validation, error) {
	return m.validate(label, cache.Read)
}

func (m *Maker) validate(label string, read ReadFunc) (*Validation, error) {
	v := &Validation{Period: m.LatestMonth(), Asked: label != ""}
	if v.Asked {
		p, err := m.AnyPeriod(label)
		if err != nil {
			return nil, err
		}
		v.Period = p
	}
	data, err := m.readWith(read)
	if err != nil {
		return nil, err
	}
	v.Data = data
	in := indicators.Input{Plan: m.plan, Period: v.Period, Tables: data.Tables, OfficialDomains: m.cfg.OfficialDomains}
	if v.Asked {
		data.Issues = append(data.Issues, indicators.Compute(in).Issues...)
	}
	// Every manual row, whatever its period: with a period too, since a
	// row of another period is as wrong.
	data.Issues = append(data.Issues, indicators.CheckManual(in)...)
	data.Issues = append(data.Issues, narrative.Check(data.Tables[m.plan.Narrative.Source])...)
	data.Issues = dedupe(data.Issues)
	return v, nil
}

// AnyPeriod parses a period label not tied to one report: with the
// boundaries of the first report of its kind, or Decree 09's.
func (m *Maker) AnyPeriod(label string) (period.Period, error) {
	p, err := period.Parse(label, period.Decree09)
	if err != nil {
		return p, err
	}
	for _, id := range m.cfg.ReportIDs() {
		if r := m.cfg.Reports[id]; r.Kind == p.Kind {
			return period.Parse(label, r.Boundary)
		}
	}
	return p, nil
}

// dedupe drops an issue listed before (Compute and CheckManual may find
// the same bad row).
func dedupe(issues []sources.Issue) []sources.Issue {
	seen := map[string]bool{}
	out := issues[:0]
	for _, i := range issues {
		if k := i.String(); !seen[k] {
			seen[k] = true
			out = append(out, i)
		}
	}
	return out
}
