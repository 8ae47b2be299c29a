package sources

import (
	"bytes"

	"github.com/orisano/gosax"
)

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
		j := i // values are short: a loop beats a call to IndexByte
		for j < len(attrs) && attrs[j] != '"' {
			if attrs[j] == '&' || attrs[j] == '\r' {
				return nil, nil, false
			}
			j++
		}
		if j == len(attrs) {
			return nil, nil, false
		}
		v := attrs[i:j]
		i = j + 1
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
// gathers it, then the cell stored. Otherwise it reads nothing. A text
// without an entity, as most are, is stored straight from the buffer.
func (s *sheetRows) quickValue() error {
	w := s.x.t.window()
	if len(w) < 3 || w[0] != '<' || w[1] != 'v' || w[2] != '>' {
		return nil
	}
	i, amp := 0, false // values are short: a loop beats a call to IndexByte
	for v := w[3:]; i < len(v) && v[i] != '<'; i++ {
		amp = amp || v[i] == '&'
	}
	if !bytes.HasPrefix(w[3+i:], []byte("</v></c>")) {
		return nil
	}
	text := w[3 : 3+i]
	s.x.t.advance(3 + i + len("</v></c>"))
	if !amp && len(text) <= maxCellBytes {
		// What addText would gather: the cell's text is empty, and
		// nothing needs unescaping.
		return s.storeCell(text, false)
	}
	// A fresh cell keeps its <v>: no <is> came before it.
	if err := s.x.addText(text); err != nil {
		return err
	}
	return s.endCell()
}

// quickTag reads a <c> or <row> start tag, or a </row>, straight from the
// buffer when the next token is one (no text before it, no prefix); took
// is false, and nothing read, otherwise. flushed and err are what the
// general path gives for the tag; a self-closing <c/> is ended at once,
// which stores nothing and cannot fail.
func (s *sheetRows) quickTag() (took, flushed bool, err error) {
	t := s.x.t
	w := t.window()
	if t.pend >= 0 || len(w) < 8 || w[0] != '<' {
		return false, false, nil
	}
	var want string
	switch {
	case w[1] == 'c' && (w[2] == ' ' || w[2] == '/'):
		want = "c"
	case w[1] == 'r' && w[2] == 'o' && w[3] == 'w' && (w[4] == ' ' || w[4] == '>' || w[4] == '/'):
		want = "row"
	case string(w[:6]) == "</row>":
		t.advance(6)
		return true, false, nil
	default:
		return false, false, nil
	}
	if n, self, ref, typ, ok := plainTag(w, 1+len(want)); ok {
		t.advance(n)
		if want == "row" {
			flushed, err = s.rowStart(ref)
			return true, flushed, err
		}
		return s.quickCell(self, ref, typ)
	}
	n := t.tagEnd()
	if n < 0 {
		return false, false, nil // the general path says why
	}
	tag := t.window()[:n]
	name, attrs := gosax.Name(tag)
	if string(name) != want {
		return false, false, nil
	}
	self := tag[n-2] == '/'
	t.advance(n)
	if want == "row" {
		flushed, err = s.rowTag(attrs)
		return true, flushed, err
	}
	if flushed, err = s.cellTag(attrs); err != nil {
		return true, false, err
	}
	return s.finishQuickCell(self, flushed)
}

// quickCell starts a cell read by plainTag and goes on as quickTag.
func (s *sheetRows) quickCell(self bool, ref, typ []byte) (took, flushed bool, err error) {
	if flushed, err = s.cellStart(ref, typ); err != nil {
		return true, false, err
	}
	return s.finishQuickCell(self, flushed)
}

// finishQuickCell ends a self-closing cell, or reads a plain value.
func (s *sheetRows) finishQuickCell(self, flushed bool) (took, flushed2 bool, err error) {
	switch {
	case self:
		err = s.endCell()
	case !flushed:
		err = s.quickValue()
	}
	return true, flushed, err
}

// plainTag reads a <c> or <row> start tag at the start of w, within w,
// when it is written `<c` (`<row`: at is the length of that) then
// attributes name="value" as quickAttrs takes them, each after white
// space, then `>` or `/>`: n is its length, self whether it closes itself,
// ref and typ its r and t as quickAttrs gives them (a row's r is what attr
// gives). ok is false for anything else, which tagEnd, gosax.Name and
// quickAttrs then read (to the same result where this one succeeds).
func plainTag(w []byte, at int) (n int, self bool, ref, typ []byte, ok bool) {
	haveRef, haveTyp := false, false
	i := at
	for {
		sp := i
		for i < len(w) && (w[i] == ' ' || w[i] == '\t' || w[i] == '\n' || w[i] == '\r') {
			i++
		}
		if i == len(w) {
			return 0, false, nil, nil, false
		}
		switch {
		case w[i] == '>':
			return i + 1, false, ref, typ, true
		case w[i] == '/':
			if i+1 < len(w) && w[i+1] == '>' {
				return i + 2, true, ref, typ, true
			}
			return 0, false, nil, nil, false
		case i == sp: // an attribute must follow white space
			return 0, false, nil, nil, false
		}
		k := i
		for i < len(w) && isLetter(w[i]) {
			i++
		}
		if i == k || i+1 >= len(w) || w[i] != '=' || w[i+1] != '"' {
			return 0, false, nil, nil, false
		}
		key := w[k:i]
		i += 2
		j := i
		for j < len(w) && w[j] != '"' {
			if w[j] == '&' || w[j] == '\r' {
				return 0, false, nil, nil, false
			}
			j++
		}
		if j == len(w) {
			return 0, false, nil, nil, false
		}
		v := w[i:j]
		i = j + 1
		switch {
		case len(key) == 1 && key[0] == 'r' && !haveRef:
			ref, haveRef = v, true
		case len(key) == 1 && key[0] == 't' && !haveTyp:
			typ, haveTyp = v, true
		}
	}
}
