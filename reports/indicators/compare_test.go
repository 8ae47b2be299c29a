package indicators

import (
	"fmt"
	"math"
	"testing"
)

func yoyo(date, level string) string { return date + ";Thanh toán học phí qua Yoyoschool;" + level }

// wantCmp is an expected comparison: value < 0 means none (nil), change
// NaN means nil.
type wantCmp struct {
	period, from, to string
	value, change    float64
	status           string
}

func checkCmp(t *testing.T, what string, c *Comparison, w *wantCmp) {
	t.Helper()
	if w == nil {
		if c != nil {
			t.Errorf("%s: %+v, want none", what, *c)
		}
		return
	}
	if c == nil {
		t.Fatalf("%s: none, want %+v", what, *w)
	}
	same := func(p *float64, v float64, none bool) bool {
		if none {
			return p == nil
		}
		return p != nil && math.Abs(*p-v) < 1e-12
	}
	if c.Period != w.period || (w.from != "" && (c.From != w.from || c.To != w.to)) || c.Status != w.status ||
		!same(c.Value, w.value, w.value < 0) || !same(c.Change, w.change, math.IsNaN(w.change)) {
		t.Errorf("%s: got %s %s→%s value %v change %v %q, want %+v", what, c.Period, c.From, c.To, show(c.Value), show(c.Change), c.Status, *w)
	}
}

