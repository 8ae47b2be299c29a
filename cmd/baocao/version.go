package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/mn2010/baocao/internal/catalog"
)

// version is stamped by scripts/release.sh:
//
//	go build -ldflags "-X main.version=1.2.0" ./cmd/baocao
var version = ""

// Version is the stamped version, else the module version go install
// recorded, else "dev".
func Version() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

func versionCmd(args []string, stdout, stderr io.Writer) error {
	fs, _ := flagSet("version", stderr)
	if err := parse(fs, args, lineOf(nil)); err != nil {
		return err
	}
	fmt.Fprintln(stdout, catalog.VersionLine.F(Version(), runtime.Version(), runtime.GOOS, runtime.GOARCH))
	return nil
}
