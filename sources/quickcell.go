package sources

import "bytes"

// The commonest cell, written the way Excel, LibreOffice and excelize
// write it (<c r="B5" t="s"><v>10</v></c>), is read straight from the
// tokenizer's buffer: its attributes without the general attribute
// parser, and its value and end tags in one step instead of four tokens.
// Anything else (a prefix, an entity in an attribute, a formula, an
// inline string, a value cut by the end of the buffer) takes the general
// path, which gives the same result (TestQuickCellAgrees).

// quickAttrs reads a cell's r and t attributes when every attribute is
// written name="value", the name without a prefix and the value without
// an entity or a carriage return; ok is false otherwise. The first of
// each name counts, as attr2 reads it.
func quickAttrs(attrs []byte) (ref, typ []byte, ok bool) {
	haveRef, haveTyp := false, false
	i := 0
	for {
		for i < len(attrs) && (attrs[i] == ' ' || attrs[i] == '\t' || attrs[i] == '\n' || attrs[i] == '\r') {
			i++
		}
		if i == len(attrs) {
			return ref, typ, true
		}
		k := i
		for i < len(attrs) && isLetter(attrs[i]) {
			i++
		}
		if i == k || i+1 >= len(attrs) || attrs[i] != '=' || attrs[i+1] != '"' {
			return nil, nil, false
		}
		key := attrs[k:i]
		i += 2
		j := bytes.IndexByte(attrs[i:], '"')
		if j < 0 {
			return nil, nil, false
		}
		v := attrs[i : i+j]
		if bytes.IndexByte(v, '&') >= 0 || bytes.IndexByte(v, '\r') >= 0 {
			return nil, nil, false
		}
		i += j + 1
		switch {
		case len(key) == 1 && key[0] == 'r' && !haveRef:
			ref, haveRef = v, true
		case len(key) == 1 && key[0] == 't' && !haveTyp:
			typ, haveTyp = v, true
		}
	}
}

// quickValue reads what follows a cell's start tag when it is exactly
// "<v>TEXT</v></c>" within the buffer: the text as the general path
// gathers it, then the cell stored. Otherwise it reads nothing.
func (s *sheetRows) quickValue() error {
	w := s.x.t.window()
	if len(w) < 3 || w[0] != '<' || w[1] != 'v' || w[2] != '>' {
		return nil
	}
	i := bytes.IndexByte(w[3:], '<')
	if i < 0 || !bytes.HasPrefix(w[3+i:], []byte("</v></c>")) {
		return nil
	}
	text := w[3 : 3+i]
	s.x.t.advance(3 + i + len("</v></c>"))
	// A fresh cell keeps its <v>: no <is> came before it.
	if err := s.x.addText(text); err != nil {
		return err
	}
	return s.endCell()
}
