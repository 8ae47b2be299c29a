package sources

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// mapHeader maps the cells of a header's rows, top to bottom, to schema
// columns. A column's name may be in any of its rows: a register's header
// has single columns merged down (their name in the top row) and groups
// merged across above sub-columns (the sub-column's name in the row
// below). Lower rows are read first, so a sub-column's name wins over the
// group above it; within a row the first cell naming a column wins.
func (p *parser) mapHeader(rows []*cells) []int {
	at := make([]int, len(p.schema.Columns))
	for i := range at {
		at[i] = -1
	}
	var used map[int]bool
	if len(rows) > 1 {
		used = map[int]bool{}
	}
	for k := len(rows) - 1; k >= 0; k-- {
		r := rows[k]
		for n, j := range r.col {
			if used[j] {
				continue
			}
			if i := p.headers.Match(r.val[n]); i >= 0 && at[i] < 0 {
				at[i] = j
				if used != nil {
					used[j] = true
				}
			}
		}
	}
	return at
}

// headerRows is how many rows a header may take.
const headerRows = 3

// findHeader finds the header: the first run of one to three adjacent rows
// within the first HeaderSearchRows rows that names every required column
// (the fewest rows that do). A row right after it that names more columns
// is part of it; a numbering row ("(1) (2) (3)…") right under it is
// skipped. It returns the first data row if it had to read one.
func (p *parser) findHeader(rr rowReader) (*cells, int, error) {
	var win []*cells // the last rows read, adjacent
	var lines []int
	var best []*cells
	bestFrom, bestTo, bestMissing, sawText := 0, 0, len(p.schema.Columns)+1, false
	for {
		row, line, ok, err := rr.next()
		if err != nil {
			return nil, 0, p.headError(err)
		}
		if !ok || line > HeaderSearchRows {
			break
		}
		if isBlank(row) {
			continue
		}
		sawText = true
		if len(lines) > 0 && lines[len(lines)-1] != line-1 {
			win, lines = win[:0], lines[:0]
		}
		if len(win) == headerRows {
			win, lines = win[1:], lines[1:]
		}
		win, lines = append(win, row.clone()), append(lines, line)
		for k := 1; k <= len(win); k++ {
			rows := win[len(win)-k:]
			at := p.mapHeader(rows)
			miss := p.missing(at)
			if len(miss) == 0 {
				return p.afterHeader(rr, rows, line)
			}
			if len(miss) < bestMissing {
				best, bestFrom, bestTo, bestMissing = append([]*cells(nil), rows...), line-k+1, line, len(miss)
			}
		}
	}
	if !sawText {
		return nil, 0, p.fail("trang tính trống: chọn đúng trang (sheet) trong cấu hình hoặc nhập dữ liệu", nil)
	}
	if mapped(p.mapHeader(best)) == 0 {
		// No row names a single column: it is not a header, and its text
		// (a file that is not a table at all) is never echoed.
		return nil, 0, p.fail(fmt.Sprintf("thiếu cột bắt buộc %s: không có dòng tiêu đề nào trong %d dòng đầu (không dòng nào có tên cột của nguồn này). Kiểm tra đây đúng là tệp dữ liệu của nguồn và đúng trang (sheet = \"TÊN_TRANG\"), hoặc khai báo tên cột khác trong cấu hình (aliases = { \"Tên cột\" = [\"Tên khác\"] })",
			quoteList(p.missing(p.mapHeader(best))), HeaderSearchRows), nil)
	}
	where := fmt.Sprintf("dòng %d", bestFrom)
	if bestTo > bestFrom {
		where = fmt.Sprintf("các dòng %d–%d", bestFrom, bestTo)
	}
	return nil, 0, p.fail(fmt.Sprintf("thiếu cột bắt buộc %s; %s có các tiêu đề: %s. Thêm cột còn thiếu (dòng tiêu đề phải nằm trong %d dòng đầu), hoặc khai báo tên cột khác trong cấu hình (aliases = { \"Tên cột\" = [\"Tên khác\"] })",
		quoteList(p.missing(p.mapHeader(best))), where, quoteList(nonBlank(combine(best))), HeaderSearchRows), nil)
}

func (p *parser) headError(err error) error {
	var ce *cellError
	var be *boundsError
	if errors.As(err, &ce) || errors.As(err, &be) {
		return p.readError(0, err)
	}
	return p.fail("không đọc được phần đầu trang tính: lưu lại tệp bằng Excel/LibreOffice", err)
}

// afterHeader settles the header found in rows, the last at line: the rows
// after it that still name more columns join it (up to three rows), a
// numbering row right under it is skipped, and the first data row read is
// returned.
func (p *parser) afterHeader(rr rowReader, rows []*cells, line int) (*cells, int, error) {
	at := p.mapHeader(rows)
	for {
		row, next, ok, err := rr.next()
		if err != nil {
			return nil, 0, p.readError(line, err)
		}
		if !ok {
			p.setHeader(at, rows)
			return nil, line, nil
		}
		if isBlank(row) {
			continue
		}
		if len(rows) < headerRows && next == line+1 {
			more := append(rows[:len(rows):len(rows)], row.clone())
			if a := p.mapHeader(more); mapped(a) > mapped(at) {
				rows, at, line = more, a, next
				continue
			}
		}
		p.setHeader(at, rows)
		if isNumbering(row) {
			return nil, next, nil
		}
		return row.clone(), next, nil
	}
}

func (p *parser) setHeader(at []int, rows []*cells) {
	p.colAt, p.header = at, combine(rows)
	p.byCol = p.byCol[:0]
	for i, j := range at {
		for j >= len(p.byCol) {
			p.byCol = append(p.byCol, -1)
		}
		if j >= 0 {
			p.byCol[j] = i
		}
	}
	p.raw = make([]string, len(at))
}

func mapped(at []int) int {
	n := 0
	for _, j := range at {
		if j >= 0 {
			n++
		}
	}
	return n
}

// combine is a header's rows seen as one: each column named by its lowest
// non-blank cell.
func combine(rows []*cells) *cells {
	out := &cells{}
	for _, r := range rows {
		for n, j := range r.col {
			if strings.TrimSpace(r.val[n]) != "" {
				out.set(j, r.val[n])
			}
		}
	}
	return out
}

// isNumbering reports whether a row numbers the columns above it, as
// official forms do: every filled cell reads like "(1)", "1", "A" or
// "(a)", and there are at least two.
func isNumbering(r *cells) bool {
	n := 0
	for _, v := range r.val {
		t := Clean(v)
		if t == "" {
			continue
		}
		if !numberingCell.MatchString(t) {
			return false
		}
		n++
	}
	return n >= 2
}

var numberingCell = regexp.MustCompile(`^(\(([0-9]{1,3}|[A-Za-z])\)|[0-9]{1,3}|[A-Za-z])$`)
