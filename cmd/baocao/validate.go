package main

import (
	"fmt"
	"io"

	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/narrative"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/sources"
)

func validateCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("validate", stderr)
	var label string
	fs.StringVar(&label, "p", "", "period `LABEL` (short for --period)")
	fs.StringVar(&label, "period", "", "also compute period `LABEL`: its manual values carried forward, tasks and plan year")
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
	in := indicators.Input{Plan: m.Plan(), Tables: data.Tables, OfficialDomains: cfg.OfficialDomains}
	var p period.Period
	if label != "" {
		if p, err = period.Parse(label, boundaryFor(cfg, label)); err != nil {
			return err
		}
		in.Period = p
		issues = append(issues, indicators.Compute(in).Issues...)
	} else {
		p = m.LatestMonth()
		in.Period = p
	}
	// Every manual row, whatever its period: with -p too, since a row of
	// another period is as wrong.
	issues = append(issues, indicators.CheckManual(in)...)
	// The narrative's warnings do not depend on the period.
	issues = append(issues, narrative.Check(data.Tables[m.Plan().Narrative.Source])...)
	issues = dedupe(issues)
	if y := m.PlanYear(); y != 0 && y != p.Year {
		if label != "" {
			fmt.Fprintln(stderr, "baocao: warning:", m.PlanYearWarning(p))
		} else {
			fmt.Fprintf(stderr, "baocao: warning: the plan %s is for %d, but the latest month ended (%s) is in %d: write %d's plan and name it in the config\n",
				m.PlanName(), y, p.Label(), p.Year, p.Year)
		}
	}
	for _, i := range issues {
		fmt.Fprintln(stdout, i)
	}
	fmt.Fprintf(stdout, "%d sources read, %d warnings, no errors\n", len(data.Inputs), len(issues))
	return nil
}

// dedupe drops an issue printed before (Compute and CheckManual may find
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
