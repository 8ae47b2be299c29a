package signature

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strconv"
)

// sigDict is a signature dictionary found in the revisions added after the
// issued bytes, read lexically: its /ByteRange, its /Contents and the few
// plain entries shown to the clerk.
type sigDict struct {
	at        int64    // where its /ByteRange key is
	ranges    [4]int64 // [0 a b c]: signed bytes are [0,a) and [b,b+c)
	contents  []byte   // /Contents, hex-decoded (DER or BER, with the signer's zero padding)
	subFilter string   // adbe.pkcs7.detached, ETSI.CAdES.detached, ETSI.RFC3161, …
	m         string   // /M, the signing time the signing tool wrote (PDF date)
}

// end is where the revision the signature covers ends.
func (d sigDict) end() int64 { return d.ranges[2] + d.ranges[3] }

var (
	byteRangeKey = []byte("/ByteRange")
	numberRe     = regexp.MustCompile(`^\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]`)
	subFilterRe  = regexp.MustCompile(`/SubFilter\s*/([A-Za-z0-9.\-_#]+)`)
	dateRe       = regexp.MustCompile(`/M\s*\((D:[0-9]{4}[0-9Z+\-' ]*)\)`)
	contentsKey  = []byte("/Contents")
)

// findSignatures reads every signature dictionary after from (the issued
// bytes' length). A /ByteRange whose numbers do not fit the rules is a
// refusal: BadSignature, or Damaged for a range beyond the file's end.
func findSignatures(file []byte, from int64) ([]sigDict, error) {
	var found []sigDict
	size := int64(len(file))
	for i := from; ; {
		k := bytes.Index(file[i:], byteRangeKey)
		if k < 0 {
			break
		}
		at := i + int64(k)
		i = at + int64(len(byteRangeKey))
		n := len(found) + 1
		m := numberRe.FindSubmatch(file[i:])
		if m == nil {
			return nil, &Refusal{Kind: BadSignature, Signature: n, Size: size, Reason: fmt.Sprintf("/ByteRange at byte %d is not four numbers", at)}
		}
		var d sigDict
		d.at = at
		for j := range 4 {
			v, err := strconv.ParseInt(string(m[j+1]), 10, 64)
			if err != nil {
				return nil, &Refusal{Kind: BadSignature, Signature: n, Size: size, Reason: fmt.Sprintf("/ByteRange at byte %d: %v", at, err)}
			}
			d.ranges[j] = v
		}
		r := d.ranges
		if r[0] != 0 || r[1] <= 0 || r[2] <= r[1] || r[3] < 0 {
			return nil, &Refusal{Kind: BadSignature, Signature: n, Size: size,
				Reason: fmt.Sprintf("/ByteRange %v does not start at 0 and leave one gap", r)}
		}
		if d.end() > size {
			return nil, &Refusal{Kind: Damaged, Signature: n, Offset: d.end(), Size: size,
				Reason: fmt.Sprintf("/ByteRange %v ends after the file's %d bytes", r, size)}
		}
		if r[1] < from {
			return nil, &Refusal{Kind: BadSignature, Signature: n, Size: size,
				Reason: fmt.Sprintf("/ByteRange %v leaves out part of the issued bytes (%d)", r, from)}
		}
		if at >= r[1] && at < r[2] || at >= d.end() {
			return nil, &Refusal{Kind: BadSignature, Signature: n, Size: size,
				Reason: fmt.Sprintf("/ByteRange at byte %d is not inside the bytes it signs", at)}
		}
		gap := file[r[1]:r[2]]
		if gap[0] != '<' || gap[len(gap)-1] != '>' || !bytes.HasSuffix(bytes.TrimRight(file[:r[1]], " \t\r\n\f\x00"), contentsKey) {
			return nil, &Refusal{Kind: BadSignature, Signature: n, Size: size,
				Reason: fmt.Sprintf("the bytes /ByteRange %v leaves out are not a /Contents hex string", r)}
		}
		der, err := hexString(gap[1 : len(gap)-1])
		if err != nil {
			return nil, &Refusal{Kind: BadSignature, Signature: n, Size: size, Reason: fmt.Sprintf("/Contents at byte %d: %v", r[1], err)}
		}
		d.contents = der
		text := dictText(file, d)
		if m := subFilterRe.FindSubmatch(text); m != nil {
			d.subFilter = string(m[1])
		}
		if m := dateRe.FindSubmatch(text); m != nil {
			d.m = string(m[1])
		}
		found = append(found, d)
	}
	return found, nil
}

