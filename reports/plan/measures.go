package plan

import (
	"fmt"
	"reflect"
	"sync"
)

// Measure is a computation the program knows: one of the built-in 2024
// plan's ratio indicators, named by what it counts. An imported plan's
// target that means the same thing is computed exactly as that indicator
// is, with the imported plan's own id and threshold.
type Measure struct {
	Key  string // stable name, e.g. "dossiers_on_time"
	Name string // Vietnamese, as the clerk reads it after "đo bằng"
	From string // the id of the built-in plan's indicator computed so
}

// Measures lists the known computations, in the built-in plan's order.
var Measures = []Measure{
	{"dossiers_on_time", "tỷ lệ hồ sơ TTHC trả kết quả đúng hạn, từng lĩnh vực (Sổ theo dõi hồ sơ TTHC)", "3.1"},
	{"dossiers_apology", "tỷ lệ hồ sơ TTHC trễ hẹn có ngày xin lỗi (Sổ theo dõi hồ sơ TTHC)", "3.3"},
	{"payments_app", "tỷ lệ học sinh có thanh toán học phí qua Yoyoschool (Thanh toán học phí)", "3.5"},
	{"survey_payments", "tỷ lệ phiếu Hài lòng, Rất hài lòng về thanh toán học phí qua Yoyoschool (Phiếu khảo sát hài lòng)", "4.1"},
	{"survey_procedures", "tỷ lệ phiếu Hài lòng, Rất hài lòng về giải quyết thủ tục hành chính (Phiếu khảo sát hài lòng)", "4.2"},
	{"feedback_on_time", "tỷ lệ phản ánh, kiến nghị được trả lời đúng hạn (Sổ phản ánh, kiến nghị)", "5"},
	{"payments_electronic", "có thanh toán không dùng tiền mặt trong kỳ (Thanh toán học phí)", "7"},
	{"documents_electronic", "tỷ lệ văn bản thực hiện trên môi trường điện tử, trừ văn bản mật (Sổ văn bản đi/đến)", "9.1"},
	{"documents_signed", "tỷ lệ văn bản điện tử phát hành được ký số (Sổ văn bản đi/đến)", "9.2"},
	{"staff_email", "tỷ lệ CBCCVC có thư điện tử công vụ (Danh sách CBCCVC)", "9.4"},
}

var builtin struct {
	once sync.Once
	p    *Plan
	err  error
}

// Builtin is the plan embedded in the binary (2024), loaded once; callers
// must not change it.
func Builtin() (*Plan, error) {
	builtin.once.Do(func() { builtin.p, builtin.err = Load("") })
	return builtin.p, builtin.err
}

// MeasureByKey returns the known measure key names.
func MeasureByKey(key string) (Measure, bool) {
	for _, m := range Measures {
		if m.Key == key {
			return m, true
		}
	}
	return Measure{}, false
}

// Computation returns the built-in indicator that computes m: a copy, to be
// given the importing plan's id, text and threshold.
func (m Measure) Computation() (Indicator, error) {
	p, err := Builtin()
	if err != nil {
		return Indicator{}, err
	}
	for _, in := range p.Indicators {
		if in.ID == m.From {
			out := in
			out.Filters = append([]Condition(nil), in.Filters...)
			out.Numerator = append([]Condition(nil), in.Numerator...)
			if in.Breakdown != nil {
				b := *in.Breakdown
				b.Targets = nil
				b.Values = append([]string(nil), in.Breakdown.Values...)
				out.Breakdown = &b
			}
			return out, nil
		}
	}
	return Indicator{}, fmt.Errorf("plan: the built-in plan has no indicator %s for measure %s", m.From, m.Key)
}

// MeasureOf names the known measure ind is computed as: the same source,
// period column, filters, numerator, distinct count, yes/no reading and
// breakdown column as the built-in indicator, whatever its id and
// threshold. ok is false for a manual indicator or another computation.
func MeasureOf(ind Indicator) (Measure, bool) {
	if ind.Kind != "ratio" {
		return Measure{}, false
	}
	for _, m := range Measures {
		c, err := m.Computation()
		if err == nil && sameComputation(c, ind) {
			return m, true
		}
	}
	return Measure{}, false
}

func sameComputation(a, b Indicator) bool {
	col := func(in Indicator) string {
		if in.Breakdown == nil {
			return ""
		}
		return in.Breakdown.Column
	}
	conds := func(cs []Condition) []Condition {
		out := []Condition{}
		for _, c := range cs {
			if len(c.Values) == 0 {
				c.Values = nil
			}
			out = append(out, c)
		}
		return out
	}
	return a.Kind == b.Kind && a.Source == b.Source && a.PeriodCol == b.PeriodCol && a.Distinct == b.Distinct &&
		a.Any == b.Any && col(a) == col(b) &&
		reflect.DeepEqual(conds(a.Filters), conds(b.Filters)) && reflect.DeepEqual(conds(a.Numerator), conds(b.Numerator))
}

// HowMeasured says in Vietnamese how the plan computes ind: "đo bằng …" for a
// known measure or another computation from a source, "nhập tay …" for a
// manual figure.
func (p *Plan) HowMeasured(ind Indicator) string {
	if ind.Kind == "manual" {
		what := map[string]string{"rank": "thứ hạng", "fraction": "tỷ lệ", "yesno": "Có/Không"}[ind.ValueType]
		return fmt.Sprintf("nhập tay (%s, Mã chỉ tiêu %s trong %s)", what, ind.ID, p.sourceTitle(Manual))
	}
	if m, ok := MeasureOf(ind); ok {
		return "đo bằng " + m.Name
	}
	return "đo bằng " + p.sourceTitle(ind.Source)
}

func (p *Plan) sourceTitle(name string) string {
	if s := p.Sources[name]; s != nil && s.Title != "" {
		return s.Title
	}
	return name
}
