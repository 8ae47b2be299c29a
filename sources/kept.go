package sources

// Kept returns the kept position (for Row.Cell) of the column with key, or -1
// when the schema lacks it or the table did not keep it (Col panics then).
func (t *Table) Kept(key string) int {
	i := t.Schema.Index(key)
	if i < 0 || i >= len(t.cells) {
		return -1
	}
	return t.cells[i]
}
