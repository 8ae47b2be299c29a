package importer

import (
	"regexp"
	"testing"
)

// TestPatternsCompile compiles every pattern the importer compiles lazily:
// a bad expression fails here, not in a clerk's `baocao plan import`.
func TestPatternsCompile(t *testing.T) {
	if len(patterns) < 18 {
		t.Fatalf("%d lazy patterns registered, want the importer's 18", len(patterns))
	}
	for _, p := range patterns {
		if _, err := regexp.Compile(p.expr); err != nil {
			t.Errorf("pattern %q: %v", p.expr, err)
		}
		if p.get() == nil || p.get() != p.get() {
			t.Errorf("pattern %q: not compiled once", p.expr)
		}
	}
}
