// Package exampledata writes the example data set: a year
// (15/12/2023–14/12/2024) of a kindergarten's records in the eight files of
// docs/spec.md §1, with the mess real files have — title rows and merged cells,
// real date cells mixed with typed dates in several forms, an NFD-encoded
// field name, extra columns, a blank row, a bad date, a duplicate dossier
// id, a late dossier without an apology, and a totals row. The dossiers
// are kept as offices keep a register ("sổ theo dõi hồ sơ"): a header of
// two rows, single columns merged down and the dates under a group merged
// across, and a row numbering the columns "(1) (2) (3)…" under it. A scale factor
// multiplies the rows, for benchmarks: scale 40 is about a district's year.
package exampledata

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// Generate writes the eight files into dir; the same scale always gives
// the same rows.
func Generate(dir string, scale int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	g := &gen{rnd: rand.New(rand.NewPCG(2024, 1020)), scale: max(scale, 1), dir: dir}
	for _, f := range []func() error{g.dossiers, g.feedback, g.survey, g.payments, g.documents, g.staff, g.manual, g.tasks} {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

type gen struct {
	rnd   *rand.Rand
	scale int
	dir   string
}

var (
	yearStart = time.Date(2023, 12, 15, 0, 0, 0, 0, time.UTC)
	yearDays  = 366
)

func (g *gen) day() time.Time { return yearStart.AddDate(0, 0, g.rnd.IntN(yearDays)) }

// dateCell alternates real date cells with dates typed as text in the forms
// people use.
func (g *gen) dateCell(t time.Time) any {
	switch g.rnd.IntN(6) {
	case 0:
		return t.Format("02/01/2006")
	case 1:
		return t.Format("2/1/2006")
	case 2:
		return t.Format("02-01-2006")
	case 3:
		return t.Format("02.01.2006")
	}
	return t // a real date cell
}

// sheet is a workbook being written: a title block and a header row.
type sheet struct {
	f       *excelize.File
	name    string
	row     int
	dateSty int
	textSty int
	ncols   int
}

func newSheet(title string, headers []string) (*sheet, error) {
	f := excelize.NewFile()
	s := &sheet{f: f, name: "Sheet1", ncols: len(headers)}
	var err error
	if s.dateSty, err = f.NewStyle(&excelize.Style{NumFmt: 14}); err != nil {
		return nil, err
	}
	last, _ := excelize.CoordinatesToCellName(len(headers), 1)
	f.SetCellStr(s.name, "A1", title)
	f.MergeCell(s.name, "A1", last)
	f.SetCellStr(s.name, "A2", "Đơn vị: Trường Mầm non 20/10")
	s.row = 4
	s.add(anySlice(headers)...)
	return s, nil
}

func anySlice(xs []string) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

func (s *sheet) add(vals ...any) {
	for j, v := range vals {
		axis, _ := excelize.CoordinatesToCellName(j+1, s.row)
		switch v := v.(type) {
		case time.Time:
			s.f.SetCellValue(s.name, axis, v)
			s.f.SetCellStyle(s.name, axis, axis, s.dateSty)
		case string:
			s.f.SetCellStr(s.name, axis, v)
		case nil:
		default:
			s.f.SetCellValue(s.name, axis, v)
		}
	}
	s.row++
}

func (s *sheet) skip() { s.row++ }

// newRegister is a sheet laid out as a register: a title block, then a
// header whose columns are single (merged down over both header rows) or
// grouped (the group's name merged across its sub-columns in the first
// row, the sub-columns named in the second), then a numbering row.
func newRegister(title string, cols []registerCol) (*sheet, error) {
	f := excelize.NewFile()
	s := &sheet{f: f, name: "Sheet1", ncols: len(cols)}
	var err error
	if s.dateSty, err = f.NewStyle(&excelize.Style{NumFmt: 14}); err != nil {
		return nil, err
	}
	last, _ := excelize.CoordinatesToCellName(len(cols), 1)
	f.SetCellStr(s.name, "A1", title)
	f.MergeCell(s.name, "A1", last)
	f.SetCellStr(s.name, "A2", "Đơn vị: Trường Mầm non 20/10")
	for j := 0; j < len(cols); j++ {
		top, _ := excelize.CoordinatesToCellName(j+1, 4)
		below, _ := excelize.CoordinatesToCellName(j+1, 5)
		c := cols[j]
		if c.group == "" {
			f.SetCellStr(s.name, top, c.name)
			if err := f.MergeCell(s.name, top, below); err != nil {
				return nil, err
			}
			continue
		}
		k := j
		for k+1 < len(cols) && cols[k+1].group == c.group {
			k++
		}
		end, _ := excelize.CoordinatesToCellName(k+1, 4)
		f.SetCellStr(s.name, top, c.group)
		if err := f.MergeCell(s.name, top, end); err != nil {
			return nil, err
		}
		for ; j <= k; j++ {
			sub, _ := excelize.CoordinatesToCellName(j+1, 5)
			f.SetCellStr(s.name, sub, cols[j].name)
		}
		j--
	}
	s.row = 6
	nums := make([]any, len(cols))
	for j := range cols {
		nums[j] = fmt.Sprintf("(%d)", j+1)
	}
	s.add(nums...)
	return s, nil
}

// registerCol is a column of a register, under group if it has one.
type registerCol struct{ group, name string }

func (g *gen) save(s *sheet, file string) error {
	defer s.f.Close()
	return s.f.SaveAs(filepath.Join(g.dir, file), excelize.Options{})
}

var fields = []struct {
	name string
	days int
	n    int
}{{"Giáo dục và Đào tạo", 7, 90}, {"Tuyển sinh", 10, 60}, {"Xử lý đơn", 10, 30}, {"Khiếu nại, tố cáo", 30, 14}}

func (g *gen) dossiers() error {
	const grp = "Nhận và trả kết quả"
	s, err := newRegister("SỔ THEO DÕI HỒ SƠ THỦ TỤC HÀNH CHÍNH", []registerCol{{"", "STT"}, {"", "Mã hồ sơ"}, {"", "Lĩnh vực"},
		{"", "Tên thủ tục"}, {grp, "Ngày tiếp nhận"}, {grp, "Ngày hẹn trả"}, {grp, "Ngày trả kết quả"}, {"", "Ngày xin lỗi"}, {"", "Ghi chú"}})
	if err != nil {
		return err
	}
	n := 0
	for _, fl := range fields {
		for i := 0; i < fl.n*g.scale; i++ {
			n++
			rec := g.day()
			due := rec.AddDate(0, 0, fl.days)
			var ret, apology any
			r := g.rnd.IntN(100)
			switch {
			case r < 88:
				ret = g.dateCell(rec.AddDate(0, 0, g.rnd.IntN(fl.days+1)))
			case r < 96: // late
				late := due.AddDate(0, 0, 1+g.rnd.IntN(5))
				ret = g.dateCell(late)
				if g.rnd.IntN(4) > 0 {
					apology = g.dateCell(late)
				}
			}
			field := fl.name
			if n%17 == 0 {
				field = norm.NFD.String(field) // typed on a Mac
			}
			s.add(n, fmt.Sprintf("HS-2024-%05d", n), field, "Tiếp nhận hồ sơ "+fl.name, g.dateCell(rec), g.dateCell(due), ret, apology, nil)
		}
		s.skip() // a blank row between fields
	}
	// The mess the issue asks for, at fixed places.
	s.add(n+1, "HS-2024-90001", "Xử lý đơn", "Đơn đề nghị", "20/02/2024", "01/03/2024", "08/03/2024", nil, "trễ hạn, chưa xin lỗi")
	s.add(n+2, "HS-2024-90002", "Tuyển sinh", "Đăng ký học", "25/02/2024", "31/02/2024", "28/02/2024", nil, "ngày hẹn sai")
	s.add(n+3, "HS-2024-00001", "Tuyển sinh", "Nhập trùng", "01/03/2024", "05/03/2024", "04/03/2024", nil, "trùng mã")
	s.add("Tổng cộng", nil, nil, nil, nil, nil, nil, nil, nil)
	return g.save(s, "ho-so-tthc.xlsx")
}

func (g *gen) feedback() error {
	s, err := newSheet("SỔ TIẾP NHẬN PHẢN ÁNH, KIẾN NGHỊ", []string{"STT", "Mã", "Nội dung", "Ngày tiếp nhận", "Hạn trả lời", "Ngày trả lời", "Ghi chú"})
	if err != nil {
		return err
	}
	topics := []string{"Hỏi về học phí", "Đề nghị đón trễ", "Góp ý về thực đơn bán trú"}
	for i := 1; i <= 60*g.scale; i++ {
		rec := g.day()
		deadline := rec.AddDate(0, 0, 5)
		var ans any = g.dateCell(rec.AddDate(0, 0, g.rnd.IntN(5)))
		switch g.rnd.IntN(30) {
		case 0:
			ans = g.dateCell(deadline.AddDate(0, 0, 2))
		case 1:
			ans = nil
		}
		s.add(i, fmt.Sprintf("PA%04d", i), topics[g.rnd.IntN(len(topics))], g.dateCell(rec), g.dateCell(deadline), ans, nil)
	}
	return g.save(s, "phan-anh-kien-nghi.xlsx")
}

func (g *gen) survey() error {
	s, err := newSheet("KẾT QUẢ KHẢO SÁT", []string{"Thời gian", "Nội dung khảo sát", "Mức độ hài lòng"})
	if err != nil {
		return err
	}
	topics := []string{"Thanh toán học phí qua Yoyoschool", "Giải quyết thủ tục hành chính"}
	for i := 0; i < 700*g.scale; i++ {
		t := g.day().Add(time.Duration(7*3600+g.rnd.IntN(12*3600)) * time.Second)
		level := "Rất hài lòng"
		switch r := g.rnd.IntN(100); {
		case r < 1:
			level = "Không hài lòng"
		case r < 2:
			level = "Bình thường"
		case r < 45:
			level = "Hài lòng"
		}
		var when any = t
		if i%3 == 0 {
			when = t.Format("02/01/2006 15:04:05")
		}
		s.add(when, topics[g.rnd.IntN(2)], level)
	}
	return g.save(s, "khao-sat-hai-long.xlsx")
}

func (g *gen) payments() error {
	s, err := newSheet("DANH SÁCH THANH TOÁN", []string{"STT", "Mã học sinh", "Họ và tên", "Lớp", "Ngày thanh toán", "Số tiền", "Hình thức thanh toán", "Ghi chú"})
	if err != nil {
		return err
	}
	classes := []string{"Mầm 1", "Chồi 2", "Lá 3"}
	students := 180 * g.scale
	n := 0
	for month := 0; month < 12; month++ {
		for st := 1; st <= students; st++ {
			if g.rnd.IntN(100) < 14 {
				continue // paid late or not this month
			}
			n++
			method := "Yoyoschool"
			if st%15 == 0 {
				method = []string{"Chuyển khoản", "Tiền mặt"}[g.rnd.IntN(2)]
			}
			d := yearStart.AddDate(0, month, g.rnd.IntN(28))
			s.add(n, fmt.Sprintf("HS%04d", st), fmt.Sprintf("Nguyễn Văn HS%04d", st), classes[st%3], g.dateCell(d),
				[]int{1500000, 1750000, 2100000}[st%3], method, nil)
		}
	}
	return g.save(s, "thanh-toan-hoc-phi.xlsx")
}

func (g *gen) documents() error {
	s, err := newSheet("SỔ ĐĂNG KÝ VĂN BẢN", []string{"STT", "Số, ký hiệu", "Ngày văn bản", "Loại", "Trích yếu", "Văn bản điện tử", "Ký số", "Độ mật", "Ghi chú"})
	if err != nil {
		return err
	}
	yes := []string{"Có", "x", "X", "Có "}
	for i := 1; i <= 420*g.scale; i++ {
		dir, sym := "Đến", "CV"
		if i%3 == 0 {
			dir, sym = "Đi", "BC"
		}
		elec, signed, secret := yes[g.rnd.IntN(4)], yes[g.rnd.IntN(4)], ""
		switch r := g.rnd.IntN(100); {
		case r < 3:
			elec, signed, secret = "Không", "", "Mật"
		case r < 6:
			elec = "Không"
		case r < 12:
			signed = "Không"
		}
		s.add(i, fmt.Sprintf("%d/%s-MN2010", i, sym), g.dateCell(g.day()), dir, "Về việc thực hiện công tác CCHC", elec, signed, secret, nil)
	}
	return g.save(s, "van-ban.xlsx")
}

func (g *gen) staff() error {
	s, err := newSheet("DANH SÁCH CBCCVC", []string{"STT", "Họ và tên", "Chức vụ", "Email công vụ"})
	if err != nil {
		return err
	}
	roles := []string{"Giáo viên", "Nhân viên", "Phó hiệu trưởng"}
	domains := []string{"hcm.edu.vn", "mn2010.hcm.edu.vn", "tphcm.gov.vn", "hcm.edu.vn", "gmail.com"}
	for i := 1; i <= 46*g.scale; i++ {
		d := domains[g.rnd.IntN(len(domains)-1)]
		if i%12 == 0 {
			d = "gmail.com"
		}
		s.add(i, fmt.Sprintf("Trần Thị Nhân Viên %d", i), roles[i%3], fmt.Sprintf("gv%d@%s", i, d))
	}
	return g.save(s, "can-bo.xlsx")
}

func (g *gen) manual() error {
	s, err := newSheet("SỐ LIỆU NHẬP TAY", []string{"Mã chỉ tiêu", "Kỳ báo cáo", "Giá trị", "Ghi chú"})
	if err != nil {
		return err
	}
	rows := [][]any{
		{"1", "2023", "3", "Kết quả PAR Index 2023 do Thành phố công bố"},
		{"2", "2024-Q1", "45%", nil}, {"2", "2024-Q2", "38,5%", nil}, {"2", "2024-Q3", "42%", nil}, {"2", "2024-Q4", "47,5%", nil},
		{"3.2", "2024-01", "Có", nil}, {"3.4", "2024-02", "0,9", nil}, {"3.4", "2024-06", "100%", nil},
		{"6", "2024-02", "Có", nil}, {"6", "2024-05", "Không", "Chưa cập nhật trên hệ thống"}, {"6", "2024-07", "Có", nil},
		{"9.3", "2024-Q1", "100%", nil},
	}
	for _, r := range rows {
		s.add(r...)
	}
	if err := addNarrative(s.f); err != nil {
		return err
	}
	return g.save(s, "so-lieu-nhap-tay.xlsx")
}

func (g *gen) tasks() error {
	s, err := newSheet("TIẾN ĐỘ NHIỆM VỤ", []string{"Mã nhiệm vụ", "Kỳ báo cáo", "Tình trạng", "Kết quả thực hiện"})
	if err != nil {
		return err
	}
	rows := [][]any{
		{"1.1", "2024-01", "Hoàn thành", "Đã kiện toàn Ban Chỉ đạo CCHC"},
		{"1.3", "2024-02", "Đang thực hiện", "Báo cáo định kỳ đúng hạn"},
		{"1.11", "2024-03", "Đang thực hiện", "Đăng tin CCHC trên trang thông tin điện tử của trường"},
		{"3.4", "2024-03", "Đang thực hiện", "Rà soát hồ sơ trễ hẹn, nhắc thực hiện thư xin lỗi"},
		{"6.3", "2024-Q1", "Hoàn thành", "Triển khai thanh toán học phí qua Yoyoschool"},
		{"7.8", "2024-Q2", "Hoàn thành", "Họp trực tuyến qua Zoom"},
		{"1.3", "2024-06", "Hoàn thành", "Báo cáo 6 tháng gửi đúng hạn"},
	}
	for _, r := range rows {
		s.add(r...)
	}
	return g.save(s, "tien-do-nhiem-vu.xlsx")
}
