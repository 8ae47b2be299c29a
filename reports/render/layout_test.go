package render

import (
	"reflect"
	"testing"
	"time"

	"github.com/mn2010/baocao/reports/indicators"
	"github.com/mn2010/baocao/reports/narrative"
	"github.com/mn2010/baocao/reports/period"
)

func sampleDoc(t *testing.T) *Doc {
	t.Helper()
	texts, err := LoadTexts("")
	if err != nil {
		t.Fatal(err)
	}
	p, err := period.Parse("2024-Q2", period.Decree09)
	if err != nil {
		t.Fatal(err)
	}
	return &Doc{Unit: Unit{Parent: "Ủy ban nhân dân Quận 1", Name: "Trường Mầm non 20/10", Place: "Quận 1", Symbol: "MN2010",
		SignerTitle: "Hiệu trưởng", SignerName: "Nguyễn Thị Hồng Vân"},
		Period: p, Issued: time.Date(2024, 6, 16, 0, 0, 0, 0, time.UTC), Texts: texts,
		Outcome: &indicators.Outcome{Fields: []indicators.FieldStats{{Field: indicators.Total}}}}
}

// TestLayoutNarrative: each part's texts follow their section's generated
// text; section VI appears only with recommendations; taking the added
// blocks out gives back the body without narrative, block for block.
func TestLayoutNarrative(t *testing.T) {
	plain := sampleDoc(t).Layout().Body
	for _, b := range plain {
		if b.Kind == Heading && b.Text == "VI. ĐỀ XUẤT, KIẾN NGHỊ" {
			t.Fatal("section VI without recommendations")
		}
	}
	tests := []struct {
		name  string
		n     narrative.Narrative
		added []Block // the blocks the narrative adds, in order
		after []string
	}{
		{"every part", narrative.Narrative{
			{Part: narrative.Assessment, Text: "ĐG1"}, {Part: narrative.Assessment, Text: "ĐG2"},
			{Part: narrative.Causes, Text: "NN"}, {Part: narrative.Directions, Text: "PH"}, {Part: narrative.Proposals, Text: "KN"}},
			[]Block{{Kind: Paragraph, Text: "ĐG1"}, {Kind: Paragraph, Text: "ĐG2"}, {Kind: Paragraph, Text: "Nguyên nhân:"}, {Kind: Paragraph, Text: "NN"},
				{Kind: Paragraph, Text: "PH"}, {Kind: Heading, Text: "VI. ĐỀ XUẤT, KIẾN NGHỊ"}, {Kind: Paragraph, Text: "KN"}},
			// what the block before each added one is, in the plain body
			[]string{"assessment", "", "", "", "directions", "", ""}},
		{"only recommendations", narrative.Narrative{{Part: narrative.Proposals, Text: "KN"}},
			[]Block{{Kind: Heading, Text: "VI. ĐỀ XUẤT, KIẾN NGHỊ"}, {Kind: Paragraph, Text: "KN"}}, []string{"directions", ""}},
		{"only causes", narrative.Narrative{{Part: narrative.Causes, Text: "NN"}},
			[]Block{{Kind: Paragraph, Text: "Nguyên nhân:"}, {Kind: Paragraph, Text: "NN"}}, []string{"assessment", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sampleDoc(t)
			d.Narrative = tt.n
			body := d.Layout().Body
			var rest, added []Block
			var before []string
			for i, b := range body {
				if indexBlock(tt.added, b) >= 0 {
					prev := ""
					if i > 0 && indexBlock(tt.added, body[i-1]) < 0 {
						prev = kindOf(body[i-1], d)
					}
					added, before = append(added, b), append(before, prev)
					continue
				}
				rest = append(rest, b)
			}
			if !reflect.DeepEqual(rest, plain) {
				t.Errorf("without the narrative's blocks the body differs from the plain one")
			}
			if !reflect.DeepEqual(added, tt.added) {
				t.Errorf("added %+v, want %+v", added, tt.added)
			}
			if !reflect.DeepEqual(before, tt.after) {
				t.Errorf("the added blocks follow %q, want %q", before, tt.after)
			}
			if last := body[len(body)-1]; last.Text != Fill(d.Texts.Closing, textData(d)) {
				t.Errorf("the body ends with %q, not the closing", last.Text)
			}
		})
	}
}

func indexBlock(list []Block, b Block) int {
	for i, x := range list {
		if x.Kind == b.Kind && x.Text == b.Text && b.Table == nil {
			return i
		}
	}
	return -1
}

// kindOf names the generated blocks the narrative must follow: the last
// sentence of the assessment and the last generated direction.
func kindOf(b Block, d *Doc) string {
	a := Assessment(d)
	switch b.Text {
	case a[len(a)-1]:
		return "assessment"
	case Fill(d.Texts.Directions[len(d.Texts.Directions)-1], textData(d)):
		return "directions"
	}
	return b.Text
}
