package sources

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/orisano/gosax"
)

// maxColumns is the widest sheet a spreadsheet program makes (XFD).
const maxColumns = 16384

// sax walks an XML part event by event without building a tree: a
// district's sheet of a year is tens of megabytes of small elements.
type sax struct {
	r    *gosax.Reader
	text []byte // character data gathered by the caller
}

func newSAX(r io.Reader) *sax {
	x := &sax{r: gosax.NewReaderSize(r, 64<<10)}
	x.r.EmitSelfClosingTag = true // <c r="A1"/> is a start and an end
	return x
}

// next returns the next start or end tag's local name and attributes;
// character data inside is added to x.text when keep is set. At the end of
// the part it returns io.EOF.
func (x *sax) next(keep bool) (start bool, name, attrs []byte, err error) {
	for {
		e, err := x.r.Event()
		if err == io.EOF { // inside a tag: the part is cut short
			err = io.ErrUnexpectedEOF
		}
		if err != nil {
			return false, nil, nil, err
		}
		switch e.Type() {
		case gosax.EventEOF:
			return false, nil, nil, io.EOF
		case gosax.EventStart, gosax.EventEnd:
			name, attrs := gosax.Name(e.Bytes)
			if i := bytes.IndexByte(name, ':'); i >= 0 {
				name = name[i+1:]
			}
			return e.Type() == gosax.EventStart, name, attrs, nil
		case gosax.EventText:
			if keep {
				t, err := gosax.Unescape(e.Bytes)
				if err != nil {
					return false, nil, nil, err
				}
				x.text = append(x.text, t...)
			}
		case gosax.EventCData:
			if keep {
				x.text = append(x.text, e.Bytes[len("<![CDATA["):len(e.Bytes)-len("]]>")]...)
			}
		}
	}
}

// attr returns the value of attribute key (its local name), unescaped in
// place: the tag's bytes are not used again.
func attr(attrs []byte, key string) []byte {
	for len(attrs) > 0 {
		a, rest, err := gosax.NextAttribute(attrs)
		if err != nil || a.Key == nil {
			return nil
		}
		k := a.Key
		if i := bytes.IndexByte(k, ':'); i >= 0 {
			k = k[i+1:]
		}
		if string(k) == key && len(a.Value) >= 2 {
			v, err := gosax.Unescape(a.Value[1 : len(a.Value)-1])
			if err != nil {
				return nil
			}
			return v
		}
		attrs = rest
	}
	return nil
}

