package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mn2010/baocao/reports/plan"
	"github.com/xuri/excelize/v2"
)

func write(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func ids(ts []Target) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.ID)
	}
	return out
}

// TestPlainTextPlans reads plans typed as plain text: numbering typed
// ("1.", "2.1", "3.1."), section titles that differ from school to school,
// a targets section that holds the objectives too, the header's number,
// place and date, and the unit from the body.
func TestPlainTextPlans(t *testing.T) {
	tests := []struct {
		name, text string
		ref, unit  string
		year       int
		targets    []string
		tasks      []string
	}{
		{"chỉ tiêu cụ thể", `UBND QUẬN BÌNH THẠNH
TRƯỜNG THCS ĐIỆN BIÊN

Số: 07/KH-THCSĐB

Bình Thạnh, ngày 5 tháng 1 năm 2026

KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026

I. MỤC TIÊU
1. Nâng cao chất lượng phục vụ.

II. CHỈ TIÊU CỤ THỂ
1. Hồ sơ TTHC giải quyết đúng hạn đạt 100%.
2. Văn bản đi được ký số đạt 100%.
3 Tỷ lệ học sinh tham gia bảo hiểm y tế đạt 100%.

III. NHIỆM VỤ TRỌNG TÂM
1. Công tác chỉ đạo, điều hành
1.1 Kiện toàn Ban chỉ đạo CCHC.
1.2 Tuyên truyền về CCHC.
2. Cải cách thủ tục hành chính
2.1 Công khai thủ tục hành chính; cập nhật kịp thời.

IV. TỔ CHỨC THỰC HIỆN
1. Hiệu trưởng chỉ đạo chung.
`, "Kế hoạch số 07/KH-THCSĐB ngày 5 tháng 1 năm 2026", "Trường THCS Điện Biên", 2026,
			[]string{"1", "2"}, []string{"1.1", "1.2", "2.1"}},
		{"chỉ tiêu trong mục đích, yêu cầu", `Số: 9/KH-MNBM
Quận 7, ngày 03 tháng 01 năm 2026
KẾ HOẠCH
Cải cách hành chính năm 2026 tại Trường Mầm non Bông Mai
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
1.1. Nâng cao chất lượng phục vụ.
2. Các chỉ tiêu cụ thể:
2.1. 100% hồ sơ trễ hẹn được xin lỗi.
2.2. Tối thiểu 90% văn bản đi được ký số.
II. NHIỆM VỤ, GIẢI PHÁP
1. Số hóa hồ sơ.
`, "Kế hoạch số 9/KH-MNBM ngày 03 tháng 01 năm 2026", "Trường Mầm non Bông Mai", 2026,
			[]string{"2.1", "2.2"}, []string{"1"}},
		{"tiêu đề chữ thường, năm ở dòng dưới", `TRƯỜNG TIỂU HỌC LÊ VĂN TÁM
Số: 4/KH-THLVT
Quận 3, ngày 28 tháng 12 năm 2025
Kế hoạch cải cách hành chính
năm 2026
II. CHỈ TIÊU
1. Hồ sơ đúng ` + "\u00ad" + `hạn đạt 100%.
`, "Kế hoạch số 4/KH-THLVT ngày 28 tháng 12 năm 2025", "Trường Tiểu học Lê Văn Tám", 2026, []string{"1"}, nil},
		{"ngày sau tiêu đề", `TRƯỜNG MẦM NON SƠN CA
KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026
Số: 11/KH-MNSC
Quận 5, ngày 9 tháng 1 năm 2026
Căn cứ Kế hoạch số 3/KH-UBND ngày 02 tháng 01 năm 2026 của Ủy ban nhân dân Quận 5;
II. CHỈ TIÊU
1. Hồ sơ đúng hạn đạt 100%.
`, "Kế hoạch số 11/KH-MNSC ngày 9 tháng 1 năm 2026", "Trường Mầm non Sơn Ca", 2026, []string{"1"}, nil},
		{"không có số", `TRƯỜNG MẦM NON VÀNG ANH
Quận 8, ngày 9 tháng 1 năm 2026
KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026
Căn cứ Kế hoạch số 3/KH-UBND ngày 02 tháng 01 năm 2026 của Ủy ban nhân dân Quận 8;
II. CHỈ TIÊU
1. Hồ sơ đúng hạn đạt 100%.
`, "Kế hoạch ngày 9 tháng 1 năm 2026", "Trường Mầm non Vàng Anh", 2026, []string{"1"}, nil},
		{"KE HOACH không dấu", `So: 1/KH-X
KE HOACH
II. CHI TIEU
1. Ho so dung han dat 100%.
`, "Kế hoạch số 1/KH-X", "", 0, []string{"1"}, nil},
		{"mục tiêu, chỉ tiêu", `Số: 3/KH-MNAS
Thủ Đức, ngày 02/01/2025
KẾ HOẠCH
Thực hiện công tác cải cách hành chính năm 2025 tại Trường Mầm non Ánh Sao
II. MỤC TIÊU, CHỈ TIÊU
1. Mục tiêu
1.1. Xây dựng nền hành chính phục vụ.
2. Chỉ tiêu
2.1. Hồ sơ TTHC giải quyết đúng hạn đạt từ 98% trở lên.
2.2. 100% phản ánh, kiến nghị được trả lời đúng hạn.
III. NHIỆM VỤ, GIẢI PHÁP
1. Rà soát thủ tục hành chính.
2. Đẩy mạnh chuyển đổi số.
`, "Kế hoạch số 3/KH-MNAS ngày 02 tháng 01 năm 2025", "Trường Mầm non Ánh Sao", 2025,
			[]string{"2.1", "2.2"}, []string{"1", "2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Import(write(t, "ke-hoach.txt", []byte(tt.text)))
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Header.Reference(); got != tt.ref || res.Header.Unit != tt.unit || res.Header.ForYear != tt.year {
				t.Errorf("header: %q, unit %q, year %d; want %q, %q, %d", got, res.Header.Unit, res.Header.ForYear, tt.ref, tt.unit, tt.year)
			}
			if got := ids(res.Targets); strings.Join(got, " ") != strings.Join(tt.targets, " ") {
				t.Errorf("targets %v, want %v", got, tt.targets)
			}
			var tasks []string
			for _, k := range res.Tasks {
				tasks = append(tasks, k.ID)
			}
			if strings.Join(tasks, " ") != strings.Join(tt.tasks, " ") {
				t.Errorf("tasks %v, want %v", tasks, tt.tasks)
			}
			if res.Plan == nil || res.Plan.ForYear() != tt.year || res.Plan.Unit != tt.unit || res.Plan.Reference != tt.ref {
				t.Errorf("the plan file does not load as read: %+v", res.Plan)
			}
		})
	}
}

