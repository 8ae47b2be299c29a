package importer

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/mn2010/baocao/sources"
)

// ThresholdKind is how a target says it is met.
type ThresholdKind int

// The kinds of threshold a target may state.
const (
	// Unread: the target states a threshold that could not be read.
	Unread ThresholdKind = iota
	// Percent: a share, at least (or at most) Value.
	Percent
	// Rank: a place in a ranking, at most Value ("nhóm 03 đơn vị dẫn đầu").
	Rank
	// Grade: a grade or better ("đạt loại Tốt trở lên").
	Grade
	// YesNo: done or not ("công khai và cập nhật kịp thời …").
	YesNo
)

// Threshold is a target's threshold as read.
type Threshold struct {
	Kind    ThresholdKind
	Value   float64 // a fraction (0.995) or a rank (3)
	Compare string  // ">=" or "<="
	Grade   string  // "Tốt"
	// Fields holds per-field exceptions ("riêng lĩnh vực xử lý đơn đạt
	// 98%"): the field (as the plan writes it, lower case, until matched
	// to a field the dossiers list) and its fraction.
	Fields  []FieldTarget
	Minimum bool   // said "tối thiểu", "ít nhất", "không dưới"
	Phrase  string // what was read, for the table
	Doubt   string // why it is uncertain, "" when it is not
}

// FieldTarget is one field's own threshold.
type FieldTarget struct {
	Field string
	Value float64
}

var (
	percentRe = lazyRE(`(\d{1,3}(?:[.,]\d{1,3})?)\s*(?:%|phần trăm)`)
	rankRe    = lazyRE(`(?:nhóm|top|tốp)\s+0*(\d{1,3})\b|xếp\s+(?:hạng|thứ)\s+(?:thứ\s+)?0*(\d{1,3})\b|(?:hạng|vị trí)\s+0*(\d{1,3})\s+trở lên`)
	gradeRe   = lazyRE(`(?:loại|mức|xếp loại)\s+(xuất sắc|tốt|khá|trung bình)(?:\s+trở lên)?`)
	fieldRe   = lazyRE(`^lĩnh vực\s+(.+?)\s*(?:phải\s+)?(?:đạt|là|:)?\s*(?:tỷ lệ\s+)?(?:từ\s+|tối thiểu\s+)?(\d{1,3}(?:[.,]\d{1,3})?)\s*%`)
	atMostRe  = lazyRE(`(?:không quá|tối đa|dưới|không vượt quá|thấp hơn|trở xuống)`)
	atLeastRe = lazyRE(`(?:tối thiểu|ít nhất|không dưới|không thấp hơn)`)
	countRe   = lazyRE(`(?:^|\s)\d{1,4}\s+(?:buổi|lần|cuộc|lớp|đợt|chuyên đề|bài|sáng kiến|mô hình|hội nghị|văn bản)(?:\s|$|[,.;])`)
	// cueRe finds a threshold stated without a figure that can be read
	// ("đạt mức cao", "tối thiểu …", "nhóm … dẫn đầu" without a number);
	// "đạt chuẩn", "đạt kết quả tốt" are yes/no targets, not thresholds.
	cueRe = lazyRE(`(?:tối thiểu|tối đa|ít nhất|không dưới|không quá|trở lên|trở xuống|xếp hạng|dẫn đầu|phần trăm|đạt (?:mức|tỷ lệ|từ)|tỷ lệ (?:cao|trên|dưới))`)
)

// readThreshold reads a target's threshold from its text.
func readThreshold(text string) Threshold {
	t := sources.Fold(text)
	if m := rankRe.FindStringSubmatch(t); m != nil && containsAny(t, "dẫn đầu", "đứng đầu", "cao nhất", "xếp", "top", "tốp") {
		n := 0
		for _, g := range m[1:] {
			if g != "" {
				n, _ = strconv.Atoi(g)
			}
		}
		if n > 0 {
			return Threshold{Kind: Rank, Value: float64(n), Compare: "<=", Phrase: m[0]}
		}
	}
	if m := gradeRe.FindStringSubmatch(t); m != nil && !percentRe.MatchString(t) {
		return Threshold{Kind: Grade, Grade: upperFirst(m[1]), Compare: ">=", Phrase: m[0]}
	}
	if ms := percentRe.FindAllStringSubmatchIndex(t, -1); ms != nil {
		return readPercent(t, ms)
	}
	if cueRe.MatchString(t) {
		return Threshold{Kind: Unread, Compare: ">=", Doubt: "không đọc được ngưỡng"}
	}
	if m := countRe.FindStringSubmatch(t); m != nil {
		// "02 buổi tuyên truyền": a count the manual figures cannot hold;
		// entered as done or not.
		return Threshold{Kind: YesNo, Value: 1, Compare: ">=", Phrase: m[0],
			Doubt: "ngưỡng là một số lượng (" + m[0] + "): nhập Có khi đạt, Không khi chưa đạt"}
	}
	return Threshold{Kind: YesNo, Value: 1, Compare: ">="}
}

