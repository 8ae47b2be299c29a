package render

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/text/unicode/norm"
)

// Page geometry in mm (Nghị định 30/2020/NĐ-CP, Phụ lục I, II.1.d: top
// and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; each margin is set
// inside its range, not on its edge).
const (
	pageW, pageH                   = 210.0, 297.0
	marginL, marginR               = 31.0, 18.0
	marginT, marginB               = 21.0, 21.0
	contentW                       = pageW - marginL - marginR
	landscapeW                     = pageH - marginL - marginR
	indent                         = 12.7 // first-line indent
	bodySize, bodyLine, paraAfter  = 13.0, 6.2, 2.5
	tableSize, tableLine, cellPadY = 11.0, 4.8, 1.2
	docTitleSize                   = 14.0 // "BÁO CÁO", the summary, "Kính gửi", the appendices' headings
	summaryWidth                   = contentW - 20
	family                         = "LiberationSerif" // the measuring font's family
)

// pdfDoc is a PDF under construction with its own cursor and page breaks.
type pdfDoc struct {
	f             *fpdf.Fpdf
	doc           *Doc
	layout        *Layout
	width, height float64 // of the current page's content area and page
	bodyEnd       float64 // where the body ended before the closing paragraph
	created       time.Time
	family        string // the embedded font's family: "TimesNewRoman", "LiberationSerif"
	// pageBase is the number of pages before the current part: 0 in the
	// report, the report's pages in its first appendix, and so on, so
	// that each appendix numbers its own pages.
	pageBase int
}

// PDF renders the report as an administrative document.
func PDF(d *Doc) ([]byte, error) { return PDFOf(d, d.Layout()) }

// PDFOf renders the report from its layout, d.Layout(), made once for
// the PDF and the Word draft.
func PDFOf(d *Doc, l *Layout) ([]byte, error) {
	p := newPDFOf(d, l)
	p.render()
	return p.output()
}

func newPDF(d *Doc) *pdfDoc { return newPDFOf(d, d.Layout()) }

func newPDFOf(d *Doc, l *Layout) *pdfDoc {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(marginL, marginT, marginR)
	f.SetAutoPageBreak(false, marginB)
	created := d.Generated
	if created.IsZero() {
		created = time.Now()
	}
	setInfo(f, d, l, created)
	f.SetLang("vi-VN")
	font := d.Font
	if font == nil {
		font = LiberationSerif
	}
	fam := strings.ReplaceAll(font.Name, " ", "")
	// In a fixed order, so that the same report gives the same bytes.
	f.AddUTF8FontFromBytes(fam, "", font.Regular)
	f.AddUTF8FontFromBytes(fam, "B", font.Bold)
	f.AddUTF8FontFromBytes(fam, "I", font.Italic)
	f.AddUTF8FontFromBytes(fam, "BI", font.BoldItalic)
	// Streams are compressed after (compressStreams): fpdf makes a new
	// compressor for each page.
	f.SetCompression(false)
	// Text starts where it is placed: no cell margin pushing a line past
	// the right margin.
	f.SetCellMargin(0)
	f.SetTextColor(0, 0, 0)
	f.SetDrawColor(0, 0, 0)
	p := &pdfDoc{f: f, doc: d, layout: l, width: contentW, height: pageH, created: created, family: fam}
	f.SetHeaderFunc(p.pageNumber)
	return p
}

func (p *pdfDoc) render() {
	p.f.AddPage()
	p.header()
	p.title()
	p.addressees()
	p.body()
	p.signature()
	for i := range p.layout.Appendices {
		p.appendix(&p.layout.Appendices[i])
	}
}

func (p *pdfDoc) output() ([]byte, error) {
	var buf bytes.Buffer
	if err := p.f.Output(&buf); err != nil {
		return nil, fmt.Errorf("render: pdf: %w", err)
	}
	pdf := buf.Bytes()
	if !p.f.GetCompression() {
		var err error
		if pdf, err = compressStreams(pdf); err != nil {
			return nil, err
		}
	}
	return zoneDates(pdf, p.created)
}

