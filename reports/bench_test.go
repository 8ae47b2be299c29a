package reports

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/exampledata"
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
			for b.Loop() {
				spec := specs[n]
				spec.Keep = p.Used(n) // as a run reads it
				res, err := sources.Read(spec, p.Schema(n))
				if err != nil {
					b.Fatal(err)
				}
				rows = res.Table.Len()
			}
			b.ReportMetric(float64(rows), "rows")
		})
	}
}

// BenchmarkAnnualRun makes the annual report of 2024: read, compute,
// render and archive, without mail.
func BenchmarkAnnualRun(b *testing.B) {
	cfg := benchConfig(b)
	m, err := NewMaker(cfg, func() time.Time { return time.Date(2024, 12, 16, 7, 0, 0, 0, cfg.Location) })
	if err != nil {
		b.Fatal(err)
	}
	p, err := m.Period("annual", "2024")
	if err != nil {
		b.Fatal(err)
	}
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
