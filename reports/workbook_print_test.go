package reports

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestWorkbookPrintsClean prints the example workbooks with LibreOffice:
// no "###" (a number too wide for its column) anywhere.
func TestWorkbookPrintsClean(t *testing.T) {
	requireTool(t, "soffice")
	requireTool(t, "pdftotext")
	for _, c := range decreeCases {
		e, _ := makeWith(t, exampleMaker(t, 2024, 12, 18), c.report, c.label, Options{Number: c.number, Issued: c.issued})
		pdf := soffice(t, filepath.Join(e.Dir, "bao-cao-cchc-"+c.label+".xlsx"), "pdf", ".pdf")
		text := run(t, "pdftotext", "-layout", pdf, "-")
		if strings.Contains(text, "###") {
			for _, l := range strings.Split(text, "\n") {
				if strings.Contains(l, "###") {
					t.Errorf("%s: LibreOffice prints %q", c.label, strings.TrimSpace(l))
				}
			}
		}
		if !strings.Contains(text, "giảm 15.38 điểm %") && !strings.Contains(text, "giảm 15,38 điểm %") && c.report == "monthly" {
			t.Errorf("%s: the change of 3.1 is not printed in words", c.label)
		}
	}
}
