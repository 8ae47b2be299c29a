package sources

import "iter"

// Row is one usable row of a Table: its line and where its cells are.
// It is a small value made on demand, not stored.
type Row struct {
	Line int // row number as the user sees it (1-based)
	t    *Table
	i    int
}

// Cell is the row's cell in the kept column at position k (Table.Col).
func (r Row) Cell(k int) Value { return r.t.cols[k].value(r.i) }

// Cells are the row's kept cells, in schema order, in a new slice.
func (r Row) Cells() []Value {
	out := make([]Value, len(r.t.cols))
	for k := range r.t.cols {
		out[k] = r.t.cols[k].value(r.i)
	}
	return out
}

// Repeats reports whether the row's kept cells are those of the row
// before it (a file of a million copies of one row).
func (r Row) Repeats() bool { return r.t.repeat.has(r.i) }

// Len is the number of rows.
func (t *Table) Len() int {
	if n := len(t.lines.blocks); n > 0 {
		return (n-1)*chunkLen + len(t.lines.blocks[n-1])
	}
	return 0
}

// Row is row i, 0 ≤ i < Len.
func (t *Table) Row(i int) Row { return Row{Line: int(t.lines.at(i)), t: t, i: i} }

// Rows gives every row in file order, with its index.
func (t *Table) Rows() iter.Seq2[int, Row] {
	return func(yield func(int, Row) bool) {
		i := 0
		for _, b := range t.lines.blocks {
			for _, l := range b {
				if !yield(i, Row{Line: int(l), t: t, i: i}) {
					return
				}
				i++
			}
		}
	}
}

// column holds the cells of one kept column, packed by its kind: which
// slice is used depends on the kind. Text and category cells are codes
// into strs, the column's distinct texts, so a column of a few values
// (a payment method, a field) costs 4 bytes a cell whatever their length.
type column struct {
	kind  kind
	empty bitset          // Value.Empty
	bools bitset          // YesNo
	days  chunks[int32]   // Date: Value.day
	nums  chunks[float64] // Number
	codes chunks[uint32]  // Text: index in strs
	small chunks[uint8]   // Category: index in strs, a byte (see widen)
	strs  []string
	index map[string]uint32 // text → code while a Text column is read; nil after
	last  uint32            // the code appended last, tried first
	// unique: every kept text differs (a unique column, checked before a
	// row is kept), so its texts are not looked up.
	unique bool
}

// kind is a column's Kind as a small number, for the cell reads.
type kind uint8

const (
	kindText kind = iota
	kindDate
	kindYesNo
	kindCategory
	kindNumber
)

// kindOf is k as a small number.
func kindOf(k Kind) kind {
	switch k {
	case Date:
		return kindDate
	case YesNo:
		return kindYesNo
	case Number:
		return kindNumber
	case Category:
		return kindCategory
	}
	return kindText
}

func newColumn(c Column) column {
	col := column{}
	switch c.Kind {
	case Date:
		col.kind = kindDate
	case YesNo:
		col.kind = kindYesNo
	case Number:
		col.kind = kindNumber
	case Category:
		// The texts a category cell can hold: a listed spelling, or none.
		col.kind, col.strs = kindCategory, append(append([]string{}, c.Values...), "")
		if len(col.strs) > 256 {
			col.kind = kindText // codes of 4 bytes; looked up among the few spellings all the same
		}
	case Text:
		col.kind, col.unique = kindText, c.Unique
		if !c.Unique {
			col.index = map[string]uint32{}
		}
	}
	return col
}

func (c *column) value(i int) Value {
	v := Value{Empty: c.empty.has(i)}
	switch c.kind {
	case kindText:
		v.Text = c.strs[c.codes.at(i)]
	case kindCategory:
		v.Text = c.strs[c.small.at(i)]
	case kindDate:
		v.day = c.days.at(i)
	case kindYesNo:
		v.Bool = c.bools.has(i)
	case kindNumber:
		v.Num = c.nums.at(i)
	}
	return v
}

// add appends cell v as row i (the column's length).
func (c *column) add(i int, v Value) {
	if v.Empty {
		c.empty.set(i)
	}
	switch c.kind {
	case kindText:
		c.codes.add(c.code(v.Text))
	case kindCategory:
		k := c.code(v.Text)
		if k > 255 {
			c.widen()
			c.codes.add(k)
			break
		}
		c.small.add(uint8(k))
	case kindDate:
		c.days.add(v.day)
	case kindYesNo:
		if v.Bool {
			c.bools.set(i)
		}
	case kindNumber:
		c.nums.add(v.Num)
	}
}

