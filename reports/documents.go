package reports

import (
	"errors"
	"sync"

	"github.com/mn2010/baocao/reports/render"
)

// renderDocuments draws the three documents of a version from doc, all at
// once (each only reads doc): the PDF, the workbook and the Word draft,
// whose figures are drawn from the start. Drawing the three at once used
// to take the scale-400 run's peak past 150 MB; since the draft writes its
// long tables row by row and the workbook streams its table sheets, it
// peaks at 86–122 MB (docs/decisions.md, "Drawing the documents").
func renderDocuments(doc *render.Doc) (pdf, xlsx, docx []byte, err error) {
	figs := render.DrawFigures(doc)
	var xerr, derr error
	var wg sync.WaitGroup
	wg.Go(func() { xlsx, xerr = render.Workbook(doc) })
	l := doc.Layout() // the PDF's and the draft's, made once (only read)
	wg.Go(func() { docx, derr = render.DOCXWith(doc, l, figs) })
	pdf, err = render.PDFOf(doc, l)
	wg.Wait()
	if err = errors.Join(err, xerr, derr); err != nil {
		return nil, nil, nil, err
	}
	return pdf, xlsx, docx, nil
}
