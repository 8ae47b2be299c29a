// Command baocao writes a unit's periodic administrative-reform reports: it
// reads the unit's spreadsheets, computes every target of its plan for a
// period, renders a PDF document, an Excel workbook and an editable Word
// draft, archives them and mails them to the district office — at once, or
// after the head of the unit approves the draft. It runs them on a
// schedule as a service, and serves a page for the unit's staff.
//
// This package is wiring only: flags, config, signals and exit codes, one
// file per command.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	_ "time/tzdata" // Asia/Ho_Chi_Minh on a bare machine

	"github.com/mn2010/baocao/internal/accounts"
	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// Exit codes (SPEC §5).
const (
	exitOK       = 0
	exitFailure  = 1
	exitBadInput = 2
)

// errUsage marks a command line that cannot be run.
var errUsage = errors.New("usage")

// errHelp is -h: the usage is printed already.
var errHelp = fmt.Errorf("%w: help", errUsage)

type command struct {
	name, args, help string
	run              func(args []string, stdout, stderr io.Writer) error
}

var commands = []command{
	{"run", "-r REPORT -p PERIOD [--no-email] [--number N] [--date DD/MM/YYYY] [--force]", "read, compute, render, archive (and send) one report", runCmd},
	{"validate", "[-p PERIOD]", "read every source and print every warning and error; writes nothing", validateCmd},
	{"send", "-r REPORT -p PERIOD [--force]", "(re)send the newest version (an approved one not sent before a newer draft; a draft's review message)", sendCmd},
	{"approve", "-r REPORT -p PERIOD --as ACCOUNT [flags]", "approve a draft and send it (--number, --date of issue)", approveCmd},
	{"reject", "-r REPORT -p PERIOD --as ACCOUNT --reason TEXT", "return a draft; the next run makes a new one", rejectCmd},
	{"status", "-r REPORT -p PERIOD [--version N]", "the period's story, every version: draft, review, approval, sending", statusCmd},
	{"serve", "[--log-format text|json]", "the daemon: runs reports on schedule, catches up, retries deliveries", serveCmd},
	{"schedule", "", "next runs of each report and the period each will cover", scheduleCmd},
	{"archive", "", "what is archived: report, period, version, time, state with who and when", archiveCmd},
	{"user", "add|passwd|edit|remove|list|lock NAME [flags]", "personal accounts for the page, approval and return (roles: hieu-truong, pho-hieu-truong, van-thu, xem)", userCmd},
	{"web", "[--listen ADDRESS]", "serve the staff's web page alone (no schedules)", webCmd},
	{"mail-test", "[--to ADDRESS]", "send a short test message to check the [smtp] settings", mailTestCmd},
	{"init", "[--non-interactive] [flags]", "ask a few questions and write a commented config (in Vietnamese)", initCmd},
	{"doctor", "[--no-email]", "check everything a run needs and say what to fix (in Vietnamese)", doctorCmd},
	{"service", "install|uninstall|start|stop|status", "register `baocao serve` as a Windows service, systemd unit or launchd job", serviceCmd},
	{"version", "", "print the version", versionCmd},
}

func main() {
	os.Exit(dispatch(os.Args[1:], os.Stdout, os.Stderr))
}

func dispatch(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		return exitBadInput
	}
	for _, c := range commands {
		if c.name == args[0] {
			return exitCode(c.run(args[1:], stdout, stderr), stderr, "baocao "+c.name+" "+c.args+" [-c CONFIG]")
		}
	}
	fmt.Fprintf(stderr, "baocao: unknown command %q\n", args[0])
	usage(stderr)
	return exitBadInput
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: baocao COMMAND [-c CONFIG] [flags]")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %-36s %s\n", c.name, c.args, c.help)
	}
}

// badInput are the errors that exit 2 (SPEC §5, docs/daemon.md): a
// command line, config, plan or source to fix, mail settings that cannot
// work, an archive another daemon holds, and a version the review step
// refuses to approve, return or send (a draft not approved, returned,
// replaced or already approved; sources changed since the draft), a number
// or date of issue that cannot be right, a run that would strand an
// approved version not sent yet, and a period with nothing archived to act
// on.
var badInput = []error{errUsage, config.ErrInvalid, plan.ErrInvalid, sources.ErrUnusable, period.ErrLabel,
	reports.ErrUnknownReport, delivery.ErrSettings, archive.ErrLocked,
	reports.ErrNotArchived, reports.ErrIssue, reports.ErrApprovedUnsent, reports.ErrNotReviewed, reports.ErrNoDraft, reports.ErrReturned, reports.ErrAlreadyApproved, reports.ErrSourcesChanged,
	delivery.ErrNotApproved, delivery.ErrSuperseded,
	accounts.ErrInvalid, accounts.ErrNotFound, accounts.ErrExists, accounts.ErrWeakPassword, accounts.ErrBadLogin, accounts.ErrLocked, accounts.ErrForbidden}

