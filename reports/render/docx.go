package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationserifbold"
	"golang.org/x/text/unicode/norm"
)

// DOCX renders the report as an editable Word draft: the same Layout as
// the PDF, on the same pages (A4, the same margins, Times New Roman), with
// the header and the signature as borderless tables, tables whose header
// row repeats, the appendix as a landscape section, and page numbers from
// page 2 in the page header.
func DOCX(d *Doc) ([]byte, error) { return DOCXWith(d, d.Layout(), nil) }

// DOCXWith renders the Word draft from its layout, d.Layout(), with its
// figures drawn ahead by DrawFigures(d); nil figures are drawn here.
func DOCXWith(d *Doc, l *Layout, figs *Figures) ([]byte, error) {
	w := &docxWriter{measure: newMeasurer(), doc: d, figs: figs}
	w.header(l.Header)
	w.title(l.Title, l.SummaryLines)
	w.addressees(l.Addressees)
	w.body(l.Body)
	w.signature(l.Signature)
	sect := w.section(false, false)
	for i := range l.Appendices {
		a := &l.Appendices[i]
		w.end(sect) // the section before ends where the appendix starts
		w.appendix(a)
		sect = w.section(a.Table != nil, true)
	}
	w.end(nil)
	if w.err != nil {
		return nil, w.err
	}
	doc := wDocument{W: nsW, R: nsR, Body: wBody{Content: w.content, SectPr: sect}}
	if len(w.pictures) > 0 {
		doc.WP, doc.A, doc.Pic = nsWP, nsA, nsPic
	}
	parts := docxParts(doc, l.Summary, d.Unit.Name, d.Generated)
	for _, p := range w.pictures {
		parts = append(parts, part{name: "word/media/" + p.name, raw: p.data})
		for i := range parts {
			if parts[i].name == "word/_rels/document.xml.rels" {
				r := parts[i].content.(relationships)
				r.Rels = append(r.Rels, relationship{p.rel, relBase + "image", "media/" + p.name})
				parts[i].content = r
			}
		}
	}
	return writePackage(parts, d.Generated)
}

// docxParts are the parts of the package around the document: the
// relationships, the properties, the styles and settings, the two page
// headers (page numbers, and none on page 1).
func docxParts(doc wDocument, title, creator string, generated time.Time) []part {
	stamp := generated.UTC().Format(time.RFC3339)
	if generated.IsZero() {
		stamp = "2024-01-01T00:00:00Z"
	}
	pageNumber := wHdr{W: nsW, R: nsR, Content: []any{&wP{PPr: &wPPr{Jc: &wVal{"center"}}, Runs: []wR{
		{RPr: docxSize(13), FldChar: &wFldChar{"begin"}},
		{RPr: docxSize(13), InstrText: &wText{Space: "preserve", Text: " PAGE "}},
		{RPr: docxSize(13), FldChar: &wFldChar{"separate"}},
		{RPr: docxSize(13), T: &wText{Text: "2"}},
		{RPr: docxSize(13), FldChar: &wFldChar{"end"}},
	}}}}
	return []part{
		{name: "_rels/.rels", content: relationships{NS: nsRels, Rels: []relationship{
			{"rId1", relBase + "officeDocument", "word/document.xml"},
			{"rId2", relCore, "docProps/core.xml"},
			{"rId3", relBase + "extended-properties", "docProps/app.xml"}}}},
		{name: "docProps/core.xml", contentType: "application/vnd.openxmlformats-package.core-properties+xml", content: coreProps{
			CP: "http://schemas.openxmlformats.org/package/2006/metadata/core-properties", DC: "http://purl.org/dc/elements/1.1/",
			DCTerms: "http://purl.org/dc/terms/", XSI: "http://www.w3.org/2001/XMLSchema-instance",
			Title: docxText(title), Creator: docxText(creator), Language: "vi-VN",
			Created: w3cdtf{"dcterms:W3CDTF", stamp}, Modified: w3cdtf{"dcterms:W3CDTF", stamp}}},
		{name: "docProps/app.xml", contentType: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
			content: appProps{NS: "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", Application: "baocao"}},
		{name: "word/_rels/document.xml.rels", content: relationships{NS: nsRels, Rels: []relationship{
			{"rId1", relBase + "styles", "styles.xml"},
			{"rId2", relBase + "settings", "settings.xml"},
			{relPageNumber, relBase + "header", "header1.xml"},
			{relFirstPage, relBase + "header", "header2.xml"}}}},
		{name: "word/document.xml", contentType: ctWML + "document.main+xml", content: doc},
		{name: "word/styles.xml", contentType: ctWML + "styles+xml", content: docxStyles()},
		{name: "word/settings.xml", contentType: ctWML + "settings+xml", content: wSettings{W: nsW, Tab: wVal{"720"},
			Compat: []wCompatS{{"compatibilityMode", "http://schemas.microsoft.com/office/word", "15"}}}},
		{name: "word/header1.xml", contentType: ctWML + "header+xml", content: pageNumber},
		{name: "word/header2.xml", contentType: ctWML + "header+xml", content: wHdr{W: nsW, R: nsR, Content: []any{&wP{}}}},
	}
}

