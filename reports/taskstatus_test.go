package reports

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/templates"
	"github.com/xuri/excelize/v2"
)

// TestRenamedTaskStatuses makes the March report from a plan whose status
// list says "Đã hoàn thành" for a finished task, with the example task
// progress restated in those words: the report counts the same finished
// tasks as with the 2024 plan's words, and says so in the PDF.
func TestRenamedTaskStatuses(t *testing.T) {
	requireTool(t, "pdftotext")
	rename := map[string]string{"Hoàn thành": "Đã hoàn thành", "Đang thực hiện": "Đang triển khai", "Chưa thực hiện": "Chưa triển khai"}
	dir := t.TempDir()

	planText, err := fs.ReadFile(templates.FS, templates.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	renamed := strings.NewReplacer(`"Hoàn thành", "Đang thực hiện", "Chưa thực hiện"`, `"Đã hoàn thành", "Đang triển khai", "Chưa triển khai"`,
		`done = "Hoàn thành"`, `done = "Đã hoàn thành"`).Replace(string(planText))
	if renamed == string(planText) {
		t.Fatal("the 2024 plan's status list or done line changed: the test is stale")
	}
	planPath := filepath.Join(dir, "plan.toml")
	if err := os.WriteFile(planPath, []byte(renamed), 0o644); err != nil {
		t.Fatal(err)
	}

	f, err := excelize.OpenFile("../examples/data/" + fileNames["tasks"])
	if err != nil {
		t.Fatal(err)
	}
	changed := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			for j, v := range r {
				if to, ok := rename[v]; ok {
					axis, _ := excelize.CoordinatesToCellName(j+1, i+1)
					if err := f.SetCellStr(sheet, axis, to); err != nil {
						t.Fatal(err)
					}
					changed++
				}
			}
		}
	}
	tasksPath := filepath.Join(dir, fileNames["tasks"])
	if err := f.SaveAs(tasksPath); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if changed == 0 {
		t.Fatal("the example task progress holds no status to rename")
	}

	report := func(plan, tasks string) (*Manifest, string) {
		cfg, err := loadSettings(t, "../config.example.toml")
		if err != nil {
			t.Fatal(err)
		}
		cfg.Archive = t.TempDir()
		cfg.Plan = plan
		if tasks != "" {
			s := cfg.Sources["tasks"]
			s.Path = tasks
			cfg.Sources["tasks"] = s
		}
		m, err := NewMaker(cfg, func() time.Time { return time.Date(2024, 6, 16, 7, 0, 0, 0, cfg.Location) })
		if err != nil {
			t.Fatal(err)
		}
		p, err := m.Period("quarterly", "2024-Q2")
		if err != nil {
			t.Fatal(err)
		}
		e, man, err := m.Make("quarterly", p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		text := run(t, "pdftotext", "-raw", filepath.Join(e.Dir, "bao-cao-cchc-2024-Q2.pdf"), "-")
		return man, spaces.ReplaceAllString(text, " ")
	}
	done := func(man *Manifest) (n, updated int) {
		for _, s := range man.Tasks {
			if s.Done {
				n++
			}
			if s.Status != "Chưa cập nhật" {
				updated++
			}
		}
		return n, updated
	}
	want, _ := report("", "")
	got, text := report(planPath, tasksPath)
	wantDone, _ := done(want)
	gotDone, updated := done(got)
	if wantDone == 0 {
		t.Fatal("the example data has no finished task in 2024-Q2: the test shows nothing")
	}
	if gotDone != wantDone {
		t.Errorf("%d tasks finished with the renamed statuses, %d with the 2024 plan's", gotDone, wantDone)
	}
	for _, s := range got.Tasks {
		if s.Done != (s.Status == "Đã hoàn thành") {
			t.Errorf("task %s: status %q, done %v", s.ID, s.Status, s.Done)
		}
	}
	sentence := "trong đó " + strconv.Itoa(gotDone) + " nhiệm vụ hoàn thành"
	if !strings.Contains(text, sentence) || !strings.Contains(text, strconv.Itoa(updated)+"/"+strconv.Itoa(len(got.Tasks))+" nhiệm vụ") {
		t.Errorf("the PDF does not say %d/%d tasks updated, %q", updated, len(got.Tasks), sentence)
	}
}
