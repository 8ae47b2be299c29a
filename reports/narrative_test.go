package reports

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/narrative"
	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/reports/render"
	"github.com/mn2010/baocao/sources"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// inOrder checks that each of want appears in text after the one before,
// and returns the first missing or misplaced one.
func inOrder(text string, want ...string) (string, bool) {
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			return w, false
		}
		at += i + len(w)
	}
	return "", true
}

// narrativeOrder is what the document must say, in order, for the texts of
// man: each part's texts where the layout puts them, after the generated
// text of their section.
func narrativeOrder(t *testing.T, man *Manifest) []string {
	t.Helper()
	texts := narrative.Narrative(man.Narrative)
	for _, p := range narrative.Parts {
		if len(texts.Texts(p)) == 0 {
			t.Fatalf("the example's %s has no %q text: the test would prove nothing", man.Period.Label, p)
		}
	}
	order := []string{"IV. ĐÁNH GIÁ CHUNG", "Trong kỳ, đơn vị đạt"}
	order = append(order, texts.Texts(narrative.Assessment)...)
	order = append(order, "Nguyên nhân:")
	order = append(order, texts.Texts(narrative.Causes)...)
	order = append(order, "V. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", "Tiếp tục thực hiện các chỉ tiêu")
	order = append(order, texts.Texts(narrative.Directions)...)
	order = append(order, "VI. ĐỀ XUẤT, KIẾN NGHỊ")
	order = append(order, texts.Texts(narrative.Proposals)...)
	return append(order, "Trên đây là báo cáo", "Nơi nhận:")
}

// TestNarrativeInEveryFormat: the clerk's texts for 2024-Q2 of the example
// data are in the manifest, in the PDF (as pdftotext reads it), in the Word
// draft and in the workbook, each where it belongs.
func TestNarrativeInEveryFormat(t *testing.T) {
	e, man := makeExample(t, "quarterly", "2024-Q2", Options{Number: 5})
	base := filepath.Join(e.Dir, "bao-cao-cchc-2024-Q2")
	order := narrativeOrder(t, man)

	found := false
	for _, in := range man.Inputs {
		if in.Source == "narrative" {
			found = in.Path == "examples/data/so-lieu-nhap-tay.xlsx" && in.Sheet == "Nhận xét" && len(in.SHA256) == 64
		}
	}
	if !found {
		t.Errorf("the manifest's inputs do not list the narrative sheet with its hash: %+v", man.Inputs)
	}

	t.Run("pdf", func(t *testing.T) {
		requireTool(t, "pdftotext")
		text := spaces.ReplaceAllString(run(t, "pdftotext", "-raw", base+".pdf", "-"), " ")
		if w, ok := inOrder(text, order...); !ok {
			t.Errorf("pdftotext: %q missing or out of place", w)
		}
	})
	t.Run("docx", func(t *testing.T) {
		paras := docxParagraphs(t, base+".docx")
		if w, ok := inOrder(strings.Join(paras, "\n"), order...); !ok {
			t.Errorf("document.xml: %q missing or out of place", w)
		}
		for _, s := range man.Narrative {
			if !contains(paras, s.Text) {
				t.Errorf("no paragraph of its own for %q", s.Text)
			}
		}
	})
	t.Run("python-docx", func(t *testing.T) {
		requirePythonDocx(t)
		// python-docx lists the body's paragraphs without those in tables
		// ("Nơi nhận:" is in the signature's).
		if w, ok := inOrder(strings.Join(readDocx(t, base+".docx").Paragraphs, "\n"), order[:len(order)-1]...); !ok {
			t.Errorf("python-docx: %q missing or out of place", w)
		}
	})
	t.Run("xlsx", func(t *testing.T) {
		f, err := excelize.OpenFile(base + ".xlsx")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		names := f.GetSheetList()
		if i := indexOf(names, render.SheetNarrative); i < 0 || names[i+1] != render.SheetWarnings {
			t.Fatalf("sheets %q: want %q before %q", names, render.SheetNarrative, render.SheetWarnings)
		}
		rows, err := f.GetRows(render.SheetNarrative)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) < 5 || strings.Join(rows[4], "|") != "STT|Phần|Nội dung|Dòng nguồn" {
			t.Fatalf("header row: %q", rows)
		}
		if got := len(rows) - 5; got != len(man.Narrative) {
			t.Errorf("%d rows, manifest has %d texts", got, len(man.Narrative))
		}
		for i, s := range man.Narrative {
			r := rows[5+i]
			if len(r) < 4 || r[1] != s.Part.String() || r[2] != s.Text {
				t.Errorf("row %d = %q, want %s: %q", 6+i, r, s.Part, s.Text)
			}
			typ, _ := f.GetCellType(render.SheetNarrative, "D"+strconv.Itoa(6+i))
			if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
				t.Errorf("row %d: the source row number is text", 6+i)
			}
		}
	})
}

