package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// planData is where the plan documents the importer is tested with live
// (their README says how each was made).
const planData = "../../reports/plan/importer/testdata/"

// figures is what a report says about its plan: the reference it cites,
// each indicator's figures and status, each task's progress.
type figures struct {
	Plan       string `json:"plan"`
	PlanSHA256 string `json:"plan_sha256"`
	Indicators []struct {
		ID          string   `json:"id"`
		Value       *float64 `json:"value"`
		Numerator   *int     `json:"numerator"`
		Denominator *int     `json:"denominator"`
		Target      float64  `json:"target"`
		Compare     string   `json:"compare"`
		Met         *bool    `json:"met"`
		Status      string   `json:"status"`
		Unit        string   `json:"unit"`
		Breakdown   []struct {
			Key         string   `json:"key"`
			Value       *float64 `json:"value"`
			Numerator   int      `json:"numerator"`
			Denominator int      `json:"denominator"`
			Target      float64  `json:"target"`
			Met         *bool    `json:"met"`
		} `json:"breakdown"`
	} `json:"indicators"`
	Tasks []struct {
		ID     string `json:"id"`
		Status string `json:"status"`
		Done   bool   `json:"done"`
		Result string `json:"result"`
		Period string `json:"period"`
	} `json:"tasks"`
}