// TestImport2024Plan: the 2024 plan's text reads to the built-in plan's
// reference, targets (ids, thresholds, how each is computed) and task ids.
func TestImport2024Plan(t *testing.T) {
	builtin, err := plan.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range []string{"ke-hoach-cchc-2024.md", "ke-hoach-cchc-2024.docx", "ke-hoach-cchc-2024.libreoffice.docx"} {
		res, err := Import(filepath.Join("testdata", doc))
		if err != nil {
			t.Fatal(err)
		}
		p := res.Plan
		if p.Reference != builtin.Reference || p.ForYear() != 2024 || p.Unit != builtin.Unit {
			t.Errorf("%s: %q %d %q", doc, p.Reference, p.ForYear(), p.Unit)
		}
		if len(p.Indicators) != len(builtin.Indicators) || len(p.Tasks.Items) != 58 {
			t.Fatalf("%s: %d indicators, %d tasks", doc, len(p.Indicators), len(p.Tasks.Items))
		}
		for i, want := range builtin.Indicators {
			got := p.Indicators[i]
			if got.ID != want.ID || got.Kind != want.Kind || got.ValueType != want.ValueType || got.Target != want.Target ||
				got.Compare != want.Compare && !(got.Compare == "" && want.Compare == "") {
				t.Errorf("%s: indicator %s: %s %s %v %s; want %s %s %s %v %s", doc, got.ID, got.Kind, got.ValueType, got.Target, got.Compare,
					want.ID, want.Kind, want.ValueType, want.Target, want.Compare)
			}
			if m, ok := plan.MeasureOf(want); ok {
				if gm, gok := plan.MeasureOf(got); !gok || gm.Key != m.Key {
					t.Errorf("%s: indicator %s is not computed as %s", doc, got.ID, m.Key)
				}
			}
			if want.Breakdown != nil && (got.Breakdown == nil || len(got.Breakdown.Targets) != len(want.Breakdown.Targets)) {
				t.Errorf("%s: indicator %s breakdown %+v, want %+v", doc, got.ID, got.Breakdown, want.Breakdown)
			}
		}
		for i, task := range builtin.Tasks.Items {
			if p.Tasks.Items[i].ID != task.ID || p.Tasks.Items[i].Title == "" {
				t.Errorf("%s: task %d is %+v, want id %s", doc, i, p.Tasks.Items[i], task.ID)
			}
		}
		if !strings.Contains(res.TOML, "# 3.3 — hiểu là: hồ sơ trễ hẹn được xin lỗi.") ||
			!strings.Contains(res.TOML, "# Nhập tay: Mã chỉ tiêu 3.2") {
			t.Errorf("%s: the comments above the targets do not say how each was understood", doc)
		}
	}
}

