package sources

import (
	"encoding/binary"
	"errors"
	"io"
	"math/bits"
)

// inflater decodes a DEFLATE stream (RFC 1951), as compress/flate does,
// about twice as fast: it reads its input through a buffer of its own, 8
// bytes at a time into a 64-bit bit buffer, decodes each symbol with one
// table lookup (two for codes longer than litBits/distBits), and writes
// into one flat buffer holding the 32 KB window before the bytes not yet
// read. archive/zip still checks every entry's CRC-32 and size on what it
// gives, and FuzzInflateMatchesFlate compares it with compress/flate on
// arbitrary streams. docs/decisions.md, "Speed of the workbook decoder".
type inflater struct {
	src   io.Reader
	in    []byte // in[ip:iend] is unread input
	ip    int
	iend  int
	rerr  error // the reader's error, once met
	full  bool  // the last read filled in
	extra int   // zero bytes given past the end of the input

	bits uint64 // unread bits, the next one lowest
	nb   uint   // how many

	out  []byte // out[:w] is output: the window, then out[r:w] not yet read
	w, r int

	state  int // what the next decode does
	final  bool
	stored int // bytes left of a stored block
	err    error

	lit  []uint32 // literal/length table: litBits primary + subtables
	dist []uint32 // distance table
	// the dynamic blocks' tables (lit and dist may be the fixed code's)
	litBuf, distBuf []uint32
	lens            [maxLit + maxDist]uint8
}

const (
	windowSize = 32 << 10
	outChunk   = 64 << 10
	maxMatch   = 258
	inBufSize  = 32 << 10
	outSlack   = maxMatch + 8 // room past the limit: a match, and 8-byte copies
	maxOut     = windowSize + outChunk + outSlack

	maxLit  = 286
	maxDist = 30

	litBits  = 10
	distBits = 8
	maxBits  = 15

	// table entries: bits 0-4 the bits to consume, 5-9 the extra bits
	// (for a subtable link: its index bits), then flags, then 16-31 the
	// value (literal, base, or subtable start).
	entLiteral = 1 << 10
	entEnd     = 1 << 11
	entLink    = 1 << 12
	entBad     = 1 << 13
)

// inflater states.
const (
	stHeader = iota
	stHuffman
	stStored
	stDone
)

var errCorrupt = errors.New("flate: corrupt input")

// newInflater decodes the stream r gives. Its output buffer starts small
// (most parts of a workbook are a few KB) and grows to maxOut as needed.
func newInflater(r io.Reader) *inflater {
	return &inflater{src: r, in: make([]byte, 4<<10+8), out: make([]byte, 4<<10+outSlack)}
}

// Close does nothing: the inflater owns no resource.
func (f *inflater) Close() error { return nil }

// Read gives decoded bytes.
func (f *inflater) Read(p []byte) (int, error) {
	for f.r == f.w {
		if f.err != nil {
			return 0, f.err
		}
		if f.state == stDone {
			return 0, io.EOF
		}
		f.decode()
	}
	n := copy(p, f.out[f.r:f.w])
	f.r += n
	return n, nil
}

// limit is where decoding into out pauses for the output to be read.
func (f *inflater) limit() int { return len(f.out) - outSlack }

// slide makes room in out once decoding reached its limit: it grows out
// up to maxOut, then keeps the last windowSize bytes of output at its
// front.
func (f *inflater) slide() {
	if f.w < f.limit() {
		return
	}
	if len(f.out) < maxOut {
		out := make([]byte, min(2*len(f.out), maxOut))
		copy(out, f.out[:f.w])
		f.out = out
		return
	}
	copy(f.out, f.out[f.w-windowSize:f.w])
	f.r -= f.w - windowSize
	f.w = windowSize
}

// decode decodes until some output is ready, the stream ends or an error.
func (f *inflater) decode() {
	for f.r == f.w && f.err == nil && f.state != stDone {
		f.slide()
		switch f.state {
		case stHeader:
			f.header()
		case stStored:
			f.copyStored()
		case stHuffman:
			f.huffman()
		}
	}
}

