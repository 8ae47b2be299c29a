package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mn2010/baocao/internal/catalog"
)

// doctor, init and service speak Vietnamese on their usual mistakes: a
// missing or wrong config, a page address that is not one, answers that
// are not addresses, a folder that cannot be written, every service
// action on a machine without (or with) systemd; with --lang en, the same
// messages in English.
func TestDoctorInitServiceSpeakVietnamese(t *testing.T) {
	t.Setenv(catalog.EnvVar, "")
	t.Cleanup(func() { catalog.Set(catalog.Vietnamese) })
	cfg := project(t)
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	example, _ := os.ReadFile(cfg)
	badWeb := filepath.Join(filepath.Dir(cfg), "bad-web.toml")
	os.WriteFile(badWeb, append(append([]byte{}, example...), "\n[web]\nlisten = \"8080\"\n"...), 0o644)
	openWeb := filepath.Join(filepath.Dir(cfg), "open-web.toml")
	os.WriteFile(openWeb, append(append([]byte{}, example...), "\n[web]\nlisten = \"0.0.0.0:0\"\n"...), 0o644)
	blocker := write("a-file", "x")
	runs := [][]string{
		{"doctor", "-c", write("not-a-table.toml", "unit = 3\n"), "--no-email"},
		{"doctor", "-c", write("unknown-key.toml", "[unit]\nname = \"x\"\nbogus = 1\n"), "--no-email"},
		{"doctor", "-c", write("syntax.toml", "[unit\nname=\n"), "--no-email"},
		{"doctor", "-c", write("no-name.toml", "[web]\nlisten = \"8080\"\n"), "--no-email"},
		{"doctor", "-c", filepath.Join(dir, "none.toml")},
		{"doctor", "-c", filepath.Join(dir, "none.toml"), "--no-email"},
		{"doctor", "-c", cfg, "--no-email"},
		{"doctor", "-c", badWeb, "--no-email"},
		{"doctor", "-c", openWeb, "--no-email"},
		{"doctor", "--bogus"},
		{"doctor", "-c"},
		{"init", "-c", filepath.Join(blocker, "baocao.toml")},
		{"init", "--non-interactive", "-c", filepath.Join(dir, "n", "baocao.toml")},
		{"init", "--non-interactive", "-c", filepath.Join(dir, "n", "baocao.toml"), "--unit", "Trường Mầm non 20/10", "--to", "phongnoivu",
			"--admin-email", "a@gmial.com", "--data", filepath.Join(dir, "khong-co"), "--smtp-host", "smtp.hcm.edu.vn:587", "--smtp-port", "x",
			"--smtp-security", "none", "--timezone", "Asia/Sai_Gon", "--web", "trang", "--symbol", "MN 2010", "--domains", "hcm", "--plan-doc", filepath.Join(dir, "khong-co.docx")},
		{"init", "--non-interactive", "-c", filepath.Join(dir, "n", "baocao.toml"), "--smtp-host", "h", "--smtp-password-file", "x", "--smtp-password-env", "Y"},
		{"init", "--bogus"},
		{"init", "-c", filepath.Join(dir, "hoi", "baocao.toml")}, // the answers run out
		{"service"},
		{"service", "status"},
		{"service", "status", "-c", filepath.Join(dir, "none.toml")},
		{"service", "install", "-c", filepath.Join(dir, "none.toml")},
		{"service", "install", "-c", filepath.Join(dir, "none.toml"), "--root", filepath.Join(dir, "goc")},
		{"service", "start"},
		{"service", "stop"},
		{"service", "uninstall"},
		{"service", "bogus"},
		{"service", "start", "--root", filepath.Join(dir, "goc")},
		{"service", "install", "--bogus"},
	}
	for _, args := range runs {
		_, out, errs := baocaoIn("Trường Mầm non 20/10\nhieutruong@gmial.com\n", args...)
		if words := englishWords(out + "\n" + errs); len(words) > 0 {
			t.Errorf("baocao %s: English words %q in:\n%s%s", strings.Join(args, " "), words, out, errs)
		}
		if out+errs == "" {
			t.Errorf("baocao %s said nothing", strings.Join(args, " "))
		}
	}
	_, out, _ := baocao("--lang", "en", "doctor", "-c", filepath.Join(dir, "none.toml"), "--no-email")
	if !strings.Contains(out, "Config ") || !strings.Contains(out, "Result: 1 things to fix") {
		t.Errorf("--lang en doctor:\n%s", out)
	}
	_, _, errs := baocao("--lang", "en", "init", "--non-interactive", "-c", filepath.Join(dir, "n", "baocao.toml"))
	if !strings.Contains(errs, "--unit: an answer is needed") {
		t.Errorf("--lang en init:\n%s", errs)
	}
}

func init() {
	names["enter"] = true                                                                                  // the key
	for _, w := range strings.Fields("reviewers approvers hieutruong vanthu full-name email role title") { // config keys, accounts, flags
		names[w] = true
	}
	for _, w := range strings.Fields("thanh gian nghe xong nhap nhung chung") { // Vietnamese syllables without marks
		vietnameseASCII[w] = true
	}
}

