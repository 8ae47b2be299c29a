package sources

import (
	"bytes"
	"os"
	"path/filepath"
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
	if !reflect.DeepEqual(keptRows(skipped.Table), keptRows(all.Table)) {
		t.Errorf("rows differ:\nskipping: %+v\nall:      %+v", keptRows(skipped.Table), keptRows(all.Table))
	}
	if !reflect.DeepEqual(skipped.Issues, all.Issues) {
		t.Errorf("warnings differ:\nskipping: %+v\nall:      %+v", skipped.Issues, all.Issues)
	}
	if skipped.Table.Len() < 4 || len(skipped.Issues) < 6 {
		t.Errorf("the case lost its point: %d rows, %d warnings", skipped.Table.Len(), len(skipped.Issues))
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

// TestIgnoredColumnsChangeNothing: a text column neither kept, required
// nor unique (the dossiers' "Tên thủ tục" when only the dates are counted)
// is not read at all, and the rows and warnings are those of reading
// every column.
func TestIgnoredColumnsChangeNothing(t *testing.T) {
	rows := `<row r="1">` + is("A1", "Mã hồ sơ") + is("B1", "Tên thủ tục") + is("C1", "Lĩnh vực") + is("D1", "Ngày tiếp nhận") + is("E1", "Ngày hẹn trả") + `</row>` +
		`<row r="2">` + is("A2", "HS-1") + num("B2", "12") + is("C2", "Tuyển sinh") + num("D2", "45352") + num("E2", "45358") + `</row>` +
		`<row r="3">` + str("B3", "Tổng cộng") + num("D3", "45352") + `</row>` +
		`<row r="4">` + str("B4", "  ") + `</row>` +
		`<row r="5">` + num("B5", "3") + `</row>` +
		`<row r="6">` + is("A6", "HS-6") + is("B6", "Cấp bằng") + is("C6", "Tuyển sinh") + is("D6", "ngày mai") + num("E6", "45358") + `</row>` +
		`<row r="7">` + is("A7", "HS-1") + is("B7", strings.Repeat("y", 100)) + is("C7", "Tuyển sinh") + num("D7", "45352") + num("E7", "45358") + `</row>`
	p := filepath.Join(t.TempDir(), "so-ho-so.xlsx")
	if err := os.WriteFile(p, zipParts(t, bookParts(rows)), 0o644); err != nil {
		t.Fatal(err)
	}
	keep := []string{"id", "received", "due"}
	some, err := Read(Spec{Name: "dossiers", Path: p, Keep: keep}, dossierSchema())
	if err != nil {
		t.Fatal(err)
	}
	if ignoredColumns(dossierSchema(), some.Table.cells)[dossierSchema().Index("procedure")] != true {
		t.Fatal("the case lost its point: procedure is read")
	}
	all, err := Read(Spec{Name: "dossiers", Path: p}, dossierSchema())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(some.Issues, all.Issues) || len(some.Issues) < 3 {
		t.Errorf("warnings differ:\nkeeping some: %+v\nall:          %+v", some.Issues, all.Issues)
	}
	if some.Table.Len() != all.Table.Len() {
		t.Fatalf("%d rows kept, %d reading every column", some.Table.Len(), all.Table.Len())
	}
	for n, r := range some.Table.Rows() {
		a := all.Table.Row(n)
		for _, k := range keep {
			if r.Line != a.Line || r.Cell(some.Table.Col(k)) != a.Cell(all.Table.Col(k)) {
				t.Errorf("row %d, %s: %+v, reading every column %+v", r.Line, k, r.Cell(some.Table.Col(k)), a.Cell(all.Table.Col(k)))
			}
		}
	}
}
