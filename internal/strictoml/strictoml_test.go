package strictoml

import (
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	var v struct {
		Port int    `toml:"port"`
		Host string `toml:"host"`
	}
	tests := []struct {
		name, data string
		words      []string
	}{
		{"ok", "port = 587\nhost = \"a\"\n", nil},
		{"typo", "port = 587\nhots = \"a\"\n", []string{"c.toml: line 2", "unknown field", "hots"}},
		{"wrong type", "port = \"587\"\n", []string{"c.toml: line 1", "port"}},
		{"syntax", "port = \n", []string{"line 1"}},
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
