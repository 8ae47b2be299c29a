package indicators

import (
	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

const epsilon = 1e-9

// counter counts a ratio's rows, or distinct keys.
type counter struct {
	num, den         int
	numKeys, denKeys map[string]bool
}

func (c *counter) add(key string, distinct, hit bool) {
	if !distinct {
		c.den++
		if hit {
			c.num++
		}
		return
	}
	if c.denKeys == nil {
		c.numKeys, c.denKeys = map[string]bool{}, map[string]bool{}
	}
	c.denKeys[key] = true
	if hit {
		c.numKeys[key] = true
	}
}

func (c *counter) counts() (int, int) {
	if c.denKeys != nil {
		return len(c.numKeys), len(c.denKeys)
	}
	return c.num, c.den
}

func ratio(ind plan.Indicator, in Input) Result {
	r := base(ind, "fraction")
	t := in.Tables[ind.Source]
	filters := compile(ind.Filters, t, in.OfficialDomains)
	num := compile(ind.Numerator, t, in.OfficialDomains)
	pc, dc, bc := col(t, ind.PeriodCol), col(t, ind.Distinct), -1
	if ind.Breakdown != nil {
		bc = t.Col(ind.Breakdown.Column)
	}
	var total counter
	folded := map[string]string{} // distinct keys, each spelling folded once
	groups := newGrouper(breakdownNames(ind))
	byGroup := map[string]*counter{}
	for _, row := range t.Rows {
		if pc >= 0 && (row.Cells[pc].Empty || !in.Period.Contains(row.Cells[pc].Date())) {
			continue
		}
		if !filters.all(row) {
			continue
		}
		key, hit := "", num.all(row)
		if dc >= 0 {
			text := row.Cells[dc].Text
			if key = folded[text]; key == "" {
				key = sources.Fold(text)
				folded[text] = key
			}
		}
		total.add(key, dc >= 0, hit)
		if bc >= 0 {
			g := groups.key(row.Cells[bc].Text)
			if byGroup[g] == nil {
				byGroup[g] = &counter{}
			}
			byGroup[g].add(key, dc >= 0, hit)
		}
	}
	n, d := total.counts()
	r.Numerator, r.Denominator = &n, &d
	if d == 0 {
		r.Status = NoCases
		return r
	}
	v := float64(n) / float64(d)
	if ind.Any {
		v = 0
		if n > 0 {
			v = 1
		}
	}
	r.Value = &v
	met := meets(v, ind.Target, ind.Compare)
	for _, g := range groups.order {
		gn, gd := byGroup[g].counts()
		gv := float64(gn) / float64(gd)
		target := targetFor(ind, groups.name(g))
		gm := meets(gv, target, ind.Compare)
		r.Breakdown = append(r.Breakdown, Group{Key: groups.name(g), Value: &gv, Numerator: gn, Denominator: gd, Target: target, Met: &gm})
	}
	if bc >= 0 {
		met = true
		for _, g := range r.Breakdown {
			met = met && *g.Met
		}
	}
	r.setMet(met)
	return r
}

func base(ind plan.Indicator, unit string) Result {
	cmp := ind.Compare
	if cmp == "" {
		cmp = ">="
	}
	return Result{ID: ind.ID, Text: ind.Text, TargetText: ind.TargetText, Target: ind.Target, Compare: cmp, Unit: unit}
}

func (r *Result) setMet(met bool) {
	r.Met = &met
	r.Status = NotMet
	if met {
		r.Status = Met
	}
}

func meets(v, target float64, cmp string) bool {
	if cmp == "<=" {
		return v <= target+epsilon
	}
	return v >= target-epsilon
}

func col(t *sources.Table, key string) int {
	if key == "" {
		return -1
	}
	return t.Col(key)
}

func breakdownNames(ind plan.Indicator) []string {
	if ind.Breakdown == nil {
		return nil
	}
	var names []string
	for k := range ind.Breakdown.Targets {
		names = append(names, k)
	}
	return names
}

func targetFor(ind plan.Indicator, group string) float64 {
	names := breakdownNames(ind)
	if i := sources.MatcherOf(names).Match(group); i >= 0 {
		return ind.Breakdown.Targets[names[i]]
	}
	return ind.Target
}
