package indicators

import (
	"math"
	"time"

	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

const epsilon = 1e-9

// counter counts a ratio's rows, or distinct keys (by their numbers, see
// keyIDs).
type counter struct {
	num, den         int
	distinct         bool
	numKeys, denKeys keySet
}

func (c *counter) add(key int, distinct, hit bool) {
	if !distinct {
		c.den++
		if hit {
			c.num++
		}
		return
	}
	c.distinct = true
	c.denKeys.add(key)
	if hit {
		c.numKeys.add(key)
	}
}

func (c *counter) counts() (int, int) {
	if c.distinct {
		return c.numKeys.n, c.denKeys.n
	}
	return c.num, c.den
}

// keySet is a set of key numbers: a bit each, so that counting the
// distinct pupils of each of the months a report shows costs a few
// kilobytes a month, not a map of their names.
type keySet struct {
	bits []uint64
	n    int // keys in the set
}

func (s *keySet) add(k int) {
	w := k >> 6
	if w >= len(s.bits) {
		s.bits = append(s.bits, make([]uint64, w+1-len(s.bits))...)
	}
	if b := uint64(1) << (k & 63); s.bits[w]&b == 0 {
		s.bits[w] |= b
		s.n++
	}
}

// keyIDs numbers a column's distinct keys: texts that fold alike are one
// key. Each text is folded once.
type keyIDs struct {
	byText map[string]int
	byFold map[string]int
}

func (k *keyIDs) id(text string) int {
	if id, ok := k.byText[text]; ok {
		return id
	}
	f := sources.Fold(text)
	id, ok := k.byFold[f]
	if !ok {
		id = len(k.byFold)
		k.byFold[f] = id
	}
	k.byText[text] = id
	return id
}

// ratio computes a ratio indicator for each of periods in one pass over its
// source. earliest is the first date of the period column in the source
// (the zero time when it has none, or when the indicator has no period
// column), which tells how far back the source reaches.
func ratio(ind plan.Indicator, in Input, periods []period.Period) (results []Result, earliest time.Time) {
	t := in.Tables[ind.Source]
	filters := compile(ind.Filters, t, in.OfficialDomains)
	num := compile(ind.Numerator, t, in.OfficialDomains)
	pc, dc, bc := col(t, ind.PeriodCol), col(t, ind.Distinct), -1
	if ind.Breakdown != nil {
		bc = t.Col(ind.Breakdown.Column)
	}
	if pc < 0 {
		// Undated rows (the staff list) count the same in every period.
		r := ratioOf(ind, t, periods[:1], pc, dc, bc, filters, num, nil)[0]
		for range periods {
			results = append(results, r)
		}
		return results, time.Time{}
	}
	return ratioOf(ind, t, periods, pc, dc, bc, filters, num, &earliest), earliest
}

// ratioOf counts the rows of t for each period (every row when pc < 0).
func ratioOf(ind plan.Indicator, t *sources.Table, periods []period.Period, pc, dc, bc int, filters, num tests, earliest *time.Time) []Result {
	total := make([]counter, len(periods))
	groups := make([]*grouper, len(periods))
	byGroup := make([]map[string]*counter, len(periods))
	for i := range periods {
		groups[i] = newGrouper(breakdownNames(ind))
		byGroup[i] = map[string]*counter{}
	}
	keys := keyIDs{byText: map[string]int{}, byFold: map[string]int{}}
	in := make([]int, 0, len(periods))
	// Periods as day numbers: a row is matched against many periods.
	from, to := make([]int64, len(periods)), make([]int64, len(periods))
	for i, p := range periods {
		from[i], to[i] = dayNumber(p.From), dayNumber(p.To)
	}
	first := int64(math.MaxInt64)
	for _, row := range t.Rows() {
		in = in[:0]
		if pc >= 0 {
			if row.Cell(pc).Empty {
				continue
			}
			d := dayNumber(row.Cell(pc).Date())
			first = min(first, d)
			for i := range from {
				if d >= from[i] && d <= to[i] {
					in = append(in, i)
				}
			}
			if len(in) == 0 {
				continue
			}
		} else {
			in = append(in, 0)
		}
		if !filters.all(row) {
			continue
		}
		key, hit := 0, num.all(row)
		if dc >= 0 {
			key = keys.id(row.Cell(dc).Text)
		}
		for _, i := range in {
			total[i].add(key, dc >= 0, hit)
			if bc >= 0 {
				g := groups[i].key(row.Cell(bc).Text)
				if byGroup[i][g] == nil {
					byGroup[i][g] = &counter{}
				}
				byGroup[i][g].add(key, dc >= 0, hit)
			}
		}
	}
	if earliest != nil && first != math.MaxInt64 {
		*earliest = time.Unix(first*secondsPerDay, 0).UTC()
	}
	results := make([]Result, len(periods))
	for i := range periods {
		results[i] = ratioResult(ind, &total[i], groups[i], byGroup[i], bc >= 0)
	}
	return results
}

// ratioResult turns the counts of one period into a result.
func ratioResult(ind plan.Indicator, total *counter, groups *grouper, byGroup map[string]*counter, broken bool) Result {
	r := base(ind, "fraction")
	if ind.Any { // "is it applied at all": the result is yes or no, the fraction only its evidence
		r.Unit = "yesno"
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
	if broken {
		met = true
		for _, g := range r.Breakdown {
			met = met && *g.Met
		}
	}
	r.setMet(met)
	return r
}

const secondsPerDay = 24 * 60 * 60

// dayNumber is a calendar day (midnight UTC) as days since 1970-01-01.
func dayNumber(t time.Time) int64 { return t.Unix() / secondsPerDay }

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
