package indicators

import (
	"sort"

	"github.com/mn2010/baocao/sources"
)

// grouper groups free text ("xử lý đơn ", "Xử lý đơn") under one key and
// names each group by a known name it matches, else its most used spelling.
type grouper struct {
	known    *sources.Matcher
	names    []string
	order    []string // group keys, sorted
	spelling map[string]map[string]int
	keys     map[string]string // text → key, so each spelling is folded once
}

func newGrouper(known []string) *grouper {
	sort.Strings(known)
	return &grouper{known: sources.MatcherOf(known), names: known, spelling: map[string]map[string]int{}, keys: map[string]string{}}
}

// key returns the group of text, recording its spelling.
func (g *grouper) key(text string) string {
	k, seen := g.keys[text]
	if !seen {
		k = sources.Fold(text)
		if i := g.known.Match(text); i >= 0 {
			k = sources.Fold(g.names[i])
		}
		g.keys[text] = k
	}
	if g.spelling[k] == nil {
		g.spelling[k] = map[string]int{}
		g.order = append(g.order, k)
		sort.Slice(g.order, func(a, b int) bool { return g.order[a] < g.order[b] })
	}
	g.spelling[k][text]++
	return k
}

// name is the display name of group k.
func (g *grouper) name(k string) string {
	for _, n := range g.names {
		if sources.Fold(n) == k {
			return n
		}
	}
	best, bestN := "", -1
	for s, n := range g.spelling[k] {
		if n > bestN || n == bestN && s < best {
			best, bestN = s, n
		}
	}
	return best
}