// catalogued are the packages whose messages a clerk reads and that keep
// them in internal/catalog: cmd/baocao (TestMessagesComeFromTheCatalogue)
// and these.
var catalogued = []string{"../../internal/doctor", "../../internal/setup", "../../internal/service", "../../internal/web", "../../reports/workflow/page"}

// loggedInEnglish are packages whose own English literals are technical
// reasons for the log (signature.Refusal's Reason) and whose every
// sentence a clerk reads comes from internal/catalog: any literal with a
// Vietnamese letter in them is a message written in place.
var loggedInEnglish = []string{"../../reports/signature", "../../reports/signedcopy"}

// sayers are the functions and methods whose string arguments a person
// reads: fmt's printing and error functions, errors.New, and the
// packages' own ways of saying a line (the interview's Say and Ask,
// doctor's add).
var sayers = map[string]bool{"fmt.Sprintf": true, "fmt.Errorf": true, "fmt.Fprintf": true, "fmt.Fprintln": true, "fmt.Fprint": true,
	"fmt.Printf": true, "fmt.Println": true, "fmt.Print": true, "fmt.Sprint": true, "errors.New": true,
	".Say": true, ".Ask": true, ".AskList": true, ".AskSecret": true, ".YesNo": true, ".add": true, ".say": true, "http.Error": true,
	".fail": true, ".refuseReview": true, ".render": true, "progress": true, "answer": true}

// shown are the fields a page or a message shows as they are: a literal
// put in one (Message: "…", d.Hint = "…") is a message written in place.
var shown = map[string]bool{"Message": true, "Hint": true, "Title": true, "Problem": true, "Problems": true, "Reason": true,
	"Fix": true, "Review": true, "Result": true, "Error": true, "What": true, "BackText": true, "Who": true, "Subject": true, "Body": true}

