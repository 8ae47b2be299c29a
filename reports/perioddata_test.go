package reports

import (
	"testing"

	"github.com/mn2010/baocao/reports/period"
)

// TestHasData: the one test of "the period has data" — any dated source
// with a row inside it.
func TestHasData(t *testing.T) {
	tests := []struct {
		name  string
		cover PeriodCover
		want  bool
	}{
		{"no dated source", nil, true},
		{"every source stale", PeriodCover{{Source: "dossiers", Latest: "2024-12-14"}, {Source: "manual", Latest: "2024-12-14"}}, false},
		{"one row in one source", PeriodCover{{Source: "dossiers"}, {Source: "feedback", InPeriod: 1}}, true},
		{"sources without dated rows", PeriodCover{{Source: "dossiers"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cover.HasData(); got != tt.want {
				t.Errorf("HasData() = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestCoverOfExampleData counts the example's dated sources for periods
// with and without rows: the data runs through 2024 (dossiers returned
// into January 2025); the staff list (undated) and the narrative are not
// counted.
func TestCoverOfExampleData(t *testing.T) {
	m := exampleMaker(t, 2024, 6, 16)
	d, err := m.Read()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		label string
		want  bool
	}{
		{"2024-03", true}, {"2024-Q2", true}, {"2024", true},
		{"2025", true}, // a few dossiers returned in January 2025
		{"2025-03", false}, {"2026-11", false}, {"2026-Q3", false}, {"2026-H1", false}, {"2019", false},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			p, err := period.Parse(tt.label, period.Decree09)
			if err != nil {
				t.Fatal(err)
			}
			c := CoverOf(m.plan, d.Tables, p)
			if got := c.HasData(); got != tt.want {
				t.Errorf("HasData %v, want %v: %+v", got, tt.want, c)
			}
			for _, s := range c {
				if s.Source == "staff" || s.Source == m.plan.Narrative.Source {
					t.Errorf("undated source %s counted", s.Source)
				}
				if s.Latest == "" {
					t.Errorf("%s: no latest day", s.Source)
				}
			}
		})
	}
}
