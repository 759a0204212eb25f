package facts_test

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/facts"
)

// TestNearMissFeatures: a question asking the opposite of what a sentence
// says, or denying what it states, is told apart from one that asks what
// it says, whatever the weights make of it.
func TestNearMissFeatures(t *testing.T) {
	brief := "The main railway line was closed after the flood.\n\nThe mayor did not attend the ceremony.\n\nOriginal Source: example.com\n"
	b, err := facts.LoadFS(fstest.MapFS{"flood.txt": {Data: []byte(brief)}})
	if err != nil {
		t.Fatal(err)
	}
	names := facts.FeatureNames()
	feature := func(t *testing.T, q, fact, name string) float64 {
		t.Helper()
		for _, c := range b.Candidates(q) {
			if c.Fact.Text == fact {
				return c.Features[slices.Index(names, name)]
			}
		}
		t.Fatalf("%q: no candidate %q", q, fact)
		return 0
	}
	line, mayor := "The main railway line was closed after the flood.", "The mayor did not attend the ceremony."
	for _, tt := range []struct {
		q, fact, feature string
		on               bool
	}{
		{"Was the railway line opened after the flood?", line, "antonym", true},
		{"Was the railway line closed after the flood?", line, "antonym", false},
		{"Which railway line was not closed?", line, "neg_question", true},
		{"Why was the railway line closed?", line, "neg_question", false},
		{"Didn't they close the railway line?", line, "neg_question", false},
		{"Did the mayor attend the ceremony?", mayor, "neg_fact", true},
		{"Who did not attend the ceremony?", mayor, "neg_fact", false},
	} {
		if got := feature(t, tt.q, tt.fact, tt.feature) > 0; got != tt.on {
			t.Errorf("%q: %s = %v, want %v", tt.q, tt.feature, got, tt.on)
		}
	}
	a := b.Ask("Is the railway line still open?")
	if len(a.Results) == 0 || !slices.Equal(a.Results[0].Opposed, []string{"open"}) {
		t.Errorf("Is the railway line still open? Results %+v, want the line's closing, with \"open\" opposed", a.Results)
	}
}
