package sources

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/orisano/gosax"
)

// tokenSeeds are XML texts with the odd things writers and fuzzers put in
// sheets.
var tokenSeeds = []string{
	`<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/></row></sheetData></worksheet>`,
	`<x:c r='A1' t="inlineStr"><x:is><x:t xml:space="preserve"> a&amp;b&#x1F600;</x:t></x:is></x:c>`,
	`<!DOCTYPE x [<!ENTITY a "b">]><a><![CDATA[<c>]]><!-- <c> --></a>`,
	`<c r="A>1" t='s"'><v>1</v></c>`, `<a/><b /><c x="/"/>`, `text only`, `<`, `<!`, `<!x>`, `<![]]>`, `<a`, `<a "b>`,
	"<v>a\r\nb\rc</v>", `<?pi ?><?pi`, `</a`, `<!-- x`, `<!DOCTYPE <x> y`,
}

type token struct {
	kind int
	text string
}

// gosaxTokens is what github.com/orisano/gosax, which the tokenizer
// replaced, makes of data: the tokens up to the first error, and whether
// there was one; ok is false if it panicked.
func gosaxTokens(data []byte) (toks []token, failed, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	r := gosax.NewReaderSize(bytes.NewReader(data), len(data)+16)
	r.EmitSelfClosingTag = true
	for n := 0; n <= len(data)+2; n++ {
		e, err := r.Event()
		if err != nil {
			return toks, true, true
		}
		toks = append(toks, token{int(e.Type()), string(e.Bytes)})
		if e.Type() == gosax.EventEOF {
			return toks, false, true
		}
	}
	return nil, false, false // no progress: gosax gives zero events for a reader returning 0, nil
}

func ourTokens(r io.Reader) (toks []token, failed bool) {
	t := newTokenizer(r)
	for {
		kind, tok, err := t.next()
		if err != nil {
			return toks, true
		}
		toks = append(toks, token{kind, string(tok)})
		if kind == tokEOF {
			return toks, false
		}
	}
}

func checkTokens(t *testing.T, data []byte) {
	t.Helper()
	want, wantFail, ok := gosaxTokens(data)
	if !ok {
		t.Skip("gosax panics on this input")
	}
	for name, r := range map[string]io.Reader{
		"whole":    bytes.NewReader(data),
		"one byte": iotest.OneByteReader(bytes.NewReader(data)),
		"halves":   iotest.HalfReader(bytes.NewReader(data)),
	} {
		got, gotFail := ourTokens(r)
		if fmt.Sprint(got) != fmt.Sprint(want) || gotFail != wantFail {
			t.Fatalf("%q read %s:\n got  %v (error %v)\n want %v (error %v)", data, name, got, gotFail, want, wantFail)
		}
	}
}

// TestTokensMatchGosax: the tokenizer cuts XML exactly where gosax did.
func TestTokensMatchGosax(t *testing.T) {
	for _, s := range tokenSeeds {
		t.Run(s, func(t *testing.T) { checkTokens(t, []byte(s)) })
	}
}

func FuzzTokensMatchGosax(f *testing.F) {
	for _, s := range tokenSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(checkTokens)
}

// TestTokensAcrossBuffers: a part far longer than the buffer, read in odd
// pieces, is cut as when read whole, and a token longer than the bound is
// refused.
func TestTokensAcrossBuffers(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<sheetData>`)
	for i := range 20000 {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c><c r="B%d"/></row>`, i+1, i+1, strings.Repeat("x", i%300), i+1)
	}
	b.WriteString(`</sheetData>`)
	checkTokens(t, []byte(b.String()))

	long := "<a>" + strings.Repeat("y", 2*maxTokenBytes) + "</a>"
	if _, failed := ourTokens(strings.NewReader(long)); !failed {
		t.Error("a text longer than the bound was read")
	}
	tok := newTokenizer(strings.NewReader(`<a b="` + strings.Repeat("z", 2*maxTokenBytes) + `">`))
	if _, _, err := tok.next(); !errors.Is(err, errTokenTooLong) {
		t.Errorf("a tag longer than the bound: %v", err)
	}
}

// sheetResult is every row a sheet reader gives, then its error.
func sheetResult(xml string, general bool) string { return sheetResultReading(xml, general, nil) }

// skipMask reads columns A and C only: B, D and beyond get stand-ins.
var skipMask = []bool{true, false, true}

// sheetResultReading is sheetResult with only the columns marked in read
// decoded (skip.go).
func sheetResultReading(xml string, general bool, read []bool) string {
	s := newSheetRows(io.NopCloser(strings.NewReader(xml)), &sharedStrings{list: []string{"x", "y"}, tooLong: map[int]bool{1: true}})
	s.general = general
	s.read = read
	var b strings.Builder
	for n := 0; n < 100000; n++ {
		row, line, ok, err := s.next()
		if err != nil {
			fmt.Fprintf(&b, "error %v", err)
			break
		}
		if !ok {
			break
		}
		fmt.Fprintf(&b, "%d %v %q\n", line, row.col, row.val)
	}
	return b.String()
}

