package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadTextsOverride(t *testing.T) {
	def, err := LoadTexts("")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "texts.toml"), []byte(`summary = "Báo cáo CCHC {{.PeriodWords}} của phường"
recipients = ["Ủy ban nhân dân phường Sài Gòn", "Phòng Văn hóa - Xã hội"]
`), 0o644)
	got, err := LoadTexts(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got.Summary != "Báo cáo CCHC {{.PeriodWords}} của phường" || len(got.Recipients) != 2 {
		t.Errorf("override not applied: %q %v", got.Summary, got.Recipients)
	}
	if got.Intro != def.Intro || got.HeadingIndicators != def.HeadingIndicators {
		t.Error("keys the override leaves out should keep the embedded text")
	}
	if s := Fill(got.Summary, textFields{PeriodWords: "tháng 3 năm 2024"}); s != "Báo cáo CCHC tháng 3 năm 2024 của phường" {
		t.Errorf("Fill = %q", s)
	}

	os.WriteFile(filepath.Join(dir, "texts.toml"), []byte("late_text = \"{{.Apologized}}\"\n"), 0o644)
	if _, err := LoadTexts(dir); err == nil || !strings.Contains(err.Error(), "late_text") {
		t.Errorf("a template naming a field that does not exist should be an error naming it, got %v", err)
	}
	os.WriteFile(filepath.Join(dir, "texts.toml"), []byte("sumary = \"typo\"\n"), 0o644)
	if _, err := LoadTexts(dir); err == nil || !strings.Contains(err.Error(), "sumary") {
		t.Errorf("a misspelt key should be an error naming it, got %v", err)
	}
}

func TestVietnameseNumbers(t *testing.T) {
	tests := []struct{ got, want string }{
		{Percent(0.985), "98,50%"},
		{Percent(1), "100,00%"},
		{Percent(0.9230769230769231), "92,31%"},
		{Int(1234), "1.234"},
		{Int(1234567), "1.234.567"},
		{Int(12), "12"},
		{Decimal(1234.5, 1), "1.234,5"},
		{DocNumber(5), "05"},
		{DocNumber(15), "15"},
		{PeriodWords("quarter", 2024, 2), "quý II năm 2024"},
		{PeriodWords("half-year", 2024, 1), "6 tháng đầu năm 2024"},
		{Clean("A\U0001F600B"), "A?B"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
