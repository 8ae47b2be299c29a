// Package render writes a computed report as an Excel workbook and as a PDF
// administrative document (Nghị định 30/2020/NĐ-CP), with numbers and dates
// written the Vietnamese way.
package render
