package sources

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// Token kinds of an XML part, as the tokenizer gives them.
const (
	tokNone = iota
	tokStart
	tokEnd
	tokText
	tokCData
	tokComment
	tokPI
	tokDocType
	tokEOF
)

// tokenizer splits an XML stream into tokens over one sliding buffer, so a
// token is a slice of the buffer, valid until the next call. It cuts the
// stream exactly where github.com/orisano/gosax (which it replaced, for
// speed: docs/decisions.md) does — tokens_test.go checks it against that
// reader on arbitrary input — and bounds a token at maxTokenBytes. Owning
// the buffer lets the sheet reader take the commonest cell, <v>…</v></c>,
// in one step (peek, advance).
type tokenizer struct {
	r   io.Reader
	buf []byte // buf[off:] is the unread window
	off int
	err error // the reader's error, once met

	// A self-closing tag (<c r="A1"/>) is a start token and then an end
	// token of the same bytes: pend holds their length.
	pend int
}

const tokenBufSize = 64 << 10

func newTokenizer(r io.Reader) *tokenizer {
	return &tokenizer{r: r, buf: make([]byte, 0, tokenBufSize), pend: -1}
}

// window is the unread bytes.
func (t *tokenizer) window() []byte { return t.buf[t.off:] }

// advance consumes n bytes of the window.
func (t *tokenizer) advance(n int) { t.off += n }

// fill reads more of the stream into the buffer, moving the window to its
// front or growing it as needed; it gives how many bytes came. A window
// longer than maxTokenBytes (one token's bytes) is errTokenTooLong, so the
// buffer never passes maxTokenBytes and one read.
func (t *tokenizer) fill() int {
	if t.err != nil {
		return 0
	}
	w := len(t.buf) - t.off
	if w > maxTokenBytes {
		t.err = errTokenTooLong
		return 0
	}
	if cap(t.buf)-len(t.buf) < tokenBufSize/4 {
		if cap(t.buf)-w < tokenBufSize/2 { // grow: the token does not fit
			nb := make([]byte, w, min(max(2*cap(t.buf), tokenBufSize), maxTokenBytes+tokenBufSize))
			copy(nb, t.buf[t.off:])
			t.buf = nb
		} else {
			t.buf = t.buf[:copy(t.buf, t.buf[t.off:])]
		}
		t.off = 0
	}
	for tries := 0; ; tries++ {
		n, err := t.r.Read(t.buf[len(t.buf):cap(t.buf)])
		t.buf = t.buf[:len(t.buf)+n]
		if err != nil {
			t.err = err
		}
		if n > 0 || err != nil {
			return n
		}
		if tries == 100 {
			t.err = io.ErrNoProgress
			return 0
		}
	}
}

// fail is the error for a stream that ends or breaks inside a token.
func (t *tokenizer) fail() (int, []byte, error) {
	err := t.err
	if err == nil {
		err = io.ErrUnexpectedEOF
	}
	return tokNone, nil, err
}

// next returns the next token's kind and bytes. At the end of the stream
// it gives tokEOF (and again at every call); a stream that ends inside
// markup gives the reader's error (io.EOF).
func (t *tokenizer) next() (int, []byte, error) {
	if t.pend >= 0 {
		n := t.pend
		t.pend = -1
		tok := t.buf[t.off : t.off+n]
		t.off += n
		return tokEnd, tok, nil
	}
	// Text up to the next '<'.
	scanned := 0
	for {
		w := t.window()
		if i := bytes.IndexByte(w[scanned:], '<'); i >= 0 {
			if i += scanned; i > 0 {
				t.off += i
				return tokText, w[:i], nil
			}
			break
		}
		scanned = len(w)
		if t.fill() == 0 {
			if t.err != io.EOF {
				return t.fail()
			}
			w = t.window()
			if len(w) == 0 {
				return tokEOF, nil, nil
			}
			t.off += len(w)
			return tokText, w, nil
		}
	}
	return t.markup()
}

// need makes the window at least n bytes long; false at the end of the
// stream.
func (t *tokenizer) need(n int) bool {
	for len(t.buf)-t.off < n {
		if t.fill() == 0 {
			return false
		}
	}
	return true
}

// until finds sep in the window from from on, reading more as needed; it
// gives the index just past sep, or -1 at the end of the stream.
func (t *tokenizer) until(from int, sep string) int {
	for {
		w := t.window()
		if i := bytes.Index(w[from:], []byte(sep)); i >= 0 {
			return from + i + len(sep)
		}
		from = max(len(w)-len(sep)+1, from)
		if t.fill() == 0 {
			return -1
		}
	}
}

// take consumes and returns the first n bytes of the window as kind.
func (t *tokenizer) take(kind, n int) (int, []byte, error) {
	tok := t.buf[t.off : t.off+n]
	t.off += n
	return kind, tok, nil
}

// errBang is markup starting "<!" that is no comment, CDATA section or
// document type.
var errBang = errors.New("unknown markup after <!")

// markup reads the token starting at the window's '<'.
func (t *tokenizer) markup() (int, []byte, error) {
	if !t.need(2) {
		return t.fail()
	}
	switch t.window()[1] {
	case '!':
		if !t.need(3) {
			return t.fail()
		}
		switch c := t.window()[2]; c {
		case '[':
			if n := t.until(3, "]]>"); n >= 0 {
				return t.take(tokCData, n)
			}
		case '-':
			if n := t.until(3, "-->"); n >= 0 {
				return t.take(tokComment, n)
			}
		case 'D', 'd':
			level, from := 1, 2
			for {
				w := t.window()
				for i, c := range w[from:] {
					switch c {
					case '>':
						if level--; level == 0 {
							return t.take(tokDocType, from+i+1)
						}
					case '<':
						level++
					}
				}
				from = len(w)
				if t.fill() == 0 {
					break
				}
			}
		default:
			return tokNone, nil, fmt.Errorf("%w: %q", errBang, c)
		}
		return t.fail()
	case '/':
		if n := t.until(2, ">"); n >= 0 {
			return t.take(tokEnd, n)
		}
		return t.fail()
	case '?':
		if n := t.until(2, "?>"); n >= 0 {
			return t.take(tokPI, n)
		}
		return t.fail()
	}
	n := t.tagEnd()
	if n < 0 {
		return t.fail()
	}
	if t.buf[t.off+n-2] == '/' {
		t.pend = n // a self-closing tag: the same bytes end it
		return tokStart, t.buf[t.off : t.off+n], nil
	}
	return t.take(tokStart, n)
}

// tagEnd finds the end of the start tag at the window's start: the index
// past its '>', quoted values skipped; -1 at the end of the stream. As in
// gosax, any quote after the '<' opens a quoted run.
func (t *tokenizer) tagEnd() int {
	quote := byte(0)
	i := 1
	for {
		w := t.window()
		for i < len(w) {
			c := w[i]
			i++
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				} else if j := bytes.IndexByte(w[i:], quote); j >= 0 {
					i += j + 1
					quote = 0
				} else {
					i = len(w)
				}
			case c == '>':
				return i
			case c == '"' || c == '\'':
				quote = c
			}
		}
		if t.fill() == 0 {
			return -1
		}
	}
}
