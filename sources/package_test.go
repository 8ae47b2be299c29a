package sources

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Workbooks for the reading cases are made by the tests themselves, part
// by part, so each shows exactly the odd thing a real writer does.

type part struct{ name, text string }

const (
	xmlHead  = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`
	nsMain   = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	nsRels   = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relsOpen = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
	relType  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
)

// sheetXML wraps rows in a worksheet.
func sheetXML(rows string) string {
	return xmlHead + `<worksheet ` + nsMain + `><sheetData>` + rows + `</sheetData></worksheet>`
}

// bookParts is a minimal package with one sheet per body, named S1, S2…,
// at xl/worksheets/sheetN.xml, and no shared strings.
func bookParts(bodies ...string) []part {
	var sheets, rels strings.Builder
	parts := []part{
		{"[Content_Types].xml", xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/></Types>`},
		{"_rels/.rels", relsOpen + `<Relationship Id="rId1" Type="` + relType + `officeDocument" Target="xl/workbook.xml"/></Relationships>`},
	}
	for i, b := range bodies {
		fmt.Fprintf(&sheets, `<sheet name="S%d" sheetId="%d" r:id="rId%d"/>`, i+1, i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%sworksheet" Target="worksheets/sheet%d.xml"/>`, i+1, relType, i+1)
		parts = append(parts, part{fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), sheetXML(b)})
	}
	return append(parts,
		part{"xl/workbook.xml", xmlHead + `<workbook ` + nsMain + ` ` + nsRels + `><sheets>` + sheets.String() + `</sheets></workbook>`},
		part{"xl/_rels/workbook.xml.rels", relsOpen + rels.String() + `</Relationships>`})
}

// zipParts writes parts as a zip, entry names as given.
func zipParts(t testing.TB, parts []part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p.text))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// edit gives parts with the text of the one named replaced.
func edit(parts []part, name, text string) []part {
	out := append([]part(nil), parts...)
	for i := range out {
		if out[i].name == name {
			out[i].text = text
		}
	}
	return out
}

func rename(parts []part, from, to string) []part {
	out := append([]part(nil), parts...)
	for i := range out {
		if out[i].name == from {
			out[i].name = to
		}
	}
	return out
}

func without(parts []part, name string) []part {
	var out []part
	for _, p := range parts {
		if p.name != name {
			out = append(out, p)
		}
	}
	return out
}

// readPackage reads data as the dossiers source.
func readPackage(t testing.TB, data []byte, sheet string) (*Result, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "so-ho-so.xlsx")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return Read(Spec{Name: "dossiers", Path: p, Sheet: sheet}, dossierSchema())
}

// rowsOf reads every row of the first sheet of data, dense, by line.
func rowsOf(t *testing.T, data []byte) map[int][]string {
	t.Helper()
	wb, err := openWorkbook(data, 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	sr, err := wb.openSheet(wb.sheets[0].part)
	if err != nil {
		t.Fatal(err)
	}
	defer sr.close()
	out := map[int][]string{}
	for {
		row, line, ok, err := sr.next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return out
		}
		if _, dup := out[line]; dup {
			t.Fatalf("row %d returned twice", line)
		}
		out[line] = row.dense()
	}
}

// is writes an inline string cell.
func is(ref, text string) string {
	return `<c r="` + ref + `" t="inlineStr"><is><t>` + text + `</t></is></c>`
}

// dossierRows is a header and two dossiers, as rows 1–3.
var dossierRows = `<row r="1">` + is("A1", "Mã hồ sơ") + is("B1", "Lĩnh vực") + is("C1", "Ngày tiếp nhận") + is("D1", "Ngày hẹn trả") + `</row>` +
	`<row r="2">` + is("A2", "HS-1") + is("B2", "Tuyển sinh") + is("C2", "01/03/2024") + `<c r="D2"><v>45358</v></c></row>` +
	`<row r="3">` + is("A3", "HS-2") + is("B3", "Xử lý đơn") + is("C3", "02/03/2024") + is("D3", "09/03/2024") + `</row>`

func mustRead(t testing.TB, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
