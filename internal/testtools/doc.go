// Package testtools holds what the tests of several packages share: the
// example config read into a package's settings, the skip-or-fail rule for
// external tools, and polling for a condition with a deadline.
package testtools
