package facts_test

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// TestBackground checks that a sentence whose matched words tell an
// earlier event than the story's is marked for a question that asks no
// earlier time, and that the story's own sentence, or a question about
// the past, is not.
func TestBackground(t *testing.T) {
	today := "A tornado tore through Marlow County on Sunday, killing seven people."
	earlier := "It was the county's deadliest storm since a tornado killed 11 people there in May 1999."
	quake := "The town was last hit by a comparable quake in 2001."
	b := baseOf(t, "Title: Storm\n\n"+today+"\n\n"+earlier+" "+quake+"\n")
	checkFeature(t, b, "background", []featureCase{
		{"How many people did the tornado kill?", earlier, true, "the tornado and the killing are the earlier one's"},
		{"How many people did the tornado kill?", today, false, "the story's own sentence"},
		{"When did the quake hit the town?", quake, true, "the sentence tells the last quake"},
		{"When was the town last hit by a quake?", quake, false, "the question asks about the last time"},
		{"How many did the tornado kill in 1999?", earlier, false, "the question names the earlier year"},
	})
}

// TestBackgroundSpan checks that the span model is told a phrase stands
// in the clause about an earlier event.
func TestBackgroundSpan(t *testing.T) {
	today := "A tornado tore through Marlow County on Sunday, killing seven people."
	earlier := "It was the county's deadliest storm since a tornado killed 11 people there in May 1999."
	b := baseOf(t, "Title: Storm\n\n"+today+" "+earlier+"\n")
	i := slices.Index(facts.SpanFeatureNames(), "background")
	if i < 0 {
		t.Fatal("no span feature background")
	}
	tests := []struct {
		q, part, span string
		want          bool
	}{
		{"How many people did the tornado kill?", earlier, "11 people", true},
		{"How many people did the tornado kill?", earlier, "county's deadliest storm", false},
		{"How many people did the tornado kill in 1999?", earlier, "11 people", false},
		{"How many people did the tornado kill?", today, "seven people", false},
	}
	for _, tt := range tests {
		if got := spanFeatures(t, b, tt.q, tt.part, tt.span)[i] == 1; got != tt.want {
			t.Errorf("%q, %q: background %v, want %v", tt.q, tt.span, got, tt.want)
		}
	}
}
