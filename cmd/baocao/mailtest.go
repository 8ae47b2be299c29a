package main

import (
	"context"
	"fmt"
	"io"

	"github.com/mn2010/baocao/reports/delivery"
)

func mailTestCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("mail-test", stderr)
	to := fs.String("to", "", "send to `ADDRESS` (default: [unit] admin_email)")
	if err := parse(fs, args, "[--to ADDRESS] [-c CONFIG]"); err != nil {
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
		return fmt.Errorf("%w: give --to ADDRESS or set [unit] admin_email", errUsage)
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
		return fmt.Errorf("mail-test: %w", err)
	}
	fmt.Fprintf(stdout, "sent a test message to %s through %s:%d (%s)\n", *to, cfg.SMTP.Host, cfg.SMTP.Port, cfg.SMTP.Security)
	return nil
}
