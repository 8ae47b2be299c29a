package reports

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/mn2010/baocao/internal/catalog"
	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/narrative"
	"github.com/mn2010/baocao/sources"
)

// Manifest is manifest.json: the record of what a version was made from
// and what it says (docs/spec.md §4).
type Manifest struct {
	Report      string         `json:"report"`
	Period      ManifestPeriod `json:"period"`
	Version     int            `json:"version"`
	GeneratedAt string         `json:"generated_at"`
	Issued      string         `json:"issued"`
	// Number is the document number it carries ("Số: 15/BC-…"); absent
	// when blank, left for the clerk to write.
	Number int    `json:"number,omitempty"`
	Plan   string `json:"plan"`
	// PlanSHA256 is the SHA-256 of the plan file the version was computed
	// with (the embedded file's for the built-in plan).
	PlanSHA256 string                   `json:"plan_sha256"`
	Inputs     []Input                  `json:"inputs"`
	Outputs    []Output                 `json:"outputs"`
	Indicators []indicators.Result      `json:"indicators"`
	Dossiers   []indicators.FieldStats  `json:"dossiers_by_field"`
	Late       []indicators.LateDossier `json:"late_dossiers"`
	Tasks      []indicators.TaskStatus  `json:"tasks"`
	// Narrative is what the clerk wrote for this period, as the documents
	// show it; absent when nothing was written.
	Narrative narrative.Narrative `json:"narrative,omitempty"`
	Issues    []sources.Issue     `json:"issues"`
	// IssuedFrom is, for the issued document of an approved draft, the
	// draft and its approval: the same inputs and figures, with the number
	// and date of issue the approval gave.
	IssuedFrom *IssuedFrom         `json:"issued_from,omitempty"`
	Series     []indicators.Series `json:"series,omitempty"` // monthly values of the year so far
	// NoPeriodData is set when no dated source has a row inside the
	// period (CoverOf): each dated source with the last day its rows
	// reach. The daemon holds such a version instead of sending it.
	NoPeriodData PeriodCover `json:"no_period_data,omitempty"`
	// Font is the typeface the PDF embeds: "Times New Roman" when the
	// machine has it, else "Liberation Serif" (its metric twin).
	Font string `json:"font,omitempty"`
}

// ManifestPeriod is the period a version covers.
type ManifestPeriod struct {
	Label      string `json:"label"`
	From       string `json:"from"`
	To         string `json:"to"`
	Boundaries string `json:"boundaries"`
}

// Output is one file of a version.
type Output struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Bytes  int    `json:"bytes"`
}

// ManifestName is the manifest's file name in a version folder.
const ManifestName = "manifest.json"

// IssuedFrom is, in the manifest of an issued document, the approved draft
// it was made from.
type IssuedFrom struct {
	Version        int    `json:"version"`
	Approval       string `json:"approval"` // the approval record, relative to this version's folder
	ApprovalSHA256 string `json:"approval_sha256"`
	ManifestSHA256 string `json:"manifest_sha256"` // the draft's manifest
	Number         int    `json:"number,omitempty"`
	Date           string `json:"date"`
}

// ReadIssuedFrom reads only the IssuedFrom of a version's manifest: nil for
// a draft or a report made without review. A run looks at every unsent
// draft of its period this way; the whole manifest of an annual report
// (every late dossier, the monthly series) takes milliseconds to decode,
// while most manifests hold no "issued_from" key at all, which is found
// without decoding. A manifest that is not JSON is an error, as with
// ReadManifest.
func ReadIssuedFrom(dir string) (*IssuedFrom, error) {
	path := filepath.Join(dir, ManifestName)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, catalog.RptFile.Errorf(catalog.Said(err))
	}
	if containsFold(b, `"issued_from"`) || !json.Valid(b) {
		// An issued document, or a file that is not plain JSON: read as
		// ReadManifest reads it, with the same errors.
		man, err := decodeManifest(path, b)
		if err != nil {
			return nil, err
		}
		return man.IssuedFrom, nil
	}
	return nil, nil
}

// ReadManifest reads a version's manifest.
func ReadManifest(dir string) (*Manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil, catalog.RptFile.Errorf(catalog.Said(err))
	}
	return decodeManifest(filepath.Join(dir, ManifestName), b)
}

// containsFold reports whether b holds word (lower-case ASCII) in any
// case, as encoding/json matches a key to a field.
func containsFold(b []byte, word string) bool {
	for i := 0; i+len(word) <= len(b); i++ {
		j := 0
		for j < len(word) && b[i+j]|0x20 == word[j]|0x20 {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

func decodeManifest(path string, b []byte) (*Manifest, error) {
	var man Manifest
	if err := json.NewDecoder(bytes.NewReader(b)).Decode(&man); err != nil {
		return nil, catalog.RptPath.Errorf(path, catalog.Said(err))
	}
	return &man, nil
}
