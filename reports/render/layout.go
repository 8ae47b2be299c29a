package render

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/narrative"
	"github.com/mn2010/baocao/reports/period"
)

// Layout is the document as every format shows it: the header lines, the
// title, the body's blocks in order, "Nơi nhận" with the signature, and the
// appendix. The PDF and the Word draft both render a Layout, so the two
// never say different things. Texts are final (filled, in capitals where
// the document shows capitals) but not yet cleaned for a format.
type Layout struct {
	Header  Header
	Title   string // "BÁO CÁO"
	Summary string // the summary line under the title
	// SummaryLines is the summary broken into balanced lines, so that no
	// word stands alone on the last one; every format shows these lines.
	SummaryLines []string
	Addressees   Addressees // "Kính gửi:", between the title and the body
	Body         []Block
	Signature    Signature
	// Appendices follow the signature (Phụ lục I, III.1), each numbering
	// its own pages: the late dossiers, then the page of figures.
	Appendices []Appendix
}

// Header is the two-column heading of Nghị định 30.
type Header struct {
	Parent, Unit     string // left: the parent body and the unit, in capitals
	Nation, Motto    string // right: "CỘNG HÒA …" and "Độc lập - Tự do - Hạnh phúc"
	Number, DateLine string // "Số: 05/BC-MN2010" under the unit; the place-and-date line under the motto
}

// BlockKind says how a block of the body is shown.
type BlockKind int

// Kinds of body blocks.
const (
	Heading    BlockKind = iota // a section heading: bold capitals at the left margin
	Paragraph                   // body text: justified, first-line indent
	TableBlock                  // a bordered table whose header row repeats on each page
)

// Block is one heading, paragraph or table of the body.
type Block struct {
	Kind  BlockKind
	Text  string // Heading, Paragraph
	Table *Table // TableBlock
	// KeepWithNext keeps a paragraph on one page with what follows: the
	// closing paragraph goes with "Nơi nhận" and the signature.
	KeepWithNext bool
}

// Table is a bordered table with a header row.
type Table struct {
	Columns []Column
	Rows    [][]string
}

// Column of a table: its header, width on the page and alignment.
type Column struct {
	Title string
	Width float64 // mm
	Align string  // "L", "C", "R"
}

// Signature is "Nơi nhận:" at the left and the signer at the right.
type Signature struct {
	Label      string   // "Nơi nhận:"
	Recipients []string // each as shown: "- Phòng Nội vụ Quận 1;", the last "- Lưu: VT."
	Title      string   // the signer's title in capitals
	Name       string
}

// Appendix is one appendix: "Phụ lục" (with its Roman numeral when there
// are two or more), its title in capitals, the note naming the report it
// goes with, and either a table (landscape) or the page of figures.
type Appendix struct {
	Heading, Title, Note string
	TitleLines           []string // Title broken into balanced lines
	Table                *Table   // nil for the figures
	Charts               bool     // the monthly figures of the series
}

// Layout lays the report out: what it says, in order.
func (d *Doc) Layout() *Layout {
	t, u := d.Texts, d.Unit
	l := &Layout{
		Header: Header{Parent: strings.ToUpper(u.Parent), Unit: strings.ToUpper(u.Name),
			Nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Motto: "Độc lập - Tự do - Hạnh phúc",
			Number:   fmt.Sprintf("Số: %s/%s-%s", DocNumber(d.Number), t.DocumentType, u.Symbol),
			DateLine: fmt.Sprintf("%s, %s", u.Place, LongDate(d.Issued))},
		Title:      "BÁO CÁO",
		Summary:    Fill(t.Summary, textData(d)),
		Addressees: d.addressees(),
		Signature:  d.signature(),
		Appendices: d.appendices(),
	}
	l.SummaryLines = balance(Clean(l.Summary), "B", docTitleSize, summaryWidth)
	lateRef, chartsRef := "", ""
	for _, a := range l.Appendices {
		if a.Charts {
			chartsRef = appendixName(a.Heading)
		} else {
			lateRef = appendixName(a.Heading)
		}
	}
	var b blocks
	b.para(Fill(t.Intro, textData(d)))

	b.heading(t.HeadingIndicators)
	b.table([]Column{{"STT", 12, "C"}, {"Chỉ tiêu", 53, "L"}, {"Kế hoạch", 27, "L"}, {"Kết quả", 26, "C"},
		{"So với kỳ trước", 28, "C"}, {"Đánh giá", 19, "C"}}, indicatorRows(d.Outcome.Indicators))
	if chartsRef != "" {
		b.para(Fill(t.ChartsReference, appendixData{chartsRef}))
	}

	b.heading(t.HeadingDossiers)
	d.dossiers(&b, lateRef)

	b.heading(t.HeadingTasks)
	d.tasks(&b)

	b.heading(t.HeadingAssessment)
	for _, s := range Assessment(d) {
		b.para(s)
	}
	d.narrative(&b, narrative.Assessment, "")
	d.narrative(&b, narrative.Causes, t.NarrativeCauses)

	b.heading(t.HeadingDirections)
	for _, s := range t.Directions {
		b.para(Fill(s, textData(d)))
	}
	d.narrative(&b, narrative.Directions, "")

	if len(d.Narrative.Texts(narrative.Proposals)) > 0 {
		b.heading(t.HeadingProposals)
		d.narrative(&b, narrative.Proposals, "")
	}
	b.para(Fill(t.Closing, textData(d)))
	b[len(b)-1].KeepWithNext = true
	l.Body = b
	return l
}

