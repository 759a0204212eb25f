package factstest

import "testing"

// SkipUnderRace skips a test that is minutes long under the race detector
// and checks no concurrency: one that scores answers over a whole question
// set, or regenerates a data file from its source. The store's and the
// bot's own tests check the concurrency; .ci/run runs the packages of the
// skipped tests again without the detector, so each still runs on every
// CI run.
func SkipUnderRace(t testing.TB) {
	t.Helper()
	if raceDetector {
		t.Skip("slow under the race detector and checks no concurrency; run without -race (.ci/run does)")
	}
}
