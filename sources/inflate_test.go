package sources

import (
	"archive/zip"
	"bytes"
	"compress/flate"
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
// inflater.
func FuzzInflateMatchesFlate(f *testing.F) {
	for _, data := range inflateSamples()[:4] {
		f.Add(deflated(f, data[:min(len(data), 3000)], flate.DefaultCompression))
		f.Add(deflated(f, data[:min(len(data), 3000)], flate.NoCompression))
		f.Add(deflated(f, data[:min(len(data), 3000)], flate.HuffmanOnly))
	}
	f.Fuzz(func(t *testing.T, stream []byte) {
		for _, one := range []bool{false, true} {
			want, got, wantErr, gotErr := inflateBoth(stream, one)
			if (wantErr == nil) != (gotErr == nil) || wantErr == nil && !bytes.Equal(got, want) {
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
