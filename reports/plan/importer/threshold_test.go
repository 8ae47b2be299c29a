package importer

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

// TestReadThreshold reads the ways plans state a threshold.
func TestReadThreshold(t *testing.T) {
	tests := []struct {
		text    string
		kind    ThresholdKind
		value   float64
		compare string
		fields  []FieldTarget
		printed string
	}{
		{"Tỷ lệ PHHS thanh toán học phí qua phần mềm đạt 100%.", Percent, 1, ">=", nil, "100%"},
		{"Thực hiện tự kiểm tra CCHC định kỳ tối thiểu 40%; đón kiểm tra đột xuất.", Percent, 0.40, ">=", nil, "Tối thiểu 40%"},
		{"Mức độ hài lòng về giải quyết TTHC từ 99% trở lên.", Percent, 0.99, ">=", nil, "Từ 99% trở lên"},
		{"Mức độ hài lòng đạt từ 99,5% trở lên", Percent, 0.995, ">=", nil, "Từ 99,5% trở lên"},
		{"Hồ sơ đúng hạn đạt 97.5 phần trăm", Percent, 0.975, ">=", nil, "Từ 97,5% trở lên"},
		{"Ít nhất 80% cán bộ được bồi dưỡng", Percent, 0.80, ">=", nil, "Tối thiểu 80%"},
		{"Tỷ lệ trẻ suy dinh dưỡng không quá 5%", Percent, 0.05, "<=", nil, "Tối đa 5%"},
		{"Chỉ số CCHC của Quận nằm trong nhóm 03 đơn vị dẫn đầu Thành phố", Rank, 3, "<=", nil, "Xếp hạng ≤ 3"},
		{"Phấn đấu Chỉ số PAR index nằm trong nhóm 05 đơn vị dẫn đầu", Rank, 5, "<=", nil, "Xếp hạng ≤ 5"},
		{"Chỉ số hài lòng của phường xếp hạng thứ 2 trở lên", Rank, 2, "<=", nil, "Xếp hạng ≤ 2"},
		{"Chỉ số CCHC thuộc nhóm 10 đơn vị có chỉ số cao nhất Thành phố", Rank, 10, "<=", nil, "Xếp hạng ≤ 10"},
		{"Chỉ số PAR INDEX của quận trong top 5 của Thành phố", Rank, 5, "<=", nil, "Xếp hạng ≤ 5"},
		{"Kết quả đánh giá công tác CCHC đạt loại Tốt trở lên", Grade, 0, ">=", nil, "Loại Tốt trở lên"},
		{"Đơn vị công khai và cập nhật kịp thời tỷ lệ giải quyết hồ sơ TTHC trên Hệ thống", YesNo, 1, ">=", nil, "Có"},
		{"Tỷ lệ giải quyết hồ sơ TTHC đúng hạn đạt tỷ lệ 100% trong từng lĩnh vực, riêng lĩnh vực xử lý đơn đạt 98%; " +
			"lĩnh vực giải quyết khiếu nại, tố cáo đạt 95% trở lên.", Percent, 1, ">=",
			[]FieldTarget{{"xử lý đơn", 0.98}, {"giải quyết khiếu nại, tố cáo", 0.95}},
			"100% từng lĩnh vực; Xử lý đơn 98%; Giải quyết khiếu nại, tố cáo 95%"},
		{"Hồ sơ giải quyết đúng hạn đạt 99% trở lên; riêng lĩnh vực tuyển sinh đạt 97%.", Percent, 0.99, ">=",
			[]FieldTarget{{"tuyển sinh", 0.97}}, "Từ 99% trở lên từng lĩnh vực; Tuyển sinh 97%"},
		{"Hồ sơ giải quyết đúng hạn đạt 100%, đối với lĩnh vực xử lý đơn: 98%", Percent, 1, ">=",
			[]FieldTarget{{"xử lý đơn", 0.98}}, "100% từng lĩnh vực; Xử lý đơn 98%"},
		{"Tỷ lệ hồ sơ trong lĩnh vực tuyển sinh giải quyết đúng hạn đạt 100%", Percent, 1, ">=", nil, "100%"},
		{"Đơn vị đạt chuẩn chuyển đổi số theo Bộ tiêu chí của Thành phố", YesNo, 1, ">=", nil, "Có"},
		{"Chỉ số CCHC của phường nằm trong nhóm các đơn vị dẫn đầu", Unread, 0, ">=", nil, "Chưa đọc được ngưỡng"},
		{"Tổ chức 02 buổi tuyên truyền về cải cách hành chính mỗi học kỳ.", YesNo, 1, ">=", nil, "Có"},
		{"Mức độ hài lòng của phụ huynh đạt mức cao", Unread, 0, ">=", nil, "Chưa đọc được ngưỡng"},
		{"Tỷ lệ hồ sơ đúng hạn đạt 150%", Unread, 0, ">=", nil, "Chưa đọc được ngưỡng"},
	}
	for _, tt := range tests {
		th := readThreshold(tt.text)
		if th.Kind != tt.kind || math.Abs(th.Value-tt.value) > 1e-12 && tt.kind != Grade && tt.kind != Unread || th.Compare != tt.compare ||
			!reflect.DeepEqual(th.Fields, tt.fields) {
			t.Errorf("%q: kind %d value %v %s fields %v; want kind %d value %v %s fields %v", tt.text,
				th.Kind, th.Value, th.Compare, th.Fields, tt.kind, tt.value, tt.compare, tt.fields)
		}
		if got := th.Text("Có"); got != tt.printed {
			t.Errorf("%q printed %q, want %q", tt.text, got, tt.printed)
		}
		if (tt.kind == Unread || strings.Contains(tt.text, "buổi")) != (th.Doubt != "") {
			t.Errorf("%q: doubt %q", tt.text, th.Doubt)
		}
	}
}
