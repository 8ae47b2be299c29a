package sources

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// allColumns hides a reader's readColumns, so the parser decodes every
// column as it did before columns were skipped.
type allColumns struct{ rowReader }

// readBoth reads data as the dossiers source twice, skipping the values
// of unread columns and not, and returns both results.
func readBoth(t *testing.T, data []byte) (skipped, all *Result, errSkipped, errAll error) {
	t.Helper()
	spec := Spec{Name: "dossiers", Path: "so-ho-so.xlsx", Limits: DefaultLimits}
	skipped, errSkipped = readData(spec, data, dossierSchema())
	p := newParser(spec, dossierSchema())
	rr, sheet, err := openRows(spec, bytes.NewReader(data), int64(len(data)), p.isHeader)
	if err != nil {
		t.Fatal(err)
	}
	defer rr.close()
	p.table.Sheet = sheet
	if errAll = p.run(allColumns{rr}); errAll == nil {
		all = &Result{Table: p.table, Issues: p.issues}
	}
	return skipped, all, errSkipped, errAll
}

func str(ref, text string) string { return `<c r="` + ref + `" t="str"><v>` + text + `</v></c>` }
func num(ref, v string) string    { return `<c r="` + ref + `"><v>` + v + `</v></c>` }

// TestSkippedColumnsChangeNothing: the columns no schema column reads (a
// row number, a note, a far column) still decide whether a row is blank
// and whether it is a totals row, so skipping their values changes no
// row kept and no warning.
func TestSkippedColumnsChangeNothing(t *testing.T) {
	header := `<row r="1">` + is("A1", "STT") + is("B1", "Mã hồ sơ") + is("C1", "Lĩnh vực") + is("D1", "Ngày tiếp nhận") +
		is("E1", "Ngày hẹn trả") + is("F1", "Ghi chú") + `</row>`
	dossier := func(r, id string) string {
		return is("B"+r, id) + is("C"+r, "Tuyển sinh") + num("D"+r, "45352") + num("E"+r, "45358")
	}
	rows := header +
		`<row r="2">` + num("A2", "1") + dossier("2", "HS-1") + num("F2", "7") + num("Z2", "3") + `</row>` +
		`<row r="3">` + num("A3", "2") + `</row>` + // a number alone: not blank, its required cells are
		`<row r="4">` + str("A4", "   ") + str("F4", " ") + `</row>` + // white space only: blank
		`<row r="5">` + str("A5", "Tổng cộng") + num("D5", "45352") + `</row>` +
		`<row r="6">` + str("A6", " cộng: ") + num("F6", "12") + `</row>` +
		`<row r="7">` + str("A7", "Total") + `</row>` +
		`<row r="8">` + str("A8", "tổng hợp") + dossier("8", "HS-8") + `</row>` +
		`<row r="9">` + str("A9", "ct") + dossier("9", "HS-9") + `</row>` + // starts like a totals word, is not one
		`<row r="10">` + `<c r="A10" t="e"><v>#N/A</v></c>` + str("F10", "Tổng") + `</row>` +
		`<row r="11">` + num("A11", "11") + str("B11", "Tổng cộng") + `</row>` + // first cell a number: not totals
		`<row r="12">` + dossier("12", "HS-12") + `<c r="A12" t="b"><v>1</v></c>` + `</row>` +
		`<row r="13">` + num("XFD13", "1") + `</row>` +
		`<row r="14">` + str("Q14", "Tổng số") + `</row>` +
		`<row r="15">` + dossier("15", "HS-15") + str("F15", "ghi chú _x000D_ dài") + `</row>`
	skipped, all, errS, errA := readBoth(t, zipParts(t, bookParts(rows)))
	if errS != nil || errA != nil {
		t.Fatalf("errors: %v / %v", errS, errA)
	}
	if !reflect.DeepEqual(skipped.Table.Rows, all.Table.Rows) {
		t.Errorf("rows differ:\nskipping: %+v\nall:      %+v", skipped.Table.Rows, all.Table.Rows)
	}
	if !reflect.DeepEqual(skipped.Issues, all.Issues) {
		t.Errorf("warnings differ:\nskipping: %+v\nall:      %+v", skipped.Issues, all.Issues)
	}
	if len(skipped.Table.Rows) < 4 || len(skipped.Issues) < 6 {
		t.Errorf("the case lost its point: %d rows, %d warnings", len(skipped.Table.Rows), len(skipped.Issues))
	}
	for _, i := range skipped.Issues {
		if strings.Contains(i.Message, "tổng cộng") && i.Row == 5 && i.Value != "Tổng cộng" {
			t.Errorf("the totals warning names %q", i.Value)
		}
	}

	// A skipped cell is still refused for its length.
	long := header + `<row r="2">` + dossier("2", "HS-1") + str("F2", strings.Repeat("x", maxCellChars+1)) + `</row>`
	_, _, errS, errA = readBoth(t, zipParts(t, bookParts(long)))
	if errS == nil || errA == nil || errS.Error() != errA.Error() {
		t.Errorf("a cell too long in a skipped column: %v / %v", errS, errA)
	}
}
