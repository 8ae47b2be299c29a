package sources

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// Excel's limits: the widest and longest sheet, and the longest cell text
// (in UTF-16 code units, as Excel counts).
const (
	maxColumns   = 16384   // XFD
	maxRows      = 1048576 // 2^20
	maxCellChars = 32767
)

// cellError is a cell the reader refuses. Message is in Vietnamese.
type cellError struct {
	row, col int // 1-based row, 0-based column
	Message  string
	err      error
}

func (e *cellError) Error() string {
	return fmt.Sprintf("row %d: cell %s%d: %v", e.row, columnLetter(e.col), e.row, e.err)
}

// errCellTooLong is the cause of a cell refused for its length.
var errCellTooLong = errors.New("a cell is longer than Excel's 32767 characters")

func (e *cellError) Unwrap() error { return e.err }

// boundsError is a reference beyond Excel's last row or column; where
// names it for the user ("ô XFE4", "dòng 1048577").
type boundsError struct{ ref, where string }

func (e *boundsError) Error() string {
	return fmt.Sprintf("reference %q is beyond Excel's last row (1048576) or column (XFD)", e.ref)
}

// sheetRows streams the rows of one worksheet part.
//
// Cells are placed by their references as Excel places them: a cell's
// reference gives its column and row; a missing or malformed reference (no
// letters, such as "7", or row 0) means the column after the previous cell,
// in the row of its <row> element; a <row> without a usable number is the
// one after the previous row. A row is returned when the next one starts,
// so <row> elements repeating one number (some writers give each cell its
// own) make one row. Rows come in file order.
type sheetRows struct {
	rc      io.ReadCloser
	x       *sax
	strings *sharedStrings
	inData  bool // inside <sheetData>
	done    bool

	cur      cells // the row being gathered
	out      cells // the row last returned
	line     int   // cur's row number
	outLine  int   // out's row number
	has      bool  // cur has been started
	explicit bool  // cur's number was written in the file
	nextCol  int   // the column of a cell without a reference

	c      cell // the cell being read
	inCell bool

	read []bool // the columns whose values are read; nil reads all (skip.go)

	general bool // no quick path (quickcell.go): for tests
}

func (wb *workbook) openSheet(part string) (*sheetRows, error) {
	rc, err := wb.open(part)
	if err != nil {
		return nil, err
	}
	return newSheetRows(rc, wb.strings), nil
}

func newSheetRows(rc io.ReadCloser, shared *sharedStrings) *sheetRows {
	if shared == nil {
		shared = &sharedStrings{}
	}
	return &sheetRows{rc: rc, x: newSAX(rc), strings: shared}
}

// next returns the next row's non-blank cells (raw values: shared and
// inline strings resolved, numbers and dates as written) and its row
// number; ok is false after the last row. The cells are valid until the
// next call.
func (s *sheetRows) next() (row *cells, line int, ok bool, err error) {
	for !s.done {
		if !s.general {
			took, flushed, err := s.quickTag()
			switch {
			case err != nil:
				return nil, 0, false, err
			case flushed:
				return &s.out, s.retLine(), true, nil
			case took:
				continue
			}
		}
		start, name, attrs, err := s.x.next(s.c.keep)
		switch {
		case err == io.EOF && s.inData:
			return nil, 0, false, fmt.Errorf("the sheet ends inside <sheetData>: %w", io.ErrUnexpectedEOF)
		case err == io.EOF:
			s.done = true
			continue
		case err != nil:
			if s.inCell && errors.Is(err, errTokenTooLong) {
				err = &cellError{row: s.c.row, col: s.c.col, err: err,
					Message: "ô quá dài (hơn 1 MB trong tệp): rút ngắn nội dung ô, tối đa 32.767 ký tự"}
			}
			return nil, 0, false, err
		}
		switch string(name) {
		case "row":
			if !start {
				continue
			}
			flushed, err := s.rowTag(attrs)
			if err != nil {
				return nil, 0, false, err
			}
			if flushed {
				return &s.out, s.retLine(), true, nil
			}
		case "c":
			if !start {
				// A </c> with no cell open (a broken file) stores
				// nothing: the text gathered since is no cell's.
				if !s.inCell {
					continue
				}
				if err := s.endCell(); err != nil {
					return nil, 0, false, err
				}
				continue
			}
			flushed, err := s.cellTag(attrs)
			if err != nil {
				return nil, 0, false, err
			}
			if flushed {
				return &s.out, s.retLine(), true, nil
			}
			if !s.general {
				if err := s.quickValue(); err != nil {
					return nil, 0, false, err
				}
			}
		case "v":
			// An inline string is read from <is> only: a <v> beside it
			// is ignored, one alone is kept.
			s.c.keep = start && !(s.c.typ == inlineString && s.c.sawIs)
		case "is":
			if start && s.c.typ == inlineString {
				s.c.sawIs = true
				s.x.resetText() // drop a <v> read before it
			}
		case "t":
			s.c.keep = start && s.c.typ == inlineString && s.c.sawIs && !s.c.phonetic
		case "rPh":
			s.c.phonetic = start
		case "sheetData":
			if s.inData = start; !start {
				s.done = true
				// archive/zip checks a part's CRC-32 and size only when
				// it is read to its end: the rest of the part (a few
				// closing elements) is read, so a changed or lying part
				// is refused whichever decoder inflates it.
				if _, err := io.Copy(io.Discard, s.rc); err != nil {
					return nil, 0, false, err
				}
			}
		}
	}
	if s.has {
		s.has = false
		s.out, s.cur = s.cur, s.out
		s.cur.reset()
		return &s.out, s.line, true, nil
	}
	return nil, 0, false, nil
}