// readStrings reads the shared strings part.
func (wb *workbook) readStrings(part string) ([]string, error) {
	rc, err := wb.open(part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	out, err := parseStrings(rc)
	if err != nil {
		return nil, fmt.Errorf("sources: %s: %w", part, err)
	}
	return out, nil
}

// parseStrings reads a shared strings table: each <si> is the text of its
// <t> elements, rich-text runs included, phonetic guides (<rPh>) left out.
func parseStrings(r io.Reader) ([]string, error) {
	x := newSAX(r)
	var out []string
	inT, inPh := false, false
	for {
		start, name, _, err := x.next(inT && !inPh)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch string(name) {
		case "si":
			if start {
				x.text = x.text[:0]
			} else {
				out = append(out, decodeEscapes(string(x.text)))
			}
		case "t":
			inT = start
		case "rPh":
			inPh = start
		}
	}
}

// sheetRows streams the rows of one worksheet part.
type sheetRows struct {
	rc      io.ReadCloser
	x       *sax
	strings []string
	line    int  // the row number last returned
	width   int  // cells in the previous row, to size the next
	inData  bool // inside <sheetData>
}

func (wb *workbook) openSheet(part string) (*sheetRows, error) {
	rc, err := wb.open(part)
	if err != nil {
		return nil, err
	}
	return newSheetRows(rc, wb.strings), nil
}

func newSheetRows(rc io.ReadCloser, shared []string) *sheetRows {
	return &sheetRows{rc: rc, x: newSAX(rc), strings: shared}
}

// next returns the next row's cells (raw values: shared and inline strings
// resolved, numbers and dates as written) and its row number; ok is false
// after the last row.
func (s *sheetRows) next() (cells []string, line int, ok bool, err error) {
	var c cell
	inRow := false
	for {
		start, name, attrs, err := s.x.next(c.keep)
		switch {
		case err == io.EOF && (s.inData || inRow):
			return nil, 0, false, fmt.Errorf("the sheet ends inside <sheetData>: %w", io.ErrUnexpectedEOF)
		case err == io.EOF:
			return nil, 0, false, nil
		case err != nil:
			return nil, 0, false, err
		}
		switch string(name) {
		case "row":
			if start {
				inRow, line = true, rowNumber(attrs, s.line)
				cells = make([]string, 0, s.width)
				continue
			}
			if inRow {
				s.width, s.line = len(cells), line
				return cells, line, true, nil
			}
		case "c":
			if start {
				c = cell{col: columnIndex(attr(attrs, "r"), len(cells)), typ: cellType(attr(attrs, "t"))}
				s.x.text = s.x.text[:0]
				continue
			}
			if cells, err = c.put(cells, s.x.text, s.strings); err != nil {
				return nil, line, false, fmt.Errorf("row %d: %w", line, err)
			}
			c = cell{}
		case "v":
			c.keep = start
		case "t":
			c.keep = start && c.typ == inlineString && !c.phonetic
		case "rPh":
			c.phonetic = start
		case "sheetData":
			if s.inData = start; !start {
				return nil, 0, false, nil
			}
		}
	}
}

func (s *sheetRows) close() { s.rc.Close() }

// cell is the state of the <c> element being read.
type cell struct {
	col      int
	typ      int
	keep     bool // inside <v> or an inline string's <t>
	phonetic bool
}

var errSharedString = errors.New("a cell refers to a shared string that does not exist")

// put stores the cell's value at its column.
func (c cell) put(cells []string, text []byte, shared []string) ([]string, error) {
	if c.col < 0 || c.col >= maxColumns {
		return cells, nil
	}
	var v string
	switch c.typ {
	case sharedString:
		if len(text) == 0 {
			break
		}
		i, err := strconv.Atoi(string(bytes.TrimSpace(text)))
		if err != nil || i < 0 || i >= len(shared) {
			return cells, fmt.Errorf("%w (%q)", errSharedString, text)
		}
		v = shared[i]
	case inlineString:
		v = decodeEscapes(string(text))
	default: // n, b (0/1), d (ISO 8601), str, e
		v = string(text)
	}
	for len(cells) <= c.col {
		cells = append(cells, "")
	}
	cells[c.col] = v
	return cells, nil
}

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

// rowNumber is a <row>'s r attribute, or the one after prev.
func rowNumber(attrs []byte, prev int) int {
	if n, err := strconv.Atoi(string(attr(attrs, "r"))); err == nil && n > prev {
		return n
	}
	return prev + 1
}

// columnIndex is the zero-based column of a reference such as "AB12", or
// next when the reference is absent.
func columnIndex(ref []byte, next int) int {
	if len(ref) == 0 {
		return next
	}
	col := 0
	for _, ch := range ref {
		switch {
		case ch >= 'A' && ch <= 'Z':
			col = col*26 + int(ch-'A') + 1
		case ch >= 'a' && ch <= 'z':
			col = col*26 + int(ch-'a') + 1
		default:
			return col - 1
		}
		if col > maxColumns {
			return -1
		}
	}
	return col - 1
}

// decodeEscapes undoes OOXML's escapes of characters XML cannot hold:
// "_x000D_" is a carriage return and "_x005F_" a literal underscore.
func decodeEscapes(s string) string {
	i := strings.Index(s, "_x")
	if i < 0 {
		return s
	}
	var b strings.Builder
	for ; i >= 0; i = strings.Index(s, "_x") {
		b.WriteString(s[:i])
		r, ok := escapedRune(s[i:])
		if !ok {
			b.WriteString("_x")
			s = s[i+2:]
			continue
		}
		b.WriteRune(r)
		s = s[i+7:]
	}
	b.WriteString(s)
	return b.String()
}

func escapedRune(s string) (rune, bool) {
	if len(s) < 7 || s[6] != '_' {
		return 0, false
	}
	n, err := strconv.ParseUint(s[2:6], 16, 32)
	if err != nil || !utf8.ValidRune(rune(n)) {
		return 0, false
	}
	return rune(n), true
}
