package catalog

import (
	"errors"
	"fmt"
	"regexp"
	"testing"
)

var verbRe = regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[vTtbcdoOqxXUeEfFgGsp%w]`)

// verbs lists a format's verbs in order, %% left out.
func verbs(format string) []string {
	var out []string
	for _, v := range verbRe.FindAllString(format, -1) {
		if v != "%%" {
			out = append(out, v[len(v)-1:])
		}
	}
	return out
}

// Every message has both languages, with the same verbs in the same order,
// and a name of its own.
func TestEveryMessageHasBothLanguages(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range All() {
		if m.vi == "" || m.en == "" {
			t.Errorf("%s: vi %q, en %q: both are needed", m.id, m.vi, m.en)
		}
		if fmt.Sprint(verbs(m.vi)) != fmt.Sprint(verbs(m.en)) {
			t.Errorf("%s: verbs %v in vi, %v in en", m.id, verbs(m.vi), verbs(m.en))
		}
		if seen[m.id] {
			t.Errorf("%s: two messages with one name", m.id)
		}
		seen[m.id] = true
	}
	if len(seen) < 100 {
		t.Errorf("%d messages: the catalogue lost its tables", len(seen))
	}
}

func TestLanguageChoice(t *testing.T) {
	defer Set(Vietnamese)
	for _, tt := range []struct {
		env  string
		want Lang
	}{{"", Vietnamese}, {"en", English}, {"en_US.UTF-8", English}, {"vi", Vietnamese}, {"fr", Vietnamese}} {
		t.Setenv(EnvVar, tt.env)
		SetFromEnv()
		if Current() != tt.want {
			t.Errorf("BAOCAO_LANG=%q: %v, want %v", tt.env, Current(), tt.want)
		}
	}
	Set(Vietnamese)
	if got := RequiredRP.String(); got != "cần cả -r BÁO_CÁO và -p KỲ" {
		t.Errorf("vi: %q", got)
	}
	Set(English)
	if got := RequiredRP.String(); got != "-r and -p are required" {
		t.Errorf("en: %q", got)
	}
}

func TestClassSaysItsMessageAndIsFound(t *testing.T) {
	defer Set(Vietnamese)
	c := NewClass(ClassIssue)
	err := fmt.Errorf("--date: %w", c.Newf(IssueDateMonth, "99/99/2024", 99))
	if !errors.Is(err, c) {
		t.Fatal("errors.Is lost the class")
	}
	Set(Vietnamese)
	if want := `--date: số hoặc ngày ban hành chưa đúng: ngày "99/99/2024": không có tháng 99 (tháng từ 01 đến 12)`; err.Error() != want {
		t.Errorf("%q\nwant %q", err, want)
	}
	Set(English)
	if want := "reports: bad number or date of issue"; c.Error() != want {
		t.Errorf("%q, want %q", c.Error(), want)
	}
	inner := errors.New("x")
	if w := c.Wrap(inner); !errors.Is(w, inner) || !errors.Is(w, c) {
		t.Error("Wrap: errors.Is lost the class or the cause")
	}
}