// rowTag starts the row a <row> start tag with attrs begins; flushed
// reports that the row before it is finished (in s.out).
func (s *sheetRows) rowTag(attrs []byte) (flushed bool, err error) {
	return s.rowStart(attr(attrs, "r"))
}

// rowStart is rowTag for a row whose r attribute is read.
func (s *sheetRows) rowStart(r []byte) (flushed bool, err error) {
	n, explicit, err := rowRef(r)
	if err != nil {
		return false, err
	}
	if !explicit {
		if n = s.line + 1; n > maxRows {
			return false, &boundsError{ref: "", where: fmt.Sprintf("dòng thứ %d", n)}
		}
	}
	s.nextCol = 0
	return s.startRow(n, explicit), nil
}

// cellTag starts the cell a <c> start tag with attrs begins; flushed
// reports that its reference finished the row before it (in s.out).
func (s *sheetRows) cellTag(attrs []byte) (flushed bool, err error) {
	ref, typ, ok := quickAttrs(attrs)
	if !ok || s.general {
		ref, typ = attr2(attrs, "r", "t")
	}
	return s.cellStart(ref, typ)
}

// cellStart is cellTag for a cell whose r and t attributes are read.
func (s *sheetRows) cellStart(ref, typ []byte) (flushed bool, err error) {
	col, n, err := cellRef(ref)
	if err != nil {
		return false, err
	}
	if col < 0 {
		col = s.nextCol
	}
	if col >= maxColumns {
		return false, &boundsError{ref: string(ref), where: fmt.Sprintf("ô thứ %d của dòng %d", col+1, s.line)}
	}
	if n > 0 && (!s.has || n != s.line) {
		flushed = s.startRow(n, true)
	} else if !s.has {
		if s.line+1 > maxRows {
			return false, &boundsError{ref: string(ref), where: fmt.Sprintf("dòng thứ %d", s.line+1)}
		}
		s.startRow(s.line+1, false)
	}
	s.nextCol = col + 1
	s.c, s.inCell = cell{col: col, row: s.line, typ: cellType(typ)}, true
	s.x.resetText()
	return flushed, nil
}

// retLine is the number of the row startRow moved to s.out.
func (s *sheetRows) retLine() int { return s.outLine }

// startRow begins row n; it reports whether the row gathered so far was
// finished and moved to s.out (to be returned). A row repeating the number
// of the one before, both written in the file, continues it.
func (s *sheetRows) startRow(n int, explicit bool) bool {
	if s.has && explicit && s.explicit && n == s.line {
		return false
	}
	flushed := s.has
	if flushed {
		s.out, s.cur = s.cur, s.out
		s.cur.reset()
		s.outLine = s.line
	}
	s.line, s.explicit, s.has = n, explicit, true
	return flushed
}

// endCell stores the cell just read; a cell of a column no schema column
// reads gets a stand-in (skip.go).
func (s *sheetRows) endCell() error { return s.storeCell(s.x.text, s.x.over) }

