package indicators

import (
	"math"
	"math/bits"
	"slices"
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

// merge adds the rows or keys o counted.
func (c *counter) merge(o *counter) {
	c.num += o.num
	c.den += o.den
	if o.distinct {
		c.distinct = true
		c.numKeys.union(&o.numKeys)
		c.denKeys.union(&o.denKeys)
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

func (s *keySet) union(o *keySet) {
	if len(o.bits) > len(s.bits) {
		s.bits = append(s.bits, make([]uint64, len(o.bits)-len(s.bits))...)
	}
	n := 0
	for w := range s.bits {
		if w < len(o.bits) {
			s.bits[w] |= o.bits[w]
		}
		n += bits.OnesCount64(s.bits[w])
	}
	s.n = n
}

// keyIDs numbers a column's distinct keys: texts that fold alike are one
// key. Each text is folded once.
type keyIDs struct {
	texts  []string
	byCode []int32 // key of each text of the column, -1 until seen
	byFold map[string]int
}

func newKeyIDs(texts []string) *keyIDs {
	k := &keyIDs{texts: texts, byCode: make([]int32, len(texts)), byFold: map[string]int{}}
	for i := range k.byCode {
		k.byCode[i] = -1
	}
	return k
}

func (k *keyIDs) id(code uint32) int {
	if id := k.byCode[code]; id >= 0 {
		return int(id)
	}
	f := sources.Fold(k.texts[code])
	id, ok := k.byFold[f]
	if !ok {
		id = len(k.byFold)
		k.byFold[f] = id
	}
	k.byCode[code] = int32(id)
	return id
}

// ratio computes a ratio indicator for each of periods in one pass over its
// source. earliest is the first date of the period column in the source
// (the zero time when it has none, or when the indicator has no period
// column), which tells how far back the source reaches.
func ratio(ind plan.Indicator, in Input, periods []period.Period) (results []Result, earliest time.Time) {
	t := in.Tables[ind.Source]
	if col(t, ind.PeriodCol) < 0 {
		// Undated rows (the staff list) count the same in every period.
		r := ratioOf(ind, t, periods[:1], in.OfficialDomains, nil)[0]
		for range periods {
			results = append(results, r)
		}
		return results, time.Time{}
	}
	for len(periods) > 64 { // a class is a set of at most 64 periods
		rs := ratioOf(ind, t, periods[:64], in.OfficialDomains, &earliest)
		results, periods = append(results, rs...), periods[64:]
	}
	return append(results, ratioOf(ind, t, periods, in.OfficialDomains, &earliest)...), earliest
}

// classCount is what the rows of one class (see classes) counted: in
// total, by group of the breakdown, and the rows of each spelling of the
// breakdown column (the groups' names).
type classCount struct {
	total  counter
	groups []counter // by group number
	spell  []int     // by code of the breakdown column
}

// ratioOf counts the rows of t for each period, in one pass over the
// table; an undated indicator (no period column) counts every row for its
// one period.
func ratioOf(ind plan.Indicator, t *sources.Table, periods []period.Period, domains []string, earliest *time.Time) []Result {
	pc, dc, bc := col(t, ind.PeriodCol), col(t, ind.Distinct), -1
	if ind.Breakdown != nil {
		bc = t.Col(ind.Breakdown.Column)
	}
	b := newBlock(t)
	filters, num := compile(ind.Filters, b, domains), compile(ind.Numerator, b, domains)
	var dates, keyCol, groupCol *colBlock
	var cls *classes
	counts := []classCount{{}}
	if pc >= 0 {
		dates = b.days(pc)
		b.empty(pc)
		cls = newClasses(periods)
		counts = make([]classCount, len(cls.sets))
	}
	var keys *keyIDs
	if dc >= 0 {
		keyCol = b.codes(dc)
		keys = newKeyIDs(keyCol.texts)
	}
	var groups *groupIDs
	if bc >= 0 {
		groupCol = b.codes(bc)
		groups = newGroupIDs(breakdownNames(ind), groupCol.texts)
		for c := range counts {
			counts[c].spell = make([]int, len(groupCol.texts))
		}
	}
	ok, hit, class := make([]bool, blockLen), make([]bool, blockLen), make([]int16, blockLen)
	first := int64(math.MaxInt64)
	for from := 0; from < t.Len(); from += blockLen {
		n := min(blockLen, t.Len()-from)
		b.load(from, n)
		ok, hit, class := ok[:n], hit[:n], class[:n]
		for r := range ok {
			ok[r] = true
			if pc < 0 {
				continue
			}
			if dates.empty[r] {
				ok[r] = false
				continue
			}
			d := dayOf(dates.days[r])
			first = min(first, d)
			k := cls.class(d)
			ok[r], class[r] = k >= 0, int16(k)
		}
		filters.apply(ok)
		copy(hit, ok)
		num.apply(hit)
		for r := range ok {
			if !ok[r] {
				continue
			}
			c := &counts[class[r]]
			key := 0
			if dc >= 0 {
				key = keys.id(keyCol.codes[r])
			}
			c.total.add(key, dc >= 0, hit[r])
			if bc >= 0 {
				code := groupCol.codes[r]
				g := groups.of(code)
				for g >= len(c.groups) {
					c.groups = append(c.groups, counter{})
				}
				c.groups[g].add(key, dc >= 0, hit[r])
				c.spell[code]++
			}
		}
	}
	if earliest != nil && first != math.MaxInt64 {
		*earliest = time.Unix(first*secondsPerDay, 0).UTC()
	}
	results := make([]Result, len(periods))
	targets := targetsOf(ind)
	for i := range periods {
		in := []int{0} // the classes of period i
		if cls != nil {
			in = in[:0]
			for c, set := range cls.sets {
				if slices.Contains(set, i) {
					in = append(in, c)
				}
			}
		}
		var total counter
		for _, c := range in {
			total.merge(&counts[c].total)
		}
		var broken []namedCount
		if bc >= 0 {
			broken = groups.counts(counts, in)
		}
		results[i] = ratioResult(ind, &total, broken, targets, bc >= 0)
	}
	return results
}

// ratioResult turns the counts of one period into a result: in total
// and, when the indicator is broken down, of each group of the period.
func ratioResult(ind plan.Indicator, total *counter, groups []namedCount, targets *targets, broken bool) Result {
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
	for _, g := range groups {
		gn, gd := g.counts()
		gv := float64(gn) / float64(gd)
		target := targets.of(g.name)
		gm := meets(gv, target, ind.Compare)
		r.Breakdown = append(r.Breakdown, Group{Key: g.name, Value: &gv, Numerator: gn, Denominator: gd, Target: target, Met: &gm})
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

// targets gives each group of an indicator's breakdown its target: that
// of the known name it matches, else the indicator's.
type targets struct {
	ind   plan.Indicator
	names []string
	known *sources.Matcher
}

func targetsOf(ind plan.Indicator) *targets {
	names := breakdownNames(ind)
	return &targets{ind: ind, names: names, known: sources.MatcherOf(names)}
}

func (t *targets) of(group string) float64 {
	if i := t.known.Match(group); i >= 0 {
		return t.ind.Breakdown.Targets[t.names[i]]
	}
	return t.ind.Target
}
