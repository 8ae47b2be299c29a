package sources

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// sharedStrings is a workbook's table of shared strings. A string longer
// than a cell may be is kept empty and listed in tooLong, so that the cell
// using it is refused with its row and column.
type sharedStrings struct {
	list    []string
	tooLong map[int]bool
}

// readStrings reads the shared strings part.
func (wb *workbook) readStrings(part string) (*sharedStrings, error) {
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
func parseStrings(r io.Reader) (*sharedStrings, error) { return parseStringsWith(r, false) }

// parseStringsWith is parseStrings; general leaves out the quick path for
// the commonest item (for tests).
func parseStringsWith(r io.Reader, general bool) (*sharedStrings, error) {
	x := newSAX(r)
	out := &sharedStrings{}
	inT, inPh := false, false
	for {
		if !general && !inPh {
			took, err := quickString(x)
			if err != nil {
				return nil, err
			}
			if took {
				inT = false
				out.add(x)
				continue
			}
		}
		start, name, _, err := x.next(inT && !inPh)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			if errors.Is(err, errTokenTooLong) {
				err = fmt.Errorf("shared string %d: %w", len(out.list), err)
			}
			return nil, err
		}
		switch string(name) {
		case "si":
			if start {
				x.resetText()
				continue
			}
			out.add(x)
		case "t":
			inT = start
		case "rPh":
			inPh = start
		}
	}
}

// add appends the item whose text x gathered.
func (out *sharedStrings) add(x *sax) {
	s := decodeEscapes(string(x.text))
	if x.over || tooLong(s) {
		if out.tooLong == nil {
			out.tooLong = map[int]bool{}
		}
		out.tooLong[len(out.list)], s = true, ""
	}
	out.list = append(out.list, s)
}

// quickString reads the commonest item, "<si><t>TEXT</t></si>" (the <t>
// perhaps with xml:space="preserve"), straight from the buffer when it is
// all there, gathering its text as the general path does (and failing
// where it fails); it reports false, and reads nothing, otherwise.
func quickString(x *sax) (bool, error) {
	t := x.t
	w := t.window()
	if t.pend >= 0 || !bytes.HasPrefix(w, []byte("<si><t")) {
		return false, nil
	}
	i := len("<si><t")
	switch {
	case bytes.HasPrefix(w[i:], []byte(">")):
		i++
	case bytes.HasPrefix(w[i:], []byte(` xml:space="preserve">`)):
		i += len(` xml:space="preserve">`)
	default:
		return false, nil
	}
	j := bytes.IndexByte(w[i:], '<')
	if j < 0 || !bytes.HasPrefix(w[i+j:], []byte("</t></si>")) {
		return false, nil
	}
	text := w[i : i+j]
	t.advance(i + j + len("</t></si>"))
	x.resetText()
	return true, x.addText(text)
}

// decodeEscapes undoes OOXML's escapes of characters XML cannot hold:
// "_x000D_" is a carriage return, "_x005F_" a literal underscore, and
// "_xD801__xDC05_" the surrogate pair of U+10405. An escape that names no
// character (a lone surrogate) is kept as written.
func decodeEscapes(s string) string {
	i := indexEscape(s)
	if i < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for ; i >= 0; i = indexEscape(s) {
		b = append(b, s[:i]...)
		r, n := escapedRune(s[i:])
		if n == 0 {
			b = append(b, "_x"...)
			s = s[i+2:]
			continue
		}
		b = utf8.AppendRune(b, r)
		s = s[i+n:]
	}
	return string(append(b, s...))
}

func indexEscape(s string) int { return strings.Index(s, "_x") }

// escapedRune reads the escape at the start of s, giving the rune and the
// bytes it takes (0 if s does not start with one).
func escapedRune(s string) (rune, int) {
	hi, ok := escapeUnit(s)
	switch {
	case !ok:
		return 0, 0
	case hi >= 0xD800 && hi <= 0xDBFF:
		if lo, ok := escapeUnit(s[7:]); ok && lo >= 0xDC00 && lo <= 0xDFFF {
			return 0x10000 + (hi-0xD800)<<10 + (lo - 0xDC00), 14
		}
		return 0, 0
	case hi >= 0xDC00 && hi <= 0xDFFF:
		return 0, 0
	}
	return hi, 7
}

// escapeUnit reads one "_xHHHH_" at the start of s.
func escapeUnit(s string) (rune, bool) {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return 0, false
	}
	n, err := strconv.ParseUint(s[2:6], 16, 32)
	if err != nil {
		return 0, false
	}
	return rune(n), true
}
