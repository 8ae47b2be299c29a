package sources

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Clean returns s in NFC with surrounding white space removed and inner runs
// of white space (including no-break spaces) collapsed to one space.
func Clean(s string) string {
	if cleanASCII(s) {
		return s // the commonest cell: nothing to do, and nothing to allocate
	}
	s = norm.NFC.String(s)
	if !needsSpaceFix(s) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// cleanASCII reports whether s is ASCII (so already NFC) with no white
// space to fix: none at either end, none but single spaces inside.
func cleanASCII(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80:
			return false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

func needsSpaceFix(s string) bool {
	prevSpace := true
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if sp && (prevSpace || r != ' ') {
			return true
		}
		prevSpace = sp
	}
	return prevSpace && s != ""
}

// Fold is the key under which two names or categories compare equal: NFC,
// lower case, white space trimmed and collapsed.
func Fold(s string) string {
	return strings.ToLower(Clean(s))
}

// FoldMarks is [Fold] without diacritics ("Ngày tiếp nhận" → "ngay tiep
// nhan"); it is the fallback comparison, used only when unambiguous.
func FoldMarks(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(Fold(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteRune('d')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Matcher finds which of a fixed list of names a text stands for, by [Fold]
// and, when that finds nothing and exactly one name fits, by [FoldMarks].
type Matcher struct {
	raw   map[string]int // spellings as given: the common case needs no folding
	exact map[string]int
	marks map[string][]int
}

// NewMatcher returns a Matcher for names; names[i] may list several spellings
// of entry i.
func NewMatcher(names [][]string) *Matcher {
	m := &Matcher{raw: map[string]int{}, exact: map[string]int{}, marks: map[string][]int{}}
	for i, spellings := range names {
		for _, s := range spellings {
			if _, ok := m.raw[s]; !ok {
				m.raw[s] = i
			}
			if _, ok := m.exact[Fold(s)]; !ok {
				m.exact[Fold(s)] = i
			}
			k := FoldMarks(s)
			if !containsInt(m.marks[k], i) {
				m.marks[k] = append(m.marks[k], i)
			}
		}
	}
	for s, i := range m.raw { // keep a spelling only where folding agrees, and not a blank one
		if m.exact[Fold(s)] != i || Fold(s) == "" {
			delete(m.raw, s)
		}
	}
	return m
}

// MatcherOf is NewMatcher for names with one spelling each.
func MatcherOf(names []string) *Matcher {
	spellings := make([][]string, len(names))
	for i, n := range names {
		spellings[i] = []string{n}
	}
	return NewMatcher(spellings)
}

// spelled returns the entry s is a spelling of exactly as given, or -1; a
// spelling that is blank once cleaned is not kept (NewMatcher). Where it finds an entry,
// Match(s) and Match(Clean(s)) find the same (folding agrees with every
// spelling kept in raw), so a caller may skip cleaning s.
func (m *Matcher) spelled(s string) int {
	if i, ok := m.raw[s]; ok {
		return i
	}
	return -1
}

// Match returns the entry s stands for, or -1.
func (m *Matcher) Match(s string) int {
	if i, ok := m.raw[s]; ok {
		return i
	}
	if i, ok := m.exact[Fold(s)]; ok {
		return i
	}
	if c := m.marks[FoldMarks(s)]; len(c) == 1 {
		return c[0]
	}
	return -1
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
