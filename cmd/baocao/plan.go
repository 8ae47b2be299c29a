package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/mn2010/baocao/reports/plan/importer"
)

const planImportLine = "import FILE -o PLAN.toml [--force]"

// planCmd is `baocao plan import FILE -o PLAN.toml`: read a unit's plan
// document (.docx, .txt, .md), write a plan file and print what was read.
func planCmd(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "import" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprintln(stderr, "usage: baocao plan", planImportLine)
			return errHelp
		}
		return fmt.Errorf("%w: cần lệnh con: baocao plan %s", errUsage, planImportLine)
	}
	fs := flag.NewFlagSet("plan import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "the plan file to write (`PLAN.toml`)")
	fs.StringVar(out, "output", "", "the plan file to write (same as -o)")
	force := fs.Bool("force", false, "replace PLAN.toml if it exists")
	file, err := parseWithArgs(fs, args[1:], planImportLine)
	if err != nil {
		return err
	}
	if len(file) != 1 || *out == "" {
		return fmt.Errorf("%w: cần đúng một tệp kế hoạch và -o PLAN.toml", errUsage)
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
	fmt.Fprintf(stdout, "\nĐã ghi %s. Trỏ cấu hình tới tệp này: plan = %q\n", *out, *out)
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
			fmt.Fprintf(out, "usage: baocao %s %s\n", fs.Name(), line)
			fs.PrintDefaults()
			return nil, errHelp
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
