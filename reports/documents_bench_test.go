package reports

import (
	"testing"
)

// BenchmarkDocuments draws the annual report of 2024's three documents
// (the PDF, the workbook and the Word draft) from figures computed once:
// the documents phase of a run, apart from reading and counting.
func BenchmarkDocuments(b *testing.B) {
	m, p, now := benchAnnual(b)
	data, err := m.Read()
	if err != nil {
		b.Fatal(err)
	}
	doc := m.document("annual", p, data, m.figures(data, "annual", p), now, now, 0)
	data.Tables = nil
	b.ReportAllocs()
	cpu := cpuTime()
	var size int
	for b.Loop() {
		pdf, xlsx, docx, err := renderDocuments(doc)
		if err != nil {
			b.Fatal(err)
		}
		size = len(pdf) + len(xlsx) + len(docx)
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(size), "bytes")
}
