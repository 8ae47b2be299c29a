package importer

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzImportText: any text is read without a panic, and a plan it yields
// loads (or is refused for an unread threshold only).
func FuzzImportText(f *testing.F) {
	for _, s := range []string{
		"Số: 1/KH-A\nKẾ HOẠCH\nII. CHỈ TIÊU\n1. Hồ sơ đúng hạn đạt 100%, riêng lĩnh vực xử lý đơn đạt 98%.\nIII. NHIỆM VỤ\n1.1 Việc.\n",
		"II. MỤC TIÊU, CHỈ TIÊU\n2. Chỉ tiêu\n2.1. nằm trong nhóm 03 đơn vị dẫn đầu\n2.2. đạt loại Tốt trở lên\n",
		"KẾ HOẠCH\n\n**II. CHỈ TIÊU**\n\n**1.** lĩnh vực lĩnh vực 100% lĩnh vực x đạt 99,5%\n",
	} {
		f.Add(s)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, s string) {
		for _, name := range []string{"k.md", "k.txt"} {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
			res, err := Import(p)
			if err != nil {
				continue
			}
			if res.Plan == nil && !res.Unread() {
				t.Fatalf("a plan that does not load:\n%s", res.TOML)
			}
		}
	})
}
