package indicators

import (
	"sort"

	"github.com/mn2010/baocao/reports/period"
)

// classes sorts days by the periods that hold them: a class is a set of
// periods (the year and its third month, say), and a row is counted once,
// in the class of its date; a period's count is then the sum of its
// classes'. At most 64 periods.
type classes struct {
	sets [][]int // periods of each class
	// A day d in [lo, lo+len(lut)) is in class lut[d-lo] (-1: none).
	// Beyond lutMax days, starts and of instead: the class of the days
	// from starts[j] to the next start (-1: none).
	lo     int64
	lut    []int16
	starts []int64
	of     []int16
}

const lutMax = 1 << 16

func newClasses(periods []period.Period) *classes {
	// The days where the set of periods holding a day changes.
	var bounds []int64
	for _, p := range periods {
		bounds = append(bounds, dayNumber(p.From), dayNumber(p.To)+1)
	}
	sort.Slice(bounds, func(a, b int) bool { return bounds[a] < bounds[b] })
	c := &classes{}
	index := map[uint64]int16{}
	for j, d := range bounds {
		if j > 0 && d == bounds[j-1] {
			continue
		}
		var mask uint64
		for i, p := range periods {
			if d >= dayNumber(p.From) && d <= dayNumber(p.To) {
				mask |= 1 << i
			}
		}
		k := int16(-1)
		if mask != 0 {
			var ok bool
			if k, ok = index[mask]; !ok {
				k = int16(len(c.sets))
				index[mask] = k
				var set []int
				for i := range periods {
					if mask&(1<<i) != 0 {
						set = append(set, i)
					}
				}
				c.sets = append(c.sets, set)
			}
		}
		c.starts, c.of = append(c.starts, d), append(c.of, k)
	}
	if n := len(c.starts); n > 0 && c.starts[n-1]-c.starts[0] <= lutMax {
		c.lo = c.starts[0]
		c.lut = make([]int16, c.starts[n-1]-c.lo+1)
		for j := range c.starts {
			end := int64(len(c.lut)) + c.lo
			if j+1 < n {
				end = c.starts[j+1]
			}
			for d := c.starts[j]; d < end; d++ {
				c.lut[d-c.lo] = c.of[j]
			}
		}
	}
	return c
}

// class is the class of day d, or -1 when no period holds it.
func (c *classes) class(d int64) int {
	if c.lut != nil {
		if d < c.lo || d-c.lo >= int64(len(c.lut)) {
			return -1
		}
		return int(c.lut[d-c.lo])
	}
	j := sort.Search(len(c.starts), func(j int) bool { return c.starts[j] > d }) - 1
	if j < 0 {
		return -1
	}
	return int(c.of[j])
}
