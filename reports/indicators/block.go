package indicators

import "github.com/mn2010/baocao/sources"

// blockLen is how many rows a count reads at once: a table is read a
// block of columns at a time, straight from its packed cells, so that a
// row costs a few array reads, not a Value per cell.
const blockLen = 4096

// block holds the current rows of the columns a count reads, each column
// once however many conditions read it.
type block struct {
	t    *sources.Table
	cols map[int]*colBlock // by kept position
	n    int               // rows held
}

// colBlock is one column's cells of the current block; only the parts
// some reader asked for are filled.
type colBlock struct {
	days       []int32  // Value.Date's day (sources.Table.Days)
	codes      []uint32 // index in texts
	texts      []string
	empty, yes []bool
}

func newBlock(t *sources.Table) *block { return &block{t: t, cols: map[int]*colBlock{}} }

func (b *block) col(k int) *colBlock {
	c := b.cols[k]
	if c == nil {
		c = &colBlock{}
		b.cols[k] = c
	}
	return c
}

// days, codes, empty and yes ask for a part of column k, filled by load.
func (b *block) days(k int) *colBlock {
	c := b.col(k)
	if c.days == nil {
		c.days = make([]int32, blockLen)
	}
	return c
}

func (b *block) codes(k int) *colBlock {
	c := b.col(k)
	if c.codes == nil {
		c.codes, c.texts = make([]uint32, blockLen), b.t.Texts(k)
	}
	return c
}

func (b *block) empty(k int) *colBlock {
	c := b.col(k)
	if c.empty == nil {
		c.empty = make([]bool, blockLen)
	}
	return c
}

func (b *block) yes(k int) *colBlock {
	c := b.col(k)
	if c.yes == nil {
		c.yes = make([]bool, blockLen)
	}
	return c
}

// load reads rows [from, from+n), n ≤ blockLen.
func (b *block) load(from, n int) {
	b.n = n
	for k, c := range b.cols {
		if c.days != nil {
			b.t.Days(k, from, c.days[:n])
		}
		if c.codes != nil {
			b.t.Codes(k, from, c.codes[:n])
		}
		var empty, yes []bool
		if c.empty != nil {
			empty = c.empty[:n]
		}
		if c.yes != nil {
			yes = c.yes[:n]
		}
		if empty != nil || yes != nil {
			b.t.Flags(k, from, empty, yes)
		}
	}
}

// zeroDay is the day number of the zero time (0001-01-01), what
// Value.Date gives for a cell without a date.
const zeroDay = -719162

// dayOf is the day number (dayNumber) of the date day holds.
func dayOf(day int32) int64 {
	if day == 0 {
		return zeroDay
	}
	return int64(day) - 1
}

// textMemo remembers an answer about each distinct text of a column:
// a column holds few distinct texts, read on every row.
type textMemo struct {
	texts []string
	seen  []int8 // by code: 0 not asked yet, 1 yes, 2 no
	f     func(string) bool
}

func newTextMemo(texts []string, f func(string) bool) *textMemo {
	return &textMemo{texts: texts, seen: make([]int8, len(texts)), f: f}
}

func (m *textMemo) of(code uint32) bool {
	switch m.seen[code] {
	case 1:
		return true
	case 2:
		return false
	}
	yes := m.f(m.texts[code])
	m.seen[code] = 2
	if yes {
		m.seen[code] = 1
	}
	return yes
}
