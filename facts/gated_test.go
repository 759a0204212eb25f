package facts_test

import (
	"testing"
)

// TestGatedAnswer: a sentence confident enough to answer but lacking a
// number the question names is held back and marked Gated, so a caller
// can still say the number asked about is not the one written; a
// sentence that holds the number answers and is not marked.
func TestGatedAnswer(t *testing.T) {
	b := baseOf(t, "Title: Lakeside vote\n\nTurnout in the Lakeside referendum was 41 percent of registered voters.\n")
	for _, tt := range []struct {
		q               string
		answered, gated bool
	}{
		{"Was turnout in the Lakeside referendum 48 percent?", false, true},
		{"Was turnout in the Lakeside referendum 41 percent?", true, false},
		{"Who won the Harbour Cup final?", false, false},
	} {
		a := b.Ask(tt.q)
		if a.Answered != tt.answered || a.Gated != tt.gated {
			t.Errorf("%q: answered %v, gated %v at %.2f; want %v, %v", tt.q, a.Answered, a.Gated, a.Confidence, tt.answered, tt.gated)
		}
	}
}