// Relationship ids of the two page headers in word/document.xml.
const relPageNumber, relFirstPage = "rId3", "rId4"

// Style ids of word/styles.xml.
const (
	styleBody    = "NoiDung"
	styleHeading = "DeMuc"
	styleTable   = "Bang"
)

// twips converts millimetres to twentieths of a point.
func twips(mm float64) int { return int(math.Round(mm * 1440 / 25.4)) }

// halfPoints converts a font size in points to the format's half-points.
func halfPoints(pt float64) string { return strconv.Itoa(int(math.Round(pt * 2))) }

// docxText makes text safe for XML: NFC, tabs and line breaks as spaces,
// other control characters dropped. Unlike the PDF, emoji stay.
func docxText(s string) string {
	s = norm.NFC.String(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r), r == 0xFFFE, r == 0xFFFF:
			return -1
		}
		return r
	}, s)
}

// look is how a run looks.
type look struct {
	bold, italic bool
	size         float64 // points; 0 keeps the style's
}

func (f look) rPr() *wRPr {
	r := &wRPr{}
	if f.bold {
		r.B, r.BCs = &wEmpty{}, &wEmpty{}
	}
	if f.italic {
		r.I, r.ICs = &wEmpty{}, &wEmpty{}
	}
	if f.size > 0 {
		r.Sz, r.SzCs = &wVal{halfPoints(f.size)}, &wVal{halfPoints(f.size)}
	}
	if *r == (wRPr{}) {
		return nil
	}
	return r
}

func docxSize(pt float64) *wRPr { return look{size: pt}.rPr() }

// docxRun is one run of text.
func docxRun(s string, f look) wR {
	return wR{RPr: f.rPr(), T: &wText{Space: "preserve", Text: docxText(s)}}
}

// docxPara is a paragraph of one run; an empty text gives an empty paragraph.
func docxPara(ppr *wPPr, s string, f look) *wP {
	p := &wP{PPr: ppr}
	if s != "" {
		p.Runs = []wR{docxRun(s, f)}
	}
	return p
}

// docxCentre is a centred paragraph with spacing after (twips).
func docxCentre(after int) *wPPr {
	return &wPPr{Spacing: &wSpacing{After: after}, Jc: &wVal{"center"}}
}

// docxRule is a 1 pt high paragraph whose top border is a borderSolid rule between
// its indents, followed by after twips.
func docxRule(left, right, after int) *wP {
	return &wP{PPr: &wPPr{PBdr: &wPBdr{Top: &wBorder{Val: "single", Sz: 6, Space: 1, Color: "000000"}},
		Spacing: &wSpacing{Before: twips(1), After: after, Line: 20, LineRule: "exact"}, Ind: &wInd{Left: left, Right: right},
		RPr: docxSize(1)}}
}

// docxWriter builds the body of word/document.xml.
type docxWriter struct {
	content    []any
	afterTable bool                               // the next paragraph needs the space a table leaves
	measure    func(pt float64, s string) float64 // bold text's width, mm
	doc        *Doc                               // for the figures
	pictures   []picture                          // word/media
	figs       *Figures                           // the figures' pictures, drawn ahead or when needed
	err        error                              // the first error drawing a figure
}

func (w *docxWriter) add(x any) {
	w.content = append(w.content, x)
	_, w.afterTable = x.(*wTbl)
}

