package facts_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/facts"
	"github.com/briefbot/briefbot/facts/factstest"
)

// TestRelatedWordsMatch: a question word matches a fact word that WordNet
// relates to it in either direction, and through the fact word's base
// when the fact holds it in an irregular form.
func TestRelatedWordsMatch(t *testing.T) {
	b := factstest.Base(t, "relations.txt", strings.Join([]string{
		"The coalition, led by Dana Whitlow, won 14 of the 60 seats.",
		"The council paid 3 million dollars for the old rail yard.",
		"Shares in the brewer fell 4% on Monday after the warning.",
		"Wardens took water samples from the lake every week.",
	}, " ")+"\nOriginal Source: example.com\n")
	tests := []struct {
		question, word, fact, how string
	}{
		{"Who heads the coalition?", "heads", "led by", "the question word's relation names the fact word's base"},
		{"How much did the council spend on the rail yard?", "spend", "paid", "the question word's relation names the fact word's base"},
		{"How far did shares in the brewer drop?", "drop", "fell", "the fact word's base relates to the question word"},
		{"When did the brewer's shares fall?", "fall", "fell", "an irregular form of the question word"},
	}
	for _, tt := range tests {
		a := b.Ask(tt.question)
		if len(a.Results) == 0 {
			t.Errorf("%q: no results", tt.question)
			continue
		}
		top := a.Results[0]
		if !strings.Contains(top.Fact.Text, tt.fact) {
			t.Errorf("%q: top fact %q, want the one with %q", tt.question, top.Fact.Text, tt.fact)
		}
		if slices.Contains(top.Unmatched, tt.word) {
			t.Errorf("%q: %q matches nothing in %q (%s)", tt.question, tt.word, top.Fact.Text, tt.how)
		}
		if !highlighted(top, tt.fact) {
			t.Errorf("%q: %q is not highlighted in %q (%s)", tt.question, tt.fact, top.Fact.Text, tt.how)
		}
	}
}

// highlighted reports whether some highlight of r covers the start of
// text in r's fact (adjacent matched words join in one highlight).
func highlighted(r facts.Result, text string) bool {
	at := strings.Index(r.Fact.Text, text)
	for _, h := range r.Highlights {
		if at >= 0 && h.Start <= at && at < h.End {
			return true
		}
	}
	return false
}
