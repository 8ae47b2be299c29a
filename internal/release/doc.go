// Package release writes the release zips byte for byte the same from the
// same inputs: entries sorted by name, one fixed modification time, fixed
// permissions (0755 for programs, 0644 for the rest), no owner, no extra
// fields but the timestamp archive/zip writes from that fixed time.
package release
