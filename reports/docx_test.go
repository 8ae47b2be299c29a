package reports

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/render"
)

// soffice converts a file headless with a profile of its own, so that
// parallel runs do not share one, and returns the converted file.
func soffice(t *testing.T, file, to, ext string) string {
	t.Helper()
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "soffice", "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", to, "--outdir", filepath.Join(dir, "out"), file)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice --convert-to %s %s: %v\n%s", to, file, err, out)
	}
	got := filepath.Join(dir, "out", strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))+ext)
	if st, err := os.Stat(got); err != nil || st.Size() == 0 {
		t.Fatalf("soffice did not convert %s to %s: %v\n%s", file, to, err, out)
	}
	if strings.Contains(strings.ToLower(string(out)), "error") {
		t.Errorf("soffice reports an error converting %s:\n%s", file, out)
	}
	return got
}

// docxInfo is what testdata/docx_check.py reads from a .docx with
// python-docx.
type docxInfo struct {
	Parts         []string
	Relationships []struct{ Source, ID, Type, Target string }
	Paragraphs    []string
	Tables        [][][]string
	RepeatsHeader []bool `json:"repeats_header"`
	Sections      []struct {
		Orientation        string
		WidthMM            float64 `json:"width_mm"`
		HeightMM           float64 `json:"height_mm"`
		TopMM              float64 `json:"top_mm"`
		BottomMM           float64 `json:"bottom_mm"`
		LeftMM             float64 `json:"left_mm"`
		RightMM            float64 `json:"right_mm"`
		DifferentFirstPage bool    `json:"different_first_page"`
		PageField          bool    `json:"page_field"`
		FirstPageHeader    string  `json:"first_page_header"`
	}
	Font string
}

func readDocx(t *testing.T, file string) docxInfo {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(debianPython, "testdata/docx_check.py", file)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python-docx cannot read %s: %v\n%s", file, err, stderr.String())
	}
	var info docxInfo
	if err := json.Unmarshal(out, &info); err != nil {
		t.Fatalf("docx_check.py output: %v", err)
	}
	return info
}

// exampleDocx makes the quarterly report of 2024-Q2 (it has late dossiers,
// so a landscape appendix) and returns its manifest and the path of its files without extension.
func exampleDocx(t *testing.T) (man *Manifest, base string) {
	t.Helper()
	e, man := makeExample(t, "quarterly", "2024-Q2", Options{Number: 5, Issued: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)})
	if len(man.Late) == 0 {
		t.Fatal("the example quarter has no late dossiers: the appendix is not exercised")
	}
	return man, filepath.Join(e.Dir, "bao-cao-cchc-2024-Q2")
}

// TestDOCXPackage checks the package as a consumer would, without tools:
// every part has a content type, every relationship resolves, every XML
// part is well-formed, and the document has the Decree 30 page set-up.
func TestDOCXPackage(t *testing.T) {
	man, base := exampleDocx(t)
	found := false
	for _, o := range man.Outputs {
		found = found || o.Path == "bao-cao-cchc-2024-Q2.docx"
	}
	if !found {
		t.Fatalf("manifest outputs lack the docx: %v", man.Outputs)
	}
	z, err := zip.OpenReader(base + ".docx")
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	parts := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], _ = io.ReadAll(r)
		r.Close()
		for dec := xml.NewDecoder(bytes.NewReader(parts[f.Name])); ; {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Errorf("%s is not well-formed XML: %v", f.Name, err)
				break
			}
		}
	}
	if z.File[0].Name != "[Content_Types].xml" {
		t.Errorf("first entry is %s, want [Content_Types].xml", z.File[0].Name)
	}
	var types struct {
		Default []struct {
			Extension string `xml:"Extension,attr"`
		}
		Override []struct {
			PartName string `xml:"PartName,attr"`
		}
	}
	if err := xml.Unmarshal(parts["[Content_Types].xml"], &types); err != nil {
		t.Fatal(err)
	}
	typed := map[string]bool{}
	for _, o := range types.Override {
		name := strings.TrimPrefix(o.PartName, "/")
		if _, ok := parts[name]; !ok {
			t.Errorf("content type for a missing part %s", o.PartName)
		}
		typed[name] = true
	}
	for name := range parts {
		for _, d := range types.Default {
			typed[name] = typed[name] || strings.HasSuffix(name, "."+d.Extension)
		}
		if !typed[name] && name != "[Content_Types].xml" {
			t.Errorf("part %s has no content type", name)
		}
	}
	for name, data := range parts {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var rels struct {
			Relationship []struct {
				ID     string `xml:"Id,attr"`
				Target string `xml:"Target,attr"`
			}
		}
		if err := xml.Unmarshal(data, &rels); err != nil {
			t.Fatal(err)
		}
		dir := path.Dir(path.Dir(name)) // the folder of the part the .rels belongs to
		for _, r := range rels.Relationship {
			if _, ok := parts[path.Clean(path.Join(dir, r.Target))]; !ok {
				t.Errorf("%s %s points to a missing part %s", name, r.ID, r.Target)
			}
		}
	}

	doc := string(parts["word/document.xml"])
	for _, want := range []string{
		`<w:pgSz w:w="11906" w:h="16838"></w:pgSz><w:pgMar w:top="1191" w:right="1020" w:bottom="1191" w:left="1757"`, // A4 portrait, 21/18/21/31 mm
		`<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"></w:pgSz>`,
		`<w:titlePg></w:titlePg>`, `<w:tblHeader></w:tblHeader>`, `w:val="none"`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if n := strings.Count(doc, "<w:sectPr>"); n != 2 {
		t.Errorf("%d sections, want 2 (the report and the landscape appendix)", n)
	}
	if !strings.Contains(string(parts["word/styles.xml"]), `w:ascii="Times New Roman"`) {
		t.Error("styles.xml does not set Times New Roman")
	}
}