// narrative adds what a person wrote for part p, after the generated
// text: one paragraph per row, led by intro when there is any and intro is
// set.
func (d *Doc) narrative(b *blocks, p narrative.Part, intro string) {
	texts := d.Narrative.Texts(p)
	if len(texts) == 0 {
		return
	}
	if intro != "" {
		b.para(intro)
	}
	for _, s := range texts {
		b.para(s)
	}
}

// blocks is a body under construction.
type blocks []Block

func (b *blocks) heading(s string) { *b = append(*b, Block{Kind: Heading, Text: strings.ToUpper(s)}) }
func (b *blocks) para(s string)    { *b = append(*b, Block{Kind: Paragraph, Text: s}) }
func (b *blocks) table(cols []Column, rows [][]string) {
	*b = append(*b, Block{Kind: TableBlock, Table: &Table{Columns: fitColumns(cols, rows, contentW), Rows: rows}})
}

// carriedWords reads a carried value's note, "Số liệu kỳ 2024-06", as
// words: "số liệu tháng 6 năm 2024" (no hyphen to break across lines).
func carriedWords(note string) string {
	label, ok := strings.CutPrefix(note, "Số liệu kỳ ")
	if p, err := period.Parse(label, period.Decree09); ok && err == nil {
		return "số liệu " + PeriodWords(string(p.Kind), p.Year, p.N)
	}
	return strings.ToLower(note[:1]) + note[1:]
}

