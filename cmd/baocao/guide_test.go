package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mn2010/baocao/internal/release"
	"github.com/mn2010/baocao/internal/testtools"
)

// guideSteps are the shell commands of docs/huong-dan.md's Linux block
// (after the marker "cac-buoc-linux").
func guideSteps(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "huong-dan.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "cac-buoc-linux")
	if !ok {
		t.Fatal("docs/huong-dan.md has no Linux steps (marker cac-buoc-linux)")
	}
	m := regexp.MustCompile("(?s)```sh\n(.*?)```").FindStringSubmatch(rest)
	if m == nil {
		t.Fatal("docs/huong-dan.md: no ```sh block after the marker")
	}
	return strings.Split(strings.TrimSpace(m[1]), "\n")
}

// TestGuideStepsOnLinux makes the release zip as scripts/release.sh does
// and follows docs/huong-dan.md's Linux steps word for word in a sandbox:
// sudo is dropped and /opt, /usr/local/bin and /etc/baocao are folders of
// the sandbox; init gets a clerk's answers; service install writes into a
// system image (--root) and service start, which needs a running systemd,
// is checked to be a command baocao knows. The Windows steps cd into the
// zip's one folder.
func TestGuideStepsOnLinux(t *testing.T) {
	testtools.Command(t, "unzip")
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	download := filepath.Join(root, "Tải về")
	os.MkdirAll(download, 0o755)
	files, err := release.Contents(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	entries := []release.Entry{{Name: release.Folder + "/baocao", Source: bin, Executable: true}}
	for _, f := range files {
		entries = append(entries, release.Entry{Name: release.Folder + "/" + f, Source: filepath.Join("..", "..", filepath.FromSlash(f))})
	}
	zf, err := os.Create(filepath.Join(download, "baocao-1.0.0-linux-amd64.zip"))
	if err != nil {
		t.Fatal(err)
	}
	if err := release.Zip(zf, entries, time.Unix(1704067200, 0)); err != nil {
		t.Fatal(err)
	}
	zf.Close()

	sandbox := strings.NewReplacer("/opt", filepath.Join(root, "opt"), "/usr/local/bin", filepath.Join(root, "usr", "local", "bin"),
		"/etc/baocao", filepath.Join(root, "etc", "baocao"))
	os.MkdirAll(filepath.Join(root, "opt"), 0o755)
	os.MkdirAll(filepath.Join(root, "usr", "local", "bin"), 0o755)
	env := append(os.Environ(), "PATH="+filepath.Join(root, "usr", "local", "bin")+":"+os.Getenv("PATH"), "BAOCAO_LANG=")
	answers := strings.Join([]string{
		"Trường Mầm non 20/10", "Ủy ban nhân dân Phường Sài Gòn", "", "MN2010", "", "Trần Thị Lan", "Phòng Nội vụ", "",
		"hieutruong@mn2010.edu.vn", "",
		`"` + filepath.Join(root, "opt", release.Folder) + `"`, // the unzipped folder, quoted: its examples/data is two levels down
		"không", "phongnoivu@tphcm.gov.vn", "", "", "", "", "",
	}, "\n") + "\n" + initAccountsScript
	steps := guideSteps(t)
	if len(steps) < 5 {
		t.Fatalf("the guide's Linux steps: %q", steps)
	}
	for _, step := range steps {
		line := strings.TrimPrefix(strings.TrimSpace(step), "sudo ")
		args := strings.Fields(sandbox.Replace(line))
		switch {
		case len(args) > 2 && args[0] == "baocao" && args[1] == "service" && args[2] == "install":
			if _, err := exec.LookPath("systemctl"); err != nil {
				t.Logf("%s: systemctl missing, not tried", step)
				continue
			}
			args = append(args, "--root", filepath.Join(root, "image"))
		case len(args) > 2 && args[0] == "baocao" && args[1] == "service":
			args = []string{"baocao", "service", "-h"} // needs a running systemd: the command is checked to exist
		}
		if strings.ContainsAny(line, "*") { // the shell's glob, as sh would expand it
			args = globArgs(t, download, args)
		}
		name := args[0]
		if name == "baocao" { // found on PATH: the /usr/local/bin of the sandbox
			name = filepath.Join(root, "usr", "local", "bin", "baocao")
			if _, err := os.Stat(name); err != nil {
				t.Fatalf("%s: the guide's earlier steps did not install baocao in /usr/local/bin: %v", step, err)
			}
		}
		cmd := exec.Command(name, args[1:]...)
		cmd.Dir, cmd.Env = download, env
		if args[0] == "baocao" {
			cmd.Stdin = strings.NewReader(answers)
		}
		out, err := cmd.CombinedOutput()
		code := cmd.ProcessState.ExitCode()
		if err != nil && !(args[0] == "baocao" && (args[1] == "doctor" || strings.Contains(strings.Join(args, " "), "-h")) && code == 2) {
			t.Fatalf("%s: %v\n%s", step, err, out)
		}
		if args[0] == "baocao" && args[1] == "doctor" && (!strings.Contains(string(out), "✓ Tệp cấu hình") || strings.Contains(string(out), "✗ Sổ")) {
			t.Errorf("%s:\n%s", step, out)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "etc", "baocao", "config.toml")); err != nil {
		t.Errorf("the guide's steps wrote no config: %v", err)
	}

	// Windows: unzipped into C:\, the zip's one folder is the one the guide cds into.
	b, _ := os.ReadFile(filepath.Join("..", "..", "docs", "huong-dan.md"))
	if !strings.Contains(string(b), "cd C:\\"+release.Folder+"\n") || !strings.Contains(string(b), "gõ `C:\\`") {
		t.Errorf("the guide's Windows steps do not unzip into C:\\ and cd into C:\\%s", release.Folder)
	}
}

// globArgs expands the arguments holding "*" in dir, as a shell does.
func globArgs(t *testing.T, dir string, args []string) []string {
	var out []string
	for _, a := range args {
		if !strings.Contains(a, "*") {
			out = append(out, a)
			continue
		}
		m, _ := filepath.Glob(filepath.Join(dir, a))
		if len(m) != 1 {
			t.Fatalf("%s matches %q in %s", a, m, dir)
		}
		out = append(out, filepath.Base(m[0]))
	}
	return out
}
