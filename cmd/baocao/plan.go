package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/mn2010/baocao/internal/catalog"

	"github.com/mn2010/baocao/reports/plan/importer"
)

// planCmd is `baocao plan import FILE -o PLAN.toml`: read a unit's plan
// document (.docx, .txt, .md), write a plan file and print what was read.
func planCmd(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "import" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprintln(stderr, catalog.UsageLine.F("plan", catalog.ArgsPlan.String()))
			return errHelp
		}
		return errUsage.Newf(catalog.PlanNeedSub, catalog.ArgsPlan.String())
	}
	fs := flag.NewFlagSet("plan import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", catalog.FlagPlanOut.String())
	fs.StringVar(out, "output", "", catalog.FlagPlanOut.String())
	force := fs.Bool("force", false, catalog.FlagPlanForce.String())
	file, err := parseWithArgs(fs, args[1:], catalog.ArgsPlan.String())
	if err != nil {
		return err
	}
	if len(file) != 1 || *out == "" {
		return errUsage.Newf(catalog.PlanNeedOneFile)
	}
	res, err := importer.Import(file[0])
	if err != nil {
		return err
	}
	if err := res.WriteTable(stdout); err != nil {
		return err
	}
	if err := res.Write(*out, *force); err != nil {
		return err
	}
	fmt.Fprintln(stdout, catalog.PlanWritten.F(*out, *out))
	return nil
}

// parseWithArgs parses flags that may come before or after positional
// arguments, and returns the positional ones.
func parseWithArgs(fs *flag.FlagSet, args []string, line string) ([]string, error) {
	var pos []string
	for {
		out := fs.Output()
		fs.SetOutput(io.Discard)
		err := fs.Parse(args)
		fs.SetOutput(out)
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(out, catalog.UsageLine.F(fs.Name(), line))
			printDefaults(out, fs)
			return nil, errHelp
		}
		if err != nil {
			return nil, errUsage.Wrap(flagError(fs, args, err))
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
