package exampledata

import "github.com/xuri/excelize/v2"

// narrativeSheet is the sheet of the manual workbook where the clerk writes
// the report's texts (reports/narrative).
const narrativeSheet = "Nhận xét"

// narrativeRows are the clerk's texts for 2024: the second quarter has every
// part, the first half-year and the year some. No month has any, so the
// monthly reports show only the generated text. Written after the manual
// figures, they draw nothing from the random source: adding them changes no
// other file.
var narrativeRows = [][]any{
	{"2024-Q2", "Đánh giá chung", "Nhìn chung, công tác cải cách hành chính quý II được Ban Giám hiệu quan tâm chỉ đạo; việc thanh toán học phí không dùng tiền mặt và tiếp nhận phản ánh của phụ huynh tiếp tục được duy trì."},
	{"2024-Q2", "Nguyên nhân", "Một số hồ sơ tuyển sinh và giáo dục trả kết quả trễ hẹn do số lượng hồ sơ tăng vào cuối năm học, cán bộ phụ trách kiêm nhiệm nhiều việc."},
	{"2024-Q2", "Nguyên nhân", "Một số cán bộ, giáo viên mới chưa được cấp thư điện tử công vụ; một số phụ huynh vẫn nộp học phí bằng tiền mặt."},
	{"2024-Q2", "Phương hướng", "Phân công thêm nhân sự tiếp nhận hồ sơ tuyển sinh năm học 2024-2025; đề nghị cấp thư điện tử công vụ cho toàn bộ cán bộ, giáo viên mới trong tháng 7/2024."},
	{"2024-Q2", "Đề xuất, kiến nghị", "Đề nghị Phòng Nội vụ Quận 1 tổ chức tập huấn nghiệp vụ sử dụng Hệ thống thông tin giải quyết thủ tục hành chính cho cán bộ phụ trách của trường."},
	{"2024-H1", "Đánh giá chung", "Sáu tháng đầu năm, trường đã triển khai đầy đủ kế hoạch cải cách hành chính năm 2024; các chỉ tiêu chưa đạt đã được xác định nguyên nhân và biện pháp khắc phục."},
	{"2024-H1", "Đề xuất, kiến nghị", "Đề nghị Quận hỗ trợ kinh phí nâng cấp thiết bị ký số cho bộ phận văn thư."},
	{"2024", "Đánh giá chung", "Năm 2024, trường hoàn thành cơ bản các nhiệm vụ trọng tâm của kế hoạch cải cách hành chính."},
	{"2024", "Phương hướng", "Năm 2025, tiếp tục đẩy mạnh chuyển đổi số, thanh toán không dùng tiền mặt và công khai kết quả giải quyết hồ sơ."},
}

// addNarrative adds the sheet "Nhận xét" (Kỳ báo cáo, Phần, Nội dung) to the
// manual workbook f, after its first sheet, with a title row above the
// header as clerks write it.
func addNarrative(f *excelize.File) error {
	if _, err := f.NewSheet(narrativeSheet); err != nil {
		return err
	}
	set := func(axis, v string) error { return f.SetCellStr(narrativeSheet, axis, v) }
	if err := set("A1", "NHẬN XÉT, ĐỀ XUẤT CỦA ĐƠN VỊ"); err != nil {
		return err
	}
	for j, h := range []string{"Kỳ báo cáo", "Phần", "Nội dung"} {
		axis, _ := excelize.CoordinatesToCellName(j+1, 3)
		if err := set(axis, h); err != nil {
			return err
		}
	}
	for i, r := range narrativeRows {
		for j, v := range r {
			axis, _ := excelize.CoordinatesToCellName(j+1, 4+i)
			if err := set(axis, v.(string)); err != nil {
				return err
			}
		}
	}
	return f.SetColWidth(narrativeSheet, "C", "C", 90)
}
