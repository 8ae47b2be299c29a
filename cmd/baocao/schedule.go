package main

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/mn2010/baocao/internal/catalog"

	"github.com/mn2010/baocao/internal/config"
	"github.com/mn2010/baocao/reports/period"
)

// scheduleRuns is how many next runs are shown per report.
const scheduleRuns = 3

func scheduleCmd(args []string, stdout, stderr io.Writer) error {
	fs, cfgPath := flagSet("schedule", stderr)
	if err := parse(fs, args, lineOf(nil)); err != nil {
		return err
	}
	cfg, err := loadConfig(*cfgPath, stderr)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, catalog.SchedHeader)
	now := time.Now().In(cfg.Location)
	for _, id := range cfg.ReportIDs() {
		r := cfg.Reports[id]
		if r.Schedule == "" {
			fmt.Fprintf(w, "%s\t%s\t-\t-\t-\t-\n", cfg.ReportName(id), catalog.SchedNone)
			continue
		}
		s, err := config.ParseSchedule(r.Schedule, cfg.Location)
		if err != nil {
			return err
		}
		t := now
		for i := 0; i < scheduleRuns; i++ {
			t = s.Next(t)
			k := cfg.maker.Reports[id]
			p := period.LatestEnded(k.Kind, k.Boundary, t)
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", cfg.ReportName(id), r.Schedule, t.Format("02/01/2006 15:04 -07:00"), p.Label(),
				p.From.Format("02/01/2006"), p.To.Format("02/01/2006"))
		}
	}
	fmt.Fprintf(w, "\n%s\n", catalog.SchedZone.F(cfg.Location))
	return w.Flush()
}
