package sources

import "github.com/mn2010/baocao/internal/catalog"

// Kind is how a column's cells are read.
type Kind string

// The kinds of column.
const (
	Text     Kind = "text"     // any text, NFC, white space trimmed
	Date     Kind = "date"     // a calendar date (ParseDate)
	YesNo    Kind = "yesno"    // a yes/no cell (ParseYesNo)
	Category Kind = "category" // one of Values, compared like headers
	Number   Kind = "number"   // a number (ParseNumber)
)

// Column describes one column of a source.
type Column struct {
	Key      string   `toml:"key"`      // the name the plan uses for it
	Header   string   `toml:"header"`   // the header users write
	Aliases  []string `toml:"aliases"`  // other accepted headers
	Kind     Kind     `toml:"type"`     // how cells are read
	Required bool     `toml:"required"` // the header must exist; a row with the cell blank is left out
	// AllowEmpty keeps a row whose required cell is blank: blank is a
	// meaningful value there (a staff member with no official address).
	AllowEmpty bool     `toml:"allow_empty"`
	Unique     bool     `toml:"unique"` // duplicates are left out, first wins
	Values     []string `toml:"values"` // allowed values of a Category
}

// Schema describes a source: its columns, in no particular order.
type Schema struct {
	Title   string   `toml:"title"`
	Columns []Column `toml:"columns"`
}

// Validate checks a schema as loaded from a plan file.
func (s *Schema) Validate() error {
	seen := map[string]bool{}
	for _, c := range s.Columns {
		switch {
		case c.Key == "" || c.Header == "":
			return catalog.SchemaNoKey.Errorf(s.Title)
		case seen[c.Key]:
			return catalog.SchemaKeyTwice.Errorf(c.Key, s.Title)
		}
		seen[c.Key] = true
		switch c.Kind {
		case Text, Date, YesNo, Number:
		case Category:
			if len(c.Values) == 0 {
				return catalog.SchemaNoValues.Errorf(c.Header)
			}
		default:
			return catalog.SchemaType.Errorf(c.Header, c.Kind)
		}
	}
	return nil
}

// Index returns the position of the column with key, or -1.
func (s *Schema) Index(key string) int {
	for i, c := range s.Columns {
		if c.Key == key {
			return i
		}
	}
	return -1
}
