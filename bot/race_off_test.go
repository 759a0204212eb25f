//go:build !race

package bot

// raceDetector is off; see race_on_test.go.
const raceDetector = false
