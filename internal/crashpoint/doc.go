// Package crashpoint lets process-level tests kill baocao at a named step
// of making and sending a report, as a power cut or an OOM kill would.
//
// When the environment variable BAOCAO_TEST_CRASH_AT names a step, the
// process kills itself (SIGKILL on Unix: no deferred code, no flushing) on
// reaching it. Without the variable, Hit does nothing.
package crashpoint