// repeat appends a copy of row i-1 as row i.
func (c *column) repeat(i int) {
	if c.empty.has(i - 1) {
		c.empty.set(i)
	}
	switch c.kind {
	case kindText:
		c.codes.add(c.codes.at(i - 1))
	case kindCategory:
		c.small.add(c.small.at(i - 1))
	case kindDate:
		c.days.add(c.days.at(i - 1))
	case kindYesNo:
		if c.bools.has(i - 1) {
			c.bools.set(i)
		}
	case kindNumber:
		c.nums.add(c.nums.at(i - 1))
	}
}

// code is the code of text, a new one for a text not seen before.
func (c *column) code(text string) uint32 {
	if c.unique {
		c.strs = append(c.strs, text)
		return uint32(len(c.strs) - 1)
	}
	if c.last < uint32(len(c.strs)) && c.strs[c.last] == text {
		return c.last
	}
	if c.index == nil { // a category: a few listed spellings
		for k, s := range c.strs {
			if s == text {
				c.last = uint32(k)
				return c.last
			}
		}
		c.strs = append(c.strs, text) // not a listed spelling (cannot happen): kept all the same
		c.last = uint32(len(c.strs) - 1)
		return c.last
	}
	k, ok := c.index[text]
	if !ok {
		k = uint32(len(c.strs))
		c.strs = append(c.strs, text)
		c.index[text] = k
	}
	c.last = k
	return k
}

// add appends a row: the kept cells of vals, a row's values by schema
// column. A row repeating the one before is marked so (Row.Repeats).
func (t *Table) add(line int, vals []Value) {
	i := t.Len()
	t.lines.add(int32(line))
	if i > 0 && t.sameAsLast(vals) {
		t.repeat.set(i)
		for k := range t.cols {
			t.cols[k].repeat(i)
		}
		return
	}
	for s, k := range t.cells {
		if k >= 0 {
			t.cols[k].add(i, vals[s])
		}
	}
}

// sameAsLast reports whether the kept cells of vals are those of the last
// row.
func (t *Table) sameAsLast(vals []Value) bool {
	last := t.Len() - 2
	for s, k := range t.cells {
		if k >= 0 && t.cols[k].value(last) != vals[s] {
			return false
		}
	}
	return true
}

// done ends the reading of t.
func (t *Table) done() {
	for k := range t.cols {
		t.cols[k].done()
	}
}

// widen moves a category column's codes to 4 bytes each, for a text
// that is none of its (fewer than 256) listed spellings and would be the
// 257th distinct one; the reader gives listed spellings only, so this is
// a safeguard.
func (c *column) widen() {
	for _, b := range c.small.blocks {
		for _, k := range b {
			c.codes.add(uint32(k))
		}
	}
	c.small, c.kind = chunks[uint8]{}, kindText
}

// done drops what only reading needed and the slices' spare room.
func (c *column) done() {
	c.index = nil
	if cap(c.strs)-len(c.strs) > len(c.strs)/8 { // worth a copy
		c.strs = append(make([]string, 0, len(c.strs)), c.strs...)
	}
}

// chunks is a growable sequence kept in blocks of chunkLen values: a
// table of a million rows grows without copying what it holds and without
// the spare half a doubled slice may have.
type chunks[T any] struct {
	blocks [][]T
}

const (
	chunkBits = 12
	chunkLen  = 1 << chunkBits
)

func (c *chunks[T]) add(v T) {
	n := len(c.blocks)
	if n == 0 || len(c.blocks[n-1]) == chunkLen {
		size := chunkLen
		if n == 0 {
			size = 16 // the first block grows as a slice does: a small table stays small
		}
		c.blocks = append(c.blocks, make([]T, 0, size))
		n++
	}
	c.blocks[n-1] = append(c.blocks[n-1], v)
}

func (c *chunks[T]) at(i int) T { return c.blocks[i>>chunkBits][i&(chunkLen-1)] }

// bitset is a growable set of row indexes.
type bitset []uint64

func (b *bitset) set(i int) {
	for i>>6 >= len(*b) {
		*b = append(*b, 0)
	}
	(*b)[i>>6] |= 1 << (i & 63)
}

func (b bitset) has(i int) bool {
	return i>>6 < len(b) && b[i>>6]&(1<<(i&63)) != 0
}