var quickSeeds = []string{
	`<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1.5</v></c><c r="C1" t="s"><v>1</v></c></row></sheetData>`,
	`<sheetData><row r="2"><c r="B2" s="3" t="s"><v>7</v></c><c t="n" r="C2"><v>&amp;</v></c><c r="D2" t="inlineStr"><v>x</v><is><t>y</t></is></c></row></sheetData>`,
	`<sheetData><row><c r="A&#49;"><v>2</v></c><c r='B1'><v>3</v></c><x:c r="C1"><v>4</v></x:c><c r="D1" t="str"><f>1</f><v>5</v></c><c r="E1"><v>6</v> </c></row></sheetData>`,
	`<sheetData><row r="3"><c r="A3" t="s" t="n"><v> 1 </v></c><c r="B3" r="Z3"><v></v></c><c r="C3"t="s"><v>0</v></c><c r="D3" t="e"><v>&bad;</v></c></row></sheetData>`,
	`<sheetData><row r="4"><c r="A4"><v>` + strings.Repeat("9", 40000) + `</v></c></row></sheetData>`,
	`<sheetData><row r="5"/><row r="6" spans="1:3"><c r="A6"/><c r="B7" s="1"/><c r="C7" t="s" /><c r="D7"><v>1</v></c></row><row/><row><c/><c r="XFE9"><v>1</v></c></row></sheetData>`,
	`<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1"><c r="B1"><v>2</v></c></row><rowx r="2"/><c/ r="A3"><row r="x"><c r="A2" t="s"><v>9</v></c></row></sheetData>`,
	`<sheetData><row r="7" spans="1:4" ht="15"><c r="A7"><v> tổng </v></c><c r="B7"><v>  </v></c><c r="C7"><v>c&amp;d</v></c><c r="D7" t="str"><v>Cộng</v></c><c r="E7" t="e"><v>#N/A</v></c></row><row r="8" x14ac:dyDescent="0.25"><c r="B8"><v>t</v></c></row></sheetData>`,
	`<c><v>0</v></c><v>0</c><c r="A1"><v>5</v></c><c r="B1"><v>6</v></c></c><v>7</v></c>`,
}

// TestQuickCellAgrees: the quick path for the commonest cell gives what
// the general path gives.
func TestQuickCellAgrees(t *testing.T) {
	for _, s := range quickSeeds {
		for _, read := range [][]bool{nil, skipMask} {
			if got, want := sheetResultReading(s, false, read), sheetResultReading(s, true, read); got != want {
				t.Errorf("%.80q (reading %v):\nquick   %.300s\ngeneral %.300s", s, read, got, want)
			}
		}
	}
}

func FuzzQuickCellAgrees(f *testing.F) {
	for _, s := range quickSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, xml string) {
		for _, read := range [][]bool{nil, skipMask} {
			if got, want := sheetResultReading(xml, false, read), sheetResultReading(xml, true, read); got != want {
				t.Errorf("%q (reading %v):\nquick   %s\ngeneral %s", xml, read, got, want)
			}
		}
	})
}

// stringsResult is what reading a shared strings table gives.
func stringsResult(xml string, general bool) string {
	sst, err := parseStringsWith(strings.NewReader(xml), general)
	if err != nil {
		return "error " + err.Error()
	}
	return fmt.Sprintf("%q %v", sst.list, sst.tooLong)
}

var stringSeeds = []string{
	`<sst><si><t>Tuyển sinh</t></si><si><t xml:space="preserve"> a &amp; b </t></si><si><r><t>rich</t></r><r><t>text</t></r></si><si><t>x</t><rPh><t>ph</t></rPh></si></sst>`,
	`<sst><si><t>_x000D_</t></si><si><t></t></si><si><t/></si><si><t>&bad;</t></si></sst>`,
	`<sst><si><t>` + strings.Repeat("a", 40000) + `</t></si><si><t>` + strings.Repeat("&amp;", 30000) + `</t></si><x:si><x:t>p</x:t></x:si></sst>`,
	`<sst><rPh><si><t>in a guide</t></si></rPh><si><t xml:space="default">d</t></si><si><t>cut`,
}

// TestQuickStringAgrees: the quick path for the commonest shared string
// gives what the general path gives.
func TestQuickStringAgrees(t *testing.T) {
	for _, s := range stringSeeds {
		if got, want := stringsResult(s, false), stringsResult(s, true); got != want {
			t.Errorf("%.80q:\nquick   %.300s\ngeneral %.300s", s, got, want)
		}
	}
}

func FuzzQuickStringAgrees(f *testing.F) {
	for _, s := range stringSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, xml string) {
		if got, want := stringsResult(xml, false), stringsResult(xml, true); got != want {
			t.Errorf("%q:\nquick   %s\ngeneral %s", xml, got, want)
		}
	})
}
