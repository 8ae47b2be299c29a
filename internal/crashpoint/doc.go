// Package crashpoint lets process-level tests kill baocao at a named step
// of making and sending a report, as a power cut or an OOM kill would.
//
// When the environment variable BAOCAO_TEST_CRASH_AT names a step, the
// process kills itself (SIGKILL on Unix: no deferred code, no flushing) on
// reaching it. Without the variable, Hit does nothing.
//
// The crash points are compiled only with the build tag crashpoint: the
// tests that kill baocao build it with -tags crashpoint
// (cmd/baocao/serve_test.go); `go build` and scripts/release.sh leave
// them out, so a release binary holds no crash point (.ci/run checks it).
package crashpoint
