package indicators

import (
	"sort"

	"github.com/mn2010/baocao/sources"
)

// groupIDs groups free text ("xử lý đơn ", "Xử lý đơn") under one key,
// numbered, and names each group by a known name it matches, else its
// most used spelling (name). Each text of the column is keyed once.
type groupIDs struct {
	known  *sources.Matcher
	names  []string // sorted
	texts  []string // the column's distinct texts
	byCode []int32  // group of each text, -1 until seen
	keys   []string // key of each group
	byKey  map[string]int
}

func newGroupIDs(known, texts []string) *groupIDs {
	sort.Strings(known)
	g := &groupIDs{known: sources.MatcherOf(known), names: known, texts: texts, byCode: make([]int32, len(texts)), byKey: map[string]int{}}
	for i := range g.byCode {
		g.byCode[i] = -1
	}
	return g
}

// of is the group of the text with code.
func (g *groupIDs) of(code uint32) int {
	if id := g.byCode[code]; id >= 0 {
		return int(id)
	}
	text := g.texts[code]
	k := sources.Fold(text)
	if i := g.known.Match(text); i >= 0 {
		k = sources.Fold(g.names[i])
	}
	id, ok := g.byKey[k]
	if !ok {
		id = len(g.keys)
		g.keys = append(g.keys, k)
		g.byKey[k] = id
	}
	g.byCode[code] = int32(id)
	return id
}

// namedCount is a group's counts with its name.
type namedCount struct {
	name string
	counter
}

// counts gives the groups the rows of classes in counted, by key, each
// named by name: a known name it matches, else its most used
// spelling among those rows.
func (g *groupIDs) counts(cc []classCount, in []int) []namedCount {
	merged := make([]counter, len(g.keys))
	spelling := make([]map[string]int, len(g.keys))
	for _, c := range in {
		for id := range cc[c].groups {
			merged[id].merge(&cc[c].groups[id])
		}
		for code, n := range cc[c].spell {
			if n == 0 {
				continue
			}
			id := g.byCode[code]
			if spelling[id] == nil {
				spelling[id] = map[string]int{}
			}
			spelling[id][g.texts[code]] += n
		}
	}
	var order []int // the groups with rows, by key
	for id := range merged {
		if _, d := merged[id].counts(); d > 0 {
			order = append(order, id)
		}
	}
	sort.Slice(order, func(a, b int) bool { return g.keys[order[a]] < g.keys[order[b]] })
	out := make([]namedCount, 0, len(order))
	for _, id := range order {
		out = append(out, namedCount{name: g.name(id, spelling[id]), counter: merged[id]})
	}
	return out
}

func (g *groupIDs) name(id int, spelling map[string]int) string {
	for _, n := range g.names {
		if sources.Fold(n) == g.keys[id] {
			return n
		}
	}
	best, bestN := "", -1
	for s, n := range spelling {
		if n > bestN || n == bestN && s < best {
			best, bestN = s, n
		}
	}
	return best
}
