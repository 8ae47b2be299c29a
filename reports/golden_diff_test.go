package reports

import "testing"

// TestLineDiff: the golden test's diff shows the changed lines with their
// context, and only them.
func TestLineDiff(t *testing.T) {
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n"
	b := "1\n2\n3\n4\nfive\n6\n7\n8\n9\n"
	want := "  2\n  3\n  4\n- 5\n+ five\n  6\n  7\n  8"
	if got := lineDiff(a, b, 3); got != want {
		t.Errorf("diff:\n%s\nwant:\n%s", got, want)
	}
	if got := lineDiff("a\nb\n", "a\nb\n", 1); got != "" {
		t.Errorf("same texts: %q", got)
	}
}