// Clean makes text safe for the PDF: NFC, and runes outside the Basic
// Multilingual Plane (emoji) or control characters replaced by "?".
func Clean(s string) string {
	s = norm.NFC.String(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r > 0xFFFF:
			return '?'
		case r == '\t' || r == '\n':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

func (p *pdfDoc) font(style string, size float64) {
	p.f.SetFont(p.family, style, size)
}

// pageNumber prints the page number centred in the top margin, from the
// second page of the report and of each appendix (Phụ lục I, II.1.đ and
// III.1).
func (p *pdfDoc) pageNumber() {
	n := p.f.PageNo() - p.pageBase
	if n < 2 {
		return
	}
	p.font("", 13)
	p.f.SetXY(marginL, 9)
	p.f.CellFormat(p.width, 6, fmt.Sprint(n), "", 0, "C", false, 0, "")
	p.f.SetXY(marginL, marginT)
}

// text writes one line of text centred in [x, x+w] at y.
func (p *pdfDoc) centred(x, y, w float64, style string, size float64, s string) float64 {
	p.font(style, size)
	p.f.SetXY(x, y)
	p.f.CellFormat(w, size*0.42, Clean(s), "", 0, "C", false, 0, "")
	return p.f.GetStringWidth(Clean(s))
}

// rule draws a solid horizontal rule of length l centred in [x, x+w].
func (p *pdfDoc) rule(x, y, w, l float64) {
	p.f.SetLineWidth(0.3)
	p.f.Line(x+(w-l)/2, y, x+(w+l)/2, y)
}

// The heading's two columns inside the margins, in mm from the page's
// left edge: the issuer at the left, the nation and motto at the right.
const (
	headLeftX, headLeftW   = marginL - 4, 66.0
	headRightX, headRightW = headLeftX + headLeftW, pageW - marginR - headLeftX - headLeftW
)

// header draws the two-column heading, the number and the date line. The
// issuer's lines wrap, balanced, when a name is too long for its column.
func (p *pdfDoc) header() {
	h := p.layout.Header
	y := marginT
	p.centred(headRightX, y, headRightW, "B", 12.5, h.Nation)
	p.centred(headRightX, y+5.5, headRightW, "B", 13, h.Motto)
	mottoW := textWidth(Clean(h.Motto), "B", 13)
	p.rule(headRightX, y+11.5, headRightW, mottoW)
	ly := y
	for _, l := range balance(Clean(h.Parent), "", 12.5, headLeftW) {
		p.centred(headLeftX, ly, headLeftW, "", 12.5, l)
		ly += 5.5
	}
	unitW := 0.0
	for _, l := range balance(Clean(h.Unit), "B", 12.5, headLeftW) {
		unitW = max(unitW, p.centred(headLeftX, ly, headLeftW, "B", 12.5, l))
		ly += 5.5
	}
	p.rule(headLeftX, ly+0.5, headLeftW, unitW*0.4)
	y = max(y+16, ly+5)
	p.centred(headLeftX, y, headLeftW, "", 13, h.Number)
	p.centred(headRightX, y, headRightW, "I", 13, h.DateLine)
	p.f.SetY(y + 14)
}

// title draws "BÁO CÁO" and the summary's balanced lines with a short
// rule under them.
func (p *pdfDoc) title() {
	y := p.f.GetY()
	p.centred(marginL, y, contentW, "B", docTitleSize, p.layout.Title)
	y += 6.5
	for _, l := range p.layout.SummaryLines {
		p.centred(marginL, y, contentW, "B", docTitleSize, l)
		y += 6.2
	}
	p.rule(marginL, y+0.8, contentW, 35)
	p.f.SetY(y + 7)
}

// addressees draws "Kính gửi:" (ô 9a), 14 pt upright, centred: one
// addressee on the label's line; several one per line under it, their
// dashes aligned with each other below the colon.
func (p *pdfDoc) addressees() {
	a := p.layout.Addressees
	if len(a.Lines) == 0 {
		return
	}
	p.font("", docTitleSize)
	y := p.f.GetY() - 1
	if !a.Several() {
		p.centred(marginL, y, contentW, "", docTitleSize, a.Label+" "+a.Lines[0])
		p.f.SetY(y + 6.5 + 4)
		return
	}
	label, under, width := addresseesGeometry(a)
	x := marginL + (contentW-width)/2
	p.f.SetXY(x, y)
	p.f.CellFormat(label, 6.5, a.Label, "", 0, "L", false, 0, "")
	for _, l := range a.Lines {
		y += 6.5
		p.f.SetXY(x+under, y)
		p.f.CellFormat(contentW-under, 6.5, Clean(l), "", 0, "L", false, 0, "")
	}
	p.f.SetY(y + 6.5 + 4)
}

// addresseesGeometry measures several addressees: the label's width, the
// offset of their dashes (under the colon) and the block's width, in mm.
func addresseesGeometry(a Addressees) (label, under, width float64) {
	label = textWidth(a.Label, "", docTitleSize)
	colon := textWidth(":", "", docTitleSize)
	under = label - colon/2 - textWidth("-", "", docTitleSize)/2
	width = label
	for _, l := range a.Lines {
		width = max(width, under+textWidth(Clean(l), "", docTitleSize))
	}
	return label, under, min(width, contentW)
}

// need starts a new page unless h mm fit above the bottom margin.
func (p *pdfDoc) need(h float64) {
	if p.f.GetY()+h > p.height-marginB {
		p.f.AddPageFormat(p.orientation(), fpdf.SizeType{Wd: pageW, Ht: pageH})
		p.f.SetY(marginT)
	}
}

// newPart starts the first page of an appendix, A4 landscape or portrait,
// which numbers its own pages; the pages after it keep its orientation.
func (p *pdfDoc) newPart(landscape bool) {
	p.pageBase = p.f.PageNo()
	o := "P"
	p.width, p.height = contentW, pageH
	if landscape {
		o = "L"
		p.width, p.height = landscapeW, pageW
	}
	p.f.AddPageFormat(o, fpdf.SizeType{Wd: pageW, Ht: pageH})
	p.f.SetY(marginT)
}

// heading writes a section heading: bold, capitals, at the left margin.
func (p *pdfDoc) heading(s string) {
	p.need(bodyLine * 3)
	p.paragraph(strings.ToUpper(s), "B", false)
}

// paragraph writes justified body text, with a first-line indent when
// indented.
func (p *pdfDoc) paragraph(s, style string, indented bool) {
	p.lines(p.breakLines(s, style, indented))
}

// textLine is one line of a paragraph: its words, where it starts, the
// width it may fill and the width its words take.
type textLine struct {
	words                  []string
	x, avail, width, space float64
	justify                bool
	style                  string
}

// breakLines breaks a paragraph into lines without drawing it.
func (p *pdfDoc) breakLines(s, style string, indented bool) []textLine {
	p.font(style, bodySize)
	words := strings.Fields(Clean(s))
	first := 0.0
	if indented {
		first = indent
	}
	space := p.f.GetStringWidth(" ")
	var out []textLine
	for len(words) > 0 {
		avail := contentW - first
		n, width := 0, 0.0
		for n < len(words) {
			w := p.f.GetStringWidth(words[n])
			if n > 0 && width+space+w > avail {
				break
			}
			if n > 0 {
				width += space
			}
			width += w
			n++
		}
		out = append(out, textLine{words: words[:n], x: marginL + first, avail: avail, width: width,
			justify: n < len(words), style: style, space: space})
		words, first = words[n:], 0
	}
	return out
}

// lines draws the lines of a paragraph, breaking the page where they reach
// the bottom margin, and the space after it.
func (p *pdfDoc) lines(ls []textLine) {
	for _, l := range ls {
		p.font(l.style, bodySize)
		p.need(bodyLine)
		p.line(l.words, l.x, l.avail, l.width, l.space, l.justify)
	}
	p.f.SetY(p.f.GetY() + paraAfter)
}

// paragraphHeight is the height lines take, with the space after them.
func paragraphHeight(ls []textLine) float64 { return float64(len(ls))*bodyLine + paraAfter }

// line places words on one line, spreading them to the full width when
// justified.
func (p *pdfDoc) line(words []string, x, avail, width, space float64, justify bool) {
	y := p.f.GetY()
	gap := space
	if justify && len(words) > 1 {
		gap = space + (avail-width)/float64(len(words)-1)
	}
	for _, w := range words {
		p.f.SetXY(x, y)
		ww := p.f.GetStringWidth(w)
		p.f.CellFormat(ww, bodyLine, w, "", 0, "L", false, 0, "")
		x += ww + gap
	}
	p.f.SetXY(marginL, y+bodyLine)
}
