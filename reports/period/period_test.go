package period

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func d(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }

func TestParseAndBoundaries(t *testing.T) {
	tests := []struct {
		label    string
		b        Boundary
		kind     Kind
		from, to time.Time
		printed  string
	}{
		{"2024-03", Decree09, Month, d(2024, 2, 15), d(2024, 3, 14), "2024-03"},
		{"2024-01", Decree09, Month, d(2023, 12, 15), d(2024, 1, 14), "2024-01"},
		{"2024-12", Decree09, Month, d(2024, 11, 15), d(2024, 12, 14), "2024-12"},
		{"2024-Q1", Decree09, Quarter, d(2023, 12, 15), d(2024, 3, 14), "2024-Q1"},
		{"2024-q2", Decree09, Quarter, d(2024, 3, 15), d(2024, 6, 14), "2024-Q2"},
		{"2024-H1", Decree09, HalfYear, d(2023, 12, 15), d(2024, 6, 14), "2024-H1"},
		{"2024-H2", Decree09, HalfYear, d(2024, 6, 15), d(2024, 12, 14), "2024-H2"},
		{"2024", Decree09, Year, d(2023, 12, 15), d(2024, 12, 14), "2024"},
		{"2024-03", Calendar, Month, d(2024, 3, 1), d(2024, 3, 31), "2024-03"},
		{"2024-02", Calendar, Month, d(2024, 2, 1), d(2024, 2, 29), "2024-02"},
		{"2024-Q4", Calendar, Quarter, d(2024, 10, 1), d(2024, 12, 31), "2024-Q4"},
		{"2024-H1", Calendar, HalfYear, d(2024, 1, 1), d(2024, 6, 30), "2024-H1"},
		{" 2024 ", Calendar, Year, d(2024, 1, 1), d(2024, 12, 31), "2024"},
		{"2024-3", Decree09, Month, d(2024, 2, 15), d(2024, 3, 14), "2024-03"},
	}
	for _, tt := range tests {
		t.Run(string(tt.b)+"/"+tt.label, func(t *testing.T) {
			p, err := Parse(tt.label, tt.b)
			if err != nil {
				t.Fatal(err)
			}
			if p.Kind != tt.kind || !p.From.Equal(tt.from) || !p.To.Equal(tt.to) || p.Label() != tt.printed {
				t.Errorf("got %s %s %v–%v, want %s %s %v–%v", p.Kind, p.Label(), p.From, p.To, tt.kind, tt.printed, tt.from, tt.to)
			}
			if !p.Contains(tt.from) || !p.Contains(tt.to) || p.Contains(tt.to.AddDate(0, 0, 1)) || p.Contains(tt.from.AddDate(0, 0, -1)) {
				t.Error("both ends should be inclusive and nothing else")
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	for _, label := range []string{"", "2024-13", "2024-00", "2024-Q5", "2024-H3", "24-03", "03/2024", "2024-03-01", "Q1-2024", "0000", "0001", "1900", "1999-12", "2100-Q1"} {
		if _, err := Parse(label, Decree09); !errors.Is(err, ErrLabel) {
			t.Errorf("Parse(%q) = %v, want ErrLabel", label, err)
		}
	}
}

func TestLatestEnded(t *testing.T) {
	tests := []struct {
		kind Kind
		b    Boundary
		run  time.Time
		want string
	}{
		{Month, Decree09, d(2024, 3, 15), "2024-03"}, // the day after the cut-off
		{Month, Decree09, d(2024, 3, 14), "2024-02"}, // 2024-03 has not ended yet
		{Month, Decree09, d(2024, 12, 20), "2024-12"},
		{Month, Decree09, d(2025, 1, 15), "2025-01"},
		{Quarter, Decree09, d(2024, 3, 15), "2024-Q1"},
		{Quarter, Decree09, d(2024, 3, 14), "2023-Q4"},
		{HalfYear, Decree09, d(2024, 6, 15), "2024-H1"},
		{HalfYear, Decree09, d(2024, 12, 15), "2024-H2"},
		{Year, Decree09, d(2024, 12, 15), "2024"},
		{Year, Decree09, d(2024, 12, 14), "2023"},
		{Month, Calendar, d(2024, 4, 1), "2024-03"},
		{Month, Calendar, d(2024, 3, 31), "2024-02"},
		{Year, Calendar, d(2025, 1, 1), "2024"},
	}
	for _, tt := range tests {
		t.Run(tt.run.Format("2006-01-02")+"/"+string(tt.kind), func(t *testing.T) {
			if got := LatestEnded(tt.kind, tt.b, tt.run).Label(); got != tt.want {
				t.Errorf("LatestEnded = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestPrevNext(t *testing.T) {
	p, _ := Parse("2024-01", Decree09)
	if p.Prev().Label() != "2023-12" || p.Next().Label() != "2024-02" || p.Prev().Next().Label() != "2024-01" {
		t.Errorf("prev %s next %s", p.Prev().Label(), p.Next().Label())
	}
	q, _ := Parse("2024-Q4", Decree09)
	if q.Next().Label() != "2025-Q1" {
		t.Errorf("next of Q4 = %s", q.Next().Label())
	}
}

func TestParseYearRangeSaysWhatIsAccepted(t *testing.T) {
	_, err := Parse("1900", Decree09)
	if err == nil || !strings.Contains(err.Error(), "2000") || !strings.Contains(err.Error(), "2099") {
		t.Fatalf("Parse(1900) = %v, want a message naming 2000–2099", err)
	}
	for _, label := range []string{"2000", "2099-12"} {
		if _, err := Parse(label, Decree09); err != nil {
			t.Errorf("Parse(%q) = %v", label, err)
		}
	}
}
