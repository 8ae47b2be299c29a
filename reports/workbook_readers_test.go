package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/mn2010/baocao/reports/render"
)

// makeFrom makes a report from the example config, reading the sources
// from dir when dir is not empty.
func makeFrom(t *testing.T, dir, report, label string) (string, *Manifest) {
	t.Helper()
	cfg, err := loadSettings(t, "../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Archive = t.TempDir()
	if dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			t.Fatal(err)
		}
		for name, s := range cfg.Sources {
			s.Path = filepath.Join(abs, fileNames[name])
			cfg.Sources[name] = s
		}
	}
	m, err := NewMaker(cfg, func() time.Time { return time.Date(2025, 1, 2, 7, 0, 0, 0, cfg.Location) })
	if err != nil {
		t.Fatal(err)
	}
	p, err := m.Period(report, label)
	if err != nil {
		t.Fatal(err)
	}
	e, man, err := m.Make(report, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(e.Dir, "bao-cao-cchc-"+label+".xlsx"), man
}

// workbook is a workbook made for a test, with the manifest made with it.
type workbook struct {
	name string
	man  *Manifest
}

// TestWorkbooksForEveryReader makes the monthly, quarterly and annual
// workbooks of the example data and of the office samples, and opens them
// as a district analyst's pandas does (openpyxl) and as LibreOffice does.
func TestWorkbooksForEveryReader(t *testing.T) {
	books := map[string]workbook{}
	var paths []string
	for _, data := range []struct{ name, dir string }{{"example", ""}, {"office-messy", "../testdata/office-messy"}} {
		for _, r := range []struct{ report, label string }{{"monthly", "2024-03"}, {"quarterly", "2024-Q2"}, {"annual", "2024"}} {
			path, man := makeFrom(t, data.dir, r.report, r.label)
			books[path] = workbook{data.name + " " + r.report, man}
			paths = append(paths, path)
		}
	}
	t.Run("openpyxl", func(t *testing.T) { checkOpenpyxl(t, books, paths) })
	t.Run("libreoffice", func(t *testing.T) { checkLibreOffice(t, books, paths) })
}

// checkOpenpyxl reads every cell with Debian's openpyxl; every colour must
// be aRGB and every row high enough for its wrapped text, measured with
// FreeType (testdata/check_xlsx.py).
func checkOpenpyxl(t *testing.T, books map[string]workbook, paths []string) {
	requirePython(t, "openpyxl", "PIL")
	fonts := t.TempDir()
	regular, bold := filepath.Join(fonts, "regular.ttf"), filepath.Join(fonts, "bold.ttf")
	if err := os.WriteFile(regular, liberationserifregular.TTF, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bold, liberationserifbold.TTF, 0o644); err != nil {
		t.Fatal(err)
	}
	results := runChecker(t, append([]string{"../testdata/check_xlsx.py", regular, bold}, paths...), books)
	for path, raw := range results {
		b := books[path]
		var res struct {
			Sheets map[string]struct{ Rows, Cells int }
			Errors []string
		}
		if err := json.Unmarshal(raw, &res); err != nil {
			t.Fatal(err)
		}
		t.Run(b.name, func(t *testing.T) {
			for _, e := range res.Errors {
				t.Error(e)
			}
			// The header is row 5: openpyxl must see every row written.
			want := map[string]int{
				render.SheetIndicators: len(b.man.Indicators),
				render.SheetFields:     len(b.man.Dossiers),
				render.SheetLate:       len(b.man.Late),
				render.SheetTasks:      len(b.man.Tasks),
				render.SheetWarnings:   len(b.man.Issues),
			}
			for _, r := range b.man.Indicators {
				want[render.SheetIndicators] += len(r.Breakdown)
			}
			if len(b.man.Narrative) > 0 { // the clerk's texts (example 2024-Q2 and 2024)
				want[render.SheetNarrative] = len(b.man.Narrative)
			}
			for sheet, n := range want {
				if got := res.Sheets[sheet].Rows; got != 5+n {
					t.Errorf("sheet %q: openpyxl reads %d rows, want 5 + %d", sheet, got, n)
				}
			}
		})
	}
}

// checkLibreOffice loads each workbook in LibreOffice Calc and checks that
// no row is lower than Calc's own optimal height for its text
// (testdata/check_xlsx_lo.py), so printing from Calc overlaps nothing.
func checkLibreOffice(t *testing.T, books map[string]workbook, paths []string) {
	requireTool(t, "soffice")
	requirePython(t, "uno")
	requireTool(t, "fc-match")
	// Calc measures with the font it finds for Times New Roman: its metric
	// twin, or the font itself.
	out, _ := exec.Command("fc-match", "-f", "%{family}", "Times New Roman").Output()
	requireDebian(t, strings.Contains(string(out), "Liberation Serif") || strings.Contains(string(out), "Times New Roman"),
		fmt.Sprintf("a metric twin of Times New Roman (it falls back to %q)", out), "fonts-liberation2")
	results := runChecker(t, append([]string{"../testdata/check_xlsx_lo.py", t.TempDir()}, paths...), books)
	for path, raw := range results {
		var res struct {
			Rows   int
			Errors []string
		}
		if err := json.Unmarshal(raw, &res); err != nil {
			t.Fatal(err)
		}
		t.Run(books[path].name, func(t *testing.T) {
			for _, e := range res.Errors {
				t.Error(e)
			}
			if res.Rows == 0 {
				t.Error("Calc saw no rows")
			}
		})
	}
}

// runChecker runs a checking script with Debian's python3 and returns the
// JSON line it printed for each workbook.
func runChecker(t *testing.T, args []string, books map[string]workbook) map[string]json.RawMessage {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(debianPython, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", args[0], err, stderr.Bytes())
	}
	results := map[string]json.RawMessage{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var res struct{ File string }
		if err := json.Unmarshal(sc.Bytes(), &res); err != nil {
			t.Fatalf("%s printed %q: %v", args[0], sc.Text(), err)
		}
		if _, ok := books[res.File]; !ok {
			t.Fatalf("%s reports on a file it was not given: %s", args[0], res.File)
		}
		results[res.File] = append(json.RawMessage{}, sc.Bytes()...)
	}
	if len(results) != len(books) {
		t.Fatalf("%s reported on %d workbooks of %d", args[0], len(results), len(books))
	}
	return results
}
