package sources

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// seeds are cell texts met in the fixtures and samples.
var seeds = []string{
	"05/03/2024", "5/3/2024", "05-03-2024", "05.03.2024", "2024-03-05", "26/05/2024 10:56:23",
	"45356", "45289.3688425926", "31/02/2024", "", " Tuyển  sinh", "Có ", "x", "Không", "85,5%",
	"1.234,5", "0.385", "Tổng cộng", norm.NFD.String("Mã hồ sơ"), "Ngay tiep nhan", "=HYPERLINK(\"x\")", "😀",
}

func FuzzParseDate(f *testing.F) {
	for _, s := range seeds {
		f.Add(s, false)
	}
	f.Add("43894", true)
	f.Fuzz(func(t *testing.T, s string, date1904 bool) {
		d, err := ParseDate(s, date1904)
		if err != nil {
			return
		}
		if d.Year() < minYear || d.Year() > maxYear || d.Hour() != 0 || d.Location().String() != "UTC" {
			t.Fatalf("ParseDate(%q) = %v", s, d)
		}
		if back, err := ParseDate(d.Format("02/01/2006"), false); err != nil || !back.Equal(d) {
			t.Fatalf("%v does not read back: %v %v", d, back, err)
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumber(s)
		if err == nil && (v != v || v > 1e308 || v < -1e308) {
			t.Fatalf("ParseNumber(%q) = %v", s, v)
		}
	})
}

func FuzzParseYesNo(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, errA := ParseYesNo(s)
		b, errB := ParseYesNo(" " + norm.NFD.String(s) + " ")
		if a != b || (errA == nil) != (errB == nil) {
			t.Fatalf("%q and its NFD, padded form read differently: %v/%v, %v/%v", s, a, errA, b, errB)
		}
	})
}

func FuzzHeaderMatch(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	schema := dossierSchema()
	m := headerMatcher(schema, map[string][]string{"Mã hồ sơ": {"Số hồ sơ"}})
	f.Fuzz(func(t *testing.T, s string) {
		i := m.Match(s)
		if i < -1 || i >= len(schema.Columns) {
			t.Fatalf("Match(%q) = %d", s, i)
		}
		if j := m.Match("  " + norm.NFD.String(s) + "\t"); j != i {
			t.Fatalf("Match(%q) = %d but its NFD, padded form gives %d", s, i, j)
		}
	})
}

func FuzzReadCSV(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.csv")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("Mã hồ sơ;Lĩnh vực;Ngày tiếp nhận;Ngày hẹn trả\n\"A;1\";x;01/01/2024;bad\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "f.csv")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := Read(Spec{Name: "dossiers", Path: p}, dossierSchema())
		if err != nil {
			if !errors.Is(err, ErrUnusable) {
				t.Fatalf("error %v does not wrap ErrUnusable", err)
			}
			return
		}
		for _, r := range res.Table.Rows() {
			if len(r.Cells()) != len(res.Table.Schema.Columns) || r.Line < 1 {
				t.Fatalf("bad row %+v", r)
			}
		}
		for _, i := range res.Issues {
			if i.Row < 1 || i.Message == "" {
				t.Fatalf("bad issue %+v", i)
			}
		}
	})
}

// FuzzSheetRows feeds arbitrary XML to the sheet scanner: it may fail, but
// must not panic, and every row is within Excel's bounds, its cells in
// increasing columns, none empty or longer than a cell may be.
func FuzzSheetRows(f *testing.F) {
	f.Add(`<sheetData><row r="2"><c r="C2" t="s"><v>0</v></c></row><row><c t="inlineStr"><is><t>a&amp;b</t></is></c></row></sheetData>`)
	f.Add(`<row r="1"><c r="XFD1"><v>1</v></c><c r="A1" t="str"><f>1</f><v>x</v></c></row>`)
	f.Add(`<row r="3"/><row r="1"><c r="1A"/></row><c><v>9</v></c></row>`)
	f.Fuzz(func(t *testing.T, xml string) {
		s := newSheetRows(io.NopCloser(strings.NewReader(xml)), &sharedStrings{list: []string{"x"}})
		for n := 0; n < 10000; n++ {
			row, line, ok, err := s.next()
			if err != nil || !ok {
				return
			}
			if line < 1 || line > maxRows || len(row.col) != len(row.val) || len(row.col) > maxColumns {
				t.Fatalf("row %d with %d cells", line, len(row.col))
			}
			for i, j := range row.col {
				if j < 0 || j >= maxColumns || i > 0 && j <= row.col[i-1] || row.val[i] == "" || tooLong(row.val[i]) {
					t.Fatalf("row %d: cell %d at column %d = %q", line, i, j, row.val[i])
				}
			}
		}
	})
}

// FuzzReadXLSX feeds whole packages (zip bytes) to the reader: it may
// refuse them, always with ErrUnusable, but must not panic, and what it
// keeps is well formed. Seeds are the repository's workbooks and small
// packages with the odd things writers do, stored uncompressed and without
// checksums so that mutations reach the XML.
func FuzzReadXLSX(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.xlsx")
	for _, p := range files {
		f.Add(mustRead(f, p))
	}
	for _, rows := range []string{
		dossierRows,
		`<row r="1">` + is("A1", "a") + `</row><row r="1">` + is("B1", "b") + `</row><row r="0"><c r="7"><v>1</v></c></row>`,
		`<row r="1"><c r="A1" t="inlineStr"><v>1.0</v><is><t>_xD801__xDC05_</t></is></c><c r="XFD1" s="1"/></row>`,
		dossierRows + `<row r="4"><c r="B4" t="s"><v>0</v></c><c r="C4" t="d"><v>2024-03-05T00:00:00Z</v></c></row>`,
	} {
		parts := bookParts(rows)
		parts = append(parts, part{"xl/sharedStrings.xml", `<sst><si><t>Tuyển sinh</t></si></sst>`})
		f.Add(storedZip(f, parts))
	}
	schema := dossierSchema()
	f.Fuzz(func(t *testing.T, data []byte) {
		spec := Spec{Name: "dossiers", Path: "so.xlsx", Limits: Limits{MaxFileBytes: 1 << 20, MaxUnzipBytes: 16 << 20}}
		res, err := readData(spec, data, schema)
		if err != nil {
			if !errors.Is(err, ErrUnusable) {
				t.Fatalf("error %v does not wrap ErrUnusable", err)
			}
			return
		}
		for _, r := range res.Table.Rows() {
			if len(r.Cells()) != len(schema.Columns) || r.Line < 1 || r.Line > maxRows {
				t.Fatalf("bad row %+v", r)
			}
		}
		if len(res.Issues) > MaxWarnings+1 {
			t.Fatalf("%d issues", len(res.Issues))
		}
	})
}

// storedZip writes parts uncompressed with no checksum (archive/zip skips
// the check for a zero CRC), so a fuzzer's changes to the XML still open.
func storedZip(t testing.TB, parts []part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Store,
			CompressedSize64: uint64(len(p.text)), UncompressedSize64: uint64(len(p.text))})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.text)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