// storeCell is endCell for a cell whose value is text (unescaped), over
// reporting that it was cut at maxCellBytes. text is not kept: it may be
// the tokenizer's buffer (quickValue).
func (s *sheetRows) storeCell(text []byte, over bool) error {
	c := s.c
	s.c, s.inCell = cell{}, false
	var v string
	switch c.typ {
	case sharedString:
		if len(text) == 0 {
			break
		}
		i, ok := sharedIndex(text)
		if !ok || i >= len(s.strings.list) {
			return &cellError{row: c.row, col: c.col, err: fmt.Errorf("%w (%q)", errSharedString, text),
				Message: "ô trỏ tới một chuỗi không có trong tệp (tệp hỏng): mở bằng Excel/LibreOffice và lưu lại"}
		}
		if len(s.strings.tooLong) > 0 && s.strings.tooLong[i] {
			return cellTooLong(c)
		}
		v = s.strings.list[i] // no copy: the table's string
	case inlineString:
		v = decodeEscapes(string(text))
	default: // n, b (0/1), d (ISO 8601), str, e
		if s.read != nil && (c.col >= len(s.read) || !s.read[c.col]) { // skipped
			if over || len(text) > maxCellChars && tooLong(string(text)) {
				return cellTooLong(c)
			}
			s.cur.set(c.col, standIn(text))
			return nil
		}
		v = string(text)
	}
	if over || tooLong(v) {
		return cellTooLong(c)
	}
	s.cur.set(c.col, v)
	return nil
}

// sharedIndex reads a shared string's index as strconv.Atoi reads the
// text trimmed of white space: decimal digits after an optional sign.
func sharedIndex(text []byte) (int, bool) {
	t := bytes.TrimSpace(text)
	if len(t) > 0 && len(t) <= 9 && t[0] >= '0' && t[0] <= '9' {
		n := 0
		for _, ch := range t {
			if ch < '0' || ch > '9' {
				return 0, false
			}
			n = n*10 + int(ch-'0')
		}
		return n, true
	}
	i, err := strconv.Atoi(string(t))
	return i, err == nil && i >= 0
}

func cellTooLong(c cell) error {
	return &cellError{row: c.row, col: c.col, err: errCellTooLong, Message: tooLongHelp}
}

const tooLongHelp = "ô dài hơn 32.767 ký tự, giới hạn một ô của Excel: rút ngắn nội dung ô (chuyển phần dài sang tệp khác)"

func (s *sheetRows) close() { s.rc.Close() }

// cell is the state of the <c> element being read.
type cell struct {
	col, row int
	typ      int
	keep     bool // inside <v> or an inline string's <t>
	sawIs    bool // an inline string's <is> has begun
	phonetic bool
}

var errSharedString = errors.New("a cell refers to a shared string that does not exist")

// Cell types that need more than the raw value.
const (
	rawValue = iota
	sharedString
	inlineString
)

func cellType(t []byte) int {
	switch string(t) {
	case "s":
		return sharedString
	case "inlineStr":
		return inlineString
	}
	return rawValue
}

// rowRef reads a <row>'s r attribute: explicit is false when it is
// missing or not a row number (0, junk); a number past Excel's last row is
// an error.
func rowRef(r []byte) (n int, explicit bool, err error) {
	n, ok := digits(r)
	switch {
	case !ok || n == 0:
		return 0, false, nil
	case n > maxRows:
		return 0, false, &boundsError{ref: string(r), where: "dòng " + string(r)}
	}
	return n, true, nil
}

// digits reads a decimal number of at most 9 digits (larger is reported as
// maxRows+1).
func digits(b []byte) (int, bool) {
	if len(b) == 0 {
		return 0, false
	}
	n := 0
	for _, ch := range b {
		if ch < '0' || ch > '9' {
			return 0, false
		}
		if n <= maxRows {
			n = n*10 + int(ch-'0')
		}
	}
	return n, true
}

// cellRef reads a cell reference such as "AB12": its zero-based column and
// its row. col is -1 when the reference has no column letters ("7", "",
// junk), row is 0 when it has no usable row; a reference past Excel's last
// column or row is an error.
func cellRef(ref []byte) (col, row int, err error) {
	i := 0
	for i < len(ref) && isLetter(ref[i]) {
		if i < 4 {
			col = col*26 + int(ref[i]|0x20-'a') + 1
		}
		i++
	}
	if i == 0 {
		return -1, 0, nil
	}
	n, ok := digits(ref[i:])
	switch {
	case i < len(ref) && !ok: // junk such as "R1C1": as if it had no reference
		return -1, 0, nil
	case i > 3 || col > maxColumns || n > maxRows:
		if ok {
			return 0, 0, &boundsError{ref: string(ref), where: "ô " + string(ref)}
		}
		return -1, 0, nil
	}
	return col - 1, n, nil
}

func isLetter(ch byte) bool { return ch|0x20 >= 'a' && ch|0x20 <= 'z' }
