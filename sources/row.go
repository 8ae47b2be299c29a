package sources

import (
	"fmt"
	"strings"
)

// row reads one data row, keeping it or leaving it out with warnings.
func (p *parser) row(cells []string, line int) {
	if isBlank(cells) {
		return
	}
	if j, ok := totalsCell(cells); ok {
		p.warn(line, p.headerAt(j), cells[j], "dòng tổng cộng, không phải dữ liệu: đã bỏ qua")
		return
	}
	vals := p.vals
	ok := true
	for i, c := range p.schema.Columns {
		raw := ""
		if j := p.colAt[i]; j >= 0 && j < len(cells) {
			raw = cells[j]
		}
		v, msg := p.cell(i, c, raw)
		if msg != "" {
			p.warn(line, c.Header, Clean(raw), msg)
			ok = false
		}
		vals[i] = v
	}
	if !ok || !p.unique(vals, line) {
		return
	}
	kept := make([]Value, p.kept)
	for i, k := range p.table.cells {
		if k >= 0 {
			kept[k] = vals[i]
		}
	}
	p.table.Rows = append(p.table.Rows, Row{Line: line, Cells: kept})
}

// cell reads one cell of column c; a non-empty message means the row cannot
// be used.
func (p *parser) cell(i int, c Column, raw string) (Value, string) {
	text := Clean(raw)
	if text == "" && c.Kind != YesNo {
		if c.Required && !c.AllowEmpty {
			return Value{Empty: true}, fmt.Sprintf("ô bắt buộc %q để trống: điền giá trị hoặc xóa dòng", c.Header)
		}
		return Value{Empty: true}, ""
	}
	// Only text and category cells keep their text: a table of a district's
	// year is mostly dates and yes/no cells.
	v := Value{Empty: text == ""}
	var err error
	switch c.Kind {
	case Text:
		v.Text = text
	case Date:
		d, err := ParseDate(text, p.date1904)
		if err != nil {
			return v, "ngày không hợp lệ: ghi theo dạng ngày/tháng/năm, ví dụ 05/03/2024"
		}
		v = DateValue(d)
	case YesNo:
		if v.Bool, err = ParseYesNo(text); err != nil {
			return v, "giá trị không rõ có/không: ghi \"Có\" hoặc \"Không\""
		}
	case Number:
		if v.Num, err = ParseNumber(text); err != nil {
			return v, "không phải số: ghi số theo kiểu Việt Nam, ví dụ 85,5% hoặc 1.234,5"
		}
	case Category:
		k := p.cats[i].Match(raw)
		if k < 0 {
			return v, fmt.Sprintf("giá trị ngoài danh mục; chọn một trong: %s", strings.Join(c.Values, "; "))
		}
		v.Text = c.Values[k]
	}
	return v, ""
}

// unique checks unique columns; a duplicate is a warning and the first row
// wins.
func (p *parser) unique(vals []Value, line int) bool {
	for i, seen := range p.seen {
		k := Fold(vals[i].Text)
		if first, dup := seen[k]; dup {
			c := p.schema.Columns[i]
			p.warn(line, c.Header, vals[i].Text, fmt.Sprintf("trùng %s với dòng %d: giữ dòng %d, bỏ dòng này", c.Header, first, first))
			return false
		}
	}
	for i, seen := range p.seen {
		seen[Fold(vals[i].Text)] = line
	}
	return true
}

func (p *parser) warn(line int, column, value, msg string) {
	p.issues = append(p.issues, Issue{Severity: Warning, Source: p.spec.Name, File: p.table.File,
		Sheet: p.table.Sheet, Row: line, Column: column, Value: value, Message: msg})
}

// headerAt names the column at cell position j by its header, or its
// letter when the header cell is blank.
func (p *parser) headerAt(j int) string {
	if j < len(p.header) && Clean(p.header[j]) != "" {
		return Clean(p.header[j])
	}
	return columnLetter(j)
}

func columnLetter(j int) string {
	s := ""
	for j++; j > 0; j = (j - 1) / 26 {
		s = string(rune('A'+(j-1)%26)) + s
	}
	return s
}

var totalsWords = []string{"tong cong", "tong so", "tong", "cong", "total", "tong hop"}

// totalsCell finds a totals row: its first non-blank cell reads "Tổng cộng",
// "Tổng số", "Cộng" or the like.
func totalsCell(cells []string) (int, bool) {
	for j, c := range cells {
		if strings.TrimSpace(c) == "" {
			continue
		}
		f := FoldMarks(c)
		for _, w := range totalsWords {
			if f == w || f == w+":" || strings.HasPrefix(f, w+" ") && w != "tong" && w != "cong" {
				return j, true
			}
		}
		return j, false
	}
	return 0, false
}
