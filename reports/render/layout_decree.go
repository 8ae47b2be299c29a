package render

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
)

// The parts of the layout that Nghị định 30/2020/NĐ-CP, Phụ lục I, sets
// for a report a unit sends to its superior: "Kính gửi", "Nơi nhận" and
// the appendices (docs/document.md quotes each rule).

// Addressees is "Kính gửi:" and the bodies the report is sent to (ô 9a):
// one on the label's line; several one per line, each led by "-" under
// the colon, ";" after each and "." after the last.
type Addressees struct {
	Label string   // "Kính gửi:"
	Lines []string // as shown: ["Phòng Nội vụ Quận 1"] or ["- A;", "- B."]
}

// Several tells whether the addressees go one per line under the label.
func (a Addressees) Several() bool { return len(a.Lines) > 1 }

// addressees are the report's, else the unit's, else "Nơi nhận"'s list.
func (d *Doc) addressees() Addressees {
	names := cleanList(d.Addressees)
	if len(names) == 0 {
		names = cleanList(d.Unit.Addressees)
	}
	if len(names) == 0 {
		names = cleanList(d.recipientList())
	}
	a := Addressees{Label: "Kính gửi:"}
	if len(names) == 1 {
		a.Lines = []string{strings.TrimRight(names[0], ";.")}
		return a
	}
	for i, n := range names {
		end := ";"
		if i == len(names)-1 {
			end = "."
		}
		a.Lines = append(a.Lines, "- "+strings.TrimRight(n, ";.")+end)
	}
	return a
}

func cleanList(list []string) []string {
	var out []string
	for _, s := range list {
		if s = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s), "-")); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// recipientList is the config's recipients, else the texts'. A config
// that writes the key empty (`recipients = []`, as baocao init does when
// the clerk answers "none") means none: the texts' list names the example
// school's district office, which another unit does not send to.
func (d *Doc) recipientList() []string {
	if d.Unit.Recipients != nil {
		return d.Unit.Recipients
	}
	return d.Texts.Recipients
}

// signature lists "Nơi nhận:" (ô 9b): "- Như trên;" for the addressees,
// the other recipients, and "- Lưu: VT, <drafter>, <copies>." last; and
// the signer.
func (d *Doc) signature() Signature {
	addressed := map[string]bool{}
	for _, l := range d.addressees().Lines {
		addressed[strings.TrimRight(strings.TrimPrefix(l, "- "), ";.")] = true
	}
	list := []string{"Như trên"}
	for _, r := range cleanList(d.recipientList()) {
		if r = strings.TrimRight(r, ";."); !addressed[r] {
			list = append(list, r)
		}
	}
	list = append(list, d.Unit.filing())
	s := Signature{Label: "Nơi nhận:", Title: strings.ToUpper(d.Unit.SignerTitle), Name: d.Unit.SignerName}
	for i, r := range list {
		end := ";"
		if i == len(list)-1 {
			end = "."
		}
		s.Recipients = append(s.Recipients, "- "+r+end)
	}
	return s
}

// filing is the last line of "Nơi nhận" without its dash and full stop:
// "Lưu: VT" and, when set, the drafter's abbreviation and the copies kept.
func (u Unit) filing() string {
	s := "Lưu: VT"
	if u.Drafter != "" {
		s += ", " + strings.TrimSpace(u.Drafter)
	}
	if u.Copies > 0 {
		s += fmt.Sprintf(", %02d", u.Copies)
	}
	return s
}

// appendices lists the late dossiers (a table too wide for portrait) and
// the page of figures; with two or more, each "Phụ lục" carries its Roman
// numeral.
func (d *Doc) appendices() []Appendix {
	var out []Appendix
	if len(d.Outcome.Late) > 0 {
		var rows [][]string
		for i, l := range d.Outcome.Late {
			apology := "Chưa xin lỗi"
			if !l.Apology.IsZero() {
				apology = "Đã xin lỗi ngày " + Date(l.Apology)
			}
			rows = append(rows, []string{Int(i + 1), l.ID, l.Field, l.Procedure, Date(l.Received), Date(l.Due), Date(l.Returned), Int(l.DaysLate), apology})
		}
		cols := fitColumns([]Column{{"STT", 12, "C"}, {"Mã hồ sơ", 30, "L"}, {"Lĩnh vực", 35, "L"}, {"Tên thủ tục", 55, "L"},
			{"Ngày tiếp nhận", 22, "C"}, {"Ngày hẹn trả", 22, "C"}, {"Ngày trả kết quả", 22, "C"}, {"Số ngày trễ", 16, "C"}, {"Xin lỗi", 38, "L"}},
			rows, landscapeW)
		out = append(out, Appendix{Title: Fill(d.Texts.AppendixTitle, textData(d)), Table: &Table{Columns: cols, Rows: rows}})
	}
	if len(d.Outcome.Series) > 0 {
		out = append(out, Appendix{Title: Fill(d.Texts.ChartsTitle, textData(d)), Charts: true})
	}
	issued := ""
	if !d.Issued.IsZero() {
		issued = strings.TrimPrefix(LongDate(d.Issued), "ngày ")
	}
	note := Fill(d.Texts.AppendixNote, noteData{DocNumber(d.Number), d.Texts.DocumentType, d.Unit.Symbol, issued, d.Unit.Name})
	for i := range out {
		a := &out[i]
		a.Heading = "Phụ lục"
		if len(out) > 1 {
			a.Heading += " " + romanNumeral(i+1)
		}
		a.Title = strings.ToUpper(a.Title)
		a.Note = note
		w := contentW
		if a.Table != nil {
			w = landscapeW
		}
		a.TitleLines = balance(Clean(a.Title), "B", docTitleSize, w-20)
	}
	return out
}