// dictText is the text around a signature dictionary, from its object's
// "obj" to its "endobj", without the /Contents string.
func dictText(file []byte, d sigDict) []byte {
	lo, hi := min(d.at, d.ranges[1]), max(d.at, d.ranges[2])
	start := bytes.LastIndex(file[:lo], []byte(" obj"))
	if start < 0 || lo-int64(start) > 4096 {
		start = int(max(0, lo-4096))
	}
	end := bytes.Index(file[hi:], []byte("endobj"))
	if end < 0 || end > 4096 {
		end = int(min(4096, int64(len(file))-hi))
	}
	var b []byte
	b = append(b, file[start:d.ranges[1]]...)
	b = append(b, ' ')
	if d.ranges[2] < hi+int64(end) {
		b = append(b, file[d.ranges[2]:hi+int64(end)]...)
	}
	return b
}

// hexString decodes a PDF hex string's digits (whitespace allowed; an odd
// last digit is followed by 0).
func hexString(b []byte) ([]byte, error) {
	digits := make([]byte, 0, len(b))
	for _, c := range b {
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0:
		case '0' <= c && c <= '9', 'a' <= c && c <= 'f', 'A' <= c && c <= 'F':
			digits = append(digits, c)
		default:
			return nil, fmt.Errorf("%q is not a hex digit", c)
		}
	}
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	out := make([]byte, len(digits)/2)
	_, err := hex.Decode(out, digits)
	return out, err
}

var eofMarker = []byte("%%EOF")

// revisionEnds are the ends of the revisions after from: each "%%EOF" at
// the start of a line, with the end of line after it.
func revisionEnds(file []byte, from int64) [][2]int64 {
	var ends [][2]int64
	for i := from; ; {
		k := bytes.Index(file[i:], eofMarker)
		if k < 0 {
			return ends
		}
		at := i + int64(k)
		i = at + int64(len(eofMarker))
		if at > 0 && file[at-1] != '\n' && file[at-1] != '\r' {
			continue
		}
		lo, hi := i, i
		for hi < int64(len(file)) && hi-lo < 2 && (file[hi] == '\r' || file[hi] == '\n') {
			hi++
		}
		ends = append(ends, [2]int64{lo, hi})
	}
}

// checkRevisions applies the rules on where signatures sit: each signed
// revision ends at a revision's end, each signature's dictionary is in its
// own revision, every revision after the issued bytes ends where a
// signature's covered bytes end, and the last one reaches the end of the
// file (an end of line after it aside). sigs is sorted by end.
func checkRevisions(file []byte, issued int64, sigs []sigDict) error {
	size := int64(len(file))
	prev := issued
	for i, d := range sigs {
		if i > 0 && d.end() == sigs[i-1].end() {
			return &Refusal{Kind: BadSignature, Signature: i + 1, Size: size,
				Reason: fmt.Sprintf("signatures %d and %d cover the same revision", i, i+1)}
		}
		if d.ranges[1] < prev {
			return &Refusal{Kind: BadSignature, Signature: i + 1, Size: size,
				Reason: fmt.Sprintf("signature %d's /Contents is inside the revision signature %d covers", i+1, i)}
		}
		prev = d.end()
	}
	ends := revisionEnds(file, issued)
	signedEnd := func(e [2]int64) bool {
		return slices.ContainsFunc(sigs, func(d sigDict) bool { return d.end() >= e[0] && d.end() <= e[1] })
	}
	start := issued
	for _, e := range ends {
		if !signedEnd(e) {
			return &Refusal{Kind: ChangedAfterSigning, Offset: start, Size: size,
				Reason: fmt.Sprintf("the revision from byte %d to %d is not a signature's", start, e[1])}
		}
		start = e[1]
	}
	for i, d := range sigs {
		if !slices.ContainsFunc(ends, func(e [2]int64) bool { return d.end() >= e[0] && d.end() <= e[1] }) {
			return &Refusal{Kind: BadSignature, Signature: i + 1, Size: size,
				Reason: fmt.Sprintf("signature %d's bytes end at %d, not at the end of a revision (%%%%EOF)", i+1, d.end())}
		}
	}
	last := sigs[len(sigs)-1].end()
	if rest := bytes.TrimLeft(file[last:], "\r\n"); len(rest) > 0 {
		return &Refusal{Kind: ChangedAfterSigning, Offset: last, Size: size,
			Reason: fmt.Sprintf("%d bytes after the last signed revision", size-last)}
	}
	return nil
}
