// Command mkzip writes a reproducible release zip (internal/release):
//
//	go run ./scripts/mkzip -o OUT.zip -time UNIX [-x NAME]... NAME=SOURCE...
//	go run ./scripts/mkzip -contents
//
// Each NAME=SOURCE puts the file SOURCE in the zip as NAME; -x marks NAME
// executable. -contents prints the files every zip holds besides the
// program (release.Contents of the current directory), one a line.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/mn2010/baocao/internal/release"
)

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(s string) error { *l = append(*l, s); return nil }

func main() {
	out := flag.String("o", "", "the zip to write")
	unix := flag.Int64("time", 0, "every entry's modification time, in seconds since 1970 (SOURCE_DATE_EPOCH)")
	var exec list
	flag.Var(&exec, "x", "an executable entry `NAME` (repeatable)")
	contents := flag.Bool("contents", false, "print the files every zip holds besides the program, and exit")
	folder := flag.Bool("folder", false, "print the folder a zip unpacks into, and exit")
	flag.Parse()
	if *folder {
		fmt.Println(release.Folder)
		return
	}
	if *contents {
		files, err := release.Contents(".")
		if err != nil {
			fmt.Fprintln(os.Stderr, "mkzip:", err)
			os.Exit(1)
		}
		for _, f := range files {
			fmt.Println(f)
		}
		return
	}
	if *out == "" || *unix <= 0 || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: mkzip -o OUT.zip -time UNIX [-x NAME]... NAME=SOURCE...")
		os.Exit(2)
	}
	var entries []release.Entry
	for _, arg := range flag.Args() {
		name, src, ok := strings.Cut(arg, "=")
		if !ok {
			fmt.Fprintf(os.Stderr, "mkzip: %q: want NAME=SOURCE\n", arg)
			os.Exit(2)
		}
		entries = append(entries, release.Entry{Name: name, Source: src, Executable: contains(exec, name)})
	}
	f, err := os.Create(*out)
	if err == nil {
		err = release.Zip(f, entries, time.Unix(*unix, 0))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkzip:", err)
		os.Remove(*out)
		os.Exit(1)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
