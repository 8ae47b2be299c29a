package main

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
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
	// One row a version, short enough for an 80-column terminal; who and
	// when on indented lines below it (baocao status says it all). The
	// rows are aligned alone, then the notes put back under theirs.
	fmt.Fprintln(stdout, catalog.ArchiveRoot.F(m.Store().Root))
	if len(entries) == 0 {
		fmt.Fprintln(stdout, catalog.ArchiveEmpty)
		return nil
	}
	// The reports in the order the clerk reads them everywhere (tháng, quý,
	// 6 tháng, năm), each one's periods and versions as the store lists
	// them; a report no longer in the config last.
	rank := map[string]int{}
	for i, id := range cfg.ReportIDs() {
		rank[id] = i + 1
	}
	sort.SliceStable(entries, func(i, j int) bool {
		ri, rj := rank[entries[i].Report], rank[entries[j].Report]
		if ri == 0 {
			ri = len(rank) + 1
		}
		if rj == 0 {
			rj = len(rank) + 1
		}
		return ri < rj
	})
	var table bytes.Buffer
	w := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, catalog.ArchiveHeader)
	notes := make([][]string, len(entries))
	for i, e := range entries {
		generated := "?"
		if man, err := reports.ReadManifest(e.Dir); err == nil {
			if t, err := time.Parse(time.RFC3339, man.GeneratedAt); err == nil {
				generated = t.In(cfg.Location).Format("02/01/2006 15:04")
			}
		}
		status, attempts := catalog.ArchiveUnread.String(), 0
		if _, ok, err := delivery.LoadRecord(e.Dir); err == nil && !ok {
			status = catalog.ArchivePending.String()
		} else if st, err := m.State(e); err == nil {
			status, notes[i] = st.Brief(cfg.Location)
			attempts = len(st.Record.Attempts)
		}
		fmt.Fprintf(w, "%s\t%s\tv%d\t%s\t%d\t%s\n", e.Report, e.Period, e.Version, generated, attempts, status)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	lines := strings.Split(strings.TrimSuffix(table.String(), "\n"), "\n")
	fmt.Fprintln(stdout, lines[0])
	for i, l := range lines[1:] {
		fmt.Fprintln(stdout, l)
		for _, n := range notes[i] {
			fmt.Fprintln(stdout, "    "+n)
		}
	}
	fmt.Fprintln(stdout, catalog.ArchiveDetails)
	return nil
}
