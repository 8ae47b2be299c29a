package workflow

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/render"
	"github.com/xuri/excelize/v2"
)

// TestDistrictMessage: the district's message opens with "Kính gửi:" and
// the addressees, as a covering note; its Date is in the unit's zone; the
// workbook it carries has no sheet "Dữ liệu cần kiểm tra" (the unit's own
// business), which the archived workbook keeps, and keeps its charts.
func TestDistrictMessage(t *testing.T) {
	m := exampleMaker(t, 2024, 12, 16)
	e, _ := makeWith(t, m, "annual", "2024", reports.Options{Number: 12})
	m.now = func() time.Time { return time.Date(2024, 12, 16, 2, 0, 0, 0, time.UTC) } // a server's clock in UTC
	msg, err := m.Message(e)
	if err != nil {
		t.Fatal(err)
	}
	if first := strings.SplitN(msg.Body, "\n", 2)[0]; first != "Kính gửi: Phòng Nội vụ Quận 1" {
		t.Errorf("the message opens with %q, want the addressee", first)
	}
	if _, off := msg.Date.Zone(); off != 7*3600 {
		t.Errorf("Date in zone offset %d s, want +0700", off)
	}
	raw, err := delivery.Compose(msg)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte("16 Dec 2024 09:00:00 +0700")) {
		t.Errorf("the Date header is not +0700:\n%s", raw[:min(len(raw), 600)])
	}
	var sent []byte
	for _, a := range msg.Attachments {
		if strings.HasSuffix(a.Name, ".xlsx") {
			sent = a.Data
		}
	}
	sheets := func(data []byte) []string {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		return f.GetSheetList()
	}
	archived, err := os.ReadFile(filepath.Join(e.Dir, "bao-cao-cchc-2024.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	a := sheets(archived)
	s := sheets(sent)
	if !slices.Contains(a, render.SheetWarnings) {
		t.Errorf("the archived workbook lost %q: %v", render.SheetWarnings, a)
	}
	if slices.Contains(s, render.SheetWarnings) || len(s) != len(a)-1 {
		t.Errorf("the district's workbook has sheets %v, want %v without %q", s, a, render.SheetWarnings)
	}
	if !bytes.Contains(sent, []byte("xl/charts/chart1.xml")) {
		t.Errorf("the district's workbook lost its charts")
	}
}
