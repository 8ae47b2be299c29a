package reports

import (
	"testing"
	"time"
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
