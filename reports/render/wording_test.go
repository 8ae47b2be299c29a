package render

import (
	"strings"
	"testing"

	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/period"
)

// TestMissedItemWording: a missed yes/no indicator reads as words ("chưa
// đạt (kế hoạch có công khai, kết quả chưa công khai)"), never "đạt
// Không, kế hoạch Có công khai"; a ratio keeps its figures.
func TestMissedItemWording(t *testing.T) {
	texts, err := LoadTexts("")
	if err != nil {
		t.Fatal(err)
	}
	no := false
	tests := []struct {
		name string
		r    indicators.Result
		want string
	}{
		{"yes/no with a 'Có …' plan", indicators.Result{ID: "3.2", Text: "Công khai tỷ lệ", Unit: "yesno", Value: f(0), Met: &no, TargetText: "Có công khai"},
			"Chỉ tiêu 3.2 (công khai tỷ lệ): chưa đạt (kế hoạch có công khai, kết quả chưa công khai)."},
		{"yes/no with no plan text", indicators.Result{ID: "8", Text: "Áp dụng", Unit: "yesno", Value: f(0), Met: &no},
			"Chỉ tiêu 8 (áp dụng): chưa đạt (kế hoạch có, kết quả không)."},
		{"yes/no with another plan text", indicators.Result{ID: "9", Text: "Niêm yết", Unit: "yesno", Value: f(0), Met: &no, TargetText: "Niêm yết đầy đủ"},
			"Chỉ tiêu 9 (niêm yết): chưa đạt (kế hoạch niêm yết đầy đủ, kết quả không)."},
		{"ratio", indicators.Result{ID: "2", Text: "Tự kiểm tra", Unit: "fraction", Value: f(0.385), Met: &no, TargetText: "Tối thiểu 40%"},
			"Chỉ tiêu 2 (tự kiểm tra): đạt 38,50%, kế hoạch tối thiểu 40%."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := missedItem(texts, tt.r); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestLabelWords: the e-mail names the previous period in words.
func TestLabelWords(t *testing.T) {
	for label, want := range map[string]string{
		"2024-Q1": "quý I năm 2024", "2024-02": "tháng 2 năm 2024", "2024-H2": "6 tháng cuối năm 2024",
		"2023": "năm 2023", "bogus": "bogus",
	} {
		t.Run(label, func(t *testing.T) {
			if got := labelWords(label); got != want {
				t.Errorf("%q: %q, want %q", label, got, want)
			}
		})
	}
}

// TestDirectionsYear: section V's directions are for the next period's
// year: the year after an annual report, a second half or a last quarter.
func TestDirectionsYear(t *testing.T) {
	texts, err := LoadTexts("")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		kind period.Kind
		n    int
		want string
	}{
		{period.Year, 1, "năm 2025"},
		{period.HalfYear, 2, "năm 2025"},
		{period.HalfYear, 1, "năm 2024"},
		{period.Quarter, 4, "năm 2025"},
		{period.Month, 3, "năm 2024"},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			d := &Doc{Period: period.New(tt.kind, period.Calendar, 2024, tt.n), Texts: texts}
			got := Fill(texts.Directions[0], textData(d))
			if want := "Kế hoạch cải cách hành chính " + tt.want + ";"; !strings.Contains(got, want) {
				t.Errorf("%s %d: %q lacks %q", tt.kind, tt.n, got, want)
			}
		})
	}
}

// TestComparisonWithoutChange: an undated source's indicator has no
// earlier value, and a carried value the earlier period shows too has no
// new figure — neither is "Không đổi" — in the PDF/e-mail cell and in the
// workbook's comparison columns.
func TestComparisonWithoutChange(t *testing.T) {
	undated := &indicators.Comparison{Period: "2024-02", Reason: indicators.Undated}
	same := &indicators.Comparison{Period: "2023", Value: f(3), Status: indicators.Met, Reason: indicators.SameEntry}
	tests := []struct {
		name  string
		r     indicators.Result
		text  string
		cells []any // Kỳ trước, So với kỳ trước, Cùng kỳ năm trước, So với cùng kỳ năm trước
	}{
		{"9.4 from the undated staff list", indicators.Result{Unit: "fraction", Value: f(0.9348), Previous: undated},
			"Không so sánh được: danh sách không ghi ngày", []any{"", "Không so sánh được: danh sách không ghi ngày", "", ""}},
		{"1 carried from 2023 in the annual 2024", indicators.Result{Unit: "rank", Value: f(3), Note: "Số liệu kỳ 2023", Previous: same},
			"Chưa có số liệu mới", []any{3.0, "Chưa có số liệu mới", "", ""}},
		{"carried, year ago the same entry too", indicators.Result{Unit: "rank", Value: f(3), Previous: same, YearAgo: same},
			"Chưa có số liệu mới; cùng kỳ năm trước: chưa có số liệu mới", []any{3.0, "Chưa có số liệu mới", 3.0, "Chưa có số liệu mới"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ChangeText(tt.r); got != tt.text {
				t.Errorf("ChangeText %q, want %q", got, tt.text)
			}
			if strings.Contains(ChangeText(tt.r), "Không đổi") {
				t.Error("says Không đổi")
			}
			cells := comparisonCells(tt.r)
			for i, want := range tt.cells {
				if cells[i].v != want {
					t.Errorf("cell %d (%s) = %v, want %v", i, comparisonHeaders[i], cells[i].v, want)
				}
			}
		})
	}
}