// NoteText is an indicator's note as the workbook's "Ghi chú" and the
// page show it: a carried value's "Số liệu kỳ 2024-Q1" in the words of
// the PDF and the Word draft, "Số liệu quý I năm 2024"; any other note as
// it is. The manifest keeps the note as computed.
func NoteText(note string) string {
	if _, ok := strings.CutPrefix(note, "Số liệu kỳ "); !ok {
		return note
	}
	w := carriedWords(note)
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

func indicatorRows(rs []indicators.Result) [][]string {
	var rows [][]string
	for i, r := range rs {
		result := ResultText(r)
		if ratio := Ratio(r); ratio != "" && r.Value != nil {
			result += " (" + ratio + ")"
		}
		if r.Note != "" && r.Value != nil { // a manual value carried forward: say from when
			result += " (" + carriedWords(r.Note) + ")"
		}
		rows = append(rows, []string{Int(i + 1), r.ID + ". " + r.Text, r.TargetText, result, ChangeText(r), r.Status})
		for _, g := range r.Breakdown {
			status := indicators.NotMet
			if *g.Met {
				status = indicators.Met
			}
			rows = append(rows, []string{"", "- Lĩnh vực " + g.Key, Percent(g.Target),
				Percent(*g.Value) + " (" + Int(g.Numerator) + "/" + Int(g.Denominator) + ")", "", status})
		}
	}
	return rows
}

func (d *Doc) dossiers(b *blocks, lateRef string) {
	fields := d.Outcome.Fields
	total := fields[len(fields)-1]
	b.para(Fill(d.Texts.DossiersText, total))
	var rows [][]string
	for _, s := range fields {
		rate := indicators.NoCases
		if s.Rate != nil {
			rate = Percent(*s.Rate)
		}
		rows = append(rows, []string{s.Field, Int(s.Received), Int(s.Resolved), Int(s.OnTime), Int(s.Late), Int(s.Pending), rate})
	}
	b.table([]Column{{"Lĩnh vực", 45, "L"}, {"Tiếp nhận", 20, "R"}, {"Đã giải quyết", 20, "R"}, {"Đúng hạn", 20, "R"},
		{"Trễ hạn", 18, "R"}, {"Đang giải quyết", 20, "R"}, {"Tỷ lệ đúng hạn", 22, "R"}}, rows)
	if total.Late > 0 {
		apologised := 0
		for _, l := range d.Outcome.Late {
			if !l.Apology.IsZero() {
				apologised++
			}
		}
		b.para(Fill(d.Texts.LateText, lateData{apologised, total.Late}))
		if lateRef != "" {
			b.para(Fill(d.Texts.LateReference, appendixData{lateRef}))
		}
	}
}

func (d *Doc) tasks(b *blocks) {
	var rows [][]string
	done, updated := 0, 0
	for _, s := range d.Outcome.Tasks {
		if s.Status == indicators.NoUpdate {
			continue
		}
		updated++
		if s.Done {
			done++
		}
		rows = append(rows, []string{s.ID, s.Title, s.Status, s.Result})
	}
	b.para(Fill(d.Texts.TasksText, tasksData{updated, len(d.Outcome.Tasks), done}))
	if len(rows) > 0 {
		b.table([]Column{{"Mã", 12, "C"}, {"Nhiệm vụ", 60, "L"}, {"Tình trạng", 28, "C"}, {"Kết quả thực hiện", 65, "L"}}, rows)
	}
}

// Assessment is the overall assessment: how many targets were met, and each
// missed target with its figure.
func Assessment(d *Doc) []string {
	t := d.Texts
	var met, measured, noCases, noData int
	var missed []string
	for _, r := range d.Outcome.Indicators {
		switch r.Status {
		case indicators.NoCases:
			noCases++
		case indicators.NoData:
			noData++
		default:
			measured++
			if r.Met != nil && *r.Met {
				met++
			} else {
				missed = append(missed, "- "+missedItem(t, r))
			}
		}
	}
	out := []string{Fill(t.AssessmentMet, metData{met, measured, noCases, noData})}
	if len(missed) == 0 {
		return append(out, t.AssessmentAllMet)
	}
	return append(append(out, t.AssessmentMissedIntro), missed...)
}

// missedItem is the assessment's line for a missed target: its figure
// and the plan's, or for a yes/no indicator the plan's words and the
// result in the same words.
func missedItem(t *Texts, r indicators.Result) string {
	if r.Unit == "yesno" {
		plan, result := yesNoWords(r)
		return Fill(t.AssessmentMissedYesNo, missedData{r.ID, lowerWord(r.Text), result, plan})
	}
	return Fill(t.AssessmentMissedItem, missedData{r.ID, lowerWord(r.Text), missedFigure(r), sentenceCase(r.TargetText)})
}

// yesNoWords are a yes/no indicator's plan and result in words: a plan
// "Có công khai" gives "có công khai" and, for a no, "chưa công khai";
// any other plan text is lowered and a no is "không".
func yesNoWords(r indicators.Result) (plan, result string) {
	v := 0.0
	if r.Value != nil {
		v = *r.Value
	}
	return yesNoText(r.TargetText, 1), yesNoText(r.TargetText, v)
}

// yesNoText is a yes/no value v in the words of the plan's target text.
func yesNoText(target string, v float64) string {
	plan := lower(strings.TrimSpace(target))
	if plan == "" {
		plan = "có"
	}
	if v >= 0.5 {
		return plan
	}
	if rest, ok := strings.CutPrefix(plan, "có "); ok {
		return "chưa " + rest
	}
	return "không"
}

// missedFigure is a missed target's figure, with the groups that missed
// theirs.
func missedFigure(r indicators.Result) string {
	s := ResultText(r)
	var groups []string
	for _, g := range r.Breakdown {
		if !*g.Met {
			groups = append(groups, "lĩnh vực "+g.Key+" "+Percent(*g.Value))
		}
	}
	if len(groups) > 0 {
		s += " (" + strings.Join(groups, "; ") + ")"
	}
	return s
}
