package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"runtime"
	"strings"
	"sync"

	"github.com/mn2010/baocao/reports/indicators"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// The Word draft's page of figures: the same figures as the PDF's, drawn
// by gonum/plot as pictures (PNG, 150 dpi), two per row, each under its
// caption and legend, so that the draft says what the PDF says.

// figureDPI is the pictures' resolution: 150 dpi at their printed width
// (76 mm, 449 pixels) keeps the smallest labels (7–8 pt) 14 pixels high;
// 200 dpi cost 1.8 times the pixels to draw and compress for a draft the
// principal edits, not the document sent (the PDF's figures are vectors).
const figureDPI = 150

// figureEncoder compresses the figures' PNGs for speed: at the default
// level they were half the time of the annual run's draft (issue 27); the
// pictures are flat colours and lines, so they stay small.
var figureEncoder = png.Encoder{CompressionLevel: png.BestSpeed}

// picture is one PNG of the draft, in word/media.
type picture struct {
	name string // "figure1.png"
	rel  string // its relationship id in word/_rels/document.xml.rels
	alt  string // its description for readers that cannot see it: the figure's title
	data []byte
}

// Figures are the Word draft's pictures being drawn: DrawFigures starts
// them as soon as the figures are known, so that they are drawn while the
// PDF and the workbook are; DOCXWith waits for them.
type Figures struct {
	wg   sync.WaitGroup
	data [][]byte
	errs []error
}

// DrawFigures starts drawing the series' figures of d, at most as many at
// once as there are cores (drawing and compressing them is most of the
// draft's time).
func DrawFigures(d *Doc) *Figures {
	f := &Figures{}
	if d == nil || d.Outcome == nil {
		return f
	}
	series := d.Outcome.Series
	f.data, f.errs = make([][]byte, len(series)), make([]error, len(series))
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	f.wg.Go(func() {
		var wg sync.WaitGroup
		for i, s := range series {
			slots <- struct{}{}
			wg.Go(func() {
				defer func() { <-slots }()
				f.data[i], f.errs[i] = figurePNG(s, d.Period.Year)
			})
		}
		wg.Wait()
	})
	return f
}

// Wait waits until every picture is drawn.
func (f *Figures) Wait() { f.wg.Wait() }

// pictures are the figures' PNGs and errors, once drawn.
func (f *Figures) pictures() ([][]byte, []error) {
	f.wg.Wait()
	return f.data, f.errs
}

// figures adds the series' figures as a borderless table of pictures, two
// per row, each cell holding its caption, legend and picture.
func (w *docxWriter) figures() {
	if w.doc == nil {
		return
	}
	series := w.doc.Outcome.Series
	if w.figs == nil {
		w.figs = DrawFigures(w.doc)
	}
	data, errs := w.figs.pictures()
	var cells [][]wP
	for i, s := range series {
		if errs[i] != nil {
			w.err = fmt.Errorf("render: figure %s: %w", s.ID, errs[i])
			return
		}
		pic := picture{name: fmt.Sprintf("figure%d.png", i+1), rel: fmt.Sprintf("rIdFig%d", i+1), alt: ChartTitle(s), data: data[i]}
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
	if err := figureEncoder.Encode(&buf, grey(c.Image())); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// greys is the palette of the 256 greys, index i the grey i.
var greys = func() color.Palette {
	p := make(color.Palette, 256)
	for i := range p {
		p[i] = color.Gray{Y: uint8(i)}
	}
	return p
}()

// grey is img as an image of the 256 greys when every pixel of it is an
// opaque grey (the figures are black, grey and white), else img: a
// quarter of the bytes to compress, the same pixels, and as a palette
// image PNG's per-row filters are not tried (they were 40% of encoding
// and saved 2% of the size).
func grey(img image.Image) image.Image {
	rgba, ok := img.(*image.RGBA)
	if !ok {
		return img
	}
	b := rgba.Rect
	g := image.NewPaletted(b, greys)
	for y := 0; y < b.Dy(); y++ {
		src := rgba.Pix[y*rgba.Stride : y*rgba.Stride+4*b.Dx()]
		dst := g.Pix[y*g.Stride : y*g.Stride+b.Dx()]
		for x := range dst {
			r, gr, bl, a := src[4*x], src[4*x+1], src[4*x+2], src[4*x+3]
			if r != gr || r != bl || a != 0xff {
				return img
			}
			dst[x] = r
		}
	}
	return g
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
	var alt strings.Builder
	xml.EscapeText(&alt, []byte(p.alt))
	return &wDrawing{Inner: fmt.Sprintf(`<wp:inline distT="0" distB="0" distL="0" distR="0">`+
		`<wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="Biểu đồ %d" descr="%s"/>`+
		`<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">`+
		`<pic:pic><pic:nvPicPr><pic:cNvPr id="%d" name="%s"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
		`</pic:pic></a:graphicData></a:graphic></wp:inline>`, cx, cy, id, id, alt.String(), id, p.name, p.rel, cx, cy)}
}

// Namespaces of the pictures, declared on the document's root.
const (
	nsWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
)
