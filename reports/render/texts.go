package render

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/mn2010/baocao/internal/strictoml"
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
	DossiersText          string   `toml:"dossiers_text"`
	LateText              string   `toml:"late_text"`
	TasksText             string   `toml:"tasks_text"`
	AssessmentMet         string   `toml:"assessment_met"`
	AssessmentMissedIntro string   `toml:"assessment_missed_intro"`
	AssessmentMissedItem  string   `toml:"assessment_missed_item"`
	AssessmentAllMet      string   `toml:"assessment_all_met"`
	Directions            []string `toml:"directions"`
	Closing               string   `toml:"closing"`
	AppendixTitle         string   `toml:"appendix_title"`
	AppendixNote          string   `toml:"appendix_note"`
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
		return t, nil
	}
	path := filepath.Join(dir, templates.Texts)
	data, err = os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("render: texts: %w", err)
	}
	if err := decodeTexts(path, data, t); err != nil {
		return nil, err
	}
	return t, nil
}

func decodeTexts(name string, data []byte, t *Texts) error {
	if err := strictoml.Decode(name, data, t); err != nil {
		return fmt.Errorf("render: texts: %w", err)
	}
	return nil
}

// Fill executes one text template with data.
func Fill(text string, data any) string {
	tpl, err := template.New("").Option("missingkey=error").Parse(text)
	if err != nil {
		return text
	}
	var b strings.Builder
	if err := tpl.Execute(&b, data); err != nil {
		return text
	}
	return b.String()
}
