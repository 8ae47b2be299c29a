package render

import (
	"fmt"
	"time"

	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/narrative"
	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/sources"
)

// Unit names the issuing unit and its signer.
type Unit struct {
	Parent, Name, Place, Symbol, SignerTitle, SignerName string
	Recipients                                           []string // overrides the texts' list when set, even empty (not nil)
	// Addressees follow "Kính gửi:" unless the report names its own; when
	// empty, the recipients.
	Addressees []string
	// Drafter (the drafting unit's abbreviation) and Copies (kept) end
	// "Nơi nhận": "- Lưu: VT, <Drafter>, <Copies>."; "- Lưu: VT." unset.
	Drafter string
	Copies  int
}

// Doc is everything a report shows.
type Doc struct {
	// SourceNames are the sources' Vietnamese names by key ("dossiers" →
	// "Sổ theo dõi hồ sơ TTHC"), for the warnings sheet: keys never show.
	SourceNames   map[string]string
	Unit          Unit
	ReportID      string
	Period        period.Period
	Issued        time.Time // the date of issue, on the date line
	Number        int       // the document number; 0 leaves it blank
	PlanReference string
	Outcome       *indicators.Outcome
	Narrative     narrative.Narrative // what a person wrote for the period; may be empty
	Warnings      []sources.Issue
	Texts         *Texts
	Generated     time.Time
	// Addressees are the report's own "Kính gửi" list; empty: the unit's.
	Addressees []string
	// Font is the typeface the PDF embeds; nil: Liberation Serif.
	Font *Font
}

// PeriodWords names the report's period in a sentence.
func (d *Doc) PeriodWords() string {
	return PeriodWords(string(d.Period.Kind), d.Period.Year, d.Period.N)
}

// ResultText shows an indicator's result: "92,31%", "3", "Có", or its
// status word when there is no value.
func ResultText(r indicators.Result) string {
	if r.Value == nil {
		return r.Status
	}
	return valueText(r.Unit, *r.Value)
}

func valueText(unit string, v float64) string {
	switch unit {
	case "rank":
		return Int(int(v))
	case "yesno":
		if v >= 1 {
			return "Có"
		}
		return "Không"
	}
	return Percent(v)
}

// Ratio shows numerator and denominator: "12/13".
func Ratio(r indicators.Result) string {
	if r.Numerator == nil || r.Denominator == nil {
		return ""
	}
	return Int(*r.Numerator) + "/" + Int(*r.Denominator)
}

// Subject names the report's period, for the documents' properties:
// "tháng 3 năm 2024 (từ 15/02/2024 đến 14/03/2024)".
func Subject(d *Doc) string {
	return fmt.Sprintf("%s (từ %s đến %s)", d.PeriodWords(), Date(d.Period.From), Date(d.Period.To))
}