// fill reads more input into in, keeping what is unread. At the end of
// the input it gives up to 8 zero bytes (counted in extra) so the bit
// buffer can be filled; using them is an error (checked at each block's
// end and at the stream's).
func (f *inflater) fill() {
	if f.full && len(f.in) < inBufSize+8 {
		// The last read filled the small first buffer: a large part.
		f.in = append(f.in, make([]byte, inBufSize-len(f.in)+8)...)
	}
	n := copy(f.in, f.in[f.ip:f.iend])
	f.ip, f.iend = 0, n
	for tries := 0; f.rerr == nil && (tries == 0 || f.iend < 8); tries++ {
		m, err := f.src.Read(f.in[f.iend : len(f.in)-8])
		f.full = f.iend+m == len(f.in)-8
		f.iend += m
		if err != nil {
			f.rerr = err
		}
		if tries == 100 {
			f.rerr = io.ErrNoProgress
		}
	}
	if f.iend < 8 { // the input has ended
		z := 8 - f.iend
		clear(f.in[f.iend:8])
		f.iend = 8
		f.extra += z
	}
}

// refill makes at least 56 bits available.
func (f *inflater) refill() {
	if f.iend-f.ip < 8 {
		f.fill()
	}
	f.bits |= binary.LittleEndian.Uint64(f.in[f.ip:]) << f.nb
	f.ip += int(63-f.nb) >> 3
	f.nb |= 56
}

// overread reports whether bits past the end of the input were used.
func (f *inflater) overread() bool {
	return f.extra > 0 && uint(f.extra)*8 > f.nb+uint(f.iend-f.ip)*8
}

// fail ends the stream with an error: the input's own, if it ended early.
func (f *inflater) fail() {
	if f.overread() {
		f.err = io.ErrUnexpectedEOF
		if f.rerr != nil && f.rerr != io.EOF {
			f.err = f.rerr
		}
		return
	}
	f.err = errCorrupt
}

func (f *inflater) take(n uint) uint32 {
	v := uint32(f.bits & (1<<n - 1))
	f.bits >>= n
	f.nb -= n
	return v
}

// header reads a block's header and its Huffman tables.
func (f *inflater) header() {
	if f.final {
		if f.overread() {
			f.fail()
			return
		}
		f.state = stDone
		return
	}
	f.refill()
	f.final = f.take(1) == 1
	switch f.take(2) {
	case 0:
		f.take(f.nb & 7) // to a byte boundary
		f.refill()
		n, nn := f.take(16), f.take(16)
		if f.overread() || n != ^nn&0xffff {
			f.fail()
			return
		}
		f.stored, f.state = int(n), stStored
	case 1:
		f.lit, f.dist = fixedLit, fixedDist // only read
		f.state = stHuffman
	case 2:
		if !f.dynamic() {
			f.fail()
			return
		}
		f.state = stHuffman
	default:
		f.fail()
	}
}

