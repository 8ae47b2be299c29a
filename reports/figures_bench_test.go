package reports

import (
	"testing"

	"github.com/mn2010/baocao/sources"
)

// BenchmarkCompute counts the annual report of 2024's figures (indicators
// with comparisons and series, narrative, period cover) from tables read
// once, outside the loop: what Build does between reading and rendering.
func BenchmarkCompute(b *testing.B) {
	m, p, _ := benchAnnual(b)
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
	m, _, today := benchAnnual(b)
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
