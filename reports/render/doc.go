// Package render writes a computed report as an Excel workbook, as a PDF
// administrative document (Nghị định 30/2020/NĐ-CP) and as an editable Word
// draft of that document; the PDF and the draft draw the same Layout. Numbers
// and dates are written the Vietnamese way.
// Comparisons with earlier periods are worded for the documents and the
// e-mail (compare.go) and written as formatted numbers in the workbook
// (xlsx_compare.go); monthly series become native Excel charts
// (xlsx_charts.go) and a PDF page of gonum/plot figures (pdf_charts.go,
// drawn as vectors by pdf_canvas.go).
package render
