package archive

import (
	"bytes"
	"testing"
)

// BenchmarkPut files a version shaped like the annual report of a
// 40-school year (PDF, workbook, Word draft, manifest, delivery record)
// into an archive on the test's temporary folder: the time is the
// writes and the fsyncs that make the version durable.
//
//	go test ./reports/archive -run XXX -bench Put -benchtime 30x
func BenchmarkPut(b *testing.B) {
	s := &Store{Root: b.TempDir()}
	sizes := map[string]int{"bao-cao.pdf": 213_000, "bao-cao.xlsx": 63_000, "bao-cao.docx": 295_000, "manifest.json": 236_000, "delivery.json": 111}
	var files []File
	for _, name := range []string{"bao-cao.pdf", "bao-cao.xlsx", "bao-cao.docx", "manifest.json", "delivery.json"} {
		files = append(files, File{Name: name, Data: bytes.Repeat([]byte{'x'}, sizes[name])})
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Put("annual", "2024", func(int) ([]File, error) { return files, nil }); err != nil {
			b.Fatal(err)
		}
	}
}
