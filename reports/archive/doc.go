// Package archive files reports as <root>/<report>/<period>/v<N>/. Nothing in
// it is ever overwritten: a new run makes the next version, and a version
// appears whole or not at all — its files are written and synced in a hidden
// staging folder that is then renamed into place.
package archive