func show[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestComparison(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name     string
		report   string
		rows     map[string][]string
		id       string
		previous *wantCmp
		yearAgo  *wantCmp
	}{{
		name:   "ratio in percentage points",
		report: "2024-03",
		rows: map[string][]string{"survey": {
			yoyo("20/01/2024", "Hài lòng"), yoyo("21/01/2024", "Bình thường"), // 2024-02: 1/2
			yoyo("20/02/2024", "Hài lòng"), yoyo("21/02/2024", "Rất hài lòng"), yoyo("22/02/2024", "Hài lòng"), yoyo("14/03/2024", "Không hài lòng"), // 2024-03: 3/4
		}},
		id:       "4.1",
		previous: &wantCmp{"2024-02", "2024-01-15", "2024-02-14", 0.5, 0.25, NotMet},
	}, {
		name:     "rank in places",
		report:   "2024-03",
		rows:     map[string][]string{"manual": {"1;2024-02;5", "1;2024-03;3"}},
		id:       "1",
		previous: &wantCmp{"2024-02", "", "", 5, -2, Met},
	}, {
		name:     "rank carried forward: the previous period shows the same entry, no change",
		report:   "2024-03",
		rows:     map[string][]string{"manual": {"1;2023;4"}},
		id:       "1",
		previous: &wantCmp{"2024-02", "", "", 4, nan, Met},
		// 2023 ends after 2023-03: no value a year earlier, so none shown
	}, {
		name:     "yes/no changed",
		report:   "2024-03",
		rows:     map[string][]string{"manual": {"3.2;2024-02;Không", "3.2;2024-03;Có"}},
		id:       "3.2",
		previous: &wantCmp{"2024-02", "", "", 0, 1, NotMet},
	}, {
		name:     "yes/no unchanged",
		report:   "2024-03",
		rows:     map[string][]string{"manual": {"6;2024-02;Có", "6;2024-03;Có"}},
		id:       "6",
		previous: &wantCmp{"2024-02", "", "", 1, 0, Met},
	}, {
		name:     "manual value missing in the previous period",
		report:   "2024-03",
		rows:     map[string][]string{"manual": {"2;2024-03;45%"}},
		id:       "2",
		previous: &wantCmp{"2024-02", "", "", -1, nan, NoData},
	}, {
		name:     "sources do not reach back: no data, not zero",
		report:   "2024-03",
		rows:     map[string][]string{"survey": {yoyo("20/02/2024", "Hài lòng")}},
		id:       "4.1",
		previous: &wantCmp{"2024-02", "2024-01-15", "2024-02-14", -1, nan, NoData},
	}, {
		name:   "previous period covered but without cases",
		report: "2024-03",
		rows: map[string][]string{"documents": {
			"1/CV;10/01/2024;Đến;x;;", // reaches back; not an outgoing document
			"2/BC;20/02/2024;Đi;x;x;",
		}},
		id:       "9.2",
		previous: &wantCmp{"2024-02", "", "", -1, nan, NoCases},
	}, {
		name:   "year boundary: 2024-01 against 2023-12 (15/11–14/12/2023)",
		report: "2024-01",
		rows: map[string][]string{"survey": {
			yoyo("14/11/2023", "Hài lòng"),                                    // 2023-11
			yoyo("15/11/2023", "Bình thường"), yoyo("14/12/2023", "Hài lòng"), // 2023-12: 1/2
			yoyo("15/12/2023", "Hài lòng"), yoyo("14/01/2024", "Hài lòng"), // 2024-01: 2/2
		}},
		id:       "4.1",
		previous: &wantCmp{"2023-12", "2023-11-15", "2023-12-14", 0.5, 0.5, NotMet},
	}, {
		name:   "same month a year earlier when the sources reach back",
		report: "2024-03",
		rows: map[string][]string{"survey": {
			yoyo("01/03/2023", "Bình thường"), yoyo("02/03/2023", "Hài lòng"), // 2023-03: 1/2
			yoyo("01/03/2024", "Hài lòng"),
		}},
		id:       "4.1",
		previous: &wantCmp{"2024-02", "", "", -1, nan, NoCases},
		yearAgo:  &wantCmp{"2023-03", "2023-02-15", "2023-03-14", 0.5, 0.5, NotMet},
	}, {
		name:     "quarter against the previous quarter, across the year",
		report:   "2024-Q1",
		rows:     map[string][]string{"survey": {yoyo("14/12/2023", "Bình thường"), yoyo("15/12/2023", "Hài lòng")}},
		id:       "4.1",
		previous: &wantCmp{"2023-Q4", "2023-09-15", "2023-12-14", 0, 1, NotMet},
	}, {
		name:     "a year against the previous year, shown once",
		report:   "2024",
		rows:     map[string][]string{"survey": {yoyo("14/12/2023", "Bình thường"), yoyo("15/12/2023", "Hài lòng")}},
		id:       "4.1",
		previous: &wantCmp{"2023", "2022-12-15", "2023-12-14", 0, 1, NotMet},
	}, {
		name:   "no value this period: nothing compared",
		report: "2024-03",
		rows:   map[string][]string{"survey": {yoyo("20/01/2024", "Hài lòng")}},
		id:     "4.1",
	}, {
		name:     "an undated source has no earlier value",
		report:   "2024-03",
		rows:     map[string][]string{"staff": {"A;a@hcm.edu.vn", "B;b@gmail.com"}},
		id:       "9.4",
		previous: &wantCmp{"2024-02", "", "", -1, nan, ""},
	}, {
		name:     "rank: a new entry equal to the carried one is no change",
		report:   "2024-03",
		rows:     map[string][]string{"manual": {"1;2023;4", "1;2024-03;4"}},
		id:       "1",
		previous: &wantCmp{"2024-02", "", "", 4, 0, Met},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, r := computeAt(t, tt.rows, Input{Period: mustPeriod(t, tt.report), Compare: true})
			checkCmp(t, tt.id+" previous", r[tt.id].Previous, tt.previous)
			checkCmp(t, tt.id+" year ago", r[tt.id].YearAgo, tt.yearAgo)
		})
	}
}

func TestCompareOff(t *testing.T) {
	_, r := computeAt(t, map[string][]string{"manual": {"1;2024-02;5", "1;2024-03;3"}}, Input{Period: mustPeriod(t, "2024-03")})
	if r["1"].Previous != nil || r["1"].YearAgo != nil {
		t.Errorf("compared without being asked: %+v", r["1"])
	}
}

