package indicators

import (
	"net/mail"
	"strings"

	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// test is a compiled condition over a block of rows: it clears ok[r] for
// each row r that fails it (rows already failed are not tested).
type test func(ok []bool)

type tests []test

func (ts tests) apply(ok []bool) {
	for _, t := range ts {
		t(ok)
	}
}

func compile(conds []plan.Condition, b *block, domains []string) tests {
	var out tests
	for _, c := range conds {
		out = append(out, compileOne(c, b, domains))
	}
	return out
}

func compileOne(c plan.Condition, b *block, domains []string) test {
	i := b.t.Col(c.Column)
	// Each case is its own loop over the block: a row costs no call.
	switch c.Op {
	case "eq", "in", "not_in":
		col, m := b.codes(i), sources.MatcherOf(c.Values)
		want := c.Op != "not_in"
		return memoTest(col, func(s string) bool { return (m.Match(s) >= 0) == want })
	case "official_email":
		return memoTest(b.codes(i), func(s string) bool { return OfficialEmail(s, domains) })
	case "empty", "filled":
		col, want := b.empty(i), c.Op == "empty"
		return func(ok []bool) {
			for r, e := range col.empty[:len(ok)] {
				ok[r] = ok[r] && e == want
			}
		}
	case "yes", "no":
		col, want := b.yes(i), c.Op == "yes"
		return func(ok []bool) {
			for r, y := range col.yes[:len(ok)] {
				ok[r] = ok[r] && y == want
			}
		}
	case "le_column", "gt_column":
		o, gt := b.t.Col(c.Other), c.Op == "gt_column"
		x, y := b.empty(i), b.empty(o)
		b.days(i)
		b.days(o)
		return func(ok []bool) {
			for r := range ok {
				ok[r] = ok[r] && !x.empty[r] && !y.empty[r] && (dayOf(x.days[r]) > dayOf(y.days[r])) == gt
			}
		}
	}
	panic("indicators: unknown op " + c.Op) // plan validation rules this out
}

// memoTest keeps the rows whose text in col passes f, asked once a text.
func memoTest(col *colBlock, f func(string) bool) test {
	memo := newTextMemo(col.texts, f)
	return func(ok []bool) {
		for r, code := range col.codes[:len(ok)] {
			if ok[r] && !memo.of(code) {
				ok[r] = false
			}
		}
	}
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
