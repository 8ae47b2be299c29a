package importer

import (
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
	"github.com/mn2010/baocao/templates"
)

// blocks of the built-in plan file copied into every imported plan: the
// sources and their columns (with the comment on indicators' kinds) and
// the dossier table. They are what the computations read, the same for
// every unit that keeps the same books.
var markerRe = lazyRE(`(?m)^# -+ (sources|indicators|dossiers by field|tasks)\n`)

func builtinBlocks() (sourcesBlock, kindsComment, dossierBlock string, err error) {
	data, err := fs.ReadFile(templates.FS, templates.DefaultPlan)
	if err != nil {
		return "", "", "", err
	}
	s := string(data)
	at := map[string]int{}
	for _, m := range markerRe.FindAllStringSubmatchIndex(s, -1) {
		at[s[m[2]:m[3]]] = m[0]
	}
	src, ind, dos, tasks := at["sources"], at["indicators"], at["dossiers by field"], at["tasks"]
	first := strings.Index(s, "[[indicators]]")
	if !(src > 0 && ind > src && first > ind && dos > first && tasks > dos) {
		return "", "", "", fmt.Errorf("importer: the built-in plan %s lacks its section markers", templates.DefaultPlan)
	}
	return s[src:ind], s[ind:first], s[dos:tasks], nil
}

// render writes the plan file for the document read from name.
func render(name string, d *document, targets []Target, tasks []plan.Task) (string, error) {
	srcBlock, kinds, dosBlock, err := builtinBlocks()
	if err != nil {
		return "", err
	}
	bp, err := plan.Builtin()
	if err != nil {
		return "", err
	}
	h := d.header
	var b strings.Builder
	title := "Kế hoạch thực hiện công tác cải cách hành chính"
	if h.Title != "" && upperShare(h.Title) >= 0.8 {
		title = "Kế hoạch " + sentenceCase(h.Title)
	} else if h.Title != "" {
		title = "Kế hoạch " + lowerFirst(h.Title)
	}
	if h.ForYear != 0 && !strings.Contains(title, strconv.Itoa(h.ForYear)) {
		title += " năm " + strconv.Itoa(h.ForYear)
	}
	fmt.Fprintf(&b, "# %s\n", title)
	fmt.Fprintf(&b, "# Đọc từ %s bằng `baocao plan import`. Các chỉ tiêu có chú thích cách hiểu ở trên;\n", name)
	b.WriteString("# dòng \"CẦN XEM LẠI\" là chỗ cần người kiểm tra (docs/plan-file.md, \"Kế hoạch năm mới\").\n\n")
	fmt.Fprintf(&b, "title = %s\n", quote(title))
	fmt.Fprintf(&b, "reference = %s\n", quote(h.Reference()))
	if h.ForYear != 0 {
		fmt.Fprintf(&b, "year = %d\n", h.ForYear)
	}
	if h.Unit != "" {
		fmt.Fprintf(&b, "unit = %s\n", quote(h.Unit))
	}
	b.WriteString("\n")
	b.WriteString(srcBlock)
	b.WriteString(kinds)
	for _, tg := range targets {
		if err := writeTarget(&b, tg); err != nil {
			return "", err
		}
	}
	b.WriteString(dosBlock)
	b.WriteString("# ------------------------------------------------------------------ tasks\n")
	b.WriteString("[tasks]\n")
	fmt.Fprintf(&b, "title = %s\n", quote(bp.Tasks.Title))
	fmt.Fprintf(&b, "source = %s\n", quote(bp.Tasks.Source))
	fmt.Fprintf(&b, "done = %s\n", quote(bp.Tasks.Done))
	fmt.Fprintf(&b, "# Mục %s, tên rút gọn từ câu đầu của mỗi nhiệm vụ.\n", sectionName(d.tasks))
	b.WriteString("items = [\n")
	for _, t := range tasks {
		fmt.Fprintf(&b, "  { id = %s, title = %s },\n", quote(t.ID), quote(t.Title))
	}
	b.WriteString("]\n")
	return b.String(), nil
}

func sectionName(s *section) string {
	if s == nil {
		return "nhiệm vụ"
	}
	return "\"" + s.title + "\""
}