// readPercent reads a share: the first percentage outside a per-field
// exception, with the exceptions apart. An exception is a "lĩnh vực NAME
// … N%" stated after the main share, or after "riêng" or "đối với".
func readPercent(t string, ms [][]int) Threshold {
	th := Threshold{Kind: Percent, Compare: ">="}
	excepted := map[int]bool{}
	var starts []int
	for i := 0; ; {
		j := strings.Index(t[i:], "lĩnh vực ")
		if j < 0 {
			break
		}
		starts = append(starts, i+j)
		i += j + len("lĩnh vực ")
	}
	for k, i := range starts {
		end := len(t)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		m := fieldRe.FindStringSubmatchIndex(t[i:end])
		if m == nil {
			continue
		}
		name := strings.Trim(t[i+m[2]:i+m[3]], " :,;-–()")
		if name == "" || strings.Contains(name, "từng") || strings.HasPrefix(name, "các ") {
			continue
		}
		before := t[max(0, i-24):i]
		if !(strings.Contains(before, "riêng") || strings.Contains(before, "đối với") || ms[0][0] < i) {
			continue // the main share's own field ("trong lĩnh vực giáo dục đạt 100%")
		}
		v, ok := parsePercent(t[i+m[4] : i+m[5]])
		if !ok {
			continue
		}
		th.Fields = append(th.Fields, FieldTarget{Field: name, Value: v})
		excepted[i+m[4]] = true
	}
	var vals []float64
	for _, m := range ms {
		if excepted[m[2]] {
			continue
		}
		v, ok := parsePercent(t[m[2]:m[3]])
		if !ok {
			th.Kind, th.Doubt = Unread, fmt.Sprintf("tỷ lệ %q không hợp lệ", t[m[0]:m[1]])
			return th
		}
		if len(vals) == 0 {
			th.Value, th.Phrase = v, t[m[0]:m[1]]
			before := t[max(0, m[0]-40):m[0]]
			after := t[m[1]:min(len(t), m[1]+20)]
			if atMostRe.MatchString(before) || strings.HasPrefix(strings.TrimSpace(after), "trở xuống") {
				th.Compare = "<="
			}
			th.Minimum = atLeastRe.MatchString(before)
		}
		vals = append(vals, v)
	}
	if len(vals) == 0 && len(th.Fields) > 0 {
		// Only exceptions: the others are held to 100%.
		th.Value, th.Doubt = 1, "không nêu ngưỡng chung cho các lĩnh vực khác: hiểu là 100%"
	}
	for _, v := range vals[min(1, len(vals)):] {
		if v != th.Value {
			th.Doubt = "nêu nhiều tỷ lệ khác nhau: lấy tỷ lệ đầu tiên"
		}
	}
	return th
}

func parsePercent(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || v < 0 || v > 100 || math.IsNaN(v) {
		return 0, false
	}
	return v / 100, true
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	}
	return string(r)
}

// percentText writes a fraction as Vietnamese does: 0.995 → "99,5%".
func percentText(v float64) string {
	return strings.Replace(strconv.FormatFloat(math.Round(v*100000)/1000, 'f', -1, 64), ".", ",", 1) + "%"
}

// Text is the threshold as the reports print it ("Từ 99% trở lên").
func (th Threshold) Text(yes string) string {
	switch th.Kind {
	case Rank:
		return fmt.Sprintf("Xếp hạng ≤ %d", int(th.Value))
	case Grade:
		return "Loại " + th.Grade + " trở lên"
	case YesNo:
		return yes
	case Unread:
		return "Chưa đọc được ngưỡng"
	}
	main := percentText(th.Value)
	switch {
	case th.Compare == "<=":
		main = "Tối đa " + main
	case th.Minimum:
		main = "Tối thiểu " + main
	case th.Value < 1:
		main = "Từ " + main + " trở lên"
	}
	if len(th.Fields) == 0 {
		return main
	}
	parts := []string{main + " từng lĩnh vực"}
	for _, f := range th.Fields {
		parts = append(parts, upperFirst(f.Field)+" "+percentText(f.Value))
	}
	return strings.Join(parts, "; ")
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