// usePlan points the project's config at the plan file planFile (relative
// to the config, as a clerk writes it).
func usePlan(t *testing.T, cfg, planFile string) {
	t.Helper()
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "timezone = ", "plan = \""+planFile+"\"\ntimezone = ", 1)
	if s == string(b) {
		t.Fatal("the config has no timezone line to put the plan before")
	}
	if err := os.WriteFile(cfg, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// reportFigures runs a report on the project and reads its manifest.
func reportFigures(t *testing.T, cfg, report, period string) figures {
	t.Helper()
	code, out, errs := baocao("run", "-c", cfg, "-r", report, "-p", period, "--no-email")
	if code != 0 {
		t.Fatalf("run %s %s: exit %d: %s", report, period, code, errs)
	}
	b, err := os.ReadFile(filepath.Join(strings.TrimSpace(out), "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f figures
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// importPlan runs `baocao plan import DOC -o ke-hoach.toml` beside cfg.
func importPlan(t *testing.T, cfg, doc string) (out string) {
	t.Helper()
	code, out, errs := baocao("plan", "import", doc, "-o", filepath.Join(filepath.Dir(cfg), "ke-hoach.toml"))
	if code != 0 {
		t.Fatalf("plan import %s: exit %d: %s", doc, code, errs)
	}
	return out
}

// TestImported2024PlanReportsAsBuiltIn: the 2024 plan's document, as
// Markdown and as Word files written by pandoc and LibreOffice, imports to
// a plan whose reports on the example data equal the built-in plan's:
// every indicator's value, numerator, denominator, target, comparison and
// status (with each field of 3.1), the 58 tasks and the plan reference.
func TestImported2024PlanReportsAsBuiltIn(t *testing.T) {
	builtin := project(t)
	runs := [][2]string{{"monthly", "2024-03"}, {"quarterly", "2024-Q1"}, {"quarterly", "2024-Q2"}}
	want := map[[2]string]figures{}
	for _, r := range runs {
		want[r] = reportFigures(t, builtin, r[0], r[1])
	}
	if f := want[runs[0]]; len(f.Tasks) != 58 || len(f.Indicators) != 16 || f.Plan != "Kế hoạch số 13/KH-MN2010 ngày 12 tháng 01 năm 2024" {
		t.Fatalf("built-in plan: %d tasks, %d indicators, %q", len(f.Tasks), len(f.Indicators), f.Plan)
	}
	for _, doc := range []string{"ke-hoach-cchc-2024.md", "ke-hoach-cchc-2024.docx", "ke-hoach-cchc-2024.libreoffice.docx"} {
		t.Run(doc, func(t *testing.T) {
			cfg := project(t)
			out := importPlan(t, cfg, planData+doc)
			if !strings.Contains(out, "16 chỉ tiêu (10 đo từ sổ sách, 6 nhập tay), 58 nhiệm vụ") {
				t.Errorf("table:\n%s", out)
			}
			usePlan(t, cfg, "ke-hoach.toml")
			for _, r := range runs {
				got := reportFigures(t, cfg, r[0], r[1])
				checkPlanHash(t, cfg, got.PlanSHA256)
				got.PlanSHA256 = want[r].PlanSHA256
				if !reflect.DeepEqual(got, want[r]) {
					g, _ := json.MarshalIndent(got, "", " ")
					w, _ := json.MarshalIndent(want[r], "", " ")
					t.Errorf("%s %s differs from the built-in plan's:\n got %s\nwant %s", r[0], r[1], g, w)
				}
			}
		})
	}
}

// TestImportedPlanOfAnotherSchool: another school's 2025 plan (a header
// table, Word list numbering, heading styles, targets renumbered, reworded,
// added and dropped, thresholds changed) imported from pandoc's and
// LibreOffice's Word files: each known target is computed as the 2024
// plan's indicator of the same meaning (the same value, numerator and
// denominator on the same data), holds the new threshold and is met or not
// by it; the unknown targets are manual; the report cites the new plan.
func TestImportedPlanOfAnotherSchool(t *testing.T) {
	base := reportFigures(t, project(t), "quarterly", "2024-Q1")
	byID := map[string]int{}
	for i, in := range base.Indicators {
		byID[in.ID] = i
	}
	// the new plan's id → the 2024 id of the same measure, and the new threshold
	measured := []struct {
		id, was string
		target  float64
		fields  map[string]float64
	}{
		{"2", "3.1", 0.99, map[string]float64{"Khiếu nại, tố cáo": 0.90}},
		{"3", "3.3", 1, nil},
		{"4", "4.1", 0.995, nil},
		{"5", "4.2", 0.98, nil},
		{"6", "5", 1, nil},
		{"7", "7", 1, nil},
		{"8", "9.2", 0.95, nil},
		{"9", "9.1", 1, nil},
		{"13", "9.4", 1, nil},
	}
	manual := map[string]string{"1": "rank", "10": "fraction", "11": "yesno", "12": "yesno"}
	for _, doc := range []string{"hoa-sen-2025.docx", "hoa-sen-2025.libreoffice.docx"} {
		t.Run(doc, func(t *testing.T) {
			cfg := project(t)
			importPlan(t, cfg, planData+doc)
			usePlan(t, cfg, "ke-hoach.toml")
			got := reportFigures(t, cfg, "quarterly", "2024-Q1")
			checkPlanHash(t, cfg, got.PlanSHA256)
			if got.Plan != "Kế hoạch số 05/KH-MNHS ngày 08 tháng 01 năm 2025" {
				t.Errorf("the report cites %q", got.Plan)
			}
			if len(got.Indicators) != 13 || len(got.Tasks) != 5 {
				t.Fatalf("%d indicators, %d tasks; want 13 and 5", len(got.Indicators), len(got.Tasks))
			}
			ind := map[string]int{}
			for i, in := range got.Indicators {
				ind[in.ID] = i
			}
			for _, m := range measured {
				g, w := got.Indicators[ind[m.id]], base.Indicators[byID[m.was]]
				if !reflect.DeepEqual(g.Value, w.Value) || !reflect.DeepEqual(g.Numerator, w.Numerator) ||
					!reflect.DeepEqual(g.Denominator, w.Denominator) || g.Unit != w.Unit || g.Target != m.target {
					t.Errorf("%s (as 2024's %s): value %v %v/%v unit %s target %v; want %v %v/%v %s target %v", m.id, m.was,
						deref(g.Value), derefI(g.Numerator), derefI(g.Denominator), g.Unit, g.Target,
						deref(w.Value), derefI(w.Numerator), derefI(w.Denominator), w.Unit, m.target)
					continue
				}
				if g.Value == nil {
					continue
				}
				met := *g.Value >= m.target-1e-9
				for i, grp := range g.Breakdown {
					want := m.target
					if v, ok := m.fields[grp.Key]; ok {
						want = v
					}
					if grp.Target != want || grp.Numerator != w.Breakdown[i].Numerator || grp.Denominator != w.Breakdown[i].Denominator {
						t.Errorf("%s, field %s: %d/%d target %v; want %d/%d target %v", m.id, grp.Key,
							grp.Numerator, grp.Denominator, grp.Target, w.Breakdown[i].Numerator, w.Breakdown[i].Denominator, want)
					}
				}
				if len(g.Breakdown) > 0 {
					met = true
					for _, grp := range g.Breakdown {
						if grp.Value != nil && *grp.Value < grp.Target-1e-9 {
							met = false
						}
					}
				}
				if g.Met == nil || *g.Met != met {
					t.Errorf("%s: met %v, want %v (value %v, target %v)", m.id, g.Met, met, *g.Value, m.target)
				}
			}
			for id, unit := range manual {
				if g := got.Indicators[ind[id]]; g.Unit != unit || g.Numerator != nil {
					t.Errorf("%s: unit %s numerator %v; want a manual %s", id, g.Unit, g.Numerator, unit)
				}
			}
		})
	}
}

// checkPlanHash: the manifest records the hash of the plan file the
// config names.
func checkPlanHash(t *testing.T, cfg, got string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(filepath.Dir(cfg), "ke-hoach.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(b); got != hex.EncodeToString(sum[:]) {
		t.Errorf("manifest plan_sha256 %q is not the plan file's", got)
	}
}

func deref(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

func derefI(v *int) any {
	if v == nil {
		return nil
	}
	return *v
}
