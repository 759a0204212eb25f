//go:build !race

package factstest

// raceDetector reports whether the race detector is on; see SkipUnderRace.
const raceDetector = false
