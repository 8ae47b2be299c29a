package render

import (
	"reflect"
	"testing"

	"github.com/mn2010/baocao/reports/indicators"
)

func f(v float64) *float64 { return &v }

func cmp(label string, value, change *float64, status string) *indicators.Comparison {
	return &indicators.Comparison{Period: label, Value: value, Change: change, Status: status}
}

func TestChangeText(t *testing.T) {
	tests := []struct {
		name string
		r    indicators.Result
		want string
	}{
		{"ratio up", indicators.Result{Unit: "fraction", Value: f(0.925), Previous: cmp("2024-02", f(0.9), f(0.025), "Không đạt")},
			"Tăng 2,50 điểm % (kỳ trước 90,00%)"},
		{"ratio down", indicators.Result{Unit: "fraction", Value: f(0.5), Previous: cmp("2024-02", f(0.75), f(-0.25), "Không đạt")},
			"Giảm 25,00 điểm % (kỳ trước 75,00%)"},
		{"ratio unchanged", indicators.Result{Unit: "fraction", Value: f(1), Previous: cmp("2024-02", f(1), f(0), "Đạt")},
			"Không đổi (kỳ trước 100,00%)"},
		{"rank up two places", indicators.Result{Unit: "rank", Value: f(3), Previous: cmp("2024-02", f(5), f(-2), "Đạt")},
			"Lên 2 bậc (kỳ trước hạng 5)"},
		{"rank down one place", indicators.Result{Unit: "rank", Value: f(6), Previous: cmp("2024-02", f(5), f(1), "Đạt")},
			"Xuống 1 bậc (kỳ trước hạng 5)"},
		{"yes/no changed", indicators.Result{Unit: "yesno", Value: f(1), Previous: cmp("2024-02", f(0), f(1), "Không đạt")},
			"Thay đổi (kỳ trước Không)"},
		{"yes/no unchanged", indicators.Result{Unit: "yesno", Value: f(1), Previous: cmp("2024-02", f(1), f(0), "Đạt")},
			"Không đổi (kỳ trước Có)"},
		{"previous period without data", indicators.Result{Unit: "fraction", Value: f(0.9), Previous: cmp("2023-12", nil, nil, indicators.NoData)},
			"Kỳ trước chưa có số liệu"},
		{"previous period without cases", indicators.Result{Unit: "fraction", Value: f(0.9), Previous: cmp("2024-02", nil, nil, indicators.NoCases)},
			"Kỳ trước không phát sinh"},
		{"with a year earlier", indicators.Result{Unit: "fraction", Value: f(0.9), Previous: cmp("2024-02", f(0.9), f(0), "Đạt"),
			YearAgo: cmp("2023-03", f(0.8), f(0.1), "Không đạt")},
			"Không đổi (kỳ trước 90,00%); cùng kỳ năm trước: tăng 10,00 điểm % (cùng kỳ 80,00%)"},
		{"no value: nothing said", indicators.Result{Unit: "fraction", Status: indicators.NoCases}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ChangeText(tt.r); got != tt.want {
				t.Errorf("ChangeText = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestChangeLines(t *testing.T) {
	texts, err := LoadTexts("")
	if err != nil {
		t.Fatal(err)
	}
	rs := []indicators.Result{
		{ID: "1", Text: "PAR index", Unit: "rank", Value: f(3), Previous: cmp("2024-02", f(4), f(-1), "Đạt")},
		{ID: "3.1", Text: "Đúng hạn", Unit: "fraction", Value: f(0.9), Previous: cmp("2024-02", f(0.96), f(-0.06), "Không đạt")},
		{ID: "3.5", Text: "Yoyoschool", Unit: "fraction", Value: f(0.92), Previous: cmp("2024-02", f(0.95), f(-0.03), "Không đạt")}, // below 5 points
		{ID: "4.1", Text: "Hài lòng", Unit: "fraction", Value: f(1), Previous: cmp("2024-02", f(0.95), f(0.05), "Không đạt")},       // exactly 5: not more
		{ID: "6", Text: "Công khai", Unit: "yesno", TargetText: "Có công khai", Value: f(0), Previous: cmp("2024-02", f(1), f(-1), "Đạt")},
		{ID: "9.3", Text: "Kết nối", Unit: "fraction", Value: f(1), Previous: cmp("2024-02", nil, nil, indicators.NoData)}, // never a change from nothing
		{ID: "5", Text: "Phản ánh", Unit: "fraction", Status: indicators.NoCases},
	}
	want := []string{
		"Các chỉ tiêu thay đổi so với kỳ trước (tháng 2 năm 2024) quá 5,00 điểm %:",
		"- Chỉ tiêu 1 (PAR index): 3, lên 1 bậc (kỳ trước 4).",
		"- Chỉ tiêu 3.1 (Đúng hạn): 90,00%, giảm 6,00 điểm % (kỳ trước 96,00%).",
		"- Chỉ tiêu 6 (Công khai): chưa công khai, thay đổi (kỳ trước có công khai).",
	}
	if got := ChangeLines(texts, rs, 0.05); !reflect.DeepEqual(got, want) {
		t.Errorf("ChangeLines =\n%q\nwant\n%q", got, want)
	}
	if got := ChangeLines(texts, rs[2:4], 0.05); got != nil {
		t.Errorf("nothing moved beyond the threshold, got %q", got)
	}
	if got := ChangeLines(texts, rs[2:3], 0.02); len(got) != 2 {
		t.Errorf("a lower threshold lists 3.5: %q", got)
	}
}