// exitCode prints err and maps it to an exit code: 2 for bad input or
// config, 1 for anything else. A command line that cannot be run gets the
// command's usage line too.
func exitCode(err error, stderr io.Writer, usageLine string) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, errHelp) {
		return exitBadInput
	}
	for _, e := range flatten(err) {
		fmt.Fprintln(stderr, "baocao:", e)
	}
	for _, cli := range []error{errUsage, period.ErrLabel, reports.ErrUnknownReport} {
		if errors.Is(err, cli) {
			fmt.Fprintln(stderr, "usage:", usageLine)
			break
		}
	}
	for _, bad := range badInput {
		if errors.Is(err, bad) {
			return exitBadInput
		}
	}
	return exitFailure
}

// flatten lists the errors joined in err, one per line.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// reportFlags adds -r/--report and -p/--period to fs.
func reportFlags(fs *flag.FlagSet) (report, label *string) {
	report, label = new(string), new(string)
	fs.StringVar(report, "r", "", "report `ID` (short for --report)")
	fs.StringVar(report, "report", "", "report `ID`, a [reports.ID] table of the config")
	fs.StringVar(label, "p", "", "period `LABEL` (short for --period)")
	fs.StringVar(label, "period", "", "period `LABEL`: 2024-03, 2024-Q1, 2024-H1 or 2024")
	return report, label
}

// openMaker loads the config, printing its warnings, and the plan and
// texts it names.
func openMaker(cfgPath string, stderr io.Writer) (*config.Config, *reports.Maker, error) {
	cfg, err := loadConfig(cfgPath, stderr)
	if err != nil {
		return nil, nil, err
	}
	m, err := reports.NewMaker(cfg, nil, reports.WarnTo(func(msg string) { fmt.Fprintln(stderr, "baocao:", msg) }))
	if err == nil {
		setReviewPage(cfg, m)
		m.SetAccounts(accountsOf(cfg))
	}
	return cfg, m, err
}

// openReport is openMaker for one report and period; both are required.
func openReport(cfgPath, report, label, command, line string, stderr io.Writer) (*config.Config, *reports.Maker, period.Period, error) {
	if report == "" || label == "" {
		return nil, nil, period.Period{}, fmt.Errorf("%w: -r and -p are required", errUsage)
	}
	cfg, m, err := openMaker(cfgPath, stderr)
	if err != nil {
		return nil, nil, period.Period{}, err
	}
	p, err := m.Period(report, label)
	return cfg, m, p, err
}

// loadConfig loads the config and prints its warnings.
func loadConfig(path string, stderr io.Writer) (*config.Config, error) {
	cfg, err := config.Load(path)
	if err != nil {
		return nil, err
	}
	warn(stderr, cfg.Warnings)
	return cfg, nil
}

func warn(stderr io.Writer, warnings []string) {
	for _, w := range warnings {
		fmt.Fprintln(stderr, "baocao: warning:", w)
	}
}

// flagSet returns a flag set with the -c/--config flag every command takes.
func flagSet(name string, stderr io.Writer) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := fs.String("config", "baocao.toml", "config `FILE`")
	fs.StringVar(cfg, "c", "baocao.toml", "config `FILE` (short for --config)")
	return fs, cfg
}

// parse parses flags, turning a bad command line into errUsage.
func parse(fs *flag.FlagSet, args []string, line string) error {
	out := fs.Output()
	fs.SetOutput(io.Discard) // the error is printed once, by exitCode, with the usage line
	err := fs.Parse(args)
	fs.SetOutput(out)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(out, "usage: baocao %s %s\n", fs.Name(), line)
		fs.PrintDefaults()
		return errHelp
	}
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected %q", errUsage, strings.Join(fs.Args(), " "))
	}
	return nil
}
