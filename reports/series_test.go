package reports

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// monthlyCount is testdata/office-messy-monthly.json, made by
// scripts/count-monthly.py (openpyxl, independent of the Go code).
type monthlyCount struct {
	Periods map[string]struct {
		From       string `json:"from"`
		To         string `json:"to"`
		Indicators map[string]struct {
			Value       *float64 `json:"value"`
			Numerator   int      `json:"numerator"`
			Denominator int      `json:"denominator"`
		} `json:"indicators"`
	} `json:"periods"`
}

func readMonthlyCount(t *testing.T) monthlyCount {
	t.Helper()
	raw, err := os.ReadFile("../testdata/office-messy-monthly.json")
	if err != nil {
		t.Fatal(err)
	}
	var m monthlyCount
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestMonthlyCountAgreesWithExpectations checks the independent monthly
// count against the shared expectations where both give a figure
// (2024-03, 2024-Q2, 2024-H1, 2024): the counter reads the samples right.
func TestMonthlyCountAgreesWithExpectations(t *testing.T) {
	m := readMonthlyCount(t)
	raw, err := os.ReadFile("../testdata/office-messy-expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var want struct {
		Periods map[string]map[string]expected `json:"periods"`
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	compared := 0
	for label, inds := range want.Periods {
		got, ok := m.Periods[label]
		if !ok {
			t.Errorf("the monthly count lacks %s", label)
			continue
		}
		for id, g := range got.Indicators {
			w, ok := inds[id]
			if !ok {
				t.Errorf("%s %s: not in the expectations", label, id)
				continue
			}
			checkResult(t, label+" "+id, w, g.Value, &g.Numerator, &g.Denominator, w.Met)
			compared++
		}
	}
	if compared != 4*8 {
		t.Errorf("compared %d figures, want 32 (8 ratio indicators, 4 periods)", compared)
	}
}

// TestAnnualSeriesMatchesMonthlyCount makes the annual report of 2024 from
// the LibreOffice samples and checks its monthly series against the
// independent count, month by month, value by value.
func TestAnnualSeriesMatchesMonthlyCount(t *testing.T) {
	m := readMonthlyCount(t)
	man := makeSamples(t, "annual", "2024")
	if len(man.Series) != 8 {
		t.Fatalf("%d series, want 8", len(man.Series))
	}
	checked := 0
	for _, s := range man.Series {
		if len(s.Points) != 12 {
			t.Errorf("%s: %d months, want 12", s.ID, len(s.Points))
		}
		for _, p := range s.Points {
			want, ok := m.Periods[p.Period]
			if !ok {
				t.Errorf("%s: month %s not counted", s.ID, p.Period)
				continue
			}
			if p.From != want.From || p.To != want.To {
				t.Errorf("%s %s runs %s→%s, want %s→%s", s.ID, p.Period, p.From, p.To, want.From, want.To)
			}
			w, ok := want.Indicators[s.ID]
			if !ok {
				t.Errorf("%s: not counted", s.ID)
				continue
			}
			if p.Numerator != w.Numerator || p.Denominator != w.Denominator || (p.Value == nil) != (w.Value == nil) ||
				p.Value != nil && math.Abs(*p.Value-*w.Value) > 1e-12 {
				t.Errorf("%s %s: %d/%d = %v, want %d/%d = %v", s.ID, p.Period, p.Numerator, p.Denominator, show(p.Value),
					w.Numerator, w.Denominator, show(w.Value))
			}
			checked++
		}
	}
	if checked != 8*12 {
		t.Errorf("checked %d points, want 96", checked)
	}
}

// TestMonthlyCountIsReproducible reruns the counter and compares its
// output with the committed file.
func TestMonthlyCountIsReproducible(t *testing.T) {
	requirePython(t, "openpyxl")
	out, err := exec.Command("/usr/bin/python3", "../scripts/count-monthly.py", "../testdata/office-messy").Output()
	if err != nil {
		t.Fatalf("count-monthly.py: %v", err)
	}
	committed, err := os.ReadFile("../testdata/office-messy-monthly.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, committed) {
		t.Errorf("scripts/count-monthly.py gives other figures than testdata/office-messy-monthly.json: rerun it and review the diff")
	}
}

// makeSamples makes a report from the example config reading the
// LibreOffice samples of testdata/office-messy.
func makeSamples(t *testing.T, report, label string) *Manifest {
	t.Helper()
	cfg, err := loadSettings(t, "../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Archive = t.TempDir()
	dir, err := filepath.Abs("../testdata/office-messy")
	if err != nil {
		t.Fatal(err)
	}
	for name, file := range fileNames {
		s := cfg.Sources[name]
		s.Path = filepath.Join(dir, file)
		cfg.Sources[name] = s
	}
	mk, err := NewMaker(cfg, func() time.Time { return time.Date(2024, 12, 16, 7, 0, 0, 0, cfg.Location) })
	if err != nil {
		t.Fatal(err)
	}
	p, err := mk.Period(report, label)
	if err != nil {
		t.Fatal(err)
	}
	_, man, err := mk.Make(report, p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return man
}
