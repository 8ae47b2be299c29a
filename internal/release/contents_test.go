package release

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	// mdLink is a Markdown link or image target: [text](target).
	mdLink = regexp.MustCompile(`\]\(([^)\s]+)(?:\s+"[^"]*")?\)`)
	// repoPath is a file named in text from the repository root, as the
	// config and the guide do: docs/configuration.md, deploy/baocao.service.
	repoPath = regexp.MustCompile(`\b((?:docs|deploy)/[A-Za-z0-9._-]+\.(?:md|png|service))\b`)
)

// TestEveryLinkResolvesInsideTheZip: every relative link in the zipped
// Markdown pages, and every docs/… or deploy/… file the pages and
// config.example.toml name, is a file of the zip (huong-dan.md and the
// config point to duyet-bao-cao.md, configuration.md, trang-web.md and
// deploy/baocao.service).
func TestEveryLinkResolvesInsideTheZip(t *testing.T) {
	root := filepath.Join("..", "..")
	files, err := Contents(root)
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]bool{}
	for _, f := range files {
		in[f] = true
	}
	for _, must := range []string{"config.example.toml", "docs/huong-dan.md", "docs/duyet-bao-cao.md", "docs/configuration.md",
		"docs/trang-web.md", "deploy/baocao.service", "docs/trang-web-tong-quan.png"} {
		if !in[must] {
			t.Errorf("the zip lacks %s", must)
		}
	}
	links := 0
	for _, f := range files {
		if !strings.HasSuffix(f, ".md") && !strings.HasSuffix(f, ".toml") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if strings.HasSuffix(f, ".md") {
			for _, m := range mdLink.FindAllStringSubmatch(text, -1) {
				target := m[1]
				if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") || strings.HasPrefix(target, "#") {
					continue
				}
				target, _, _ = strings.Cut(target, "#")
				links++
				if p := path.Join(path.Dir(f), target); !in[p] {
					t.Errorf("%s links to %s (%s), which is not in the zip", f, m[1], p)
				}
			}
		}
		for _, m := range repoPath.FindAllStringSubmatch(text, -1) {
			links++
			if !in[m[1]] {
				t.Errorf("%s names %s, which is not in the zip", f, m[1])
			}
		}
	}
	if links < 10 {
		t.Errorf("only %d links checked", links)
	}
}
