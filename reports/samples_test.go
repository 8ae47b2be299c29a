package reports

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// fileNames are the example data set's file names (docs/spec.md §1).
var fileNames = map[string]string{
	"dossiers": "ho-so-tthc.xlsx", "feedback": "phan-anh-kien-nghi.xlsx",
	"survey": "khao-sat-hai-long.xlsx", "payments": "thanh-toan-hoc-phi.xlsx",
	"documents": "van-ban.xlsx", "staff": "can-bo.xlsx",
	"manual": "so-lieu-nhap-tay.xlsx", "tasks": "tien-do-nhiem-vu.xlsx",
}

func specsIn(dir string) map[string]sources.Spec {
	specs := map[string]sources.Spec{}
	for n, f := range fileNames {
		specs[n] = sources.Spec{Name: n, Path: filepath.Join(dir, f)}
	}
	return specs
}

type expected struct {
	Value       *float64 `json:"value"`
	Numerator   *int     `json:"numerator"`
	Denominator *int     `json:"denominator"`
	Met         *bool    `json:"met"`
	Breakdown   map[string]expected
}

// TestOfficeMessySamples checks every indicator against the counts made
// independently for workbooks written by LibreOffice Calc.
func TestOfficeMessySamples(t *testing.T) {
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
	p, err := plan.Load("")
	if err != nil {
		t.Fatal(err)
	}
	data, err := Gather(p, specsIn("../testdata/office-messy"), filepath.Base)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Periods) != 4 {
		t.Fatalf("expected 4 periods in the expectations, got %d", len(want.Periods))
	}
	for label, inds := range want.Periods {
		t.Run(label, func(t *testing.T) {
			per, err := period.Parse(label, period.Decree09)
			if err != nil {
				t.Fatal(err)
			}
			out := indicators.Compute(indicators.Input{Plan: p, Period: per, Tables: data.Tables,
				OfficialDomains: []string{"hcm.edu.vn", "tphcm.gov.vn"}})
			got := map[string]indicators.Result{}
			for _, r := range out.Indicators {
				got[r.ID] = r
			}
			if len(inds) != len(p.Indicators) {
				t.Errorf("expectations list %d indicators, plan has %d", len(inds), len(p.Indicators))
			}
			for id, w := range inds {
				r, ok := got[id]
				if !ok {
					t.Errorf("%s: not computed", id)
					continue
				}
				checkResult(t, id, w, r.Value, r.Numerator, r.Denominator, r.Met)
				if w.Breakdown == nil {
					continue
				}
				if len(r.Breakdown) != len(w.Breakdown) {
					t.Errorf("%s: %d groups, want %d: %+v", id, len(r.Breakdown), len(w.Breakdown), r.Breakdown)
				}
				for _, g := range r.Breakdown {
					wg, ok := w.Breakdown[sources.Fold(g.Key)]
					if !ok {
						t.Errorf("%s: unexpected group %q", id, g.Key)
						continue
					}
					checkResult(t, id+"/"+g.Key, wg, g.Value, &g.Numerator, &g.Denominator, g.Met)
				}
			}
		})
	}
}

func checkResult(t *testing.T, id string, w expected, v *float64, n, d *int, met *bool) {
	t.Helper()
	if (w.Value == nil) != (v == nil) || v != nil && math.Abs(*w.Value-*v) > 1e-9 {
		t.Errorf("%s: value %v, want %v", id, show(v), show(w.Value))
	}
	if w.Numerator != nil && (n == nil || *n != *w.Numerator) {
		t.Errorf("%s: numerator %v, want %d", id, show(n), *w.Numerator)
	}
	if w.Denominator != nil && (d == nil || *d != *w.Denominator) {
		t.Errorf("%s: denominator %v, want %d", id, show(d), *w.Denominator)
	}
	if (w.Met == nil) != (met == nil) || met != nil && *met != *w.Met {
		t.Errorf("%s: met %v, want %v", id, show(met), show(w.Met))
	}
}

func show[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}
