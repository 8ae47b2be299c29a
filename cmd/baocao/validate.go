package main

import (
	"fmt"
	"io"

	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/narrative"
	"github.com/mn2010/baocao/reports/period"
)

func validateCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("validate", stderr)
	var label string
	fs.StringVar(&label, "p", "", "period `LABEL` (short for --period)")
	fs.StringVar(&label, "period", "", "also check the manual values and tasks for period `LABEL`")
	if err := parse(fs, args, "[-p PERIOD] [-c CONFIG]"); err != nil {
		return err
	}
	cfg, m, err := openMaker(*cfgPath, stderr)
	if err != nil {
		return err
	}
	data, err := m.Read()
	if err != nil {
		return err
	}
	issues := data.Issues
	if label != "" {
		p, err := period.Parse(label, boundaryFor(cfg, label))
		if err != nil {
			return err
		}
		out := indicators.Compute(indicators.Input{Plan: m.Plan(), Period: p, Tables: data.Tables, OfficialDomains: cfg.OfficialDomains})
		issues = append(issues, out.Issues...)
	}
	// The narrative's warnings do not depend on the period.
	issues = append(issues, narrative.Check(data.Tables[m.Plan().Narrative.Source])...)
	for _, i := range issues {
		fmt.Fprintln(stdout, i)
	}
	fmt.Fprintf(stdout, "%d sources read, %d warnings, no errors\n", len(data.Inputs), len(issues))
	return nil
}

// boundaryFor is the boundary of the first report whose period kind matches
// the label's, or Decree 09.
func boundaryFor(cfg *config.Config, label string) period.Boundary {
	p, err := period.Parse(label, period.Decree09)
	if err != nil {
		return period.Decree09
	}
	for _, id := range cfg.ReportIDs() {
		if r := cfg.Reports[id]; r.Kind == p.Kind {
			return r.Boundary
		}
	}
	return period.Decree09
}
