package reports

import (
	"sync"

	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/narrative"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/sources"
)

// figures is everything a version counts from the tables read: the
// indicators (with their comparisons and series), the narrative and how
// far the sources cover the period.
type figures struct {
	out        *indicators.Outcome
	narr       narrative.Narrative
	narrIssues []sources.Issue
	cover      PeriodCover
}

// figures counts a version's figures from data's tables. Every period the
// report shows (its own, the previous one, a year earlier, the months of
// the year so far) is counted from these tables.
func (m *Maker) figures(data *Data, reportID string, p period.Period) figures {
	series := false
	if r := m.cfg.Reports[reportID]; r != nil {
		series = r.WantsSeries()
	}
	// The narrative and the cover are counted beside the indicators (which
	// use every core themselves): all only read the tables.
	var f figures
	var wg sync.WaitGroup
	var panicked any
	wg.Go(func() {
		defer func() { panicked = recover() }() // raised again below, in the caller's goroutine
		f.narr, f.narrIssues = narrative.Collect(data.Tables[m.plan.Narrative.Source], p)
		f.cover = CoverOf(m.plan, data.Tables, p)
	})
	f.out = indicators.Compute(indicators.Input{Plan: m.plan, Period: p, Tables: data.Tables, OfficialDomains: m.cfg.OfficialDomains,
		Compare: true, Series: series})
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
	return f
}
