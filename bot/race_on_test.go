//go:build race

package bot

// raceDetector is on: the race detector slows matching about tenfold, and
// it checks concurrency, not answers, so the long property tests ask
// fewer questions under it.
const raceDetector = true
