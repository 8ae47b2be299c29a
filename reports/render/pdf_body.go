package render

// TextData is what the period texts are filled with.
func TextData(d *Doc) any { return textData(d) }

func textData(d *Doc) textFields {
	return textFields{PeriodWords: d.PeriodWords(), UnitName: d.Unit.Name, PlanReference: d.PlanReference,
		From: Date(d.Period.From), To: Date(d.Period.To), Year: d.Period.Year}
}

// body draws the layout's blocks in order.
func (p *pdfDoc) body() {
	for _, b := range p.layout.Body {
		switch b.Kind {
		case Heading:
			p.heading(b.Text)
		case Paragraph:
			p.paragraph(b.Text, "", true)
		case TableBlock:
			p.table(pdfColumns(b.Table.Columns), b.Table.Rows)
		}
	}
}

// pdfColumns are a layout table's columns as the PDF table takes them.
func pdfColumns(cs []Column) []column {
	out := make([]column, len(cs))
	for i, c := range cs {
		out[i] = column{c.Title, c.Width, c.Align}
	}
	return out
}

// appendix draws the appendix on landscape pages: its table is too wide
// for portrait.
func (p *pdfDoc) appendix() {
	a := p.layout.Appendix
	if a == nil {
		return
	}
	p.landscape()
	y := p.f.GetY()
	p.centred(marginL, y, p.width, "B", 13, a.Heading)
	p.centred(marginL, y+6, p.width, "B", 13, a.Title)
	p.centred(marginL, y+12, p.width, "I", 13, a.Note)
	p.f.SetY(y + 21)
	p.table(pdfColumns(a.Table.Columns), a.Table.Rows)
}

// signature draws "Nơi nhận:" at the left and the signer's block at the
// right, level with each other.
func (p *pdfDoc) signature() {
	s := p.layout.Signature
	p.need(55)
	y := p.f.GetY() + 2
	p.font("BI", 12)
	p.f.SetXY(marginL, y)
	p.f.CellFormat(60, 5, s.Label, "", 0, "L", false, 0, "")
	p.font("", 11)
	ry := y + 5.5
	for _, r := range s.Recipients {
		p.f.SetXY(marginL, ry)
		p.f.CellFormat(75, 4.8, Clean(r), "", 0, "L", false, 0, "")
		ry += 4.8
	}
	const sx, sw = 110.0, 85.0
	p.centred(sx, y, sw, "B", 13, s.Title)
	p.centred(sx, y+30, sw, "B", 13, s.Name)
	p.f.SetY(max(ry, y+36))
}
