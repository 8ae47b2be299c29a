package importer

import (
	"strings"
)

// readText reads a plain text or Markdown plan. In plain text every line
// is a paragraph. In Markdown a blank line ends a paragraph, and so does a
// line that starts a numbered item ("2.", "3.1."), a Roman-numbered
// section or a bullet; "#" marks a heading, "|" a table row (each cell a
// paragraph in a table); "**" marks bold and "*", "_" emphasis, which are
// dropped once the bold lead is known.
func readText(data string, lines bool) []para {
	data = strings.ReplaceAll(strings.ReplaceAll(data, "\r\n", "\n"), "\r", "\n")
	var out []para
	var cur []string
	heading := 0
	flush := func() {
		if len(cur) > 0 {
			if p, ok := mdPara(strings.Join(cur, " "), heading, false); ok {
				out = append(out, p)
			}
		}
		cur, heading = nil, 0
	}
	for _, line := range strings.Split(data, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(t, "|"):
			flush()
			if strings.Trim(t, "|-: ") == "" {
				continue // the separator row
			}
			for _, cell := range strings.Split(strings.Trim(t, "|"), "|") {
				if p, ok := mdPara(cell, 0, true); ok {
					out = append(out, p)
				}
			}
		case strings.HasPrefix(t, "#"):
			flush()
			n := len(t) - len(strings.TrimLeft(t, "#"))
			cur, heading = []string{strings.TrimLeft(t, "# ")}, n
			flush()
		case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "+ ") || (strings.HasPrefix(t, "* ") && !strings.HasPrefix(t, "**")):
			flush()
			cur = []string{t}
		case lines || startsItem(t):
			flush()
			cur = []string{t}
		default:
			cur = append(cur, t)
		}
	}
	flush()
	return out
}

// mdPara makes a paragraph of Markdown text: the bold lead is what the
// first "**…**" holds when the text starts with it.
func mdPara(s string, heading int, table bool) (para, bool) {
	s = strings.TrimSpace(s)
	lead := ""
	if strings.HasPrefix(s, "**") {
		if i := strings.Index(s[2:], "**"); i >= 0 {
			lead = s[2 : 2+i]
		}
	} else if strings.HasPrefix(s, "__") {
		if i := strings.Index(s[2:], "__"); i >= 0 {
			lead = s[2 : 2+i]
		}
	}
	p := para{text: clean(unmark(s)), lead: clean(unmark(lead)), heading: heading, table: table}
	return p, p.text != ""
}

// unmark drops Markdown's emphasis marks and backslash escapes.
func unmark(s string) string {
	r := strings.NewReplacer("**", "", "__", "", "\\.", ".", "\\-", "-", "\\*", "*", "\\_", "_", "\\#", "#", "\\(", "(", "\\)", ")")
	s = r.Replace(s)
	// A single * or _ next to a word is emphasis; elsewhere it is text.
	var b strings.Builder
	rs := []rune(s)
	for i, c := range rs {
		if c == '*' || c == '_' {
			prevSpace := i == 0 || rs[i-1] == ' '
			nextSpace := i == len(rs)-1 || rs[i+1] == ' '
			if prevSpace != nextSpace {
				continue
			}
		}
		b.WriteRune(c)
	}
	return b.String()
}

// startsItem reports whether a Markdown line starts a numbered item or
// section of its own (a list item, even without a blank line before it).
func startsItem(line string) bool {
	t := clean(unmark(line))
	if _, _, ok := numbered(t); ok {
		return true
	}
	m := romanRe.FindStringSubmatch(t)
	return m != nil && upperShare(m[2]) >= 0.8
}
