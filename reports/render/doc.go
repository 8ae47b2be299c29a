// Package render writes a computed report as an Excel workbook, as a PDF
// administrative document (Nghị định 30/2020/NĐ-CP) and as an editable Word
// draft of that document; the PDF and the draft draw the same Layout. Numbers
// and dates are written the Vietnamese way.
package render
