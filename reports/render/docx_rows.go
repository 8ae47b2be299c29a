package render

import (
	"bytes"
	"encoding/xml"
	"strings"
)

// wRows are the body rows of a bordered table, written one at a time: an
// appendix of thousands of late dossiers is never held as elements. Each
// column's cell is encoded once by encoding/xml around a marker, and each
// row is those bytes with its texts (made safe by docxText and escaped by
// xml.EscapeText, as encoding/xml escapes character data) in place of the
// marker: the same bytes as encoding every cell, a tenth of the work.
type wRows struct {
	rows  [][]string
	trPr  string      // the row's properties, first inside w:tr
	cells []wCellForm // by column
}

// wCellForm is a column's cell as XML: before and after its text, and
// whole when the text is empty (a paragraph without a run).
type wCellForm struct {
	before, after, empty string
}

// cellMarker stands for a cell's text in its encoded form: a private-use
// character, which docxText keeps and XML escaping leaves as it is.
const cellMarker = "\uE000"

// newRows prepares rows whose cells are made by cell (column, text).
func newRows(rows [][]string, columns int, trPr *wTrPr, cell func(i int, s string) wTc) (*wRows, error) {
	r := &wRows{rows: rows}
	pr, err := encodeElement(trPr, "w:trPr")
	if err != nil {
		return nil, err
	}
	r.trPr = pr
	for i := range columns {
		full, err := encodeElement(cell(i, cellMarker), "w:tc")
		if err != nil {
			return nil, err
		}
		empty, err := encodeElement(cell(i, ""), "w:tc")
		if err != nil {
			return nil, err
		}
		before, after, _ := strings.Cut(full, cellMarker)
		r.cells = append(r.cells, wCellForm{before, after, empty})
	}
	return r, nil
}

func encodeElement(v any, name string) (string, error) {
	var b bytes.Buffer
	if err := xml.NewEncoder(&b).EncodeElement(v, xml.StartElement{Name: xml.Name{Local: name}}); err != nil {
		return "", err
	}
	return b.String(), nil
}

// wRawRow is a w:tr whose content is written as it is.
type wRawRow struct {
	Inner []byte `xml:",innerxml"`
}

// MarshalXML writes the rows, each a w:tr element.
func (r *wRows) MarshalXML(e *xml.Encoder, _ xml.StartElement) error {
	start := xml.StartElement{Name: xml.Name{Local: "w:tr"}}
	var b bytes.Buffer
	for _, row := range r.rows {
		b.Reset()
		b.WriteString(r.trPr)
		for i, c := range r.cells {
			if row[i] == "" {
				b.WriteString(c.empty)
				continue
			}
			b.WriteString(c.before)
			xml.EscapeText(&b, []byte(docxText(row[i])))
			b.WriteString(c.after)
		}
		if err := e.EncodeElement(wRawRow{b.Bytes()}, start); err != nil {
			return err
		}
	}
	return nil
}
