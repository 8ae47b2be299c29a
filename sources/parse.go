package sources

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// parser turns a source's rows into a Table.
type parser struct {
	spec     Spec
	schema   *Schema
	table    *Table
	issues   []Issue
	headers  *Matcher
	date1904 bool
	colAt    []int    // schema column → cell position, -1 if absent
	header   []string // the header row as written
	cats     []*Matcher
	seen     map[int]map[string]int // unique column → folded key → first line
	kept     int                    // how many columns the table keeps
	vals     []Value                // the row being read, every column
}

func newParser(spec Spec, schema *Schema) *parser {
	p := &parser{spec: spec, schema: schema, seen: map[int]map[string]int{}}
	p.table = &Table{Source: spec.Name, File: filepath.Base(spec.Path), Schema: schema}
	p.headers = headerMatcher(schema, spec.Aliases)
	p.cats = make([]*Matcher, len(schema.Columns))
	for i, c := range schema.Columns {
		if c.Kind == Category {
			p.cats[i] = MatcherOf(c.Values)
		}
		if c.Unique {
			p.seen[i] = map[string]int{}
		}
	}
	p.vals = make([]Value, len(schema.Columns))
	p.table.cells, p.kept = keptColumns(schema, spec.Keep)
	return p
}

// keptColumns maps every schema column to its position in a kept row, -1
// if it is not kept, and counts the kept ones; keep == nil keeps all.
func keptColumns(schema *Schema, keep []string) (at []int, kept int) {
	at = make([]int, len(schema.Columns))
	for i, c := range schema.Columns {
		at[i] = -1
		if keep == nil || slices.Contains(keep, c.Key) {
			at[i], kept = kept, kept+1
		}
	}
	return at, kept
}

func headerMatcher(schema *Schema, aliases map[string][]string) *Matcher {
	names := make([][]string, len(schema.Columns))
	for i, c := range schema.Columns {
		names[i] = append([]string{c.Header}, c.Aliases...)
		for k, v := range aliases {
			if Fold(k) == Fold(c.Header) || k == c.Key {
				names[i] = append(names[i], v...)
			}
		}
	}
	return NewMatcher(names)
}

// mapHeader maps a row's cells to schema columns; the first cell naming a
// column wins.
func (p *parser) mapHeader(cells []string) []int {
	at := make([]int, len(p.schema.Columns))
	for i := range at {
		at[i] = -1
	}
	for j, cell := range cells {
		if i := p.headers.Match(cell); i >= 0 && at[i] < 0 {
			at[i] = j
		}
	}
	return at
}

// isHeader reports whether cells hold every required column.
func (p *parser) isHeader(cells []string) bool {
	return len(p.missing(p.mapHeader(cells))) == 0
}

func (p *parser) missing(at []int) []string {
	var out []string
	for i, c := range p.schema.Columns {
		if c.Required && at[i] < 0 {
			out = append(out, c.Header)
		}
	}
	return out
}

func (p *parser) run(rr rowReader) error {
	if x, ok := rr.(*xlsxRows); ok {
		p.date1904 = x.date1904()
	}
	if err := p.findHeader(rr); err != nil {
		return err
	}
	last := 0
	for {
		cells, line, ok, err := rr.next()
		if err != nil {
			return p.fail(fmt.Sprintf("không đọc được dòng sau dòng %d: lưu lại tệp bằng Excel/LibreOffice", last), err)
		}
		if !ok {
			return nil
		}
		p.row(cells, line)
		last = line
	}
}

func (p *parser) fail(msg string, err error) error {
	return &SourceError{Source: p.spec.Name, File: p.spec.Path, Sheet: p.table.Sheet, Message: msg, Err: err}
}

func (p *parser) findHeader(rr rowReader) error {
	var best []string
	bestLine, bestMissing, sawText := 0, len(p.schema.Columns)+1, false
	for {
		cells, line, ok, err := rr.next()
		if err != nil {
			return p.fail("không đọc được phần đầu trang tính: lưu lại tệp bằng Excel/LibreOffice", err)
		}
		if !ok || line > HeaderSearchRows {
			break
		}
		if isBlank(cells) {
			continue
		}
		sawText = true
		at := p.mapHeader(cells)
		miss := p.missing(at)
		if len(miss) == 0 {
			p.colAt, p.header = at, cells
			return nil
		}
		if len(miss) < bestMissing {
			best, bestLine, bestMissing = cells, line, len(miss)
		}
	}
	if !sawText {
		return p.fail("trang tính trống: chọn đúng trang (sheet) trong cấu hình hoặc nhập dữ liệu", nil)
	}
	miss := p.missing(p.mapHeader(best))
	return p.fail(fmt.Sprintf("thiếu cột bắt buộc %s; dòng %d có các tiêu đề: %s. Thêm cột còn thiếu (dòng tiêu đề phải nằm trong %d dòng đầu), hoặc khai báo tên cột khác trong cấu hình (aliases)",
		quoteList(miss), bestLine, quoteList(nonBlank(best)), HeaderSearchRows), nil)
}

func isBlank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func nonBlank(cells []string) []string {
	var out []string
	for _, c := range cells {
		if c = Clean(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}
