package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/workflow"
)

// newJob opens the workflow of run, send, approve and reject: mail on
// unless noEmail, its settings read first so that one that cannot work
// stops the command before anything is archived; what the job says goes
// to stderr.
func newJob(cfg *conf, m *workflow.Flow, noEmail bool, stderr io.Writer) (*workflow.Job, error) {
	var mail *delivery.Settings
	if !noEmail {
		s, warnings, err := cfg.mail.Settings(cfg.Dir)
		if err != nil {
			return nil, err
		}
		warn(stderr, warnings)
		mail = &s
	}
	return workflow.NewJob(m, mail, func(msg string) { fmt.Fprintln(stderr, "baocao:", msg) }), nil
}

// issueFlags are --number and --date: the number and date of issue of run
// and approve.
type issueFlags struct {
	number int
	date   string
}

func addIssueFlags(fs *flag.FlagSet, numberHelp, dateHelp string) *issueFlags {
	f := &issueFlags{}
	fs.IntVar(&f.number, "number", 0, numberHelp)
	fs.StringVar(&f.date, "date", "", dateHelp)
	return f
}

// values checks the flags as given (after fs.Parse): a number of 1 or
// more when given, a real date. Whether they fit the period is
// Maker.CheckIssue's.
func (f *issueFlags) values(fs *flag.FlagSet) (number int, date time.Time, err error) {
	if err := checkNumber(fs, f.number); err != nil {
		return 0, date, err
	}
	if f.date != "" {
		if date, err = workflow.ParseIssueDate(f.date); err != nil {
			return 0, date, catalog.DateFlag.Errorf(err)
		}
	}
	return f.number, date, nil
}

// checkNumber refuses a --number given below 1 (0 is the flag's "none").
func checkNumber(fs *flag.FlagSet, n int) error {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "number" })
	if given && n < 1 {
		return fmt.Errorf("%w: %s", workflow.ErrIssue, catalog.BadNumberFlag.F(n))
	}
	return nil
}
