package sources

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// inflateBoth decodes stream with compress/flate and with the inflater.
func inflateBoth(stream []byte, oneByte bool) (want, got []byte, wantErr, gotErr error) {
	want, wantErr = io.ReadAll(flate.NewReader(bytes.NewReader(stream)))
	var r io.Reader = bytes.NewReader(stream)
	if oneByte {
		r = iotest.OneByteReader(r)
	}
	got, gotErr = io.ReadAll(newInflater(r))
	return want, got, wantErr, gotErr
}

func deflated(t testing.TB, data []byte, level int) []byte {
	var b bytes.Buffer
	w, err := flate.NewWriter(&b, level)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// inflateSamples are texts of every shape a workbook's parts take, and
// some that make the encoder use stored and fixed blocks.
func inflateSamples() [][]byte {
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 200<<10)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	var sheet strings.Builder
	for i := range 30000 {
		sheet.WriteString(`<row r="` + strings.Repeat("1", i%7) + `"><c r="A1" t="s"><v>` + string(rune('0'+i%10)) + `</v></c></row>`)
	}
	return [][]byte{nil, []byte("a"), []byte(strings.Repeat("a", 100000)), random, []byte(sheet.String()),
		append([]byte(sheet.String()), random...), []byte("abcabcabcabcabcabcabcab")}
}

// TestInflateMatchesFlate: the inflater gives what compress/flate gives
// on streams of every compression level, whole or cut short, read in one
// piece or a byte at a time.
func TestInflateMatchesFlate(t *testing.T) {
	for _, data := range inflateSamples() {
		for _, level := range []int{flate.NoCompression, flate.BestSpeed, flate.DefaultCompression, flate.BestCompression, flate.HuffmanOnly} {
			stream := deflated(t, data, level)
			for _, cut := range []int{len(stream), len(stream) - 1, len(stream) / 2, 3, 0} {
				if cut < 0 {
					continue
				}
				for _, one := range []bool{false, true} {
					want, got, wantErr, gotErr := inflateBoth(stream[:cut], one)
					if !bytes.Equal(got, want) && wantErr == nil || (wantErr == nil) != (gotErr == nil) {
						t.Fatalf("level %d, %d of %d bytes, one byte at a time %v: %d bytes, %v; compress/flate gives %d bytes, %v",
							level, cut, len(stream), one, len(got), gotErr, len(want), wantErr)
					}
				}
			}
		}
	}
}

// TestInflateExampleParts: every part of the example workbooks.
func TestInflateExampleParts(t *testing.T) {
	files, _ := filepath.Glob("../examples/data/*.xlsx")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, zf := range zr.File {
			raw, err := zf.OpenRaw()
			if err != nil {
				t.Fatal(err)
			}
			stream, _ := io.ReadAll(raw)
			want, got, wantErr, gotErr := inflateBoth(stream, false)
			if !bytes.Equal(got, want) || wantErr != nil || gotErr != nil {
				t.Errorf("%s %s: %d bytes, %v; compress/flate gives %d bytes, %v", f, zf.Name, len(got), gotErr, len(want), wantErr)
			}
		}
	}
}

// FuzzInflateMatchesFlate: on any stream, where compress/flate decodes,
// the inflater gives the same bytes; where it refuses, so does the
// inflater, after no byte compress/flate would not give.
func FuzzInflateMatchesFlate(f *testing.F) {
	for _, data := range inflateSamples()[:4] {
		f.Add(deflated(f, data[:min(len(data), 3000)], flate.DefaultCompression))
		f.Add(deflated(f, data[:min(len(data), 3000)], flate.NoCompression))
		f.Add(deflated(f, data[:min(len(data), 3000)], flate.HuffmanOnly))
	}
	f.Fuzz(func(t *testing.T, stream []byte) {
		for _, one := range []bool{false, true} {
			want, got, wantErr, gotErr := inflateBoth(stream, one)
			// On an error both give a beginning of the same output (one
			// may stop earlier: compress/flate keeps back the bytes since
			// its last flush).
			if (wantErr == nil) != (gotErr == nil) || wantErr == nil && !bytes.Equal(got, want) ||
				!bytes.HasPrefix(got, want) && !bytes.HasPrefix(want, got) {
				t.Fatalf("%d bytes, %v; compress/flate gives %d bytes, %v", len(got), gotErr, len(want), wantErr)
			}
		}
	})
}

