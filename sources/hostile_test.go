package sources

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"
)

// Hostile workbooks (issue 12) are made by the tests through a streaming
// zip writer and read with time and memory watched: each must answer in
// under 5 s and 200 MB, whatever the file says.
const (
	hostileTime = 5 * time.Second
	hostileHeap = 200 << 20
)

// streamBook writes a one-sheet workbook to a file: rows writes the
// contents of <sheetData>, strings (if not nil) those of <sst>.
func streamBook(t *testing.T, rows, strings func(w io.Writer)) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "hostile.xlsx")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	parts := bookParts("")
	if strings != nil {
		parts = edit(parts, "xl/_rels/workbook.xml.rels", relsOpen+
			`<Relationship Id="rId1" Type="`+relType+`worksheet" Target="worksheets/sheet1.xml"/>`+
			`<Relationship Id="rId2" Type="`+relType+`sharedStrings" Target="sharedStrings.xml"/></Relationships>`)
	}
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if p.name != "xl/worksheets/sheet1.xml" {
			io.WriteString(w, p.text)
			continue
		}
		bw := bufio.NewWriterSize(w, 1<<16)
		io.WriteString(bw, xmlHead+`<worksheet `+nsMain+`><sheetData>`)
		rows(bw)
		io.WriteString(bw, `</sheetData></worksheet>`)
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	if strings != nil {
		w, _ := zw.Create("xl/sharedStrings.xml")
		bw := bufio.NewWriterSize(w, 1<<16)
		io.WriteString(bw, xmlHead+`<sst `+nsMain+`>`)
		strings(bw)
		io.WriteString(bw, `</sst>`)
		bw.Flush()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

// watch runs f and reports its time, the peak of the heap's objects above
// what they were before, and the bytes it allocated.
func watch(f func()) (elapsed time.Duration, peak, alloc uint64) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(sample)
	base, alloc0 := sample[0].Value.Uint64(), sample[1].Value.Uint64()
	var mu sync.Mutex
	high := base
	done := make(chan struct{})
	go func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				metrics.Read(s)
				mu.Lock()
				high = max(high, s[0].Value.Uint64())
				mu.Unlock()
			}
		}
	}()
	start := time.Now()
	f()
	elapsed = time.Since(start)
	close(done)
	metrics.Read(sample)
	mu.Lock()
	defer mu.Unlock()
	high = max(high, sample[0].Value.Uint64())
	return elapsed, high - base, sample[1].Value.Uint64() - alloc0
}

func TestHostileWorkbooks(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads workbooks of a million rows")
	}
	const n = 1_000_000
	header := `<row r="1">` + is("A1", "Mã hồ sơ") + is("B1", "Lĩnh vực") + is("C1", "Ngày tiếp nhận") + is("D1", "Ngày hẹn trả") + `</row>`
	farRows := func(cell string) func(w io.Writer) {
		return func(w io.Writer) {
			io.WriteString(w, header)
			for r := 2; r <= n+1; r++ {
				fmt.Fprintf(w, cell, r, r)
			}
		}
	}
	huge := func(w io.Writer) {
		chunk := strings.Repeat("a", 1<<20)
		for range 200 {
			io.WriteString(w, chunk)
		}
	}
	tests := []struct {
		name   string
		rows   func(io.Writer)
		shared func(io.Writer)
		check  func(t *testing.T, res *Result, err error)
	}{
		{"a million rows, each with one cell in XFD", farRows(`<row r="%d"><c r="XFD%d"><v>1</v></c></row>`), nil,
			func(t *testing.T, res *Result, err error) {
				if err != nil {
					t.Fatal(err)
				}
				// Four required cells blank in every row: the first
				// MaxWarnings are listed, then one says how many more.
				last := res.Issues[len(res.Issues)-1].Message
				if res.Table.Len() != 0 || len(res.Issues) != MaxWarnings+1 || !strings.Contains(last, fmt.Sprintf("còn %d cảnh báo", 4*n-MaxWarnings)) {
					t.Errorf("%d rows, %d issues, last %q", res.Table.Len(), len(res.Issues), last)
				}
			}},
		{"a million rows, each with one cell in XFD, no header", func(w io.Writer) {
			for r := 1; r <= n; r++ {
				fmt.Fprintf(w, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, r, r)
			}
		}, nil, func(t *testing.T, res *Result, err error) {
			if err == nil || !strings.Contains(err.Error(), "thiếu cột bắt buộc") {
				t.Errorf("err %v, want the missing columns named", err)
			}
		}},
		{"a million rows, each with an empty styled cell in XFD", farRows(`<row r="%d" spans="16384:16384"><c r="XFD%d" s="1"/></row>`), nil,
			func(t *testing.T, res *Result, err error) {
				if err != nil || res.Table.Len() != 0 || len(res.Issues) != 0 {
					t.Errorf("err %v, rows %d, issues %+v: blank rows are skipped", err, res.Table.Len(), res.Issues)
				}
			}},
		{"a 200 MB inline string", func(w io.Writer) {
			io.WriteString(w, header+`<row r="2"><c r="B2" t="inlineStr"><is><t>`)
			huge(w)
			io.WriteString(w, `</t></is></c></row>`)
		}, nil, func(t *testing.T, res *Result, err error) {
			if err == nil || !strings.Contains(err.Error(), "ô B2 (dòng 2, cột B)") || !strings.Contains(err.Error(), "32.767 ký tự") {
				t.Errorf("err %v, want the cell named and Excel's limit", err)
			}
		}},
		{"1000 MB of zeros after the sheet's data", func(w io.Writer) {
			// The sheet is read to its part's end (for archive/zip's
			// CRC-32 and size check): the zeros are inflated, not parsed.
			io.WriteString(w, dossierRows+`</sheetData>`)
			zeros := make([]byte, 1<<20)
			for range 1000 {
				w.Write(zeros)
			}
			io.WriteString(w, `<sheetData>`)
		}, nil, func(t *testing.T, res *Result, err error) {
			if err != nil || res.Table.Len() != 2 {
				t.Errorf("err %v, %v: want the two dossiers", err, res)
			}
		}},
		{"a 200 MB shared string", func(w io.Writer) {
			io.WriteString(w, header+`<row r="2"><c r="B2" t="s"><v>0</v></c></row>`)
		}, func(w io.Writer) {
			io.WriteString(w, `<si><t>`)
			huge(w)
			io.WriteString(w, `</t></si>`)
		}, func(t *testing.T, res *Result, err error) {
			if err == nil || !errors.Is(err, ErrUnusable) || !strings.Contains(err.Error(), "32.767 ký tự") {
				t.Errorf("err %v, want the cell refused", err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := streamBook(t, tt.rows, tt.shared)
			st, _ := os.Stat(p)
			var res *Result
			var err error
			elapsed, peak, alloc := watch(func() {
				res, err = Read(Spec{Name: "dossiers", Path: p}, dossierSchema())
			})
			t.Logf("file %.1f MB: %v, heap peak %.1f MB, allocated %.1f MB", float64(st.Size())/(1<<20), elapsed.Round(time.Millisecond),
				float64(peak)/(1<<20), float64(alloc)/(1<<20))
			tt.check(t, res, err)
			// Allocation does not depend on the machine's load: it is the
			// steady check that no row is built out to XFD (the old
			// reader allocated about 250 GB here).
			if (elapsed > hostileTime && !raceDetector) || peak > hostileHeap || alloc > hostileHeap {
				t.Errorf("took %v, %d MB of heap and allocated %d MB; the bound is %v and %d MB", elapsed, peak>>20, alloc>>20, hostileTime, hostileHeap>>20)
			}
		})
	}
}
