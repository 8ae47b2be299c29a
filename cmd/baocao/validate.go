package main

import (
	"fmt"
	"io"
)

func validateCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("validate", stderr)
	var label string
	fs.StringVar(&label, "p", "", "period `LABEL` (short for --period)")
	fs.StringVar(&label, "period", "", "also compute period `LABEL`: its manual values carried forward, tasks and plan year")
	if err := parse(fs, args, "[-p PERIOD] [-c CONFIG]"); err != nil {
		return err
	}
	_, m, err := openMaker(*cfgPath, stderr)
	if err != nil {
		return err
	}
	v, err := m.Validate(label)
	if err != nil {
		return err
	}
	p, issues := v.Period, v.Issues
	if y := m.PlanYear(); y != 0 && y != p.Year {
		if v.Asked {
			fmt.Fprintln(stderr, "baocao: warning:", m.PlanYearWarning(p))
		} else {
			fmt.Fprintf(stderr, "baocao: warning: the plan %s is for %d, but the latest month ended (%s) is in %d: write %d's plan and name it in the config\n",
				m.PlanName(), y, p.Label(), p.Year, p.Year)
		}
	}
	for _, i := range issues {
		fmt.Fprintln(stdout, i)
	}
	fmt.Fprintf(stdout, "%d sources read, %d warnings, no errors\n", len(v.Inputs), len(issues))
	return nil
}
