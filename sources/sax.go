package sources

import (
	"bytes"
	"errors"
	"io"

	"github.com/orisano/gosax"
)

// Bounds on what one cell may cost to read, whatever the file says: a
// cell's text is gathered up to maxCellBytes (enough for maxCellChars of
// any script), and no single XML token may be longer than maxTokenBytes
// (the scanner holds a whole token in memory).
const (
	maxCellBytes  = 4 * maxCellChars
	maxTokenBytes = 1 << 20
)

// errTokenTooLong is returned for an XML token longer than maxTokenBytes.
var errTokenTooLong = errors.New("an XML token is longer than 1 MB")

// sax walks an XML part event by event without building a tree: a
// district's sheet of a year is tens of megabytes of small elements.
type sax struct {
	t    *tokenizer
	text []byte // character data gathered by the caller
	over bool   // text was longer than maxCellBytes and was cut
}

func newSAX(r io.Reader) *sax { return &sax{t: newTokenizer(r)} }

// resetText starts gathering a new text.
func (x *sax) resetText() { x.text, x.over = x.text[:0], false }

// errCData is a "<![" section that is not "<![CDATA[…]]>".
var errCData = errors.New("malformed CDATA section")

// next returns the next start or end tag's local name and attributes;
// character data inside is added to x.text when keep is set. At the end of
// the part it returns io.EOF.
func (x *sax) next(keep bool) (start bool, name, attrs []byte, err error) {
	for {
		kind, tok, err := x.t.next()
		if err == io.EOF { // inside a tag: the part is cut short
			err = io.ErrUnexpectedEOF
		}
		if err != nil {
			return false, nil, nil, err
		}
		switch kind {
		case tokEOF:
			return false, nil, nil, io.EOF
		case tokStart, tokEnd:
			name, attrs := gosax.Name(tok)
			if i := bytes.IndexByte(name, ':'); i >= 0 {
				name = name[i+1:]
			}
			return kind == tokStart, name, attrs, nil
		case tokText:
			if keep {
				if err := x.addText(tok); err != nil {
					return false, nil, nil, err
				}
			}
		case tokCData:
			if !bytes.HasPrefix(tok, []byte("<![CDATA[")) || len(tok) < len("<![CDATA[]]>") {
				return false, nil, nil, errCData
			}
			if b := tok[len("<![CDATA[") : len(tok)-len("]]>")]; keep && x.room(len(b)) {
				x.text = append(x.text, b...)
			}
		}
	}
}

// addText adds character data, its entities unescaped (in place: the
// bytes are not read again), to x.text within maxCellBytes.
func (x *sax) addText(b []byte) error {
	if !x.room(len(b)) {
		return nil
	}
	t, err := gosax.Unescape(b)
	if err != nil {
		return err
	}
	x.text = append(x.text, t...)
	return nil
}

// room reports whether n more bytes of text may be gathered; past
// maxCellBytes the text is marked too long and no more is kept.
func (x *sax) room(n int) bool {
	if x.over || len(x.text)+n > maxCellBytes {
		x.over = true
		return false
	}
	return true
}

// tooLong reports whether s is longer than a cell may be.
func tooLong(s string) bool {
	if len(s) <= maxCellChars {
		return false
	}
	n := 0
	for _, r := range s {
		if n++; r > 0xFFFF {
			n++ // a surrogate pair in UTF-16
		}
	}
	return n > maxCellChars
}

// attr returns the value of attribute key (its local name), unescaped in
// place: the tag's bytes are not used again.
func attr(attrs []byte, key string) []byte {
	v, _ := attr2(attrs, key, "")
	return v
}

// attr2 is attr for two keys in one pass over the attributes (a cell's
// reference and type); an empty key2 is not looked for. Each value is what
// attr would give for its key.
func attr2(attrs []byte, key1, key2 string) (v1, v2 []byte) {
	done1, done2 := false, key2 == ""
	for len(attrs) > 0 && !(done1 && done2) {
		a, rest, err := gosax.NextAttribute(attrs)
		if err != nil || a.Key == nil {
			return v1, v2
		}
		k := a.Key
		if i := bytes.IndexByte(k, ':'); i >= 0 {
			k = k[i+1:]
		}
		switch {
		case !done1 && string(k) == key1 && len(a.Value) >= 2:
			v1, done1 = unescapeAttr(a.Value), true
		case !done2 && string(k) == key2 && len(a.Value) >= 2:
			v2, done2 = unescapeAttr(a.Value), true
		}
		attrs = rest
	}
	return v1, v2
}

// unescapeAttr is a quoted attribute value without its quotes, unescaped
// in place; nil when it cannot be unescaped.
func unescapeAttr(quoted []byte) []byte {
	v, err := gosax.Unescape(quoted[1 : len(quoted)-1])
	if err != nil {
		return nil
	}
	return v
}