// writeTarget writes one [[indicators]] table with the comment saying how
// the target was understood.
func writeTarget(b *strings.Builder, tg Target) error {
	th := tg.Threshold
	fmt.Fprintf(b, "\n# %s — hiểu là: %s.\n", tg.ID, tg.Why)
	if tg.Manual() {
		fmt.Fprintf(b, "# Nhập tay: Mã chỉ tiêu %s trong sổ \"Số liệu nhập tay\" (%s).\n", tg.ID, valueTypeWords[tg.ValueType])
	} else {
		m, _ := plan.MeasureByKey(tg.Measure)
		fmt.Fprintf(b, "# Đo bằng %s, như chỉ tiêu %s của kế hoạch 2024.\n", m.Name, m.From)
	}
	fmt.Fprintf(b, "# Ngưỡng: %s.\n", thresholdWords(th))
	for _, d := range tg.Doubts {
		fmt.Fprintf(b, "# CẦN XEM LẠI: %s.\n", d)
	}
	b.WriteString("[[indicators]]\n")
	fmt.Fprintf(b, "id = %s\n", quote(tg.ID))
	fmt.Fprintf(b, "text = %s\n", quote(tg.Text))
	fmt.Fprintf(b, "target_text = %s\n", quote(th.Text(tg.yesText())))
	if tg.Manual() {
		b.WriteString("kind = \"manual\"\n")
		fmt.Fprintf(b, "value_type = %s\n", quote(tg.ValueType))
		if th.Compare == "<=" {
			b.WriteString("compare = \"<=\"\n")
		}
		fmt.Fprintf(b, "target = %s\n", number(targetValue(tg)))
		return nil
	}
	m, _ := plan.MeasureByKey(tg.Measure)
	c, err := m.Computation()
	if err != nil {
		return err
	}
	b.WriteString("kind = \"ratio\"\n")
	fmt.Fprintf(b, "source = %s\n", quote(c.Source))
	if c.PeriodCol != "" {
		fmt.Fprintf(b, "period_column = %s\n", quote(c.PeriodCol))
	}
	if len(c.Filters) > 0 {
		fmt.Fprintf(b, "filters = %s\n", conditions(c.Filters))
	}
	fmt.Fprintf(b, "numerator = %s\n", conditions(c.Numerator))
	if c.Distinct != "" {
		fmt.Fprintf(b, "distinct = %s\n", quote(c.Distinct))
	}
	if c.Any {
		b.WriteString("any = true\n")
	}
	fmt.Fprintf(b, "target = %s\n", number(targetValue(tg)))
	if c.Breakdown != nil {
		values := append([]string(nil), c.Breakdown.Values...)
		var targets []string
		for _, f := range th.Fields {
			name := fieldName(f.Field, values)
			if sources.MatcherOf(values).Match(name) < 0 {
				values = append(values, name)
			}
			targets = append(targets, fmt.Sprintf("%s = %s", quote(name), number(f.Value)))
		}
		fmt.Fprintf(b, "breakdown = { column = %s", quote(c.Breakdown.Column))
		if len(targets) > 0 {
			fmt.Fprintf(b, ", targets = { %s }", strings.Join(targets, ", "))
		}
		if len(values) > 0 {
			fmt.Fprintf(b, ", values = %s", stringList(values))
		}
		b.WriteString(" }\n")
	}
	return nil
}

var valueTypeWords = map[string]string{
	"rank": "thứ hạng, ví dụ 3", "fraction": "tỷ lệ, ví dụ 45%", "yesno": "Có hoặc Không",
}

func targetValue(tg Target) float64 {
	switch tg.Threshold.Kind {
	case Unread:
		return math.NaN()
	case YesNo, Grade:
		return 1
	}
	return tg.Threshold.Value
}

func thresholdWords(th Threshold) string {
	switch th.Kind {
	case Unread:
		return "KHÔNG ĐỌC ĐƯỢC — ghi ngưỡng vào target (ví dụ target = 0.95 cho 95%) trước khi chạy báo cáo"
	case Rank:
		return fmt.Sprintf("thứ hạng ≤ %d", int(th.Value))
	case Grade:
		return "loại " + th.Grade + " trở lên (Có = đạt)"
	case YesNo:
		return "Có"
	}
	dir := "≥"
	if th.Compare == "<=" {
		dir = "≤"
	}
	s := dir + " " + percentText(th.Value)
	for _, f := range th.Fields {
		s += ", riêng lĩnh vực \"" + f.Field + "\" " + dir + " " + percentText(f.Value)
	}
	return s
}

// fieldName finds the breakdown value a field named in the plan means
// ("giải quyết khiếu nại, tố cáo" → "Khiếu nại, tố cáo"); a field the
// list lacks is written as the plan writes it.
func fieldName(name string, values []string) string {
	if i := sources.MatcherOf(values).Match(name); i >= 0 {
		return values[i]
	}
	f := sources.FoldMarks(name)
	best := ""
	for _, v := range values {
		fv := sources.FoldMarks(v)
		if (strings.Contains(f, fv) || strings.Contains(fv, f)) && len(v) > len(best) {
			best = v
		}
	}
	if best != "" {
		return best
	}
	return upperFirst(name)
}

func conditions(cs []plan.Condition) string {
	var parts []string
	for _, c := range cs {
		s := fmt.Sprintf("{ column = %s, op = %s", quote(c.Column), quote(c.Op))
		if len(c.Values) > 0 {
			s += ", values = " + stringList(c.Values)
		}
		if c.Other != "" {
			s += ", other = " + quote(c.Other)
		}
		parts = append(parts, s+" }")
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func stringList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// number writes a float as TOML: 1.0, 0.995, nan.
func number(v float64) string {
	if math.IsNaN(v) {
		return "nan"
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

// quote writes a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		case r == utf8.RuneError:
			b.WriteString("\uFFFD")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 1 && !(r[1] >= 'A' && r[1] <= 'Z') {
		r[0] = []rune(strings.ToLower(string(r[0])))[0]
	}
	return string(r)
}
