package sources

import (
	"errors"
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
	byCol    []int    // cell position → schema column, -1 if none
	raw      []string // the row being read, by schema column
	header   *cells   // the header as written, its rows combined
	cats     []*Matcher
	seen     map[int]map[string]int // unique column → folded key → first line
	vals     []Value                // the row being read, every column
	blank    []string               // the warning for each required column left blank
	ignored  []bool                 // schema columns nothing reads (ignoredColumns)
	kinds    []kind                 // each schema column's kind
	memo     []map[string]memoCell  // category and yes/no cells read, by column and text (cellMemo)
	warnings int                    // every warning, kept or not
}

func newParser(spec Spec, schema *Schema) *parser {
	p := &parser{spec: spec, schema: schema, seen: map[int]map[string]int{}}
	p.table = &Table{Source: spec.Name, File: filepath.Base(spec.Path), Schema: schema}
	p.headers = headerMatcher(schema, spec.Aliases)
	p.cats = make([]*Matcher, len(schema.Columns))
	for i, c := range schema.Columns {
		k := kindOf(c.Kind)
		if c.Kind != Text && k == kindText {
			k = kindNone // not a kind Validate lets through: the general path only
		}
		p.kinds = append(p.kinds, k)
		if c.Kind == Category {
			p.cats[i] = MatcherOf(c.Values)
		}
		if c.Unique {
			p.seen[i] = map[string]int{}
		}
		if c.Required && !c.AllowEmpty {
			p.blank = append(p.blank, fmt.Sprintf("ô bắt buộc %q để trống: điền giá trị hoặc xóa dòng", c.Header))
		} else {
			p.blank = append(p.blank, "")
		}
	}
	p.vals = make([]Value, len(schema.Columns))
	p.memo = make([]map[string]memoCell, len(schema.Columns))
	p.table.cells = keptColumns(schema, spec.Keep)
	for i, c := range schema.Columns {
		if p.table.cells[i] >= 0 {
			p.table.cols = append(p.table.cols, newColumn(c))
		}
	}
	p.ignored = ignoredColumns(schema, p.table.cells)
	return p
}

// keptColumns maps every schema column to its position in a kept row, -1
// if it is not kept; keep == nil keeps all.
func keptColumns(schema *Schema, keep []string) []int {
	at := make([]int, len(schema.Columns))
	kept := 0
	for i, c := range schema.Columns {
		at[i] = -1
		if keep == nil || slices.Contains(keep, c.Key) {
			at[i], kept = kept, kept+1
		}
	}
	return at
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

// isHeader reports whether one row holds every required column.
func (p *parser) isHeader(rec []string) bool {
	var r cells
	r.fromSlice(rec)
	return len(p.missing(p.mapHeader([]*cells{&r}))) == 0
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
	first, firstLine, err := p.findHeader(rr)
	if err != nil {
		return err
	}
	if c, ok := rr.(columnReader); ok && p.byCol != nil {
		c.readColumns(readMask(p.byCol, p.ignored))
	}
	if first != nil {
		p.row(first, firstLine)
	}
	last := firstLine
	for {
		cells, line, ok, err := rr.next()
		if err != nil {
			return p.readError(last, err)
		}
		if !ok {
			p.summarise()
			p.table.done()
			return nil
		}
		p.row(cells, line)
		last = line
	}
}

// readError is the error for a sheet that breaks off after row last.
func (p *parser) readError(last int, err error) error {
	var ce *cellError
	var be *boundsError
	switch {
	case errors.As(err, &ce):
		return p.fail(fmt.Sprintf("ô %s%d (dòng %d, cột %s): %s", columnLetter(ce.col), ce.row, ce.row, columnLetter(ce.col), ce.Message), err)
	case errors.As(err, &be):
		return p.fail(fmt.Sprintf("tệp ghi %s, ngoài giới hạn của Excel (dòng 1.048.576, cột XFD): "+
			"tệp không do Excel tạo ra hoặc đã hỏng; mở bằng Excel/LibreOffice, kiểm tra và lưu lại", be.where), err)
	}
	return p.fail(fmt.Sprintf("không đọc được dòng sau dòng %d: lưu lại tệp bằng Excel/LibreOffice", last), err)
}

func (p *parser) fail(msg string, err error) error {
	return &SourceError{Source: p.spec.Name, File: p.spec.Path, Sheet: p.table.Sheet, Message: msg, Err: err}
}

func isBlank(r *cells) bool {
	for _, c := range r.val {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func nonBlank(r *cells) []string {
	var out []string
	for _, c := range r.val {
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
