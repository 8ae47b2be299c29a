package reports

import (
	"os/exec"
	"testing"

	"github.com/mn2010/baocao/internal/testtools"
)

// The tests read what baocao writes with the tools a district officer's
// office has. Each is skipped on a workstation without it and fails under
// CI (CI=true), where .ci/run installs the Debian package.

// debianPython is Debian's python3, which has the python3-* packages (the
// python3 first on a PATH may be another one without them).
const debianPython = "/usr/bin/python3"

// requireDebian skips or fails a test, as above, when ok is false.
func requireDebian(t *testing.T, ok bool, what, pkg string) {
	t.Helper()
	testtools.Need(t, ok, what, "Debian: apt-get install "+pkg)
}

// requireTool needs a command on the PATH.
func requireTool(t *testing.T, name string) { t.Helper(); testtools.Command(t, name) }

// pythonPackages names the Debian package of each Python module.
var pythonPackages = map[string]string{"openpyxl": "python3-openpyxl", "PIL": "python3-pil", "uno": "python3-uno", "docx": "python3-docx", "fitz": "python3-fitz"}

// requirePython needs modules in Debian's python3.
func requirePython(t *testing.T, modules ...string) {
	t.Helper()
	for _, m := range modules {
		err := exec.Command(debianPython, "-c", "import "+m).Run()
		requireDebian(t, err == nil, debianPython+" with "+m, pythonPackages[m])
	}
}

// requireSoffice and requirePythonDocx need what the Word draft's tests use.
func requireSoffice(t *testing.T)    { t.Helper(); requireTool(t, "soffice") }
func requirePythonDocx(t *testing.T) { t.Helper(); requirePython(t, "docx") }
