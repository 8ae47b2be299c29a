package render

import (
	"fmt"
	"strings"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifregular"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Spreadsheet programs lay text out on a 96 dpi grid: a point is 4/3 of a
// pixel.
const pxPerPt = 96.0 / 72.0

// face measures text set in Liberation Serif, the metric twin of the
// workbook's Times New Roman, as wide as the widest of two ways programs lay
// it out: Excel rounds each glyph's advance to whole pixels (hinting),
// LibreOffice keeps the fractions and kerns; 2% more covers kerning pairs
// and rounding.
type face struct {
	f   *sfnt.Font
	buf sfnt.Buffer
}

const widthSlack = 1.02

// faces are the regular and bold faces of the workbook's font.
type faces struct{ regular, bold *face }

func newFaces() (*faces, error) {
	r, err := newFace(liberationserifregular.TTF)
	if err != nil {
		return nil, err
	}
	b, err := newFace(liberationserifbold.TTF)
	if err != nil {
		return nil, err
	}
	return &faces{regular: r, bold: b}, nil
}

func (fs *faces) get(bold bool) *face {
	if bold {
		return fs.bold
	}
	return fs.regular
}

func newFace(ttf []byte) (*face, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("render: font: %w", err)
	}
	return &face{f: f}, nil
}

func ppem(size float64) fixed.Int26_6 { return fixed.Int26_6(size*pxPerPt*64 + 0.5) }

// width is the width of s in pixels at size points.
func (fc *face) width(s string, size float64) float64 {
	hinted, exact := 0.0, 0.0
	for _, r := range s {
		h, e := fc.advances(r, size)
		hinted, exact = hinted+h, exact+e
	}
	return max(hinted, exact) * widthSlack
}

func (fc *face) advance(r rune, size float64) float64 {
	h, e := fc.advances(r, size)
	return max(h, e) * widthSlack
}

// advances is a glyph's advance in pixels, rounded to a whole pixel and
// exact.
func (fc *face) advances(r rune, size float64) (hinted, exact float64) {
	em := size * pxPerPt
	x, err := fc.f.GlyphIndex(&fc.buf, r)
	if err != nil || x == 0 {
		return em, em // a glyph the font lacks: reckon a full em
	}
	h, err1 := fc.f.GlyphAdvance(&fc.buf, x, ppem(size), xfont.HintingFull)
	e, err2 := fc.f.GlyphAdvance(&fc.buf, x, ppem(size), xfont.HintingNone)
	if err1 != nil || err2 != nil {
		return em, em
	}
	return float64(h) / 64, float64(e) / 64
}

// lineHeight is the height in pixels of one line at size points: the
// font's ascent, descent and line gap, rounded up to a whole pixel.
func (fc *face) lineHeight(size float64) float64 {
	m, err := fc.f.Metrics(&fc.buf, ppem(size), xfont.HintingFull)
	if err != nil {
		return 1.2 * size * pxPerPt
	}
	return float64(m.Height.Ceil())
}

// lines counts the lines s takes when wrapped into px pixels: each "\n"
// starts a line; lines break at spaces, and inside a word too long for a
// line of its own.
func (fc *face) lines(s string, size, px float64) int {
	space := fc.advance(' ', size)
	n := 0
	for _, para := range strings.Split(s, "\n") {
		n++
		cur := 0.0
		for _, word := range strings.Fields(para) {
			w := fc.width(word, size)
			if cur > 0 {
				if cur+space+w <= px {
					cur += space + w
					continue
				}
				n++
				cur = 0
			}
			if w <= px {
				cur = w
				continue
			}
			for _, r := range word {
				a := fc.advance(r, size)
				if cur > 0 && cur+a > px {
					n++
					cur = 0
				}
				cur += a
			}
		}
	}
	return n
}
