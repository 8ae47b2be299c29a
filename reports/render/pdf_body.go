package render

import (
	"strings"

	"github.com/mn2010/baocao/reports/indicators"
)

// TextData is what the period texts are filled with.
func TextData(d *Doc) any { return textData(d) }

func textData(d *Doc) textFields {
	return textFields{PeriodWords: d.PeriodWords(), UnitName: d.Unit.Name, PlanReference: d.PlanReference,
		From: Date(d.Period.From), To: Date(d.Period.To), Year: d.Period.Year}
}

func (p *pdfDoc) body() {
	d, t := p.doc, p.doc.Texts
	p.paragraph(Fill(t.Intro, textData(d)), "", true)

	p.heading(t.HeadingIndicators)
	p.table([]column{{"STT", 12, "C"}, {"Chỉ tiêu", 66, "L"}, {"Kế hoạch", 32, "L"}, {"Kết quả", 30, "C"}, {"Đánh giá", 25, "C"}},
		indicatorRows(d.Outcome.Indicators))

	p.heading(t.HeadingDossiers)
	p.dossiers()

	p.heading(t.HeadingTasks)
	p.tasks()

	p.heading(t.HeadingAssessment)
	for _, s := range Assessment(d) {
		p.paragraph(s, "", true)
	}

	p.heading(t.HeadingDirections)
	for _, s := range t.Directions {
		p.paragraph(Fill(s, textData(d)), "", true)
	}
	p.paragraph(Fill(t.Closing, textData(d)), "", true)
}

// appendix lists the late dossiers on landscape pages: the table is too
// wide for portrait.
func (p *pdfDoc) appendix() {
	d := p.doc
	if len(d.Outcome.Late) == 0 {
		return
	}
	p.landscape()
	y := p.f.GetY()
	p.centred(marginL, y, p.width, "B", 13, "PHỤ LỤC")
	p.centred(marginL, y+6, p.width, "B", 13, Fill(d.Texts.AppendixTitle, textData(d)))
	p.centred(marginL, y+12, p.width, "I", 13, Fill(d.Texts.AppendixNote, noteData{
		DocNumber(d.Number), d.Texts.DocumentType, d.Unit.Symbol, Date(d.Issued), d.Unit.Name}))
	p.f.SetY(y + 21)
	var rows [][]string
	for i, l := range d.Outcome.Late {
		apology := "Chưa xin lỗi"
		if !l.Apology.IsZero() {
			apology = "Đã xin lỗi ngày " + Date(l.Apology)
		}
		rows = append(rows, []string{Int(i + 1), l.ID, l.Field, l.Procedure, Date(l.Received), Date(l.Due), Date(l.Returned), Int(l.DaysLate), apology})
	}
	p.table([]column{{"STT", 12, "C"}, {"Mã hồ sơ", 30, "L"}, {"Lĩnh vực", 35, "L"}, {"Tên thủ tục", 55, "L"},
		{"Ngày tiếp nhận", 22, "C"}, {"Ngày hẹn trả", 22, "C"}, {"Ngày trả kết quả", 22, "C"}, {"Số ngày trễ", 16, "C"}, {"Xin lỗi", 38, "L"}}, rows)
}

func indicatorRows(rs []indicators.Result) [][]string {
	var rows [][]string
	for i, r := range rs {
		result := ResultText(r)
		if ratio := Ratio(r); ratio != "" && r.Value != nil {
			result += " (" + ratio + ")"
		}
		rows = append(rows, []string{Int(i + 1), r.ID + ". " + r.Text, r.TargetText, result, r.Status})
		for _, g := range r.Breakdown {
			status := indicators.NotMet
			if *g.Met {
				status = indicators.Met
			}
			rows = append(rows, []string{"", "- Lĩnh vực " + g.Key, Percent(g.Target),
				Percent(*g.Value) + " (" + Int(g.Numerator) + "/" + Int(g.Denominator) + ")", status})
		}
	}
	return rows
}

func (p *pdfDoc) dossiers() {
	d := p.doc
	fields := d.Outcome.Fields
	total := fields[len(fields)-1]
	p.paragraph(Fill(d.Texts.DossiersText, total), "", true)
	var rows [][]string
	for _, s := range fields {
		rate := indicators.NoCases
		if s.Rate != nil {
			rate = Percent(*s.Rate)
		}
		rows = append(rows, []string{s.Field, Int(s.Received), Int(s.Resolved), Int(s.OnTime), Int(s.Late), Int(s.Pending), rate})
	}
	p.table([]column{{"Lĩnh vực", 45, "L"}, {"Tiếp nhận", 20, "R"}, {"Đã giải quyết", 20, "R"}, {"Đúng hạn", 20, "R"},
		{"Trễ hạn", 18, "R"}, {"Đang giải quyết", 20, "R"}, {"Tỷ lệ đúng hạn", 22, "R"}}, rows)
	if total.Late > 0 {
		apologised := 0
		for _, l := range d.Outcome.Late {
			if !l.Apology.IsZero() {
				apologised++
			}
		}
		p.paragraph(Fill(d.Texts.LateText, lateData{apologised, total.Late}), "", true)
	}
}

func (p *pdfDoc) tasks() {
	d := p.doc
	var rows [][]string
	done, updated := 0, 0
	for _, s := range d.Outcome.Tasks {
		if s.Status == indicators.NoUpdate {
			continue
		}
		updated++
		if s.Status == "Hoàn thành" {
			done++
		}
		rows = append(rows, []string{s.ID, s.Title, s.Status, s.Result})
	}
	p.paragraph(Fill(d.Texts.TasksText, tasksData{updated, len(d.Outcome.Tasks), done}), "", true)
	if len(rows) > 0 {
		p.table([]column{{"Mã", 12, "C"}, {"Nhiệm vụ", 60, "L"}, {"Tình trạng", 28, "C"}, {"Kết quả thực hiện", 65, "L"}}, rows)
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
				missed = append(missed, "- "+Fill(t.AssessmentMissedItem, missedData{r.ID, r.Text, missedFigure(r), r.TargetText}))
			}
		}
	}
	out := []string{Fill(t.AssessmentMet, metData{met, measured, noCases, noData})}
	if len(missed) == 0 {
		return append(out, t.AssessmentAllMet)
	}
	return append(append(out, t.AssessmentMissedIntro), missed...)
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

// signature draws "Nơi nhận:" at the left and the signer's block at the
// right, level with each other.
func (p *pdfDoc) signature() {
	d := p.doc
	p.need(55)
	y := p.f.GetY() + 2
	p.font("BI", 12)
	p.f.SetXY(marginL, y)
	p.f.CellFormat(60, 5, "Nơi nhận:", "", 0, "L", false, 0, "")
	p.font("", 11)
	ry := y + 5.5
	list := d.Texts.Recipients
	if len(d.Unit.Recipients) > 0 {
		list = d.Unit.Recipients
	}
	recipients := append(append([]string{}, list...), "Lưu: VT.")
	for i, r := range recipients {
		text := "- " + Clean(r)
		if i < len(recipients)-1 {
			text += ";"
		}
		p.f.SetXY(marginL, ry)
		p.f.CellFormat(75, 4.8, text, "", 0, "L", false, 0, "")
		ry += 4.8
	}
	const sx, sw = 110.0, 85.0
	p.centred(sx, y, sw, "B", 13, strings.ToUpper(d.Unit.SignerTitle))
	p.centred(sx, y+30, sw, "B", 13, d.Unit.SignerName)
	p.f.SetY(max(ry, y+36))
}
