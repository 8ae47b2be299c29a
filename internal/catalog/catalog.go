package catalog

import (
	"fmt"
	"os"
	"strings"
	"sync/atomic"

	"github.com/mn2010/baocao/internal/fault"
)

// Lang is a language the catalogue speaks.
type Lang int32

// The languages.
const (
	Vietnamese Lang = iota
	English
)

// String is the language's code: vi or en.
func (l Lang) String() string {
	if l == English {
		return "en"
	}
	return "vi"
}

// ParseLang reads a language code: vi or en (also vi-VN, en_US.UTF-8, …).
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "vi" || strings.HasPrefix(s, "vi-") || strings.HasPrefix(s, "vi_"):
		return Vietnamese, true
	case s == "en" || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en_"):
		return English, true
	}
	return Vietnamese, false
}

var current atomic.Int32

// Set chooses the language of every message from now on.
func Set(l Lang) { current.Store(int32(l)) }

// Current is the language in force.
func Current() Lang { return Lang(current.Load()) }

// EnvVar names the environment variable that chooses the language.
const EnvVar = "BAOCAO_LANG"

// SetFromEnv applies BAOCAO_LANG when it names a language; anything else
// leaves Vietnamese.
func SetFromEnv() {
	if l, ok := ParseLang(os.Getenv(EnvVar)); ok {
		Set(l)
		return
	}
	Set(Vietnamese)
}

// Msg is one message in both languages. Its texts are fmt formats; both
// take the same arguments in the same order.
type Msg struct {
	id     string
	vi, en string
}

var all []*Msg

// add registers a message; every Msg of the catalogue is made by it.
func add(id, vi, en string) *Msg {
	m := &Msg{id: id, vi: vi, en: en}
	all = append(all, m)
	return m
}

// All lists every message of the catalogue, for tests.
func All() []*Msg { return append([]*Msg(nil), all...) }

// ID is the message's name in the catalogue.
func (m *Msg) ID() string { return m.id }

// In is the message's format in language l.
func (m *Msg) In(l Lang) string {
	if l == English {
		return m.en
	}
	return m.vi
}

// String is the message, without arguments, in the language in force.
func (m *Msg) String() string { return m.In(Current()) }

// F formats the message with args in the language in force.
func (m *Msg) F(args ...any) string { return m.FIn(Current(), args...) }

// P is the message with its arguments, said when printed: in the
// language in force (String) or in a given one (In). A Phrase among
// another message's arguments is said in that message's language.
func (m *Msg) P(args ...any) Phrase { return Phrase{m, args} }

// FIn formats the message with args in language l; Phrase arguments are
// said in l too. The daemon's log uses it to stay English.
func (m *Msg) FIn(l Lang, args ...any) string {
	out := make([]any, len(args))
	for i, a := range args {
		if p, ok := a.(Phrase); ok {
			a = p.In(l)
		}
		out[i] = a
	}
	return fmt.Sprintf(m.In(l), out...)
}

// Phrase is a message and its arguments (Msg.P).
type Phrase struct {
	m    *Msg
	args []any
}

// In is the phrase in language l; the zero Phrase says nothing.
func (p Phrase) In(l Lang) string {
	if p.m == nil {
		return ""
	}
	return p.m.FIn(l, p.args...)
}

// String is the phrase in the language in force.
func (p Phrase) String() string { return p.In(Current()) }

// Errorf is an error saying the message; %w among the args is kept for
// errors.Is and errors.As (use it as the message's first verb only where
// the format puts it).
func (m *Msg) Errorf(args ...any) error { return fmt.Errorf(m.In(Current()), args...) }

// Class is an error class: a sentinel whose text is a catalogue message,
// said in the language in force when printed, and what kind of failure it
// is (internal/fault).
type Class struct {
	m *Msg
	f fault.Class
}

// NewClass makes the class saying m.
func NewClass(m *Msg) *Class { return &Class{m: m} }

// WithFault sets what kind of failure the class is (bad input, refused,
// not found, …): the exit code and the page's answer follow from it. It
// is called where the sentinel is declared.
func (c *Class) WithFault(f fault.Class) *Class { c.f = f; return c }

// Fault is what kind of failure the class is.
func (c *Class) Fault() fault.Class { return c.f }

func (c *Class) Error() string { return c.m.String() }

// In is the class's words in language l.
func (c *Class) In(l Lang) string { return c.m.In(l) }

// Wrap is err marked with the class: errors.Is(Wrap(err), c) holds as
// errors.Is(err, x) does, and it reads "class: err".
func (c *Class) Wrap(err error) error { return &classed{c, err} }

// Newf is an error of the class saying m with args: "class: m"; %w among
// args is kept.
func (c *Class) Newf(m *Msg, args ...any) error { return &classed{c, m.Errorf(args...)} }

// Detail is what err says after its class's words, when err is of class
// c (Wrap, Newf, or "class: …" as fmt.Errorf("%w: …", c) writes it).
func (c *Class) Detail(err error) string {
	if e, ok := err.(*classed); ok && e.c == c {
		return e.err.Error()
	}
	return strings.TrimPrefix(err.Error(), c.Error()+": ")
}

type classed struct {
	c   *Class
	err error
}

func (e *classed) Error() string        { return e.c.Error() + ": " + e.err.Error() }
func (e *classed) Unwrap() error        { return e.err }
func (e *classed) Is(target error) bool { return target == e.c }
func (e *classed) Fault() fault.Class   { return e.c.f }
