package narrative

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mn2010/baocao/reports/period"
	"github.com/mn2010/baocao/reports/plan"
	"github.com/mn2010/baocao/sources"
	"golang.org/x/text/unicode/norm"
)

func TestPartUnmarshalText(t *testing.T) {
	tests := []struct {
		in   string
		want Part
	}{
		{"Đánh giá chung", Assessment},
		{"  đánh   GIÁ chung ", Assessment},
		{norm.NFD.String("Đánh giá chung"), Assessment}, // macOS, web forms
		{"Danh gia chung", Assessment},                  // no diacritics, unambiguous
		{"Đánh giá", Assessment},
		{"Nguyên nhân", Causes},
		{"Hạn chế, nguyên nhân", Causes},
		{"Phương hướng", Directions},
		{"Phương hướng, nhiệm vụ kỳ tới", Directions},
		{"Đề xuất, kiến nghị", Proposals},
		{"de xuat, kien nghi", Proposals},
		{"Kiến nghị", Proposals},
		{"Đề xuất kiến nghị", Proposals},
		{"Ghi chú", 0},
		{"", 0},
		{"Đề xuất; kiến nghị", 0}, // punctuation counts, as in headers
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var p Part
			err := p.UnmarshalText([]byte(tt.in))
			if tt.want == 0 {
				if err == nil || !strings.Contains(err.Error(), "Đề xuất, kiến nghị") {
					t.Errorf("UnmarshalText(%q) = %v, %v; want an error listing the parts", tt.in, p, err)
				}
				return
			}
			if err != nil || p != tt.want {
				t.Errorf("UnmarshalText(%q) = %v, %v; want %v", tt.in, p, err, tt.want)
			}
		})
	}
}

func TestPartNamesRoundTrip(t *testing.T) {
	want := map[Part]string{Assessment: "Đánh giá chung", Causes: "Nguyên nhân", Directions: "Phương hướng", Proposals: "Đề xuất, kiến nghị"}
	for _, p := range Parts {
		if p.String() != want[p] {
			t.Errorf("%d.String() = %q, want %q", p, p.String(), want[p])
		}
		js, err := json.Marshal(Entry{Part: p, Text: "x"})
		if err != nil {
			t.Fatal(err)
		}
		var back Entry
		if err := json.Unmarshal(js, &back); err != nil || back.Part != p {
			t.Errorf("%s: JSON %s reads back as %v, %v", p, js, back.Part, err)
		}
	}
	if _, err := Part(9).MarshalText(); err == nil {
		t.Error("an unknown part marshals")
	}
}

// read reads a narrative CSV with the 2024 plan's schema, as Gather does.
func read(t *testing.T, csv string) *sources.Table {
	t.Helper()
	p, err := plan.Load("")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "nhan-xet.csv")
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := sources.Read(sources.Spec{Name: "narrative", Path: path, Keep: p.Used("narrative")}, p.Schema("narrative"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Issues) != 0 {
		t.Fatalf("reading: %v", res.Issues)
	}
	return res.Table
}

const sample = `NHẬN XÉT CỦA ĐƠN VỊ
Kỳ báo cáo;Phần;Nội dung
2024-Q2;Đề xuất, kiến nghị;Đề nghị tập huấn.
2024-Q2;Đánh giá chung;Quý II hoàn thành cơ bản.
2024-Q2;nguyen nhan;Hồ sơ tăng.
2024-Q1;Đánh giá chung;Quý I ổn định.
2024-06;Phương hướng;Của tháng 6, không phải của quý.
2024-Q2;Ghi chú;Phần lạ.
Q2/2024;Phương hướng;Kỳ viết sai.
2024-Q2;Phương hướng;Tuyển sinh năm học mới.
2024-Q2;Nguyên nhân;Cán bộ kiêm nhiệm.
`

