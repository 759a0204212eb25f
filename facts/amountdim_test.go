package facts_test

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/facts"
)

// TestSpanAmountDimension checks that an amount of the dimension asked
// for (money, share, count, time) is told from an amount of another.
func TestSpanAmountDimension(t *testing.T) {
	b := baseOf(t, "Title: Results\n\n"+
		"Revenue rose 3% to €842 million in the quarter, and the group's 9,400 staff worked a 72-hour week.\n\n"+
		"The study followed 18,450 people for 10.2 years.\n")
	names := facts.SpanFeatureNames()
	same, clash := slices.Index(names, "dim_same"), slices.Index(names, "dim_clash")
	tests := []struct {
		q, span string
		want    string // "same", "clash" or "" for neither
	}{
		{"How much revenue did the group report?", "€842 million", "same"},
		{"How much revenue did the group report?", "3%", "clash"},
		{"What percentage did revenue rise by?", "3%", "same"},
		{"How many staff does the group have?", "9,400", "same"},
		{"How many staff does the group have?", "€842 million", "clash"},
		{"How many staff does the group have?", "72-hour", "clash"},
		{"How many people took part in the study?", "18,450", "same"},
		{"How many people took part in the study?", "10.2 years", "clash"},
		{"How many years did the study last?", "10.2 years", "same"},
		{"How many people took part in the study?", "study", ""},
		{"Who followed the people?", "18,450", ""},
	}
	for _, tt := range tests {
		got, found := "", false
		for _, s := range b.Spans(tt.q, factWith(t, b, tt.span)) {
			if s.Text != tt.span {
				continue
			}
			found = true
			switch {
			case s.Features[same] == 1 && s.Features[clash] == 1:
				got = "both"
			case s.Features[same] == 1:
				got = "same"
			case s.Features[clash] == 1:
				got = "clash"
			}
		}
		if !found || got != tt.want {
			t.Errorf("%q: the span %q (found %v) is %q, want %q", tt.q, tt.span, found, got, tt.want)
		}
	}
}
