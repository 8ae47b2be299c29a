//go:build !race

package testtools

// Race is true when the tests run under the race detector (go test
// -race), which slows the code several times: wall-clock bounds do not
// hold then and are left out.
const Race = false
