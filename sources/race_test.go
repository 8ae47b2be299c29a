//go:build race

package sources

// raceDetector: the race detector slows code 2–20 times, so time bounds
// are not checked under it (allocation bounds still are).
const raceDetector = true
