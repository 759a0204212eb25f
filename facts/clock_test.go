package facts_test

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// TestWhatTimeWantsTimeOfDay checks that "what time" asks for a time of
// day: a sentence that dates what the question asks by a year alone holds
// a second choice, while for "when" the year is as good as the time.
func TestWhatTimeWantsTimeOfDay(t *testing.T) {
	clock := "The quake hit the valley town at 4:17 a.m."
	year := "The valley town was hit by a quake in 2001."
	b := baseOf(t, "Title: Quake\n\n"+clock+"\n\n"+year+"\n")
	wanted := slices.Index(facts.FeatureNames(), "wanted")
	score := func(q, fact string) float64 {
		t.Helper()
		fv, ok := candidateFeatures(b, q, fact)
		if !ok {
			t.Fatalf("%q: no candidate %q", q, fact)
		}
		return fv[wanted]
	}
	for _, q := range []string{"What time did the quake hit the valley town?", "At what time was the valley town hit?"} {
		if c, y := score(q, clock), score(q, year); !(c > y) {
			t.Errorf("%q: wanted %.2f for the time of day, %.2f for the year: want the first higher", q, c, y)
		}
	}
	if c, y := score("When did the quake hit the valley town?", clock), score("When did the quake hit the valley town?", year); y < c*0.9 {
		t.Errorf("when: wanted %.2f for the time of day, %.2f for the year: want them alike", c, y)
	}
}
