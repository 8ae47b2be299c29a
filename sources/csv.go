package sources

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

type csvRows struct {
	records [][]string
	lines   []int
	i       int
}

var utf8BOM = []byte("\xEF\xBB\xBF")

// DecodeCSV returns a CSV file's text as UTF-8: UTF-8 with or without a BOM
// is kept, anything else is read as Windows-1258 (legacy Vietnamese Excel).
// Normalisation to NFC happens cell by cell later.
func DecodeCSV(data []byte) []byte {
	data = bytes.TrimPrefix(data, utf8BOM)
	if utf8.Valid(data) {
		return data
	}
	out, err := charmap.Windows1258.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

func openCSV(spec Spec, data []byte, isHeader func([]string) bool) (rowReader, error) {
	text := DecodeCSV(data)
	best, bestScore := (*csvRows)(nil), -1
	var lastErr error
	for _, sep := range []rune{';', ',', '\t'} {
		rr, err := splitCSV(text, sep)
		if err != nil {
			lastErr = err
			continue
		}
		if s := rr.score(isHeader); s > bestScore {
			best, bestScore = rr, s
		}
	}
	if best == nil {
		return nil, &SourceError{Source: spec.Name, File: spec.Path,
			Message: "tệp CSV hỏng, không tách được các cột: xuất lại từ Excel dưới dạng CSV UTF-8", Err: lastErr}
	}
	return best, nil
}

func splitCSV(text []byte, sep rune) (*csvRows, error) {
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = sep, -1, true
	rr := &csvRows{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rr, nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		rr.records, rr.lines = append(rr.records, rec), append(rr.lines, line)
	}
}

// score rates a separator: the right one makes a header row appear, and
// splits the first rows into the most columns.
func (c *csvRows) score(isHeader func([]string) bool) int {
	widest, header := 0, false
	for i, rec := range c.records {
		if i >= HeaderSearchRows {
			break
		}
		widest = max(widest, len(rec))
		header = header || isHeader(rec)
	}
	if header {
		return widest + 1<<20
	}
	return widest
}

func (c *csvRows) next() ([]string, int, bool, error) {
	if c.i >= len(c.records) {
		return nil, 0, false, nil
	}
	c.i++
	return c.records[c.i-1], c.lines[c.i-1], true, nil
}

func (c *csvRows) close() {}
