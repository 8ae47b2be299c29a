package workflow

import (
	"fmt"
	"time"

	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/render"
)

// numberLine is the e-mail's line naming the document's number and date
// of issue ("Báo cáo số 15/BC-MN2010 ngày 20/06/2024."), so the district
// can file it without opening the PDF; "" when the number is blank.
func (m *Flow) numberLine(man *reports.Manifest) string {
	n := man.Number
	if n == 0 && man.IssuedFrom != nil {
		n = man.IssuedFrom.Number
	}
	if n == 0 {
		return ""
	}
	line := fmt.Sprintf("Báo cáo số %s/%s-%s", render.DocNumber(n), m.texts.DocumentType, m.cfg.Unit.Symbol)
	if d, err := time.Parse("2006-01-02", man.Issued); err == nil {
		line += " ngày " + render.Date(d)
	}
	return line + "."
}
