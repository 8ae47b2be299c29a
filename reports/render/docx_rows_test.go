package render

import (
	"bytes"
	"encoding/xml"
	"testing"
)

// TestRowsAsEncodingXMLWrites: a bordered table's body rows, written
// from their texts, are the bytes encoding/xml writes for the same rows
// made as elements, whatever the texts hold (markup, quotes, line breaks,
// control characters, emoji, NFD, nothing).
func TestRowsAsEncodingXMLWrites(t *testing.T) {
	tb := &Table{Columns: []Column{{Title: "Mã", Width: 20, Align: "L"}, {Title: "Số", Width: 15, Align: "R"}, {Title: "Ngày", Width: 25, Align: "C"}},
		Rows: [][]string{
			{"HS-001", "12", "01/03/2024"},
			{`<a href="x">&amp;</a>`, "'1'", "a\tb\nc\rd"},
			{"", "\x00\x01", "Đăng ký 😀"},
			{"Khie\u0302\u0301u na\u0323i", "", ""},
			{"\uE000", "]]>", "\uFFFE"},
		}}
	got, err := docxBordered(tb)
	if err != nil {
		t.Fatal(err)
	}
	var a bytes.Buffer
	if err := xml.NewEncoder(&a).Encode(got); err != nil {
		t.Fatal(err)
	}
	// The same table with every row made as elements.
	want := *got
	want.Body = nil
	for _, r := range tb.Rows {
		tr := wTr{TrPr: &wTrPr{CantSplit: &wEmpty{}}}
		for i, c := range tb.Columns {
			jc := map[string]string{"L": "left", "C": "center", "R": "right"}[c.Align]
			tr.Cells = append(tr.Cells, wTc{TcPr: wTcPr{wTblWidth{twips(c.Width), "dxa"}},
				Paras: []wP{*docxPara(&wPPr{PStyle: &wVal{styleTable}, Jc: &wVal{jc}}, r[i], look{})}})
		}
		want.Rows = append(want.Rows, tr)
	}
	var b bytes.Buffer
	if err := xml.NewEncoder(&b).Encode(&want); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("rows written from texts:\n%s\nencoding/xml:\n%s", a.String(), b.String())
	}
	if !bytes.Contains(a.Bytes(), []byte("Khiếu nại")) || !bytes.Contains(a.Bytes(), []byte("&lt;a href=&#34;x&#34;&gt;&amp;amp;&lt;/a&gt;")) {
		t.Errorf("the texts are not there as expected: %s", a.String())
	}
}
