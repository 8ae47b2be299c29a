package render

// TextData is what the period texts are filled with.
func TextData(d *Doc) any { return textData(d) }

func textData(d *Doc) textFields {
	return textFields{PeriodWords: d.PeriodWords(), UnitName: d.Unit.Name, PlanReference: d.PlanReference,
		From: Date(d.Period.From), To: Date(d.Period.To), Year: d.Period.Year, NextYear: d.Period.Next().Year}
}

// body draws the layout's blocks in order.
func (p *pdfDoc) body() {
	for i, b := range p.layout.Body {
		switch b.Kind {
		case Heading:
			p.heading(b.Text)
		case Paragraph:
			ls := p.breakLines(b.Text, "", true)
			if b.KeepWithNext {
				p.keep(ls, i == len(p.layout.Body)-1)
			}
			p.lines(ls)
		case TableBlock:
			p.table(pdfColumns(b.Table.Columns), b.Table.Rows)
		}
	}
}

// keep starts a new page unless the paragraph ls fits on this one with the
// start of what follows: the next block's first lines, or, after the last
// block, the whole signature. An office never lets a signature stand alone
// on a page, where it could be put behind any text.
func (p *pdfDoc) keep(ls []textLine, last bool) {
	follow := 2 * bodyLine
	if last {
		p.bodyEnd = p.f.GetY()
		follow = p.signatureHeight()
	}
	p.need(paragraphHeight(ls) + follow)
}

// pdfColumns are a layout table's columns as the PDF table takes them.
func pdfColumns(cs []Column) []column {
	out := make([]column, len(cs))
	for i, c := range cs {
		out[i] = column{c.Title, c.Width, c.Align}
	}
	return out
}

// appendix draws an appendix (Phụ lục I, III.1) from a new page, which
// numbers its own pages: "Phụ lục" in lower case, bold 14 pt; the title in
// capitals, bold 14 pt; the note in italics; then its table on landscape
// pages (too wide for portrait) or the page of figures.
func (p *pdfDoc) appendix(a *Appendix) {
	p.newPart(a.Table != nil)
	y := p.f.GetY()
	p.centred(marginL, y, p.width, "B", docTitleSize, a.Heading)
	y += 6.5
	for _, l := range a.TitleLines {
		p.centred(marginL, y, p.width, "B", docTitleSize, l)
		y += 6.2
	}
	for _, l := range balance(Clean(a.Note), "I", 13, p.width-10) {
		p.centred(marginL, y, p.width, "I", 13, l)
		y += 6
	}
	p.f.SetY(y + 4)
	if a.Table != nil {
		p.table(pdfColumns(a.Table.Columns), a.Table.Rows)
		return
	}
	p.charts()
}

// Geometry of the signature block, in mm.
const (
	signatureGap   = 2.0  // above it
	recipientsTop  = 5.5  // "Nơi nhận:" to the first recipient
	recipientLine  = 4.8  // each recipient
	signatureSpace = 30.0 // the signer's title to the name: room to sign and stamp
	signatureName  = 6.0  // the name's line
)

// signatureHeight is the height signature takes.
func (p *pdfDoc) signatureHeight() float64 {
	n := float64(len(p.layout.Signature.Recipients))
	return signatureGap + max(recipientsTop+n*recipientLine, signatureSpace+signatureName)
}

// signature draws "Nơi nhận:" at the left and the signer's block at the
// right, level with each other.
func (p *pdfDoc) signature() {
	s := p.layout.Signature
	p.need(p.signatureHeight())
	y := p.f.GetY() + signatureGap
	p.font("BI", 12)
	p.f.SetXY(marginL, y)
	p.f.CellFormat(60, 5, s.Label, "", 0, "L", false, 0, "")
	p.font("", 11)
	ry := y + recipientsTop
	for _, r := range s.Recipients {
		p.f.SetXY(marginL, ry)
		p.f.CellFormat(75, recipientLine, Clean(r), "", 0, "L", false, 0, "")
		ry += recipientLine
	}
	const sx, sw = 110.0, 85.0
	p.centred(sx, y, sw, "B", 13, s.Title)
	p.centred(sx, y+signatureSpace, sw, "B", 13, s.Name)
	p.f.SetY(max(ry, y+signatureSpace+signatureName))
}
