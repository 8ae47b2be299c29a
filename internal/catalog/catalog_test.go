package catalog

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var verbRe = regexp.MustCompile(`%[-+# 0]*(?:\[([0-9]+)\])?[0-9]*(?:\.[0-9]+)?[vTtbcdoOqxXUeEfFgGsp%w]`)

// verbs lists a format's verbs by argument, %% left out: "1s 2d". An
// explicit index ("%[3]s") names its argument; a message may then leave
// an argument out in one language ("%[2]s" the report's key in English
// only) but not say one argument with two verbs.
func verbs(format string) map[int]string {
	out := map[int]string{}
	n := 0
	for _, m := range verbRe.FindAllStringSubmatch(format, -1) {
		if m[0] == "%%" {
			continue
		}
		if m[1] != "" {
			n, _ = strconv.Atoi(m[1])
		} else {
			n++
		}
		out[n] = m[0][len(m[0])-1:]
	}
	return out
}

// sameVerbs holds when the two formats say their common arguments with
// the same verbs and each argument is said in one of them at least.
func sameVerbs(a, b map[int]string) bool {
	max := 0
	for i, v := range a {
		if w, ok := b[i]; ok && w != v {
			return false
		}
		max = maxInt(max, i)
	}
	for i := range b {
		max = maxInt(max, i)
	}
	for i := 1; i <= max; i++ {
		if _, ok := a[i]; !ok {
			if _, ok := b[i]; !ok {
				return false
			}
		}
	}
	return true
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// Every message has both languages, with the same verbs in the same order,
// and a name of its own.
func TestEveryMessageHasBothLanguages(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range All() {
		if m.vi == "" || m.en == "" {
			t.Errorf("%s: vi %q, en %q: both are needed", m.id, m.vi, m.en)
		}
		if reordered := strings.Contains(m.vi+m.en, "%["); !reordered && fmt.Sprint(verbs(m.vi)) != fmt.Sprint(verbs(m.en)) || reordered && !sameVerbs(verbs(m.vi), verbs(m.en)) {
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
