package render

import (
	"os"
	"path/filepath"
	"runtime"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/mn2010/baocao/internal/catalog"
	"golang.org/x/image/font/sfnt"
)

// Font is the typeface the PDF embeds, its four styles as TrueType files.
// Nghị định 30 names Times New Roman; Liberation Serif, its metric twin,
// stands in where the machine does not have it.
type Font struct {
	Name                              string // "Times New Roman", "Liberation Serif"
	Regular, Bold, Italic, BoldItalic []byte
}

// LiberationSerif is the font embedded in the binary.
var LiberationSerif = &Font{Name: "Liberation Serif", Regular: liberationserifregular.TTF, Bold: liberationserifbold.TTF,
	Italic: liberationserifitalic.TTF, BoldItalic: liberationserifbolditalic.TTF}

// TimesNewRoman is the decree's font.
const TimesNewRoman = "Times New Roman"

// timesFiles are the names Times New Roman's four files go by: Windows and
// Debian's ttf-mscorefonts-installer (times.ttf …), the Core Fonts' own
// names (Times_New_Roman.ttf …) and macOS's.
var timesFiles = [][4]string{
	{"times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"},
	{"Times_New_Roman.ttf", "Times_New_Roman_Bold.ttf", "Times_New_Roman_Italic.ttf", "Times_New_Roman_Bold_Italic.ttf"},
	{"Times New Roman.ttf", "Times New Roman Bold.ttf", "Times New Roman Italic.ttf", "Times New Roman Bold Italic.ttf"},
}

// FontDirs are the folders searched for Times New Roman after the
// config's: the Windows fonts folder, the usual Linux and macOS ones.
func FontDirs() []string {
	var dirs []string
	if runtime.GOOS == "windows" {
		root := os.Getenv("WINDIR")
		if root == "" {
			root = `C:\Windows`
		}
		dirs = append(dirs, filepath.Join(root, "Fonts"))
		if l := os.Getenv("LOCALAPPDATA"); l != "" {
			dirs = append(dirs, filepath.Join(l, "Microsoft", "Windows", "Fonts"))
		}
		return dirs
	}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".local/share/fonts"), filepath.Join(home, ".fonts"),
			filepath.Join(home, "Library/Fonts"))
	}
	return append(dirs, "/usr/share/fonts/truetype/msttcorefonts", "/usr/share/fonts/truetype/mscorefonts",
		"/usr/share/fonts/TTF", "/usr/share/fonts/truetype", "/usr/share/fonts", "/usr/local/share/fonts",
		"/Library/Fonts", "/System/Library/Fonts/Supplemental", "/System/Library/Fonts")
}

// FindFont looks for Times New Roman's four files in dirs, in order (a
// folder and, one level down, its subfolders), and returns them; when no
// folder has all four, Liberation Serif. A file found but not a usable
// TrueType font is an error: the config named a folder that is wrong.
func FindFont(dirs []string) (*Font, error) {
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		cands := []string{dir}
		if subs, err := filepath.Glob(filepath.Join(dir, "*")); err == nil {
			for _, s := range subs {
				if fi, err := os.Stat(s); err == nil && fi.IsDir() {
					cands = append(cands, s)
				}
			}
		}
		for _, d := range cands {
			for _, names := range timesFiles {
				f, ok, err := readFont(d, names)
				if err != nil {
					return nil, err
				}
				if ok {
					return f, nil
				}
			}
		}
	}
	return LiberationSerif, nil
}

func readFont(dir string, names [4]string) (*Font, bool, error) {
	var data [4][]byte
	for i, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return nil, false, nil
		}
		if _, err := sfnt.Parse(b); err != nil {
			return nil, false, catalog.FontNotTTF.Errorf(filepath.Join(dir, n), err)
		}
		data[i] = b
	}
	return &Font{Name: TimesNewRoman, Regular: data[0], Bold: data[1], Italic: data[2], BoldItalic: data[3]}, true, nil
}
