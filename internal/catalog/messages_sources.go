package catalog

// A source that cannot be used (sources.SourceError): named by its
// display name (the plan's title of the source), with the config's table,
// the file and the sheet, then what is wrong and what to do.
var (
	SrcError      = add("SrcError", "%s (%s): %s", "%s (%s): %s")
	SrcTable      = add("SrcTable", "[sources.%s]", "[sources.%s]")
	SrcFile       = add("SrcFile", "tệp %s", "%s")
	SrcSheet      = add("SrcSheet", "trang %q", "sheet %q")
	SrcCause      = add("SrcCause", " (%s)", " [%s]")
	SrcUndeclared = add("SrcUndeclared", "tệp cấu hình chưa khai báo sổ này: thêm bảng [sources.%s] với path = \"đường/dẫn/tệp.xlsx\"", "the config does not declare this source: add a [sources.%s] table with its path")
)
