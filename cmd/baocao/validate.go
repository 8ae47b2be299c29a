package main

import (
	"fmt"
	"io"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/sources"
)

func validateCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("validate", stderr)
	var label string
	fs.StringVar(&label, "p", "", catalog.FlagValidateP.String())
	fs.StringVar(&label, "period", "", catalog.FlagValidateP.String())
	if err := parse(fs, args, lineOf(catalog.ArgsValidate)); err != nil {
		return err
	}
	cfg, m, err := openMaker(*cfgPath, stderr)
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
			fmt.Fprintln(stderr, catalog.WarnPrefix, m.PlanYearWarning(p))
		} else {
			fmt.Fprintln(stderr, catalog.WarnPrefix, catalog.ValidatePlanYear.F(m.PlanName(), y, p.Label(), p.Year, p.Year))
		}
	}
	for _, in := range v.Inputs { // a pattern or folder: say which file it picked
		if src, ok := cfg.Sources[in.Source]; ok && sources.IsPattern(cfg.Path(src.Path)) {
			title := in.Source
			if sc := m.Plan().Sources[in.Source]; sc != nil && sc.Title != "" {
				title = sc.Title
			}
			fmt.Fprintln(stdout, catalog.ValidateUsed.F(title, src.Path, in.Path))
		}
	}
	for _, i := range issues {
		fmt.Fprintln(stdout, i)
	}
	fmt.Fprintln(stdout, catalog.ValidateSummary.F(len(v.Inputs), len(issues)))
	return nil
}
