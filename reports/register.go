package reports

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/internal/fault"
	"github.com/mn2010/baocao/reports/render"
	"github.com/mn2010/baocao/sources"
)

// The unit's outgoing register ("sổ văn bản đi") is the documents source
// it already keeps: baocao reads the "Số, ký hiệu" of its "Đi" rows to
// propose the next free number of the year and to refuse one already
// given, and prints the line the clerk copies into it after issue. It
// never writes into the clerk's workbook.

// ErrNumberTaken refuses a number the register or another issued report
// of the year already has (the class of workflow.ErrIssue: a number or
// date of issue that cannot be used).
var ErrNumberTaken = catalog.NewClass(catalog.ClassIssue).WithFault(fault.BadInput) // exit 2, like a bad --number

// registerNumber reads "05/BC-MN2010": the number and the symbol.
var registerNumber = regexp.MustCompile(`^\s*0*(\d+)\s*/\s*([^\s]+)`)

// usedNumber is one number of the year already given: in the register
// (Line > 0) or by an issued report of baocao.
type usedNumber struct {
	n      int
	symbol string // "BC-MN2010"
	where  string // "sổ văn bản đi, dòng 12" / "monthly 2024-02 v1"
}

// usedNumbers lists the numbers given in year: the register's "Đi" rows
// dated in the year, and the numbers of every other report and period
// archived with a number issued in the year. With per-type numbering
// ([document] numbering = "type"), only numbers of docType ("BC").
func (m *Maker) usedNumbers(year int, docType, report, label string) ([]usedNumber, error) {
	var out []usedNumber
	schema := m.plan.Sources["documents"]
	spec, ok := m.cfg.Specs()["documents"]
	if schema != nil && ok && schema.Index("number") >= 0 && schema.Index("direction") >= 0 && schema.Index("date") >= 0 {
		spec.Keep = []string{"number", "direction", "date"}
		res, err := sources.Read(spec, schema)
		if err != nil {
			return nil, err
		}
		t := res.Table
		num, dir, date := t.Col("number"), t.Col("direction"), t.Col("date")
		for _, r := range t.Rows() {
			if r.Cell(dir).Text != "Đi" || r.Cell(date).Date().Year() != year {
				continue
			}
			if mm := registerNumber.FindStringSubmatch(r.Cell(num).Text); mm != nil {
				n, _ := strconv.Atoi(mm[1])
				out = append(out, usedNumber{n, mm[2], catalog.RegisterRow.F(r.Line)})
			}
		}
	}
	entries, err := m.store.List()
	if err != nil {
		return nil, err
	}
	symbol := m.texts.DocumentType + "-" + m.cfg.Unit.Symbol
	for _, e := range entries {
		if e.Report == report && e.Period == label {
			continue // a new version of the same report keeps its number
		}
		man, err := ReadManifest(e.Dir)
		if err != nil || man.Number == 0 || !strings.HasPrefix(man.Issued, strconv.Itoa(year)) {
			continue
		}
		out = append(out, usedNumber{man.Number, symbol, fmt.Sprintf("%s %s v%d", e.Report, e.Period, e.Version)})
	}
	if m.cfg.Document.Numbering == "type" {
		kept := out[:0]
		for _, u := range out {
			if t, _, _ := strings.Cut(u.symbol, "-"); strings.EqualFold(t, docType) {
				kept = append(kept, u)
			}
		}
		out = kept
	}
	return out, nil
}

// NextNumber proposes the number of a report issued on day: one more than
// the highest number given in its year (register and archive), 1 when
// none was.
func (m *Maker) NextNumber(report, label string, day time.Time) (int, error) {
	used, err := m.usedNumbers(day.Year(), m.texts.DocumentType, report, label)
	if err != nil {
		return 0, err
	}
	next := 1
	for _, u := range used {
		next = max(next, u.n+1)
	}
	return next, nil
}

// CheckNumber refuses number n for a report issued on day when the
// register or another issued report of the year already has it.
func (m *Maker) CheckNumber(report, label string, n int, day time.Time) error {
	where, next, err := m.NumberTaken(report, label, n, day)
	if err != nil || where == "" {
		return err
	}
	return ErrNumberTaken.Newf(catalog.NumberTaken, render.DocNumber(n), day.Year(), where, next)
}

// NumberTaken says where number n of day's year was already given ("" when
// it is free), and the next free number.
func (m *Maker) NumberTaken(report, label string, n int, day time.Time) (where string, next int, err error) {
	if n <= 0 {
		return "", 0, nil
	}
	used, err := m.usedNumbers(day.Year(), m.texts.DocumentType, report, label)
	if err != nil {
		return "", 0, err
	}
	next = 1
	for _, u := range used {
		next = max(next, u.n+1)
		if u.n == n && where == "" {
			where = u.where
		}
	}
	return where, next, nil
}

// RegisterLine is the line the clerk copies into the outgoing register
// after issue, its columns separated by tabs as the register's are: số,
// ký hiệu; ngày; "Đi"; trích yếu. "" when the version has no number.
func (m *Maker) RegisterLine(man *Manifest) string {
	if man.Number == 0 {
		return ""
	}
	day := man.Issued
	if d, err := time.Parse("2006-01-02", man.Issued); err == nil {
		day = render.Date(d)
	}
	r := m.cfg.Reports[man.Report]
	summary := ""
	if r != nil {
		if p, err := m.Period(man.Report, man.Period.Label); err == nil {
			doc := &render.Doc{Unit: m.Unit(), Period: p, Texts: m.texts}
			s := []rune(render.Fill(m.texts.Summary, render.TextData(doc)))
			if len(s) > 0 {
				s[0] = unicode.ToLower(s[0])
			}
			summary = "Báo cáo " + string(s)
		}
	}
	return strings.Join([]string{fmt.Sprintf("%s/%s-%s", render.DocNumber(man.Number), m.texts.DocumentType, m.cfg.Unit.Symbol), day, "Đi", summary}, "\t")
}
