package facts_test

import (
	"testing"
)

// TestAskInAtBelowTheThreshold: asked at a lower threshold than the
// fitted one, a question the matcher would leave unanswered is answered
// with its sentence, but nothing in bold, and its confidence is the
// sentence's.
func TestAskInAtBelowTheThreshold(t *testing.T) {
	b := seedBase(t)
	const q = "What did the EU pledge to fund?" // the brief does not say
	if a := b.AskIn("", q); a.Answered {
		t.Fatalf("%q is answered at the fitted threshold (%.3f): the test needs one that is not", q, a.Confidence)
	}
	a := b.AskInAt("", q, 0.01)
	if !a.Answered || len(a.Results) == 0 {
		t.Fatalf("not answered at threshold 0.01: confidence %.3f", a.Confidence)
	}
	if a.Short != "" || a.ShortConfidence != 0 || a.Confidence != a.FactConfidence {
		t.Errorf("short %q (%.3f), confidence %.3f, sentence %.3f: want no short answer and the sentence's confidence",
			a.Short, a.ShortConfidence, a.Confidence, a.FactConfidence)
	}
	if again := b.AskInAt("", q, 0.01); again.Confidence != a.Confidence || again.Results[0].Fact.ID != a.Results[0].Fact.ID {
		t.Error("the same question at the same threshold answered differently")
	}
}
