package reports

import (
	"os"
	"os/exec"
	"testing"
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
	if ok {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not installed: .ci/run should install %s", what, pkg)
	}
	t.Skipf("%s is not installed (Debian: apt-get install %s)", what, pkg)
}

// toolPackages names the Debian package of each command the tests run.
var toolPackages = map[string]string{
	"pdftotext": "poppler-utils", "pdfinfo": "poppler-utils", "pdffonts": "poppler-utils",
	"pdfimages": "poppler-utils", "pdftoppm": "poppler-utils", "qpdf": "qpdf",
	"soffice": "libreoffice-writer-nogui libreoffice-calc-nogui", "fc-match": "fontconfig",
}

// requireTool needs a command on the PATH.
func requireTool(t *testing.T, name string) {
	t.Helper()
	_, err := exec.LookPath(name)
	pkg := toolPackages[name]
	if pkg == "" {
		pkg = "the package that has " + name
	}
	requireDebian(t, err == nil, name, pkg)
}

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
