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

// TestIrregularFormMatchesAlike: what an irregular form asked matches in
// a brief does not depend on which other briefs are loaded. "biggest"
// finds "largest" through its base, "big", whether or not another brief
// holds "biggest" itself.
func TestIrregularFormMatchesAlike(t *testing.T) {
	parse := func(name, text string) *facts.Brief {
		t.Helper()
		br, err := facts.ParseBrief(name, strings.NewReader(text+"\nOriginal Source: example.com\n"))
		if err != nil {
			t.Fatal(err)
		}
		return br
	}
	orders := parse("orders.txt", "Orders at the storage division rose 38%, making it the company's largest unit.")
	crowd := parse("crowd.txt", "It was the biggest crowd the stadium had seen in ten years.")
	const question = "Which unit is now the company's biggest?"
	for _, briefs := range [][]*facts.Brief{{orders}, {orders, crowd}} {
		b, err := facts.New(briefs...)
		if err != nil {
			t.Fatal(err)
		}
		a := b.AskIn("orders", question)
		if len(a.Results) == 0 {
			t.Fatalf("%d briefs: no result for %q", len(briefs), question)
		}
		if top := a.Results[0]; slices.Contains(top.Unmatched, "biggest") {
			t.Errorf("%d briefs: %q leaves %q unmatched in %q", len(briefs), question, "biggest", top.Fact.Text)
		}
	}
}