// BenchmarkInflate inflates every part of the example workbooks at
// BAOCAO_BENCH_SCALE with compress/flate and with the inflater. Bytes are
// the parts' unzipped size.
func BenchmarkInflate(b *testing.B) {
	dir, err := decodeData()
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	var streams [][]byte
	size := int64(0)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		for _, zf := range zr.File {
			raw, _ := zf.OpenRaw()
			s, _ := io.ReadAll(raw)
			streams = append(streams, s)
			size += int64(zf.UncompressedSize64)
		}
	}
	for _, c := range []struct {
		name string
		open func(io.Reader) io.Reader
	}{
		{"flate", func(r io.Reader) io.Reader { return flate.NewReader(r) }},
		{"inflater", func(r io.Reader) io.Reader { return newInflater(r) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(size)
			cpu := cpuTime()
			for b.Loop() {
				for _, s := range streams {
					if _, err := io.Copy(io.Discard, c.open(bytes.NewReader(s))); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}

// rawBook is a one-sheet workbook of rows whose sheet part is the deflate
// stream made by edit from the sheet's stored-block deflate stream, with
// the CRC-32 of the sheet as written and the unzipped size it says.
func rawBook(t *testing.T, rows string, size func(n int) int, alter func(stream []byte) []byte) string {
	t.Helper()
	return rawPartBook(t, bookParts(rows), "xl/worksheets/sheet1.xml", size, alter)
}

// rawPartBook is rawBook for the part named name of parts.
func rawPartBook(t *testing.T, parts []part, name string, size func(n int) int, alter func(stream []byte) []byte) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		if p.name != name {
			w, _ := zw.Create(p.name)
			io.WriteString(w, p.text)
			continue
		}
		stream := alter(deflated(t, []byte(p.text), flate.NoCompression))
		w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE([]byte(p.text)),
			CompressedSize64: uint64(len(stream)), UncompressedSize64: uint64(size(len(p.text)))})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(stream)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPartCheckedThoughReadingStopsAtItsEnd: the sheet reader stops at
// the sheet's end and asks for no more, so archive/zip checks a part's
// CRC-32 and size only if the decoder says io.EOF with the last bytes, as
// compress/flate does. A part whose bytes were changed (the CRC-32 no
// longer theirs) or whose declared size is larger than what it inflates to
// is refused, as it is with compress/flate, never read as figures.
func TestPartCheckedThoughReadingStopsAtItsEnd(t *testing.T) {
	same := func(n int) int { return n }
	cases := []struct {
		name  string
		size  func(int) int
		alter func([]byte) []byte
	}{
		{"a dossier's number changed", same, func(s []byte) []byte { return bytes.Replace(s, []byte("HS-2"), []byte("HS-3"), 1) }},
		{"a size ten bytes larger declared", func(n int) int { return n + 10 }, func(s []byte) []byte { return s }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			refusedByBothDecoders(t, rawBook(t, dossierRows, c.size, c.alter))
		})
	}
}

// TestWorkbookPartCheckedThoughDecodingStopsAtItsRoot: the small parts
// (the workbook, the relationships) are decoded up to their root's end;
// they are read to their end too, so that a workbook part whose 1904 date
// system was switched on after its CRC-32 was written (every date four
// years off) is refused, whichever decoder inflates it.
func TestWorkbookPartCheckedThoughDecodingStopsAtItsRoot(t *testing.T) {
	parts := bookParts(dossierRows)
	for i := range parts {
		if parts[i].name == "xl/workbook.xml" {
			parts[i].text = strings.Replace(parts[i].text, "<sheets>", `<workbookPr date1904="0"/><sheets>`, 1)
		}
	}
	path := rawPartBook(t, parts, "xl/workbook.xml", func(n int) int { return n }, func(s []byte) []byte {
		return bytes.Replace(s, []byte(`date1904="0"`), []byte(`date1904="1"`), 1)
	})
	refusedByBothDecoders(t, path)
}

// refusedByBothDecoders checks that the dossiers workbook at path is
// refused as damaged (a SourceError asking to save it again), read with
// compress/flate and with the inflater.
func refusedByBothDecoders(t *testing.T, path string) {
	t.Helper()
	for _, dec := range []struct {
		name string
		d    zip.Decompressor
	}{{"compress/flate", flate.NewReader}, {"inflater", partDecompressor}} {
		saved := partDecompressor
		partDecompressor = dec.d
		res, err := Read(Spec{Name: "dossiers", Path: path}, dossierSchema())
		partDecompressor = saved
		var se *SourceError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), "lưu lại") {
			t.Errorf("%s: read %v, error %v; want the workbook refused", dec.name, res != nil && res.Table != nil, err)
		}
	}
}

// TestInflateCutGivesOnlyWhatWasWritten: on a stream cut short, what the
// inflater gives before its error is a beginning of what was deflated, as
// with compress/flate: never a byte decoded from past the input's end (the
// zero bits the bit buffer is filled with there), which a sheet would read
// as a cell's text before the error comes.
func TestInflateCutGivesOnlyWhatWasWritten(t *testing.T) {
	for si, data := range inflateSamples() {
		for _, level := range []int{flate.NoCompression, flate.BestSpeed, flate.DefaultCompression, flate.HuffmanOnly} {
			stream := deflated(t, data, level)
			step := max(1, len(stream)/300)
			for cut := 0; cut < len(stream); cut += step {
				for _, one := range []bool{false, true} {
					if one && cut%(step*20) != 0 {
						continue
					}
					var r io.Reader = bytes.NewReader(stream[:cut])
					if one {
						r = iotest.OneByteReader(r)
					}
					got, err := io.ReadAll(newInflater(r))
					if err == nil || !bytes.HasPrefix(data, got) {
						t.Fatalf("sample %d, level %d, cut at %d of %d: %d bytes, %v; the first %d are not what was written",
							si, level, cut, len(stream), len(got), err, len(got))
					}
				}
			}
		}
	}
}

// BenchmarkInflateRuns inflates 64 MB runs of a short period (a part of
// zeros, of spaces, of a three-byte text: the matches of a zip bomb) with
// compress/flate and with the inflater.
func BenchmarkInflateRuns(b *testing.B) {
	for _, unit := range []string{"\x00", "<a>"} {
		data := bytes.Repeat([]byte(unit), 64<<20/len(unit))
		stream := deflated(b, data, flate.BestCompression)
		for _, c := range []struct {
			name string
			open func(io.Reader) io.Reader
		}{
			{"flate", func(r io.Reader) io.Reader { return flate.NewReader(r) }},
			{"inflater", func(r io.Reader) io.Reader { return newInflater(r) }},
		} {
			b.Run(fmt.Sprintf("period-%d/%s", len(unit), c.name), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					if _, err := io.Copy(io.Discard, c.open(bytes.NewReader(stream))); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
