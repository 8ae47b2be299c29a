package workflow

import (
	"fmt"
	"net/mail"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/reports"
	"github.com/mn2010/baocao/reports/archive"
	"github.com/mn2010/baocao/reports/delivery"
	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/render"
	"github.com/mn2010/baocao/reports/signedcopy"
)

// Message builds the e-mail of an archived version from its manifest and
// files, checking each file against the hash the manifest recorded.
func (m *Flow) Message(e archive.Entry) (*delivery.Message, error) {
	man, err := reports.ReadManifest(e.Dir)
	if err != nil {
		return nil, err
	}
	r, ok := m.cfg.Reports[e.Report]
	if !ok {
		return nil, fmt.Errorf("%w %q", reports.ErrUnknownReport, e.Report)
	}
	if len(r.To) == 0 {
		return nil, ErrSettings.Newf(catalog.WfNoRecipientsTo, e.Report)
	}
	p, err := period.Parse(man.Period.Label, r.Boundary)
	if err != nil {
		return nil, err
	}
	doc := m.mailDoc(man, p)
	doc.Addressees = m.Maker.Settings().Reports[e.Report].Addressees
	msg := &delivery.Message{From: m.cfg.SMTP.From, To: r.To, Cc: r.Cc, Date: m.now().In(m.cfg.Location),
		Subject:   render.Fill(m.texts.Subject, render.TextData(doc)),
		MessageID: messageID(m.cfg, e, man.Version)}
	if msg.Attachments, err = Attachments(e.Dir, man, r.Attach); err != nil {
		return nil, err
	}
	for i, a := range msg.Attachments {
		if strings.EqualFold(filepath.Ext(a.Name), ".xlsx") {
			if msg.Attachments[i].Data, err = render.DistrictCopy(a.Data); err != nil {
				return nil, err
			}
		}
	}
	var signed *signedcopy.Record
	msg.Attachments, signed, err = signedcopy.Swap(e.Dir, msg.Attachments)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, a := range msg.Attachments {
		files = append(files, "- "+a.Name)
	}
	// A covering note from the unit: "Kính gửi:" and the addressees first,
	// as on the report.
	var body []string
	if !r.Reviewed() {
		// A report sent without review says so before anything else: the
		// head's name is on the document, but nobody approved it.
		body = append(body, AutomaticNotice, "")
	}
	body = append(body, render.AddresseeLines(doc)...)
	body = append(body, "")
	body = append(body, m.districtText(man, p, r.Threshold())...)
	body = append(body, "", m.texts.EmailFiles)
	body = append(body, files...)
	if signed != nil {
		body = append(body, "", fmt.Sprintf("Tệp %s là bản đã ký số:", signed.File))
		body = append(body, SignerLines(signed, m.cfg.Location)...)
	}
	body = append(body, "", render.Fill(m.texts.EmailClosing, render.TextData(doc)))
	msg.Body = strings.Join(body, "\n") + "\n"
	return msg, nil
}

// AutomaticNotice is the first line of the district's message of a
// report the unit chose to send without review (docs/duyet-bao-cao.md).
const AutomaticNotice = "Số liệu dưới đây do phần mềm baocao của đơn vị gửi tự động theo lịch, chưa qua thủ trưởng đơn vị duyệt."

// mailDoc is the part of a version's document its messages need.
func (m *Flow) mailDoc(man *reports.Manifest, p period.Period) *render.Doc {
	return &render.Doc{Unit: m.unit(), Period: p, Texts: m.texts, Outcome: &indicators.Outcome{Indicators: man.Indicators}}
}

// districtText is what the district's message says about a version: the
// intro, the number and date of issue, the assessment (targets met, each
// missed one) and the indicators that moved since the previous period by
// more than threshold. The reviewers' message quotes the same lines, so
// that the principal approves the text that goes out.
func (m *Flow) districtText(man *reports.Manifest, p period.Period, threshold float64) []string {
	doc := m.mailDoc(man, p)
	body := []string{render.Fill(m.texts.EmailIntro, render.TextData(doc)), ""}
	if line := m.numberLine(man); line != "" {
		body = append(body, line, "")
	}
	body = append(body, render.Assessment(doc)...)
	if lines := render.ChangeLines(m.texts, man.Indicators, threshold); len(lines) > 0 {
		body = append(append(body, ""), lines...)
	}
	return body
}

// TestMessage is the short message of `baocao mail-test`.
func (m *Flow) TestMessage(to string) *delivery.Message {
	doc := &render.Doc{Unit: m.unit(), Texts: m.texts}
	return &delivery.Message{From: m.cfg.SMTP.From, To: []string{to}, Date: m.now(),
		Subject:   render.Fill(m.texts.TestSubject, render.TextData(doc)),
		Body:      render.Fill(m.texts.TestBody, render.TextData(doc)) + "\n",
		MessageID: fmt.Sprintf("baocao.test.%d@%s", m.now().UnixNano(), fromDomain(m.cfg.SMTP.From))}
}

var slugRe = regexp.MustCompile(`[^a-z0-9-]+`)

// messageID is stable for a unit, report, period and version, so that a
// resent message is recognisably the same one.
func messageID(cfg *Settings, e archive.Entry, version int) string {
	unit := slugRe.ReplaceAllString(strings.ToLower(cfg.Unit.Symbol), "")
	if unit == "" {
		unit = "unit"
	}
	label := slugRe.ReplaceAllString(strings.ToLower(e.Period), "")
	return fmt.Sprintf("baocao.%s.%s.%s.v%d@%s", unit, slugRe.ReplaceAllString(e.Report, ""), label, version, fromDomain(cfg.SMTP.From))
}

func fromDomain(from string) string {
	if a, err := mail.ParseAddress(from); err == nil {
		return a.Address[strings.LastIndexByte(a.Address, '@')+1:]
	}
	return "localhost"
}

// ContentType is the media type of an archived file, by its extension.
func ContentType(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf":
		return "application/pdf"
	case ".xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case ".json":
		return "application/json; charset=utf-8"
	}
	return "application/octet-stream"
}