// header is the two-column heading as a borderless table, the columns
// where the PDF draws them, inside the margins.
func (w *docxWriter) header(h Header) {
	const leftW, rightW = headLeftW, headRightW
	unitRule := 0.0
	var left []wP
	for _, l := range balance(Clean(h.Parent), "", 12.5, leftW) {
		left = append(left, *docxPara(docxCentre(0), l, look{size: 12.5}))
	}
	for _, l := range balance(Clean(h.Unit), "B", 12.5, leftW) {
		left = append(left, *docxPara(docxCentre(0), l, look{bold: true, size: 12.5}))
		unitRule = max(unitRule, w.measure(12.5, l)*0.4)
	}
	mottoRule := w.measure(13, h.Motto)
	left = append(left, *docxRule(twips((leftW-unitRule)/2), twips((leftW-unitRule)/2), twips(3)))
	right := []wP{
		*docxPara(docxCentre(0), h.Nation, look{bold: true, size: 12.5}),
		*docxPara(docxCentre(0), h.Motto, look{bold: true, size: 13}),
		*docxRule(twips((rightW-mottoRule)/2), twips((rightW-mottoRule)/2), twips(3)),
	}
	w.add(docxBorderless([]float64{leftW, rightW}, headLeftX-marginL, [][][]wP{
		{left, right},
		{{*docxPara(docxCentre(0), h.Number, look{size: 13})}, {*docxPara(docxCentre(0), h.DateLine, look{italic: true, size: 13})}},
	}))
}

// title is "BÁO CÁO", the summary's balanced lines (broken where the PDF
// breaks them) and a 35 mm rule under it.
func (w *docxWriter) title(title string, summary []string) {
	w.add(docxPara(&wPPr{Spacing: &wSpacing{Before: twips(8.5)}, Jc: &wVal{"center"}}, title, look{bold: true, size: docTitleSize}))
	w.add(docxLines(&wPPr{Jc: &wVal{"center"}}, summary, look{bold: true, size: docTitleSize}))
	side := twips((contentW - 35) / 2)
	w.add(docxRule(side, side, twips(6)))
}

// docxLines is a paragraph of lines, each after the first on a new line.
func docxLines(ppr *wPPr, lines []string, f look) *wP {
	p := &wP{PPr: ppr}
	for i, l := range lines {
		r := docxRun(l, f)
		if i > 0 {
			r.Br = &wEmpty{}
		}
		p.Runs = append(p.Runs, r)
	}
	return p
}

// addressees is "Kính gửi:" (ô 9a), 14 pt upright: one addressee on the
// label's line, centred; several one per line, their dashes below the
// colon, the block centred as the PDF places it.
func (w *docxWriter) addressees(a Addressees) {
	if len(a.Lines) == 0 {
		return
	}
	f := look{size: docTitleSize}
	if !a.Several() {
		w.add(docxPara(&wPPr{Spacing: &wSpacing{After: twips(4)}, Jc: &wVal{"center"}}, a.Label+" "+a.Lines[0], f))
		return
	}
	_, under, width := addresseesGeometry(a)
	x := (contentW - width) / 2
	w.add(docxPara(&wPPr{KeepNext: &wEmpty{}, Ind: &wInd{Left: twips(x)}}, a.Label, f))
	for i, l := range a.Lines {
		ppr := &wPPr{KeepNext: &wEmpty{}, Ind: &wInd{Left: twips(x + under)}}
		if i == len(a.Lines)-1 {
			ppr.KeepNext, ppr.Spacing = nil, &wSpacing{After: twips(4)}
		}
		w.add(docxPara(ppr, l, f))
	}
}

func (w *docxWriter) body(blocks []Block) {
	for _, b := range blocks {
		switch b.Kind {
		case Heading:
			w.add(w.styled(styleHeading, b.Text))
		case Paragraph:
			p := w.styled(styleBody, b.Text)
			if b.KeepWithNext {
				p.PPr.KeepNext, p.PPr.KeepLines = &wEmpty{}, &wEmpty{}
			}
			w.add(p)
		case TableBlock:
			w.bordered(b.Table)
		}
	}
}

// styled is a paragraph of a body style, with room above it when it
// follows a table (as the PDF leaves).
func (w *docxWriter) styled(style, s string) *wP {
	ppr := &wPPr{PStyle: &wVal{style}}
	if w.afterTable {
		ppr.Spacing = &wSpacing{Before: twips(paraAfter), After: twips(paraAfter), Line: twips(bodyLine), LineRule: "atLeast"}
	}
	return docxPara(ppr, s, look{})
}

// signature is "Nơi nhận:" and the signer as a borderless table whose row
// does not split across pages: the left column from the margin to 110 mm,
// the right one to the right margin.
func (w *docxWriter) signature(s Signature) {
	const leftW = 110 - marginL
	left := []wP{*docxPara(&wPPr{Spacing: &wSpacing{Before: twips(2), After: twips(0.5)}}, s.Label, look{bold: true, italic: true, size: 12})}
	for _, r := range s.Recipients {
		left = append(left, *docxPara(nil, r, look{size: 11}))
	}
	right := []wP{
		*docxPara(&wPPr{Spacing: &wSpacing{Before: twips(2)}, Jc: &wVal{"center"}}, s.Title, look{bold: true, size: 13}),
		*docxPara(&wPPr{Spacing: &wSpacing{Before: twips(24)}, Jc: &wVal{"center"}}, s.Name, look{bold: true, size: 13}),
	}
	w.add(docxBorderless([]float64{leftW, contentW - leftW}, 0, [][][]wP{{left, right}}))
}

