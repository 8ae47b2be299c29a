package plan

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/mn2010/baocao/templates"
)

// TestUsed: the default plan reads only some columns of each source; the
// others are checked but not kept.
func TestUsed(t *testing.T) {
	p, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		source  string
		want    []string
		dropped []string
	}{
		{"payments", []string{"student", "paid_on", "method"}, []string{"name", "class", "amount"}},
		{"dossiers", []string{"id", "field", "procedure", "received", "due", "returned", "apology"}, nil},
		{"tasks", []string{"task", "period", "status", "result"}, nil},
		{"manual", []string{"indicator", "period", "value"}, []string{"note"}},
		{"narrative", []string{"period", "part", "text"}, nil},
		{"nowhere", []string{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.source, func(t *testing.T) {
			got := p.Used(tt.source)
			if got == nil {
				t.Fatal("Used returned nil, which would keep every column")
			}
			slices.Sort(got)
			want := slices.Sorted(slices.Values(tt.want))
			if !slices.Equal(got, want) {
				t.Errorf("Used(%q) = %q, want %q", tt.source, got, want)
			}
			for _, d := range tt.dropped {
				if p.Schema(tt.source).Index(d) < 0 {
					t.Errorf("%s has no column %q: the test is stale", tt.source, d)
				}
			}
		})
	}
}

// TestDoneStatus: the plan names the status that means a task is finished,
// one of the statuses its tasks source lists.
func TestDoneStatus(t *testing.T) {
	base, err := fs.ReadFile(templates.FS, templates.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	renamed := strings.NewReplacer(`"Hoàn thành", "Đang thực hiện", "Chưa thực hiện"`,
		`"Đã hoàn thành", "Đang triển khai", "Chưa triển khai"`)
	tests := []struct {
		name, done string // done replaces `done = "Hoàn thành"`; "-" removes it
		renamed    bool
		want       string // the loaded Done
		err        string // in the error, when loading fails
	}{
		{name: "default", done: `"Hoàn thành"`, want: "Hoàn thành"},
		{name: "renamed statuses", done: `"Đã hoàn thành"`, renamed: true, want: "Đã hoàn thành"},
		{name: "spelt loosely", done: `"  đã HOÀN  thành "`, renamed: true, want: "Đã hoàn thành"},
		{name: "not a status", done: `"Hoàn thành"`, renamed: true, err: `done = "Hoàn thành" không phải một trạng thái của sổ "tasks"`},
		{name: "missing", done: "-", err: "thiếu done"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := string(base)
			if tt.renamed {
				text = renamed.Replace(text)
			}
			line := "done = " + tt.done
			if tt.done == "-" {
				line = ""
			}
			changed := strings.Replace(text, `done = "Hoàn thành"`, line, 1)
			if changed == text && line != `done = "Hoàn thành"` {
				t.Fatal("the default plan has no done line to change: the test is stale")
			}
			p, err := Parse("plan.toml", []byte(changed))
			if tt.err != "" {
				if err == nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one saying %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.Tasks.Done != tt.want {
				t.Errorf("Done = %q, want %q", p.Tasks.Done, tt.want)
			}
		})
	}
}

// TestNarrativeIsOptional: the 2024 plan's narrative source is the only one
// a config may leave out, and its default is the manual workbook's sheet
// "Nhận xét".
func TestNarrativeIsOptional(t *testing.T) {
	p, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	req := p.Required()
	if len(req) != len(p.Sources)-1 || req["narrative"] != nil || req["manual"] == nil {
		t.Errorf("required sources %d of %d, narrative %v", len(req), len(p.Sources), req["narrative"] != nil)
	}
	if !p.Optional("narrative") || p.Optional("manual") || p.Optional("") {
		t.Error("only the narrative is optional")
	}
	if n := p.Narrative; n.Source != "narrative" || n.DefaultSource != Manual || n.DefaultSheet != "Nhận xét" {
		t.Errorf("[narrative] = %+v", n)
	}
}

// TestNarrativePlanChecks: a plan's [narrative] must name a source with the
// three required text columns, and a default that is another source.
func TestNarrativePlanChecks(t *testing.T) {
	base := `title = "x"
[sources.manual]
columns = [{ key = "indicator", header = "Mã chỉ tiêu", type = "text", required = true },
  { key = "period", header = "Kỳ báo cáo", type = "text", required = true },
  { key = "value", header = "Giá trị", type = "text", required = true }]
[sources.tasks]
columns = [{ key = "task", header = "Mã nhiệm vụ", type = "text", required = true },
  { key = "period", header = "Kỳ báo cáo", type = "text", required = true },
  { key = "status", header = "Tình trạng", type = "category", required = true, values = ["Hoàn thành"] },
  { key = "result", header = "Kết quả", type = "text" }]
[sources.d]
columns = [{ key = "id", header = "Mã", type = "text", required = true }, { key = "g", header = "G", type = "text" },
  { key = "r", header = "R", type = "date" }, { key = "due", header = "Hẹn", type = "date" }, { key = "ret", header = "Trả", type = "date" },
  { key = "a", header = "Xin lỗi", type = "date" }, { key = "p", header = "TT", type = "text" }]
[[indicators]]
id = "2"
kind = "manual"
value_type = "fraction"
target = 0.4
[dossier_table]
source = "d"
id = "id"
group = "g"
procedure = "p"
received = "r"
due = "due"
returned = "ret"
apology = "a"
[tasks]
source = "tasks"
done = "Hoàn thành"
items = [{ id = "1.1", title = "x" }]
`
	src := func(partType string) string {
		return `[sources.narrative]
columns = [{ key = "period", header = "Kỳ báo cáo", type = "text", required = true },
  { key = "part", header = "Phần", type = "` + partType + `", required = true, values = ["a"] },
  { key = "text", header = "Nội dung", type = "text", required = true }]
`
	}
	tests := []struct {
		name, text, err string
	}{
		{"no narrative", base, ""},
		{"good", base + src("text") + "[narrative]\nsource = \"narrative\"\ndefault_source = \"manual\"\ndefault_sheet = \"Nhận xét\"\n", ""},
		{"no default", base + src("text") + "[narrative]\nsource = \"narrative\"\n", ""},
		{"unknown source", base + "[narrative]\nsource = \"nhanxet\"\n", `kế hoạch không có sổ "nhanxet"`},
		{"part as a category", base + src("category") + "[narrative]\nsource = \"narrative\"\n", "phải là cột chữ bắt buộc"},
		{"sheet without source", base + src("text") + "[narrative]\nsource = \"narrative\"\ndefault_sheet = \"Nhận xét\"\n", "ghi cả default_source và default_sheet"},
		{"default is itself", base + src("text") + "[narrative]\nsource = \"narrative\"\ndefault_source = \"narrative\"\ndefault_sheet = \"x\"\n", "không phải một sổ khác"},
		{"default without source", base + "[narrative]\ndefault_source = \"manual\"\ndefault_sheet = \"x\"\n", "cần có source"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("plan.toml", []byte(tt.text))
			if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
				t.Errorf("err = %v, want %q", err, tt.err)
			}
		})
	}
}
