package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/mn2010/baocao/internal/catalog"
)

// names are the words the command line prints that are names, not
// English: commands, flags' and config keys' names, programs, systems,
// the report keys a clerk types after -r, formats.
var names = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`baocao run validate send approve reject status serve schedule archive web mail-test
		init doctor service version install uninstall start stop help user add passwd edit remove list lock unlock hieu-truong pho-hieu-truong van-thu xem plan import txt md
		monthly quarterly half-year annual vi en text json starttls tls none
		systemd launchd systemctl sudo root Windows Linux macOS SMTP CA PEM Yoyoschool Message-ID
		Command Prompt Run as administrator http https cron dev go cc non BAOCAO_LANG fr localhost Tab a-z TrueType ttf
		admin_email password_env password_file ca_file username host official_domains listen public_url
		smtp unit web reports name title delivery.json manifest.json signed require_signed
		toml xlsx csv pdf docx Q1 H1 H2 Asia Ho_Chi_Minh CBCCVC TTHC CCHC BC MN2010`) {
		names[strings.ToLower(w)] = true
	}
}

// vietnameseASCII are Vietnamese syllables written without marks that the
// messages use ("in số phiên bản", "cho", "khi").
var vietnameseASCII = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a ai an anh ba ban bao cao cho chi con da dan dang dau do gi gia giao hai han hay hoa hoc
		in khi kho la lai lam lan len lo ma mai may mo mon na nam nay ngay nhan nho nhu noi on phan qua quan sai sang sau
		so tai tam tan tay thi thu tin to toan tra tran tu tuan va vao vi xa xin cung hoan hoi nhau theo chon chia tao ten
		trang sao ra tim mat cai nghi trong ghi tuy thay mang danh khai vd vai sung`) {
		vietnameseASCII[w] = true
	}
}

var (
	skipToken = regexp.MustCompile(`[/\\@]|^-|\.[a-z]{2,4}$|^\[|^https?:|^[A-ZĐ_]+[^a-z]*$|^[A-Za-z]+[0-9]`)
	wordRe    = regexp.MustCompile(`[\p{L}][\p{L}_'’-]*`)
	quoted    = regexp.MustCompile(`"[^"\n]*"|“[^”\n]*”`)
)

// englishWords lists the words of out that are English: ASCII words that
// are neither a name nor a Vietnamese syllable, outside paths, addresses,
// flags, placeholders and quotes (what the person typed, a cell, a sheet's
// name, a config value). A config key is a name: the word after a table
// ("[smtp] from", "[reports.monthly] period") and a word before "=".
func englishWords(out string) []string {
	var found []string
	toks := strings.Fields(quoted.ReplaceAllString(out, `""`))
	for i, tok := range toks {
		if i > 0 && strings.HasSuffix(strings.TrimRight(toks[i-1], ":,"), "]") && strings.HasPrefix(strings.TrimLeft(toks[i-1], "("), "[") ||
			i+1 < len(toks) && toks[i+1] == "=" || strings.HasPrefix(strings.TrimLeft(tok, "("), "[") {
			continue // a key, or a table: "[sources.staff]"
		}
		tok = strings.Trim(tok, `"'()[]{}<>,;:.!?…—–=`)
		if tok == "" || skipToken.MatchString(tok) {
			continue
		}
		for _, w := range wordRe.FindAllString(tok, -1) {
			lw := strings.ToLower(strings.Trim(w, "'’-"))
			if lw == "" || names[lw] || vietnameseASCII[lw] || !isASCII(lw) || len(lw) < 2 && lw != "a" {
				continue
			}
			found = append(found, w)
		}
	}
	return found
}

func isASCII(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

// The command line speaks Vietnamese: every command's help and the
// common mistakes print no English word outside names, paths and
// addresses; with --lang en they speak English, from the same catalogue.
func TestCommandLineSpeaksVietnamese(t *testing.T) {
	t.Setenv(catalog.EnvVar, "")
	t.Cleanup(func() { catalog.Set(catalog.Vietnamese) }) // other tests call commands without dispatch
	cfg := project(t)
	dir := t.TempDir()
	runs := [][]string{{}, {"help"}, {"bogus"}, {"--lang", "fr", "run"}}
	for _, c := range commands {
		runs = append(runs, []string{c.name, "-h"})
	}
	runs = append(runs,
		[]string{"run"},
		[]string{"run", "--bogus"},
		[]string{"run", "-c", cfg, "-r", "monthly"},
		[]string{"run", "-c", cfg, "-r", "weekly", "-p", "2024-03"},
		[]string{"run", "-c", cfg, "-r", "monthly", "-p", "2024-13"},
		[]string{"run", "-c", cfg, "-r", "monthly", "-p", "March"},
		[]string{"run", "-c", cfg, "-r", "monthly", "-p", "1900"},
		[]string{"run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "--date", "99/99/2024", "--no-email"},
		[]string{"run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "--date", "31/02/2024", "--no-email"},
		[]string{"run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "--date", "2024-04-20", "--no-email"},
		[]string{"run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "--date", "01/01/2024", "--no-email"},
		[]string{"run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "--number", "-1", "--no-email"},
		[]string{"run", "-c", cfg, "-r", "monthly", "-p", "2024-03", "--number", "x"},
		[]string{"run", "-c", filepath.Join(dir, "none.toml"), "-r", "monthly", "-p", "2024-03"},
		[]string{"validate", "-c", filepath.Join(dir, "none.toml")},
		[]string{"status", "-c", cfg, "-r", "monthly", "-p", "2024-03"},
		[]string{"send", "-c", cfg, "-r", "monthly", "-p", "2024-05"},
		[]string{"approve", "-c", cfg, "-r", "quarterly", "-p", "2024-Q1"},
		[]string{"reject", "-c", cfg, "-r", "quarterly", "-p", "2024-Q1", "--by", "Vân"},
		[]string{"reject", "-c", cfg, "-r", "quarterly", "-p", "2024-Q1", "--as", "van"},
		[]string{"mail-test", "-c", cfg},
		[]string{"serve", "-c", cfg, "--log-format", "xml"},
		[]string{"service"},
		[]string{"service", "bogus"},
		[]string{"schedule", "-c", cfg},
		[]string{"archive", "-c", cfg},
		[]string{"validate", "-c", cfg},
		[]string{"version"},
	)
	for _, args := range runs {
		_, out, errs := baocao(args...)
		if words := englishWords(out + "\n" + errs); len(words) > 0 {
			t.Errorf("baocao %s: English words %q in:\n%s%s", strings.Join(args, " "), words, out, errs)
		}
	}
	_, _, errs := baocao("--lang", "en", "run")
	if !strings.Contains(errs, "usage: baocao run -r REPORT -p PERIOD") || !strings.Contains(errs, "-r and -p are required") {
		t.Errorf("--lang en: %s", errs)
	}
	t.Setenv(catalog.EnvVar, "en")
	if _, _, errs := baocao("run"); !strings.Contains(errs, "-r and -p are required") {
		t.Errorf("BAOCAO_LANG=en: %s", errs)
	}
}

// The command line keeps its messages in the catalogue: no string literal
// with words reaches fmt's printing or error functions in this package.
func TestMessagesComeFromTheCatalogue(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	letters := regexp.MustCompile(`[\p{L}]{3,}`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		file, err := parser.ParseFile(fset, f, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			pkg, _ := sel.X.(*ast.Ident)
			if pkg == nil || !(pkg.Name == "fmt" && strings.HasPrefix(sel.Sel.Name, "Fprint") || pkg.Name == "fmt" && sel.Sel.Name == "Errorf" ||
				pkg.Name == "errors" && sel.Sel.Name == "New" || pkg.Name == "fmt" && sel.Sel.Name == "Sprintf") {
				return true
			}
			for _, a := range call.Args {
				lit, ok := a.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				s, _ := strconv.Unquote(lit.Value)
				path := strings.Contains(s, "/") && !strings.Contains(s, " ")
				if w := letters.FindString(s); w != "" && !names[strings.ToLower(w)] && !path {
					t.Errorf("%s: %s.%s with the text %q: put it in internal/catalog", fset.Position(lit.Pos()), pkg.Name, sel.Sel.Name, s)
				}
			}
			return true
		})
	}
}