var codeOrder = [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// dynamic reads a dynamic block's code lengths and builds its tables.
func (f *inflater) dynamic() bool {
	f.refill()
	nlit := int(f.take(5)) + 257
	ndist := int(f.take(5)) + 1
	nclen := int(f.take(4)) + 4
	if nlit > maxLit || ndist > maxDist {
		return false
	}
	var clens [19]uint8
	for i := 0; i < nclen; i++ {
		if f.nb < 3 {
			f.refill()
		}
		clens[codeOrder[i]] = uint8(f.take(3))
	}
	var ctab [1 << 7]uint32
	if _, ok := buildTable(ctab[:], 7, clens[:], codeLenEntry); !ok {
		return false
	}
	lens := f.lens[:nlit+ndist]
	for i := 0; i < len(lens); {
		if f.nb < 7+7 {
			f.refill()
		}
		e := ctab[f.bits&(1<<7-1)]
		if e&entBad != 0 {
			return false
		}
		f.take(uint(e & 31))
		sym := e >> 16
		if sym < 16 {
			lens[i] = uint8(sym)
			i++
			continue
		}
		var rep int
		var v uint8
		switch sym {
		case 16:
			if i == 0 {
				return false
			}
			rep, v = 3+int(f.take(2)), lens[i-1]
		case 17:
			rep = 3 + int(f.take(3))
		default:
			rep = 11 + int(f.take(7))
		}
		if i+rep > len(lens) {
			return false
		}
		for ; rep > 0; rep-- {
			lens[i] = v
			i++
		}
	}
	if f.overread() {
		return false
	}
	var ok1, ok2 bool
	f.litBuf, ok1 = buildTable(f.litBuf, litBits, lens[:nlit], litEntry)
	f.distBuf, ok2 = buildTable(f.distBuf, distBits, lens[nlit:], distEntry)
	f.lit, f.dist = f.litBuf, f.distBuf
	return ok1 && ok2
}

// Bases and extra bits of the length (257…285) and distance codes.
var (
	lenBase  = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lenExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	dBase    = [30]uint16{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	dExtra   = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
)

// The value of each kind of table's entry for symbol s (code length n
// added by buildTable).
func codeLenEntry(s int) uint32 { return uint32(s) << 16 }

func litEntry(s int) uint32 {
	switch {
	case s < 256:
		return uint32(s)<<16 | entLiteral
	case s == 256:
		return entEnd
	case s < 286:
		return uint32(lenBase[s-257])<<16 | uint32(lenExtra[s-257])<<5
	}
	return entBad // 286, 287: in the fixed code only
}

func distEntry(s int) uint32 {
	if s < 30 {
		return uint32(dBase[s])<<16 | uint32(dExtra[s])<<5
	}
	return entBad
}

// buildTable fills t with the canonical Huffman code of lens, as
// compress/flate accepts codes: complete, or a single code of one bit, or
// none (every entry then bad). Codes up to primary bits take one entry;
// longer ones a link to a subtable of maxBits-primary bits after them. t
// grows as the subtables need (a part's first tables are made small).
func buildTable(t []uint32, primary uint, lens []uint8, entry func(int) uint32) ([]uint32, bool) {
	if len(t) < 1<<primary {
		t = make([]uint32, 1<<primary+8<<(maxBits-primary))
	}
	var count [maxBits + 1]int
	maxLen := 0
	for _, n := range lens {
		count[n]++
		maxLen = max(maxLen, int(n))
	}
	count[0] = 0
	for i := range t[:1<<primary] {
		t[i] = entBad
	}
	if maxLen == 0 {
		return t, true
	}
	var next [maxBits + 2]int
	code := 0
	for n := 1; n <= maxBits; n++ {
		code = (code + count[n-1]) << 1
		next[n] = code
	}
	if total := next[maxLen] + count[maxLen]; total != 1<<maxLen && !(total == 1 && maxLen == 1) {
		return t, false
	}
	sub := uint(maxBits) - primary
	links := 0
	for s, n := range lens {
		if n == 0 {
			continue
		}
		c := next[n]
		next[n]++
		rev := int(bits.Reverse16(uint16(c)) >> (16 - n))
		e := entry(s)
		if uint(n) <= primary {
			for i := rev; i < 1<<primary; i += 1 << n {
				t[i] = e | uint32(n)
			}
			continue
		}
		// A long code: a link in the primary table (made on its first
		// code) to a subtable indexed by the code's bits after primary.
		p := rev & (1<<primary - 1)
		if t[p]&entLink == 0 {
			start := 1<<primary + links<<sub
			links++
			if start+1<<sub > len(t) {
				t = append(t, make([]uint32, start+1<<sub-len(t))...)
			}
			t[p] = uint32(start)<<16 | entLink | uint32(sub)<<5 | uint32(primary)
			for i := start; i < start+1<<sub; i++ {
				t[i] = entBad
			}
		}
		start := int(t[p] >> 16)
		m := uint(n) - primary
		for i := rev >> primary; i < 1<<sub; i += 1 << m {
			t[start+i] = e | uint32(m)
		}
	}
	return t, true
}

// The fixed code's tables.
var fixedLit, fixedDist = func() ([]uint32, []uint32) {
	var lens [288]uint8
	for i := range lens {
		switch {
		case i < 144:
			lens[i] = 8
		case i < 256:
			lens[i] = 9
		case i < 280:
			lens[i] = 7
		default:
			lens[i] = 8
		}
	}
	lit, _ := buildTable(nil, litBits, lens[:], litEntry)
	var dl [32]uint8
	for i := range dl {
		dl[i] = 5
	}
	dist, _ := buildTable(nil, distBits, dl[:], distEntry)
	return lit, dist
}()

// copyStored copies a stored block's bytes to the output, as room allows.
func (f *inflater) copyStored() {
	for f.stored > 0 {
		room := f.limit() - f.w
		if room <= 0 {
			return
		}
		if f.nb >= 8 { // whole bytes left in the bit buffer come first
			b := byte(f.take(8))
			if f.overread() { // not a byte of the input: its end's padding
				f.fail()
				return
			}
			f.out[f.w] = b
			f.w++
			f.stored--
			continue
		}
		f.bits, f.nb = 0, 0 // what is above is read from in below
		avail := f.iend - f.extra - f.ip
		if avail <= 0 {
			if f.rerr != nil {
				f.err = io.ErrUnexpectedEOF
				if f.rerr != io.EOF {
					f.err = f.rerr
				}
				return
			}
			f.fill()
			continue
		}
		n := copy(f.out[f.w:f.w+min(room, f.stored)], f.in[f.ip:f.ip+avail])
		f.ip += n
		f.w += n
		f.stored -= n
	}
	f.state = stHeader
}

// huffman decodes a Huffman block until the output has no room for the
// longest match, or the block ends. The bit buffer and the input position
// are kept in locals (stored back at every exit): the compiler would
// otherwise reload them after each byte written.
func (f *inflater) huffman() {
	lit, dist := f.lit, f.dist
	out := f.out
	w := f.w
	limit := f.limit()
	bits, nb, in, ip := f.bits, f.nb, f.in, f.ip
	save := func() { f.bits, f.nb, f.ip, f.w = bits, nb, ip, w }
	// Near the input's end the bit buffer is filled with zero bits
	// (fill): each symbol is checked before it is written not to have
	// used them, so no byte decoded from past the end is given.
	tail := f.extra != 0
	past := func() bool { return uint(f.extra)*8 > nb+uint(f.iend-ip)*8 }
	for w < limit {
		if nb < 48 {
			if f.iend-ip < 8 {
				save()
				f.fill()
				bits, nb, in, ip = f.bits, f.nb, f.in, f.ip
				tail = f.extra != 0
			}
			bits |= binary.LittleEndian.Uint64(in[ip:]) << nb
			ip += int(63-nb) >> 3
			nb |= 56
			if f.extra != 0 {
				if save(); f.overread() {
					f.fail()
					return
				}
			}
		}
		e := lit[bits&(1<<litBits-1)]
		if e&entLink != 0 {
			bits >>= litBits
			nb -= litBits
			e = lit[int(e>>16)+int(bits&(1<<((e>>5)&31)-1))]
		}
		bits >>= e & 31
		nb -= uint(e & 31)
		if e&entLiteral != 0 {
			if tail && past() {
				save()
				f.fail()
				return
			}
			out[w] = byte(e >> 16)
			w++
			continue
		}
		if e&(entEnd|entBad) != 0 {
			save()
			if e&entBad != 0 || f.overread() {
				f.fail()
				return
			}
			f.state = stHeader
			return
		}
		n := (e >> 5) & 31
		length := int(e>>16) + int(bits&(1<<n-1))
		bits >>= n
		nb -= uint(n)
		e = dist[bits&(1<<distBits-1)]
		if e&entLink != 0 {
			bits >>= distBits
			nb -= distBits
			e = dist[int(e>>16)+int(bits&(1<<((e>>5)&31)-1))]
		}
		if e&entBad != 0 {
			save()
			f.fail()
			return
		}
		bits >>= e & 31
		nb -= uint(e & 31)
		n = (e >> 5) & 31
		d := int(e>>16) + int(bits&(1<<n-1))
		bits >>= n
		nb -= uint(n)
		if d > w || tail && past() {
			save()
			f.fail()
			return
		}
		end := w + length
		if d < 8 {
			// A short period (a run of one byte: a part of zeros or
			// spaces). The output repeats every d bytes, so once the
			// first p-d bytes are copied one at a time, the rest can
			// be copied from p bytes back, p the first multiple of d
			// of 8 or more: 8 at a time.
			p := d * ((8 + d - 1) / d)
			for head := min(end, w+p-d); w < head; w++ {
				out[w] = out[w-d]
			}
			d = p
		}
		// 8 bytes at a time, perhaps past end (out has room)
		for ; w < end; w += 8 {
			binary.LittleEndian.PutUint64(out[w:], binary.LittleEndian.Uint64(out[w-d:]))
		}
		w = end
	}
	save()
}
