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
		{name: "not a status", done: `"Hoàn thành"`, renamed: true, err: `done = "Hoàn thành" is not a status of source "tasks"`},
		{name: "missing", done: "-", err: "done is missing"},
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
