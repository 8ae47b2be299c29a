package render

import (
	"math"
	"strings"

	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/period"
)

// changeEpsilon treats differences below it as none (float noise).
const changeEpsilon = 1e-9

// ChangeText says how an indicator moved since the previous period, for
// the "So với kỳ trước" column: "Tăng 2,50 điểm % (kỳ trước 90,00%)",
// "Lên 2 bậc (kỳ trước hạng 5)", "Không đổi (kỳ trước Có)", or that the
// previous period has no figure. A year-earlier figure follows when the
// sources reach back. Empty when the indicator has no value.
func ChangeText(r indicators.Result) string {
	if r.Previous == nil {
		return ""
	}
	s := change(r, r.Previous, "kỳ trước")
	if r.YearAgo != nil {
		s += "; cùng kỳ năm trước: " + lower(change(r, r.YearAgo, "cùng kỳ"))
	}
	return s
}

// The words of a comparison that has no change (indicators.Comparison.Reason).
const (
	UndatedWords   = "Không so sánh được: danh sách không ghi ngày"
	SameEntryWords = "Chưa có số liệu mới"
)

// change says how r moved since c; who names the earlier period.
func change(r indicators.Result, c *indicators.Comparison, who string) string {
	switch c.Reason {
	case indicators.Undated:
		return UndatedWords
	case indicators.SameEntry:
		return SameEntryWords
	}
	if c.Value == nil {
		if c.Status == indicators.NoCases {
			return upper(who) + " không phát sinh"
		}
		return upper(who) + " chưa có số liệu"
	}
	was := " (" + who + " " + valueText(r.Unit, *c.Value) + ")"
	if r.Unit == "rank" {
		was = " (" + who + " hạng " + valueText(r.Unit, *c.Value) + ")"
	}
	if c.Change == nil {
		return "Không so sánh được" + was
	}
	return ChangeWords(r.Unit, *c.Change) + was
}

// ChangeWords names a change in an indicator's unit: "Tăng 2,50 điểm %",
// "Giảm 0,40 điểm %", "Lên 2 bậc" (a rank nearer the top), "Xuống 1 bậc",
// "Thay đổi" (yes/no), "Không đổi".
func ChangeWords(unit string, ch float64) string {
	if math.Abs(ch) < changeEpsilon {
		return "Không đổi"
	}
	switch unit {
	case "rank":
		if ch < 0 {
			return "Lên " + Int(int(math.Round(-ch))) + " bậc"
		}
		return "Xuống " + Int(int(math.Round(ch))) + " bậc"
	case "yesno":
		return "Thay đổi"
	}
	if ch > 0 {
		return "Tăng " + Decimal(ch*100, 2) + " điểm %"
	}
	return "Giảm " + Decimal(-ch*100, 2) + " điểm %"
}

// Changed reports whether an indicator moved since the previous period by
// more than threshold (a fraction: 0.05 = 5 percentage points) for a ratio,
// or at all for a rank or a yes/no.
func Changed(r indicators.Result, threshold float64) bool {
	c := r.Previous
	if c == nil || c.Change == nil {
		return false
	}
	if r.Unit == "rank" || r.Unit == "yesno" {
		return math.Abs(*c.Change) > changeEpsilon
	}
	return math.Abs(*c.Change) > threshold+changeEpsilon
}

// ChangeLines are the e-mail's lines about the indicators that moved
// since the previous period by more than threshold (see Changed): a
// heading and one line each; none when nothing moved that much.
func ChangeLines(t *Texts, rs []indicators.Result, threshold float64) []string {
	var lines []string
	for _, r := range rs {
		if !Changed(r, threshold) {
			continue
		}
		value, previous := ResultText(r), valueText(r.Unit, *r.Previous.Value)
		if r.Unit == "yesno" && r.Value != nil { // "chưa công khai, thay đổi (kỳ trước có công khai)"
			value, previous = yesNoText(r.TargetText, *r.Value), yesNoText(r.TargetText, *r.Previous.Value)
		}
		lines = append(lines, "- "+Fill(t.EmailChangeItem, changeData{ID: r.ID, Text: r.Text, Value: value,
			Change: lower(ChangeWords(r.Unit, *r.Previous.Change)), Previous: previous, Period: r.Previous.Period}))
	}
	if len(lines) == 0 {
		return nil
	}
	period := ""
	for _, r := range rs {
		if r.Previous != nil {
			period = labelWords(r.Previous.Period)
			break
		}
	}
	head := Fill(t.EmailChanges, changesData{Threshold: Decimal(threshold*100, 2) + " điểm %", Period: period})
	return append([]string{head}, lines...)
}

func upper(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func lower(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToLower(string(r[0])) + string(r[1:])
}

// labelWords names a period label in words ("2024-Q1": "quý I năm 2024");
// a label that does not parse is returned as is.
func labelWords(label string) string {
	p, err := period.Parse(label, period.Calendar)
	if err != nil {
		return label
	}
	return PeriodWords(string(p.Kind), p.Year, p.N)
}
