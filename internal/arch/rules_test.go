package arch

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/mn2010/baocao/"

// rule: a package (or every package under a prefix ending in "/...")
// must never import any of never (each a package, or a prefix ending in
// "/..."); except lists importers the rule lets through.
type rule struct {
	who    string
	never  []string
	except []string
	why    string
}

// rules are docs/architecture.md's "must never import", one per line of
// the figure that has one.
var rules = []rule{
	{who: "...", never: []string{"internal/config"}, except: []string{"cmd/baocao", "internal/doctor", "internal/setup", "internal/config"},
		why: "only the command line (and the helpers that write or check the file) read the config file; packages take their own Settings"},
	{who: "reports/...", never: []string{"internal/config", "cmd/..."}, why: "the reports' packages are given their settings"},
	{who: "sources/...", never: []string{"internal/config", "reports/...", "internal/web"}, why: "sources reads files and knows nothing of reports"},
	{who: "internal/config", never: []string{"reports/...", "internal/web"}, why: "the config file's reader owns no package's settings"},
	{who: "reports", never: []string{"reports/delivery", "reports/workflow/...", "reports/daemon", "internal/web"},
		why: "the maker makes a version; review and sending are the workflow's"},
	{who: "internal/web", never: []string{"reports/archive", "reports/delivery", "reports/workflow/...", "reports", "reports/daemon", "internal/config"},
		why: "the page renders what its Backend returns"},
	{who: "reports/workflow", never: []string{"reports/daemon", "reports/workflow/page", "internal/web"},
		why: "the workflow is driven by the daemon, the page and the command line, not the other way"},
	{who: "reports/delivery", never: []string{"reports", "reports/workflow/...", "reports/daemon"}, why: "delivery sends one message once; it does not know reports"},
	{who: "reports/archive", never: []string{"reports", "reports/delivery", "reports/workflow/...", "reports/daemon"}, why: "the archive stores versions, whatever they hold"},
	{who: "reports/period", never: []string{"reports/...", "sources/..."}, why: "periods are a vocabulary everyone uses"},
	{who: "internal/fault", never: []string{"..."}, why: "error classes import nothing of the project"},
	{who: "internal/loopback", never: []string{"..."}, why: "one decision, no dependencies"},
	{who: "internal/atomicfile", never: []string{"..."}, why: "a file replaced whole, for whoever writes one"},
	{who: "internal/filekind", never: []string{"..."}, why: "a closed vocabulary shared by the config reader and the workflow"},
	{who: "internal/idlemem", never: []string{"..."}, why: "memory given back by whoever waits; it knows nothing of what ran"},
}

// matches reports whether pkg (relative to the module) is pattern: a
// package, "x/..." for x and everything under it, or "..." for all.
func matches(pattern, pkg string) bool {
	if pattern == "..." {
		return true
	}
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return pkg == base || strings.HasPrefix(pkg, base+"/")
	}
	return pkg == pattern
}

// imports lists each package of the module with the module's packages it
// imports (not its tests'), as `go list` reads them.
func imports(t *testing.T) map[string][]string {
	t.Helper()
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, module+"...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	all := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		pkg, ok := strings.CutPrefix(f[0], module)
		if !ok {
			continue
		}
		all[pkg] = nil
		for _, imp := range f[1:] {
			if rel, ok := strings.CutPrefix(imp, module); ok {
				all[pkg] = append(all[pkg], rel)
			}
		}
	}
	return all
}

func TestImportRules(t *testing.T) {
	all := imports(t)
	for _, want := range []string{"reports", "reports/workflow", "internal/web", "internal/config", "sources"} {
		if _, ok := all[want]; !ok {
			t.Fatalf("go list did not list %s: %v", want, all)
		}
	}
	for pkg, deps := range all {
		for _, r := range rules {
			if !matches(r.who, pkg) || contains(r.except, pkg) {
				continue
			}
			for _, dep := range deps {
				for _, never := range r.never {
					if matches(never, dep) && dep != pkg {
						t.Errorf("%s imports %s: %s must never import %s (%s; docs/architecture.md)", pkg, dep, r.who, never, r.why)
					}
				}
			}
		}
	}
}

// TestRulesCatch: each rule would catch its import (a rule that matches
// nothing would pass whatever the code does).
func TestRulesCatch(t *testing.T) {
	all := imports(t)
	for _, r := range rules {
		found := false
		for pkg := range all {
			found = found || matches(r.who, pkg)
		}
		if !found {
			t.Errorf("rule for %s matches no package", r.who)
		}
	}
	if !matches("reports/...", "reports/workflow/page") || matches("reports/...", "reportsx") || !matches("reports", "reports") || matches("reports", "reports/workflow") {
		t.Error("matches is wrong")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
