package reports

import (
	"sort"
	"strings"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/reports/plan"
)

// checkSourceKeys refuses a [sources.NAME] table the plan does not read
// (a typo such as [sources.staf]), naming the sources it does read: the
// misspelt table would be ignored and the real source reported missing.
func checkSourceKeys(cfg *Settings, p *plan.Plan) error {
	known := make([]string, 0, len(p.Sources))
	for n := range p.Sources {
		known = append(known, n)
	}
	sort.Strings(known)
	var names []string
	for n := range cfg.Sources {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if _, ok := p.Sources[n]; ok {
			continue
		}
		hint := ""
		if near := nearest(n, known); near != "" {
			hint = catalog.SrcDidYouMean.F(near)
		}
		planName := cfg.Plan
		if planName == "" {
			planName = catalog.PlanBuiltIn.F(p.Title)
		}
		tables := make([]string, len(known))
		for i, k := range known {
			tables[i] = catalog.SrcTable.F(k)
		}
		return ErrSettings.Newf(catalog.SrcUnknownKey, n, hint, planName, strings.Join(tables, ", "))
	}
	return nil
}

// nearest is the name of list within two edits of s, "" when none.
func nearest(s string, list []string) string {
	best, bestD := "", 3
	for _, k := range list {
		if d := editDistance(s, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}
