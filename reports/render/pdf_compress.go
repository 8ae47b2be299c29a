package render

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"slices"
	"strconv"
)

// fpdf compresses each page's content with a new zlib writer, about 1 MB
// allocated and cleared per page: half of what drawing the three documents
// allocated, and the garbage collector's work with it. The PDF is therefore
// written with fpdf's compression off and its uncompressed streams
// compressed here with one writer reset for each, at fpdf's own level
// (zlib.BestSpeed): the same bytes as fpdf's compression
// (TestPDFCompressedAsFpdfDoes), the objects and their cross-reference
// table moved to their new offsets.

// compressStreams returns pdf with the pages' content streams (those the
// page objects name as /Contents) compressed and marked /FlateDecode, as
// fpdf's compression does, and the cross-reference table and startxref
// made to match. It expects fpdf's layout: objects
// "N 0 obj\n…endobj\n" in the order of the table, one table, one
// subsection from object 0.
func compressStreams(pdf []byte) ([]byte, error) {
	bad := func(what string) error { return fmt.Errorf("render: pdf: %s", what) }
	sx := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if sx < 0 {
		return nil, bad("no startxref")
	}
	rest := pdf[sx+len("\nstartxref\n"):]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return nil, bad("no startxref")
	}
	xref, err := strconv.Atoi(string(rest[:nl]))
	if err != nil || xref <= 0 || xref >= sx {
		return nil, bad("startxref not a table's offset")
	}
	// xref\n0 N\n then N entries of 20 bytes.
	table := pdf[xref:]
	if !bytes.HasPrefix(table, []byte("xref\n0 ")) {
		return nil, bad("no cross-reference table")
	}
	head := bytes.IndexByte(table[len("xref\n0 "):], '\n')
	if head < 0 {
		return nil, bad("no cross-reference table")
	}
	n, err := strconv.Atoi(string(table[len("xref\n0 ") : len("xref\n0 ")+head]))
	entries := len("xref\n0 ") + head + 1
	if err != nil || n < 1 || entries+20*n > len(table) {
		return nil, bad("cross-reference table cut short")
	}
	offsets := make([]int, n)
	for j := 1; j < n; j++ {
		e := table[entries+20*j : entries+20*j+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:]) != " 00000 n \n" || off <= 0 || off >= xref {
			return nil, bad("cross-reference entry " + strconv.Itoa(j))
		}
		offsets[j] = off
	}
	trailer := table[entries+20*n : sx-xref+1] // "trailer\n<<…>>\n"

	// fpdf writes some objects (the page tree, the resources) after
	// others of higher numbers: they are walked in the file's order.
	order := make([]int, 0, n-1)
	for j := 1; j < n; j++ {
		order = append(order, j)
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })
	for k := 1; k < len(order); k++ {
		if offsets[order[k]] == offsets[order[k-1]] {
			return nil, bad("two objects at one offset")
		}
	}
	out := bytes.NewBuffer(make([]byte, 0, len(pdf)/2))
	out.Write(pdf[:offsets[order[0]]])
	zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	var comp bytes.Buffer
	moved := make([]int, n)
	contents := map[int]bool{} // the pages' content streams, named by their pages
	for k, j := range order {
		end := xref
		if k+1 < len(order) {
			end = offsets[order[k+1]]
		}
		obj := pdf[offsets[j]:end]
		moved[j] = out.Len()
		if bytes.HasPrefix(obj, []byte(strconv.Itoa(j)+" 0 obj\n<</Type /Page\n")) {
			if c := bytes.Index(obj, []byte("/Contents ")); c >= 0 {
				ref, _, _ := bytes.Cut(obj[c+len("/Contents "):], []byte(" "))
				if id, err := strconv.Atoi(string(ref)); err == nil {
					contents[id] = true
				}
			}
		}
		if !contents[j] {
			out.Write(obj)
			continue
		}
		prefix := strconv.Itoa(j) + " 0 obj\n<</Length "
		if !bytes.HasPrefix(obj, []byte(prefix)) {
			return nil, bad(fmt.Sprintf("content of a page, object %d, not as fpdf writes it", j))
		}
		dict := obj[len(prefix):]
		gt := bytes.Index(dict, []byte(">>\nstream\n"))
		size, err := strconv.Atoi(string(dict[:max(gt, 0)]))
		body := len(prefix) + gt + len(">>\nstream\n")
		if gt < 0 || err != nil || size < 0 || body+size > len(obj) ||
			string(obj[body+size:]) != "\nendstream\nendobj\n" {
			return nil, bad(fmt.Sprintf("content of a page, object %d, not as fpdf writes it", j))
		}
		comp.Reset()
		zw.Reset(&comp)
		if _, err := zw.Write(obj[body : body+size]); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		fmt.Fprintf(out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", j, comp.Len())
		out.Write(comp.Bytes())
		out.WriteString("\nendstream\nendobj\n")
	}
	at := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", n)
	for j := 1; j < n; j++ {
		fmt.Fprintf(out, "%010d 00000 n \n", moved[j])
	}
	out.Write(trailer)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", at)
	return out.Bytes(), nil
}
