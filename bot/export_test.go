package bot

// RaceDetector lets the external tests (package bot_test) ask less of a
// machine slowed by the race detector, as the internal ones do.
const RaceDetector = raceDetector
