package plan

import (
	"slices"
	"testing"
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
