package importer

import (
	"strings"

	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
)

// Target is one numbered target of the plan as understood.
type Target struct {
	ID        string
	Text      string
	Threshold Threshold
	// Measure is the known computation it is measured by; empty for a
	// manual figure.
	Measure string
	// ValueType is a manual figure's kind: rank, fraction or yesno.
	ValueType string
	// Why says how the meaning was read ("hồ sơ … xin lỗi").
	Why string
	// Doubts lists what the clerk should check.
	Doubts []string
}

// rule recognises one measure from a target's words (without diacritics,
// lower case): every group in all must have one of its words present, and
// no word of none.
type rule struct {
	measure string // a plan.Measures key, or "" for a manual figure
	all     [][]string
	none    []string
	why     string
}

// rules are tried in order; the first that fits gives the meaning. The
// words are the ways plans say the thing, not one plan's sentences: a
// late dossier's apology is "xin lỗi" with "trễ/quá hạn/hẹn"; publishing a
// figure ("công khai") is something the unit reports by hand whatever the
// figure is; a signature is "ký số".
var rules = []rule{
	{"dossiers_apology", [][]string{{"xin loi"}, {"tre han", "tre hen", "qua han", "qua hen", "cham tra", "tre"}}, nil,
		"hồ sơ trễ hẹn được xin lỗi"},
	{"", [][]string{{"cong khai", "niem yet", "cong bo", "cap nhat"}}, nil, "công khai, cập nhật một thông tin: đơn vị tự báo cáo"},
	{"documents_signed", [][]string{{"ky so", "ky dien tu"}}, []string{"dinh ky so", "moi ky so", "ky so lieu"}, "văn bản ký số"},
	{"staff_email", [][]string{{"thu dien tu cong vu", "email cong vu", "hop thu cong vu", "thu cong vu", "thu dien tu"}}, nil,
		"cán bộ dùng thư điện tử công vụ"},
	{"survey_payments", [][]string{{"hai long"}, {"hoc phi", "thanh toan", "yoyoschool"}}, nil, "hài lòng về thanh toán học phí"},
	{"survey_procedures", [][]string{{"hai long"}, {"thu tuc hanh chinh", "tthc", "giai quyet ho so", "dich vu cong", "ho so"}}, nil,
		"hài lòng về giải quyết thủ tục hành chính"},
	{"feedback_on_time", [][]string{{"phan anh", "kien nghi", "gop y"}, {"tra loi", "xu ly", "giai quyet", "kip thoi", "dung han", "phan hoi"}},
		nil, "phản ánh, kiến nghị được trả lời kịp thời"},
	{"dossiers_on_time", [][]string{{"ho so", "tthc", "thu tuc hanh chinh"}, {"dung han", "dung hen", "truoc han", "truoc hen", "dung thoi han", "dung thoi gian quy dinh",
		"khong co ho so tre", "khong de ho so tre", "khong de tre han", "khong de xay ra tre han"}},
		[]string{"tre han khong qua", "tre hen khong qua"}, "hồ sơ giải quyết đúng hạn"},
	{"payments_app", [][]string{{"hoc phi", "thanh toan", "dong tien"}, {"yoyoschool", "phan mem", "ung dung"}},
		[]string{"khong dung tien mat", "thanh toan dien tu", "thanh toan truc tuyen"},
		"thanh toán học phí qua phần mềm"},
	{"payments_electronic", [][]string{{"thanh toan dien tu", "khong dung tien mat", "thanh toan truc tuyen", "thanh toan qua ngan hang"}}, nil,
		"ứng dụng thanh toán điện tử"},
	{"documents_electronic", [][]string{{"van ban", "tai lieu"}, {"moi truong dien tu", "van ban dien tu", "dang dien tu", "moi truong mang", "ban dien tu", "phan mem quan ly van ban",
		"he thong quan ly van ban", "qua mang"}},
		nil, "văn bản trên môi trường điện tử"},
}

