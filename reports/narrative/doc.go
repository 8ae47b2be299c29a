// Package narrative reads the parts of a report a person writes — the
// overall assessment, the causes of missed targets, the next period's
// directions and the recommendations ("Đề xuất, kiến nghị") — from the
// clerk's record: a sheet "Nhận xét" with the columns Kỳ báo cáo, Phần and
// Nội dung, read like every other source (package sources).
//
// The parts form a closed vocabulary, [Part], matched like headers (Unicode
// form, case, white space; diacritics when unambiguous). [Collect] keeps the
// rows written for exactly the report's period, in the order of the parts
// and then of the rows; a row with an unknown part or an unreadable period
// is a warning naming file, sheet, row and column, and is left out.
package narrative
