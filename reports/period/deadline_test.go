package period

import (
	"testing"
	"time"
)

func TestDeadline(t *testing.T) {
	tests := []struct {
		label string
		b     Boundary
		day   int
		want  time.Time
	}{
		{"2024-03", Decree09, 20, d(2024, 3, 20)},  // cut-off 14/03: due the 20th of the same month
		{"2024-01", Decree09, 20, d(2024, 1, 20)},  // the period starts in the year before
		{"2024-Q2", Decree09, 20, d(2024, 6, 20)},  // cut-off 14/06
		{"2024-H2", Decree09, 20, d(2024, 12, 20)}, // cut-off 14/12
		{"2024", Decree09, 20, d(2024, 12, 20)},
		{"2024-12", Decree09, 14, d(2025, 1, 14)}, // the cut-off day itself is not the deadline
		{"2024-12", Decree09, 10, d(2025, 1, 10)}, // before the cut-off day: next month, next year
		{"2024-03", Decree09, 15, d(2024, 3, 15)}, // the day after the cut-off
		{"2024-03", Calendar, 20, d(2024, 4, 20)}, // cut-off 31/03
		{"2024-12", Calendar, 20, d(2025, 1, 20)}, // December → January of the next year
		{"2024-Q4", Calendar, 5, d(2025, 1, 5)},
		{"2024", Calendar, 28, d(2025, 1, 28)},
		{"2024-01", Calendar, 28, d(2024, 2, 28)}, // 28 exists in February
		{"2023-02", Calendar, 1, d(2023, 3, 1)},
		{"2024-02", Calendar, 1, d(2024, 3, 1)},  // leap year: cut-off 29/02
		{"2024-03", Decree09, 0, d(2024, 3, 20)}, // unset: the default 20th
		{"2024-03", Decree09, 31, d(2024, 3, 20)},
	}
	for _, tt := range tests {
		t.Run(string(tt.b)+"/"+tt.label, func(t *testing.T) {
			p, err := Parse(tt.label, tt.b)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.Deadline(tt.day); !got.Equal(tt.want) {
				t.Errorf("Deadline(%d) of %s (to %s) = %s, want %s", tt.day, tt.label, p.To.Format("02/01/2006"),
					got.Format("02/01/2006"), tt.want.Format("02/01/2006"))
			}
		})
	}
}

func TestCheckDeadlineDay(t *testing.T) {
	for _, tt := range []struct {
		day int
		ok  bool
	}{{1, true}, {20, true}, {28, true}, {0, false}, {29, false}, {31, false}, {-5, false}} {
		t.Run("", func(t *testing.T) {
			if err := CheckDeadlineDay(tt.day); (err == nil) != tt.ok {
				t.Errorf("CheckDeadlineDay(%d) = %v, want ok %v", tt.day, err, tt.ok)
			}
		})
	}
}
