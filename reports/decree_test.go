package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The tests below hold the example reports, the PDF and the Word draft as
// LibreOffice prints it, against the layout rules of Nghị định
// 30/2020/NĐ-CP, Phụ lục I (docs/document.md quotes each), measuring
// positions, sizes and styles with PyMuPDF (testdata/pdf_spans.py).

// pdfLayout is what testdata/pdf_spans.py reads: each page's lines, their
// boxes in mm from the top left corner, and their spans.
type pdfLayout struct {
	Pages []struct {
		Width, Height float64
		Lines         []pdfLine
	}
	Fonts []string
}

type pdfLine struct {
	X0, X1, Y0, Y1 float64
	Text           string
	Spans          []struct {
		Text         string
		Size         float64
		Font         string
		Bold, Italic bool
	}
}

// style is the line's first span's: size and bold/italic.
func (l pdfLine) size() float64 { return l.Spans[0].Size }
func (l pdfLine) bold() bool    { return l.Spans[0].Bold }
func (l pdfLine) italic() bool  { return l.Spans[0].Italic }

func readPDFLayout(t *testing.T, pdf string) *pdfLayout {
	t.Helper()
	requirePython(t, "fitz")
	var stderr bytes.Buffer
	cmd := exec.Command(debianPython, "testdata/pdf_spans.py", pdf)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("PyMuPDF cannot read %s: %v\n%s", pdf, err, stderr.String())
	}
	var l pdfLayout
	if err := json.Unmarshal(out, &l); err != nil {
		t.Fatal(err)
	}
	return &l
}

// decreeCase is one of the checker's two runs.
type decreeCase struct {
	report, label string
	number        int
	issued        time.Time
	numberLine    string // "Số: 05/BC-MN2010"
	dateLine      string
	appendices    []string // "Phụ lục" headings, in order
}

var decreeCases = []decreeCase{
	{"monthly", "2024-03", 5, time.Date(2024, 4, 5, 0, 0, 0, 0, time.UTC), "Số: 05/BC-MN2010", "Quận 1, ngày 05 tháng 4 năm 2024", []string{"Phụ lục"}},
	{"annual", "2024", 12, time.Date(2024, 12, 18, 0, 0, 0, 0, time.UTC), "Số: 12/BC-MN2010", "Quận 1, ngày 18 tháng 12 năm 2024", []string{"Phụ lục I", "Phụ lục II"}},
}

// TestDecree30Layout makes the monthly report of March 2024 and the annual
// report of 2024 and measures the PDF and the Word draft as LibreOffice
// prints it.
func TestDecree30Layout(t *testing.T) {
	requireTool(t, "soffice")
	requirePython(t, "fitz")
	for _, c := range decreeCases {
		t.Run(c.report, func(t *testing.T) {
			e, _ := makeWith(t, exampleMaker(t, 2024, 12, 18), c.report, c.label, Options{Number: c.number, Issued: c.issued})
			base := filepath.Join(e.Dir, "bao-cao-cchc-"+c.label)
			t.Run("pdf", func(t *testing.T) { checkDecree(t, c, readPDFLayout(t, base+".pdf")) })
			t.Run("docx", func(t *testing.T) { checkDecree(t, c, readPDFLayout(t, soffice(t, base+".docx", "pdf", ".pdf"))) })
		})
	}
}

// between reports whether v lies in [lo, hi], to a hundredth of a unit.
func between(v, lo, hi float64) bool { return v >= lo-0.01 && v <= hi+0.01 }

var (
	pageNumberLine = regexp.MustCompile(`^\d+$`)
	capitalInside  = regexp.MustCompile(`kế hoạch [A-ZĐÀ-Ỹ][a-zà-ỹ]`)
)

