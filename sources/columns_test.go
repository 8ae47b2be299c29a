package sources

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// keptRow is a row with its cells, for comparing and printing tables.
type keptRow struct {
	Line    int
	Cells   []Value
	Repeats bool
}

func keptRows(t *Table) []keptRow {
	var out []keptRow
	for _, r := range t.Rows() {
		out = append(out, keptRow{Line: r.Line, Cells: r.Cells(), Repeats: r.Repeats()})
	}
	return out
}

// TestTableKeepsEveryKind stores rows of every kind of cell, blank and
// filled, repeated and not, and reads the same Values back.
func TestTableKeepsEveryKind(t *testing.T) {
	schema := &Schema{Columns: []Column{
		{Key: "t", Header: "T", Kind: Text},
		{Key: "skip", Header: "Skip", Kind: Text},
		{Key: "d", Header: "D", Kind: Date},
		{Key: "y", Header: "Y", Kind: YesNo},
		{Key: "c", Header: "C", Kind: Category, Values: []string{"Một", "Hai"}},
		{Key: "n", Header: "N", Kind: Number},
		{Key: "u", Header: "U", Kind: Text, Unique: true},
	}}
	p := newParser(Spec{Name: "x", Keep: []string{"t", "d", "y", "c", "n", "u"}}, schema)
	day := DateValue(time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC))
	rows := [][]Value{
		{{Text: "a"}, {Text: "gone"}, day, {Bool: true}, {Text: "Hai"}, {Num: 1.5}, {Text: "u1"}},
		{{Text: "a"}, {Text: "other"}, day, {Bool: true}, {Text: "Hai"}, {Num: 1.5}, {Text: "u1"}}, // repeats the kept cells
		{{Empty: true}, {}, {Empty: true}, {Empty: true}, {Empty: true}, {Empty: true}, {Empty: true}},
		{{Text: "b"}, {}, DateValue(time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)), {}, {Text: "Một"}, {Num: -2}, {Text: "u2"}},
		{{Text: "a"}, {}, day, {}, {Text: "Hai"}, {Num: 1e300}, {Text: "u3"}},
	}
	var want []keptRow
	for n, r := range rows {
		p.table.add(10+n, r)
		kept := []Value{r[0], r[2], r[3], r[4], r[5], r[6]}
		want = append(want, keptRow{Line: 10 + n, Cells: kept, Repeats: n == 1})
	}
	for i := range 3 * chunkLen { // past the first blocks of the columns
		r := []Value{{Text: fmt.Sprint("z", i%7)}, {}, DateValue(time.Date(2024, 1, 1+i%400, 0, 0, 0, 0, time.UTC)),
			{Bool: i%3 == 0}, {Text: "Một"}, {Num: float64(i)}, {Text: fmt.Sprint("v", i)}}
		p.table.add(100+i, r)
		want = append(want, keptRow{Line: 100 + i, Cells: []Value{r[0], r[2], r[3], r[4], r[5], r[6]}})
	}
	p.table.done()
	if got := keptRows(p.table); !reflect.DeepEqual(got, want) {
		for i := range min(len(got), len(want)) {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("row %d of %d read back as %+v, want %+v", i, len(want), got[i], want[i])
			}
		}
		t.Errorf("%d rows read back, want %d", len(got), len(want))
	}
	if p.table.Len() != len(want) || p.table.Row(3).Cell(p.table.Col("c")).Text != "Một" || !p.table.Row(0).Cell(p.table.Col("d")).Date().Equal(day.Date()) {
		t.Errorf("Len %d, row 3 %+v", p.table.Len(), p.table.Row(3).Cells())
	}
}

// TestCategoryPastAByte keeps a category column that meets more distinct
// texts than a byte numbers (the reader gives listed spellings only; this
// is the safeguard), and reads them back.
func TestCategoryPastAByte(t *testing.T) {
	schema := &Schema{Columns: []Column{{Key: "c", Header: "C", Kind: Category, Values: []string{"Một", "Hai"}}}}
	p := newParser(Spec{Name: "x"}, schema)
	var want []keptRow
	for i := range 600 {
		v := Value{Text: "Hai"}
		if i%2 == 1 {
			v = Value{Text: fmt.Sprint("khác ", i)}
		}
		p.table.add(i+1, []Value{v})
		want = append(want, keptRow{Line: i + 1, Cells: []Value{v}})
	}
	p.table.done()
	if got := keptRows(p.table); !reflect.DeepEqual(got, want) {
		t.Errorf("read back %d rows, want %d; first %+v", len(got), len(want), got[:min(len(got), 3)])
	}
}
