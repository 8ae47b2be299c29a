package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/mn2010/baocao/internal/catalog"

	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/internal/doctor"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

func doctorCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("doctor", stderr)
	noEmail := fs.Bool("no-email", false, catalog.FlagDoctorNoMail.String())
	if err := parse(fs, args, lineOf(catalog.ArgsDoctor)); err != nil {
		return err
	}
	fmt.Fprintln(stdout, catalog.DoctorHead.F(Version(), *cfgPath))
	r := doctor.Run(doctor.Options{
		Config:  *cfgPath,
		NoEmail: *noEmail,
		Login:   delivery.Login,
		Service: func() doctor.Service {
			st, err := serviceStatus("")
			if err != nil {
				return doctor.Service{Where: err.Error()}
			}
			return doctor.Service{Known: st.Known, Installed: st.Installed, Running: st.Running, Where: st.Where}
		},
	})
	r.Print(stdout)
	return doctorError(r.Problems())
}

// errDoctor is a doctor run that found problems; it wraps the error that
// sets the exit code: 2 when one is bad input or config, else 1.
type errDoctor struct {
	n     int
	cause error
}

func (e *errDoctor) Error() string {
	return catalog.DoctorProblems.F(e.n)
}
func (e *errDoctor) Unwrap() error { return e.cause }

func doctorError(problems []doctor.Result) error {
	if len(problems) == 0 {
		return nil
	}
	e := &errDoctor{n: len(problems)}
	for _, p := range problems {
		for _, bad := range []error{config.ErrInvalid, plan.ErrInvalid, sources.ErrUnusable, delivery.ErrSettings} {
			if errors.Is(p.Err, bad) {
				e.cause = bad
			}
		}
	}
	return e
}
