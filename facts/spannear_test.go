package facts_test

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// TestSpanNear checks the features of where the question's evidence
// stands around a span: beside the phrase the question restates, the
// evidence is near and its word pairs stand together; far from it,
// neither holds.
func TestSpanNear(t *testing.T) {
	b := baseOf(t, "Title: Ice\n\n"+
		"The Tarrow Ice Shelf collapsed in 2008 after a warm summer, scientists from the Halvard Polar Institute reported on Monday in a long paper.\n\n"+
		"A glacier collapsed on the coast, and a study published much later by researchers in Norway dated the event to 2008.\n")
	names := facts.SpanFeatureNames()
	meanDist, near, pairNear := slices.Index(names, "mean_dist"), slices.Index(names, "near"), slices.Index(names, "pair_near")
	tests := []struct {
		q, fact, span string
		near, pair    float64 // want
	}{
		// "collapsed in 2008" follows the answer: all the evidence is
		// near, and its pair stands together.
		{"What collapsed in 2008?", "Tarrow", "Tarrow Ice Shelf", 1, 1},
		// The evidence is more than nearWindow words away.
		{"What collapsed in 2008?", "Tarrow", "long paper", 0, 0},
		// Near one of the question's words, but its pair is split
		// across the sentence.
		{"What collapsed in 2008?", "glacier", "glacier", -1, 0},
	}
	for _, tt := range tests {
		fv := spanFeatures(t, b, tt.q, tt.fact, tt.span)
		if tt.near >= 0 && fv[near] != tt.near {
			t.Errorf("%q: %q near = %v, want %v", tt.q, tt.span, fv[near], tt.near)
		}
		if fv[pairNear] != tt.pair {
			t.Errorf("%q: %q pair_near = %v, want %v", tt.q, tt.span, fv[pairNear], tt.pair)
		}
	}
	// The evidence weighs by distance: the phrase it surrounds is nearer
	// on average than one at the sentence's end.
	close := spanFeatures(t, b, "What collapsed in 2008?", "Tarrow", "Tarrow Ice Shelf")
	far := spanFeatures(t, b, "What collapsed in 2008?", "Tarrow", "long paper")
	if !(close[meanDist] < far[meanDist]) {
		t.Errorf("mean_dist of the phrase beside the evidence %v, of one far from it %v: want the first smaller", close[meanDist], far[meanDist])
	}
}

// spanFeatures is the span model's features of the phrase span of the
// fact holding part, as the answer to q.
func spanFeatures(t *testing.T, b *facts.Base, q, part, span string) []float64 {
	t.Helper()
	for _, s := range b.Spans(q, factWith(t, b, part)) {
		if s.Text == span {
			return s.Features
		}
	}
	t.Fatalf("%q: no candidate %q in the fact holding %q", q, span, part)
	return nil
}
