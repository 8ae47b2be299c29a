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
	type measure struct {
		id, was string // the new plan's id, the 2024 id of the same measure
		target  float64
		fields  map[string]float64
	}
	type school struct {
		ref               string
		indicators, tasks int
		measured          []measure
		manual            map[string]string // id → value type
	}
	hoaSen := school{"Kế hoạch số 05/KH-MNHS ngày 08 tháng 01 năm 2025", 13, 5, []measure{
		{"2", "3.1", 0.99, map[string]float64{"Khiếu nại, tố cáo": 0.90}},
		{"3", "3.3", 1, nil},
		{"4", "4.1", 0.995, nil},
		{"5", "4.2", 0.98, nil},
		{"6", "5", 1, nil},
		{"7", "7", 1, nil},
		{"8", "9.2", 0.95, nil},
		{"9", "9.1", 1, nil},
		{"13", "9.4", 1, nil},
	}, map[string]string{"1": "rank", "10": "fraction", "11": "yesno", "12": "yesno"}}
	benThanh := school{"Kế hoạch số 02/KH-MNBT ngày 06 tháng 01 năm 2026", 11, 3, []measure{
		{"1.1", "3.1", 1, map[string]float64{"Tuyển sinh": 0.97}},
		{"1.2", "3.3", 1, nil},
		{"2.1", "4.1", 0.97, nil},
		{"2.2", "4.2", 0.995, nil},
		{"2.3", "5", 0.95, nil},
		{"3.1", "9.1", 0.98, nil},
		{"3.2", "9.2", 1, nil},
		{"3.3", "9.4", 0.90, nil},
		{"3.4", "3.5", 0.85, nil},
	}, map[string]string{"1.3": "yesno", "3.5": "fraction"}}
	for doc, sc := range map[string]school{"hoa-sen-2025.docx": hoaSen, "hoa-sen-2025.libreoffice.docx": hoaSen, "ben-thanh-2026.libreoffice.docx": benThanh} {
		measured, manual := sc.measured, sc.manual
		t.Run(doc, func(t *testing.T) {
			cfg := project(t)
			importPlan(t, cfg, planData+doc)
			usePlan(t, cfg, "ke-hoach.toml")
			got := reportFigures(t, cfg, "quarterly", "2024-Q1")
			checkPlanHash(t, cfg, got.PlanSHA256)
			if got.Plan != sc.ref {
				t.Errorf("the report cites %q", got.Plan)
			}
			if len(got.Indicators) != sc.indicators || len(got.Tasks) != sc.tasks {
				t.Fatalf("%d indicators, %d tasks; want %d and %d", len(got.Indicators), len(got.Tasks), sc.indicators, sc.tasks)
			}
			ind := map[string]int{}
			for i, in := range got.Indicators {
				ind[in.ID] = i
			}
			for _, m := range measured {
				if _, ok := ind[m.id]; !ok {
					t.Errorf("no indicator %s", m.id)
					continue
				}
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
				if _, ok := ind[id]; !ok {
					t.Errorf("no indicator %s", id)
				} else if g := got.Indicators[ind[id]]; g.Unit != unit || g.Numerator != nil {
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

// TestPlanImportRefuses: what is not a plan exits 2 with a Vietnamese
// message saying what is missing or what to do, and writes nothing; an
// existing plan file is kept without --force.
func TestPlanImportRefuses(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "ke-hoach.toml")
	notPlan := filepath.Join(dir, "thu-moi.txt")
	os.WriteFile(notPlan, []byte("THƯ MỜI\nKính mời phụ huynh dự họp.\n"), 0o644)
	noTargets := filepath.Join(dir, "ke-hoach.md")
	os.WriteFile(noTargets, []byte("# KẾ HOẠCH\n\n## II. CHỈ TIÊU\n\nPhấn đấu hoàn thành tốt.\n"), 0o644)
	for _, tt := range []struct{ doc, want string }{
		{notPlan, "không tìm thấy mục chỉ tiêu"},
		{noTargets, "không có chỉ tiêu đánh số"},
		{planData + "hoa-sen-2025.doc", "lưu lại dưới dạng .docx"},
		{filepath.Join(dir, "khong-co.docx"), "không tìm thấy tệp"},
	} {
		code, stdout, errs := baocao("plan", "import", tt.doc, "-o", out)
		if code != exitBadInput || !strings.Contains(errs, tt.want) || !strings.Contains(errs, filepath.Base(tt.doc)) {
			t.Errorf("%s: exit %d, %q; want 2 saying %q", tt.doc, code, errs+stdout, tt.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("%s: a plan file was written", tt.doc)
		}
	}
	os.WriteFile(out, []byte("# sửa tay\n"), 0o644)
	code, _, errs := baocao("plan", "import", planData+"hoa-sen-2025.docx", "-o", out)
	if b, _ := os.ReadFile(out); code != exitBadInput || string(b) != "# sửa tay\n" || !strings.Contains(errs, "--force") {
		t.Errorf("over an existing file: exit %d, %s; file %q", code, errs, b)
	}
	if code, _, errs := baocao("plan", "import", "--force", planData+"hoa-sen-2025.docx", "-o", out); code != 0 {
		t.Errorf("--force: exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), `reference = "Kế hoạch số 05/KH-MNHS ngày 08 tháng 01 năm 2025"`) {
		t.Errorf("--force did not write the plan:\n%s", b)
	}
	if code, _, _ := baocao("plan", "import", planData+"hoa-sen-2025.docx"); code != exitBadInput {
		t.Errorf("without -o: exit %d", code)
	}
}
