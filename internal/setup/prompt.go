package setup

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"
	"github.com/mn2010/baocao/sources"
)

// ErrAborted is returned when the answers run out (end of input): bad
// answers of the scripted form, exit 2 as README's table says.
var ErrAborted = catalog.NewClass(catalog.IeAborted).WithFault(fault.BadInput)

// Prompter asks questions on w and reads answers, one a line, from r.
type Prompter struct {
	in  *bufio.Reader
	out io.Writer
	// Secret, if set, reads a password without echo (a terminal); else the
	// next line of r is the password.
	Secret func() (string, error)
	// Waiting, if set, tells whether more input arrives within d: on a
	// terminal, the lines of a paste come at once, an answer typed by hand
	// does not. A list's answer then takes every line pasted with its
	// first (addresses one a line, copied from a spreadsheet or a mail).
	// Without it (a script, a file) each answer is one line.
	Waiting func(d time.Duration) bool
}

// PasteGap is how soon the next line of a paste follows the previous one.
const PasteGap = 80 * time.Millisecond

// NewPrompter reads answers from r and writes questions to w.
func NewPrompter(r io.Reader, w io.Writer) *Prompter {
	return &Prompter{in: bufio.NewReader(r), out: w}
}

// Say prints a line.
func (p *Prompter) Say(format string, args ...any) {
	fmt.Fprintf(p.out, format+"\n", args...)
}

func (p *Prompter) line() (string, error) {
	s, err := p.in.ReadString('\n')
	if err != nil && (s == "" || !errors.Is(err, io.EOF)) {
		if errors.Is(err, io.EOF) {
			return "", ErrAborted
		}
		return "", catalog.IeReadAnswer.Errorf(err)
	}
	return strings.TrimSpace(sources.Clean(s)), nil
}

// Ask asks q until set accepts the answer; an empty answer is def.
func (p *Prompter) Ask(q, def string, set func(string) error) error {
	return p.ask(q, def, false, set)
}

// AskList asks for a list: the answer is one line, or the lines pasted
// together (see Waiting), joined with line ends.
func (p *Prompter) AskList(q, def string, set func(string) error) error {
	return p.ask(q, def, true, set)
}

// pasted tells whether another line of a paste is there.
func (p *Prompter) pasted() bool {
	return p.Waiting != nil && (p.in.Buffered() > 0 || p.Waiting(PasteGap))
}

// answer reads one answer: a line, and for a list the non-empty lines
// pasted with it.
func (p *Prompter) answer(list bool) (string, error) {
	s, err := p.line()
	if err != nil || !list || s == "" {
		return s, err
	}
	lines := []string{s}
	for p.pasted() {
		next, err := p.line()
		if err != nil || next == "" {
			break
		}
		lines = append(lines, next)
	}
	return strings.Join(lines, "\n"), nil
}

func (p *Prompter) ask(q, def string, list bool, set func(string) error) error {
	for {
		if def != "" {
			fmt.Fprintf(p.out, "%s [%s]: ", q, def)
		} else {
			fmt.Fprintf(p.out, "%s: ", q)
		}
		s, err := p.answer(list)
		if err != nil {
			fmt.Fprintln(p.out)
			return err
		}
		if s == "" {
			s = def
		}
		if err := set(s); err != nil {
			p.Say("%s", catalog.IeAgain.F(err))
			continue
		}
		return nil
	}
}

// AskSecret asks for a password; empty is allowed when optional.
func (p *Prompter) AskSecret(q string, optional bool) (string, error) {
	for {
		fmt.Fprintf(p.out, "%s: ", q)
		var s string
		var err error
		if p.Secret != nil {
			s, err = p.Secret()
			fmt.Fprintln(p.out)
		} else {
			s, err = p.line()
		}
		if err != nil {
			return "", err
		}
		if s != "" || optional {
			return s, nil
		}
		p.Say("%s", catalog.IeNoSecret)
	}
}

// YesNo asks a yes/no question ("có"/"không", "c"/"k", "y"/"n").
func (p *Prompter) YesNo(q string, def bool) (bool, error) {
	d := catalog.IeNo.String()
	if def {
		d = catalog.IeYes.String()
	}
	var ans bool
	err := p.Ask(catalog.IeYesNoHint.F(q), d, func(s string) error {
		v, err := parseYesNo(s)
		ans = v
		return err
	})
	return ans, err
}

func parseYesNo(s string) (bool, error) {
	switch sources.FoldMarks(sources.Fold(s)) {
	case "c", "co", "y", "yes", "d", "dong y":
		return true, nil
	case "k", "khong", "n", "no":
		return false, nil
	}
	return false, catalog.IeYesNo.Errorf(s)
}