// TestNoNarrativeAsBefore: a period nobody wrote for (2024-03 of the
// example data) has no narrative, no section VI and no sheet "Nhận xét".
func TestNoNarrativeAsBefore(t *testing.T) {
	e, man := makeExample(t, "monthly", "2024-03", Options{})
	if len(man.Narrative) != 0 {
		t.Fatalf("2024-03 has narrative %+v", man.Narrative)
	}
	f, err := excelize.OpenFile(filepath.Join(e.Dir, "bao-cao-cchc-2024-03.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if i, _ := f.GetSheetIndex(render.SheetNarrative); i >= 0 {
		t.Errorf("a sheet %q without texts", render.SheetNarrative)
	}
	paras := strings.Join(docxParagraphs(t, filepath.Join(e.Dir, "bao-cao-cchc-2024-03.docx")), "\n")
	if strings.Contains(paras, "VI. ĐỀ XUẤT") || strings.Contains(paras, "Nguyên nhân:") {
		t.Error("section VI or the causes' lead without texts")
	}
	if _, ok := inOrder(paras, "V. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", "Trên đây là báo cáo"); !ok {
		t.Error("section V is not followed by the closing")
	}
}

// exampleWithNarrative loads the example config with the narrative in a
// file of its own.
func exampleWithNarrative(t *testing.T, file string) *Settings {
	t.Helper()
	cfg, err := loadSettings(t, "../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Archive = t.TempDir()
	cfg.Sources["narrative"] = Source{Path: file}
	return cfg
}

// TestNarrativeWarningsInReport: in a file of its own (a CSV here), an
// unknown "Phần" and a bad "Kỳ báo cáo" are warnings of the report — in
// the manifest and the sheet "Dữ liệu cần kiểm tra" — and the good rows
// are used, in the PDF too.
func TestNarrativeWarningsInReport(t *testing.T) {
	file := filepath.Join(t.TempDir(), "nhan-xet.csv")
	os.WriteFile(file, []byte("\ufeffKỳ báo cáo,Phần,Nội dung\n"+
		"2024-Q2,Đánh giá chung,"+norm.NFD.String("Quý II tốt 👍")+"\n"+
		"2024-Q2,Kết luận,Phần không có.\n"+
		"Quý 2,Phương hướng,Kỳ ghi sai.\n"), 0o644)
	cfg := exampleWithNarrative(t, file)
	m, err := NewMaker(cfg, func() time.Time { return time.Date(2024, 6, 16, 7, 0, 0, 0, cfg.Location) })
	if err != nil {
		t.Fatal(err)
	}
	p, _ := m.Period("quarterly", "2024-Q2")
	e, man, err := m.Make("quarterly", p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// NFD text (a web form) comes out NFC; an emoji does not stop the PDF.
	if len(man.Narrative) != 1 || man.Narrative[0].Text != "Quý II tốt 👍" {
		t.Errorf("narrative %+v", man.Narrative)
	}
	var got []sources.Issue
	for _, i := range man.Issues {
		if i.Source == "narrative" {
			got = append(got, i)
		}
	}
	want := []struct {
		row                  int
		column, value, words string
	}{
		{3, "Phần", "Kết luận", "phần không có trong danh mục: ghi một trong Đánh giá chung; Nguyên nhân; Phương hướng; Đề xuất, kiến nghị"},
		{4, "Kỳ báo cáo", "Quý 2", "kỳ báo cáo không hợp lệ"},
	}
	if len(got) != len(want) {
		t.Fatalf("narrative warnings %+v, want %d", got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.File != "nhan-xet.csv" || g.Row != w.row || g.Column != w.column || g.Value != w.value || !strings.Contains(g.Message, w.words) {
			t.Errorf("warning %d = %+v, want row %d column %q value %q saying %q", i, g, w.row, w.column, w.value, w.words)
		}
	}
	f, err := excelize.OpenFile(filepath.Join(e.Dir, "bao-cao-cchc-2024-Q2.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(render.SheetWarnings)
	n := 0
	for _, r := range rows {
		if len(r) > 7 && r[1] == "Nhận xét, đề xuất" && strings.Contains(r[7], "chưa được đưa vào báo cáo") { // the source by its name, not its key
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d narrative warnings in the sheet %q, want 2", n, render.SheetWarnings)
	}
	requireTool(t, "pdftotext")
	if text := run(t, "pdftotext", "-raw", filepath.Join(e.Dir, "bao-cao-cchc-2024-Q2.pdf"), "-"); !strings.Contains(text, "Quý II tốt ?") {
		t.Errorf("the PDF lacks the text (the emoji as \"?\")")
	}
}

// TestNarrativeSourceChoice: a narrative file the config names must exist;
// without one, the manual workbook's sheet is read when it has one, and
// otherwise there is no narrative and no error.
func TestNarrativeSourceChoice(t *testing.T) {
	t.Run("named file missing", func(t *testing.T) {
		cfg := exampleWithNarrative(t, filepath.Join(t.TempDir(), "khong-co.xlsx"))
		m, err := NewMaker(cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = m.Read()
		if !errors.Is(err, sources.ErrUnusable) || !strings.Contains(err.Error(), "narrative") || !strings.Contains(err.Error(), "không tìm thấy tệp") {
			t.Errorf("err = %v, want the narrative file missing", err)
		}
	})
	t.Run("manual workbook without the sheet", func(t *testing.T) {
		cfg, err := loadSettings(t, "../config.example.toml")
		if err != nil {
			t.Fatal(err)
		}
		// The manual source is a copy of the example's workbook without
		// its sheet "Nhận xét".
		f, err := excelize.OpenFile("../examples/data/so-lieu-nhap-tay.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		if err := f.DeleteSheet("Nhận xét"); err != nil {
			t.Fatal(err)
		}
		copyPath := filepath.Join(t.TempDir(), "so-lieu-nhap-tay.xlsx")
		if err := f.SaveAs(copyPath); err != nil {
			t.Fatal(err)
		}
		f.Close()
		cfg.Sources["manual"] = Source{Path: copyPath}
		m, err := NewMaker(cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		data, err := m.Read()
		if err != nil {
			t.Fatal(err)
		}
		if data.Tables["narrative"] != nil || len(data.Inputs) != 8 {
			t.Errorf("narrative table %v, %d inputs; want none and the eight sources", data.Tables["narrative"], len(data.Inputs))
		}
	})
	t.Run("defaults", func(t *testing.T) {
		p, err := plan.Load("")
		if err != nil {
			t.Fatal(err)
		}
		if spec, ok := defaultSpec(p, map[string]sources.Spec{"manual": {Path: "so-lieu.XLSX"}}); !ok || spec.Name != "narrative" || spec.Sheet != "Nhận xét" || spec.Path != "so-lieu.XLSX" {
			t.Errorf("an xlsx manual source: %+v %v", spec, ok)
		}
		if spec, ok := defaultSpec(p, map[string]sources.Spec{"manual": {Path: "so-lieu.csv"}}); ok {
			t.Errorf("a CSV has no sheets, yet %+v", spec)
		}
		// With no source configured at all, the errors name the eight
		// required sources, not the optional narrative.
		_, err = Gather(p, map[string]sources.Spec{}, filepath.Base)
		if err == nil || strings.Contains(err.Error(), "narrative") || !strings.Contains(err.Error(), "[sources.manual]") {
			t.Errorf("err = %v", err)
		}
	})
}

// docxParagraphs reads the text of each paragraph of a .docx's body from
// its XML, without tools.
func docxParagraphs(t *testing.T, file string) []string {
	t.Helper()
	z, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name != "word/document.xml" {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		var paras []string
		var cur strings.Builder
		inText := false
		for dec := xml.NewDecoder(r); ; {
			tok, err := dec.Token()
			if err == io.EOF {
				return paras
			} else if err != nil {
				t.Fatal(err)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				inText = tok.Name.Local == "t"
				if tok.Name.Local == "p" {
					cur.Reset()
				}
			case xml.EndElement:
				inText = false
				if tok.Name.Local == "p" {
					paras = append(paras, cur.String())
				}
			case xml.CharData:
				if inText {
					cur.Write(tok)
				}
			}
		}
	}
	t.Fatalf("%s has no word/document.xml", file)
	return nil
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
