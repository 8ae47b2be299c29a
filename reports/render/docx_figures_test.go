package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"slices"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/period"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// TestFigurePNGIsTheDrawingInGrey: the draft's picture of a figure is a
// PNG of the 256 greys at 150 dpi whose every pixel is the drawing's.
func TestFigurePNGIsTheDrawingInGrey(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	s := indicators.Series{ID: "3.1", Text: "Tỷ lệ giải quyết hồ sơ TTHC đúng hạn", Target: 0.99, Compare: ">=",
		Points: []indicators.Point{{Period: "2024-01", Value: v(0.97)}, {Period: "2024-02", Value: v(0.995)}, {Period: "2024-03"},
			{Period: "2024-04", Value: v(1)}}}
	raw, err := figurePNG(s, 2024)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	g, ok := img.(*image.Paletted)
	if !ok {
		t.Fatalf("the picture is a %T, want an image of greys", img)
	}
	for i, c := range g.Palette {
		if c != (color.Gray{Y: uint8(i)}) && c != (color.RGBA{uint8(i), uint8(i), uint8(i), 0xff}) {
			t.Fatalf("colour %d of the picture is %v, not its grey", i, c)
		}
	}
	// 76 × 38 mm at 150 dpi.
	if b := g.Bounds(); b.Dx() != 449 || b.Dy() != 224 {
		t.Errorf("the picture is %d×%d pixels, want 449×224", b.Dx(), b.Dy())
	}
	pl, err := figure(s, 2024)
	if err != nil {
		t.Fatal(err)
	}
	c := vgimg.NewWith(vgimg.UseWH(vg.Length(figureW)*vg.Millimeter, vg.Length(figureH)*vg.Millimeter), vgimg.UseDPI(figureDPI))
	pl.Draw(draw.New(c))
	want := c.Image()
	dark := 0
	for y := range g.Bounds().Dy() {
		for x := range g.Bounds().Dx() {
			r, gr, b, a := want.At(x, y).RGBA()
			got := g.ColorIndexAt(x, y)
			if r != gr || r != b || a != 0xffff || uint8(r>>8) != got {
				t.Fatalf("pixel (%d, %d) is %d in the picture, the drawing's is %v", x, y, got, want.At(x, y))
			}
			if got < 128 {
				dark++
			}
		}
	}
	if dark < 1000 {
		t.Errorf("%d dark pixels: the picture is nearly blank", dark)
	}
}

// TestGreyKeepsColour: a picture with a colour in it is kept as it is.
func TestGreyKeepsColour(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 3, 2))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	if _, ok := grey(img).(*image.Paletted); !ok {
		t.Error("an all-white picture is not made grey")
	}
	img.Set(2, 1, color.RGBA{R: 200, G: 10, B: 10, A: 255})
	if got := grey(img); got != image.Image(img) {
		t.Errorf("a picture with red in it became a %T", got)
	}
}

// TestFiguresHaveTheirTitleAsAltText: each picture of the Word draft
// carries its figure's title as its description (what a screen reader,
// or Word's "Alt Text", says of it), escaped, in a well-formed document.
func TestFiguresHaveTheirTitleAsAltText(t *testing.T) {
	texts, err := LoadTexts("")
	if err != nil {
		t.Fatal(err)
	}
	p, err := period.Parse("2024-03", period.Decree09)
	if err != nil {
		t.Fatal(err)
	}
	v := func(f float64) *float64 { return &f }
	var series []indicators.Series
	for i, text := range []string{"Tỷ lệ giải quyết hồ sơ TTHC đúng hạn", `Tỷ lệ "văn bản" điện tử <có ký số> & gửi đi`} {
		series = append(series, indicators.Series{ID: fmt.Sprintf("3.%d", i+1), Text: text, Target: 0.99, Compare: ">=",
			Points: []indicators.Point{{Period: "2024-01", Value: v(0.97)}, {Period: "2024-02", Value: v(0.995)}}})
	}
	d := &Doc{Unit: Unit{Parent: "Ủy ban nhân dân Phường Sài Gòn", Name: "Trường Mầm non 20/10", Place: "Thành phố Hồ Chí Minh", Symbol: "MN2010",
		SignerTitle: "Hiệu trưởng", SignerName: "Nguyễn Thị Hồng Vân"},
		Period: p, Issued: time.Date(2024, 3, 16, 0, 0, 0, 0, time.UTC), Texts: texts, Generated: time.Date(2024, 3, 16, 7, 0, 0, 0, time.UTC),
		Outcome: &indicators.Outcome{Fields: []indicators.FieldStats{{Field: indicators.Total}}, Series: series}}
	raw, err := DOCX(d)
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	var doc []byte
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			r, _ := f.Open()
			doc, _ = io.ReadAll(r)
		}
	}
	var descr []string
	dec := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml is not well formed: %v", err)
		}
		if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "docPr" {
			for _, a := range el.Attr {
				if a.Name.Local == "descr" {
					descr = append(descr, a.Value)
				}
			}
		}
	}
	want := []string{ChartTitle(series[0]), ChartTitle(series[1])}
	if !slices.Equal(descr, want) {
		t.Errorf("the pictures' descriptions are %q, want %q", descr, want)
	}
}