// appendixName is how the body refers to an appendix: "Phụ lục I".
func appendixName(heading string) string { return heading }

// romanNumeral writes n (1–39) in Roman numerals.
func romanNumeral(n int) string {
	var b strings.Builder
	for _, v := range []struct {
		n int
		s string
	}{{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= v.n {
			b.WriteString(v.s)
			n -= v.n
		}
	}
	return b.String()
}

// sentenceCase lowers the first letter of a phrase set inside a sentence
// ("Tối thiểu 40%" → "tối thiểu 40%"), and of each part after a ";",
// unless the word is an abbreviation ("PHHS", "TTHC").
func sentenceCase(s string) string {
	parts := strings.Split(s, "; ")
	for i, p := range parts {
		parts[i] = lowerWord(p)
	}
	return strings.Join(parts, "; ")
}

func lowerWord(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsUpper(r) {
		return s
	}
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s // an abbreviation
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// measurer measures text in the documents' font (Liberation Serif, the
// metric twin of Times New Roman), in mm, for the layout's decisions:
// column widths and balanced lines.
var measurer struct {
	sync.Mutex
	f *fpdf.Fpdf
}

// textWidth is the width of s in mm, in style ("", "B", "I") at size pt.
func textWidth(s, style string, size float64) float64 {
	measurer.Lock()
	defer measurer.Unlock()
	if measurer.f == nil {
		f := fpdf.New("P", "mm", "A4", "")
		f.AddUTF8FontFromBytes(family, "", liberationserifregular.TTF)
		f.AddUTF8FontFromBytes(family, "B", liberationserifbold.TTF)
		f.AddUTF8FontFromBytes(family, "I", liberationserifitalic.TTF)
		measurer.f = f
	}
	measurer.f.SetFont(family, style, size)
	return measurer.f.GetStringWidth(s)
}

// greedy breaks words into lines no wider than w.
func greedy(words []string, style string, size, w float64) [][]string {
	space := textWidth(" ", style, size)
	var lines [][]string
	cur, width := []string(nil), 0.0
	for _, word := range words {
		ww := textWidth(word, style, size)
		if len(cur) > 0 && width+space+ww > w {
			lines = append(lines, cur)
			cur, width = nil, 0
		}
		if len(cur) > 0 {
			width += space
		}
		cur = append(cur, word)
		width += ww
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// balance breaks a centred title into as few lines as fit in w mm, as
// even as they can be: the narrowest width that still gives that many
// lines, so that no word stands alone on the last one.
func balance(s, style string, size, w float64) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return nil
	}
	n := len(greedy(words, style, size, w))
	lo, hi := 0.0, w
	if n > 1 {
		for hi-lo > 0.5 {
			mid := (lo + hi) / 2
			if len(greedy(words, style, size, mid)) > n {
				lo = mid
			} else {
				hi = mid
			}
		}
	}
	var out []string
	for _, l := range greedy(words, style, size, hi) {
		out = append(out, strings.Join(l, " "))
	}
	return out
}

// shortValue is a cell's text that should never be broken: a status word,
// a figure with its ratio ("Không đạt", "100,00% (1/1)", a date).
const shortValue = 16 // runes

// fitColumns sizes a table's columns to fill width mm: each column at
// least as wide as its widest short value and its longest word (header
// included), the rest shared in proportion to the nominal widths.
func fitColumns(cols []Column, rows [][]string, width float64) []Column {
	const pad = 2.4 // cell padding, both sides, and a little slack
	out := append([]Column(nil), cols...)
	mins := make([]float64, len(cols))
	nominal := 0.0
	for i, c := range cols {
		nominal += c.Width
		for _, w := range strings.Fields(c.Title) {
			mins[i] = max(mins[i], textWidth(w, "B", tableSize)+pad)
		}
		for _, r := range rows {
			v := Clean(r[i])
			if utf8.RuneCountInString(v) <= shortValue {
				mins[i] = max(mins[i], textWidth(v, "", tableSize)+pad)
				continue
			}
			for _, w := range strings.Fields(v) {
				mins[i] = max(mins[i], textWidth(w, "", tableSize)+pad)
			}
		}
	}
	sumMin := 0.0
	for _, m := range mins {
		sumMin += m
	}
	if sumMin >= width { // too many columns: shrink the minimums alike
		for i := range out {
			out[i].Width = mins[i] * width / sumMin
		}
		return out
	}
	// Start from the nominal widths scaled to the page, raised to the
	// minimums; take the excess from the columns with room to spare.
	total, slack := 0.0, 0.0
	for i, c := range cols {
		out[i].Width = max(c.Width*width/nominal, mins[i])
		total += out[i].Width
		slack += out[i].Width - mins[i]
	}
	if excess := total - width; slack > 0 {
		for i := range out {
			out[i].Width -= excess * (out[i].Width - mins[i]) / slack
		}
	}
	return out
}

// AddresseeLines are "Kính gửi:" and the addressees as plain text, for a
// covering e-mail: "Kính gửi: Phòng Nội vụ Quận 1", or the label and one
// line per addressee.
func AddresseeLines(d *Doc) []string {
	a := d.addressees()
	if len(a.Lines) == 0 {
		return nil
	}
	if !a.Several() {
		return []string{a.Label + " " + a.Lines[0]}
	}
	return append([]string{a.Label}, a.Lines...)
}
