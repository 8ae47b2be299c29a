package sources

import "sort"

// cells are the non-blank cells of one row, in column order. A row is
// stored sparsely: a cell in column XFD costs what it holds, not the 16,383
// empty cells to its left.
type cells struct {
	col []int    // zero-based columns, increasing
	val []string // the raw values, none empty
}

func (c *cells) reset() { c.col, c.val = c.col[:0], c.val[:0] }

// len is the number of non-blank cells.
func (c *cells) len() int { return len(c.col) }

// set stores v at column j; a later value of the same column replaces an
// earlier one, and an empty value is not stored.
func (c *cells) set(j int, v string) {
	if v == "" {
		return
	}
	n := len(c.col)
	if n == 0 || j > c.col[n-1] { // cells come left to right
		c.col, c.val = append(c.col, j), append(c.val, v)
		return
	}
	i := sort.SearchInts(c.col, j)
	if c.col[i] == j {
		c.val[i] = v
		return
	}
	c.col, c.val = append(c.col, 0), append(c.val, "")
	copy(c.col[i+1:], c.col[i:])
	copy(c.val[i+1:], c.val[i:])
	c.col[i], c.val[i] = j, v
}

// at is the value in column j, "" if blank.
func (c *cells) at(j int) string {
	i := sort.SearchInts(c.col, j)
	if i < len(c.col) && c.col[i] == j {
		return c.val[i]
	}
	return ""
}

// clone copies c, for a row kept past the next read.
func (c *cells) clone() *cells {
	return &cells{col: append([]int(nil), c.col...), val: append([]string(nil), c.val...)}
}

// dense gives the row as a slice up to its last non-blank cell.
func (c *cells) dense() []string {
	if len(c.col) == 0 {
		return nil
	}
	out := make([]string, c.col[len(c.col)-1]+1)
	for i, j := range c.col {
		out[j] = c.val[i]
	}
	return out
}

// fromSlice fills c from a dense row such as a CSV record.
func (c *cells) fromSlice(rec []string) {
	c.reset()
	for j, v := range rec {
		c.set(j, v)
	}
}