func TestCollect(t *testing.T) {
	tab := read(t, sample)
	q2, _ := period.Parse("2024-Q2", period.Decree09)
	n, issues := Collect(tab, q2)
	want := Narrative{
		{Assessment, "Quý II hoàn thành cơ bản.", 4},
		{Causes, "Hồ sơ tăng.", 5},
		{Causes, "Cán bộ kiêm nhiệm.", 11},
		{Directions, "Tuyển sinh năm học mới.", 10},
		{Proposals, "Đề nghị tập huấn.", 3},
	}
	if len(n) != len(want) {
		t.Fatalf("collected %+v, want %+v", n, want)
	}
	for i := range want {
		if n[i] != want[i] {
			t.Errorf("entry %d = %+v, want %+v", i, n[i], want[i])
		}
	}
	if got := n.Texts(Causes); len(got) != 2 || got[0] != "Hồ sơ tăng." {
		t.Errorf("Texts(Causes) = %q", got)
	}

	// Two warnings, each naming file, row, column and value, in Vietnamese
	// with what to do.
	if len(issues) != 2 {
		t.Fatalf("issues %+v, want 2", issues)
	}
	for _, tt := range []struct {
		row           int
		column, value string
		words         []string
	}{
		{8, "Phần", "Ghi chú", []string{"phần không có trong danh mục", "Đánh giá chung; Nguyên nhân; Phương hướng; Đề xuất, kiến nghị", "chưa được đưa vào báo cáo"}},
		{9, "Kỳ báo cáo", "Q2/2024", []string{"kỳ báo cáo không hợp lệ", "2024-Q1 (quý)"}},
	} {
		var found *sources.Issue
		for i := range issues {
			if issues[i].Row == tt.row {
				found = &issues[i]
			}
		}
		if found == nil {
			t.Errorf("no warning for row %d: %+v", tt.row, issues)
			continue
		}
		if found.Severity != sources.Warning || found.Source != "narrative" || found.File != "nhan-xet.csv" || found.Column != tt.column || found.Value != tt.value {
			t.Errorf("row %d: %+v", tt.row, *found)
		}
		for _, w := range tt.words {
			if !strings.Contains(found.Message, w) {
				t.Errorf("row %d: %q lacks %q", tt.row, found.Message, w)
			}
		}
		if s := found.String(); !strings.Contains(s, "nhan-xet.csv, dòng") || !strings.Contains(s, tt.column) {
			t.Errorf("row %d prints as %q", tt.row, s)
		}
	}

	// Another period gets its own texts, warnings all the same; a period
	// with none gets nothing.
	q1, _ := period.Parse("2024-Q1", period.Decree09)
	if n, issues := Collect(tab, q1); len(n) != 1 || n[0].Text != "Quý I ổn định." || len(issues) != 2 {
		t.Errorf("2024-Q1: %+v, %d warnings", n, len(issues))
	}
	m3, _ := period.Parse("2024-03", period.Decree09)
	if n, _ := Collect(tab, m3); len(n) != 0 {
		t.Errorf("2024-03: %+v, want nothing", n)
	}
	if got := Check(tab); len(got) != 2 || got[0] != issues[0] || got[1] != issues[1] {
		t.Errorf("Check = %+v, want the warnings Collect gives for any period", got)
	}
	if n, issues := Collect(nil, q2); n != nil || issues != nil {
		t.Error("no table should give nothing")
	}
}

// TestCollectBlankCells: a row without its text, part or period is left
// out by the sources reader with a warning of its own.
func TestCollectBlankCells(t *testing.T) {
	p, err := plan.Load("")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "nhan-xet.csv")
	os.WriteFile(path, []byte("Kỳ báo cáo,Phần,Nội dung\n2024-Q2,Đánh giá chung,\n2024-Q2,,Không rõ phần\n2024-Q2,Phương hướng,Có đủ\n"), 0o644)
	res, err := sources.Read(sources.Spec{Name: "narrative", Path: path}, p.Schema("narrative"))
	if err != nil {
		t.Fatal(err)
	}
	q2, _ := period.Parse("2024-Q2", period.Decree09)
	n, issues := Collect(res.Table, q2)
	if len(n) != 1 || n[0].Text != "Có đủ" || len(issues) != 0 || len(res.Issues) != 2 {
		t.Errorf("collected %+v, issues %v, reader warnings %v", n, issues, res.Issues)
	}
	for _, i := range res.Issues {
		if !strings.Contains(i.Message, "để trống") {
			t.Errorf("reader warning %q does not say the cell is blank", i.Message)
		}
	}
}