func checkDecree(t *testing.T, c decreeCase, doc *pdfLayout) {
	for _, f := range doc.Fonts {
		if n := strings.ToLower(f); !strings.Contains(n, "liberationserif") && !strings.Contains(n, "timesnewroman") {
			t.Errorf("font %q: want Times New Roman or its twin Liberation Serif", f)
		}
	}
	var all []pdfLine
	find := func(pred func(pdfLine) bool) (int, pdfLine) {
		for p, pg := range doc.Pages {
			for _, l := range pg.Lines {
				if pred(l) {
					return p, l
				}
			}
		}
		t.Helper()
		return -1, pdfLine{}
	}
	// Paper and margins (II.1.c–d): A4; top and bottom 20–25 mm, left
	// 30–35 mm, right 15–20 mm. Page numbers sit in the top margin.
	partStart := map[int]bool{0: true}
	minLeft, minRight := math.Inf(1), math.Inf(1) // over the portrait pages
	for p, pg := range doc.Pages {
		if !(math.Abs(pg.Width-210) < 1 && math.Abs(pg.Height-297) < 1) && !(math.Abs(pg.Width-297) < 1 && math.Abs(pg.Height-210) < 1) {
			t.Errorf("page %d is %.0f × %.0f mm, not A4", p+1, pg.Width, pg.Height)
		}
		left, right := math.Inf(1), 0.0
		for _, l := range pg.Lines {
			all = append(all, l)
			if pageNumberLine.MatchString(l.Text) && l.Y1 < 20 {
				continue
			}
			if strings.HasPrefix(l.Text, "Phụ lục") {
				partStart[p] = true
			}
			left, right = min(left, l.X0), max(right, l.X1)
			if l.Y0 < 20-0.01 || l.Y1 > pg.Height-20+0.01 {
				t.Errorf("page %d: %q at %.1f–%.1f mm from the top, inside the top or bottom margin", p+1, l.Text, l.Y0, l.Y1)
			}
		}
		if left < 30-0.01 || pg.Width-right < 15-0.01 {
			t.Errorf("page %d: text from %.1f mm to %.1f mm from the right edge, inside the left (30 mm) or right (15 mm) margin", p+1, left, pg.Width-right)
		}
		if pg.Width < pg.Height {
			minLeft, minRight = min(minLeft, left), min(minRight, pg.Width-right)
		}
	}
	if !between(minLeft, 30, 35) || !between(minRight, 15, 20) {
		t.Errorf("the text reaches %.1f mm from the left edge and %.1f mm from the right, want margins 30–35 and 15–20 mm", minLeft, minRight)
	}
	// Page numbers (II.1.đ, III.1): from the second page of the report and
	// of each appendix, Arabic numerals, 13–14 pt, centred in the top margin.
	n := 0
	for p, pg := range doc.Pages {
		if partStart[p] {
			n = 0
		}
		n++
		var num *pdfLine
		for i, l := range pg.Lines {
			if pageNumberLine.MatchString(l.Text) && l.Y1 < 20 {
				num = &pg.Lines[i]
			}
		}
		switch {
		case n == 1 && num != nil:
			t.Errorf("page %d, the first of its part, carries number %s", p+1, num.Text)
		case n > 1 && num == nil:
			t.Errorf("page %d has no number, want %d", p+1, n)
		case n > 1 && (num.Text != fmt.Sprint(n) || !between(num.size(), 13, 14) || math.Abs((num.X0+num.X1)/2-(30+pg.Width-18)/2) > 6):
			t.Errorf("page %d: number %q (%.1f pt) at %.1f–%.1f mm, want %d, 13–14 pt, centred", p+1, num.Text, num.size(), num.X0, num.X1, n)
		}
	}
	page1 := doc.Pages[0].Lines
	line := func(text string) (pdfLine, bool) {
		for _, l := range page1 {
			if strings.Contains(l.Text, text) {
				return l, true
			}
		}
		t.Errorf("page 1 lacks %q", text)
		return pdfLine{}, false
	}
	// Ô 1: quốc hiệu capitals 12–13 pt bold; tiêu ngữ 13–14 pt bold.
	if l, ok := line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"); ok && (!l.bold() || !between(l.size(), 12, 13)) {
		t.Errorf("quốc hiệu: %.1f pt bold %v, want 12–13 pt bold", l.size(), l.bold())
	}
	if l, ok := line("Độc lập - Tự do - Hạnh phúc"); ok && (!l.bold() || !between(l.size(), 13, 14)) {
		t.Errorf("tiêu ngữ: %.1f pt bold %v, want 13–14 pt bold", l.size(), l.bold())
	}
	// Ô 3 and 4: the number 13 pt upright with a leading zero; the place
	// and date 13–14 pt italic on its line.
	num, ok1 := line(c.numberLine)
	date, ok2 := line(c.dateLine)
	if ok1 && (num.bold() || num.italic() || !between(num.size(), 13, 13)) {
		t.Errorf("%q: %.1f pt bold %v italic %v, want 13 pt upright", num.Text, num.size(), num.bold(), num.italic())
	}
	if ok2 && (!date.italic() || !between(date.size(), 13, 14)) {
		t.Errorf("%q: %.1f pt italic %v, want 13–14 pt italic", date.Text, date.size(), date.italic())
	}
	if ok1 && ok2 && math.Abs(num.Y1-date.Y1) > 1 {
		t.Errorf("the number (%.1f mm) and the date line (%.1f mm) are not on one line", num.Y1, date.Y1)
	}
	// Ô 5a: "BÁO CÁO" bold 13–14 pt centred; the summary bold 13–14 pt,
	// no word alone on its last line.
	title, _ := line("BÁO CÁO")
	var summary []pdfLine
	kinhGui := -1
	for i, l := range page1 {
		if l.Y0 > title.Y1-0.5 && l.bold() && between(l.size(), 13, 14) && kinhGui < 0 {
			summary = append(summary, l)
		}
		if strings.HasPrefix(l.Text, "Kính gửi:") {
			kinhGui = i
		}
	}
	if !title.bold() || !between(title.size(), 13, 14) || math.Abs((title.X0+title.X1)/2-(31+192)/2.0) > 3 {
		t.Errorf("BÁO CÁO: %.1f pt bold %v at %.1f–%.1f mm, want 13–14 pt bold centred", title.size(), title.bold(), title.X0, title.X1)
	}
	if len(summary) == 0 || len(strings.Fields(summary[len(summary)-1].Text)) < 2 {
		t.Errorf("the summary's last line stands alone: %v", summary)
	}
	// Ô 9a: "Kính gửi:" and the one addressee on the same line, 13–14 pt
	// upright, between the title block and the body.
	if kinhGui < 0 {
		t.Fatal("no line starts with \"Kính gửi:\"")
	}
	k := page1[kinhGui]
	if k.Text != "Kính gửi: Phòng Nội vụ Quận 1" || k.bold() || k.italic() || !between(k.size(), 13, 14) {
		t.Errorf("Kính gửi line %q (%.1f pt bold %v italic %v), want \"Kính gửi: Phòng Nội vụ Quận 1\" 13–14 pt upright", k.Text, k.size(), k.bold(), k.italic())
	}
	if len(summary) > 0 && k.Y0 < summary[len(summary)-1].Y1 {
		t.Errorf("Kính gửi above the summary")
	}
	if _, h := find(func(l pdfLine) bool { return strings.HasPrefix(l.Text, "I. ") }); h.Y0 < k.Y1 && h.Text != "" {
		t.Errorf("the body's first heading %q is above Kính gửi", h.Text)
	}
	// Ô 9b: "Nơi nhận:" 12 pt bold italic level with the signer's title at
	// the left margin; the list 11 pt, "- Như trên;" first, "- Lưu: VT…."
	// last; ô 7: the title and the name 13–14 pt bold.
	sp, sig := find(func(l pdfLine) bool { return strings.HasPrefix(l.Text, "Nơi nhận:") })
	if sp < 0 {
		t.Fatal("no \"Nơi nhận:\"")
	}
	if !sig.bold() || !sig.italic() || !between(sig.size(), 12, 12) || sig.X0 > 31.5 {
		t.Errorf("Nơi nhận: %.1f pt bold %v italic %v at %.1f mm, want 12 pt bold italic at the left margin", sig.size(), sig.bold(), sig.italic(), sig.X0)
	}
	var list []pdfLine
	var signer pdfLine
	for _, l := range doc.Pages[sp].Lines {
		if l.Y0 > sig.Y0 && strings.HasPrefix(l.Text, "- ") && l.X0 < 40 {
			list = append(list, l)
		}
		if l.Text == "HIỆU TRƯỞNG" {
			signer = l
		}
	}
	if len(list) < 2 || list[0].Text != "- Như trên;" || !strings.HasPrefix(list[len(list)-1].Text, "- Lưu: VT") || !strings.HasSuffix(list[len(list)-1].Text, ".") {
		t.Errorf("Nơi nhận list %v, want \"- Như trên;\" … \"- Lưu: VT….\"", lineTexts(list))
	}
	for _, l := range list {
		if !between(l.size(), 11, 11) || l.bold() || l.italic() {
			t.Errorf("recipient %q: %.1f pt, want 11 pt upright", l.Text, l.size())
		}
	}
	if signer.Text == "" || !signer.bold() || !between(signer.size(), 13, 14) || math.Abs(signer.Y1-sig.Y1) > 1.5 {
		t.Errorf("signer's title %q (%.1f pt bold %v) at %.1f mm, Nơi nhận at %.1f mm: want 13–14 pt bold, level", signer.Text, signer.size(), signer.bold(), signer.Y1, sig.Y1)
	}
	// III.1: each appendix "Phụ lục" (I, II when two or more) lower case
	// 14 pt bold, its title in capitals 13–14 pt bold, the note in italics,
	// and the body refers to each.
	var heads []string
	for p, pg := range doc.Pages {
		for i, l := range pg.Lines {
			if !strings.HasPrefix(l.Text, "Phụ lục") || i > 2 {
				continue
			}
			heads = append(heads, l.Text)
			if !l.bold() || l.italic() || !between(l.size(), 14, 14) {
				t.Errorf("page %d: %q %.1f pt bold %v, want 14 pt bold upright", p+1, l.Text, l.size(), l.bold())
			}
			j := i + 1
			for ; j < len(pg.Lines) && !pg.Lines[j].italic(); j++ {
				title := pg.Lines[j]
				if title.Text != strings.ToUpper(title.Text) || !title.bold() || !between(title.size(), 13, 14) {
					t.Errorf("page %d: appendix title %q (%.1f pt bold %v), want capitals 13–14 pt bold", p+1, title.Text, title.size(), title.bold())
				}
			}
			var note []string
			for _, l := range pg.Lines[j:] {
				if !l.italic() {
					break
				}
				if !between(l.size(), 13, 14) {
					t.Errorf("page %d: appendix note %q at %.1f pt, want 13–14 pt italic", p+1, l.Text, l.size())
				}
				note = append(note, l.Text)
			}
			want := fmt.Sprintf("(Kèm theo Báo cáo số %s %s của Trường Mầm non 20/10)",
				strings.TrimPrefix(c.numberLine, "Số: "), strings.TrimPrefix(c.dateLine, "Quận 1, "))
			if got := strings.Join(note, " "); got != want {
				t.Errorf("page %d: appendix note %q, want %q", p+1, got, want)
			}
		}
	}
	if !slices.Equal(heads, c.appendices) {
		t.Errorf("appendices %q, want %q", heads, c.appendices)
	}
	var text []string
	for _, l := range all {
		text = append(text, l.Text)
	}
	body := spaces.ReplaceAllString(strings.Join(text, " "), " ")
	for _, h := range c.appendices {
		if !strings.Contains(body, "chi tiết tại "+h+".") {
			t.Errorf("the body does not refer to %q", h)
		}
	}
	// Typography: no capital inside a sentence; a short value never broken.
	if m := capitalInside.FindAllString(body, -1); len(m) > 0 {
		t.Errorf("capitals inside a sentence: %q", m)
	}
	for _, l := range all {
		if l.Text == "Không" || l.Text == "đạt" {
			t.Errorf("a status broken inside its cell: a line %q alone", l.Text)
		}
	}
	// A table's header row never stands alone at a page's foot: below the
	// last header (bold 11 pt) on a page, at least two lines of its rows.
	for p, pg := range doc.Pages {
		last := -1.0
		for _, l := range pg.Lines {
			if l.bold() && between(l.size(), 11, 11) {
				last = max(last, l.Y1)
			}
		}
		if last < 0 {
			continue
		}
		rows := map[int]bool{}
		for _, l := range pg.Lines {
			if !l.bold() && between(l.size(), 11, 11) && l.Y0 > last && utf8.RuneCountInString(l.Text) > 0 {
				rows[int(l.Y0)] = true
			}
		}
		if len(rows) < 2 {
			t.Errorf("page %d ends with a table's header and %d lines of its rows", p+1, len(rows))
		}
	}
}

func lineTexts(ls []pdfLine) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Text)
	}
	return out
}
