package sources

import (
	"fmt"
	"testing"
	"time"
)

// TestBulkReadsMatchCell reads every kept column of a table of every kind
// through Days, Codes, Texts and Flags, in windows aligned on the blocks
// and not, and finds each row's Row.Cell.
func TestBulkReadsMatchCell(t *testing.T) {
	schema := &Schema{Columns: []Column{
		{Key: "t", Header: "T", Kind: Text},
		{Key: "d", Header: "D", Kind: Date},
		{Key: "y", Header: "Y", Kind: YesNo},
		{Key: "c", Header: "C", Kind: Category, Values: []string{"Một", "Hai"}},
		{Key: "w", Header: "W", Kind: Category, Values: []string{"Một"}}, // widened past a byte below
		{Key: "n", Header: "N", Kind: Number},
		{Key: "u", Header: "U", Kind: Text, Unique: true},
	}}
	p := newParser(Spec{Name: "x", Keep: []string{"t", "d", "y", "c", "w", "n", "u"}}, schema)
	n := 2*chunkLen + 123
	for i := range n {
		r := []Value{{Text: fmt.Sprint("z", i%7)}, DateValue(time.Date(2024, 1, 1+i%400, 0, 0, 0, 0, time.UTC)),
			{Bool: i%3 == 0}, {Text: "Hai"}, {Text: fmt.Sprint("w", i%600)}, {Num: float64(i)}, {Text: fmt.Sprint("v", i)}}
		if i%5 == 0 {
			r = []Value{{Empty: true}, {Empty: true}, {Empty: true}, {Empty: true}, {Empty: true}, {Empty: true}, {Text: fmt.Sprint("v", i)}}
		}
		p.table.add(2+i, r)
	}
	p.table.done()
	tb := p.table
	for k := range tb.cols {
		texts := tb.Texts(k)
		for _, w := range [][2]int{{0, n}, {0, chunkLen}, {chunkLen, chunkLen}, {chunkLen - 7, 300}, {n - 1, 1}, {5, 0}} {
			from, m := w[0], w[1]
			days, codes := make([]int32, m), make([]uint32, m)
			empty, yes := make([]bool, m), make([]bool, m)
			tb.Days(k, from, days)
			tb.Codes(k, from, codes)
			tb.Flags(k, from, empty, yes)
			for r := range m {
				v := tb.Row(from + r).Cell(k)
				got := Value{Text: texts[codes[r]], day: days[r], Bool: yes[r], Empty: empty[r], Num: v.Num}
				if got != v {
					t.Fatalf("column %d row %d: bulk %+v, cell %+v", k, from+r, got, v)
				}
			}
		}
	}
	if tb.cols[tb.Col("w")].kind != kindText {
		t.Error("column w was not widened: the test misses 4-byte category codes")
	}
}
