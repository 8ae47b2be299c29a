package main

import (
	"context"
	"fmt"
	"io"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/reports/delivery"
)

func mailTestCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("mail-test", stderr)
	to := fs.String("to", "", catalog.FlagMailTo.String())
	if err := parse(fs, args, lineOf(catalog.ArgsMailTest)); err != nil {
		return err
	}
	cfg, err := loadConfig(*cfgPath, stderr)
	if err != nil {
		return err
	}
	if *to == "" {
		*to = cfg.Unit.AdminEmail
	}
	if *to == "" {
		return errUsage.Newf(catalog.RequiredMailTo)
	}
	m, err := cfg.newFlow()
	if err != nil {
		return err
	}
	s, warnings, err := cfg.mail.Settings(cfg.Dir)
	if err != nil {
		return err
	}
	warn(stderr, warnings)
	if err := delivery.New(s, delivery.Options{}).Try(context.Background(), m.TestMessage(*to)); err != nil {
		return catalog.MailTestFailed.Errorf(err)
	}
	fmt.Fprintln(stdout, catalog.MailTestSent.F(*to, cfg.SMTP.Host, cfg.SMTP.Port, cfg.SMTP.Security))
	return nil
}
