// Package arch holds the import rules of docs/architecture.md as a test:
// `go test ./internal/arch` fails, naming the package and the import, when
// a package imports what its line in the figure says it must never import.
package arch
