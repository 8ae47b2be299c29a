package sources

import (
	"fmt"
	"strings"
)

// MaxWarnings is how many warnings a source lists; past it they are
// counted, and one more warning says how many were left out. A file that
// is wrong on every row must not cost memory for every row.
const MaxWarnings = 1000

// row reads one data row, keeping it or leaving it out with warnings.
func (p *parser) row(r *cells, line int) {
	if isBlank(r) {
		return
	}
	if n, ok := totalsCell(r); ok {
		p.warn(line, p.headerAt(r.col[n]), r.val[n], "dòng tổng cộng, không phải dữ liệu: đã bỏ qua")
		return
	}
	clear(p.raw)
	for n, j := range r.col {
		if j < len(p.byCol) && p.byCol[j] >= 0 {
			p.raw[p.byCol[j]] = r.val[n]
		}
	}
	vals := p.vals
	ok := true
	for i := range p.schema.Columns {
		if p.ignored[i] {
			continue // its value is read by nothing and cannot be wrong
		}
		raw := p.raw[i]
		if msg := p.cell(i, raw, &vals[i]); msg != "" {
			p.warn(line, p.schema.Columns[i].Header, Clean(raw), msg)
			ok = false
		}
	}
	if !ok || !p.unique(vals, line) {
		return
	}
	p.table.add(line, vals)
}

// kindNone marks a column of no known kind (cell takes no quick path).
const kindNone kind = 255

// cell reads one cell of column i into v; a non-empty message means the
// row cannot be used. The commonest cells take a quick path, which gives
// what cellSlow gives (FuzzCellAgrees).
func (p *parser) cell(i int, raw string, v *Value) string {
	switch p.kinds[i] {
	case kindCategory:
		// Written exactly as a listed spelling ("Chuyển khoản"): no
		// cleaning needed.
		if k := p.cats[i].spelled(raw); k >= 0 {
			*v = Value{Text: p.schema.Columns[i].Values[k]}
			return ""
		}
		return p.cellMemo(i, raw, v)
	case kindYesNo:
		if k := yesNo.spelled(raw); k >= 0 {
			*v = Value{Bool: k == 0}
			return ""
		}
		return p.cellMemo(i, raw, v)
	}
	if raw == "" { // blank, and not a yes/no cell
		*v = Value{Empty: true}
		return p.blank[i]
	}
	switch p.kinds[i] {
	case kindDate:
		// A serial or d/m/yyyy text, as ParseDate's quick path reads it
		// (which needs no cleaning: see quickDay).
		if d, ok := quickDay(raw, p.date1904); ok {
			*v = Value{day: d}
			return ""
		}
	case kindNumber:
		if n, ok := plainInteger(raw); ok { // already clean
			*v = Value{Num: n}
			return ""
		}
	case kindText:
		if raw != "" && cleanASCII(raw) {
			*v = Value{Text: raw}
			return ""
		}
	}
	var msg string
	*v, msg = p.cellSlow(i, p.schema.Columns[i], raw)
	return msg
}

// cellMemo is cellSlow for a category or yes/no cell, whose answer
// depends on its text only: it is remembered per text, for up to
// maxMemo texts a column (a register writes a few spellings, "X", "Có ",
// thousands of times).
func (p *parser) cellMemo(i int, raw string, v *Value) string {
	m := p.memo[i]
	if e, ok := m[raw]; ok {
		*v = e.v
		return e.msg
	}
	var msg string
	*v, msg = p.cellSlow(i, p.schema.Columns[i], raw)
	if m == nil {
		m = map[string]memoCell{}
		p.memo[i] = m
	}
	if len(m) < maxMemo {
		m[raw] = memoCell{*v, msg}
	}
	return msg
}

// maxMemo bounds the texts cellMemo remembers for a column.
const maxMemo = 4096

// memoCell is a remembered cell: its value and message.
type memoCell struct {
	v   Value
	msg string
}

// cellSlow is cell's general path.
func (p *parser) cellSlow(i int, c Column, raw string) (Value, string) {
	text := Clean(raw)
	if text == "" && c.Kind != YesNo {
		return Value{Empty: true}, p.blank[i]
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
	if p.warnings++; p.warnings > MaxWarnings {
		return
	}
	p.issues = append(p.issues, Issue{Severity: Warning, Source: p.spec.Name, File: p.table.File,
		Sheet: p.table.Sheet, Row: line, Column: column, Value: value, Message: msg})
}

// summarise adds the warning that says how many were not listed.
func (p *parser) summarise() {
	if n := p.warnings - MaxWarnings; n > 0 {
		p.issues = append(p.issues, Issue{Severity: Warning, Source: p.spec.Name, File: p.table.File, Sheet: p.table.Sheet,
			Message: fmt.Sprintf("còn %d cảnh báo nữa không liệt kê (chỉ ghi %d cảnh báo đầu của tệp): sửa các lỗi trên rồi chạy lại để xem tiếp", n, MaxWarnings)})
	}
}

// headerAt names the column at cell position j by its header, or its
// letter when the header cell is blank.
func (p *parser) headerAt(j int) string {
	if p.header != nil {
		if h := Clean(p.header.at(j)); h != "" {
			return h
		}
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
// "Tổng số", "Cộng" or the like. It returns that cell's index in r.
func totalsCell(r *cells) (int, bool) {
	for j, c := range r.val {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if c[0]|0x20 != 't' && c[0]|0x20 != 'c' { // every totals word starts so
			return j, false
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
