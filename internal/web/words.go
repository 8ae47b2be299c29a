package web

import (
	"fmt"
	"strconv"

	"github.com/mn2010/baocao/reports/render"
)

// periodWords names a period label the Vietnamese way, as the documents
// do (render.PeriodWords): "2024-03" is "tháng 3 năm 2024", "2024-Q1"
// "quý I năm 2024". A label it cannot read is returned as it is.
func periodWords(label string) string {
	if !labelRe.MatchString(label) {
		return label
	}
	year, _ := strconv.Atoi(label[:4])
	if len(label) == 4 {
		return render.PeriodWords("year", year, 1)
	}
	rest := label[5:]
	switch rest[0] {
	case 'Q':
		return render.PeriodWords("quarter", year, int(rest[1]-'0'))
	case 'H':
		return render.PeriodWords("half-year", year, int(rest[1]-'0'))
	}
	m, _ := strconv.Atoi(rest)
	return render.PeriodWords("month", year, m)
}

// periodForm is the form of a period label, for messages: "2024-03"
// (tháng), "2024-Q1" (quý), "2024-H1" (6 tháng), "2024" (năm).
func periodForm(label string) string {
	switch {
	case len(label) == 4:
		return "năm"
	case len(label) > 5 && label[5] == 'Q':
		return "quý"
	case len(label) > 5 && label[5] == 'H':
		return "6 tháng"
	}
	return "tháng"
}

// titles maps report ids to their titles.
func titles(reps []Report) map[string]string {
	m := map[string]string{}
	for _, r := range reps {
		m[r.ID] = r.Title
	}
	return m
}

// reportTitle is a report's title, or its id when it has none.
func reportTitle(reps []Report, id string) string {
	for _, r := range reps {
		if r.ID == id && r.Title != "" {
			return r.Title
		}
	}
	return id
}

// versionName names a version in a sentence: "Báo cáo tháng kỳ tháng 3
// năm 2024, phiên bản 1".
func versionName(title string, v VersionRef) string {
	if title == "" {
		title = v.Report
	}
	return fmt.Sprintf("%s kỳ %s, phiên bản %d", title, periodWords(v.Period), v.Version)
}

// formExample is the pattern of a label's form: "NNNN-TT", "NNNN-Qn",
// "NNNN-Hn", "NNNN".
func formExample(label string) string {
	switch periodForm(label) {
	case "năm":
		return "NNNN"
	case "quý":
		return "NNNN-Q1 đến NNNN-Q4"
	case "6 tháng":
		return "NNNN-H1 hoặc NNNN-H2"
	}
	return "NNNN-TT"
}

// PeriodWords names a period label the Vietnamese way, for a backend's
// messages to the page ("tháng 3 năm 2024").
func PeriodWords(label string) string { return periodWords(label) }

// VersionName names a version in a sentence, for a backend's messages.
func VersionName(title string, v VersionRef) string { return versionName(title, v) }

// PersonName is the name part of "Name <address>".
func PersonName(addr string) string { return personName(addr) }
