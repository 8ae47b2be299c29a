package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image/png"
	"runtime"
	"sync"

	"github.com/mn2010/baocao/reports/indicators"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// The Word draft's page of figures: the same figures as the PDF's, drawn
// by gonum/plot as pictures (PNG, 200 dpi), two per row, each under its
// caption and legend, so that the draft says what the PDF says.

const figureDPI = 200

// figureEncoder compresses the figures' PNGs for speed: at the default
// level they were half the time of the annual run's draft (issue 27); the
// pictures are flat colours and lines, so they stay small.
var figureEncoder = png.Encoder{CompressionLevel: png.BestSpeed}

// picture is one PNG of the draft, in word/media.
type picture struct {
	name string // "figure1.png"
	rel  string // its relationship id in word/_rels/document.xml.rels
	data []byte
}

// figures adds the series' figures as a borderless table of pictures, two
// per row, each cell holding its caption, legend and picture.
func (w *docxWriter) figures() {
	if w.doc == nil {
		return
	}
	series := w.doc.Outcome.Series
	// The pictures are drawn at once, as many as there are cores: drawing
	// and compressing them was most of the draft's time.
	data := make([][]byte, len(series))
	errs := make([]error, len(series))
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, s := range series {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			data[i], errs[i] = figurePNG(s, w.doc.Period.Year)
		})
	}
	wg.Wait()
	var cells [][]wP
	for i, s := range series {
		if errs[i] != nil {
			w.err = fmt.Errorf("render: figure %s: %w", s.ID, errs[i])
			return
		}
		pic := picture{name: fmt.Sprintf("figure%d.png", i+1), rel: fmt.Sprintf("rIdFig%d", i+1), data: data[i]}
		w.pictures = append(w.pictures, pic)
		cells = append(cells, []wP{
			*docxPara(&wPPr{Spacing: &wSpacing{Before: twips(3)}, Jc: &wVal{"center"}}, ChartTitle(s), look{bold: true, size: captionSize}),
			*docxPara(docxCentre(0), "—●— "+chartValueLegend+"      - - - "+TargetLegend(s), look{size: 8.5}),
			{PPr: docxCentre(0), Runs: []wR{{Drawing: docxDrawing(pic, i+1, figureW, figureH)}}},
			*docxPara(docxCentre(twips(2)), GapNote(s), look{italic: true, size: 8.5}),
		})
	}
	gap := contentW - 2*figureW
	var rows [][][]wP
	for i := 0; i < len(cells); i += 2 {
		right := []wP{*docxPara(nil, "", look{})}
		if i+1 < len(cells) {
			right = cells[i+1]
		}
		rows = append(rows, [][]wP{cells[i], {*docxPara(nil, "", look{})}, right})
	}
	if len(rows) > 0 {
		w.add(docxBorderless([]float64{figureW, gap, figureW}, 0, rows))
	}
}

// figurePNG draws one series' figure as a PNG.
func figurePNG(s indicators.Series, year int) ([]byte, error) {
	pl, err := figure(s, year)
	if err != nil {
		return nil, err
	}
	c := vgimg.NewWith(vgimg.UseWH(vg.Length(figureW)*vg.Millimeter, vg.Length(figureH)*vg.Millimeter), vgimg.UseDPI(figureDPI))
	pl.Draw(draw.New(c))
	var buf bytes.Buffer
	if err := figureEncoder.Encode(&buf, c.Image()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// emu converts millimetres to DrawingML's English Metric Units.
func emu(mm float64) int { return int(mm * 36000) }

// wDrawing is an inline picture, written as DrawingML.
type wDrawing struct {
	XMLName xml.Name `xml:"w:drawing"`
	Inner   string   `xml:",innerxml"`
}

func docxDrawing(p picture, id int, wmm, hmm float64) *wDrawing {
	cx, cy := emu(wmm), emu(hmm)
	return &wDrawing{Inner: fmt.Sprintf(`<wp:inline distT="0" distB="0" distL="0" distR="0">`+
		`<wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="Biểu đồ %d"/>`+
		`<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">`+
		`<pic:pic><pic:nvPicPr><pic:cNvPr id="%d" name="%s"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
		`</pic:pic></a:graphicData></a:graphic></wp:inline>`, cx, cy, id, id, id, p.name, p.rel, cx, cy)}
}

// Namespaces of the pictures, declared on the document's root.
const (
	nsWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
)
