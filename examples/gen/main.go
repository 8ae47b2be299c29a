// Command gen writes the example data set (see internal/exampledata): a
// year of a kindergarten's records in the eight files of docs/spec.md §1, with the
// mess real files have.
//
//	go run ./examples/gen                             # remakes examples/data
//	go run ./examples/gen -scale 40 -out /tmp/bench   # a district's worth
package main

import (
	"flag"
	"log"

	"github.com/mn2010/baocao/internal/exampledata"
)

func main() {
	out := flag.String("out", "examples/data", "output `folder`")
	scale := flag.Int("scale", 1, "multiply the number of rows by `N`")
	flag.Parse()
	if err := exampledata.Generate(*out, *scale); err != nil {
		log.Fatal(err)
	}
}