var (
	verbsRe  = regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`)
	prefixRe = regexp.MustCompile(`^(?:[a-z]+: )+`) // "setup: %w", "doctor: review: %w": the class of a cause
)

// inline tells whether a literal passed to a sayer is a message written
// in place: a Vietnamese letter, or an English word that is not a name,
// outside a format's verbs and a package's "pkg: " prefix.
func inline(s string) bool {
	if strings.ContainsAny(s, "\x00") { // a key, not words
		return false
	}
	if !isASCII(s) {
		return true
	}
	rest := prefixRe.ReplaceAllString(verbsRe.ReplaceAllString(s, ""), "")
	for _, tok := range strings.Fields(rest) {
		if strings.ContainsAny(tok, "/\\@") || strings.HasPrefix(tok, "-") || strings.HasPrefix(tok, "[") || skipToken.MatchString(tok) {
			continue
		}
		for _, w := range wordRe.FindAllString(tok, -1) {
			if len([]rune(w)) >= 3 && !names[strings.ToLower(w)] {
				return true
			}
		}
	}
	return false
}

// The doctor, init and service packages and the page keep their
// messages in the catalogue: no literal with words reaches a function that
// says it, or a field a page shows as it is.
func TestPackagesKeepMessagesInTheCatalogue(t *testing.T) {
	fset := token.NewFileSet()
	n := 0
	for _, dir := range catalogued {
		for _, file := range parsedFiles(t, fset, dir) {
			n++
			check := func(where string, e ast.Expr) {
				if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, _ := strconv.Unquote(lit.Value); inline(s) {
						t.Errorf("%s: %s with the text %q: put it in internal/catalog", fset.Position(lit.Pos()), where, s)
					}
				}
			}
			ast.Inspect(file, func(node ast.Node) bool {
				switch x := node.(type) {
				case *ast.KeyValueExpr:
					if k, ok := x.Key.(*ast.Ident); ok && shown[k.Name] {
						check(k.Name+":", x.Value)
					}
				case *ast.AssignStmt:
					for i, l := range x.Lhs {
						if sel, ok := l.(*ast.SelectorExpr); ok && shown[sel.Sel.Name] && i < len(x.Rhs) {
							check(sel.Sel.Name+" =", x.Rhs[i])
						}
					}
				}
				call, ok := node.(*ast.CallExpr)
				if !ok {
					return true
				}
				name := ""
				switch f := call.Fun.(type) {
				case *ast.Ident:
					name = f.Name
				case *ast.SelectorExpr:
					name = "." + f.Sel.Name
					if id, ok := f.X.(*ast.Ident); ok && (id.Name == "fmt" || id.Name == "errors" || id.Name == "http") {
						name = id.Name + name
					}
				}
				if !sayers[name] {
					return true
				}
				args := call.Args
				if name == ".render" && len(args) > 4 { // w, r, status, the template's name: the title follows
					args = args[4:]
				}
				for _, a := range args {
					lit, ok := a.(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						continue
					}
					if s, _ := strconv.Unquote(lit.Value); inline(s) {
						t.Errorf("%s: %s with the text %q: put it in internal/catalog", fset.Position(lit.Pos()), name, s)
					}
				}
				return true
			})
		}
	}
	if n < 10 {
		t.Errorf("%d files read: the packages moved", n)
	}
	n = 0
	for _, dir := range loggedInEnglish {
		for _, file := range parsedFiles(t, fset, dir) {
			n++
			ast.Inspect(file, func(node ast.Node) bool {
				if lit, ok := node.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, _ := strconv.Unquote(lit.Value); !isASCII(s) {
						t.Errorf("%s: the text %q: put it in internal/catalog", fset.Position(lit.Pos()), s)
					}
				}
				return true
			})
		}
	}
	if n < 5 {
		t.Errorf("%d files of %v read: the packages moved", n, loggedInEnglish)
	}
}

// parsedFiles parses the Go files of dir, not its tests, into fset.
func parsedFiles(t *testing.T, fset *token.FileSet, dir string) []*ast.File {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var out []*ast.File
	for _, f := range paths {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, file)
	}
	return out
}

// Every command speaks Vietnamese on the usual mistakes: a config that is
// not there, an unknown flag, arguments it does not take; and the
// subcommands of user, plan, signed, status, send, approve, mail-test, run,
// validate, archive and init --upgrade on theirs.
func TestEveryCommandSpeaksVietnameseOnItsMistakes(t *testing.T) {
	t.Setenv(catalog.EnvVar, "")
	t.Cleanup(func() { catalog.Set(catalog.Vietnamese) })
	cfg := project(t)
	dir := t.TempDir()
	none := filepath.Join(dir, "none.toml")
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	runs := [][]string{}
	for _, c := range commands {
		runs = append(runs, []string{c.name, "-c", none}, []string{c.name, "--bogus"}, []string{c.name, "-c", cfg, "extra", "args"})
	}
	runs = append(runs,
		[]string{"user"}, []string{"user", "bogus"}, []string{"user", "add", "-c", cfg}, []string{"user", "add", "x", "-c", cfg},
		[]string{"user", "list", "-c", cfg}, []string{"user", "passwd", "nobody", "-c", cfg}, []string{"user", "lock", "nobody", "-c", cfg},
		[]string{"user", "add", "-h"}, []string{"user", "list", "-h"}, []string{"user", "passwd", "-h"}, []string{"user", "edit", "-h"}, []string{"user", "remove", "-h"}, []string{"user", "lock", "-h"},
		[]string{"plan"}, []string{"plan", "bogus"}, []string{"plan", "import"}, []string{"plan", "import", filepath.Join(dir, "x.docx")}, []string{"plan", "import", "-h"},
		[]string{"web", "-c", cfg, "--listen", "xx"}, []string{"signed", "-c", cfg}, []string{"signed", "-c", cfg, "-r", "quarterly", "-p", "2024-Q1", filepath.Join(dir, "x.pdf")},
		[]string{"status", "-c", cfg}, []string{"status", "-c", cfg, "-r", "bogus", "-p", "2024-03"}, []string{"send", "-c", cfg, "-r", "monthly", "-p", "2024-13"},
		[]string{"approve", "-c", cfg, "-r", "monthly", "-p", "2024-03"}, []string{"mail-test", "-c", cfg, "--to", "x"},
		[]string{"run", "-c", cfg, "-r", "quarterly", "-p", "2024-03"}, []string{"run", "-c", cfg, "-r", "monthly", "-p", "2024-Q1"},
		[]string{"validate", "-c", cfg, "-p", "2024-99"}, []string{"schedule", "-c", none}, []string{"archive", "-c", cfg, "-r", "bogus"},
		[]string{"init", "--upgrade", "-c", none}, []string{"init", "--upgrade", "-c", cfg, "--non-interactive"},
		// The page's address taken by another program, as a clerk meets it
		// when baocao serve already runs; plan reads no config (its usage
		// line offers no -c); a flag's name as the help writes it.
		[]string{"web", "-c", cfg, "--listen", busy.Addr().String()}, []string{"plan", "import", filepath.Join(dir, "x.md"), "-c", cfg},
		[]string{"run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "--number", "abc", "--no-email"},
	)
	for _, args := range runs {
		_, out, errs := baocaoIn("", args...)
		if words := englishWords(out + "\n" + errs); len(words) > 0 {
			t.Errorf("baocao %s: English words %q in:\n%s%s", strings.Join(args, " "), words, out, errs)
		}
		if strings.TrimSpace(out+errs) == "" {
			t.Errorf("baocao %s said nothing", strings.Join(args, " "))
		}
		all := out + errs
		switch {
		case args[0] == "web" && len(args) > 4 && args[4] == busy.Addr().String() && !strings.Contains(all, "cổng này đã có chương trình khác dùng"),
			args[0] == "plan" && strings.Contains(all, "[-c"),
			strings.Contains(all, "--number") && strings.Contains(all, " -number"),
			args[0] == "signed" && strings.HasSuffix(args[len(args)-1], ".pdf") && strings.Contains(all, "tệp cấu hình"),          // a missing PDF is no config
			strings.Contains(all, "tệp cấu hình chưa dùng được: "+none+":") && !strings.Contains(all, "-c TỆP chọn tệp cấu hình"): // the missing config keeps its hint
			t.Errorf("baocao %s:\n%s", strings.Join(args, " "), all)
		}
	}
}