func TestSeries(t *testing.T) {
	out, r := computeAt(t, map[string][]string{
		"survey": {
			yoyo("15/12/2023", "Hài lòng"),                                    // 2024-01: 1/1
			yoyo("20/03/2024", "Hài lòng"), yoyo("21/03/2024", "Bình thường"), // 2024-04: 1/2
			yoyo("14/06/2024", "Bình thường"), // 2024-06: 0/1
			yoyo("15/06/2024", "Hài lòng"),    // 2024-07: not in H1
		},
		"manual": {"2;2024-Q1;45%"},
	}, Input{Period: mustPeriod(t, "2024-H1"), Series: true})
	var ids []string
	var s41 Series
	for _, s := range out.Series {
		ids = append(ids, s.ID)
		if s.ID == "4.1" {
			s41 = s
		}
	}
	if got := fmt.Sprint(ids); got != "[3.1 3.3 3.5 4.1 4.2 5 9.1 9.2]" {
		t.Errorf("series of %s, want the dated ratios", got)
	}
	want := []struct {
		label    string
		value    float64 // < 0: a gap
		num, den int
	}{{"2024-01", 1, 1, 1}, {"2024-02", -1, 0, 0}, {"2024-03", -1, 0, 0}, {"2024-04", 0.5, 1, 2}, {"2024-05", -1, 0, 0}, {"2024-06", 0, 0, 1}}
	if len(s41.Points) != len(want) {
		t.Fatalf("4.1: %d points, want %d", len(s41.Points), len(want))
	}
	for i, w := range want {
		p := s41.Points[i]
		if p.Period != w.label || p.Numerator != w.num || p.Denominator != w.den || (w.value < 0) != (p.Value == nil) ||
			p.Value != nil && *p.Value != w.value {
			t.Errorf("4.1 point %d: %+v value %v, want %+v", i, p, show(p.Value), w)
		}
	}
	if s41.Points[0].From != "2023-12-15" || s41.Points[5].To != "2024-06-14" {
		t.Errorf("months run %s→%s, want Decree 09 months", s41.Points[0].From, s41.Points[5].To)
	}
	// The half-year's own figure is counted from the same pass.
	if v := r["4.1"].Value; v == nil || math.Abs(*v-0.5) > 1e-12 {
		t.Errorf("4.1 over H1 = %v, want 2/4", show(v))
	}
}

func TestYearSoFar(t *testing.T) {
	for label, want := range map[string]string{
		"2024":    "2024-01 … 2024-12 (12)",
		"2024-H2": "2024-01 … 2024-12 (12)",
		"2024-H1": "2024-01 … 2024-06 (6)",
		"2024-Q3": "2024-01 … 2024-09 (9)",
		"2024-03": "2024-01 … 2024-03 (3)",
	} {
		ms := YearSoFar(mustPeriod(t, label))
		if got := fmt.Sprintf("%s … %s (%d)", ms[0].Label(), ms[len(ms)-1].Label(), len(ms)); got != want {
			t.Errorf("YearSoFar(%s) = %s, want %s", label, got, want)
		}
	}
}

// TestComparisonReasons: a comparison that cannot say "no change" says
// why: an undated source has no earlier value; a carried manual value
// that the earlier period shows too (the same row) has no new figure.
func TestComparisonReasons(t *testing.T) {
	tests := []struct {
		name          string
		report        string
		rows          map[string][]string
		id            string
		prev, yearAgo string // Reason; "-" for no comparison
	}{
		{"undated staff list", "2024-03", map[string][]string{"staff": {"A;a@hcm.edu.vn", "B;b@gmail.com"}}, "9.4", Undated, "-"},
		{"annual value carried into the next year", "2024", map[string][]string{"manual": {"1;2023;3"}}, "1", SameEntry, "-"},
		{"carried into a month, the previous month carried the same row", "2024-03", map[string][]string{"manual": {"1;2023;4"}}, "1", SameEntry, "-"},
		{"carried from the previous month itself", "2024-03", map[string][]string{"manual": {"1;2024-02;4"}}, "1", SameEntry, "-"},
		{"a new value this period", "2024-03", map[string][]string{"manual": {"1;2023;4", "1;2024-03;4"}}, "1", "", "-"},
		{"dated source", "2024-03", map[string][]string{"survey": {yoyo("20/02/2024", "Hài lòng"), yoyo("20/01/2024", "Hài lòng")}}, "4.1", "", "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, r := computeAt(t, tt.rows, Input{Period: mustPeriod(t, tt.report), Compare: true})
			res := r[tt.id]
			for _, c := range []struct {
				what string
				got  *Comparison
				want string
			}{{"previous", res.Previous, tt.prev}, {"year ago", res.YearAgo, tt.yearAgo}} {
				switch {
				case c.want == "-" && c.got != nil:
					t.Errorf("%s: %+v, want none", c.what, *c.got)
				case c.want != "-" && c.got == nil:
					t.Errorf("%s: none, want reason %q", c.what, c.want)
				case c.got != nil && c.got.Reason != c.want:
					t.Errorf("%s: reason %q, want %q", c.what, c.got.Reason, c.want)
				case c.got != nil && c.got.Reason != "" && c.got.Change != nil:
					t.Errorf("%s: a %s comparison has a change %v", c.what, c.got.Reason, *c.got.Change)
				}
			}
		})
	}
}
