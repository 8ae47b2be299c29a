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
	// each keeps the rows r for which pass(r) holds
	keep := func(pass func(r int) bool) test {
		return func(ok []bool) {
			for r := range ok {
				if ok[r] && !pass(r) {
					ok[r] = false
				}
			}
		}
	}
	switch c.Op {
	case "eq", "in", "not_in":
		col, m := b.codes(i), sources.MatcherOf(c.Values)
		want := c.Op != "not_in"
		memo := newTextMemo(col.texts, func(s string) bool { return m.Match(s) >= 0 == want })
		return keep(func(r int) bool { return memo.of(col.codes[r]) })
	case "empty":
		col := b.empty(i)
		return keep(func(r int) bool { return col.empty[r] })
	case "filled":
		col := b.empty(i)
		return keep(func(r int) bool { return !col.empty[r] })
	case "yes":
		col := b.yes(i)
		return keep(func(r int) bool { return col.yes[r] })
	case "no":
		col := b.yes(i)
		return keep(func(r int) bool { return !col.yes[r] })
	case "le_column", "gt_column":
		o, gt := b.t.Col(c.Other), c.Op == "gt_column"
		x, y := b.empty(i), b.empty(o)
		b.days(i)
		b.days(o)
		return keep(func(r int) bool {
			return !x.empty[r] && !y.empty[r] && (dayOf(x.days[r]) > dayOf(y.days[r])) == gt
		})
	case "official_email":
		col := b.codes(i)
		memo := newTextMemo(col.texts, func(s string) bool { return OfficialEmail(s, domains) })
		return keep(func(r int) bool { return memo.of(col.codes[r]) })
	}
	panic("indicators: unknown op " + c.Op) // plan validation rules this out
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