// TestDOCXInLibreOffice opens the draft in LibreOffice Writer, as a
// principal would, and prints it to PDF: it has about as many pages as
// our PDF and says everything our PDF says.
func TestDOCXInLibreOffice(t *testing.T) {
	requireSoffice(t)
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		requireTool(t, tool)
	}
	man, base := exampleDocx(t)
	converted := soffice(t, base+".docx", "pdf", ".pdf")

	pages := func(pdf string) int {
		for _, l := range strings.Split(run(t, "pdfinfo", pdf), "\n") {
			if f := strings.Fields(l); len(f) == 2 && f[0] == "Pages:" {
				n, _ := strconv.Atoi(f[1])
				return n
			}
		}
		t.Fatalf("pdfinfo %s gives no page count", pdf)
		return 0
	}
	ours, theirs := pages(base+".pdf"), pages(converted)
	if theirs < ours-1 || theirs > ours+1 {
		t.Errorf("LibreOffice prints the docx on %d pages, our PDF has %d", theirs, ours)
	}

	ourText := run(t, "pdftotext", "-raw", base+".pdf", "-")
	text := spaces.ReplaceAllString(run(t, "pdftotext", "-raw", converted, "-"), " ")
	// Word for word, both ways: the draft says what the PDF says, no more.
	words := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(s) {
			m[w] = true
		}
		return m
	}
	ourWords, theirWords := words(ourText), words(text)
	for w := range ourWords {
		if !theirWords[w] {
			t.Errorf("our PDF says %q, the docx printed by LibreOffice does not", w)
		}
	}
	for w := range theirWords {
		if !ourWords[w] {
			t.Errorf("the docx printed by LibreOffice says %q, our PDF does not", w)
		}
	}
	want := []string{
		"ỦY BAN NHÂN DÂN QUẬN 1", "TRƯỜNG MẦM NON 20/10",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"Số: 05/BC-MN2010", "Quận 1, ngày 05 tháng 3 năm 2024",
		"BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính quý II năm 2024",
		"I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "IV. ĐÁNH GIÁ CHUNG",
		"Kính gửi: Phòng Nội vụ Quận 1", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "HIỆU TRƯỞNG", "Nguyễn Thị Hồng Vân",
		"Phụ lục",
	}
	for _, r := range man.Indicators {
		want = append(want, r.ID+". "+r.Text, render.ResultText(r), r.Status)
		for _, g := range r.Breakdown {
			want = append(want, "- Lĩnh vực "+g.Key, render.Percent(*g.Value))
		}
	}
	for _, l := range man.Late {
		want = append(want, l.ID)
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the docx printed by LibreOffice lacks %q", w)
		}
	}
	page2 := strings.Fields(run(t, "pdftotext", "-layout", "-f", "2", "-l", "2", converted, "-"))
	if len(page2) == 0 || page2[0] != "2" {
		t.Errorf("page 2 of the printed docx does not start with its number: %q", page2[:min(3, len(page2))])
	}
	if page1 := strings.Fields(run(t, "pdftotext", "-layout", "-f", "1", "-l", "1", converted, "-")); len(page1) > 0 && page1[0] == "1" {
		t.Errorf("page 1 of the printed docx carries a number")
	}
}

