package render

import (
	"bytes"
	"fmt"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// zoneMark holds room in the document information dictionary for the time
// zones of its dates: fpdf writes "D:20240316070003", a local time a
// reader takes for UTC (ISO 32000-1 §7.9.4).
const zoneMark = "baocao-zone-placeholder"

// setInfo fills the document information dictionary: the title, the unit
// as author, the period as subject, and the creation time.
func setInfo(f *fpdf.Fpdf, d *Doc, l *Layout, created time.Time) {
	f.SetTitle(Clean(l.Summary), true)
	f.SetAuthor(Clean(d.Unit.Name), true)
	f.SetSubject(Clean(Subject(d)), true)
	f.SetCreator("baocao", false)
	f.SetProducer("baocao", false)
	f.SetCreationDate(created)
	f.SetModificationDate(created)
	f.SetKeywords(zoneMark, false)
}

// pdfDate is a date as ISO 32000-1 §7.9.4 writes it, with its zone:
// "D:20240316070003+07'00'".
func pdfDate(t time.Time) string {
	s := "D:" + t.Format("20060102150405")
	_, off := t.Zone()
	if off == 0 {
		return s + "Z"
	}
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	return fmt.Sprintf("%s%s%02d'%02d'", s, sign, off/3600, off%3600/60)
}

// zoneDates gives the dates of the information dictionary fpdf wrote their
// time zone, in the room zoneMark held: the dictionary keeps its length,
// so the cross-reference table stays true.
func zoneDates(pdf []byte, t time.Time) ([]byte, error) {
	mark := []byte("/Keywords (" + zoneMark + ")\n")
	bare := "(D:" + t.Format("20060102150405") + ")"
	zoned := "(" + pdfDate(t) + ")"
	i := bytes.Index(pdf, mark)
	if i < 0 || bytes.Count(pdf, mark) != 1 {
		return nil, fmt.Errorf("render: pdf: no room for the dates' zone")
	}
	end := i + bytes.Index(pdf[i:], []byte("endobj"))
	info := pdf[i:end]
	grow := 0
	for _, key := range []string{"/CreationDate ", "/ModDate "} {
		if bytes.Count(info, []byte(key+bare)) != 1 {
			return nil, fmt.Errorf("render: pdf: %s not as written", key)
		}
		grow += len(zoned) - len(bare)
	}
	if grow >= len(mark) {
		return nil, fmt.Errorf("render: pdf: no room for the dates' zone")
	}
	out := make([]byte, 0, len(pdf))
	out = append(out, pdf[:i]...)
	out = append(out, bytes.Repeat([]byte(" "), len(mark)-grow)...)
	out = append(out, bytes.ReplaceAll(info[len(mark):], []byte(bare), []byte(zoned))...)
	out = append(out, pdf[end:]...)
	if len(out) != len(pdf) {
		return nil, fmt.Errorf("render: pdf: dates' zone changed the file's length")
	}
	return out, nil
}
