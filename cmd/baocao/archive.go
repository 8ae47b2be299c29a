package main

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/mn2010/baocao/internal/catalog"

	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/delivery"
)

func archiveCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("archive", stderr)
	if err := parse(fs, args, lineOf(nil)); err != nil {
		return err
	}
	cfg, m, err := openMaker(*cfgPath, stderr)
	if err != nil {
		return err
	}
	entries, err := m.Store().List()
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, catalog.ArchiveHeader)
	for _, e := range entries {
		generated := "?"
		if man, err := reports.ReadManifest(e.Dir); err == nil {
			if t, err := time.Parse(time.RFC3339, man.GeneratedAt); err == nil {
				generated = t.In(cfg.Location).Format("2006-01-02 15:04")
			}
		}
		status, attempts := catalog.ArchiveUnread.String(), 0
		if _, ok, err := delivery.LoadRecord(e.Dir); err == nil && !ok {
			status = catalog.ArchivePending.String()
		} else if st, err := m.State(e); err == nil {
			status, attempts = st.Summary(cfg.Location), len(st.Record.Attempts)
		}
		fmt.Fprintf(w, "%s\t%s\t%d\t%s\t%s\t%d\t%s\n", cfg.ReportName(e.Report), e.Period, e.Version, generated, status, attempts, e.Dir)
	}
	if len(entries) == 0 {
		fmt.Fprintln(w, catalog.ArchiveEmpty)
	}
	return w.Flush()
}