// TestDOCXReadByPythonDocx reads the draft with python-docx: every part
// and relationship resolves, the page set-up is Decree 30's, every table
// of the body repeats its header row, and the figures are there.
func TestDOCXReadByPythonDocx(t *testing.T) {
	requirePythonDocx(t)
	man, base := exampleDocx(t)
	info := readDocx(t, base+".docx")
	checkDocx(t, info, man)
	for _, want := range []string{"/word/document.xml", "/word/styles.xml", "/word/header1.xml", "/word/header2.xml", "/docProps/core.xml"} {
		if !contains(info.Parts, want) {
			t.Errorf("python-docx finds no part %s: %v", want, info.Parts)
		}
	}
	if info.Font != "Times New Roman" {
		t.Errorf("font %q, want Times New Roman", info.Font)
	}
	// Header (2 columns), indicators, dossiers, tasks, signature, appendix.
	want := []bool{false, true, true, true, false, true}
	if len(info.RepeatsHeader) != len(want) {
		t.Fatalf("%d tables, want %d", len(info.RepeatsHeader), len(want))
	}
	for i := range want {
		if info.RepeatsHeader[i] != want[i] {
			t.Errorf("table %d repeats its header row: %v, want %v", i, info.RepeatsHeader[i], want[i])
		}
	}
}

// TestDOCXSurvivesLibreOffice opens the draft in LibreOffice, changes
// nothing, saves it as .docx again, and reads the result: the figures and
// the page set-up survive.
func TestDOCXSurvivesLibreOffice(t *testing.T) {
	requireSoffice(t)
	requirePythonDocx(t)
	man, base := exampleDocx(t)
	resaved := soffice(t, base+".docx", "docx:MS Word 2007 XML", ".docx")
	checkDocx(t, readDocx(t, resaved), man)
}

// checkDocx compares what python-docx read with the manifest: the page
// set-up of both sections, page numbers from page 2, the header and the
// signature, and each indicator's row with its result and status.
func checkDocx(t *testing.T, info docxInfo, man *Manifest) {
	t.Helper()
	for _, r := range info.Relationships {
		if r.Target == "" {
			t.Errorf("relationship %s %s (%s) does not resolve", r.Source, r.ID, r.Type)
		}
	}
	if len(info.Sections) != 2 {
		t.Fatalf("%d sections, want 2", len(info.Sections))
	}
	for i, s := range info.Sections {
		w, h := 210.0, 297.0
		orient := "portrait"
		if i == 1 {
			w, h, orient = h, w, "landscape"
		}
		if s.Orientation != orient || s.WidthMM != w || s.HeightMM != h {
			t.Errorf("section %d is %s %v×%v mm, want %s %v×%v", i+1, s.Orientation, s.WidthMM, s.HeightMM, orient, w, h)
		}
		if !between(s.TopMM, 20, 25) || !between(s.BottomMM, 20, 25) || !between(s.LeftMM, 30, 35) || !between(s.RightMM, 15, 20) {
			t.Errorf("section %d margins %v/%v/%v/%v mm, want 20–25/20–25/30–35/15–20 (top/bottom/left/right)", i+1, s.TopMM, s.BottomMM, s.LeftMM, s.RightMM)
		}
		if !s.PageField {
			t.Errorf("section %d: the page header has no PAGE field", i+1)
		}
	}
	if !info.Sections[0].DifferentFirstPage || strings.TrimSpace(info.Sections[0].FirstPageHeader) != "" {
		t.Errorf("page 1 must carry no number: different first page %v, its header %q", info.Sections[0].DifferentFirstPage, info.Sections[0].FirstPageHeader)
	}

	var cells []string
	rows := map[string][]string{} // indicator row by its "ID. Text" cell
	for _, tb := range info.Tables {
		for _, r := range tb {
			cells = append(cells, r...)
			if len(r) == 6 { // STT, Chỉ tiêu, Kế hoạch, Kết quả, So với kỳ trước, Đánh giá
				rows[r[1]] = r
			}
		}
	}
	all := strings.Join(append(append([]string{}, info.Paragraphs...), cells...), "\n")
	for _, w := range []string{"ỦY BAN NHÂN DÂN QUẬN 1", "TRƯỜNG MẦM NON 20/10", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Số: 05/BC-MN2010", "Quận 1, ngày 05 tháng 3 năm 2024", "BÁO CÁO", "Nơi nhận:", "- Lưu: VT.", "HIỆU TRƯỞNG",
		"Nguyễn Thị Hồng Vân", "Phụ lục"} {
		if !strings.Contains(all, w) {
			t.Errorf("the docx lacks %q", w)
		}
	}
	for _, r := range man.Indicators {
		row, ok := rows[r.ID+". "+r.Text]
		if !ok {
			t.Errorf("no table row for indicator %s", r.ID)
			continue
		}
		if !strings.HasPrefix(row[3], render.ResultText(r)) || row[5] != r.Status {
			t.Errorf("indicator %s: result %q status %q, want %q and %q", r.ID, row[3], row[5], render.ResultText(r), r.Status)
		}
		if row[4] != render.ChangeText(r) {
			t.Errorf("indicator %s: comparison %q, want %q", r.ID, row[4], render.ChangeText(r))
		}
	}
	for _, l := range man.Late {
		if !contains(cells, l.ID) {
			t.Errorf("appendix lacks late dossier %s", l.ID)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