// appendix is an appendix's heading lines (Phụ lục I, III.1) and its
// table, or the figures as pictures.
func (w *docxWriter) appendix(a *Appendix) {
	w.add(docxPara(docxCentre(0), a.Heading, look{bold: true, size: docTitleSize}))
	w.add(docxLines(docxCentre(0), a.TitleLines, look{bold: true, size: docTitleSize}))
	width := contentW
	if a.Table != nil {
		width = landscapeW
	}
	w.add(docxLines(docxCentre(twips(4)), balance(Clean(a.Note), "I", 13, width-10), look{italic: true, size: 13}))
	if a.Table != nil {
		w.bordered(a.Table)
		return
	}
	w.figures()
}

// section is a section's page setup, A4 portrait or landscape, with no
// number on its first page; an appendix's starts its numbers at 1.
func (w *docxWriter) section(landscape, appendix bool) *wSectPr {
	s := &wSectPr{
		Headers: []wHdrRef{{"default", relPageNumber}, {"first", relFirstPage}},
		PgSz:    wPgSz{W: twips(pageW), H: twips(pageH)},
		PgMar: wPgMar{Top: twips(marginT), Right: twips(marginR), Bottom: twips(marginB), Left: twips(marginL),
			Header: twips(9), Footer: twips(9)},
		TitlePg: &wEmpty{},
	}
	if appendix {
		s.PgNumType = &wPgNumType{Start: 1}
	}
	if landscape {
		s.PgSz = wPgSz{W: twips(pageH), H: twips(pageW), Orient: "landscape"}
	}
	return s
}

// end closes a section with a 1 pt paragraph: one carrying the section's
// properties, or the last one, which Word wants after a final table.
func (w *docxWriter) end(s *wSectPr) {
	w.add(&wP{PPr: &wPPr{Spacing: &wSpacing{Line: 20, LineRule: "exact"}, RPr: docxSize(1), SectPr: s}})
}

var (
	borderNone  = wBorder{Val: "none", Space: 0}
	borderSolid = wBorder{Val: "single", Sz: 4, Space: 0, Color: "000000"}
)

// docxBorderless is a table without borders or cell margins, indented by
// indent mm, whose rows do not split; each cell holds paragraphs.
func docxBorderless(widths []float64, indent float64, rows [][][]wP) *wTbl {
	t := docxGrid(widths)
	t.TblPr.TblInd = &wTblWidth{twips(indent), "dxa"}
	t.TblPr.Borders = &wBorders{borderNone, borderNone, borderNone, borderNone, borderNone, borderNone}
	t.TblPr.CellMar = &wCellMar{wTblWidth{0, "dxa"}, wTblWidth{0, "dxa"}, wTblWidth{0, "dxa"}, wTblWidth{0, "dxa"}}
	for _, r := range rows {
		tr := wTr{TrPr: &wTrPr{CantSplit: &wEmpty{}}}
		for i, c := range r {
			tr.Cells = append(tr.Cells, wTc{TcPr: wTcPr{wTblWidth{twips(widths[i]), "dxa"}}, Paras: c})
		}
		t.Rows = append(t.Rows, tr)
	}
	return t
}

// bordered adds a table of the body.
func (w *docxWriter) bordered(tb *Table) {
	t, err := docxBordered(tb)
	if err != nil && w.err == nil {
		w.err = fmt.Errorf("render: docx: table: %w", err)
	}
	w.add(t)
}

