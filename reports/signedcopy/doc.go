// Package signedcopy keeps the signed copy of an issued version: the PDF
// the unit's signing tool returned, accepted by reports/signature, stored
// write-once in the version's folder as "…-da-ky.pdf" with a record,
// signed.json, beside the manifest (which is never rewritten): the file's
// hash and size, the issued PDF it signs, the signers, and who brought it
// when. The record is written last: a copy is accepted once its record is
// there, and a crash between the two leaves a PDF that the next attempt
// with the same file completes.
//
// The district's message carries the signed copy in place of the issued
// PDF (Swap).
package signedcopy
