package strictoml

import (
	"strings"
	"testing"

	"github.com/mn2010/baocao/internal/catalog"
)

func TestDecode(t *testing.T) {
	var v struct {
		Port int    `toml:"port"`
		Host string `toml:"host"`
		T    struct {
			To []string `toml:"to"`
		} `toml:"t"`
	}
	tests := []struct {
		name, data string
		words      []string
	}{
		{"ok", "port = 587\nhost = \"a\"\n", nil},
		{"typo", "port = 587\nhots = \"a\"\n", []string{"c.toml: dòng 2", "không có khoá", "hots"}},
		{"wrong type", "port = \"587\"\n", []string{"c.toml: dòng 1, cột", `"port" cần một số`}},
		{"a list wanted", "[t]\nto = \"a@b.vn\"\n", []string{"dòng 2", `"t.to" cần một danh sách`}},
		{"syntax", "port = \n", []string{"dòng 1", "cú pháp TOML"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Decode("c.toml", []byte(tt.data), &v)
			if (err != nil) != (tt.words != nil) {
				t.Fatalf("err = %v", err)
			}
			for _, w := range tt.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q lacks %q", err, w)
				}
			}
		})
	}
}

// With --lang en the errors say go-toml's English.
func TestDecodeEnglish(t *testing.T) {
	defer catalog.Set(catalog.Vietnamese)
	catalog.Set(catalog.English)
	var v struct {
		Port int `toml:"port"`
	}
	if err := Decode("c.toml", []byte("port = \"x\"\n"), &v); err == nil || !strings.Contains(err.Error(), "c.toml: line 1, column") || !strings.Contains(err.Error(), "cannot decode TOML string") {
		t.Errorf("err = %v", err)
	}
	if err := Decode("c.toml", []byte("prt = 1\n"), &v); err == nil || !strings.Contains(err.Error(), `unknown key "prt"`) {
		t.Errorf("err = %v", err)
	}
}
