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
	"text/tabwriter"

	_ "time/tzdata" // Asia/Ho_Chi_Minh on a bare machine

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/internal/fault"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/workflow"
)

// Exit codes (SPEC §5).
const (
	exitOK       = 0
	exitFailure  = 1
	exitBadInput = 2
)

// errUsage marks a command line that cannot be run.
var errUsage = catalog.NewClass(catalog.ClassUsage).WithFault(fault.BadInput)

// errHelp is -h: the usage is printed already.
var errHelp = errors.New("help")

type command struct {
	name       string
	args, help *catalog.Msg
	run        func(args []string, stdout, stderr io.Writer) error
}

var commands = []command{
	{"run", catalog.ArgsRun, catalog.HelpRun, runCmd},
	{"validate", catalog.ArgsValidate, catalog.HelpValidate, validateCmd},
	{"send", catalog.ArgsSend, catalog.HelpSend, sendCmd},
	{"approve", catalog.ArgsApprove, catalog.HelpApprove, approveCmd},
	{"reject", catalog.ArgsReject, catalog.HelpReject, rejectCmd},
	{"signed", catalog.ArgsSigned, catalog.HelpSigned, signedCmd},
	{"status", catalog.ArgsStatus, catalog.HelpStatus, statusCmd},
	{"serve", catalog.ArgsServe, catalog.HelpServe, serveCmd},
	{"schedule", nil, catalog.HelpSchedule, scheduleCmd},
	{"archive", nil, catalog.HelpArchive, archiveCmd},
	{"user", catalog.ArgsUser, catalog.HelpUser, userCmd},
	{"web", catalog.ArgsWeb, catalog.HelpWeb, webCmd},
	{"mail-test", catalog.ArgsMailTest, catalog.HelpMailTest, mailTestCmd},
	{"init", catalog.ArgsInit, catalog.HelpInit, initCmd},
	{"plan", catalog.ArgsPlan, catalog.HelpPlan, planCmd},
	{"doctor", catalog.ArgsDoctor, catalog.HelpDoctor, doctorCmd},
	{"service", catalog.ArgsService, catalog.HelpService, serviceCmd},
	{"version", nil, catalog.HelpVersion, versionCmd},
}

// lineOf is a usage line's arguments, with -c.
func lineOf(args *catalog.Msg) string { return command{args: args}.line() }

// line is the command's arguments as its usage line shows them, with -c
// (but for plan, which reads no config).
func (c command) line() string {
	if c.name == "plan" {
		return c.args.String()
	}
	if c.args == nil {
		return catalog.ArgsConfig.String()
	}
	return c.args.String() + " " + catalog.ArgsConfig.String()
}

func main() {
	os.Exit(dispatch(os.Args[1:], os.Stdout, os.Stderr))
}

// dispatch runs the command args name. The language of what it prints is
// --lang's (anywhere on the line), else BAOCAO_LANG's, else Vietnamese.
func dispatch(args []string, stdout, stderr io.Writer) int {
	catalog.SetFromEnv()
	args, err := langFlag(args)
	if err != nil {
		fmt.Fprintln(stderr, catalog.ErrorPrefix, err)
		return exitBadInput
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		return exitBadInput
	}
	for _, c := range commands {
		if c.name == args[0] {
			return exitCode(c.run(args[1:], stdout, stderr), stderr, c)
		}
	}
	fmt.Fprintln(stderr, catalog.ErrorPrefix, catalog.UnknownCommand.F(args[0]))
	usage(stderr)
	return exitBadInput
}

// langFlag takes --lang vi|en (or -lang, --lang=en) out of args and sets
// the language.
func langFlag(args []string) ([]string, error) {
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, value, eq := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			out = append(out, a)
			continue
		}
		if !eq {
			if i+1 == len(args) {
				return nil, catalog.FlagNoValue.Errorf("--lang")
			}
			i++
			value = args[i]
		}
		l, ok := catalog.ParseLang(value)
		if !ok {
			return nil, catalog.BadLang.Errorf(value)
		}
		catalog.Set(l)
	}
	return out, nil
}

func usage(w io.Writer) {
	fmt.Fprintln(w, catalog.UsageHead)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range commands {
		fmt.Fprintf(tw, "  %s\t%s\n", c.name, c.help)
	}
	tw.Flush()
	fmt.Fprintln(w, catalog.UsageMore)
	fmt.Fprintln(w, catalog.UsageLang)
}

