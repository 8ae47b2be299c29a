package reports

import (
	"errors"
	"sync"

	"github.com/mn2010/baocao/reports/render"
)

// concurrentLate is the most late dossiers for which the Word draft is
// drawn beside the PDF and the workbook. Each document lists every late
// dossier in an appendix, so what the three hold at once grows with them:
// at scale 400 (6 029 late dossiers) drawing all three at once took the
// run's peak to 140–155 MB, at the edge of issue 27's 150 MB, against
// 120–138 MB with the draft after them; at scale 40 (592) it costs a few
// MB and saves the draft's wall time.
const concurrentLate = 2000

// renderDocuments draws the three documents of a version from doc: the
// PDF, the workbook and the Word draft. The draft's figures are drawn from
// the start, beside the rest: they only read doc.
func renderDocuments(doc *render.Doc) (pdf, xlsx, docx []byte, err error) {
	figs := render.DrawFigures(doc)
	var xerr, derr error
	var wg sync.WaitGroup
	draft := func() { docx, derr = render.DOCXWith(doc, figs) }
	together := doc.Outcome == nil || len(doc.Outcome.Late) <= concurrentLate
	if together {
		wg.Go(draft)
	}
	wg.Go(func() { xlsx, xerr = render.Workbook(doc) })
	pdf, err = render.PDF(doc)
	wg.Wait()
	if !together && err == nil && xerr == nil {
		draft()
	} else if !together {
		figs.Wait()
	}
	if err = errors.Join(err, xerr, derr); err != nil {
		return nil, nil, nil, err
	}
	return pdf, xlsx, docx, nil
}
