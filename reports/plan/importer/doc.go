// Package importer reads a unit's CCHC plan as it was issued — a Word file
// (.docx) or plain text or Markdown — and writes a plan file in the format
// of package plan: the plan's number, date, unit and year; each numbered
// target of its targets section ("II. CHỈ TIÊU"), with its threshold read
// from the Vietnamese and its meaning matched to a computation the program
// knows (plan.Measures), else a manual figure; and each numbered task of
// its tasks section ("III. NHIỆM VỤ TRỌNG TÂM").
//
// Reading goes in three steps, one file each: the document as paragraphs
// (document.go, markdown.go, docx.go: numbering typed or from Word lists,
// bold leads, heading styles, table cells), the plan's structure
// (structure.go: header, sections, numbered items), and the meaning of each
// target (threshold.go, meaning.go). write.go renders the plan file and
// table.go the Vietnamese table `baocao plan import` prints.
package importer