func (r rule) fits(f string) bool {
	for _, w := range r.none {
		if strings.Contains(f, w) {
			return false
		}
	}
	for _, group := range r.all {
		found := false
		for _, w := range group {
			if strings.Contains(f, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// understand reads a target: its threshold and what it measures.
func understand(it item, parent string) Target {
	text := it.text
	if len(it.more) > 0 {
		text = strings.TrimSpace(text + " " + strings.Join(it.more, " "))
	}
	tg := Target{ID: it.id, Text: strings.TrimRight(strings.TrimSpace(it.text), " ;"), Threshold: readThreshold(text)}
	if tg.Threshold.Doubt != "" {
		tg.Doubts = append(tg.Doubts, tg.Threshold.Doubt)
	}
	f := sources.FoldMarks(text)
	// "4. Mức độ hài lòng …: 4.1. Thanh toán học phí đạt 99%": the topic is
	// the target's, the measure its heading's.
	if pf := sources.FoldMarks(parent); strings.Contains(pf, "hai long") && !strings.Contains(f, "hai long") && !strings.Contains(f, "cong khai") {
		f = "hai long " + f
	}
	for _, r := range rules {
		if r.fits(f) {
			tg.Measure, tg.Why = r.measure, r.why
			break
		}
	}
	tg.settle()
	return tg
}

// settle reconciles the measure with the threshold: a known measure is a
// share (or, for electronic payment, yes/no); anything else is a manual
// figure of the threshold's kind.
func (tg *Target) settle() {
	th := &tg.Threshold
	if tg.Measure != "" {
		m, _ := plan.MeasureByKey(tg.Measure)
		c, _ := m.Computation()
		switch {
		case th.Compare == "<=" && th.Kind == Percent:
			tg.Doubts = append(tg.Doubts, "ngưỡng tối đa: chương trình đo tỷ lệ đạt yêu cầu, không đo tỷ lệ này; nhập tay")
			tg.Measure = ""
		case th.Kind == Rank || th.Kind == Grade:
			tg.Doubts = append(tg.Doubts, "ngưỡng là thứ hạng hay xếp loại, không phải tỷ lệ: nhập tay")
			tg.Measure = ""
		case c.Any && th.Kind == Percent:
			tg.Doubts = append(tg.Doubts, "chỉ tiêu nêu một tỷ lệ, chương trình chỉ đo có hay không thanh toán điện tử: nhập tay")
			tg.Measure = ""
		case c.Any:
			th.Kind, th.Value, th.Compare = YesNo, 1, ">="
		case th.Kind == YesNo:
			th.Kind, th.Value = Percent, 1
			tg.Doubts = append(tg.Doubts, "không nêu tỷ lệ: hiểu là 100%")
		case len(th.Fields) > 0 && c.Breakdown == nil:
			tg.Doubts = append(tg.Doubts, "có ngưỡng riêng theo lĩnh vực nhưng phép đo không chia theo lĩnh vực: bỏ qua ngưỡng riêng")
			th.Fields = nil
		}
		if tg.Measure != "" {
			if c.Breakdown != nil {
				for i, f := range th.Fields {
					th.Fields[i].Field = fieldName(f.Field, c.Breakdown.Values)
				}
			}
			return
		}
	}
	if tg.Why == "" {
		tg.Why = "không có phép đo từ sổ sách: đơn vị nhập số liệu"
	}
	switch th.Kind {
	case Rank:
		tg.ValueType = "rank"
	case Percent, Unread:
		tg.ValueType = "fraction"
		if len(th.Fields) > 0 {
			tg.Doubts = append(tg.Doubts, "nhập tay một tỷ lệ chung: ngưỡng riêng theo lĩnh vực không dùng")
			th.Fields = nil
		}
	case Grade:
		tg.ValueType = "yesno"
		tg.Doubts = append(tg.Doubts, "xếp loại nhập tay là Có (đạt loại "+th.Grade+" trở lên) hoặc Không")
	default:
		tg.ValueType = "yesno"
	}
}

// Manual reports whether the target is a manual figure.
func (tg Target) Manual() bool { return tg.Measure == "" }

// yesText is how a yes/no target's threshold is printed.
func (tg Target) yesText() string {
	f := sources.FoldMarks(tg.Text)
	switch {
	case strings.Contains(f, "cong khai"):
		return "Có công khai"
	case strings.Contains(f, "ung dung") || strings.Contains(f, "ap dung"):
		return "Có áp dụng"
	}
	return "Có thực hiện"
}