// docxBordered is a table of the body: thin black borders, a bold centred
// header row repeated at the top of each page, rows that do not split.
func docxBordered(tb *Table) (*wTbl, error) {
	widths := make([]float64, len(tb.Columns))
	for i, c := range tb.Columns {
		widths[i] = c.Width
	}
	t := docxGrid(widths)
	t.TblPr.TblInd = &wTblWidth{0, "dxa"}
	t.TblPr.Borders = &wBorders{borderSolid, borderSolid, borderSolid, borderSolid, borderSolid, borderSolid}
	pad, side := wTblWidth{twips(cellPadY), "dxa"}, wTblWidth{twips(1), "dxa"}
	t.TblPr.CellMar = &wCellMar{pad, side, pad, side}
	t.TblPr.Look = &wTblLook{Val: "04A0", FirstRow: 1, NoHBand: 1, NoVBand: 1}
	cell := func(i int, s, align string, f look) wTc {
		jc := "left"
		switch align {
		case "C":
			jc = "center"
		case "R":
			jc = "right"
		}
		return wTc{TcPr: wTcPr{wTblWidth{twips(widths[i]), "dxa"}},
			Paras: []wP{*docxPara(&wPPr{PStyle: &wVal{styleTable}, Jc: &wVal{jc}}, s, f)}}
	}
	head := wTr{TrPr: &wTrPr{CantSplit: &wEmpty{}, TblHeader: &wEmpty{}}}
	for i, c := range tb.Columns {
		head.Cells = append(head.Cells, cell(i, c.Title, "C", look{bold: true}))
	}
	t.Rows = append(t.Rows, head)
	// The body rows are written one at a time from their texts.
	cols := tb.Columns
	body, err := newRows(tb.Rows, len(cols), &wTrPr{CantSplit: &wEmpty{}}, func(i int, s string) wTc { return cell(i, s, cols[i].Align, look{}) })
	if err != nil {
		return nil, err
	}
	t.Body = body
	return t, nil
}

// docxGrid is a fixed-layout table of columns of the given widths (mm).
func docxGrid(widths []float64) *wTbl {
	t := &wTbl{}
	total := 0
	for _, w := range widths {
		t.Grid = append(t.Grid, wWidth{twips(w)})
		total += twips(w)
	}
	t.TblPr.TblW = wTblWidth{total, "dxa"}
	t.TblPr.Layout = &wLayout{"fixed"}
	return t
}

// docxStyles defines Times New Roman 13 pt, Vietnamese, black, for the
// whole draft, and three styles the principal can restyle at once: the
// body text, the section headings and the text in tables.
func docxStyles() wStyles {
	tnr := &wFonts{"Times New Roman", "Times New Roman", "Times New Roman", "Times New Roman"}
	line := &wSpacing{After: twips(paraAfter), Line: twips(bodyLine), LineRule: "atLeast"}
	return wStyles{W: nsW,
		Defaults: wDefaults{
			RPr: wRPr{RFonts: tnr, Color: &wVal{"000000"}, Sz: &wVal{halfPoints(bodySize)}, SzCs: &wVal{halfPoints(bodySize)}, Lang: &wLang{"vi-VN"}},
			PPr: wPPr{Spacing: &wSpacing{After: 0, Line: 240, LineRule: "auto"}},
		},
		Styles: []wStyle{
			{Type: "paragraph", Default: 1, ID: "Normal", Name: wVal{"Normal"}, QFormat: &wEmpty{}},
			{Type: "paragraph", ID: styleBody, Name: wVal{"Nội dung báo cáo"}, BasedOn: &wVal{"Normal"}, QFormat: &wEmpty{},
				PPr: &wPPr{Spacing: line, Ind: &wInd{FirstLine: twips(indent)}, Jc: &wVal{"both"}}},
			{Type: "paragraph", ID: styleHeading, Name: wVal{"Đề mục báo cáo"}, BasedOn: &wVal{"Normal"}, Next: &wVal{styleBody}, QFormat: &wEmpty{},
				PPr: &wPPr{KeepNext: &wEmpty{}, Spacing: line, Jc: &wVal{"both"}, Outline: &wVal{"0"}}, RPr: &wRPr{B: &wEmpty{}, BCs: &wEmpty{}}},
			{Type: "paragraph", ID: styleTable, Name: wVal{"Chữ trong bảng"}, BasedOn: &wVal{"Normal"}, QFormat: &wEmpty{},
				PPr: &wPPr{Spacing: &wSpacing{Line: twips(tableLine), LineRule: "atLeast"}},
				RPr: &wRPr{Sz: &wVal{halfPoints(tableSize)}, SzCs: &wVal{halfPoints(tableSize)}}},
			{Type: "table", Default: 1, ID: "TableNormal", Name: wVal{"Normal Table"}},
		},
	}
}

// newMeasurer measures bold text (mm) in Liberation Serif, the metric twin
// of Times New Roman, as the PDF does, to size the header's rules.
func newMeasurer() func(pt float64, s string) float64 {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(family, "B", liberationserifbold.TTF)
	return func(pt float64, s string) float64 {
		f.SetFont(family, "B", pt)
		return f.GetStringWidth(Clean(s))
	}
}