// docx builds a Word package from its parts.
func docx(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const wns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// TestWordMultilevelList reads numbering Word makes itself: a multilevel
// list "%1.%2." whose first level is attached to a heading style (bold by
// the style), a Roman-numbered heading from a list, and a tracked deletion.
func TestWordMultilevelList(t *testing.T) {
	p := func(style, num, lvl, text string) string {
		ppr := ""
		if style != "" {
			ppr += `<w:pStyle w:val="` + style + `"/>`
		}
		if num != "" {
			ppr += `<w:numPr><w:ilvl w:val="` + lvl + `"/><w:numId w:val="` + num + `"/></w:numPr>`
		}
		return `<w:p><w:pPr>` + ppr + `</w:pPr><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
	}
	body := p("", "", "", "Số: 21/KH-MNHM") + p("", "", "", "Quận 3, ngày 10 tháng 01 năm 2026") +
		p("Title", "", "", "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026") +
		p("", "", "", "Trường Mầm non Họa Mi xây dựng kế hoạch như sau:") +
		p("Heading1", "2", "0", "MỤC TIÊU") + p("Heading1", "2", "0", "CHỈ TIÊU") +
		p("Chi", "5", "0", "Về thủ tục hành chính") +
		p("", "5", "1", "Hồ sơ giải quyết đúng hạn đạt 100%.") +
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr><w:r><w:t>Hồ sơ trễ hạn được xin lỗi đạt </w:t></w:r>` +
		`<w:del><w:r><w:delText>90%</w:delText></w:r></w:del><w:ins><w:r><w:t>100%</w:t></w:r></w:ins></w:p>` +
		p("Chi", "5", "0", "Về văn bản điện tử") +
		p("", "5", "1", "Văn bản đi được ký số đạt 95%.") +
		p("Heading1", "2", "0", "NHIỆM VỤ TRỌNG TÂM") +
		p("", "7", "0", "Kiện toàn Ban chỉ đạo.") + p("", "7", "0", "Số hóa hồ sơ.")
	doc := docx(t, map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   `<w:document ` + wns + `><w:body>` + body + `</w:body></w:document>`,
		"word/styles.xml": `<w:styles ` + wns + `><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>` +
			`<w:style w:type="paragraph" w:styleId="Chi"><w:name w:val="Chi tieu"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style></w:styles>`,
		"word/numbering.xml": `<w:numbering ` + wns + `>` +
			`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
			`<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>` +
			`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum>` +
			`<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>` +
			`<w:num w:numId="7"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>`,
	})
	res, err := Import(write(t, "ke-hoach.docx", doc))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids(res.Targets), " "); got != "1.1 1.2 2.1" {
		t.Errorf("targets %s, want 1.1 1.2 2.1", got)
	}
	want := map[string]string{"1.1": "dossiers_on_time", "1.2": "dossiers_apology", "2.1": "documents_signed"}
	for _, tg := range res.Targets {
		if tg.Measure != want[tg.ID] {
			t.Errorf("%s %q: measured by %q, want %q", tg.ID, tg.Text, tg.Measure, want[tg.ID])
		}
	}
	if res.Targets[1].Threshold.Value != 1 || res.Targets[2].Threshold.Value != 0.95 {
		t.Errorf("thresholds %v, %v", res.Targets[1].Threshold, res.Targets[2].Threshold)
	}
	if len(res.Tasks) != 2 || res.Tasks[0].ID != "1" || res.Tasks[1].ID != "2" {
		t.Errorf("tasks %+v", res.Tasks)
	}
	if res.Header.Reference() != "Kế hoạch số 21/KH-MNHM ngày 10 tháng 01 năm 2026" || res.Header.ForYear != 2026 {
		t.Errorf("header %+v", res.Header)
	}
}

// TestNotAPlan: what is not a plan, or cannot be read, is refused with a
// Vietnamese message naming what is missing or what to do.
func TestNotAPlan(t *testing.T) {
	encrypted := func() []byte {
		f := excelize.NewFile()
		var buf bytes.Buffer
		if err := f.Write(&buf, excelize.Options{Password: "baocao"}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	bigText := "<w:document " + wns + "><w:body><w:p><w:r><w:t>" + strings.Repeat("a", 2<<20) + "</w:t></w:r></w:p></w:body></w:document>"
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"thu-moi.txt", []byte("Số: 1/TM\nTHƯ MỜI\nKính mời quý phụ huynh dự họp.\n"), "không tìm thấy mục chỉ tiêu"},
		{"khong-so.md", []byte("# KẾ HOẠCH\n\n## II. CHỈ TIÊU\n\nPhấn đấu hoàn thành tốt.\n\n## III. NHIỆM VỤ\n\n1. Việc một.\n"),
			"không có chỉ tiêu đánh số"},
		{"cu.doc", mustRead(t, "testdata/hoa-sen-2025.doc"), "lưu lại dưới dạng .docx"},
		{"ke-hoach.docx", mustRead(t, "testdata/hoa-sen-2025.doc"), "Word 97"},
		{"mat-khau.docx", encrypted(), "mật khẩu"},
		{"hong.docx", []byte("PK\x03\x04 not really a zip"), "tệp .docx hỏng"},
		{"token.docx", docx(t, map[string]string{"word/document.xml": bigText}), "dài hơn 1 MB"},
		{"bang-tinh.docx", docx(t, map[string]string{"xl/workbook.xml": "<workbook/>"}), "không phải tài liệu Word"},
		{"tcvn3.txt", []byte("K\xd5 HO\xb9CH\nII. CH\xc8 TI\xaaU\n1. \xae\xb9t 100%\n"), "không phải UTF-8"},
	}
	for _, tt := range tests {
		_, err := Import(write(t, tt.name, tt.data))
		var e *Error
		if !errors.Is(err, ErrNotPlan) || !errors.As(err, &e) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.name) {
			t.Errorf("%s: %v; want an ErrNotPlan naming the file and saying %q", tt.name, err, tt.want)
		}
	}
}

// TestUnzipLimit: a package that would inflate past the limit is refused
// before it is inflated, as a workbook is.
func TestUnzipLimit(t *testing.T) {
	old := Limits
	t.Cleanup(func() { Limits = old })
	Limits.MaxUnzipBytes = 1 << 20
	doc := docx(t, map[string]string{"word/document.xml": "<w:document " + wns + "><w:body>" +
		strings.Repeat("<w:p/>", 300000) + "</w:body></w:document>"})
	_, err := Import(write(t, "bom.docx", doc))
	if !errors.Is(err, ErrNotPlan) || !strings.Contains(err.Error(), "giải nén vượt giới hạn") {
		t.Errorf("%v", err)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestUnreadThresholdKept: a target whose threshold cannot be read is kept,
// flagged in the table and in the file, and the file does not load until
// someone writes the threshold (no report is made against a guess).
func TestUnreadThresholdKept(t *testing.T) {
	res, err := Import(write(t, "kh.md", []byte("Số: 2/KH-X\n\nHà Nội, ngày 3 tháng 1 năm 2026\n\n# KẾ HOẠCH CCHC NĂM 2026\n\n"+
		"## II. CHỈ TIÊU\n\n1. Mức độ hài lòng của phụ huynh về giải quyết TTHC đạt mức cao.\n\n2. Hồ sơ đúng hạn đạt 100%.\n")))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Targets) != 2 || res.Targets[0].Threshold.Kind != Unread || res.Plan != nil {
		t.Fatalf("targets %+v, plan %v", res.Targets, res.Plan)
	}
	if !strings.Contains(res.TOML, "target = nan") || !strings.Contains(res.TOML, "CẦN XEM LẠI: không đọc được ngưỡng") {
		t.Errorf("the file does not flag the threshold:\n%s", res.TOML)
	}
	var table strings.Builder
	res.WriteTable(&table)
	if !strings.Contains(table.String(), "Chưa đọc được ngưỡng") || !strings.Contains(table.String(), "không đọc được ngưỡng") {
		t.Errorf("table:\n%s", table.String())
	}
	_, err = plan.Parse("kh.toml", []byte(res.TOML))
	if !errors.Is(err, plan.ErrInvalid) || !strings.Contains(err.Error(), `chỉ tiêu "1"`) {
		t.Errorf("the plan with an unread threshold loads: %v", err)
	}
	fixed := strings.Replace(res.TOML, "target = nan", "target = 0.95", 1)
	if _, err := plan.Parse("kh.toml", []byte(fixed)); err != nil {
		t.Errorf("with the threshold written: %v", err)
	}
}

// TestWriteKeepsExisting: an existing plan file is kept unless force.
func TestWriteKeepsExisting(t *testing.T) {
	res, err := Import("testdata/hoa-sen-2025.docx")
	if err != nil {
		t.Fatal(err)
	}
	out := write(t, "plan.toml", []byte("# the clerk's edits\n"))
	if err := res.Write(out, false); !errors.Is(err, ErrExists) {
		t.Errorf("overwrote without force: %v", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "# the clerk's edits\n" {
		t.Errorf("the existing file changed: %q", b)
	}
	if err := res.Write(out, true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != res.TOML {
		t.Error("force did not write the plan")
	}
	fresh := filepath.Join(t.TempDir(), "new.toml")
	if err := res.Write(fresh, false); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(fresh); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("new file: %v %v", st, err)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(fresh), ".plan-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestWordHeaderTable reads a header as Word files hold it: a table whose
// left cell has the parent body and the unit on two lines of one
// paragraph (a line break), the motto in the right cell, the number and
// date in a second row; a text box inside a paragraph; the targets' bold
// numbers in their own runs.
func TestWordHeaderTable(t *testing.T) {
	run := func(text string, bold bool) string {
		b := ""
		if bold {
			b = `<w:rPr><w:b/></w:rPr>`
		}
		return `<w:r>` + b + `<w:t xml:space="preserve">` + text + `</w:t></w:r>`
	}
	para := func(runs ...string) string { return `<w:p>` + strings.Join(runs, "") + `</w:p>` }
	cell := func(ps ...string) string { return `<w:tc>` + strings.Join(ps, "") + `</w:tc>` }
	body := `<w:tbl><w:tr>` +
		cell(para(run("UBND PHƯỜNG BẾN THÀNH", false), `<w:r><w:br/></w:r>`, run("TRƯỜNG MẦM NON BẾN THÀNH", true))) +
		cell(para(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true)), para(run("Độc lập - Tự do - Hạnh phúc", true))) +
		`</w:tr><w:tr>` + cell(para(run("Số: 02/KH-MNBT", false))) + cell(para(run("Phường Bến Thành, ngày 06 tháng 01 năm 2026", false))) +
		`</w:tr></w:tbl>` +
		para(`<w:r><w:drawing><wp:inline xmlns:wp="wp"><w:txbxContent>`+para(run("Dự thảo", false))+`</w:txbxContent></wp:inline></w:drawing></w:r>`) +
		para(run("KẾ HOẠCH", true)) + para(run("Cải cách hành chính năm 2026", true)) +
		para(run("II. CHỈ TIÊU", true)) +
		para(run("1.", true), run(" Hồ sơ TTHC giải quyết đúng hạn đạt 98%.", false)) +
		para(run("2.", true), run(" Nằm trong nhóm 10 đơn vị dẫn đầu về Chỉ số CCHC.", false)) +
		para(run("III. NHIỆM VỤ TRỌNG TÂM", true)) +
		para(run("1. Rà soát thủ tục hành chính.", true), run(" Thực hiện hằng quý.", false))
	doc := docx(t, map[string]string{"word/document.xml": `<w:document ` + wns + `><w:body>` + body + `</w:body></w:document>`})
	res, err := Import(write(t, "ke-hoach.docx", doc))
	if err != nil {
		t.Fatal(err)
	}
	h := res.Header
	if h.Unit != "Trường Mầm non Bến Thành" || h.Reference() != "Kế hoạch số 02/KH-MNBT ngày 06 tháng 01 năm 2026" || h.ForYear != 2026 {
		t.Errorf("header %+v", h)
	}
	if len(res.Targets) != 2 || res.Targets[0].Measure != "dossiers_on_time" || res.Targets[0].Threshold.Value != 0.98 ||
		res.Targets[1].ValueType != "rank" || res.Targets[1].Threshold.Value != 10 {
		t.Errorf("targets %+v", res.Targets)
	}
	if len(res.Tasks) != 1 || res.Tasks[0].Title != "Rà soát thủ tục hành chính" {
		t.Errorf("tasks %+v", res.Tasks)
	}
	if res.Plan == nil || res.Plan.Title != "Kế hoạch cải cách hành chính năm 2026" {
		t.Errorf("plan %+v", res.Plan)
	}
}

// TestPythonDocxPlan reads a plan python-docx wrote (testdata/huong-sen-2026.py):
// the targets numbered by the "List Number" style, not the paragraphs.
func TestPythonDocxPlan(t *testing.T) {
	res, err := Import("testdata/huong-sen-2026.docx")
	if err != nil {
		t.Fatal(err)
	}
	if h := res.Header; h.Unit != "Trường Mầm non Hương Sen" || h.Reference() != "Kế hoạch số 15/KH-MNHS ngày 10 tháng 01 năm 2026" || h.ForYear != 2026 {
		t.Errorf("header %+v", h)
	}
	want := []string{"dossiers_on_time", "dossiers_apology", "survey_payments", "documents_signed", ""}
	if len(res.Targets) != len(want) {
		t.Fatalf("targets %+v", res.Targets)
	}
	for i, tg := range res.Targets {
		if tg.ID != strconv.Itoa(i+1) || tg.Measure != want[i] {
			t.Errorf("target %d: %s measured by %q, want %d and %q", i, tg.ID, tg.Measure, i+1, want[i])
		}
	}
	if last := res.Targets[4]; last.ValueType != "yesno" || len(last.Doubts) != 1 {
		t.Errorf("a count target: %+v", last)
	}
	if len(res.Tasks) != 2 || res.Tasks[1].Title != "Số hóa hồ sơ tuyển sinh" {
		t.Errorf("tasks %+v", res.Tasks)
	}
}
