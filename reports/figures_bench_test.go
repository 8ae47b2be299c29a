package reports

import (
	"testing"
	"time"

	"github.com/mn2010/baocao/sources"
)

// BenchmarkCompute counts the annual report of 2024's figures (indicators
// with comparisons and series, narrative, period cover) from tables read
// once, outside the loop: what Build does between reading and rendering.
func BenchmarkCompute(b *testing.B) {
	cfg := benchConfig(b)
	m, err := NewMaker(cfg, func() time.Time { return time.Date(2024, 12, 16, 7, 0, 0, 0, cfg.Location) })
	if err != nil {
		b.Fatal(err)
	}
	p, err := m.Period("annual", "2024")
	if err != nil {
		b.Fatal(err)
	}
	data, err := m.Read()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if f := m.figures(data, "annual", p); len(f.out.Indicators) == 0 {
			b.Fatal("no indicators")
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

// BenchmarkCheckData checks the annual run's tables (read once) for what
// reading alone cannot find, as Read does after reading: by blocks of
// cells, and cell by cell as before (refCheckData), for comparison.
func BenchmarkCheckData(b *testing.B) {
	cfg := benchConfig(b)
	today := time.Date(2024, 12, 16, 7, 0, 0, 0, cfg.Location)
	m, err := NewMaker(cfg, func() time.Time { return today })
	if err != nil {
		b.Fatal(err)
	}
	data, err := m.Read()
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		check func() []sources.Issue
	}{
		{"blocks", func() []sources.Issue { return checkData(m.plan, data.Tables, today) }},
		{"row-by-row", func() []sources.Issue { return refCheckData(m.plan, data.Tables, today) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.check()
			}
		})
	}
}
