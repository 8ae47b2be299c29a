package sources

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"

	"github.com/mn2010/baocao/internal/exampledata"
)

// decodeData is the example data at BAOCAO_BENCH_SCALE (default 40),
// generated once.
var decodeData = sync.OnceValues(func() (string, error) {
	scale := 40
	if n, err := strconv.Atoi(os.Getenv("BAOCAO_BENCH_SCALE")); err == nil && n > 0 {
		scale = n
	}
	dir, err := os.MkdirTemp("", "baocao-decode")
	if err != nil {
		return "", err
	}
	return dir, exampledata.Generate(dir, scale)
})

// BenchmarkDecode opens each example workbook and walks every row of its
// first sheet: the decoder alone (inflate, tokens, cells), no parsing of
// values. Bytes are the sheet's unzipped size.
func BenchmarkDecode(b *testing.B) {
	dir, err := decodeData()
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(f), func(b *testing.B) {
			b.ReportAllocs()
			cells := 0
			cpu := cpuTime()
			for b.Loop() {
				wb, err := openWorkbook(data, DefaultLimits.MaxUnzipBytes)
				if err != nil {
					b.Fatal(err)
				}
				sr, err := wb.openSheet(wb.sheets[0].part)
				if err != nil {
					b.Fatal(err)
				}
				cells = 0
				for {
					row, _, ok, err := sr.next()
					if err != nil {
						b.Fatal(err)
					}
					if !ok {
						break
					}
					cells += row.len()
				}
				sr.close()
				b.SetBytes(int64(wb.find(wb.sheets[0].part).UncompressedSize64))
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(cells), "cells")
		})
	}
}

// cpuTime is the CPU time (user and system) the process has used, in ns:
// on a shared machine it says more than the wall time.
func cpuTime() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