// exitCode prints err and maps it to an exit code (exitOf its class). A
// command line that cannot be run gets the command's usage line too.
func exitCode(err error, stderr io.Writer, c command) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, errHelp) {
		return exitBadInput
	}
	for _, e := range flatten(err) {
		fmt.Fprintln(stderr, catalog.ErrorPrefix, strings.TrimPrefix(e.Error(), errUsage.Error()+": "))
	}
	for _, cli := range []error{errUsage, period.ErrLabel, reports.ErrUnknownReport} {
		if errors.Is(err, cli) {
			fmt.Fprintln(stderr, catalog.UsageLine.F(c.name, c.line()))
			break
		}
	}
	return exitOf(fault.Of(err))
}

// exitOf is the one map from an error's class to the exit code (SPEC §5,
// docs/daemon.md): 2 for what the user can fix or was refused — a command
// line, config, plan, source or mail setting to fix, an archive another
// process holds, a version the review step will not approve, return or
// send, a number or date of issue that cannot be right, a period with
// nothing archived — and 1 for failures of the machine or the mail server.
func exitOf(c fault.Class) int {
	switch c {
	case fault.BadInput, fault.Refused, fault.NotFound:
		return exitBadInput
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
	fs.StringVar(report, "r", "", catalog.FlagReport.String())
	fs.StringVar(report, "report", "", catalog.FlagReport.String())
	fs.StringVar(label, "p", "", catalog.FlagPeriod.String())
	fs.StringVar(label, "period", "", catalog.FlagPeriod.String())
	return report, label
}

// openMaker loads the config, printing its warnings, and the plan and
// texts it names.
func openMaker(cfgPath string, stderr io.Writer) (*conf, *workflow.Flow, error) {
	cfg, err := loadConfig(cfgPath, stderr)
	if err != nil {
		return nil, nil, err
	}
	m, err := cfg.newFlow(reports.WarnTo(func(msg string) { fmt.Fprintln(stderr, catalog.WarnPrefix, msg) }))
	return cfg, m, err
}

// openReport is openMaker for one report and period; both are required.
func openReport(cfgPath, report, label, command, line string, stderr io.Writer) (*conf, *workflow.Flow, period.Period, error) {
	if report == "" || label == "" {
		return nil, nil, period.Period{}, errUsage.Newf(catalog.RequiredRP)
	}
	cfg, m, err := openMaker(cfgPath, stderr)
	if err != nil {
		return nil, nil, period.Period{}, err
	}
	p, err := m.Period(report, label)
	return cfg, m, p, err
}

// loadConfig loads the config and prints its warnings.
func loadConfig(path string, stderr io.Writer) (*conf, error) {
	cfg, err := config.Load(path)
	if err != nil {
		return nil, err
	}
	p, err := settingsOf(cfg)
	if err != nil {
		return nil, err
	}
	warn(stderr, cfg.Warnings)
	return p, nil
}

func warn(stderr io.Writer, warnings []string) {
	for _, w := range warnings {
		fmt.Fprintln(stderr, catalog.WarnPrefix, w)
	}
}

// flagSet returns a flag set with the -c/--config flag every command takes.
func flagSet(name string, stderr io.Writer) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := fs.String("config", "baocao.toml", catalog.FlagConfig.String())
	fs.StringVar(cfg, "c", "baocao.toml", catalog.FlagConfig.String())
	return fs, cfg
}

// parse parses flags, turning a bad command line into errUsage; line is
// the command's usage line after its name.
func parse(fs *flag.FlagSet, args []string, line string) error {
	out := fs.Output()
	fs.SetOutput(io.Discard) // the error is printed once, by exitCode, with the usage line
	err := fs.Parse(args)
	fs.SetOutput(out)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(out, catalog.UsageLine.F(fs.Name(), line))
		printDefaults(out, fs)
		return errHelp
	}
	if err != nil {
		return errUsage.Wrap(flagError(fs, args, err))
	}
	if fs.NArg() > 0 {
		return errUsage.Newf(catalog.Unexpected, strings.Join(fs.Args(), " "))
	}
	return nil
}
