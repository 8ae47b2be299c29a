package render

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"golang.org/x/text/unicode/norm"
)

// Page geometry in mm (Nghị định 30/2020/NĐ-CP, Phụ lục I).
const (
	pageW, pageH                   = 210.0, 297.0
	marginL, marginR               = 30.0, 15.0
	marginT, marginB               = 20.0, 20.0
	contentW                       = pageW - marginL - marginR
	indent                         = 12.7 // first-line indent
	bodySize, bodyLine, paraAfter  = 13.0, 6.2, 2.5
	tableSize, tableLine, cellPadY = 11.0, 4.8, 1.2
	family                         = "LiberationSerif"
)

// pdfDoc is a PDF under construction with its own cursor and page breaks.
type pdfDoc struct {
	f             *fpdf.Fpdf
	doc           *Doc
	layout        *Layout
	width, height float64 // of the current page's content area and page
	bodyEnd       float64 // where the body ended before the closing paragraph
	created       time.Time
}

// PDF renders the report as an administrative document.
func PDF(d *Doc) ([]byte, error) {
	p := newPDF(d)
	p.render()
	return p.output()
}

func newPDF(d *Doc) *pdfDoc {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(marginL, marginT, marginR)
	f.SetAutoPageBreak(false, marginB)
	created := d.Generated
	if created.IsZero() {
		created = time.Now()
	}
	l := d.Layout()
	setInfo(f, d, l, created)
	f.SetLang("vi-VN")
	for style, ttf := range map[string][]byte{"": liberationserifregular.TTF, "B": liberationserifbold.TTF,
		"I": liberationserifitalic.TTF, "BI": liberationserifbolditalic.TTF} {
		f.AddUTF8FontFromBytes(family, style, ttf)
	}
	f.SetTextColor(0, 0, 0)
	f.SetDrawColor(0, 0, 0)
	p := &pdfDoc{f: f, doc: d, layout: l, width: contentW, height: pageH, created: created}
	f.SetHeaderFunc(p.pageNumber)
	return p
}

func (p *pdfDoc) render() {
	p.f.AddPage()
	p.header()
	p.title()
	p.body()
	p.signature()
	p.charts()
	p.appendix()
}

func (p *pdfDoc) output() ([]byte, error) {
	var buf bytes.Buffer
	if err := p.f.Output(&buf); err != nil {
		return nil, fmt.Errorf("render: pdf: %w", err)
	}
	return zoneDates(buf.Bytes(), p.created)
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
	p.f.SetFont(family, style, size)
}

// pageNumber prints the page number centred in the top margin, from page 2.
func (p *pdfDoc) pageNumber() {
	if p.f.PageNo() < 2 {
		return
	}
	p.font("", 13)
	p.f.SetXY(marginL, 8)
	p.f.CellFormat(p.width, 6, fmt.Sprint(p.f.PageNo()), "", 0, "C", false, 0, "")
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

// header draws the two-column heading, the number and the date line.
func (p *pdfDoc) header() {
	h := p.layout.Header
	const leftX, leftW = 20.0, 80.0
	const rightX, rightW = 95.0, 105.0
	y := marginT
	p.centred(leftX, y, leftW, "", 12.5, h.Parent)
	p.centred(rightX, y, rightW, "B", 12.5, h.Nation)
	y += 5.5
	unitW := p.centred(leftX, y, leftW, "B", 12.5, h.Unit)
	mottoW := p.centred(rightX, y, rightW, "B", 13, h.Motto)
	p.rule(leftX, y+6, leftW, unitW*0.4)
	p.rule(rightX, y+6, rightW, mottoW)
	y += 10
	p.centred(leftX, y, leftW, "", 13, h.Number)
	p.centred(rightX, y, rightW, "I", 13, h.DateLine)
	p.f.SetY(y + 14)
}

// title draws "BÁO CÁO" and the summary line with a short rule under it.
func (p *pdfDoc) title() {
	y := p.f.GetY()
	p.centred(marginL, y, contentW, "B", 14, p.layout.Title)
	p.font("B", 14)
	lines := p.f.SplitText(Clean(p.layout.Summary), contentW-20)
	y += 6.5
	for _, l := range lines {
		p.centred(marginL, y, contentW, "B", 14, l)
		y += 6.2
	}
	p.rule(marginL, y+0.8, contentW, 35)
	p.f.SetY(y + 7)
}

// need starts a new page unless h mm fit above the bottom margin.
func (p *pdfDoc) need(h float64) {
	if p.f.GetY()+h > p.height-marginB {
		p.f.AddPageFormat(p.orientation(), fpdf.SizeType{Wd: pageW, Ht: pageH})
		p.f.SetY(marginT)
	}
}

// landscape starts a landscape A4 page; the pages after it stay landscape.
func (p *pdfDoc) landscape() {
	p.width, p.height = pageH-marginL-marginR, pageW
	p.f.AddPageFormat("L", fpdf.SizeType{Wd: pageW, Ht: pageH})
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
