package web

import (
	"github.com/mn2010/baocao/internal/catalog"
	"html/template"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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

// versionName names a version in a sentence: "Báo cáo tháng 3 năm 2024,
// phiên bản 1".
func versionName(title string, v VersionRef) string {
	return catalog.PgVersionName.F(titled(title, v.Period), v.Version)
}

// titled names a report of a period, saying the period once: "Báo cáo 6
// tháng" and 2024-H1 are "Báo cáo 6 tháng đầu năm 2024", "Báo cáo quý"
// and 2024-Q1 "Báo cáo quý I năm 2024"; a name that does not end with its
// period's word is followed by "kỳ …".
func titled(title, label string) string {
	words := periodWords(label)
	if title == "" {
		return catalog.PgReportOf.F(words)
	}
	form := periodForm(label) // "tháng", "quý", "6 tháng", "năm"
	if strings.HasPrefix(words, form+" ") && strings.HasSuffix(strings.ToLower(title), " "+form) {
		return title[:len(title)-len(form)] + words
	}
	return catalog.PgTitleOfKy.F(title, words)
}

// formExample is the pattern of a label's form: "NNNN-TT", "NNNN-Qn",
// "NNNN-Hn", "NNNN".
func formExample(label string) string {
	switch periodForm(label) {
	case "năm":
		return catalog.PgExYear.String()
	case "quý":
		return catalog.PgExQuarter.String()
	case "6 tháng":
		return catalog.PgExHalf.String()
	}
	return catalog.PgExMonth.String()
}

// breakablePath writes a file path so that a narrow screen breaks it after
// a "/" or "\" (and after "@" or "." of an address), never inside a word:
// each separator is followed by <wbr>, every part escaped.
func breakablePath(p string) template.HTML {
	var b strings.Builder
	start := 0
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '/', '\\', '@':
			b.WriteString(template.HTMLEscapeString(p[start : i+1]))
			b.WriteString("<wbr>")
			start = i + 1
		}
	}
	b.WriteString(template.HTMLEscapeString(p[start:]))
	return template.HTML(b.String())
}

// PeriodWords names a period label the Vietnamese way, for a backend's
// messages to the page ("tháng 3 năm 2024").
func PeriodWords(label string) string { return periodWords(label) }

// VersionName names a version in a sentence, for a backend's messages.
func VersionName(title string, v VersionRef) string { return versionName(title, v) }

// PersonName is the name part of "Name <address>".
func PersonName(addr string) string { return personName(addr) }

// Titled names a report of a period, saying the period once ("Báo cáo
// quý I năm 2024"), for a backend's messages.
func Titled(title, label string) string { return titled(title, label) }

// lowerFirst writes a title inside a sentence: "báo cáo tháng".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
