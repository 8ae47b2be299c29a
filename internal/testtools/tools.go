package testtools

import (
	"go/build"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The tests read what baocao writes with the tools its users have: a
// district officer's poppler and LibreOffice, a real Chromium, a real
// Mailpit, a CA's signer. A test without its tool is skipped on a
// workstation and fails under CI (CI set), where .ci/run installs it.

// packages names the Debian package (or the install step) of each
// command the tests run.
var packages = map[string]string{
	"pdftotext": "poppler-utils", "pdfinfo": "poppler-utils", "pdffonts": "poppler-utils",
	"pdfimages": "poppler-utils", "pdftoppm": "poppler-utils", "pdfsig": "poppler-utils",
	"qpdf": "qpdf", "soffice": "libreoffice-writer-nogui libreoffice-calc-nogui",
	"fc-match": "fontconfig", "chromium": "chromium", "unzip": "unzip", "systemctl": "systemd",
	"openssl": "openssl", "certutil": "libnss3-tools", "pk12util": "libnss3-tools",
	"mailpit": "go install github.com/axllent/mailpit@v1.33.1",
}

// Need skips the test, or fails it under CI, unless ok; what names the
// missing thing and install how to get it.
func Need(t testing.TB, ok bool, what, install string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not installed: .ci/run should install it (%s)", what, install)
	}
	t.Skipf("%s is not installed (%s)", what, install)
}

// Command returns the path of a command the test runs, found on the PATH
// or, for Go-installed tools, in GOPATH/bin; it skips or fails as Need.
func Command(t testing.TB, name string) string {
	t.Helper()
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	if p := filepath.Join(build.Default.GOPATH, "bin", name); isFile(p) {
		return p
	}
	install := packages[name]
	if install == "" {
		install = "the package that has " + name
	} else if name != "mailpit" {
		install = "Debian: apt-get install " + install
	}
	Need(t, false, name, install)
	return ""
}

// Chromium returns the path of a Chromium, as Command.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if isFile(p) {
			return p
		}
	}
	return Command(t, "chromium")
}

func isFile(p string) bool { st, err := os.Stat(p); return err == nil && !st.IsDir() }
