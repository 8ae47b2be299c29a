package importer

import (
	"testing"
)

// TestMeaning matches targets, worded as different plans word them, to the
// computations the program knows; what it cannot measure is manual.
func TestMeaning(t *testing.T) {
	tests := []struct {
		text, parent string
		measure      string // "" for manual
		valueType    string // of a manual figure
	}{
		{"100% hồ sơ TTHC giải quyết trễ hẹn phải kịp thời thông báo xin lỗi tổ chức, cá nhân", "", "dossiers_apology", ""},
		{"Hồ sơ giải quyết quá hạn được gửi văn bản xin lỗi người nộp đạt 100%", "", "dossiers_apology", ""},
		{"Tỷ lệ hồ sơ trễ hạn có thư xin lỗi đạt 100%", "", "dossiers_apology", ""},
		{"Văn bản đi được ký số đạt 100%", "", "documents_signed", ""},
		{"Sử dụng chữ ký số trên văn bản điện tử phát hành", "", "documents_signed", ""},
		{"Tỷ lệ hồ sơ TTHC được trả kết quả đúng hẹn đạt 97%", "", "dossiers_on_time", ""},
		{"Giải quyết thủ tục hành chính đúng hạn đạt 100%", "", "dossiers_on_time", ""},
		{"100% hồ sơ TTHC được giải quyết đúng thời hạn", "", "dossiers_on_time", ""},
		{"Văn bản đi, đến được xử lý qua phần mềm quản lý văn bản đạt 100% (trừ văn bản mật)", "", "documents_electronic", ""},
		{"100% thư góp ý, phản ánh của cha mẹ trẻ được phản hồi đúng hạn", "", "feedback_on_time", ""},
		{"Kiến nghị của người dân được trả lời kịp thời đạt 100%", "", "feedback_on_time", ""},
		{"Sự hài lòng của cha mẹ trẻ về giải quyết thủ tục hành chính đạt 95%", "", "survey_procedures", ""},
		{"Sự hài lòng về việc đóng học phí qua Yoyoschool đạt 98%", "", "survey_payments", ""},
		{"Thanh toán học phí qua ứng dụng: đạt 99%", "4. Mức độ hài lòng của phụ huynh", "survey_payments", ""},
		{"Phụ huynh đóng học phí qua phần mềm Yoyoschool đạt 90%", "", "payments_app", ""},
		{"100% phụ huynh thanh toán qua ứng dụng Yoyoschool", "", "payments_app", ""},
		{"Không để hồ sơ trễ hạn", "", "dossiers_on_time", ""},
		{"100% văn bản được gửi, nhận qua Hệ thống quản lý văn bản và điều hành", "", "documents_electronic", ""},
		{"Văn bản phát hành được ký điện tử đạt 100%", "", "documents_signed", ""},
		{"Đơn vị thực hiện thanh toán không dùng tiền mặt", "", "payments_electronic", ""},
		{"Trường ứng dụng thanh toán điện tử trong thu các khoản", "", "payments_electronic", ""},
		{"100% văn bản trao đổi giữa các cơ quan dưới dạng điện tử, trừ văn bản mật", "", "documents_electronic", ""},
		{"Văn bản, tài liệu được xử lý trên môi trường điện tử đạt 100%", "", "documents_electronic", ""},
		{"100% cán bộ, giáo viên sử dụng hộp thư công vụ", "", "staff_email", ""},
		{"Cán bộ, công chức sử dụng thư điện tử công vụ trong trao đổi công việc: 100%", "", "staff_email", ""},
		// Manual figures.
		{"Đơn vị công khai và cập nhật kịp thời tỷ lệ giải quyết hồ sơ TTHC đúng hạn/trễ hạn", "", "", "yesno"},
		{"Công khai và cập nhật kịp thời tỷ lệ đánh giá hài lòng trên Hệ thống", "", "", "yesno"},
		{"Cập nhật kịp thời tỷ lệ hồ sơ đúng hạn, trễ hạn lên Hệ thống thông tin giải quyết TTHC", "", "", "yesno"},
		{"100% thủ tục hành chính nội bộ được công bố, công khai và cập nhật kịp thời", "", "", "fraction"},
		{"Chỉ số CCHC của Quận nằm trong nhóm 05 đơn vị dẫn đầu Thành phố", "", "", "rank"},
		{"100% hệ thống báo cáo của đơn vị được kết nối liên thông với Hệ thống thông tin báo cáo", "", "", "fraction"},
		{"Tỷ lệ trẻ được cân đo, theo dõi sức khỏe định kỳ đạt 100%", "", "", "fraction"},
		{"Kết quả tự đánh giá CCHC đạt loại Tốt trở lên", "", "", "yesno"},
		{"Tỷ lệ phụ huynh đóng học phí không dùng tiền mặt đạt 90%", "", "", "fraction"},
		{"Tỷ lệ hồ sơ trễ hạn không quá 2%", "", "", "fraction"},
		{"Mức độ hài lòng của phụ huynh về giải quyết TTHC nằm trong nhóm 5 đơn vị dẫn đầu", "", "", "rank"},
		{"Số liệu được báo cáo định kỳ số lần theo quy định", "", "", "yesno"},
	}
	for _, tt := range tests {
		tg := understand(item{id: "1", text: tt.text}, tt.parent)
		if tg.Measure != tt.measure || tg.Manual() && tg.ValueType != tt.valueType {
			t.Errorf("%q: measure %q (%s), want %q %s", tt.text, tg.Measure, tg.ValueType, tt.measure, tt.valueType)
		}
		if tg.Why == "" {
			t.Errorf("%q: no reason given", tt.text)
		}
	}
}

// TestKnownMeasureWithoutRate: a known share stated without a figure is
// read as 100% and flagged; electronic payment is yes/no without a doubt.
func TestKnownMeasureWithoutRate(t *testing.T) {
	tg := understand(item{id: "9.2", text: "Đơn vị sử dụng chữ ký số trong thực hiện nhiệm vụ trên môi trường điện tử"}, "")
	if tg.Measure != "documents_signed" || tg.Threshold.Kind != Percent || tg.Threshold.Value != 1 || len(tg.Doubts) != 1 {
		t.Errorf("signature without a rate: %+v", tg)
	}
	tg = understand(item{id: "7", text: "Đơn vị ứng dụng thanh toán điện tử trong cung ứng dịch vụ."}, "")
	if tg.Measure != "payments_electronic" || tg.Threshold.Kind != YesNo || len(tg.Doubts) != 0 {
		t.Errorf("electronic payment: %+v", tg)
	}
}
