package sources

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// csvRows streams the records of a CSV file.
type csvRows struct {
	r   *csv.Reader
	row cells
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

// openCSV picks the separator from the first rows: the right one makes a
// header row appear and splits them into the most columns. The file is then
// read once, record by record.
func openCSV(spec Spec, data []byte, isHeader func([]string) bool) (rowReader, error) {
	text := DecodeCSV(data)
	best, bestScore := rune(0), -1
	var lastErr error
	for _, sep := range []rune{';', ',', '\t'} {
		s, err := scoreSeparator(newCSVReader(text, sep), isHeader)
		if err != nil {
			lastErr = err
			continue
		}
		if s > bestScore {
			best, bestScore = sep, s
		}
	}
	if bestScore < 0 {
		return nil, &SourceError{Source: spec.Name, File: spec.Path,
			Message: "tệp CSV hỏng, không tách được các cột: xuất lại từ Excel dưới dạng CSV UTF-8", Err: lastErr}
	}
	return &csvRows{r: newCSVReader(text, best)}, nil
}

func newCSVReader(text []byte, sep rune) *csv.Reader {
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = sep, -1, true
	return r
}

// scoreSeparator rates the separator r splits with over the rows where a
// header may be.
func scoreSeparator(r *csv.Reader, isHeader func([]string) bool) (int, error) {
	widest, header := 0, false
	for range HeaderSearchRows {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return 0, err
		}
		widest = max(widest, len(rec))
		header = header || isHeader(rec)
	}
	if header {
		return widest + 1<<20, nil
	}
	return widest, nil
}

func (c *csvRows) next() (*cells, int, bool, error) {
	rec, err := c.r.Read()
	if errors.Is(err, io.EOF) {
		return nil, 0, false, nil
	}
	if err != nil {
		return nil, 0, false, err
	}
	line, _ := c.r.FieldPos(0)
	for j, v := range rec {
		if tooLong(v) {
			return nil, 0, false, &cellError{row: line, col: j, err: errCellTooLong, Message: tooLongHelp}
		}
	}
	c.row.fromSlice(rec)
	return &c.row, line, true, nil
}

func (c *csvRows) close() {}
