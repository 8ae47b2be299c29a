package render

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/mn2010/baocao/internal/strictoml"
	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/templates"
)

// Texts are the report's Vietnamese texts, each a text/template.
type Texts struct {
	Summary               string   `toml:"summary"`
	Subject               string   `toml:"subject"`
	DocumentType          string   `toml:"document_type"`
	Intro                 string   `toml:"intro"`
	HeadingIndicators     string   `toml:"heading_indicators"`
	HeadingDossiers       string   `toml:"heading_dossiers"`
	HeadingTasks          string   `toml:"heading_tasks"`
	HeadingAssessment     string   `toml:"heading_assessment"`
	HeadingDirections     string   `toml:"heading_directions"`
	HeadingProposals      string   `toml:"heading_proposals"`
	NarrativeCauses       string   `toml:"narrative_causes"`
	DossiersText          string   `toml:"dossiers_text"`
	LateText              string   `toml:"late_text"`
	TasksText             string   `toml:"tasks_text"`
	AssessmentMet         string   `toml:"assessment_met"`
	AssessmentMissedIntro string   `toml:"assessment_missed_intro"`
	AssessmentMissedItem  string   `toml:"assessment_missed_item"`
	AssessmentMissedYesNo string   `toml:"assessment_missed_yesno"`
	AssessmentAllMet      string   `toml:"assessment_all_met"`
	Directions            []string `toml:"directions"`
	Closing               string   `toml:"closing"`
	AppendixTitle         string   `toml:"appendix_title"`
	AppendixNote          string   `toml:"appendix_note"`
	ChartsTitle           string   `toml:"charts_title"`
	LateReference         string   `toml:"late_reference"`
	ChartsReference       string   `toml:"charts_reference"`
	EmailIntro            string   `toml:"email_intro"`
	EmailFiles            string   `toml:"email_files"`
	EmailClosing          string   `toml:"email_closing"`
	EmailChanges          string   `toml:"email_changes"`
	EmailChangeItem       string   `toml:"email_change_item"`
	TestSubject           string   `toml:"test_subject"`
	TestBody              string   `toml:"test_body"`
	Recipients            []string `toml:"recipients"`
}

// LoadTexts reads texts.toml from dir, or the embedded one if dir is empty.
// Keys missing from an override keep their embedded text.
func LoadTexts(dir string) (*Texts, error) {
	data, err := fs.ReadFile(templates.FS, templates.Texts)
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	t := &Texts{}
	if err := decodeTexts(templates.Texts, data, t); err != nil {
		return nil, err
	}
	if dir == "" {
		return t, t.check()
	}
	path := filepath.Join(dir, templates.Texts)
	data, err = os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("render: texts: %w", err)
	}
	if err := decodeTexts(path, data, t); err != nil {
		return nil, err
	}
	if err := t.check(); err != nil {
		return nil, fmt.Errorf("render: texts: %s: %w", path, err)
	}
	return t, nil
}

// The data each text template is filled with.
type (
	textFields struct {
		PeriodWords, UnitName, PlanReference, From, To string
		Year                                           int
		// NextYear is the year of the next period, the one section V's
		// directions are for: 2025 for the year 2024, its second half or
		// its last quarter.
		NextYear int
	}
	lateData   struct{ Apologised, Late int }
	tasksData  struct{ Updated, Total, Done int }
	metData    struct{ Met, Measured, NoCases, NoData int }
	missedData struct{ ID, Text, Value, Target string }
	// noteData fills the appendix's note; Issued is the date in words
	// without "ngày": "05 tháng 4 năm 2024".
	noteData struct{ Number, Type, Symbol, Issued, UnitName string }
	// appendixData names the appendix the body refers to: "Phụ lục I".
	appendixData struct{ Appendix string }
	// changesData heads the e-mail's list of indicators that moved.
	changesData struct{ Threshold, Period string }
	// changeData is one indicator that moved since the previous period.
	changeData struct{ ID, Text, Value, Change, Previous, Period string }
)

// check fills every template with sample data of its type, so that a
// mistake in an override is an error at start rather than a wrong sentence.
func (t *Texts) check() error {
	period := textFields{}
	checks := []struct {
		key, text string
		data      any
	}{
		{"summary", t.Summary, period}, {"subject", t.Subject, period}, {"intro", t.Intro, period},
		{"closing", t.Closing, period}, {"appendix_title", t.AppendixTitle, period},
		{"email_intro", t.EmailIntro, period}, {"email_files", t.EmailFiles, period}, {"email_closing", t.EmailClosing, period},
		{"test_subject", t.TestSubject, period}, {"test_body", t.TestBody, period},
		{"heading_proposals", t.HeadingProposals, period}, {"narrative_causes", t.NarrativeCauses, period},
		{"dossiers_text", t.DossiersText, indicators.FieldStats{}}, {"late_text", t.LateText, lateData{}},
		{"tasks_text", t.TasksText, tasksData{}}, {"assessment_met", t.AssessmentMet, metData{}},
		{"assessment_missed_item", t.AssessmentMissedItem, missedData{}}, {"assessment_missed_yesno", t.AssessmentMissedYesNo, missedData{}},
		{"appendix_note", t.AppendixNote, noteData{}}, {"charts_title", t.ChartsTitle, period},
		{"late_reference", t.LateReference, appendixData{}}, {"charts_reference", t.ChartsReference, appendixData{}},
		{"email_changes", t.EmailChanges, changesData{}}, {"email_change_item", t.EmailChangeItem, changeData{}},
	}
	for i, d := range t.Directions {
		checks = append(checks, struct {
			key, text string
			data      any
		}{fmt.Sprintf("directions[%d]", i), d, period})
	}
	for _, c := range checks {
		tpl, err := template.New(c.key).Option("missingkey=error").Parse(c.text)
		if err == nil {
			err = tpl.Execute(io.Discard, c.data)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", c.key, err)
		}
	}
	return nil
}

func decodeTexts(name string, data []byte, t *Texts) error {
	if err := strictoml.Decode(name, data, t); err != nil {
		return fmt.Errorf("render: texts: %w", err)
	}
	return nil
}

// Fill executes one text template with data; templates are checked when
// loaded, so an error here is a programming mistake and shows in the text.
func Fill(text string, data any) string {
	tpl, err := template.New("").Option("missingkey=error").Parse(text)
	if err != nil {
		return text + " [" + err.Error() + "]"
	}
	var b strings.Builder
	if err := tpl.Execute(&b, data); err != nil {
		return text + " [" + err.Error() + "]"
	}
	return b.String()
}
