package indicators

import (
	"net/mail"
	"strings"

	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// test is a compiled condition.
type test func(sources.Row) bool

type tests []test

func (ts tests) all(row sources.Row) bool {
	for _, t := range ts {
		if !t(row) {
			return false
		}
	}
	return true
}

func compile(conds []plan.Condition, t *sources.Table, domains []string) tests {
	var out tests
	for _, c := range conds {
		out = append(out, compileOne(c, t, domains))
	}
	return out
}

func compileOne(c plan.Condition, t *sources.Table, domains []string) test {
	i := t.Col(c.Column)
	values := newMemoMatcher(c.Values)
	switch c.Op {
	case "eq", "in":
		return func(r sources.Row) bool { return values.match(r.Cell(i).Text) >= 0 }
	case "not_in":
		return func(r sources.Row) bool { return values.match(r.Cell(i).Text) < 0 }
	case "empty":
		return func(r sources.Row) bool { return r.Cell(i).Empty }
	case "filled":
		return func(r sources.Row) bool { return !r.Cell(i).Empty }
	case "yes":
		return func(r sources.Row) bool { return r.Cell(i).Bool }
	case "no":
		return func(r sources.Row) bool { return !r.Cell(i).Bool }
	case "le_column", "gt_column":
		o, gt := t.Col(c.Other), c.Op == "gt_column"
		return func(r sources.Row) bool {
			a, b := r.Cell(i), r.Cell(o)
			return !a.Empty && !b.Empty && a.Date().After(b.Date()) == gt
		}
	case "official_email":
		return func(r sources.Row) bool { return OfficialEmail(r.Cell(i).Text, domains) }
	}
	panic("indicators: unknown op " + c.Op) // plan validation rules this out
}

// memoMatcher is a Matcher that remembers its answers: a condition is
// tested on every row, a column holds few distinct texts, and a text that
// matches no value is otherwise folded twice a row. It remembers at most
// memoSize texts (a column of names holds many).
type memoMatcher struct {
	m    *sources.Matcher
	seen map[string]int
}

const memoSize = 4096

func newMemoMatcher(values []string) *memoMatcher {
	return &memoMatcher{m: sources.MatcherOf(values), seen: map[string]int{}}
}

func (mm *memoMatcher) match(s string) int {
	if k, ok := mm.seen[s]; ok {
		return k
	}
	k := mm.m.Match(s)
	if len(mm.seen) < memoSize {
		mm.seen[s] = k
	}
	return k
}

// OfficialEmail reports whether s is a single valid address in one of the
// domains or a subdomain of one.
func OfficialEmail(s string, domains []string) bool {
	s = strings.TrimSpace(s)
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s || strings.ContainsAny(s, " <>") {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	host := strings.ToLower(s[at+1:])
	if !strings.Contains(host, ".") {
		return false
	}
	for _, d := range domains {
		d = strings.ToLower(strings.Trim(strings.TrimSpace(d), "."))
		if d != "" && (host == d || strings.HasSuffix(host, "."+d)) {
			return true
		}
	}
	return false
}
