//go:build !race

package sources

const raceDetector = false
