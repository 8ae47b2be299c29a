package render

import "encoding/xml"

// The WordprocessingML elements the Word draft uses (ECMA-376 Part 1,
// §17), as typed structs for encoding/xml. Element names carry their "w:"
// prefix literally and the root elements declare it; fields are in the
// order the schema's sequences require. Lengths are in twentieths of a
// point (twips) and font sizes in half-points, as in the format.

const (
	nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// wDocument is word/document.xml.
type wDocument struct {
	XMLName xml.Name `xml:"w:document"`
	W       string   `xml:"xmlns:w,attr"`
	R       string   `xml:"xmlns:r,attr"`
	WP      string   `xml:"xmlns:wp,attr,omitempty"`
	A       string   `xml:"xmlns:a,attr,omitempty"`
	Pic     string   `xml:"xmlns:pic,attr,omitempty"`
	Body    wBody    `xml:"w:body"`
}

// wBody holds paragraphs and tables in order, then the last section's
// properties.
type wBody struct {
	Content []any    // *wP and *wTbl
	SectPr  *wSectPr `xml:"w:sectPr"`
}

// wHdr is a header part (word/headerN.xml).
type wHdr struct {
	XMLName xml.Name `xml:"w:hdr"`
	W       string   `xml:"xmlns:w,attr"`
	R       string   `xml:"xmlns:r,attr"`
	Content []any
}

type wEmpty struct{}

type wVal struct {
	Val string `xml:"w:val,attr"`
}

type wP struct {
	XMLName xml.Name `xml:"w:p"`
	PPr     *wPPr    `xml:"w:pPr,omitempty"`
	Runs    []wR     `xml:"w:r"`
}

type wPPr struct {
	PStyle    *wVal     `xml:"w:pStyle"`
	KeepNext  *wEmpty   `xml:"w:keepNext"`
	KeepLines *wEmpty   `xml:"w:keepLines"`
	PBdr      *wPBdr    `xml:"w:pBdr"`
	Spacing   *wSpacing `xml:"w:spacing"`
	Ind       *wInd     `xml:"w:ind"`
	Jc        *wVal     `xml:"w:jc"`
	Outline   *wVal     `xml:"w:outlineLvl"`
	RPr       *wRPr     `xml:"w:rPr"` // of the paragraph mark
	SectPr    *wSectPr  `xml:"w:sectPr"`
}

// wPBdr draws a rule above a paragraph, between its indents.
type wPBdr struct {
	Top *wBorder `xml:"w:top"`
}

type wBorder struct {
	Val   string `xml:"w:val,attr"`
	Sz    int    `xml:"w:sz,attr,omitempty"`    // eighths of a point
	Space int    `xml:"w:space,attr"`           // points
	Color string `xml:"w:color,attr,omitempty"` // "000000"
}

type wSpacing struct {
	Before   int    `xml:"w:before,attr"`
	After    int    `xml:"w:after,attr"`
	Line     int    `xml:"w:line,attr,omitempty"`
	LineRule string `xml:"w:lineRule,attr,omitempty"` // "auto", "atLeast", "exact"
}

type wInd struct {
	Left      int `xml:"w:left,attr"`
	Right     int `xml:"w:right,attr"`
	FirstLine int `xml:"w:firstLine,attr,omitempty"`
}

type wRPr struct {
	RFonts *wFonts `xml:"w:rFonts"`
	B      *wEmpty `xml:"w:b"`
	BCs    *wEmpty `xml:"w:bCs"`
	I      *wEmpty `xml:"w:i"`
	ICs    *wEmpty `xml:"w:iCs"`
	Color  *wVal   `xml:"w:color"`
	Sz     *wVal   `xml:"w:sz"`
	SzCs   *wVal   `xml:"w:szCs"`
	Lang   *wLang  `xml:"w:lang"`
}

type wFonts struct {
	ASCII    string `xml:"w:ascii,attr"`
	HAnsi    string `xml:"w:hAnsi,attr"`
	EastAsia string `xml:"w:eastAsia,attr"`
	CS       string `xml:"w:cs,attr"`
}

type wLang struct {
	Val string `xml:"w:val,attr"`
}

// wR is a run: text, or one part of a field (begin, instruction,
// separate, end).
type wR struct {
	RPr       *wRPr     `xml:"w:rPr"`
	FldChar   *wFldChar `xml:"w:fldChar"`
	InstrText *wText    `xml:"w:instrText"`
	Br        *wEmpty   `xml:"w:br"` // a line break before T
	Drawing   *wDrawing `xml:"w:drawing"`
	T         *wText    `xml:"w:t"`
}

type wText struct {
	Space string `xml:"xml:space,attr,omitempty"`
	Text  string `xml:",chardata"`
}

type wFldChar struct {
	Type string `xml:"w:fldCharType,attr"`
}

type wTbl struct {
	XMLName xml.Name `xml:"w:tbl"`
	TblPr   wTblPr   `xml:"w:tblPr"`
	Grid    []wWidth `xml:"w:tblGrid>w:gridCol"`
	Rows    []wTr    `xml:"w:tr"`
	Body    *wRows   `xml:"rows"` // w:tr after Rows, written from their texts (docx_rows.go)
}

type wTblPr struct {
	TblW    wTblWidth  `xml:"w:tblW"`
	TblInd  *wTblWidth `xml:"w:tblInd"`
	Borders *wBorders  `xml:"w:tblBorders"`
	Layout  *wLayout   `xml:"w:tblLayout"`
	CellMar *wCellMar  `xml:"w:tblCellMar"`
	Look    *wTblLook  `xml:"w:tblLook"`
}

type wWidth struct {
	W int `xml:"w:w,attr"`
}

type wTblWidth struct {
	W    int    `xml:"w:w,attr"`
	Type string `xml:"w:type,attr"` // "dxa"
}

type wBorders struct {
	Top     wBorder `xml:"w:top"`
	Left    wBorder `xml:"w:left"`
	Bottom  wBorder `xml:"w:bottom"`
	Right   wBorder `xml:"w:right"`
	InsideH wBorder `xml:"w:insideH"`
	InsideV wBorder `xml:"w:insideV"`
}

type wLayout struct {
	Type string `xml:"w:type,attr"` // "fixed"
}

type wCellMar struct {
	Top    wTblWidth `xml:"w:top"`
	Left   wTblWidth `xml:"w:left"`
	Bottom wTblWidth `xml:"w:bottom"`
	Right  wTblWidth `xml:"w:right"`
}

type wTblLook struct {
	Val      string `xml:"w:val,attr"`
	FirstRow int    `xml:"w:firstRow,attr"`
	NoHBand  int    `xml:"w:noHBand,attr"`
	NoVBand  int    `xml:"w:noVBand,attr"`
}

type wTr struct {
	TrPr  *wTrPr `xml:"w:trPr"`
	Cells []wTc  `xml:"w:tc"`
}

type wTrPr struct {
	CantSplit *wEmpty `xml:"w:cantSplit"`
	TblHeader *wEmpty `xml:"w:tblHeader"`
}

type wTc struct {
	TcPr  wTcPr `xml:"w:tcPr"`
	Paras []wP  `xml:"w:p"`
}

type wTcPr struct {
	TcW wTblWidth `xml:"w:tcW"`
}

// wSectPr is a section's page: size, orientation, margins, headers.
type wSectPr struct {
	Headers []wHdrRef `xml:"w:headerReference"`
	PgSz    wPgSz     `xml:"w:pgSz"`
	PgMar   wPgMar    `xml:"w:pgMar"`
	// PgNumType restarts the page numbers: each appendix numbers its own.
	PgNumType *wPgNumType `xml:"w:pgNumType"`
	TitlePg   *wEmpty     `xml:"w:titlePg"`
}

type wPgNumType struct {
	Start int `xml:"w:start,attr"`
}

type wHdrRef struct {
	Type string `xml:"w:type,attr"` // "default", "first"
	ID   string `xml:"r:id,attr"`
}

type wPgSz struct {
	W      int    `xml:"w:w,attr"`
	H      int    `xml:"w:h,attr"`
	Orient string `xml:"w:orient,attr,omitempty"`
}

type wPgMar struct {
	Top    int `xml:"w:top,attr"`
	Right  int `xml:"w:right,attr"`
	Bottom int `xml:"w:bottom,attr"`
	Left   int `xml:"w:left,attr"`
	Header int `xml:"w:header,attr"`
	Footer int `xml:"w:footer,attr"`
	Gutter int `xml:"w:gutter,attr"`
}

// wStyles is word/styles.xml.
type wStyles struct {
	XMLName  xml.Name  `xml:"w:styles"`
	W        string    `xml:"xmlns:w,attr"`
	Defaults wDefaults `xml:"w:docDefaults"`
	Styles   []wStyle  `xml:"w:style"`
}

type wDefaults struct {
	RPr wRPr `xml:"w:rPrDefault>w:rPr"`
	PPr wPPr `xml:"w:pPrDefault>w:pPr"`
}

type wStyle struct {
	Type    string  `xml:"w:type,attr"`
	Default int     `xml:"w:default,attr,omitempty"`
	ID      string  `xml:"w:styleId,attr"`
	Name    wVal    `xml:"w:name"`
	BasedOn *wVal   `xml:"w:basedOn"`
	Next    *wVal   `xml:"w:next"`
	QFormat *wEmpty `xml:"w:qFormat"`
	PPr     *wPPr   `xml:"w:pPr"`
	RPr     *wRPr   `xml:"w:rPr"`
}

// wSettings is word/settings.xml: the tab stop and Word's current
// compatibility mode, so that Word does not open the draft in
// compatibility mode.
type wSettings struct {
	XMLName xml.Name   `xml:"w:settings"`
	W       string     `xml:"xmlns:w,attr"`
	Tab     wVal       `xml:"w:defaultTabStop"`
	Compat  []wCompatS `xml:"w:compat>w:compatSetting"`
}

type wCompatS struct {
	Name string `xml:"w:name,attr"`
	URI  string `xml:"w:uri,attr"`
	Val  string `xml:"w:val,attr"`
}
