package reports

import (
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/exampledata"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// benchScale is BAOCAO_BENCH_SCALE (default 40, about a district's year).
func benchScale() int {
	if n, err := strconv.Atoi(os.Getenv("BAOCAO_BENCH_SCALE")); err == nil && n > 0 {
		return n
	}
	return 40
}

var benchData = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "baocao-bench")
	if err != nil {
		return "", err
	}
	return dir, exampledata.Generate(filepath.Join(dir, "examples", "data"), benchScale())
})

func benchConfig(b *testing.B) *Settings {
	b.Helper()
	dir, err := benchData()
	if err != nil {
		b.Fatal(err)
	}
	raw, err := os.ReadFile("../config.example.toml")
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "config.toml")
	os.WriteFile(path, raw, 0o644)
	cfg, err := loadSettings(b, path)
	if err != nil {
		b.Fatal(err)
	}
	cfg.Archive = b.TempDir()
	return cfg
}

// BenchmarkRead reads each source once per iteration.
func BenchmarkRead(b *testing.B) {
	cfg := benchConfig(b)
	p, err := plan.Load("")
	if err != nil {
		b.Fatal(err)
	}
	specs := cfg.Specs()
	names := make([]string, 0, len(specs))
	for n := range specs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		b.Run(n, func(b *testing.B) {
			b.ReportAllocs()
			rows := 0
			cpu := cpuTime()
			for b.Loop() {
				spec := specs[n]
				spec.Keep = p.Used(n) // as a run reads it
				res, err := sources.Read(spec, p.Schema(n))
				if err != nil {
					b.Fatal(err)
				}
				rows = res.Table.Len()
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(rows), "rows")
			b.ReportMetric(keptBytesPerRow(b, n, specs[n], p), "kept-B/row")
		})
	}
}

// keptBytesPerRow is what the table of one read holds on the heap, per
// row: the live heap after the read less the live heap before it.
func keptBytesPerRow(b *testing.B, name string, spec sources.Spec, p *plan.Plan) float64 {
	b.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	spec.Keep = p.Used(name)
	res, err := sources.Read(spec, p.Schema(name))
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(res)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(max(res.Table.Len(), 1))
}

// benchAnnual is a maker over the bench data as on 16/12/2024, the
// annual period 2024 and that day: what the run benchmarks share.
func benchAnnual(b *testing.B) (*Maker, period.Period, time.Time) {
	b.Helper()
	cfg := benchConfig(b)
	now := time.Date(2024, 12, 16, 7, 0, 0, 0, cfg.Location)
	m, err := NewMaker(cfg, func() time.Time { return now })
	if err != nil {
		b.Fatal(err)
	}
	p, err := m.Period("annual", "2024")
	if err != nil {
		b.Fatal(err)
	}
	return m, p, now
}

// BenchmarkAnnualRun makes the annual report of 2024: read, compute,
// render and archive, without mail.
func BenchmarkAnnualRun(b *testing.B) {
	m, p, _ := benchAnnual(b)
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if _, _, err := m.Make("annual", p, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

// cpuTime is the CPU time (user and system) the process has used, in ns:
// on a shared machine it says more than the wall time.
func cpuTime() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
